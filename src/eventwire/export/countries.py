"""Country codes and names the export views need (``data/export/countries.tsv``)."""

from __future__ import annotations

from functools import cache

from eventwire.datafiles import read_text


@cache
def _table() -> dict[str, tuple[str, str]]:
    rows = (line.split("\t") for line in read_text("export", "countries.tsv").splitlines())
    return {alpha2: (alpha3, name) for alpha2, alpha3, name in (r for r in rows if not r[0].startswith("#"))}


def alpha3(alpha2: str | None) -> str | None:
    """The ISO 3166-1 alpha-3 code (PLOVER style) of an alpha-2 code; None when unknown."""
    return _table().get(alpha2 or "", (None, None))[0]


def name(alpha2: str | None) -> str | None:
    """The English short name of a country given its alpha-2 code; None when unknown."""
    return _table().get(alpha2 or "", (None, None))[1]
