"""docs/schema.md documents every field that every export kind and format writes."""

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.export.registry import EXPORTS

DOC = Path(__file__).parents[2] / "docs" / "schema.md"
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|([^|]+)\|([^|]+)\|")
PROPERTIES = "features[].properties."


def tables(doc: str) -> dict[str, dict[str, str]]:
    """``{section: {field: type}}``; a section is ``## kind`` or ``## kind`` / ``### name``."""
    found: dict[str, dict[str, str]] = {}
    top = section = ""
    for line in doc.splitlines():
        if line.startswith("## "):
            top = section = line[3:].strip()
        elif line.startswith("### "):
            section = f"{top}/{line[4:].strip()}"
        elif (row := ROW.match(line)) and row[3].strip():
            found.setdefault(section, {})[row[1]] = row[2].strip()
    return found


def documented(doc: str) -> dict[str, set[str]]:
    """Field paths per section, a field of a shared object type expanded into its members."""
    sections = tables(doc)
    shared = {
        name.split("/")[1]: set(fields)
        for name, fields in sections.items()
        if name.startswith("Shared objects/")
    }
    paths: dict[str, set[str]] = {}
    for section, fields in sections.items():
        paths[section] = set(fields)
        for name, type_ in fields.items():
            for obj in re.findall(r"`([^`]+)`", type_):
                sep = "[]." if type_.startswith("list") else "."
                paths[section] |= {f"{name}{sep}{member}" for member in shared[obj]}
    return paths


def paths(value, prefix: str = "") -> Iterator[str]:
    """Every field path in a JSON value: ``a``, ``a.b``, ``a[].b``."""
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else key
            yield name
            yield from paths(item, name)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for item in value:
            yield from paths(item, prefix + "[]")


def exported_fields(fmt: str, text: str) -> set[str]:
    if fmt in ("csv", "acled"):
        return set(next(csv.reader(io.StringIO(text)), []))
    if fmt == "geojson":
        return set(paths(json.loads(text)))
    return {p for line in text.splitlines() for p in paths(json.loads(line))}


def is_documented(field: str, kind: str, fmt: str, docs: dict[str, set[str]]) -> bool:
    record = docs.get(f"{kind}/jsonl") or docs.get(kind, set())
    if fmt == "csv":
        return field in {p.replace("[]", "").replace(".", "_") for p in record}
    if fmt == "jsonl":
        return field in record
    if fmt == "geojson" and field.startswith(PROPERTIES):
        return field.removeprefix(PROPERTIES) in record
    return field in docs.get(f"{kind}/{fmt}", set())


def undocumented(doc: str, exported) -> list[str]:
    docs, missing = documented(doc), []
    for kind, formats in EXPORTS.items():
        for fmt in formats:
            fields = exported_fields(fmt, exported(kind, fmt))
            assert fields, f"the test store exports nothing for {kind} {fmt}"
            missing += [f"{kind} {fmt}: {f}" for f in sorted(fields) if not is_documented(f, kind, fmt, docs)]
    return missing


def test_every_exported_field_is_documented(exported):
    assert undocumented(DOC.read_text(encoding="utf-8"), exported) == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "| `story_id` |",
            [
                "events csv: story_id",
                "events geojson: features[].properties.story_id",
                "events jsonl: story_id",
            ],
        ),
        ("| `event_loc.resolution` |", ["events plover: event_loc.resolution"]),
        ("| `fatalities` |", ["events acled: fatalities"]),
        ("| `features[].geometry.coordinates` |", ["events geojson: features[].geometry.coordinates"]),
        ("| `chain` | integer", ["entities csv: chain", "entities jsonl: chain"]),
    ],
)
def test_a_field_missing_from_the_doc_is_reported(exported, row, expected):
    doc = "\n".join(line for line in DOC.read_text(encoding="utf-8").splitlines() if not line.startswith(row))
    assert sorted(undocumented(doc, exported)) == expected


def test_every_documented_row_has_a_type_and_a_meaning():
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            assert ROW.match(line) and all(cell.strip() for cell in line.strip("|").split("|")), line
