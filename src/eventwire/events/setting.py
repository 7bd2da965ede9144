"""Where and when an event happened: the place and time expressions hanging from its clause.

A place counts when a locative preposition ("in", "near") attaches it to the trigger's
clause, not when it only describes a participant ("soldiers from Tver"); failing that, the
one plausible place of the sentence. A time counts when it hangs from the trigger's clause,
else the one time of the sentence's main clause unless it only dates a report ("said on
Tuesday"), else the date of the recording the event is seen in ("A video shows ... The footage
appeared on Wednesday"); failing that, the publication date, marked as such. Rules live in
``data/events/arguments.toml`` (``[setting]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.datafiles import load
from eventwire.model import Article, EventDate, Place, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

NOMINAL = ("NOUN", "PROPN")
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")
VERBAL = ("VERB", "AUX")
DEFINITE = ("the", "this", "that")
_DATED = re.compile(r"^\d{4}(?:-[0-9W]|$)")


@dataclass(frozen=True)
class Rules:
    attach: frozenset[str]
    locative: frozenset[str]
    occurrence: frozenset[str]
    reporting: frozenset[str]
    undated: frozenset[str]
    place_nouns: frozenset[str]
    media: frozenset[str]
    rank: dict[str, int]
    simultaneous_markers: frozenset[str]


@cache
def rules() -> Rules:
    """The ``[setting]`` section of ``data/events/arguments.toml``."""
    d: dict[str, Any] = load("events", "arguments.toml")["setting"]
    return Rules(
        frozenset(d["attach_deps"]),
        frozenset(d["locative_prepositions"]),
        frozenset(d["occurrence_verbs"]),
        frozenset(d["reporting_verbs"]),
        frozenset(d["undated_values"]),
        frozenset(d["place_nouns"]),
        frozenset(d["media_nouns"]),
        dict(d["precision_rank"]),
        frozenset(d["simultaneous_markers"]),
    )


@dataclass(frozen=True)
class Hanging:
    """How a phrase hangs from the words above it: where the walk up stopped (*anchor*), in
    how many steps, and the preposition that attaches the phrase."""

    anchor: int
    steps: int
    preposition: str | None


def sentence(word: Token) -> SpacySpan:
    """The sentence holding *word* (found from its boundaries: ``Token.sent`` walks the doc)."""
    doc = word.doc
    start = word.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = word.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def event_frame(trigger: Token) -> set[int]:
    """The words whose modifiers set the event's place and time: the trigger, the verb an
    event noun is the object of ("announced a mobilisation in May"), clauses describing the
    noun ("the mobilisation that took place in May"), the verbs a trigger complements or is
    coordinated with ("were killed and wounded"), and the clauses of what happened at the same
    time ("when a recruit opened fire on Wednesday")."""
    r = rules()
    frame = {trigger.i}
    if trigger.pos_ in NOMINAL:
        if trigger.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and trigger.head.pos_ in VERBAL:
            frame.add(trigger.head.i)
        described = [trigger, *(o for p in trigger.children if p.lower_ == "of" for o in p.children)]
        frame.update(
            c.i
            for n in described
            for c in n.children
            if c.dep_ in ("relcl", "acl") and c.lemma_ in r.occurrence
        )
    else:
        if trigger.dep_ in ("xcomp", "conj") and trigger.head.pos_ in VERBAL:
            frame.add(trigger.head.i)
        frame.update(c.i for c in trigger.children if c.dep_ in ("xcomp", "conj") and c.pos_ in VERBAL)
        frame.update(c.i for v in list(frame) for c in trigger.doc[v].children if _simultaneous(c))
    return frame


def _simultaneous(clause: Token) -> bool:
    """An adverbial clause telling what happened at the same time ("when a recruit opened fire")."""
    markers = rules().simultaneous_markers
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in markers for c in clause.children
    )


def hanging(word: Token, frame: set[int] | None = None) -> Hanging:
    """Walk up from *word* through modifier links until a word of *frame*, a clause's verb
    or a link that is no modifier (a subject, an object). The preposition kept is the one
    nearest *word* after any "of" ("in the town of X" -> in; "soldiers from X in Y" -> from)."""
    r = rules()
    frame = frame or set()
    prep: str | None = None
    steps = 0
    while word.i not in frame and word.dep_ in r.attach and word.head.i != word.i:
        if word.dep_ == "prep" and prep in (None, "of"):
            prep = word.lower_
        word = word.head
        steps += 1
        if word.pos_ in VERBAL and word.i not in frame:
            break
    return Hanging(word.i, steps, prep)


def event_location(doc: Doc, token: int, places: Sequence[Place]) -> Place | None:
    """Where the event of ``doc[token]`` happened, or None when the sentence does not say."""
    trigger = doc[token]
    sent = sentence(trigger)
    frame = event_frame(trigger)
    words = [(p, _place_word(w, trigger)) for p, w in _roots(doc, places, sent.start_char, sent.end_char)]
    candidates = [(p, hanging(w, frame)) for p, w in words if w is not None]
    attached = [(p, h) for p, h in candidates if h.anchor in frame and _locative(h, trigger)]
    if attached:
        best = min(attached, key=lambda c: (_rank(c[0]), c[1].steps, abs(c[0].start - trigger.idx)))[0]
        return best
    plausible = [
        p for p, h in candidates if h.preposition in rules().locative and _related(doc[h.anchor], trigger)
    ]
    specific = _most_specific(plausible)
    return specific[0] if len({(p.name, p.country) for p in specific}) == 1 else None


def event_date(doc: Doc, token: int, times: Sequence[TimeExpr], article: Article) -> EventDate | None:
    """When the event of ``doc[token]`` happened: a dated time expression of its clause, else
    the one dated time of its sentence's main clause, else the date of the recording showing
    it, else the publication date."""
    trigger = doc[token]
    sent = sentence(trigger)
    frame = event_frame(trigger)
    found = [
        (t, hanging(w, frame)) for t, w in _roots(doc, times, sent.start_char, sent.end_char) if dated(t)
    ]
    attached = [(t, h) for t, h in found if h.anchor in frame]
    if attached:
        return _date(min(attached, key=lambda c: (c[1].steps, abs(c[0].start - trigger.idx)))[0])
    main = [t for t, h in found if _main_clause(doc[h.anchor])]
    if len({t.value for t in main}) == 1:
        return _date(main[0])
    medium = _medium_date(doc, sent, times)
    return _date(medium) if medium is not None else publication_date(article)


def dated(time: TimeExpr) -> bool:
    """A time expression that names a calendar date, month, week or year (not "now", not a
    duration, not a date whose year the text leaves open)."""
    return (
        time.type in ("DATE", "TIME") and time.value not in rules().undated and bool(_DATED.match(time.value))
    )


def publication_date(article: Article) -> EventDate | None:
    """The article's publication date cut to its precision, or None when it has none."""
    if not article.published:
        return None
    cut = {"year": 4, "month": 7}.get(article.published_precision or "", 10)
    return EventDate(article.published[:cut], article.published_precision, "publication")


def _date(time: TimeExpr) -> EventDate:
    value = time.value[:10] if "T" in time.value else time.value
    precision = time.precision if time.type == "DATE" else "day"
    return EventDate(value, precision, "text", Span(time.start, time.end))


def _medium_date(doc: Doc, sent: SpacySpan, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The date of the recording an event is seen in: a sentence naming one ("A video shows
    soldiers blaming ...") takes the one date given to a recording in it ("a clip posted on
    Monday shows ...") or in the next sentence when that opens on it again ("The footage ...
    circulated online on Wednesday")."""
    media = rules().media
    mentions = [t for t in sent if t.lemma_.lower() in media]
    if not mentions:
        return None
    following = sentence(doc[sent.end]) if sent.end < len(doc) else sent
    opening = next((t for t in following[:4] if t.lemma_.lower() in media), None)
    if opening is not None and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in opening.children):
        mentions.append(opening)
    frame = {w.i for m in mentions for w in _medium_clause(m)}
    found = [
        t
        for t, w in _roots(doc, times, sent.start_char, following.end_char)
        if dated(t) and hanging(w, frame).anchor in frame
    ]
    return found[0] if len({t.value for t in found}) == 1 else None


def _medium_clause(medium: Token) -> list[Token]:
    """A recording and the words that date it: the clauses describing it ("posted on Monday")
    and the verb it is the subject of ("emerged on Monday")."""
    words = [medium, *(c for c in medium.children if c.dep_ in ("acl", "relcl"))]
    if medium.dep_ in ("nsubj", "nsubjpass") and medium.head.lemma_.lower() not in rules().reporting:
        words.append(medium.head)
    return words


def _main_clause(anchor: Token) -> bool:
    """A time on the sentence's main clause that does not only date a report."""
    if _background(anchor):
        return False
    return anchor.dep_ == "ROOT" or (anchor.head.dep_ == "ROOT" and anchor.dep_ in ("conj", "acl"))


def _related(anchor: Token, trigger: Token) -> bool:
    """The word a place hangs from is on the trigger's path: a clause governing it that does
    more than report, or a word below it outside relative clauses ("police in Kyiv arrested")."""
    if anchor.is_ancestor(trigger):
        return not _background(anchor)
    word = anchor
    while word.i != trigger.i and word.head.i != word.i:
        if word.dep_ == "relcl":
            return False
        word = word.head
    return word.i == trigger.i


def _background(anchor: Token) -> bool:
    """A clause that reports ("said in Moscow") or describes a participant ("who fought in May")."""
    return anchor.lemma_.lower() in rules().reporting or anchor.dep_ == "relcl"


def _place_word(root: Token, trigger: Token) -> Token | None:
    """The word that stands for a place in its clause: the name, or the place noun it names
    ("the X region", "the town of X"); None for a name that only describes a noun ("Russian
    soldiers", "a Kyiv-based group"), unless it is the event noun's ("the Belgorod shooting")."""
    word = root
    while word.dep_ in MODIFIER_DEPS and word.head.lemma_.lower() in rules().place_nouns:
        word = word.head
    if word.dep_ in MODIFIER_DEPS and not (word.head.i == trigger.i and word.pos_ == "PROPN"):
        return None
    return word


def _locative(h: Hanging, trigger: Token) -> bool:
    """A place attached by a locative preposition, by "of" to an event noun ("the siege of
    X"), or named as the event noun's modifier ("the Belgorod shooting")."""
    if h.anchor != trigger.i or trigger.pos_ not in NOMINAL:
        return h.preposition in rules().locative
    return h.preposition in (*rules().locative, "of", None)


def _roots(
    doc: Doc, items: Sequence[Place] | Sequence[TimeExpr], start: int, end: int
) -> list[tuple[Any, Token]]:
    """The items inside ``[start, end)`` with the head word of each."""
    out = []
    for item in items:
        if start <= item.start < end:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((item, span.root))
    return out


def _rank(place: Place) -> int:
    return rules().rank.get(place.precision, len(rules().rank))


def _most_specific(places: list[Place]) -> list[Place]:
    """Without the wider places that hold a more specific one ("Belgorod, Russia")."""
    return [p for p in places if not any(q.country == p.country and _rank(q) < _rank(p) for q in places)]
