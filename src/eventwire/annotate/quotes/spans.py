"""Turn per-token role labels around one cue anchor into source, cue and content spans."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.model import Span


def _span(doc: Doc, first: int, last: int) -> Span:
    return Span(doc[first].idx, doc[last].idx + len(doc[last].text))


def _runs(labels: Sequence[str], start: int, label: str) -> list[tuple[int, int]]:
    """Maximal runs ``(first, last)`` of *label*, as document token indices."""
    runs: list[tuple[int, int]] = []
    for k, lab in enumerate(labels):
        i = start + k
        if lab != label:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _trim(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and doc[first].is_space:
        first += 1
    while last >= first and doc[last].is_space:
        last -= 1
    return (first, last) if first <= last else None


def cue_span(doc: Doc, anchor: int, labels: Sequence[str], start: int) -> Span:
    """The anchor widened over the neighbouring tokens labelled CUE."""
    first = last = anchor
    while first - 1 >= start and labels[first - 1 - start] == "CUE":
        first -= 1
    while last + 1 < start + len(labels) and labels[last + 1 - start] == "CUE":
        last += 1
    return _span(doc, first, last)


def source_span(doc: Doc, anchor: int, labels: Sequence[str], start: int) -> list[Span]:
    """The run of SOURCE tokens nearest the anchor (at most one piece)."""
    runs = [r for r in (_trim(doc, *run) for run in _runs(labels, start, "SOURCE")) if r]
    if not runs:
        return []
    first, last = min(runs, key=lambda r: min(abs(r[0] - anchor), abs(r[1] - anchor)))
    return [_span(doc, first, last)]


def content_spans(doc: Doc, labels: Sequence[str], start: int) -> list[Span]:
    """Runs of CONTENT tokens, joined across gaps of punctuation, as one or more pieces."""
    merged: list[tuple[int, int]] = []
    for first, last in _runs(labels, start, "CONTENT"):
        if merged and all(t.is_punct or t.is_space for t in doc[merged[-1][1] + 1 : first]):
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    pieces = []
    for run in merged:
        trimmed = _trim(doc, *run)
        if trimmed and not all(t.is_punct for t in doc[trimmed[0] : trimmed[1] + 1]):
            pieces.append(_span(doc, *trimmed))
    return pieces


CLIMB = frozenset({"advcl", "conj", "xcomp"})  # "…, saying", "… and said", "seemed to recognize"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def subject_source(anchor: Token) -> list[Span]:
    """The subject of the clause an anchor without its own subject hangs from, if any.

    Climbs from the anchor through ``CLIMB`` relations to the first verb with a subject; the
    span is the subject's phrase up to a following relative clause.
    """
    node = anchor
    while not any(c.dep_ in SUBJECTS for c in node.children):
        if node.dep_ not in CLIMB or node.head.i == node.i:
            return []
        node = node.head
    if node.i == anchor.i:
        return []
    subj = next(c for c in node.children if c.dep_ in SUBJECTS)
    doc = subj.doc
    cut = [c.left_edge.i for c in subj.children if c.dep_ in {"relcl", "acl"} and c.i > subj.i]
    first, last = subj.left_edge.i, (cut[0] - 1 if cut else subj.right_edge.i)
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return [_span(doc, first, last)]
