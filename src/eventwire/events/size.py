"""How many: head counts attached to an event's participants or trigger, and its casualties.

"8 deserters", "a unit of 400 men", "the mobilisation of 300,000 reservists" give ``people``;
"killed three", "two people were injured", "police detained 40" give ``dead``, ``injured``,
``arrested`` (verbs and nouns in ``data/events/size.toml``). Numbers are read from digits
("300,000", "1.5 million") or words ("eight", "two thousand"); vague amounts give nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.annotate.times.lexicon import lexicon as number_words
from eventwire.datafiles import load
from eventwire.events.arguments import Argument
from eventwire.events.setting import sentence
from eventwire.model import Entity, EventSize, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PEOPLE = "people"
OBJECT_DEPS = ("dobj", "nsubjpass", "dative")


@dataclass(frozen=True)
class Rules:
    scales: dict[str, int]
    min_people: int
    subject_verbs: frozenset[str]
    not_counts: frozenset[str]
    verbs: dict[str, frozenset[str]]
    nouns: dict[str, frozenset[str]]
    people: frozenset[str]


@cache
def rules() -> Rules:
    """``data/events/size.toml``."""
    d: dict[str, Any] = load("events", "size.toml")
    return Rules(
        dict(d["scales"]),
        int(d["min_people"]),
        frozenset(d["subject_verbs"]),
        frozenset(d["not_counts"]),
        {k: frozenset(v) for k, v in d["verbs"].items()},
        {k: frozenset(v) for k, v in d["nouns"].items()},
        frozenset(d["people"]["nouns"]),
    )


@dataclass(frozen=True)
class Count:
    """A number in the text: its value, its words and the noun it counts (if any)."""

    value: int
    start: int  # doc token range of the number and its noun
    end: int
    noun: Token | None


def event_sizes(
    doc: Doc, token: int, arguments: Iterable[Argument], entities: list[Entity]
) -> list[EventSize]:
    """One count per kind for the event of ``doc[token]``: casualties in its sentence, then
    head counts of the trigger's of-phrase and of its participants (a pronoun's through the
    mention it refers back to)."""
    trigger = doc[token]
    found: dict[str, EventSize] = {}
    for kind, count in _casualties(doc, sentence(trigger), entities):
        found.setdefault(kind, _size(doc, kind, count))
    heads = [*_of_objects(trigger), *(_counted_head(doc, doc[a.token], entities) for a in arguments)]
    for head in heads:
        count = count_at(head)
        if count is not None and _people(count, entities):
            found.setdefault(PEOPLE, _size(doc, PEOPLE, count))
    return list(found.values())


def count_at(head: Token) -> Count | None:
    """The count a phrase carries: its head is a number ("three", "four of the soldiers"), has
    one among its left modifiers ("eight mobilised soldiers"), or counts out its of-phrase ("a
    unit of 400 men")."""
    if _is_number(head):
        noun = next(
            (o for p in head.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None
        )
        return _count(head, noun)
    number = next((t for c in head.lefts for t in c.subtree if _is_number(t)), None)
    if number is not None:
        return _count(number, head)
    inner = _of_objects(head)
    return count_at(inner[0]) if inner else None


def number_value(words: list[str]) -> int | None:
    """The value of a number in digits or words: "300,000", "1.5 million", "two thousand"."""
    scales = rules().scales
    total, current = 0.0, 0.0
    for word in (w.lower() for w in words):
        if word in scales:
            total += max(current, 1.0) * scales[word]
            current = 0.0
            continue
        value = _word_value(word)
        if value is None:
            return None
        current = current * value if value == 100 and current else current + value
    value = total + current
    return int(value) if value >= 1 else None


def _word_value(word: str) -> float | None:
    digits = word.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    if word in ("-", "and"):
        return 0.0
    value = number_words().get("number", word)
    return None if value is None else float(value)


def _is_number(token: Token) -> bool:
    return token.like_num and token.ent_type_ not in rules().not_counts and token.pos_ == "NUM"


def _count(number: Token, noun: Token | None) -> Count | None:
    parts = sorted(
        [number, *(c for c in number.children if c.dep_ in ("compound", "quantmod") and c.like_num)]
    )
    value = number_value([t.text for t in parts])
    if value is None:
        return None
    start = min(number.left_edge.i, parts[0].i)
    end = max(number.i + 1, noun.i + 1 if noun is not None and noun.i > number.i else 0)
    return Count(value, start, end, noun)


def _casualties(doc: Doc, sent: SpacySpan, entities: list[Entity]) -> list[tuple[str, Count]]:
    """Counts of the dead, injured and arrested anywhere in the sentence ("they" counted
    through the mention it refers back to)."""
    r = rules()
    out: list[tuple[str, Count]] = []
    for word in sent:
        lemma = word.lemma_.lower()
        for kind, nouns in r.nouns.items():
            count = count_at(word) if lemma in nouns and not _is_number(word) else None
            if count is not None:
                out.append((kind, count))
        for kind, verbs in r.verbs.items():
            if lemma in verbs and word.pos_ == "VERB":
                deps = (*OBJECT_DEPS, "nsubj") if lemma in r.subject_verbs else OBJECT_DEPS
                for patient in (c for c in word.children if c.dep_ in deps):
                    count = count_at(_counted_head(doc, patient, entities))
                    if count is not None:
                        out.append((kind, count))
    return out


def _people(count: Count, entities: list[Entity]) -> bool:
    """The count is of people, two or more: its noun is a people word or a group or person
    mention."""
    noun = count.noun
    if count.value < rules().min_people:
        return False
    if noun is None:
        return True
    if noun.lemma_.lower() in rules().people or noun.lower_ in rules().people:
        return True
    return any(e.start <= noun.idx < e.end and e.kind in ("GROUP", "PERSON") for e in entities)


def _counted_head(doc: Doc, head: Token, entities: list[Entity]) -> Token:
    """For a pronoun, the head of the nearest earlier mention of its chain ("they" -> "eight
    soldiers"); any other head stands for itself."""
    pronoun = next((e for e in entities if e.kind == "PRON" and e.start <= head.idx < e.end), None)
    if pronoun is None or pronoun.chain is None:
        return head
    earlier = [
        e for e in entities if e.chain == pronoun.chain and e.kind != "PRON" and e.end <= pronoun.start
    ]
    if not earlier:
        return head
    span = doc.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand")
    return span.root if span is not None else head


def _of_objects(head: Token) -> list[Token]:
    return [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _size(doc: Doc, kind: str, count: Count) -> EventSize:
    span = doc[count.start : count.end]
    return EventSize(kind, count.value, Span(span.start_char, span.end_char))
