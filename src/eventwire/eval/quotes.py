"""``eventwire eval quotes``: attribution span detection scored against PolNeAR-style JSONL."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from eventwire.eval.common import PRF, read_jsonl, write_jsonl
from eventwire.resources import Resources

ROLES = ("source", "cue", "content")
Pieces = Sequence[Sequence[int]]
Chars = frozenset[int]


def _chars(text: str, pieces: Pieces | None) -> Chars:
    """The offsets of the non-whitespace characters that *pieces* cover."""
    return frozenset(i for start, end in pieces or () for i in range(start, end) if not text[i].isspace())


def _max_matching(n_pred: int, n_gold: int, match: Callable[[int, int], bool]) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths)."""
    edges = [[g for g in range(n_gold) if match(p, g)] for p in range(n_pred)]
    owner: list[int | None] = [None] * n_gold

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g not in seen:
                seen.add(g)
                if owner[g] is None or augment(owner[g], seen):  # type: ignore[arg-type]
                    owner[g] = p
                    return True
        return False

    return sum(augment(p, set()) for p in range(n_pred))


def _add(prf: PRF, pred: Sequence[Any], gold: Sequence[Any], match: Callable[..., bool]) -> None:
    tp = _max_matching(len(pred), len(gold), lambda p, g: match(pred[p], gold[g]))
    prf.tp += tp
    prf.fp += len(pred) - tp
    prf.fn += len(gold) - tp


def _overlaps(a: Chars, b: Chars) -> bool:
    return not a.isdisjoint(b)


def _equal(a: Chars, b: Chars) -> bool:
    return a == b


def _attr_overlap(a: tuple[Chars, ...], b: tuple[Chars, ...]) -> bool:
    source_ok = (not a[0] and not b[0]) or _overlaps(a[0], b[0])
    return source_ok and _overlaps(a[1], b[1]) and _overlaps(a[2], b[2])


def score_record(
    text: str, gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]], counts: dict[str, PRF]
) -> None:
    """Add one record's counts to *counts* (keys ``{role}_{exact|overlap}``, ``attribution_*``)."""
    gold_sets = [tuple(_chars(text, a.get(r)) for r in ROLES) for a in gold]
    pred_sets = [tuple(_chars(text, a.get(r)) for r in ROLES) for a in pred]
    for k, role in enumerate(ROLES):
        g = list(dict.fromkeys(s[k] for s in gold_sets if s[k]))
        p = list(dict.fromkeys(s[k] for s in pred_sets if s[k]))
        _add(counts.setdefault(f"{role}_exact", PRF()), p, g, _equal)
        _add(counts.setdefault(f"{role}_overlap", PRF()), p, g, _overlaps)
    _add(counts.setdefault("attribution_exact", PRF()), pred_sets, gold_sets, _equal)
    _add(counts.setdefault("attribution_overlap", PRF()), pred_sets, gold_sets, _attr_overlap)


def metrics(counts: dict[str, PRF]) -> dict[str, float]:
    """Precision, recall and F1 for every counted key."""
    out: dict[str, float] = {}
    for key, prf in counts.items():
        out.update(prf.metrics(key))
    return out


def predict(texts: Iterable[str], resources: Resources) -> Iterable[list[dict[str, Any]]]:
    """Attributions for each text, as ``{"source","cue","content"}`` lists of ``[start, end]``."""
    from eventwire.annotate.quotes import extract_quotes

    for doc in resources.nlp.pipe(texts, batch_size=16):
        yield [
            {role: [[s.start, s.end] for s in getattr(q, role)] for role in ROLES}
            for q in extract_quotes(doc)
        ]


def evaluate(path: Path, predictions: Path, resources: Resources) -> dict[str, float]:
    """Run ``extract_quotes`` on each record's ``text``, write predictions, score them.

    Reads only ``id`` and ``text`` as input (``attributions`` only to score). Writes one line
    per record, ``{"id", "attributions": [{"source", "cue", "content"}]}``, each role a list
    of ``[start, end]`` pieces (empty when absent).

    Scores, per role (source, cue, content), over the distinct non-empty role spans of a
    record's attributions; a role span is the set of non-whitespace character offsets its
    pieces cover, so one span split into pieces differently is the same span:

    - exact: a predicted span matches a gold one when the two character sets are equal;
    - overlap: a predicted span matches a gold one when they share at least one character.

    Matching is one-to-one: true positives are the size of a maximum matching between
    predicted and gold spans of the role in the record; every unmatched prediction is a
    false positive and every unmatched gold span a false negative. Counts are summed over
    records (micro-averaged). ``attribution_overlap`` matches whole attributions one-to-one:
    cue and content overlap and the sources overlap or are both absent;
    ``attribution_exact`` needs all three roles equal.
    """
    records = list(read_jsonl(path, ("id", "text")))
    found = list(predict((r["text"] for r in records), resources))
    write_jsonl(
        predictions,
        ({"id": r["id"], "attributions": a} for r, a in zip(records, found, strict=True)),
    )
    counts: dict[str, PRF] = {}
    for record, attributions in zip(records, found, strict=True):
        score_record(record["text"], record.get("attributions") or [], attributions, counts)
    return {"records": float(len(records)), **metrics(counts)}
