"""Event detection: the typed triggers of each sentence of a parsed document.

Per sentence, the lexicon proposes candidate triggers (``events.triggers``); the classifier
(``events.classify``) reads each candidate's clause and chooses its type among the lexicon's
candidates (or another type when it is confident enough), drops it when it is confident that
the words report no event, and PLOVER's conventions turn an announced cooperative act into an
intention and a refused one into a rejection. Candidates inside the to/that-clause of a
request, agreement, refusal, threat or concession are that act's content, not events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from eventwire.events.classify import (
    NONE,
    Distribution,
    EventClassifier,
    best,
    clause,
    features,
    load_classifier,
    markers,
)
from eventwire.events.triggers import (
    Candidate,
    Lexicon,
    cue_contexts,
    cue_modes,
    depth,
    find_candidates,
    load_lexicon,
)
from eventwire.model import Span as TextSpan


@dataclass
class Detection:
    """A typed event trigger with its sentence; offsets are into ``doc.text``."""

    trigger: TextSpan
    token: int  # doc index of the trigger's head token
    sentence: TextSpan
    event: str  # PLOVER type
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    probability: float = 0.0


def decide(
    dist: Distribution, cand: Candidate, marks: set[str], lexicon: Lexicon
) -> tuple[str, float] | None:
    """The type of a candidate, or None when the classifier says it reports no event."""
    settings = lexicon.settings
    if dist.get(NONE, 0.0) >= settings["none_threshold"]:
        return None
    event, p = best(dist, exclude=(NONE,))
    if cand.types and event not in cand.types and p < settings["override_threshold"]:
        event, p = best({t: dist.get(t, 0.0) for t in cand.types})
    if "neg" in marks:
        return settings["negated"].get(event, event), p
    if "stop" in marks:
        event = settings["halted"].get(event, event)
    if "fut" in marks:
        conditional = "cond" in marks and event in settings["conditional"]
        event = settings["conditional" if conditional else "future"].get(event, event)
    return event, p


def _trigger_span(doc: Doc, cand: Candidate) -> TextSpan:
    """The head token, widened to the matched words next to it ("called up", "air strike")."""
    lo = hi = cand.token
    near = set(cand.tokens)
    while lo - 1 in near or (lo - 2 in near and doc[lo - 1].text == "-"):
        lo -= 1
    while hi + 1 in near or (hi + 2 in near and doc[hi + 1].text == "-"):
        hi += 1
    return TextSpan(doc[lo].idx, doc[hi].idx + len(doc[hi]))


def _annotate(
    doc: Doc, sent: Span, cand: Candidate, event: str, lexicon: Lexicon
) -> tuple[list[str], list[str]]:
    """Modes and contexts: the lexicon's for the chosen type, plus the clause's cue words."""
    words = clause(sent, cand)
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    text = f" {' '.join(t.lemma_.lower() for t in words)} | {' '.join(t.lower_ for t in words)} "
    modes = cand.modes(event) or cue_modes(lemmas, text, event, lexicon)[:1]
    contexts = [*cand.contexts(event), *cue_contexts(lemmas, text, lexicon)]
    return modes, list(dict.fromkeys(contexts))


def _absorbed(doc: Doc, det: Detection, lexicon: Lexicon) -> set[int]:
    """Tokens inside the content clause of *det* when its type takes one."""
    settings = lexicon.settings
    if det.event not in settings["absorbing"]:
        return set()
    head = doc[det.token]
    return {t.i for c in head.children if c.dep_ in settings["absorbed_deps"] for t in c.subtree}


def detect_sentence(
    doc: Doc, sent: Span, lexicon: Lexicon | None = None, model: EventClassifier | None = None
) -> list[Detection]:
    """The events of one sentence, root-most trigger first (*model*: the shipped plover model)."""
    lexicon = lexicon or load_lexicon()
    model = model or load_classifier("plover")
    cands = find_candidates(sent, lexicon)
    out: list[Detection] = []
    absorbed: set[int] = set()
    sentence = TextSpan(sent.start_char, sent.end_char)
    for cand in sorted(cands, key=lambda c: (depth(doc[c.token]), c.token)):
        if cand.token in absorbed:
            continue
        marks = markers(doc[cand.token], lexicon)
        decision = decide(model.distribution(features(sent, cand, cands, lexicon)), cand, marks, lexicon)
        if decision is None:
            continue
        event, p = decision
        modes, contexts = _annotate(doc, sent, cand, event, lexicon)
        det = Detection(_trigger_span(doc, cand), cand.token, sentence, event, modes, contexts, round(p, 4))
        out.append(det)
        absorbed |= _absorbed(doc, det, lexicon)
    return out


def detect(doc: Doc, model: EventClassifier | None = None) -> list[Detection]:
    """The events of every sentence of *doc*, in sentence order, root-most trigger first."""
    lexicon = load_lexicon()
    return [d for sent in doc.sents for d in detect_sentence(doc, sent, lexicon, model)]


def main_detection(doc: Doc, detections: list[Detection]) -> Detection | None:
    """The detection whose trigger is root-most in its sentence (the first on a tie)."""
    return min(detections, key=lambda d: (depth(doc[d.token]), d.token), default=None)
