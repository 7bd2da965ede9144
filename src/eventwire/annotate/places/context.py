"""Words around a toponym: designators ("Belgorod Oblast"), qualifiers ("Paris, Texas"),
narrowing prefixes ("northern Iraq") and locative cues ("near Klishchiivka", "south of")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventwire import datafiles

PATTERNS = datafiles.path("gazetteer", "patterns.json")
_MIN_DEMONYM_STEM = 4
_QUALIFIER = re.compile(r",\s+((?:[A-Z][\w'’\-]*\.?)(?:\s?[A-Z][\w'’\-]*\.?){0,3})")


@dataclass(frozen=True)
class Patterns:
    """The word lists of ``patterns.json``."""

    designators: dict[str, str]  # word → admin1 / admin2
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    demonym_endings: tuple[str, ...]
    locatives: frozenset[str]
    of_heads: frozenset[str]  # "<head> of X" is locative: "south of", "governor of"


@cache
def patterns(path: Path = PATTERNS) -> Patterns:
    """The word lists, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Patterns(
        designators=data["designators"],
        prefixes=tuple(sorted(data["prefixes"], key=len, reverse=True)),
        suffixes=tuple(sorted(data["suffixes"], key=len, reverse=True)),
        demonym_endings=tuple(data["demonym_endings"]),
        locatives=frozenset(data["locatives"]),
        of_heads=frozenset(data["of_heads"]),
    )


def split_designator(surface: str) -> tuple[str, str | None]:
    """``("Belgorod", "admin1")`` for "Belgorod Oblast"; ``(surface, None)`` otherwise."""
    head, _, last = surface.rpartition(" ")
    level = patterns().designators.get(last.lower().rstrip("."))
    return (head, level) if head and level else (surface, None)


def designator_after(text: str, end: int) -> str | None:
    """The division level asked for by a designator right after ``text[:end]``
    ("Donetsk region" with the span on "Donetsk")."""
    match = re.match(r"[ \u00a0]([A-Za-z]+)\b", text[end : end + 20])
    return patterns().designators.get(match.group(1).lower()) if match else None


def qualifier_after(text: str, end: int) -> list[str]:
    """Names that may qualify the toponym ending at *end*: "Paris, Texas" gives
    ``["Texas"]``; longest first, so "Springfield, West Virginia" tries both words."""
    match = _QUALIFIER.match(text, end)
    if not match:
        return []
    words = match.group(1).split()
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def narrowed(surface: str) -> list[str]:
    """Shorter names to try when *surface* is unknown: without a designator ("Belgorod
    Oblast" → "Belgorod"), a possessive, a leading prefix ("northern Iraq" → "Iraq", "Lake
    Hartwell" → "Hartwell"), a trailing place or feature noun ("Gaza city" → "Gaza", "Salinas
    Valley" → "Salinas") and, last, an inhabitants' ending ("Londoners" → "London")."""
    p = patterns()
    out: list[str] = []
    stem, level = split_designator(surface)
    if level is not None:
        out.append(stem)
    base = re.sub(r"['’]s$", "", surface)
    if base != surface:
        out.append(base)
    lower = base.lower()
    out += [base[len(prefix) + 1 :] for prefix in p.prefixes if lower.startswith(prefix + " ")]
    out += [base[: -len(suffix) - 1] for suffix in p.suffixes if lower.endswith(" " + suffix)]
    if " " not in base:
        out += [
            base[: -len(ending)]
            for ending in p.demonym_endings
            if lower.endswith(ending) and len(base) - len(ending) >= _MIN_DEMONYM_STEM
        ]
    return out


def is_locative(text: str, start: int) -> bool:
    """Whether the words before *start* are a locative cue ("in", "near", "south of")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, start - 30) : start])]
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return False
    if words[-1] == "of":
        return len(words) > 1 and words[-2] in patterns().of_heads
    return words[-1] in patterns().locatives
