"""The clean stage's data files (``eventwire/data/*.toml``), read once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML data file *name* under ``eventwire/data``."""
    text = (resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def setting(section: str, key: str) -> Any:
    """One value of ``clean.toml``."""
    return load("clean.toml")[section][key]
