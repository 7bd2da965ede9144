"""Event type classifiers: a linear model over lexical and syntactic features of a trigger's clause.

Two schemes share the features: ``plover`` (the 16 PLOVER types and ``NONE``) and ``acled``
(the ACLED-shaped codes). The weights are trained by ``tools/train_events.py`` on examples we
wrote and shipped as ``data/events/{scheme}_model.json.gz``; inference is a sum of weights and a
softmax, no other dependency.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from eventwire import datafiles
from eventwire.events.triggers import Candidate, Lexicon, depth, find_candidates, lemma, load_lexicon
from eventwire.linear import LinearModel, load_models

if TYPE_CHECKING:
    from spacy.language import Language

NONE = "NONE"
SCHEMES = ("plover", "acled")
SKIP_POS = {"PUNCT", "SPACE", "DET", "SYM", "X"}
ARGUMENT_DEPS = {"dobj", "xcomp", "ccomp", "prt", "nsubjpass", "attr", "acomp", "dative", "oprd"}
Distribution = dict[str, float]


def word(token: Token) -> str:
    """The token as a feature: the lemma, the entity type for names, ``<num>`` for numbers."""
    if token.like_num:
        return "<num>"
    if token.pos_ == "PROPN":
        return token.ent_type_ or "PROPN"
    return lemma(token)


def _children_of(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


def markers(token: Token, lexicon: Lexicon) -> set[str]:
    """``fut`` (announced for the future), ``neg`` (negated), ``cond`` (with an if/unless
    clause) and ``stop`` (what is stopped: "ceased firing") for a trigger token."""
    settings = lexicon.settings
    found: set[str] = set()
    chain = [token]
    if token.dep_ in {"xcomp", "conj"} or token.pos_ not in {"VERB", "AUX", "ADJ"}:
        chain.append(token.head)
    for t in chain:
        aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
        if aux & set(settings["future_aux"]) and not aux & {"have", "has", "had", "'ve"}:
            found.add("fut")
        if any(
            c.dep_ == "neg" or c.lower_ in settings["negations"]
            for c in t.children
            if c.dep_ in {"neg", "det"}
        ):
            found.add("neg")
        clauses = [c for c in t.children if c.dep_ == "advcl"]
        if any(
            m.lower_ in settings["conditional_marks"] for c in clauses for m in c.children if m.dep_ == "mark"
        ):
            found.add("cond")
    if token.dep_ == "xcomp" and lemma(token.head) in settings["halting_governors"]:
        found.add("stop")
    if token.dep_ == "xcomp" and lemma(token.head) in settings["future_governors"]:
        found.add("fut")
    if token.dep_ == "xcomp" and lemma(token.head) == "go" and token.head.tag_ == "VBG":
        found.add("fut")  # "is going to meet"
    return found


def _content(token: Token, lexicon: Lexicon) -> set[int]:
    """Indices of the words in the trigger's to-clause or that-clause (what is requested,
    refused, threatened...)."""
    deps = set(lexicon.settings["absorbed_deps"])
    return {t.i for c in token.children if c.dep_ in deps for t in c.subtree}


def clause(unit: Span, cand: Candidate | None) -> list[Token]:
    """The words the classifier reads: the trigger's clause (the subtree of the trigger, or of
    the verb governing a noun trigger), within *unit*; the whole unit without a trigger."""
    if cand is None:
        return list(unit)
    top = unit.doc[cand.token]
    while top.pos_ not in {"VERB", "AUX", "ADJ"} and top.head.i != top.i:
        top = top.head
    return [t for t in top.subtree if unit.start <= t.i < unit.end]


def features(unit: Span, cand: Candidate | None, others: Sequence[Candidate], lexicon: Lexicon) -> list[str]:
    """String features of *cand* (the trigger) read in *unit* (its sentence or snippet)."""
    feats = ["bias"]
    tokens = [t for t in clause(unit, cand) if t.pos_ not in SKIP_POS]
    words = [word(t) for t in tokens]
    inner = _content(unit.doc[cand.token], lexicon) if cand else set()
    feats += [f"x={w}" if t.i in inner else f"w={w}" for t, w in zip(tokens, words, strict=True)]
    feats += [f"b={a}_{b}" for a, b in pairwise(words)]
    feats += [f"o={t}" for o in others if o is not cand for t in o.types]
    if cand is None:
        return [*feats, "nofocus"]
    token = unit.doc[cand.token]
    marks = markers(token, lexicon)
    feats += [f"t={lemma(token)}", f"tp={cand.words}", f"tpos={token.pos_}", f"tdep={token.dep_}"]
    feats += [f"m={m}" for m in marks]
    for event in cand.types:
        feats.append(f"c={event}")
        feats += [f"c={event}&{m}" for m in marks]
        feats += [f"cm={event}/{mode}" for mode in cand.modes(event)]
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            feats.append(f"k={child.dep_}:{word(child)}")
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            feats += [f"k={lemma(child)}:{word(g)}" for g in objects]
    if token.head.i != token.i:
        feats += [f"h={lemma(token.head)}", f"hd={token.dep_}:{lemma(token.head)}"]
    return feats


def main_candidate(cands: Sequence[Candidate], doc: Doc) -> Candidate | None:
    """The root-most candidate (fewest dependency hops to its sentence root; then the first)."""
    return min(cands, key=lambda c: (depth(doc[c.token]), c.token), default=None)


@dataclass
class EventClassifier:
    """A linear model over :func:`features` with a softmax on top."""

    model: LinearModel
    meta: dict[str, Any]

    @property
    def labels(self) -> tuple[str, ...]:
        return self.model.labels

    def distribution(self, feats: Iterable[str]) -> Distribution:
        scores = self.model.scores(feats)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


@cache
def load_classifier(scheme: str = "plover") -> EventClassifier:
    """The shipped model of *scheme* (``plover`` or ``acled``)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    models, meta = load_models(datafiles.path("events", f"{scheme}_model.json.gz"))
    return EventClassifier(models[scheme], meta)


def unit_candidates(unit: Span, lexicon: Lexicon) -> list[Candidate]:
    """Candidate triggers of every sentence of *unit*."""
    return [c for sent in unit.sents for c in find_candidates(sent, lexicon)]


def classify_unit(unit: Span, scheme: str = "plover", model: EventClassifier | None = None) -> Distribution:
    """The label distribution for the main event of *unit* (a sentence or a short snippet);
    *model* defaults to the shipped model of *scheme*."""
    lexicon = load_lexicon()
    cands = unit_candidates(unit, lexicon)
    main = main_candidate(cands, unit.doc)
    return (model or load_classifier(scheme)).distribution(features(unit, main, cands, lexicon))


def best(dist: Distribution, exclude: Iterable[str] = ()) -> tuple[str, float]:
    """The most probable label not in *exclude*, with its probability."""
    skip = set(exclude)
    label = max((k for k in dist if k not in skip), key=dist.__getitem__)
    return label, dist[label]


@cache
def _default_nlp() -> Language:
    from eventwire.resources import Resources

    return Resources().nlp


def classify_texts(
    texts: list[str], scheme: str = "plover", nlp: Language | None = None
) -> list[tuple[str, float]]:
    """The label of each text's main event with its probability (``NONE`` when the plover
    model sees no event). *nlp* defaults to the configured spaCy pipeline."""
    docs = (nlp or _default_nlp()).pipe(texts, batch_size=32)
    return [best(classify_unit(doc[:], scheme)) for doc in docs]
