"""Parquet files → RawDocument for each row, with the JSONL/CSV field mapping."""

from __future__ import annotations

import io
from collections.abc import Iterator

from eventwire.ingest.tabular import FieldMap, from_record
from eventwire.model import RawDocument, Reject

MAGIC = b"PAR1"


def read(data: bytes, source: str, fields: FieldMap) -> Iterator[RawDocument | Reject]:
    """Rows of a Parquet file, named ``source#row`` (from 1); an unreadable file is one Reject."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(io.BytesIO(data))
        batches = table.iter_batches()
        n = 0
        for batch in batches:
            for record in batch.to_pylist():
                n += 1
                yield from_record(record, f"{source}#{n}", "parquet", fields)
    except (pa.ArrowException, OSError) as exc:
        yield Reject(source, "malformed", f"not a readable Parquet file: {exc}")


def rows(data: bytes) -> int:
    """The number of rows of a Parquet file, from its footer."""
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(io.BytesIO(data)).metadata.num_rows)
