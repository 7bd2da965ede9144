"""Toponym detection: which spans of a text name places the gazetteer knows.

spaCy's GPE and LOC entities are taken when the gazetteer knows them; NORP entities when
they name a country or region ("Russian", "Palestinians"); ORG and PERSON entities, and
capitalised words the model left unlabelled, in a locative context ("in Bakhmut",
"near Klishchiivka"), since small models mislabel small places; a one-word ORG also without
one when it names a prominent place ("shelling hit Horlivka"). A place name opening an
organisation's name ("the Georgia Environmental Protection Division") is a toponym too.
"X, Y" entities are split, and a designator after a name ("Belgorod region") joins its span.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.annotate.places.context import is_locative, narrowed, patterns
from eventwire.annotate.places.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ALWAYS = frozenset({"GPE", "LOC"})
NAMES_GROUPS = frozenset({"NORP"})
IN_CONTEXT = frozenset({"ORG", "PERSON", "FAC"})
MIN_PROMINENT = 50_000
_AREA_KINDS = frozenset({"country", "continent", "region", "admin1", "admin2"})
_LEADING = re.compile(r"^(?:the|The|THE)\s+")


def detect_toponyms(text: str, doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of the toponyms of *text*."""
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        for start, end in _pieces(text, ent):
            if _accept(text, start, end, ent.label_, gazetteer):
                spans.append(_with_designator(text, start, end))
            elif ent.label_ == "ORG":
                spans += _leading_place(text, start, end, gazetteer)
    entities = [(e.start_char, e.end_char) for e in doc.ents]
    for start, end in _proper_noun_runs(doc):
        free = _free(entities, start, end) and is_locative(text, start)
        if free and _known(gazetteer, text[start:end], allow_cities=True):
            spans.append(_with_designator(text, start, end))
    return _non_overlapping(spans)


def _proper_noun_runs(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of maximal runs of capitalised proper nouns."""
    runs: list[tuple[int, int]] = []
    start = end = -1
    for token in doc:
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            start = token.idx if start < 0 else start
            end = token.idx + len(token.text)
            continue
        if start >= 0:
            runs.append((start, end))
        start = -1
    if start >= 0:
        runs.append((start, end))
    return runs


def _leading_place(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The longest known place name opening an organisation's name, if any."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for n in range(min(3, len(words) - 1), 0, -1):
        stop = start + words[n - 1].end()
        name = text[start:stop]
        if name.lower() not in patterns().prefixes and _names_prominent(gazetteer, name):
            return [_with_designator(text, start, stop)]
    return []


def _names_prominent(gazetteer: Gazetteer, name: str) -> bool:
    return any(_prominent(c, name) for c in gazetteer.lookup(name))


def _prominent(c: Candidate, name: str) -> bool:
    """Whether *name* alone stands for place *c*: a country or first-level division by its
    name or a standard abbreviation, or a city of at least ``MIN_PROMINENT`` people by its own
    name (not an acronym, which is more often an organisation's)."""
    if c.kind in ("country", "admin1"):
        return c.form in ("name", "abbr", "alias")
    acronym = name.isupper() and len(name) <= 5
    return c.form == "name" and c.population >= MIN_PROMINENT and not acronym


def _pieces(text: str, ent: Span) -> list[tuple[int, int]]:
    """The entity's span without a leading "the", split at commas ("Paris, Texas")."""
    start, end = ent.start_char, ent.end_char
    lead = _LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    out = []
    for piece in re.finditer(r"[^,]+", text[start:end]):
        s = start + piece.start() + len(piece.group()) - len(piece.group().lstrip())
        e = start + piece.end() - (len(piece.group()) - len(piece.group().rstrip()))
        if e > s:
            out.append((s, e))
    return out


def _accept(text: str, start: int, end: int, label: str, gazetteer: Gazetteer) -> bool:
    name = text[start:end]
    if label in ALWAYS:
        return _known(gazetteer, name, allow_cities=True)
    if label in NAMES_GROUPS:
        return _known(gazetteer, name, allow_cities=False)
    if label in IN_CONTEXT:
        if is_locative(text, start):
            return _known(gazetteer, name, allow_cities=True)
        return label == "ORG" and " " not in name and _names_prominent(gazetteer, name)
    return False


def _known(gazetteer: Gazetteer, name: str, allow_cities: bool) -> bool:
    """Whether *name* (or a narrower form of it) names a place by more than a code."""
    for form in (name, *narrowed(name)):
        found = [c for c in gazetteer.lookup(form) if _usable(c, allow_cities)]
        if found:
            return True
    return False


def _usable(c: Candidate, allow_cities: bool) -> bool:
    if c.form == "code":
        return False
    return allow_cities or c.kind in _AREA_KINDS


def _with_designator(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend the span over a designator right after it ("Belgorod" → "Belgorod region")."""
    match = re.match(r"[ \u00a0]([A-Za-z]+)\b", text[end : end + 20])
    if match and match.group(1).lower() in patterns().designators:
        return start, end + match.end()
    return start, end


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans; of overlapping ones the longer is kept."""
    kept: list[tuple[int, int]] = []
    for span in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if _free(kept, *span):
            kept.append(span)
    return sorted(kept)
