"""The PLOVER view of an event record: the field names of the PLOVER manual's JSON tables.

PLOVER (Open Event Data Alliance, CC BY-SA 4.0) names the record fields, the entity object
(``code``, ``sector``, ``entity_text``, ``identifier_text``), the location object (Mordecai
style, ``resolution`` 4 city … 1 country), ``text_info`` and ``cite_info``. ``quad_code`` is
the type's quad category in the ontology; auxiliary modes go into ``context``, as the manual
asks. A coarse date is given as its first day in ``date`` and its last day in ``enddate``.
``certainty`` and ``claimant`` are eventwire's own fields.
"""

from __future__ import annotations

from typing import Any

from eventwire import __version__
from eventwire.events.ontology import load_ontology
from eventwire.export.countries import alpha3
from eventwire.export.countries import name as country_name
from eventwire.store.periods import period

CODER = f"eventwire {__version__}"
# The manual's numeric code of each quad category.
QUAD_CODE = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
# Location.precision → the PLOVER location object's ``resolution`` code.
RESOLUTION = {"settlement": 4, "district": 3, "region": 2, "country": 1}


def plover_record(record: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER JSON record of an events export record."""
    evidence, size = record["evidence"], record["size"]
    start, end = _dates(record["date"])
    return {
        "id": record["id"],
        "date": start,
        "enddate": end,
        "actor": [_entity(p) for p in record["actor"]],
        "recipient": [_entity(p) for p in record["recipient"]],
        "event": [record["event"]],
        "mode": record["mode"],
        "context": record["context"] + ([record["aux"]] if record["aux"] else []),
        "event_loc": _location(record["location"], evidence["location"]),
        "event_text": [evidence["trigger"]["text"]],
        "quad_code": _quad_code(record["event"]),
        "dead": size["dead"],
        "injured": size["injured"],
        "arrested": size["arrested"],
        "size": size["people"],
        "link": record["story_id"],
        "text_info": {"start": evidence["sentence"]["start"], "end": evidence["sentence"]["end"]},
        "cite_info": {"publication": record["mentions"][0]["source"], "coder": CODER},
        "coder": CODER,
        "certainty": record["certainty"],
        "claimant": _entity(record["claimant"]) if record["claimant"] else None,
    }


def _dates(value: str | None) -> tuple[str | None, str | None]:
    """``date`` and ``enddate``: a day alone, a longer period as its first and last day."""
    days = period(value)
    if days is None:
        return value, None
    first, last = days
    return first.isoformat(), last.isoformat() if last != first else None


def _quad_code(event: str) -> int | None:
    kind = load_ontology().types.get(event)
    return QUAD_CODE[kind.quad] if kind else None


def _entity(participant: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": participant.get("country"),
        "sector": participant.get("sector"),
        "entity_text": participant["text"],
        "identifier_text": participant["name"],
    }


def _location(location: dict[str, Any] | None, words: dict[str, Any] | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "extracted_place": words["text"] if words else None,
        "resolved_place": location["name"],
        "geonameid": location["geonameid"],
        "lat": location["lat"],
        "lon": location["lon"],
        "province": location["admin1"],
        "country": country_name(location["country"]),
        "country_code": alpha3(location["country"]),
        "resolution": RESOLUTION.get(location["precision"]),
    }
