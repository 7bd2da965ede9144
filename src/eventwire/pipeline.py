"""Runs the stages over batches of articles: ingest → clean → nlp → annotate → link → store."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from eventwire import ingest
from eventwire.annotate import STAGES
from eventwire.clean import clean
from eventwire.ingest import IngestOptions
from eventwire.model import AnnotatedArticle, Article, RawDocument, Reject
from eventwire.resources import Resources
from eventwire.store import LinkBatch, StageTiming, Store

INGEST_STAGES = ("clean",)
LINK_STAGE = "link"  # near-duplicates and stories (eventwire.link.run), after the annotate stages


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


class Pipeline:
    """The configured stages, run over inputs in batches; each batch is one store transaction."""

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
        self.annotators = [s for s in self.stages if s in STAGES]
        self.options = options or IngestOptions(max_document_bytes=resources.settings.max_document_bytes)
        self.batch_size = resources.settings.batch_size

    def run(self, paths: list[str], command: str, progress: Progress | None = None) -> RunReport:
        """Ingest *paths* and run every stage; returns the report (also stored with the run)."""
        sources, missing = ingest.expand(paths)
        report = RunReport(run_id=self.store.start_run(command), files_total=len(sources))
        report.rejects.extend(missing)
        pending = list(missing)  # rejects not yet saved; saved with the next batch
        try:
            for batch in _batched(self._articles(sources, report, pending, progress), self.batch_size):
                self._process(batch, report, pending)
                if progress:
                    progress(report)
            self._process([], report, pending)
            report.status = "ok"
        except KeyboardInterrupt:
            report.status = "interrupted"
            raise
        finally:
            report.counts["rejected"] = len(report.rejects)
            self.store.finish_run(report.run_id, report.status, dict(report.counts), report.timings)
        return report

    def _articles(
        self,
        sources: list[ingest.Source],
        report: RunReport,
        rejects: list[Reject],
        progress: Progress | None,
    ) -> Iterator[Article]:
        for source in sources:
            records = ingest.read_source(source, self.options)
            for record in _timed(records, report.timings.setdefault("ingest", StageTiming())):
                result = self._clean(record, report) if isinstance(record, RawDocument) else record
                if isinstance(result, Reject):
                    rejects.append(result)
                    report.rejects.append(result)
                else:
                    yield result
            report.counts["files"] += 1
            if progress:
                progress(report)

    def _clean(self, raw: RawDocument, report: RunReport) -> Article | Reject:
        report.counts["records"] += 1
        with self._timer(report, "clean", 1):
            try:
                article = clean(raw, self.resources.langid)
            except Exception as exc:  # one bad record must never stop the batch
                return Reject(raw.source, "error", f"cleaning failed: {exc}")
        if len(article.text.strip()) < self.resources.settings.min_text_chars:
            return Reject(raw.source, "empty", "no article text left after cleaning")
        return article

    def _process(self, batch: list[Article], report: RunReport, rejects: list[Reject]) -> None:
        """Annotate what is new or missing stages, then save it with the rejects in one transaction."""
        unique = list({a.id: a for a in batch}.values())
        report.counts["duplicates"] += len(batch) - len(unique)
        done = self.store.stages_done([a.id for a in unique])
        wanted = set(self.stages) - {"nlp"}
        todo = [a for a in unique if not wanted <= done.get(a.id, frozenset())]
        report.counts["unchanged"] += len(unique) - len(todo)
        items = self._annotate(todo, report, rejects)
        links = self._link(
            [i for i in items if LINK_STAGE not in done.get(i.article.id, ())], report, rejects
        )
        with self._timer(report, "store", len(items)):
            self.store.save_batch(report.run_id, items, rejects, links)
        rejects.clear()
        report.counts["added"] += sum(1 for a in todo if a.id not in done)
        report.counts["updated"] += sum(1 for a in todo if a.id in done)

    def _annotate(
        self, articles: list[Article], report: RunReport, rejects: list[Reject]
    ) -> list[AnnotatedArticle]:
        items = [AnnotatedArticle(a, stages=["clean"]) for a in articles]
        if not self.annotators or not items:
            return items
        with self._timer(report, "nlp", len(items)):
            docs = list(self.resources.nlp.pipe(a.text for a in articles))
        for name in self.annotators:
            with self._timer(report, name, len(items)):
                for item, doc in zip(items, docs, strict=True):
                    failure = self._apply(name, item, doc)
                    if failure:
                        rejects.append(failure)
                        report.rejects.append(failure)
        return items

    def _link(
        self, items: list[AnnotatedArticle], report: RunReport, rejects: list[Reject]
    ) -> LinkBatch | None:
        """Link the articles not linked yet to the stored ones; a failure rejects them unlinked."""
        if LINK_STAGE not in self.stages or not items:
            return None
        from eventwire.link.run import link_batch

        with self._timer(report, LINK_STAGE, len(items)):
            try:
                mentions = {i.article.id: i.annotations.events for i in items if "events" in i.stages}
                links = link_batch(self.store, [i.article for i in items], self.resources.nlp, mentions)
            except Exception as exc:  # linking failing leaves the batch's annotations to be saved
                failures = [Reject(i.article.source, "error", f"link failed: {exc}") for i in items]
                rejects.extend(failures)
                report.rejects.extend(failures)
                return None
        for item in items:
            item.stages.append(LINK_STAGE)
        return links

    def _apply(self, name: str, item: AnnotatedArticle, doc: object) -> Reject | None:
        """Run one stage on one article; a failure is returned, never raised."""
        try:
            STAGES[name](item, doc, self.resources)  # type: ignore[arg-type]
        except Exception as exc:  # a stage failing on one article leaves the others untouched
            return Reject(item.article.source, "error", f"{name} failed: {exc}")
        item.stages.append(name)
        return None

    @contextmanager
    def _timer(self, report: RunReport, stage: str, items: int) -> Iterator[None]:
        timing = report.timings.setdefault(stage, StageTiming())
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


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
