"""Event coreference: mentions of one real-world event, across articles, become one :class:`Event`.

A pair of mentions is first checked for vetoes (incompatible type, aux, place or date; two
mentions of one article unless one trigger is repeated), then scored: the weighted mean of
signals for type, participants, place, date, evidence words and story. :class:`EventLinker`
adds mentions incrementally: a mention joins the event of its best pair when the score reaches
the threshold, events it links above the threshold merge (the oldest keeps its id, the merge is
recorded), and only events dated within ``candidate_days`` are compared. Rules and settings:
``data/link/coref.toml``, explained in ``docs/linking.md``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire import datafiles
from eventwire.link.similarity import Idf, Vector, dot
from eventwire.model import Article, Event, EventDate, EventMention, EventMerge, Participant, Place

WORD = re.compile(r"[^\W_]+")
ASSERTED = "asserted"  # the name of aux None in the settings
Span = tuple[int, int]  # the first and last day (ordinals) of a date's interval


@dataclass(frozen=True)
class Settings:
    """Coreference rules and thresholds (see ``data/link/coref.toml``)."""

    threshold: float
    candidate_days: int
    neutral: float
    weights: Mapping[str, float]
    type: Mapping[str, Any]
    aux: Mapping[str, Any]
    participants: Mapping[str, Any]
    place: Mapping[str, Any]
    date: Mapping[str, Any]
    evidence: Mapping[str, Any]

    @classmethod
    def load(cls) -> Settings:
        return cls(**datafiles.load("link", "coref.toml"))

    @cached_property
    def _type_pairs(self) -> dict[frozenset[str], float]:
        return {frozenset((p["a"], p["b"])): p["score"] for p in self.type["compatible"]}

    def type_score(self, a: str, b: str) -> float | None:
        """1.0 for one type, the listed score for a compatible pair, None for a veto."""
        return 1.0 if a == b else self._type_pairs.get(frozenset((a, b)))

    def mean(self, values: Mapping[str, float]) -> float:
        """The weighted mean of signal *values*, rounded to 4 places (a pair's score)."""
        total = sum(self.weights[name] for name in values)
        return round(sum(self.weights[name] * v for name, v in values.items()) / total, 4)

    def compatible_types(self, a: str) -> frozenset[str]:
        """The types a mention of type *a* may corefer with (*a* itself included)."""
        return frozenset({a}.union(*(pair - {a} for pair in self._type_pairs if a in pair)))

    def aux_compatible(self, a: str | None, b: str | None) -> bool:
        a, b = a or ASSERTED, b or ASSERTED
        return a == b or any({a, b} == set(pair) for pair in self.aux["compatible"])


@dataclass(frozen=True)
class MentionContext:
    """An event mention with what linking needs to know about its article."""

    mention: EventMention
    article_id: str
    sentence: str  # the text of ``mention.sentence``
    trigger: str  # the text of ``mention.trigger``
    published: str | None = None  # ISO date of the article
    outlet: str | None = None  # the outlet; None: the article's source stands for it
    source: str = ""  # where the article came from (path, URL)
    duplicate_group: str | None = None  # near-duplicate group of the article, None if unique
    story: str | None = None

    @classmethod
    def of(
        cls,
        mention: EventMention,
        article: Article,
        duplicate_group: str | None = None,
        story: str | None = None,
    ) -> MentionContext:
        """The context of *mention*, found in *article*."""
        return cls(
            mention=mention,
            article_id=article.id,
            sentence=mention.sentence.text(article.text),
            trigger=mention.trigger.text(article.text),
            published=article.published,
            outlet=article.outlet,
            source=article.source,
            duplicate_group=duplicate_group,
            story=story,
        )

    @property
    def independent_outlet(self) -> str:
        """The outlet's normalised name, or the article's source when the outlet is unknown."""
        return " ".join(WORD.findall(self.outlet.lower())) if self.outlet else f"source:{self.source}"

    @property
    def copy_group(self) -> str:
        """Articles in one near-duplicate group are one report."""
        return self.duplicate_group or self.article_id


def count_sources(contexts: Iterable[MentionContext]) -> list[str]:
    """The independent outlets of some mentions, in order: each near-duplicate group (or article)
    counts once, under the outlet of its first mention; one outlet counts once."""
    outlet_of: dict[str, str] = {}
    for ctx in contexts:
        outlet_of.setdefault(ctx.copy_group, ctx.independent_outlet)
    return list(dict.fromkeys(outlet_of.values()))


# --- signals ---------------------------------------------------------------------------------


def normalise_name(name: str, drop: Iterable[str]) -> tuple[str, ...]:
    dropped = set(drop)
    return tuple(w for w in WORD.findall(name.lower()) if w not in dropped)


def participant_score(a: Participant, b: Participant, s: Settings) -> float:
    """How well two participants agree: same name, one name inside the other, same codes, or 0."""
    rules = s.participants
    na, nb = normalise_name(a.name, rules["drop_words"]), normalise_name(b.name, rules["drop_words"])
    if na and na == nb:
        return rules["same_name"]
    if na and nb and (set(na) <= set(nb) or set(nb) <= set(na)):
        return rules["contained_name"]
    if a.country and a.sector and (a.country, a.sector) == (b.country, b.sector):
        return rules["same_codes"]
    return 0.0


def participants_signal(a: EventMention, b: EventMention, s: Settings) -> float | None:
    """Mean over the roles (actor, recipient) both mentions fill of the best pair; None if none."""
    roles = [(a.actor, b.actor), (a.recipient, b.recipient)]
    scores = [max(participant_score(x, y, s) for x in xs for y in ys) for xs, ys in roles if xs and ys]
    return sum(scores) / len(scores) if scores else None


def _km(a: Place, b: Place) -> float:
    la, lb = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((lb - la) / 2) ** 2
        + math.cos(la) * math.cos(lb) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(h, 1.0)))


def _contains(coarse: Place, fine: Place) -> bool:
    if not coarse.country or coarse.country != fine.country:
        return False
    return coarse.precision == "country" or (bool(coarse.admin1) and coarse.admin1 == fine.admin1)


def place_signal(a: Place | None, b: Place | None, s: Settings) -> float | None:
    """Agreement of two places at their precisions; None when one is missing; -1.0 for a veto."""
    if a is None or b is None:
        return None
    rules = s.place
    if (a.geonameid is not None and a.geonameid == b.geonameid) or (
        a.geonameid is None and (a.name, a.country) == (b.name, b.country)
    ):
        return rules["same"]
    order = {name: i for i, name in enumerate(rules["precisions"])}
    fine, coarse = sorted((a, b), key=lambda p: order.get(p.precision, 0))
    if order.get(fine.precision, 0) == order.get(coarse.precision, 0) == 0:
        return rules["near"] if _km(a, b) <= rules["near_km"] else -1.0
    return rules["contained"] if _contains(coarse, fine) else -1.0


def date_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3-style date covers (day, ISO week, month, year), or None if unreadable."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(*map(int, m.groups()))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def date_span(date: EventDate | None) -> Span | None:
    """The first and last day of *date*'s interval as ordinals, or None if unknown or unreadable."""
    interval = date_interval(date.value) if date else None
    return (interval[0].toordinal(), interval[1].toordinal()) if interval else None


def mention_date(ctx: MentionContext) -> EventDate | None:
    """The mention's date, or the article's publication date as a weaker fallback."""
    if ctx.mention.date and date_interval(ctx.mention.date.value):
        return ctx.mention.date
    return EventDate(ctx.published, "day", "publication") if ctx.published else None


def date_signal(a: Span, b: Span, weak: bool, s: Settings) -> float:
    """1.0 for overlapping date spans, falling to ``edge`` at the window (``publication_window``
    when *weak*: a publication date stands in for one of them); -1.0 for a veto."""
    rules = s.date
    window = rules["publication_window"] if weak else rules["text_window"]
    gap = max(b[0] - a[1], a[0] - b[1], 0)
    if gap > window:
        return -1.0
    value = 1.0 if gap <= 1 else 1.0 - (1.0 - rules["edge"]) * (gap - 1) / max(window - 1, 1)
    return value * (rules["publication_factor"] if weak else 1.0)


def evidence_terms(ctx: MentionContext, s: Settings) -> Counter[str]:
    """Stemmed content words of the sentence, the trigger's words weighted up."""
    cut = s.evidence["stem_chars"]

    def stems(text: str) -> list[str]:
        return [w[:cut] for w in WORD.findall(text.lower()) if w not in STOP_WORDS]

    bag = Counter(stems(ctx.sentence))
    for stem in stems(ctx.trigger):
        bag[stem] += s.evidence["trigger_weight"] - 1
    return bag


# --- linking ---------------------------------------------------------------------------------


@dataclass
class _Member:
    ctx: MentionContext
    span: Span | None  # the date's interval, for the date signal and the index of spans
    day: int | None  # ordinal of the date interval's middle, for the candidate window
    weak: bool  # the publication date stands in for the event's date
    bag: Counter[str]


@dataclass(frozen=True)
class PairScore:
    """The score of two mentions and the signals behind it."""

    score: float
    signals: Mapping[str, float]

    @property
    def reason(self) -> str:
        return " ".join(f"{name}={value:.2f}" for name, value in self.signals.items())


class EventLinker:
    """Links event mentions incrementally into events with stable ids and recorded merges."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.events: dict[str, Event] = {}
        self._members: dict[str, list[_Member]] = {}  # event id -> its mentions
        self._idf = Idf([], sublinear_tf=True)
        self._seq: dict[str, int] = {}  # event id -> creation order: the oldest keeps its id
        self._linked: set[str] = set()  # ids of the mentions held, so a re-run adds nothing twice
        # (type, span) -> the events with a mention of that type and date span (None: undated)
        self._spans: dict[tuple[str, Span | None], set[str]] = {}
        self._lengths: set[int] = set()  # the lengths (days) of the spans indexed
        self._undated: set[str] = set()  # events with an undated mention
        self._types: dict[str, set[str]] = {}  # event id -> the types of its mentions
        self._new_vector: tuple[str, Vector] | None = None  # a mention's evidence vector under this IDF

    def restore(self, events: Iterable[Event], contexts: Iterable[MentionContext]) -> None:
        """Rebuild the state from stored events (taken over, not copied) and their mentions' contexts.

        Events are ordered by their first mention (date, article, position) to decide which is older.
        """
        by_id = {ctx.mention.id: ctx for ctx in contexts}
        for event in sorted(events, key=lambda e: _order(by_id[e.id]) if e.id in by_id else ("", e.id, 0)):
            self.events[event.id] = event
            self._seq[event.id] = len(self._seq)
            self._members[event.id] = [self._member(by_id[m]) for m in event.mentions if m in by_id]
            self._types[event.id] = set()
            self._linked.update(event.mentions)
            for member in self._members[event.id]:
                self._count_terms(member)
                self._index(event.id, member)

    def add(self, mentions: list[MentionContext]) -> list[Event]:
        """Link *mentions* to the events known so far; return the events created or changed.

        The batch is taken in order of date, article and position, so ids do not depend on the
        order the mentions were given in.
        """
        touched: dict[str, None] = {}
        for ctx in sorted(mentions, key=_order):
            if ctx.mention.id not in self._linked:
                touched[self._link(self._member(ctx))] = None
        return [self.events[eid] for eid in touched if eid in self.events]

    def score(self, a: MentionContext, b: MentionContext) -> PairScore | None:
        """The score of two mentions, or None when a rule vetoes the pair."""
        return self._pair(self._member(a), self._member(b))

    def _member(self, ctx: MentionContext) -> _Member:
        date = mention_date(ctx)
        span = date_span(date)
        day = (span[0] + span[1]) // 2 if span else None
        weak = date is not None and date.source == "publication"
        return _Member(ctx, span, day, weak, evidence_terms(ctx, self.settings))

    def _count_terms(self, member: _Member) -> None:
        self._idf.df.update(member.bag.keys())
        self._idf.n += 1
        self._new_vector = None

    def _vector(self, member: _Member) -> Vector:
        """*member*'s evidence vector, kept for the next pairs while the IDF does not change."""
        key = member.ctx.mention.id
        if self._new_vector is None or self._new_vector[0] != key:
            self._new_vector = (key, self._idf.vector(member.bag))
        return self._new_vector[1]

    def _link(self, new: _Member) -> str:
        self._count_terms(new)
        matches: list[tuple[str, PairScore]] = []
        for eid in self._candidates(new):
            best = self._best(new, eid)
            if best and best.score >= self.settings.threshold:
                matches.append((eid, best))
        if not matches:
            return self._create(new)
        matches.sort(key=lambda item: self._seq[item[0]])
        kept = matches[0][0]
        self._join(kept, new)
        for absorbed, pair in matches[1:]:
            self._merge(kept, absorbed, pair)
        return kept

    def _best(self, new: _Member, eid: str) -> PairScore | None:
        """The best-scoring pair of *new* with a mention of event *eid*, the first on a tie; pairs
        that cannot reach the threshold or beat the best so far are not scored (None if none is)."""
        best: PairScore | None = None
        for member in self._members[eid]:
            pair = self._pair(new, member, max(self.settings.threshold, best.score if best else -math.inf))
            if pair and (best is None or pair.score > best.score):
                best = pair
        return best

    def _candidates(self, new: _Member) -> list[str]:
        """The events with a mention within ``candidate_days`` of *new* (any, when *new* is
        undated, or undated itself) and of a type *new* may corefer with; left out, those whose
        every mention is of another type or dated too far from *new* for the date rule (every
        pair with them would be vetoed)."""
        types = self.settings.compatible_types(new.ctx.mention.event)
        if new.span is None or new.day is None:
            return [eid for eid in self._members if not self._types[eid].isdisjoint(types)]
        found = set().union(*(self._near(kind, new.span) for kind in types))
        return [eid for eid in found if eid in self._undated or self._within(eid, new.day)]

    def _near(self, kind: str, span: Span) -> Iterator[str]:
        """The events with an undated mention of type *kind* or one whose span is within the
        widest date window of *span*."""
        yield from self._spans.get((kind, None), ())
        widest = max(self.settings.date["text_window"], self.settings.date["publication_window"])
        for length in self._lengths:
            for first in range(span[0] - widest - length + 1, span[1] + widest + 1):
                yield from self._spans.get((kind, (first, first + length - 1)), ())

    def _within(self, eid: str, day: int) -> bool:
        """Whether event *eid* has a mention dated within ``candidate_days`` of *day*."""
        window = self.settings.candidate_days
        return any(m.day is not None and abs(m.day - day) <= window for m in self._members[eid])

    def _index(self, eid: str, member: _Member) -> None:
        """Note that event *eid* holds *member*, for :meth:`_candidates`."""
        kind = member.ctx.mention.event
        self._spans.setdefault((kind, member.span), set()).add(eid)
        if member.span is None:
            self._undated.add(eid)
        else:
            self._lengths.add(member.span[1] - member.span[0] + 1)
        self._types[eid].add(kind)

    def _pair(self, a: _Member, b: _Member, least: float = -math.inf) -> PairScore | None:
        """The score of *a* and *b*; None when a rule vetoes the pair or when it would stay below
        *least* with the evidence words at their best (then they are not compared)."""
        s = self.settings
        date = None if a.span is None or b.span is None else date_signal(a.span, b.span, a.weak or b.weak, s)
        if date == -1.0:
            return None
        ma, mb = a.ctx.mention, b.ctx.mention
        type_score = s.type_score(ma.event, mb.event)
        if type_score is None or not s.aux_compatible(ma.aux, mb.aux) or not _may_share_article(a, b, s):
            return None
        place = place_signal(ma.location, mb.location, s)
        if place == -1.0:
            return None
        signals = {
            "type": type_score,
            "participants": participants_signal(ma, mb, s),
            "place": place,
            "date": date,
            "evidence": 1.0,  # its best, for the bound; compared below
            "story": None if not (a.ctx.story and b.ctx.story) else float(a.ctx.story == b.ctx.story),
        }
        values = {name: s.neutral if v is None else v for name, v in signals.items()}
        if s.mean(values) < least:
            return None
        evidence = self._evidence(a, b, values, least)
        if evidence is None:
            return None
        values["evidence"] = evidence
        return PairScore(s.mean(values), {name: round(v, 4) for name, v in values.items()})

    def _evidence(self, a: _Member, b: _Member, values: dict[str, float], least: float) -> float | None:
        """The cosine of *a*'s and *b*'s evidence vectors (0.0 when they share no word), or None
        when the pair (*values*) would stay below *least* even at the cosine's upper bound, the
        norm of *a*'s vector over the shared words (then *b*'s vector is not built)."""
        vector = self._vector(a)
        shared = [vector[term] for term in b.bag if term in vector]
        if not shared:
            return 0.0
        bound = math.sqrt(sum(x * x for x in shared)) + 1e-9  # Cauchy-Schwarz, |b| = 1
        if bound < 1.0 and self.settings.mean({**values, "evidence": bound}) < least:
            return None
        return dot(vector, self._idf.vector(b.bag))

    def _create(self, new: _Member) -> str:
        mention = new.ctx.mention
        self.events[mention.id] = Event(mention.id, mention.event)
        self._seq[mention.id] = len(self._seq)
        self._members[mention.id] = []
        self._types[mention.id] = set()
        self._join(mention.id, new)
        return mention.id

    def _join(self, eid: str, new: _Member) -> None:
        self._members[eid].append(new)
        self._linked.add(new.ctx.mention.id)
        self._index(eid, new)
        self._recount(eid)

    def _merge(self, kept: str, absorbed: str, pair: PairScore) -> None:
        moved = self._members.pop(absorbed)
        self._members[kept].extend(moved)
        self._undated.discard(absorbed)
        del self._types[absorbed]
        for member in moved:
            self._spans[(member.ctx.mention.event, member.span)].discard(absorbed)
            self._index(kept, member)
        gone = self.events.pop(absorbed)
        event = self.events[kept]
        event.merges.extend([*gone.merges, EventMerge(kept, absorbed, pair.score, pair.reason)])
        self._recount(kept)

    def _recount(self, eid: str) -> None:
        event = self.events[eid]
        event.mentions = [m.ctx.mention.id for m in self._members[eid]]
        event.outlets = count_sources(m.ctx for m in self._members[eid])
        event.sources = len(event.outlets)


def _may_share_article(a: _Member, b: _Member, s: Settings) -> bool:
    """Two mentions of one article corefer only when the same trigger is repeated."""
    if a.ctx.article_id != b.ctx.article_id:
        return True
    cut = s.evidence["stem_chars"]
    stem = [tuple(w[:cut] for w in WORD.findall(m.ctx.trigger.lower())) for m in (a, b)]
    return a.ctx.mention.event == b.ctx.mention.event and stem[0] == stem[1]


def _order(ctx: MentionContext) -> tuple[str, str, int]:
    return (ctx.published or "", ctx.article_id, ctx.mention.trigger.start)
