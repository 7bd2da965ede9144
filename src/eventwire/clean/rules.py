"""The clean stage's data files (``eventwire/data/*.toml``), read once."""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import load


def setting(section: str, key: str) -> Any:
    """One value of ``clean.toml``."""
    return load("clean.toml")[section][key]
