"""Runs the stages over partitions of inputs: ingest → clean → nlp → annotate → store → link.

The per-article work is one pure function, :func:`annotate_partition`, over a partition of raw
documents; an engine (this process, or a Dask cluster: :mod:`eventwire.scale`) runs it on every
partition. It also makes the term bags the link stage compares, so that the driver does not
parse the texts again. The driver saves each finished partition in one store transaction, then
links the saved articles in input order, whatever order the partitions finish in: every
``link_group`` of them is put in publication-day order and linked in batches of ``link_batch``,
each against the stored links of its time window (so a batch's window stays narrow when the
input is not in date order).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

import orjson

from eventwire import ingest
from eventwire.annotate import STAGES
from eventwire.clean import clean
from eventwire.ingest import IngestOptions, Source
from eventwire.model import AnnotatedArticle, Article, EventMention, RawDocument, Reject
from eventwire.resources import Resources
from eventwire.store import StageTiming, Store

INGEST_STAGES = ("clean",)
LINK_STAGE = "link"  # near-duplicates, stories and events (eventwire.link.run), on the driver


@dataclass
class RunReport:
    """What one run did: counts, rejects and time per stage."""

    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    timings: dict[str, StageTiming] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    files_total: int = 0
    status: str = "running"


Progress = Callable[[RunReport], None]


@dataclass
class PartitionResult:
    """What the per-article work made of one partition of raw documents."""

    index: int = 0  # the partition's place in input order
    items: list[AnnotatedArticle] = field(default_factory=list)  # the articles annotated now
    ids: list[str] = field(default_factory=list)  # every article of the partition (skipped too), in order
    rejects: list[Reject] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # records, duplicates
    timings: dict[str, StageTiming] = field(default_factory=dict)
    files: int = 0  # input files finished with this partition
    terms: dict[str, bytes] = field(default_factory=dict)  # term bags for the link stage (JSON), by id


class Engine(Protocol):
    """Runs :func:`annotate_partition` over partitions of the sources, yielding results as they finish."""

    def map(self, pipeline: Pipeline, sources: list[Source]) -> Iterator[PartitionResult]: ...


def annotate_stages(stages: Iterable[str]) -> frozenset[str]:
    """The stages an article must have been through to be skipped by the per-article work."""
    return frozenset(stages) - {"nlp", LINK_STAGE}


def annotate_partition(
    records: Iterable[RawDocument | Reject],
    resources: Resources,
    stages: tuple[str, ...],
    complete: Container[str] = frozenset(),
    index: int = 0,
) -> PartitionResult:
    """Clean *records* and run the annotate *stages* on the articles whose id is not in *complete*.

    Pure: no store access. A bad record or a failing stage becomes a Reject, never an exception.
    """
    result = PartitionResult(index=index)
    todo: list[Article] = []
    for record in _timed(records, _timing(result.timings, "ingest")):
        article = _clean(record, resources, result) if isinstance(record, RawDocument) else record
        if isinstance(article, Reject):
            result.rejects.append(article)
        elif article.id in result.ids:
            result.counts["duplicates"] += 1
        else:
            result.ids.append(article.id)
            if article.id not in complete:
                todo.append(article)
    result.items = _annotate(todo, resources, [s for s in stages if s in STAGES], result)
    if LINK_STAGE in stages:
        result.terms = _terms([i.article for i in result.items], resources, result)
    return result


def _clean(raw: RawDocument, resources: Resources, result: PartitionResult) -> Article | Reject:
    result.counts["records"] += 1
    with _timer(result.timings, "clean", 1):
        try:
            article = clean(raw, resources.langid)
        except Exception as exc:  # one bad record must never stop the batch
            return Reject(raw.source, "error", f"cleaning failed: {exc}")
    if len(article.text.strip()) < resources.settings.min_text_chars:
        return Reject(raw.source, "empty", "no article text left after cleaning")
    return article


def _annotate(
    articles: list[Article], resources: Resources, annotators: list[str], result: PartitionResult
) -> list[AnnotatedArticle]:
    items = [AnnotatedArticle(a, stages=["clean"]) for a in articles]
    if not annotators or not items:
        return items
    # The strings and lexemes spaCy adds to its vocabulary for these texts are freed when the
    # zone ends (the stages keep plain records, no Doc): a long run's memory stays flat.
    with resources.nlp.memory_zone():
        with _timer(result.timings, "nlp", len(items)):
            docs = list(resources.nlp.pipe(a.text for a in articles))
        for name in annotators:
            with _timer(result.timings, name, len(items)):
                for item, doc in zip(items, docs, strict=True):
                    failure = _apply(name, item, doc, resources)
                    if failure:
                        result.rejects.append(failure)
    return items


def _terms(articles: list[Article], resources: Resources, result: PartitionResult) -> dict[str, bytes]:
    """The articles' term bags for the link stage, as JSON (a tenth of the memory of a dict while
    they wait to be linked), made here so that the workers parse the texts rather than the driver;
    the link stage parses those missing (if this fails, all of them)."""
    from eventwire.link.run import term_bags

    with _timer(result.timings, "terms", len(articles)):
        try:
            return {i: orjson.dumps(bag) for i, bag in term_bags(articles, resources.nlp).items()}
        except Exception:  # the link stage makes them again, and reports a failure there
            return {}


def _apply(name: str, item: AnnotatedArticle, doc: object, resources: Resources) -> Reject | None:
    """Run one stage on one article; a failure is returned, never raised."""
    try:
        STAGES[name](item, doc, resources)  # type: ignore[arg-type]
    except Exception as exc:  # a stage failing on one article leaves the others untouched
        return Reject(item.article.source, "error", f"{name} failed: {exc}")
    item.stages.append(name)
    return None


class LocalEngine:
    """Runs the partitions one after the other in this process: ``batch_size`` records each."""

    def map(self, pipeline: Pipeline, sources: list[Source]) -> Iterator[PartitionResult]:
        complete = _Stored(pipeline.store, annotate_stages(pipeline.stages))
        for index, (records, files, reading) in enumerate(self._partitions(pipeline, sources)):
            result = annotate_partition(records, pipeline.resources, pipeline.stages, complete, index)
            _timing(result.timings, "ingest").seconds += reading
            result.files = files
            yield result

    @staticmethod
    def _partitions(
        pipeline: Pipeline, sources: list[Source]
    ) -> Iterator[tuple[list[RawDocument | Reject], int, float]]:
        """``(records, files finished, seconds spent reading)`` of each partition."""
        chunk: list[RawDocument | Reject] = []
        files, start = 0, time.perf_counter()
        for source in sources:
            for record in ingest.read_source(source, pipeline.options):
                chunk.append(record)
                if len(chunk) >= pipeline.batch_size:
                    yield chunk, files, time.perf_counter() - start
                    chunk, files, start = [], 0, time.perf_counter()
            files += 1
        if chunk or files:
            yield chunk, files, time.perf_counter() - start


class _Stored:
    """The ids stored with every annotate stage (looked up one at a time, in this process)."""

    def __init__(self, store: Store, wanted: frozenset[str]) -> None:
        self.store, self.wanted = store, wanted

    def __contains__(self, article_id: object) -> bool:
        done = self.store.stages_done([str(article_id)])
        return self.wanted <= done.get(str(article_id), frozenset())


class Pipeline:
    """The configured stages, run by an engine over the inputs; each partition is one store transaction."""

    def __init__(
        self,
        store: Store,
        resources: Resources,
        stages: tuple[str, ...] | None = None,
        options: IngestOptions | None = None,
    ) -> None:
        self.store = store
        self.resources = resources
        self.stages = stages if stages is not None else resources.settings.stages
        unknown = [s for s in self.stages if s not in (*STAGES, "clean", "nlp", LINK_STAGE)]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}")
        self.options = options or IngestOptions(max_document_bytes=resources.settings.max_document_bytes)
        self.batch_size = resources.settings.batch_size

    def run(
        self, paths: list[str], command: str, progress: Progress | None = None, engine: Engine | None = None
    ) -> RunReport:
        """Ingest *paths* and run every stage on *engine* (default: this process); returns the report."""
        sources, missing = ingest.expand(paths)
        report = RunReport(run_id=self.store.start_run(command), files_total=len(sources))
        report.rejects.extend(missing)
        saver = _Saver(self, report, list(missing))
        try:
            for result in (engine or LocalEngine()).map(self, sources):
                saver.save(result)
                if progress:
                    progress(report)
            saver.finish()
            report.status = "ok"
        except KeyboardInterrupt:
            report.status = "interrupted"
            raise
        except Exception:
            report.status = "failed"
            raise
        finally:
            report.counts["rejected"] = len(report.rejects)
            self.store.finish_run(report.run_id, report.status, dict(report.counts), report.timings)
        return report


class _Saver:
    """The driver's side: saves partitions as they come, then links their articles in input order."""

    def __init__(self, pipeline: Pipeline, report: RunReport, rejects: list[Reject]) -> None:
        self.pipeline, self.store, self.report = pipeline, pipeline.store, report
        self.pending = rejects  # rejects not saved yet: saved with the next transaction
        self.seen: set[str] = set()  # ids of the articles of this run
        self.waiting: dict[int, list[tuple[str, bool]]] = {}  # finished partitions not yet in order
        self.next_index = 0
        self.queue: list[tuple[str, bool]] = []  # (id, annotated now) in input order, to link
        self.terms: dict[str, bytes] = {}  # term bags made with the articles (JSON), until linked

    def save(self, result: PartitionResult) -> None:
        """Save one partition's articles and rejects in one transaction; link what is now in order."""
        report, counts = self.report, self.report.counts
        for stage, timing in result.timings.items():
            total = _timing(report.timings, stage)
            total.seconds, total.items = total.seconds + timing.seconds, total.items + timing.items
        counts.update(result.counts)
        counts["files"] += result.files
        fresh = [i for i in result.ids if i not in self.seen]
        counts["duplicates"] += len(result.ids) - len(fresh)
        self.seen.update(fresh)
        new = set(fresh)
        items = [i for i in result.items if i.article.id in new]
        before = self.store.stages_done([i.article.id for i in items])
        report.rejects.extend(result.rejects)
        self.pending.extend(result.rejects)
        with _timer(report.timings, "store", len(items)):
            self.store.save_batch(report.run_id, items, self.pending)
        self.pending = []
        counts["added"] += sum(1 for i in items if i.article.id not in before)
        counts["updated"] += sum(1 for i in items if i.article.id in before)
        annotated = {i.article.id for i in items}
        self.waiting[result.index] = [(i, i in annotated) for i in fresh]
        self.terms.update((i, result.terms[i]) for i in fresh if i in result.terms)
        self._release()

    def finish(self) -> None:
        """Link what is left, and save the rejects not saved yet."""
        self._release(final=True)
        if self.pending:
            self.store.save_batch(self.report.run_id, [], self.pending)
            self.pending = []

    def _release(self, final: bool = False) -> None:
        """Move finished partitions into the link queue in input order; link full batches."""
        while self.next_index in self.waiting or (final and self.waiting):
            index = self.next_index if self.next_index in self.waiting else min(self.waiting)
            self.queue.extend(self.waiting.pop(index))
            self.next_index = index + 1
        size = self.pipeline.resources.settings.link_group
        while len(self.queue) >= size or (final and self.queue):
            group, self.queue = self.queue[:size], self.queue[size:]
            self._link(group)

    def _link(self, group: list[tuple[str, bool]]) -> None:
        """Link the group's articles not linked yet, in day order, batch by batch; those skipped
        count as unchanged or updated."""
        from eventwire.link.run import batches

        counts = self.report.counts
        if LINK_STAGE not in self.pipeline.stages:
            counts["unchanged"] += sum(1 for _, now in group if not now)
            return
        done = self.store.stages_done([i for i, _ in group])
        todo = [i for i, _ in group if LINK_STAGE not in done.get(i, ())]
        skipped = {i for i, now in group if not now}
        counts["unchanged"] += len(skipped - set(todo))
        counts["updated"] += len(skipped & set(todo))
        for article_id in {i for i, _ in group} - set(todo):
            self.terms.pop(article_id, None)
        size = self.pipeline.resources.settings.link_batch
        for batch in batches(list(self.store.articles(todo)), size) if todo else []:
            self._link_articles(batch)

    def _link_articles(self, ordered: list[Article]) -> None:
        """Link stored articles to the stored ones of their time window and save the links."""
        from eventwire.link.run import link_batch

        report = self.report
        ids = [a.id for a in ordered]
        with _timer(report.timings, LINK_STAGE, len(ordered)):
            try:
                mentions: dict[str, list[EventMention]] = {a.id: [] for a in ordered}
                for article_id, mention in self.store.event_mentions(article_ids=ids):
                    mentions[article_id].append(mention)
                bags = {i: orjson.loads(self.terms.pop(i)) for i in ids if i in self.terms}
                links = link_batch(self.store, ordered, self.pipeline.resources.nlp, mentions, bags)
            except Exception as exc:  # linking failing leaves the articles stored, unlinked
                failures = [Reject(a.source, "error", f"link failed: {exc}") for a in ordered]
                report.rejects.extend(failures)
                self.pending.extend(failures)
                return
        items = [AnnotatedArticle(a, stages=[LINK_STAGE]) for a in ordered]
        with _timer(report.timings, "store", 0):
            self.store.save_batch(report.run_id, items, self.pending, links)
        self.pending = []


def _timing(timings: dict[str, StageTiming], stage: str) -> StageTiming:
    return timings.setdefault(stage, StageTiming())


@contextmanager
def _timer(timings: dict[str, StageTiming], stage: str, items: int) -> Iterator[None]:
    timing = _timing(timings, stage)
    start = time.perf_counter()
    try:
        yield
    finally:
        timing.seconds += time.perf_counter() - start
        timing.items += items


def _timed(records: Iterable[RawDocument | Reject], timing: StageTiming) -> Iterator[RawDocument | Reject]:
    """Yield from *records*, adding the time spent producing them to *timing*."""
    iterator = iter(records)
    while True:
        start = time.perf_counter()
        try:
            record = next(iterator)
        except StopIteration:
            timing.seconds += time.perf_counter() - start
            return
        timing.seconds += time.perf_counter() - start
        timing.items += 1
        yield record
