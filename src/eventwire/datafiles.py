"""The package's data files (``src/eventwire/data``): found and parsed in one place."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def path(*parts: str) -> Path:
    """The path of a data file or folder, e.g. ``path("gazetteer", "resolver.json")``."""
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


@cache
def load(*parts: str) -> Any:
    """A JSON or TOML data file, parsed once per process (treat the result as read-only)."""
    text = read_text(*parts)
    return tomllib.loads(text) if parts[-1].endswith(".toml") else json.loads(text)
