"""Inputs → partitions: one per input file, files of many records split into record chunks."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from eventwire import ingest
from eventwire.errors import UserError
from eventwire.ingest import IngestOptions, Source, parquet
from eventwire.model import RawDocument, Reject

CHUNKED = ("jsonl", "csv", "warc", "parquet")  # formats whose files are split into record chunks


@dataclass(frozen=True)
class Partition:
    """Records ``start`` to ``stop`` (None: to the end) of one input file, as ingest reads them."""

    index: int  # place in input order
    source: Source
    start: int = 0
    stop: int | None = None
    last: bool = True  # the last partition of its file


def plan(sources: list[Source], options: IngestOptions, records: int) -> list[Partition]:
    """The partitions of *sources*, in input order, of at most *records* records each."""
    if any(s.path is None for s in sources):
        raise UserError("standard input cannot be read by a Dask cluster: save it to a file first")
    parts: list[Partition] = []
    for source in sources:
        count = _count(source, options)
        starts = range(0, count, records) if count > records else [0]
        for n, start in enumerate(starts):
            last = n == len(starts) - 1
            parts.append(Partition(len(parts), source, start, None if last else start + records, last))
    return parts


def read(partition: Partition, options: IngestOptions) -> Iterator[RawDocument | Reject]:
    """The records of *partition* (the file is read and the records before ``start`` skipped)."""
    records = ingest.read_source(partition.source, options)
    return islice(records, partition.start, partition.stop)


def _count(source: Source, options: IngestOptions) -> int:
    """How many records ingest reads from *source* (an upper bound for WARC); 1 for single documents."""
    try:
        with open(source.path or "", "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return 1
    fmt = options.fmt or ingest.detect_format(source.name, head)
    if fmt not in CHUNKED:
        return 1
    if fmt == "parquet":
        return _guarded(lambda: parquet.rows(source.read()))
    if fmt == "warc":
        return _guarded(lambda: _warc_records(source.read()))
    return sum(1 for _ in ingest.read_source(source, options))


def _guarded(count: Callable[[], int]) -> int:
    """The count, or 1 when the file cannot be read (reading it again on a worker rejects it)."""
    try:
        return count()
    except Exception:  # a bad file becomes a Reject when the worker reads it
        return 1


def _warc_records(data: bytes) -> int:
    from warcio.archiveiterator import ArchiveIterator

    return sum(1 for record in ArchiveIterator(io.BytesIO(data)) if record.rec_type == "response")
