"""Toponym resolution: each name's gazetteer entry, chosen from its prior and its document.

The score of a candidate adds a prior (population, kind of place, how the name matched) to
context features recomputed over a few rounds: support for its country and first-level
division from the other toponyms of the document, closeness to their places, an explicit
qualifier ("Paris, Texas") and a designator ("Belgorod region" asks for the region). Names
that share a lookup key and designator share one reading per document.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire import datafiles
from eventwire.annotate.places.context import (
    designator_after,
    narrowed,
    qualifier_after,
    split_designator,
)
from eventwire.annotate.places.detect import detect_toponyms
from eventwire.annotate.places.gazetteer import Candidate, Gazetteer, fold
from eventwire.annotate.places.geometry import distance_km
from eventwire.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEIGHTS = datafiles.path("gazetteer", "resolver.json")
_AREAS = ("country", "continent", "region")
_DIVISIONS = ("admin1", "admin2")
_POINTS = ("city", "admin2", "other")


@dataclass(frozen=True)
class Weights:
    """Scoring weights (``data/gazetteer/resolver.json``)."""

    population: float  # per log10 of population
    kind: dict[str, float]
    form: dict[str, float]
    exact_name: float  # the entry's own name is the mention
    country: float  # per log(1 + support) of the candidate's country from other names
    admin1: float  # same for its first-level division
    neighbour: float  # same for the countries bordering its country
    sibling: float  # same for its kind of place (a list of states reads as states)
    near: float  # another name's place lies close by
    near_km: float
    qualifier: float  # "X, Y" where Y names the candidate's division or country
    designator: float  # the candidate has the level a designator asks for
    contained: float  # a division that shares its name with a major city of its country
    namesake_share: float  # "major": at least this share of the division's population
    rounds: int

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Weights:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Group:
    """The mentions of one name (same lookup key and designator) in a document."""

    key: tuple[str, str | None]
    spans: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    qualifiers: list[Candidate] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    probs: list[float] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        if not self.candidates:
            return None
        return self.candidates[max(range(len(self.probs)), key=self.probs.__getitem__)]


class PlaceResolver:
    """Detects and resolves the toponyms of a text against a :class:`Gazetteer`."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        weights: Weights | None = None,
        nlp: Callable[[str], Doc] | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.weights = weights or Weights.load()
        self.nlp = nlp

    def resolve(self, text: str, doc: Doc | None = None) -> list[Place]:
        """Find and resolve the toponyms of *text*; *doc* is its spaCy parse (made with the
        resolver's *nlp* when None)."""
        if doc is None:
            if self.nlp is None:
                raise ValueError("resolve() needs a spaCy Doc or a resolver built with nlp")
            doc = self.nlp(text)
        spans = detect_toponyms(text, doc, self.gazetteer)
        return [p for p in self.resolve_spans(text, spans) if p is not None]

    def resolve_spans(
        self, text: str, spans: list[tuple[int, int]], doc: Doc | None = None
    ) -> list[Place | None]:
        """A place for each given ``text[start:end]`` span, or None where none is known.

        *doc* is accepted for symmetry with :meth:`resolve`; resolution reads only the text.
        """
        groups = self._groups(text, spans)
        self._score(list(groups.values()))
        by_span = {span: g for g in groups.values() for span in g.spans}
        return [_place(text, span, by_span[span].best) for span in spans]

    # --- candidates -------------------------------------------------------------------

    def _groups(self, text: str, spans: list[tuple[int, int]]) -> dict[tuple, Group]:
        groups: dict[tuple, Group] = {}
        for start, end in spans:
            surface = text[start:end].strip()
            level = split_designator(surface)[1]
            if level is None:
                level = designator_after(text, end)
            key = (fold(surface), level)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group(key, candidates=self._candidates(surface, level))
            group.spans.append((start, end))
            for name in qualifier_after(text, end):
                found = [c for c in self.gazetteer.lookup(name) if c.kind != "city"]
                if found:
                    group.qualifiers += found
                    break
        for group in groups.values():
            group.candidates = _areas_before_towns(group.candidates, group.qualifiers)
        return groups

    def _candidates(self, surface: str, level: str | None) -> list[Candidate]:
        found = self.gazetteer.lookup(surface)
        if level is not None and not any(c.kind in (*_AREAS, *_DIVISIONS) for c in found):
            found = self._divisions(split_designator(surface)[0], level)
        for shorter in narrowed(surface) if not found else []:
            found = self._candidates(shorter, level)
            if found:
                break
        return found

    def _divisions(self, stem: str, level: str) -> list[Candidate]:
        """Divisions a designated name may mean: those called *stem*, and those that contain
        a city called *stem* ("Donetsk region" is the oblast around Donetsk) — by its name,
        not by a former name or alias ("Kaliningrad" was also a town near Moscow)."""
        found = self.gazetteer.lookup(stem)
        out = [c for c in found if c.kind in _DIVISIONS or c.kind in _AREAS]
        for city in (c for c in found if c.kind == "city" and c.form == "name"):
            division = self.gazetteer.admin1_of(city) if level == "admin1" else None
            if division is not None and division not in out:
                out.append(division)
        return out or found

    # --- scoring ----------------------------------------------------------------------

    def _score(self, groups: list[Group]) -> None:
        w = self.weights
        for g in groups:
            g.prior = [self._prior(g, c) for c in g.candidates]
            g.probs = _softmax(g.prior)
        for _ in range(w.rounds):
            total = _support(groups)
            points = [(g, g.best) for g in groups if g.best and g.best.kind in _POINTS]
            for g in groups:
                own = _support([g])
                others = (
                    *({k: v - mine.get(k, 0.0) for k, v in all_.items()}
                      for all_, mine in zip(total, own, strict=True)),
                    [p for o, p in points if o is not g],
                )  # fmt: skip
                scores = [
                    prior + self._context(c, *others) for prior, c in zip(g.prior, g.candidates, strict=True)
                ]
                g.probs = _softmax(scores)

    def _prior(self, g: Group, c: Candidate) -> float:
        w = self.weights
        score = w.population * math.log10(c.population + 1)
        score += w.kind.get(c.kind, 0.0) + w.form.get(c.form, 0.0)
        if fold(c.name) == g.key[0]:
            score += w.exact_name
        level = g.key[1]
        if level is not None and c.kind in (level, *_AREAS):
            score += w.designator
        if level is None and c.kind in _DIVISIONS and self._has_namesake(c, g.candidates):
            score += w.contained
        if g.qualifiers and any(_qualifies(q, c) for q in g.qualifiers):
            score += w.qualifier
        return score

    def _has_namesake(self, division: Candidate, candidates: list[Candidate]) -> bool:
        """Whether a major city of the division's country has its name (Yaroslavl): the plain
        name then means the city, "Yaroslavl Oblast" the division."""
        least = self.weights.namesake_share * division.population
        return any(
            o.kind == "city"
            and o.country == division.country
            and o.population >= least
            and fold(o.name) == fold(division.name)
            for o in candidates
        )

    def _context(
        self,
        c: Candidate,
        countries: dict[str, float],
        admin1s: dict[int, float],
        kinds: dict[str, float],
        points: list[Candidate],
    ) -> float:
        """Support from the other names: *countries*, *admin1s* and *kinds* hold their
        probability mass per country, division and kind of place, *points* their places."""
        w = self.weights
        score = w.sibling * math.log1p(max(0.0, kinds.get(c.kind, 0.0)))
        score += w.country * math.log1p(max(0.0, countries.get(c.country, 0.0)))
        neighbours = self.gazetteer.neighbours.get(c.country, ())
        if neighbours:
            score += w.neighbour * math.log1p(max(0.0, sum(countries.get(n, 0.0) for n in neighbours)))
        if c.admin1_id is not None:
            score += w.admin1 * math.log1p(max(0.0, admin1s.get(c.admin1_id, 0.0)))
        if c.kind in _POINTS:
            score += w.near * _closeness(c, points, w.near_km)
        return score


def _areas_before_towns(candidates: list[Candidate], qualifiers: list[Candidate]) -> list[Candidate]:
    """A country's or region's name never means a town, or a county known by it without its
    "County" ("Pacific"), that shares it, unless a qualifier places it ("Lebanon, Pa.")."""
    if not any(c.kind in _AREAS and c.form in ("name", "alias", "abbr") for c in candidates):
        return candidates
    qualified = [c for c in candidates if _town_like(c) and any(_qualifies(q, c) for q in qualifiers)]
    return qualified or [c for c in candidates if not _town_like(c)]


def _town_like(c: Candidate) -> bool:
    return c.kind in ("city", "other") or (c.kind == "admin2" and c.form == "short")


def _support(groups: list[Group]) -> tuple[dict[Any, float], ...]:
    """Probability mass per country, per first-level division and per kind of place."""
    countries: dict[Any, float] = defaultdict(float)
    admin1s: dict[Any, float] = defaultdict(float)
    kinds: dict[Any, float] = defaultdict(float)
    for g in groups:
        for c, p in zip(g.candidates, g.probs, strict=True):
            kinds[c.kind] += p
            if c.country:
                countries[c.country] += p
            if c.admin1_id is not None:
                admin1s[c.admin1_id] += p
    return countries, admin1s, kinds


def _closeness(c: Candidate, others: list[Candidate], near_km: float) -> float:
    """1 when another place lies within *near_km*, falling to 0 at ten times that."""
    if not others:
        return 0.0
    d = min(distance_km(c.lat, c.lon, o.lat, o.lon) for o in others)
    return 1.0 if d <= near_km else max(0.0, 1.0 - math.log10(d / near_km))


def _qualifies(q: Candidate, c: Candidate) -> bool:
    """Whether qualifier *q* ("Texas" in "Paris, Texas") contains candidate *c*."""
    if q.kind == "country":
        return q.country == c.country and c.kind != "country"
    if q.kind == "admin1":
        return q.id == c.admin1_id and c.id != q.id
    if q.kind == "admin2":
        return c.admin2 == q.name and c.country == q.country
    return False


def _softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _place(text: str, span: tuple[int, int], c: Candidate | None) -> Place | None:
    if c is None:
        return None
    start, end = span
    return Place(
        start=start, end=end, text=text[start:end], name=c.name, lat=c.lat, lon=c.lon,
        geonameid=c.geonameid, country=c.country or None, admin1=c.admin1,
        feature_class=c.fclass or None, precision=c.precision,
    )  # fmt: skip
