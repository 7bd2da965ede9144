"""Tune the place resolver's weights (``src/eventwire/data/gazetteer/resolver.json``).

Coordinate ascent on half a of the labelled geo sets (``eval.geo.half``; half b is only
scored, at the end): each numeric weight in turn is moved by one or two steps either way and
the best move kept, until a sweep improves nothing or ``--sweeps`` is reached. The objective
is the mean over the sets of Acc@161 (%) − 2 × AUC, so AUC only breaks near-ties. Resolution
uses the gold spans and reads only each record's text and the toponyms' start/end.

Usage: ``python tools/tune_places.py [SET.jsonl ...] [--sweeps N] [--write]``
(default sets: ``../shared/datasets/geo/{lgl,geovirus}.jsonl``; ``--write`` saves the result).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from eventwire.annotate.places.resolver import WEIGHTS, PlaceResolver, Weights
from eventwire.eval.common import read_jsonl
from eventwire.eval.geo import errors_km, half, summary
from eventwire.resources import Resources

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "geo"
DEFAULT_SETS = [DATASETS / "lgl.jsonl", DATASETS / "geovirus.jsonl"]
FIXED = frozenset({"rounds"})
# Step of each weight (default 0.5).
STEPS = {"near_km": 25.0, "namesake_share": 0.05}
AUC_COST = 2.0

Key = str | tuple[str, str]


def scores(resolver: PlaceResolver, sets: dict[str, list[dict[str, Any]]], part: str) -> dict[str, dict]:
    """Resolution summary per set over the records of half *part*."""
    out = {}
    for name, records in sets.items():
        errors: list[float] = []
        for record in records:
            if half(record["id"]) != part:
                continue
            spans = [(t["start"], t["end"]) for t in record["toponyms"]]
            places = resolver.resolve_spans(record["text"], spans)
            predicted = [
                {"start": s, "end": e, "lat": p.lat if p else None, "lon": p.lon if p else None}
                for (s, e), p in zip(spans, places, strict=True)
            ]
            errors += errors_km(record["toponyms"], predicted)
        out[name] = summary(errors)
    return out


def objective(by_set: dict[str, dict]) -> float:
    return sum(s["acc161"] - AUC_COST * s["auc"] for s in by_set.values()) / len(by_set)


def keys(w: Weights) -> list[Key]:
    """The tunable weights: numeric fields and the entries of the kind and form tables."""
    fields = asdict(w)
    out: list[Key] = [k for k, v in fields.items() if isinstance(v, int | float) and k not in FIXED]
    return out + [(table, k) for table in ("kind", "form") for k in fields[table]]


def get(w: Weights, key: Key) -> float:
    return getattr(w, key[0])[key[1]] if isinstance(key, tuple) else getattr(w, key)


def with_value(w: Weights, key: Key, value: float) -> Weights:
    if isinstance(key, tuple):
        return replace(w, **{key[0]: {**getattr(w, key[0]), key[1]: value}})
    return replace(w, **{key: type(getattr(w, key))(value)})


def ascend(resolver: PlaceResolver, sets: dict[str, list[dict]], sweeps: int) -> Weights:
    """Coordinate ascent from the resolver's weights; the best weights found."""
    w = resolver.weights
    best = objective(scores(resolver, sets, "a"))
    print(f"start {best:.3f}", flush=True)
    for _ in range(sweeps):
        improved = False
        for key in keys(w):
            step = STEPS.get(key if isinstance(key, str) else "", 0.5)
            for delta in (-2 * step, -step, step, 2 * step):
                value = round(get(w, key) + delta, 3)
                if value < 0 and key in STEPS:
                    continue
                candidate = with_value(w, key, value)
                resolver.weights = candidate
                score = objective(scores(resolver, sets, "a"))
                if score > best + 1e-6:
                    best, w, improved = score, candidate, True
                    print(f"{key} = {value}: {best:.3f}", flush=True)
        if not improved:
            break
    resolver.weights = w
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--sweeps", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"save the weights to {WEIGHTS}")
    args = parser.parse_args()
    sets = {path.stem: list(read_jsonl(path)) for path in args.sets}
    resolver = Resources().places
    w = ascend(resolver, sets, args.sweeps)
    for part in ("a", "b"):
        for name, s in scores(resolver, sets, part).items():
            print(f"half {part} {name}: Acc@161 {s['acc161']} AUC {s['auc']}")
    if args.write:
        WEIGHTS.write_text(json.dumps(asdict(w), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
