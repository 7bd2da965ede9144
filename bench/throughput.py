"""Throughput and peak memory per stage, side by side with bare spaCy in the same run.

    python bench/throughput.py [--texts FILE.jsonl ...] [--limit N]

Default texts: the article texts of ../shared/datasets/quotes/polnear_*.jsonl. The baseline is
``spacy.load("en_core_web_sm").pipe`` over the same texts; each stage's cost is reported as a
ratio to it, so the noisy machine's speed cancels out. Not a test: it prints, it never fails.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.annotate import STAGES
from eventwire.clean import clean
from eventwire.model import AnnotatedArticle, RawDocument
from eventwire.resources import Resources

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_TEXTS = sorted((SHARED / "datasets" / "quotes").glob("polnear_*.jsonl"))


def load_texts(paths: list[Path], limit: int) -> list[str]:
    texts: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, nargs="*", default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=150)
    args = parser.parse_args()
    texts = load_texts(args.texts, args.limit)
    if not texts:
        raise SystemExit("no texts found: pass --texts FILE.jsonl (records with a 'text' field)")
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words on average")

    import spacy

    resources = Resources()
    baseline_nlp = spacy.load(resources.settings.spacy_model)
    rows: list[tuple[str, float, float]] = []

    seconds, _ = timed(lambda: list(baseline_nlp.pipe(texts)))
    baseline = seconds
    rows.append(("baseline: bare spaCy pipe", seconds, peak_rss_mb()))

    raws = [RawDocument(source=f"t{i}", fmt="text", raw_text=t) for i, t in enumerate(texts)]
    seconds, articles = timed(lambda: [clean(r, resources.langid) for r in raws])
    rows.append(("clean", seconds, peak_rss_mb()))
    seconds, docs = timed(lambda: list(resources.nlp.pipe(a.text for a in articles)))
    rows.append(("nlp (the same spaCy pipeline)", seconds, peak_rss_mb()))
    items = [AnnotatedArticle(a) for a in articles]
    for name, stage in STAGES.items():
        stage(items[0], docs[0], resources)  # load the stage's resources outside the timing
        pairs = list(zip(items, docs, strict=True))
        seconds, _ = timed(lambda stage=stage, pairs=pairs: [stage(i, d, resources) for i, d in pairs])
        rows.append((name, seconds, peak_rss_mb()))

    print(f"{'stage':<32}{'articles/s':>12}{'ratio to spaCy':>16}{'peak RSS MB':>14}")
    for name, seconds, rss in rows:
        rate = len(texts) / seconds if seconds else float("inf")
        print(f"{name:<32}{rate:>12.1f}{seconds / baseline:>16.3f}{rss:>14.0f}")
    cost = {name: seconds / baseline for name, seconds, _ in rows}
    print(f"times + places together: {cost['times'] + cost['places']:.3f} x spaCy (target <= 1.0)")
    print(f"entities + quotes together: {cost['entities'] + cost['quotes']:.3f} x spaCy (target <= 0.5)")
    print(f"events: {cost['events']:.3f} x spaCy (target <= 0.5)")


if __name__ == "__main__":
    main()
