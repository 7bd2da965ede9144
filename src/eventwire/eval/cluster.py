"""``eventwire eval cluster``: story clustering scored by B-cubed, V-measure and adjusted Rand."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from pathlib import Path

from eventwire.eval.common import read_jsonl, write_jsonl
from eventwire.link.similarity import Background, Settings, document_text, parse_terms, vectorize
from eventwire.link.stories import StoryClusterer
from eventwire.resources import Resources

Labels = Sequence[Hashable]


def cluster_documents(docs: Sequence[tuple[str, str]], resources: Resources) -> list[str]:
    """The story id of each ``(id, text)`` document, fed to the clusterer in the given order.

    IDF is learnt from all the documents and the background; the clusterer then consolidates once at the end.
    An unclustered document gets its own story-of-one id.
    """
    settings = Settings.load()
    bags = parse_terms((text for _, text in docs), resources.nlp, settings)
    vectors = vectorize(bags, settings.story_sublinear_tf, Background.load(settings))
    clusterer = StoryClusterer(settings.join_threshold, settings.merge_threshold)
    for (doc_id, _), vector in zip(docs, vectors, strict=True):
        clusterer.add(doc_id, vector)
    clusterer.consolidate()
    return [clusterer.group(doc_id) for doc_id, _ in docs]


def bcubed(gold: Labels, pred: Labels) -> dict[str, float]:
    """B-cubed precision, recall and F1, each item's scores averaged (Bagga & Baldwin 1998)."""
    pairs = Counter(zip(gold, pred, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(pred)
    n = len(gold)
    precision = sum(k * k / pred_sizes[p] for (_, p), k in pairs.items()) / n
    recall = sum(k * k / gold_sizes[g] for (g, _), k in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": f1}


def _entropy(counts: Counter[Hashable], n: int) -> float:
    return -sum(c / n * math.log(c / n) for c in counts.values())


def v_measure(gold: Labels, pred: Labels) -> float:
    """Harmonic mean of homogeneity and completeness (Rosenberg & Hirschberg 2007)."""
    n = len(gold)
    joint = Counter(zip(gold, pred, strict=True))
    h_gold, h_pred = _entropy(Counter(gold), n), _entropy(Counter(pred), n)
    h_joint = _entropy(joint, n)
    homogeneity = 1.0 - (h_joint - h_pred) / h_gold if h_gold else 1.0
    completeness = 1.0 - (h_joint - h_gold) / h_pred if h_pred else 1.0
    total = homogeneity + completeness
    return 2 * homogeneity * completeness / total if total else 0.0


def adjusted_rand(gold: Labels, pred: Labels) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985); 1.0 when both partitions are trivial alike."""

    def pairs(counts: Counter[Hashable]) -> float:
        return sum(c * (c - 1) / 2 for c in counts.values())

    n = len(gold)
    index = pairs(Counter(zip(gold, pred, strict=True)))
    a, b = pairs(Counter(gold)), pairs(Counter(pred))
    expected = a * b / (n * (n - 1) / 2) if n > 1 else 0.0
    maximum = (a + b) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0


def evaluate(path: Path, predictions: Path, resources: Resources) -> dict[str, float]:
    """Cluster ``{id, title, text}`` records into stories, write ``{id, cluster}``, score them.

    Reads only ``id``, ``title`` and ``text`` as input; documents are clustered online in file
    order. When records carry a gold ``cluster`` (read only to score), reports B-cubed
    precision/recall/F1 over them, V-measure and the adjusted Rand index.
    """
    records = list(read_jsonl(path, ("id", "text")))
    docs = [(str(r["id"]), document_text(r.get("title"), r["text"])) for r in records]
    clusters = cluster_documents(docs, resources)
    write_jsonl(predictions, ({"id": r["id"], "cluster": c} for r, c in zip(records, clusters, strict=True)))
    result = {"documents": float(len(records)), "clusters": float(len(set(clusters)))}
    scored = [(r["cluster"], c) for r, c in zip(records, clusters, strict=True) if "cluster" in r]
    if scored:
        gold, pred = [g for g, _ in scored], [p for _, p in scored]
        result.update({name: round(value, 4) for name, value in bcubed(gold, pred).items()})
        result["v_measure"] = round(v_measure(gold, pred), 4)
        result["ari"] = round(adjusted_rand(gold, pred), 4)
    return result
