"""Proper-name spans: known names from the lexicon, then spaCy's entities around them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.annotate.entities.lexicon import Lexicon, Named

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class NameSpan:
    """Tokens ``start:end`` naming something; *entry* when the lexicon knows the name."""

    start: int
    end: int
    root: int
    label: str
    entry: Named | None = None


def name_spans(doc: Doc, lex: Lexicon) -> dict[int, NameSpan]:
    """Name spans keyed by their syntactic root token; lexicon names win over spaCy's labels."""
    known = _known_names(doc, lex)
    ner = [s for s in _ner_spans(doc, lex) if not any(_clashes(s, k) for k in known)]
    known = [k for k in known if not any(_inside_person(k, s) for s in ner)]
    spans: dict[int, NameSpan] = {}
    for span in (*known, *ner):  # the first span found for a root wins
        spans.setdefault(span.root, span)
    return spans


def _known_names(doc: Doc, lex: Lexicon) -> list[NameSpan]:
    """Longest lexicon names, left to right, without overlaps."""
    found: list[NameSpan] = []
    text = doc.text
    i = 0
    while i < len(doc):
        may_start = not doc[i].is_lower and doc[i].lower_ in lex.first_words
        match = _longest_name(doc, text, i, lex) if may_start else None
        if match:
            end, entry = match
            found.append(NameSpan(i, end, doc[i:end].root.i, entry.kind, entry))
            i = end
        else:
            i += 1
    return found


def _longest_name(doc: Doc, text: str, i: int, lex: Lexicon) -> tuple[int, Named] | None:
    start_char = doc[i].idx
    best = None
    for end in range(i + 1, len(doc) + 1):
        last = doc[end - 1]
        if last.is_space or last.idx + len(last) - start_char > lex.max_name_chars + 8:
            break
        entry = lex.name(text[start_char : last.idx + len(last)])
        if entry:
            best = (end, entry)
    return best


def _ner_spans(doc: Doc, lex: Lexicon) -> list[NameSpan]:
    spans = []
    for ent in doc.ents:
        if ent.label_ not in lex.labels:
            continue
        start, end = ent.start, ent.end
        while start < end and (doc[start].dep_ == "det" or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start < end:
            root = doc[start:end].root
            label = lex.labels[ent.label_]
            if label == "PERSON" and (_after_locative(root, lex) or _place_word(doc[end - 1], lex)):
                label = "LOC"
            spans.append(NameSpan(start, end, root.i, label))
    return spans


def _place_word(last: Token, lex: Lexicon) -> bool:
    """A "person" ending in "Oblast" or "Region" is a place."""
    return last.lower_ in lex.mention_rules["place_words"]


def _after_locative(root: Token, lex: Lexicon) -> bool:
    """A "person" right after "near" or "in" is a mislabelled place ("near Avdiivka")."""
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.i == root.i - 1
        and head.lower_ in lex.mention_rules["locative_prepositions"]
    )


def _clashes(span: NameSpan, known: NameSpan) -> bool:
    """A spaCy span that overlaps a known name without strictly containing it gives way."""
    overlap = span.start < known.end and known.start < span.end
    return overlap and not _strictly_contains(span, known)


def _inside_person(known: NameSpan, span: NameSpan) -> bool:
    """A known name strictly inside a person's name is part of it ("Michael Jordan")."""
    return span.label == "PERSON" and _strictly_contains(span, known)


def _strictly_contains(outer: NameSpan, inner: NameSpan) -> bool:
    inside = outer.start <= inner.start and inner.end <= outer.end
    return inside and (outer.start, outer.end) != (inner.start, inner.end)
