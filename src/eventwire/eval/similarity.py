"""``eventwire eval similarity``: news-article pair similarity scored by Pearson correlation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from eventwire.eval.common import read_jsonl, write_jsonl
from eventwire.link.similarity import Settings, document_text, dot, parse_terms, scale, vectorize
from eventwire.resources import Resources

GOLD = "overall"  # SemEval-2022 Task 8 overall similarity, 1 (same) .. 4 (unrelated)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's correlation coefficient of two equally long sequences (0.0 when undefined)."""
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def score_pairs(pairs: Sequence[tuple[str, str]], resources: Resources) -> list[float]:
    """The 1..4 similarity score of each pair of document texts (IDF learnt from all of them)."""
    settings = Settings.load()
    texts = [text for pair in pairs for text in pair]
    vectors = vectorize(parse_terms(texts, resources.nlp, settings), settings.pair_sublinear_tf)
    return [scale(dot(vectors[2 * i], vectors[2 * i + 1]), settings) for i in range(len(pairs))]


def evaluate(path: Path, predictions: Path, resources: Resources) -> dict[str, float]:
    """Score each ``{pair_id, title1, text1, title2, text2}`` record, write predictions, correlate.

    Writes ``{"pair_id", "score"}`` per record (1 = same event .. 4 = unrelated). When records
    carry the gold ``overall`` score (read only to score), reports Pearson's r over them.
    """
    records = list(read_jsonl(path, ("pair_id", "text1", "text2")))
    pairs = [
        (document_text(r.get("title1"), r["text1"]), document_text(r.get("title2"), r["text2"]))
        for r in records
    ]
    scores = score_pairs(pairs, resources)
    write_jsonl(
        predictions,
        ({"pair_id": r["pair_id"], "score": round(s, 4)} for r, s in zip(records, scores, strict=True)),
    )
    result = {"pairs": float(len(records))}
    gold = [(r[GOLD], s) for r, s in zip(records, scores, strict=True) if r.get(GOLD) is not None]
    if len(gold) > 1:
        result["pearson"] = round(pearson([g for g, _ in gold], [s for _, s in gold]), 4)
    return result
