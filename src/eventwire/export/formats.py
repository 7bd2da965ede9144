"""Writers for exported rows: JSON Lines, CSV and a GeoJSON FeatureCollection."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """CSV with a header from the first row; nested values become ``parent_child`` columns."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = flatten(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def write_geojson(features: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection of *features*, written one feature per line as they come."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for feature in features:
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
