"""What runs on a Dask worker: one partition through the per-article work, with cached resources."""

from __future__ import annotations

import threading

from eventwire.config import Settings
from eventwire.ingest import IngestOptions
from eventwire.pipeline import PartitionResult, annotate_partition
from eventwire.resources import Resources
from eventwire.scale.partition import Partition, read

_RESOURCES: dict[Settings, Resources] = {}
_LOCK = threading.Lock()


def resources(settings: Settings) -> Resources:
    """This process's Resources for *settings*: created once, reused by every task."""
    with _LOCK:
        if settings not in _RESOURCES:
            _RESOURCES[settings] = Resources(settings)
        return _RESOURCES[settings]


def run_partition(
    partition: Partition,
    settings: Settings,
    stages: tuple[str, ...],
    options: IngestOptions,
    complete: frozenset[str],
) -> PartitionResult:
    """Read, clean and annotate one partition, skipping the articles in *complete*."""
    result = annotate_partition(
        read(partition, options), resources(settings), stages, complete, partition.index
    )
    result.files = int(partition.last)
    return result
