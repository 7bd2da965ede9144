"""The PLOVER ontology with eventwire's extensions, read from ``data/ontology/plover.toml``.

Types, their modes, the contexts, the auxiliary modes, the actor sector codes and PLOVER's
JSON field names, as typed read-only records, plus checks of a coded event against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire import datafiles

ONTOLOGY_FILE = ("ontology", "plover.toml")


@dataclass(frozen=True)
class Term:
    """A mode or a context: its name, what it means, and whether eventwire added it."""

    name: str
    definition: str
    extension: bool = False


@dataclass(frozen=True)
class EventType:
    """One of the 16 PLOVER event types with its modes."""

    name: str
    quad: str  # verbal cooperation, material cooperation, verbal conflict, material conflict
    definition: str
    recipient: bool  # whether PLOVER requires a recipient
    modes: dict[str, Term]
    notes: tuple[str, ...] = ()  # boundaries with other types


@dataclass(frozen=True)
class Aux:
    """An auxiliary mode; ``happened`` is False when the report does not say the event took place."""

    name: str
    definition: str
    example: str
    happened: bool


@dataclass(frozen=True)
class Sector:
    """A 3-letter actor sector code."""

    code: str
    definition: str
    frequent: bool


@dataclass(frozen=True)
class Ontology:
    """Everything in ``plover.toml``; dictionaries keep the file's order."""

    types: dict[str, EventType]
    contexts: dict[str, Term]
    aux: dict[str, Aux]
    sectors: dict[str, Sector]
    actor_codes: dict[str, str]  # international non-state actors used in place of a country
    old_names: dict[str, str]  # DEMAND -> REQUEST, ...
    json_fields: dict[str, tuple[str, ...]]  # PLOVER JSON object (record, entity, ...) -> field names
    json_required: tuple[str, ...]  # the record fields PLOVER requires

    def extensions(self) -> list[tuple[str | None, Term]]:
        """eventwire's additions: ``(type, mode)`` for modes, ``(None, context)`` for contexts."""
        modes = [(t.name, m) for t in self.types.values() for m in t.modes.values() if m.extension]
        return modes + [(None, c) for c in self.contexts.values() if c.extension]


def _terms(rows: list[dict[str, Any]]) -> dict[str, Term]:
    return {row["name"]: Term(row["name"], row["definition"], row.get("extension", False)) for row in rows}


def _event_type(name: str, row: dict[str, Any]) -> EventType:
    return EventType(
        name=name,
        quad=row["quad"],
        definition=row["definition"],
        recipient=row["recipient"],
        modes=_terms(row.get("modes", [])),
        notes=tuple(row.get("notes", ())),
    )


def _json_fields(json: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    fields = {"record": tuple(row["name"] for row in json["record"])}
    fields.update({obj: tuple(table) for obj, table in json.items() if obj != "record"})
    return fields


@cache
def load_ontology() -> Ontology:
    """The ontology, parsed once per process (treat it as read-only)."""
    data = datafiles.load(*ONTOLOGY_FILE)
    return Ontology(
        types={name: _event_type(name, row) for name, row in data["types"].items()},
        contexts=_terms(data["contexts"]),
        aux={name: Aux(name, **row) for name, row in data["aux"].items()},
        sectors={code: Sector(code, **row) for code, row in data["sectors"].items()},
        actor_codes=dict(data["actor_codes"]),
        old_names=dict(data["old_names"]),
        json_fields=_json_fields(data["json"]),
        json_required=tuple(row["name"] for row in data["json"]["record"] if row["required"]),
    )


def normalise_type(name: str) -> str:
    """The current PLOVER name of an event type, whatever its case or age (``fight`` -> ``ASSAULT``)."""
    ontology = load_ontology()
    key = name.strip().upper()
    key = ontology.old_names.get(key, key)
    if key not in ontology.types:
        raise ValueError(f"not a PLOVER event type: {name!r}")
    return key


def is_type(name: str) -> bool:
    """Whether *name* is one of the 16 current type names (exact spelling)."""
    return name in load_ontology().types


def is_mode(event: str, mode: str) -> bool:
    """Whether *mode* is a mode of the type *event* (PLOVER's or one of our extensions)."""
    found = load_ontology().types.get(event)
    return found is not None and mode in found.modes


def is_context(name: str) -> bool:
    return name in load_ontology().contexts


def is_aux(name: str) -> bool:
    return name in load_ontology().aux


def is_sector(code: str) -> bool:
    return code in load_ontology().sectors


def happened(aux: str | None) -> bool:
    """Whether an event with this auxiliary mode is reported as having taken place."""
    return aux is None or load_ontology().aux[aux].happened


def problems(event: str, mode: list[str], context: list[str], aux: str | None = None) -> list[str]:
    """What is wrong with a coded event's labels against the ontology (empty when all is valid)."""
    if not is_type(event):
        return [f"unknown event type {event!r}"]
    found = [f"{m!r} is not a mode of {event}" for m in mode if not is_mode(event, m)]
    found += [f"unknown context {c!r}" for c in context if not is_context(c)]
    if aux is not None and not is_aux(aux):
        found.append(f"unknown auxiliary mode {aux!r}")
    return found
