"""Typed records that flow between the stages.

Every annotation carries its evidence as character offsets (``start``, ``end``,
end exclusive) into the cleaned text of the article it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A piece of an article's cleaned text: ``text[start:end]``."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass
class RawDocument:
    """One input record as read, before cleaning."""

    source: str  # path, "path#record" or URL the record came from
    fmt: str  # text, jsonl, csv, html, warc, feed
    raw_text: str  # the record's text as read (decoded, untouched)
    title: str | None = None  # title given by the container (field, <title>, feed entry)
    url: str | None = None
    published: str | None = None  # date string given by the container, unparsed
    outlet: str | None = None
    html: str | None = None  # the page markup when the record is HTML
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reject:
    """An input that could not be read, with the reason."""

    source: str
    reason: str  # short code: binary, empty, oversized, undecodable, malformed, unreadable
    detail: str = ""


@dataclass
class Article:
    """A cleaned article; its ``id`` is a hash of its raw content."""

    id: str
    source: str
    fmt: str
    title: str | None
    text: str
    raw_text: str
    published: str | None = None  # ISO date (YYYY-MM-DD), or None when the document does not say
    published_source: str | None = None  # header, epoch, html-meta, url, text, field
    published_precision: str | None = None  # day, month, year
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class Entity:
    """A named or collective actor, body, unit or other entity mention."""

    start: int
    end: int
    text: str
    name: str  # normalised name
    kind: str  # PERSON, ORG, GPE, LOC, NORP, UNIT, BODY, GROUP, ...
    country: str | None = None  # ISO 3166 alpha-3 (PLOVER style) where it can be told
    sector: str | None = None  # PLOVER-style sector: MIL, GOV, CVL, REB, JRN, ...
    chain: int | None = None  # mentions with the same chain id refer to the same entity


@dataclass
class TimeExpr:
    """A time expression normalised TIMEX3-style."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # e.g. 2023-01-18, 2023-W02, XXXX-09-08, P2M, PRESENT_REF
    precision: str | None = None  # day, week, month, year (None for durations/sets)


@dataclass
class Place:
    """A toponym mention resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None  # name of the first-level division
    feature_class: str | None = None  # GeoNames feature class: P, A, ...
    precision: str = "settlement"  # settlement, district, region, country


@dataclass
class Quote:
    """A quotation or reported claim with its source, cue and content."""

    source: list[Span]  # the words naming the speaker (may be empty)
    cue: list[Span]
    content: list[Span]
    speaker: str | None = None  # resolved speaker name ("one man from the Orenburg region")
    speaker_text: str | None = None  # the words in the source span ("He")
    direct: bool = False
    certainty: str = "asserted"  # asserted, claimed, unverified, denied
    chain: list[str] = field(default_factory=list)  # outlet -> cited source -> speaker


@dataclass
class Participant:
    """An event's actor, recipient or claimant: the words, the resolved name and its codes."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None  # ISO 3166 alpha-3, as Entity.country
    sector: str | None = None  # PLOVER-style sector, as Entity.sector


@dataclass
class EventDate:
    """When an event happened; ``source`` says whether the text or the publication date gave it."""

    value: str  # ISO date or TIMEX3 value: 2023-01-18, 2022-09, 2023-W03
    precision: str | None  # day, week, month, year
    source: str  # text, publication
    span: Span | None = None  # the time expression, when the text gave it


@dataclass
class EventSize:
    """How many: one count with the words it came from."""

    kind: str  # dead, injured, arrested, people
    value: int
    span: Span


@dataclass
class AcledCode:
    """The ACLED-shaped category of an event (public category names; no ACLED data used)."""

    event_type: str
    sub_event_type: str
    code: str


@dataclass
class EventMention:
    """One event as one sentence of one article reports it, every field with its evidence."""

    id: str  # stable: derived from the article id, the trigger span and the type
    event: str  # PLOVER type: ASSAULT, REQUEST, ...
    trigger: Span  # the words expressing the event
    sentence: Span
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    aux: str | None = None  # negation, future, hypothetical, historical (None: it happened)
    aux_span: Span | None = None  # the words that set aux ("could", "not", "rumours")
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    location: Place | None = None  # where it happened (not every place in the sentence)
    date: EventDate | None = None
    size: list[EventSize] = field(default_factory=list)
    claimant: Participant | None = None
    certainty: str = "asserted"  # asserted, claimed, unverified, denied
    certainty_span: Span | None = None  # the hedge or verification note
    acled: AcledCode | None = None
    confidence: float = 1.0  # the type classifier's probability


@dataclass
class Annotations:
    """What the annotate stages found in one article."""

    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


@dataclass
class AnnotatedArticle:
    """An article, what was found in it, and the stages it has been through."""

    article: Article
    annotations: Annotations = field(default_factory=Annotations)
    stages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EventMerge:
    """Event *absorbed* was merged into event *kept*: the pair score and the signals behind it."""

    kept: str
    absorbed: str
    score: float
    reason: str  # the signals of the linking pair, e.g. "type=1.00 participants=0.80 ..."


@dataclass
class Event:
    """One real-world event: the mentions that report it and how many outlets independently do.

    ``id`` is the id of its first mention and never changes when mentions join or events merge.
    """

    id: str
    event: str  # PLOVER type of the first mention
    mentions: list[str] = field(default_factory=list)  # EventMention ids, in the order they joined
    sources: int = 1  # independent outlets (near-duplicate copies and repeats count once)
    outlets: list[str] = field(default_factory=list)  # the independent outlets counted
    merges: list[EventMerge] = field(default_factory=list)  # events absorbed into this one
