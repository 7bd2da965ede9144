"""The link stage alone, on a store whose articles were extracted but not linked.

    python bench/scale.py 10000 --engines local --keep /tmp/w   # (or dask2) keeps corpus and store
    python bench/link.py /tmp/w/local-10000.db /tmp/w/corpus-10000 [--files N] [--copy]

Links the articles of the first *N* files of the corpus (all by default) with ``Pipeline.run``
and the stages ``clean`` and ``link`` (articles already stored are not annotated again), and
prints the articles linked, the rate, the peak RSS of this process, and the time per part of the
stage; runs of 10,000 records or more also print them every tenth of the run. ``--copy`` links
a copy of the store, leaving it unlinked for another run; ``--dump OUT.json`` writes the
stories and events after, to compare two versions of the code. Not a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from eventwire.config import Settings
from eventwire.pipeline import LINK_STAGE, Pipeline
from eventwire.scale.worker import resources
from eventwire.store import Store, open_store
from scale import MB, Milestones, PeakRss


def dump(store: Store, path: Path) -> None:
    """The stories (id, articles) and every linked mention's event (id, type, mentions, sources),
    sorted, as JSON: two runs linked the same way write the same file."""
    stories = sorted((s.id, s.article_ids) for s in store.stories())
    events = {m: (e.id, e.event, sorted(e.mentions), e.sources) for m, e in store.linked_events().items()}
    path.write_text(json.dumps({"stories": stories, "events": sorted(events.items())}), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("corpus", type=Path, help="the folder of JSONL files the store was made from")
    parser.add_argument("--files", type=int, default=0, help="link the articles of the first N files")
    parser.add_argument("--copy", action="store_true", help="link a copy of the store")
    parser.add_argument("--dump", type=Path, help="write the stories and linked events to this JSON file")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.jsonl"))[: args.files or None]
    records = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    with tempfile.TemporaryDirectory(prefix="eventwire-link-") as work:
        db = args.db
        if args.copy:
            db = Path(work) / args.db.name
            shutil.copy(args.db, db)
        store = open_store(db)
        settings = Settings.load()
        pipeline = Pipeline(store, resources(settings), ("clean", LINK_STAGE))
        _ = pipeline.resources.nlp  # loaded before the timing
        try:
            with PeakRss() as peak:
                start = time.perf_counter()
                progress = Milestones("link", peak, start, records // 10 if records >= 10_000 else 0)
                report = pipeline.run(list(map(str, files)), "bench link", progress=progress)
                seconds = time.perf_counter() - start
            if args.dump:
                dump(store, args.dump)
        finally:
            store.close()
    linked = report.counts["updated"] + report.counts["added"]
    print(f"link_batch {settings.link_batch}, link_group {settings.link_group}: {linked} articles linked"
          f" in {seconds:.1f} s ({linked / seconds:.2f}/s), peak RSS {peak.driver / MB:.0f} MB")  # fmt: skip
    for stage, timing in sorted(report.timings.items()):
        print(f"  {stage:<8}{timing.seconds:>9.1f} s")


if __name__ == "__main__":
    main()
