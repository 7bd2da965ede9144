"""The GeoJSON view: one Point feature per located event."""

from __future__ import annotations

from typing import Any

COORDINATES = ("lat", "lon")


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """A Feature at the event's place ([lon, lat]); its properties are the record without the
    coordinates (which the geometry holds). None for an event without a location."""
    location = record["location"]
    if location is None:
        return None
    properties = {**record, "location": {k: v for k, v in location.items() if k not in COORDINATES}}
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
        "properties": properties,
    }
