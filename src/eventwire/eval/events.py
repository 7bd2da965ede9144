"""``eventwire eval events``: the type (PLOVER) or code (ACLED) of each snippet's main event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.eval.common import PRF, read_jsonl, write_jsonl
from eventwire.events.classify import NONE, SCHEMES, EventClassifier, best, classify_unit
from eventwire.events.detect import detect, main_detection
from eventwire.events.ontology import load_ontology
from eventwire.resources import Resources

SHARED_WORDS = 8  # training texts may share fewer consecutive words with an evaluation text


def snippet_label(
    doc: Doc, scheme: str = "plover", model: EventClassifier | None = None
) -> tuple[str, float]:
    """The label of a snippet's main event and its probability.

    ``plover``: the type of the detection whose trigger is root-most in its sentence; without
    one, the classifier's most probable type over the whole snippet (never ``NONE``: the
    snippet is taken to report an event). ``acled``: the classifier's most probable code.
    """
    if scheme == "plover":
        main = main_detection(doc, detect(doc, model))
        if main is not None:
            return main.event, main.probability
        return best(classify_unit(doc[:], scheme, model), exclude=(NONE,))
    return best(classify_unit(doc[:], scheme, model))


def gold_label(record: dict[str, Any], scheme: str) -> str | None:
    """The record's gold ``event`` or ``label``, upper-cased; PLOVER's older type names
    (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) become the current ones."""
    gold = record.get("event") or record.get("label")
    if not gold:
        return None
    key = str(gold).strip().upper()
    return load_ontology().old_names.get(key, key) if scheme == "plover" else key


def scores(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, float], dict[str, PRF]]:
    """Accuracy and support-weighted F1 over (gold, predicted) pairs, and the counts per label."""
    per: dict[str, PRF] = {}
    support: Counter[str] = Counter()
    n = correct = 0
    for gold, pred in pairs:
        n += 1
        support[gold] += 1
        if gold == pred:
            correct += 1
            per.setdefault(gold, PRF()).tp += 1
        else:
            per.setdefault(gold, PRF()).fn += 1
            per.setdefault(pred, PRF()).fp += 1
    weighted = sum(per[label].f1 * k for label, k in support.items()) / n if n else 0.0
    return {"accuracy": round(correct / n, 4) if n else 0.0, "weighted_f1": round(weighted, 4)}, per


def evaluate(path: Path, predictions: Path, resources: Resources, scheme: str = "plover") -> dict[str, Any]:
    """Label each ``{"id", "text"}`` record, write ``{"id", "label"}`` lines, score the gold labels.

    Reads only ``id`` and ``text`` as input (``event`` or ``label`` only to score). Returns
    ``records``, and when gold labels are present ``scored``, ``accuracy``, ``weighted_f1``
    (per-label F1 weighted by the gold support) and ``per_label`` (label -> PRF counts).
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    records = list(read_jsonl(path, ("id", "text")))
    docs = resources.nlp.pipe((r["text"] for r in records), batch_size=32)
    labels = [snippet_label(doc, scheme)[0] for doc in docs]
    write_jsonl(predictions, ({"id": r["id"], "label": lab} for r, lab in zip(records, labels, strict=True)))
    pairs = [(g, lab) for r, lab in zip(records, labels, strict=True) if (g := gold_label(r, scheme))]
    result: dict[str, Any] = {"records": len(records)}
    if pairs:
        metrics, per = scores(pairs)
        result.update(scored=len(pairs), **metrics, per_label=per)
    return result


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+(?:'\w+)?", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def overlapping(texts: Iterable[str], references: Iterable[str], n: int = SHARED_WORDS) -> list[str]:
    """The *texts* that share *n* or more consecutive lower-cased words with a reference text
    (the decontamination check of training examples against an evaluation set)."""
    banned: set[tuple[str, ...]] = set()
    for ref in references:
        banned |= _ngrams(ref, n)
    return [t for t in texts if not banned.isdisjoint(_ngrams(t, n))]
