"""Latency of filtered event queries through ``eventwire serve`` on a store of synthetic events.

    python bench/api.py [--store bench/.data/api.db] [--events 1000000] [--requests 2000]
                        [--levels 10,50,100] [--workers 1] [--limit 50]

Builds the store once (cached at --store) through the store's own save path: articles of ten
events each, types with a skewed distribution, dates over three years (some only to the month or
year, some undated), 3,000 places in clusters, certainties, actors, and stories whose later
articles report events of their first one. Then starts ``eventwire serve`` in a subprocess and,
from this process, fires a fixed mix of filtered ``GET /api/events`` queries (type + date range
+ bbox, and others) at each concurrency level over keep-alive connections, printing p50/p95/p99
and requests per second; and times the same queries in-process without HTTP. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from eventwire.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Event,
    EventDate,
    EventMention,
    Participant,
    Place,
    Span,
)
from eventwire.store import ArticleLink, LinkBatch, Store, open_store

HERE = Path(__file__).resolve().parent
TYPES = {  # relative frequency, roughly as in news about the war
    "ASSAULT": 30, "ACCUSE": 12, "MOBILIZE": 9, "COERCE": 8, "REQUEST": 7, "PROTEST": 6, "AGREE": 5,
    "THREATEN": 4, "RETREAT": 4, "REJECT": 3, "AID": 3, "CONCEDE": 2, "COOPERATE": 2, "SANCTION": 2,
    "CONSULT": 2, "SUPPORT": 1,
}  # fmt: skip
CERTAINTY = {"asserted": 60, "claimed": 25, "unverified": 10, "denied": 5}
ACTORS = [f"{who} of {where}" for who in ("soldiers", "police", "governor", "mothers", "ministry",
          "volunteers", "separatists", "prosecutor") for where in ("Kursk", "Donetsk", "Tver", "Kharkiv",
          "Orenburg", "Belgorod", "Kherson", "Moscow")]  # fmt: skip
START = dt.date(2021, 1, 1)
DAYS = 3 * 365
EVENTS_PER_ARTICLE = 10
SENTENCE = "Witnesses said {actor} were involved in the incident near {place} on that day."


def places(rng: random.Random, n: int = 3000) -> list[tuple[str, float, float, str]]:
    """*n* points in 40 clusters over eastern Europe (name, lat, lon, country)."""
    centres = [(rng.uniform(44, 60), rng.uniform(22, 60)) for _ in range(40)]
    points = []
    for i in range(n):
        lat, lon = centres[i % len(centres)]
        points.append((f"Place {i}", round(lat + rng.gauss(0, 1.0), 4), round(lon + rng.gauss(0, 1.5), 4),
                       rng.choice(("UA", "RU", "BY"))))  # fmt: skip
    return points


def synthetic_batches(
    total: int, batch: int, seed: int = 7
) -> Iterator[tuple[list[AnnotatedArticle], LinkBatch]]:
    """Articles of ten events each with their links, *batch* articles at a time."""
    rng = random.Random(seed)
    spots = places(rng)
    types, type_weights = list(TYPES), list(TYPES.values())
    levels, level_weights = list(CERTAINTY), list(CERTAINTY.values())
    articles = total // EVENTS_PER_ARTICLE
    first_events: dict[str, list[Event]] = {}  # story id -> the first three events of its first article
    for start in range(0, articles, batch):
        items, links = [], LinkBatch()
        for n in range(start, min(start + batch, articles)):
            story = f"story-{n // 3}" if n % 7 else f"solo-{n}"  # most stories hold three articles
            item = _article(rng, n, spots, types, type_weights, levels, level_weights)
            items.append(item)
            links.links.append(ArticleLink(item.article.id, bytes(8), {}, item.article.published, story))
            mentions = item.annotations.events[:3]
            if story not in first_events:
                links.stories[story] = item.article.title
                first_events[story] = [Event(m.id, m.event, [m.id]) for m in mentions]
            else:  # the story's later articles report its first three events again
                for event, again in zip(first_events[story], mentions, strict=True):
                    event.mentions.append(again.id)
                    event.sources += 1
            links.events += first_events[story]
        yield items, links


def _article(rng: random.Random, n: int, spots, types, type_weights, levels, level_weights):  # type: ignore[no-untyped-def]
    article_id = f"a{n:07d}"
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    sentences, events = [], []
    for k in range(EVENTS_PER_ARTICLE):
        name, lat, lon, country = rng.choice(spots) if rng.random() < 0.85 else (None, 0.0, 0.0, None)
        actor = rng.choice(ACTORS)
        sentence = SENTENCE.format(actor=actor, place=name or "the front")
        offset = sum(len(s) + 1 for s in sentences)
        sentences.append(sentence)
        actor_at = offset + sentence.index(actor)
        location = None
        if name:
            place_at = offset + sentence.index(name)
            location = Place(
                place_at, place_at + len(name), name, name, lat, lon, 700000 + int(name[6:]), country
            )
        events.append(EventMention(
            id=f"{article_id}-{k}", event=rng.choices(types, type_weights)[0],
            trigger=Span(offset + 10, offset + 14), sentence=Span(offset, offset + len(sentence)),
            actor=[Participant(actor_at, actor_at + len(actor), actor, actor)],
            location=location, date=_date(rng, day), certainty=rng.choices(levels, level_weights)[0],
        ))  # fmt: skip
    text = " ".join(sentences)
    article = Article(id=article_id, source=f"bench/{article_id}.txt", fmt="text", title=f"Report {n}",
                      text=text, raw_text=text, published=day.isoformat(),
                      outlet=f"Outlet {n % 300}")  # fmt: skip
    return AnnotatedArticle(article, Annotations(events=events), ["clean", "events", "link"])


def _date(rng: random.Random, day: dt.date) -> EventDate | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.13:
        return EventDate(day.strftime("%Y-%m"), "month", "text")
    if roll < 0.16:
        return EventDate(str(day.year), "year", "text")
    return EventDate((day - dt.timedelta(days=rng.randrange(3))).isoformat(), "day", "text")


def build(path: Path, total: int) -> None:
    """Write *total* synthetic events into a new store at *path* (removed first if half-built)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = open_store(partial)
    run = store.start_run("bench/api.py")
    started, written = time.perf_counter(), 0
    for items, links in synthetic_batches(total, 500):
        store.save_batch(run, items, [], links)
        written += sum(len(i.annotations.events) for i in items)
        rate = written / (time.perf_counter() - started)
        print(f"\r  {written:,} events written ({rate:,.0f}/s)", end="", flush=True)
    store.analyze()
    store.close()
    partial.rename(path)
    print(f"\n  built {path} in {time.perf_counter() - started:.0f} s")


def query_mix(rng: random.Random, n: int, limit: int) -> list[dict[str, str | list[str]]]:
    """*n* filtered event queries: type + date range + bbox, and other common combinations."""
    spots = places(random.Random(7))
    queries: list[dict[str, str | list[str]]] = []
    for i in range(n):
        first = START + dt.timedelta(days=rng.randrange(DAYS - 90))
        span = rng.choice((7, 30, 90))
        dates = {"date_from": first.isoformat(), "date_to": (first + dt.timedelta(days=span)).isoformat()}
        _, lat, lon, _ = rng.choice(spots)
        bbox = {"bbox": f"{lon - 4:.2f},{lat - 3:.2f},{lon + 4:.2f},{lat + 3:.2f}"}
        kind = i % 4
        if kind == 0:  # type + date range + bbox
            query = {"type": rng.choices(list(TYPES), list(TYPES.values()))[0], **dates, **bbox}
        elif kind == 1:  # two types + certainty + date range
            query = {"type": rng.sample(list(TYPES)[:6], 2), "certainty": "claimed", **dates}
        elif kind == 2:  # bbox + date range
            query = {**dates, **bbox}
        else:  # type + date range
            query = {"type": rng.choice(list(TYPES)[:8]), **dates}
        queries.append({**query, "limit": str(limit)})
    return queries


def url(query: dict[str, str | list[str]]) -> str:
    return "/api/events?" + urllib.parse.urlencode(query, doseq=True)


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive GET; returns the status."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(status_line.split()[1])


async def load(port: int, paths: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Send *paths* over *concurrency* connections at once: latencies (s), wall time, errors."""
    queue = list(reversed(paths))
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            path = queue.pop()
            start = time.perf_counter()
            status = await _get(reader, writer, path)
            latencies.append(time.perf_counter() - start)
            errors += status != 200
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, errors


def percentiles(latencies: list[float]) -> str:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return f"p50 {cuts[49] * 1000:7.1f} ms  p95 {cuts[94] * 1000:7.1f} ms  p99 {cuts[98] * 1000:7.1f} ms"


def in_process(store: Store, queries: list[dict[str, str | list[str]]]) -> None:
    """The same queries without HTTP: the store query alone, and with the records built."""
    from eventwire.api.params import event_filter
    from eventwire.api.records import event_records

    filters = []
    for q in queries:
        types = q.get("type", [])
        filters.append(asyncio.run(event_filter(
            types=[types] if isinstance(types, str) else list(types), actor=None, place=None,
            bbox=q.get("bbox"), date_from=q.get("date_from"), date_to=q.get("date_to"),  # type: ignore[arg-type]
            certainty=[q["certainty"]] if "certainty" in q else [], story=None, article=None, q=None,  # type: ignore[list-item]
        )))  # fmt: skip
    limit = int(queries[0]["limit"])  # type: ignore[arg-type]
    query_times, record_times, found = [], [], 0
    for chosen in filters:
        start = time.perf_counter()
        page = store.event_page(chosen, None, limit)
        middle = time.perf_counter()
        event_records(store, page.rows)
        query_times.append(middle - start)
        record_times.append(time.perf_counter() - middle)
        found += len(page.rows)
    both = [a + b for a, b in zip(query_times, record_times, strict=True)]
    print(
        f"  in-process, store query only:  {percentiles(query_times)}  ({found / len(filters):.1f} per page)"
    )
    print(f"  in-process, records built too: {percentiles(both)}")


def serve(store: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db", str(store),
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(command, env={**os.environ, "EVENTWIRE_API_TOKEN": ""})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            asyncio.run(load(port, ["/api/events?limit=1"], 1))
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=HERE / ".data" / "api.db")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000, help="requests per concurrency level")
    parser.add_argument("--levels", default="10,50,100")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--limit", type=int, default=50, help="events per page")
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    if not args.store.exists():
        print(f"building a store of {args.events:,} synthetic events at {args.store} (once)")
        build(args.store, args.events)
    store = open_store(args.store)
    print(f"store {args.store}: {store.counts()['events']:,} event mentions")
    queries = query_mix(random.Random(11), args.requests, args.limit)
    in_process(store, queries[:500])
    store.close()
    server = serve(args.store, args.port, args.workers)
    try:
        paths = [url(q) for q in queries]
        asyncio.run(load(args.port, paths[:200], 10))  # warm-up
        latencies, _, _ = asyncio.run(load(args.port, paths[:300], 1))
        print(f"  HTTP, one request at a time:    {percentiles(latencies)}")
        for level in (int(x) for x in args.levels.split(",")):
            latencies, wall, errors = asyncio.run(load(args.port, paths, level))
            print(f"  HTTP, {level:3d} concurrent:  {len(paths)} requests  {percentiles(latencies)}"
                  f"  {len(paths) / wall:6.1f} req/s  {errors} errors")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
