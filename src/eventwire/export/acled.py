"""The ACLED-shaped view: ACLED's public column names, filled from our own event records.

Only the shape is ACLED's; no ACLED data is used. Rows are the events that have an ``acled``
code and are reported as having happened (no ``negation``, ``future`` or ``hypothetical``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.export.countries import name as country_name
from eventwire.store.periods import period

NOT_OCCURRED = frozenset({"negation", "future", "hypothetical"})
# ACLED's precision codes: 1 the day / the town, 2 the week / near the town or its district,
# 3 the month or coarser / the region or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"settlement": 1, "district": 2, "region": 3, "country": 3}

Record = dict[str, Any]


def _first_day(record: Record) -> str | None:
    days = period(record["date"])
    return days[0].isoformat() if days else None


def _names(role: str, first: bool) -> str | None:
    def names(record: Record) -> str | None:
        found = [p["name"] for p in record[role]]
        chosen = found[:1] if first else found[1:]
        return "; ".join(chosen) or None

    return names


def _place(key: str) -> Callable[[Record], Any]:
    return lambda r: r["location"][key] if r["location"] else None


COLUMNS: dict[str, Callable[[Record], Any]] = {
    "event_id_cnty": lambda r: r["id"],
    "event_date": _first_day,
    "year": lambda r: int(day[:4]) if (day := _first_day(r)) else None,
    "time_precision": lambda r: TIME_PRECISION.get(r["date_precision"] or ""),
    "event_type": lambda r: r["acled"]["event_type"],
    "sub_event_type": lambda r: r["acled"]["sub_event_type"],
    "actor1": _names("actor", first=True),
    "assoc_actor_1": _names("actor", first=False),
    "actor2": _names("recipient", first=True),
    "assoc_actor_2": _names("recipient", first=False),
    "country": lambda r: country_name(r["location"]["country"]) if r["location"] else None,
    "admin1": _place("admin1"),
    "location": _place("name"),
    "latitude": _place("lat"),
    "longitude": _place("lon"),
    "geo_precision": lambda r: GEO_PRECISION.get(r["location"]["precision"]) if r["location"] else None,
    "source": lambda r: "; ".join(dict.fromkeys(m["source"] for m in r["mentions"])),
    "notes": lambda r: " ".join(m["sentence"] for m in r["mentions"]),
    "fatalities": lambda r: r["size"]["dead"] or 0,
}


def acled_row(record: Record) -> Record | None:
    """The ACLED-shaped row of an events export record, or None when it has none."""
    if record["acled"] is None or record["aux"] in NOT_OCCURRED:
        return None
    return {column: value(record) for column, value in COLUMNS.items()}
