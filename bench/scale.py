"""Cost curves: throughput and peak memory of the local engine and of Dask with 1 and 2 workers.

    python bench/scale.py [SIZES ...] [--file-records 100] [--engines dask1,dask2,local] [--no-link]

For each size N (default 1000), N synthetic articles are made at bench time from real news
texts (``realtexts.py``: PolNeAR and ECB+ in ../shared): 6 to 14 consecutive sentences of a real
article, every number changed, a publication date drawn in 2023; they are written as JSONL
files of ``--file-records`` records.
Each engine runs the extraction stages (clean, nlp, entities, times, places, quotes, events)
on a fresh store; the link stage, which runs on the driver whatever the engine, is timed once
after the local run (``--no-link`` leaves it out; ``bench/link.py`` times it alone). Peak RSS
is sampled (psutil, every 0.2 s) for the driver and for the worker processes. Resources are
loaded before the timing (the driver and each worker annotate one short text first).
``--keep DIR`` keeps the corpora and the stores (``bench/link.py`` links a kept store). Not a
test: it prints a table, it never fails.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from realtexts import real_articles, sentences

from eventwire.config import Settings
from eventwire.model import RawDocument
from eventwire.pipeline import LINK_STAGE, Pipeline, RunReport, annotate_partition
from eventwire.scale import DaskEngine
from eventwire.scale.worker import resources
from eventwire.store import open_store

MB = 1024 * 1024
EXTRACT = tuple(s for s in Settings().stages if s != LINK_STAGE)


def real_pool() -> list[list[str]]:
    """The sentences of each real article (titles left out), articles of fewer than six left out."""
    pool = []
    for _, text in real_articles():
        found = [s for line in text.splitlines() for s in sentences(line)]
        if len(found) >= 6:
            pool.append(found)
    return pool


def synthetic(n: int, pool: list[list[str]], seed: int = 13) -> list[dict[str, str]]:
    """*n* articles, each 6 to 14 consecutive sentences of a real article from a random place in
    it, with every number changed and a publication date drawn in 2023."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        source = rng.choice(pool)
        size = min(len(source), rng.randint(6, 14))
        first = rng.randrange(len(source) - size + 1)
        picked = source[first : first + size]
        text = " ".join(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), s) for s in picked)
        day = 1 + rng.randrange(365)
        date = time.strftime("%Y-%m-%d", time.strptime(f"2023 {day}", "%Y %j"))
        articles.append({"title": f"{picked[0][:60]} ({i})", "text": text, "date": date})
    return articles


def write_corpus(folder: Path, articles: list[dict[str, str]], per_file: int) -> list[str]:
    for start in range(0, len(articles), per_file):
        lines = (json.dumps(a) for a in articles[start : start + per_file])
        (folder / f"part-{start // per_file:05d}.jsonl").write_text("\n".join(lines), encoding="utf-8")
    return [str(folder)]


class PeakRss:
    """Samples the RSS of this process and of its descendants (the workers) in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.driver, self.workers, self.total = interval, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            driver = me.memory_info().rss
            workers = 0
            for child in me.children(recursive=True):
                try:
                    workers += child.memory_info().rss
                except psutil.Error:
                    continue
            self.driver, self.workers = max(self.driver, driver), max(self.workers, workers)
            self.total = max(self.total, driver + workers)
            self._stop.wait(self.interval)


def warm(stages: tuple[str, ...]) -> None:
    """Load this process's resources (spaCy, gazetteer, models) by annotating one short text."""
    text = "Dock workers walked out at the port of Gdansk on Monday over pay, the union said."
    annotate_partition([RawDocument("warm", "text", text)], resources(Settings()), stages)


@dataclass
class Row:
    engine: str
    articles: int
    seconds: float
    peak: PeakRss

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


@dataclass
class Milestones:
    """A progress callback printing the articles done, the rate and the peak RSS so far, every
    *every* articles (so that a long run shows whether memory grows with the input)."""

    name: str
    peak: PeakRss
    start: float
    every: int
    _next: int = 0

    def __call__(self, report: RunReport) -> None:
        done = report.counts["added"] + report.counts["updated"]
        if not self.every or done < self._next + self.every:
            return
        self._next = done - done % self.every
        seconds = time.perf_counter() - self.start
        driver, workers = self.peak.driver / MB, self.peak.workers / MB
        print(f"  {self.name}: {done} articles in {seconds:.0f} s ({done / seconds:.2f}/s),"
              f" peak RSS so far: driver {driver:.0f} MB, workers {workers:.0f} MB", flush=True)  # fmt: skip


def run_engine(
    name: str, paths: list[str], db: Path, stages: tuple[str, ...], partition: int, every: int = 0
) -> Row:
    """One run on a fresh store; the cluster is started (and its workers warmed) before timing."""
    from distributed import Client, LocalCluster

    store = open_store(db)
    engine, cluster, client = None, None, None
    if name.startswith("dask"):
        cluster = LocalCluster(n_workers=int(name[4:]), threads_per_worker=1, dashboard_address=":0",
                               silence_logs=logging.ERROR)  # fmt: skip
        client = Client(cluster)
        client.run(warm, stages)
        engine = DaskEngine(client=client, partition_records=partition)
    else:
        warm(stages)
    try:
        with PeakRss() as peak:
            start = time.perf_counter()
            progress = Milestones(name, peak, start, every)
            pipeline = Pipeline(store, resources(Settings()), stages)
            report = pipeline.run(paths, f"bench {name}", progress=progress, engine=engine)
            seconds = time.perf_counter() - start
    finally:
        store.close()
        if client is not None and cluster is not None:
            client.close()
            cluster.close()
    return Row(name, report.counts["added"] + report.counts["updated"], seconds, peak)


def bench(
    size: int, engines: list[str], per_file: int, pool: list[list[str]], work: Path, link: bool
) -> None:
    folder = work / f"corpus-{size}"
    folder.mkdir()
    paths = write_corpus(folder, synthetic(size, pool), per_file)
    print(f"\n{size} synthetic articles in {len(list(folder.iterdir()))} JSONL files of {per_file}")
    print(f"{'engine':<8}{'articles':>9}{'seconds':>9}{'articles/s':>12}"
          f"{'driver MB':>11}{'workers MB':>12}{'total MB':>10}")  # fmt: skip
    rows: dict[str, Row] = {}
    for name in engines:
        db = work / f"{name}-{size}.db"
        every = size // 10 if size >= 10_000 else 0
        row = rows[name] = run_engine(name, paths, db, EXTRACT, per_file, every)
        p = row.peak
        print(f"{name:<8}{row.articles:>9}{row.seconds:>9.1f}{row.rate:>12.2f}"
              f"{p.driver / MB:>11.0f}{p.workers / MB:>12.0f}{p.total / MB:>10.0f}", flush=True)  # fmt: skip
        if name == "local" and link:
            linked = run_engine("local", paths, db, ("clean", LINK_STAGE), per_file)
            print(f"{'link':<8}{linked.articles:>9}{linked.seconds:>9.1f}{linked.rate:>12.2f}"
                  f"{linked.peak.driver / MB:>11.0f}{'-':>12}{linked.peak.total / MB:>10.0f}"
                  "  (driver only, any engine)", flush=True)  # fmt: skip
    for a, b in (("dask2", "dask1"), ("dask2", "local"), ("dask1", "local")):
        if a in rows and b in rows:
            print(f"throughput {a}/{b}: {rows[a].rate / rows[b].rate:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--file-records", type=int, default=100, help="records per JSONL file")
    parser.add_argument("--engines", default="dask1,dask2,local", help="local last: driver memory")
    parser.add_argument("--keep", type=Path, help="a new folder to keep the corpora and stores in")
    parser.add_argument("--no-link", action="store_true", help="no link timing after local")
    args = parser.parse_args()
    pool = real_pool()
    print(f"pool: {len(pool)} real articles ({sum(map(len, pool))} sentences); stages: {', '.join(EXTRACT)}")
    with tempfile.TemporaryDirectory(prefix="eventwire-scale-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(exist_ok=args.keep is None)
        for size in args.sizes:
            bench(size, args.engines.split(","), args.file_records, pool, work, not args.no_link)


if __name__ == "__main__":
    main()
