"""``eventwire eval geo``: toponym resolution and detection on LGL / GeoVirus-style JSONL.

Input records: ``{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon"}]}``; only
id, text and the toponyms' start/end/name are read to predict, lat/lon only to score.
Predictions: ``{"id", "resolved": [{"start", "end", "lat", "lon"}], "detected": [...]}`` where
``resolved`` answers the given spans (null coordinates when the name is unknown) and
``detected`` is the end-to-end geoparse of the text.

Resolution metrics over the given spans: Acc@161 (% within 161 km), mean and median error in
km and the AUC of the error curve (area under log(1 + error) normalised by its maximum; lower
is better); an unknown name counts as the largest possible error (20,015 km). The records are
split in two halves by a hash of their id (``half_a`` is where the weights were tuned,
``half_b`` is held out). Detection: a predicted span matches a gold span it overlaps (each
gold span at most once); precision, recall and F1 over those matches, and Acc@161 of the
matched pairs.
"""

from __future__ import annotations

import hashlib
import math
import statistics
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.annotate.places.geometry import MAX_ERROR_KM, distance_km
from eventwire.eval.common import PRF, read_jsonl, write_jsonl
from eventwire.model import Place
from eventwire.resources import Resources

ACC_KM = 161.0


def half(record_id: str) -> str:
    """``"a"`` or ``"b"``: a fixed split of the records by a hash of their id."""
    return "a" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "b"


def evaluate(path: Path, predictions: Path, resources: Resources, *, detect: bool = True) -> dict[str, float]:
    """Resolve the given spans (and geoparse each text when *detect*), write the predictions
    to *predictions* and return the scores."""
    records = list(read_jsonl(path, ("id", "text", "toponyms")))
    write_jsonl(predictions, _predict(records, resources, detect))
    predicted = {p["id"]: p for p in read_jsonl(predictions)}
    scores = resolution_scores(records, predicted)
    if detect:
        scores |= detection_scores(records, predicted)
    return scores


def _predict(records: list[dict[str, Any]], resources: Resources, detect: bool) -> Iterator[dict[str, Any]]:
    resolver = resources.places
    texts = (r["text"] for r in records)
    docs: Iterable[Any] = resources.nlp.pipe(texts, batch_size=32) if detect else iter(())
    for record in records:
        spans = [(t["start"], t["end"]) for t in record["toponyms"]]
        resolved = resolver.resolve_spans(record["text"], spans)
        out: dict[str, Any] = {
            "id": record["id"],
            "resolved": [_point(span, p) for span, p in zip(spans, resolved, strict=True)],
        }
        if detect:
            places = resolver.resolve(record["text"], next(iter(docs)))
            out["detected"] = [_point((p.start, p.end), p) for p in places]
        yield out


def _point(span: tuple[int, int], place: Place | None) -> dict[str, Any]:
    lat, lon = (place.lat, place.lon) if place else (None, None)
    return {"start": span[0], "end": span[1], "lat": lat, "lon": lon}


def errors_km(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[float]:
    """Error of each gold toponym; a missing or null prediction counts as the largest."""
    by_span = {(p["start"], p["end"]): p for p in predicted}
    out = []
    for t in gold:
        p = by_span.get((t["start"], t["end"]))
        if p is None or p.get("lat") is None:
            out.append(MAX_ERROR_KM)
        else:
            out.append(distance_km(t["lat"], t["lon"], p["lat"], p["lon"]))
    return out


def summary(errors: list[float], prefix: str = "") -> dict[str, float]:
    """Acc@161 (%), mean and median error (km) and AUC of the log error curve."""
    if not errors:
        return {}
    top = math.log1p(MAX_ERROR_KM)
    return {
        f"{prefix}acc161": round(100 * sum(e <= ACC_KM for e in errors) / len(errors), 2),
        f"{prefix}mean_km": round(statistics.fmean(errors), 1),
        f"{prefix}median_km": round(statistics.median(errors), 1),
        f"{prefix}auc": round(statistics.fmean(math.log1p(e) / top for e in errors), 4),
        f"{prefix}toponyms": float(len(errors)),
    }


def resolution_scores(
    records: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]
) -> dict[str, float]:
    """Resolution scores over all records and over each half."""
    halves: dict[str, list[float]] = {"a": [], "b": []}
    for record in records:
        errors = errors_km(record["toponyms"], predicted.get(record["id"], {}).get("resolved", []))
        halves[half(record["id"])] += errors
    return (
        summary(halves["a"] + halves["b"]) | summary(halves["a"], "half_a_") | summary(halves["b"], "half_b_")
    )


def detection_scores(records: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Overlap-matched detection P/R/F1 and Acc@161 of the matched pairs."""
    prf = PRF()
    errors: list[float] = []
    for record in records:
        gold = record["toponyms"]
        found = predicted.get(record["id"], {}).get("detected", [])
        pairs = _match(gold, found)
        prf.tp += len(pairs)
        prf.fp += len(found) - len(pairs)
        prf.fn += len(gold) - len(pairs)
        errors += [
            distance_km(g["lat"], g["lon"], p["lat"], p["lon"]) if p["lat"] is not None
            else MAX_ERROR_KM
            for g, p in pairs
        ]  # fmt: skip
    scores = prf.metrics("detection")
    if errors:
        scores["detection_acc161"] = round(100 * sum(e <= ACC_KM for e in errors) / len(errors), 2)
    return scores


def _match(
    gold: list[dict[str, Any]], found: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Greedy one-to-one pairs of overlapping spans, in text order."""
    pairs = []
    used: set[int] = set()
    for p in sorted(found, key=lambda x: x["start"]):
        for i, g in enumerate(gold):
            if i not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs
