"""The Dask engine: partitions go to the workers with retries; results come back as they finish."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.errors import UserError
from eventwire.ingest import Source
from eventwire.pipeline import PartitionResult, Pipeline, annotate_stages
from eventwire.scale.partition import Partition, plan
from eventwire.scale.worker import run_partition
from eventwire.store import Store

if TYPE_CHECKING:
    from distributed import Client


@dataclass
class DaskEngine:
    """Runs the partitions on a Dask cluster: the one at *scheduler*, else a local one of *workers*
    single-threaded worker processes (spaCy is CPU bound: one thread per worker)."""

    scheduler: str | None = None
    workers: int = 2
    partition_records: int = 500  # records per partition of a JSONL, CSV, WARC or Parquet file
    retries: int = 3  # a task failing this many more times fails the run
    client: Client | None = None  # an open client to use instead (left open)

    def map(self, pipeline: Pipeline, sources: list[Source]) -> Iterator[PartitionResult]:
        """Results of every partition, in the order they finish."""
        from distributed import as_completed

        parts = iter(plan(sources, pipeline.options, self.partition_records))
        with self._client() as client:
            [complete] = client.scatter(
                [stored_complete(pipeline.store, annotate_stages(pipeline.stages))], broadcast=True
            )
            args = (pipeline.resources.settings, pipeline.stages, pipeline.options, complete)

            def submit(part: Partition):  # type: ignore[no-untyped-def]
                return client.submit(run_partition, part, *args, retries=self.retries, pure=False)

            in_flight = 2 * max(sum(client.nthreads().values()), 1) + 2  # bounded: flat driver memory
            running = as_completed([submit(p) for _, p in zip(range(in_flight), parts, strict=False)])
            for future in running:
                result = future.result()
                future.release()
                for part in parts:
                    running.add(submit(part))
                    break
                yield result

    @contextmanager
    def _client(self) -> Iterator[Client]:
        from distributed import Client, LocalCluster

        if self.client is not None:
            yield self.client
            return
        if self.scheduler:
            try:
                client = Client(self.scheduler)
            except (OSError, TimeoutError) as exc:
                raise UserError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
            with client:
                yield client
            return
        cluster = LocalCluster(
            n_workers=self.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client


def stored_complete(store: Store, wanted: frozenset[str]) -> frozenset[str]:
    """Ids of the stored articles that went through every stage of *wanted*."""
    done = store.stages_done(None)
    return frozenset(i for i, stages in done.items() if wanted <= stages)
