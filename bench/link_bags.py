"""The link stage's term bags made with the articles (on the workers) against parsed to link.

    python bench/link_bags.py [N] [--rounds 2]

Runs the whole pipeline (every stage, link included) with the local engine over N synthetic
articles (``scale.synthetic``, default 1,000) on fresh stores, alternating two ways, *rounds*
times each: the shipped one, where ``annotate_partition`` makes the term bags with the articles
and the link stage on the driver uses them, and the baseline, where it makes none (so the
driver parses every text again to link, as before). Prints, per run, the whole run's seconds and
the seconds of the link stage (the driver's part under Dask) and of the bags, then their ratios,
and whether both ways stored the same stories and events. Not a test.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventwire import pipeline
from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.scale.worker import resources
from eventwire.store import open_store
from link import dump
from scale import real_pool, synthetic, warm, write_corpus

WAYS = ("made with the articles", "parsed to link")


def run(paths: list[str], db: Path, way: str) -> tuple[float, float, float]:
    """Seconds of the whole run, of its link stage and of its term bags, one way."""
    made = pipeline._terms
    if way == WAYS[1]:
        pipeline._terms = lambda *args: {}  # the baseline: no bags travel to the link stage
    store = open_store(db)
    try:
        start = time.perf_counter()
        report = Pipeline(store, resources(Settings())).run(paths, f"bench bags {way}")
        seconds = time.perf_counter() - start
        dump(store, db.with_suffix(".json"))
    finally:
        pipeline._terms = made
        store.close()
    terms = report.timings.get("terms")
    return seconds, report.timings["link"].seconds, terms.seconds if terms else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-bags-") as work:
        folder = Path(work) / "corpus"
        folder.mkdir()
        paths = write_corpus(folder, synthetic(args.size, real_pool()), 100)
        warm(Settings().stages)
        totals = {way: [0.0, 0.0, 0.0] for way in WAYS}
        print(f"{'run':<28}{'seconds':>9}{'link s':>9}{'bags s':>9}")
        for k in range(args.rounds):
            for n, way in enumerate(WAYS):
                times = run(paths, Path(work) / f"{n}-{k}.db", way)
                totals[way] = [t + x for t, x in zip(totals[way], times, strict=True)]
                print(f"{way:<28}" + "".join(f"{x:>9.1f}" for x in times), flush=True)
        new, old = totals[WAYS[0]], totals[WAYS[1]]
        print(f"ratio made/parsed: whole run {new[0] / old[0]:.2f}, link stage {new[1] / old[1]:.2f}")
        same = all(
            (Path(work) / f"0-{k}.json").read_text() == (Path(work) / f"1-{k}.json").read_text()
            for k in range(args.rounds)
        )
        print(f"same stories and events both ways: {same}")


if __name__ == "__main__":
    main()
