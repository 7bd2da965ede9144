"""Document similarity: TF-IDF over content lemmas, cosine, and the 1..4 similarity scale.

A document's terms are the lemmas of its content words (``pos`` in ``data/link/similarity.toml``),
proper nouns and the first line (title or lead) weighted up. :class:`Idf` learns document
frequencies from the corpus being processed and turns term bags into unit-length sparse vectors;
the cosine of two such vectors is their dot product. Story vectors add a :class:`Background`: a
prior of ``prior_documents`` pseudo-documents of general English, so that in a small or
single-topic corpus the words every document shares ("soldiers", "mobilized") still weigh more
than words common in any text ("say", "time").

A document's main year (the year it mentions most, the latest on a tie) rides along in its bag
and vector as a *marker* term (:data:`YEAR_MARKER` + year) that takes no part in TF-IDF or
cosines (its vector weight is 0.0); the story clusterer reads it as a time signal.
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventwire import datafiles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Vector = dict[str, float]
UNNEEDED_PIPES = ("parser", "ner")  # lemmas and POS need only the tagger and lemmatizer
YEAR_MARKER = "@year:"  # prefix of the marker term of a document's main year


@dataclass(frozen=True)
class Settings:
    """Representation, score and clustering settings (see ``data/link/similarity.toml``)."""

    pos: tuple[str, ...]
    proper_noun_weight: float
    lead_weight: float
    pair_sublinear_tf: bool
    story_sublinear_tf: bool
    score_exponent: float
    join_threshold: float
    merge_threshold: float
    years: tuple[int, int]
    year_penalty: float
    prior_documents: float
    prior_words: float

    @classmethod
    def load(cls) -> Settings:
        values = dict(datafiles.load("link", "similarity.toml"))
        return cls(**{**values, "pos": tuple(values["pos"]), "years": tuple(values["years"])})


def document_text(title: str | None, text: str) -> str:
    """*text* with *title* as its first line, unless the text already starts with it."""
    title = (title or "").strip()
    return text if not title or text.lstrip().startswith(title) else f"{title}\n{text}"


def terms(doc: Doc, settings: Settings) -> Counter[str]:
    """The weighted content lemmas of a parsed document (lower-cased), with its year marker."""
    bag: Counter[str] = Counter()
    lead = True
    for token in doc:
        if "\n" in token.text:
            lead = False
        if token.is_stop or token.pos_ not in settings.pos:
            continue
        weight = settings.proper_noun_weight if token.pos_ == "PROPN" else 1.0
        bag[token.lemma_.lower()] += weight * (settings.lead_weight if lead else 1.0)
    year = main_year(doc, settings)
    if year:
        bag[YEAR_MARKER + year] = 1.0
    return bag


def main_year(doc: Doc, settings: Settings) -> str | None:
    """The year (a four-digit number in ``settings.years``) *doc* mentions most; latest on a tie."""
    low, high = settings.years
    counts = Counter(
        t.text
        for t in doc
        if t.pos_ == "NUM" and len(t.text) == 4 and t.text.isdigit() and low <= int(t.text) <= high
    )
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def years(vector: Mapping[str, float]) -> list[str]:
    """The years of the marker terms of a bag or vector."""
    return [term[len(YEAR_MARKER) :] for term in vector if term.startswith(YEAR_MARKER)]


def parse_terms(texts: Iterable[str], nlp: Language, settings: Settings) -> list[Counter[str]]:
    """:func:`terms` of each text, parsed without the pipes it does not need (in a memory zone:
    the strings spaCy adds for these texts are freed after, so a long run does not grow)."""
    with nlp.memory_zone():
        return [terms(doc, settings) for doc in nlp.pipe(texts, batch_size=32, disable=UNNEEDED_PIPES)]


@dataclass(frozen=True)
class Background:
    """Document frequencies expected in *documents* pseudo-documents of general English.

    A word of frequency ``f`` (per word of running text, from ``data/link/idf_prior.tsv.gz``)
    occurs in a document of *words* words with probability ``1 - exp(-words * f)``; words not in
    the list count as absent.
    """

    documents: float
    df: Mapping[str, float]

    @classmethod
    def load(cls, settings: Settings) -> Background:
        return _background(settings.prior_documents, settings.prior_words)


@cache
def _background(documents: float, words: float) -> Background:
    df: dict[str, float] = {}
    with gzip.open(datafiles.path("link", "idf_prior.tsv.gz"), "rt", encoding="utf-8") as lines:
        for line in lines:
            word, zipf = line.rstrip("\n").split("\t")
            df[word] = documents * -math.expm1(-words * 10 ** (float(zipf) - 9))
    return Background(documents, df)


class Idf:
    """Inverse document frequencies of a corpus of term bags; turns bags into unit vectors."""

    def __init__(
        self,
        bags: Iterable[Mapping[str, float]],
        sublinear_tf: bool = False,
        background: Background | None = None,
    ) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for bag in bags:
            self.df.update(bag.keys())
            self.n += 1
        self.sublinear_tf = sublinear_tf
        self.background = background or Background(0.0, {})

    def weight(self, term: str) -> float:
        """Smoothed IDF over the corpus plus the background: ``ln((1 + n) / (1 + df)) + 1``."""
        n = self.n + self.background.documents
        return math.log((1 + n) / (1 + self.df[term] + self.background.df.get(term, 0.0))) + 1

    def vector(self, bag: Mapping[str, float]) -> Vector:
        """The L2-normalised TF-IDF vector of *bag* (empty for an empty bag); markers weigh 0.0."""
        tf = (lambda c: 1 + math.log(c)) if self.sublinear_tf else (lambda c: c)
        raw = {
            term: tf(count) * self.weight(term)
            for term, count in bag.items()
            if count > 0 and not term.startswith(YEAR_MARKER)
        }
        norm = math.sqrt(sum(x * x for x in raw.values()))
        if not norm:
            return {}
        markers = dict.fromkeys((YEAR_MARKER + year for year in years(bag)), 0.0)
        return {term: x / norm for term, x in raw.items()} | markers


def vectorize(
    bags: list[Counter[str]], sublinear_tf: bool = False, background: Background | None = None
) -> list[Vector]:
    """TF-IDF vectors of *bags*, with IDF learnt from the bags themselves (and *background*)."""
    idf = Idf(bags, sublinear_tf, background)
    return [idf.vector(bag) for bag in bags]


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (the cosine when both are unit vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(term, 0.0) for term, x in a.items())


def scale(cosine: float, settings: Settings) -> float:
    """A cosine on the 1 (same event) .. 4 (unrelated) scale: ``4 - 3 * cosine ** exponent``."""
    return 4.0 - 3.0 * min(max(cosine, 0.0), 1.0) ** settings.score_exponent
