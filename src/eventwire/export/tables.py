"""Every stored table as a Parquet file, and back: the store for data-lake tools.

``write_tables`` writes ``<table>.parquet`` for each data table of the store (full-text indexes
and generated columns are left out: they are rebuilt from the data), with the store's schema
version in each file's metadata. ``read_tables`` loads such a folder into an empty store of the
same schema version; the store's triggers rebuild the derived indexes as rows arrive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import UserError
from eventwire.store import Store, TableInfo
from eventwire.store.base import Rows

VERSION_KEY = b"eventwire_schema_version"
# Parquet type of each declared column type (the store's types are SQLite's storage classes).
TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string(), "BLOB": pa.binary()}


def write_tables(store: Store, folder: Path) -> dict[str, int]:
    """Write every table of *store* to *folder* (created if missing); the rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in store.tables():
        schema = _schema(table).with_metadata({VERSION_KEY: str(store.schema_version).encode()})
        with pq.ParquetWriter(folder / f"{table.name}.parquet", schema) as out:
            written[table.name] = 0
            for chunk in store.table_rows(table):
                columns = [list(values) for values in zip(*chunk, strict=True)]
                out.write_table(pa.Table.from_arrays(columns, schema=schema))
                written[table.name] += len(chunk)
    return written


def read_tables(store: Store, folder: Path) -> dict[str, int]:
    """Load the ``<table>.parquet`` files of *folder* into *store*, which must be empty; all the
    files are checked before anything is written, and they load in one transaction."""
    files = {p.stem: p for p in folder.glob("*.parquet")} if folder.is_dir() else {}
    if not files:
        raise UserError(f"{folder}: no .parquet table files found")
    tables = store.tables()
    if any(next(store.table_rows(t, 1), None) for t in tables):
        raise UserError("the store is not empty: import tables into a new store")
    unknown = sorted(files.keys() - {t.name for t in tables})
    if unknown:
        raise UserError(f"{folder}: {', '.join(unknown)} are not tables of this store")
    chosen = [(t, _open(files[t.name], t, store.schema_version)) for t in tables if t.name in files]
    return store.load_rows((table, _rows(parquet)) for table, parquet in chosen)


def _schema(table: TableInfo) -> pa.Schema:
    return pa.schema([(name, TYPES.get(kind, pa.string())) for name, kind in table.columns])


def _open(path: Path, table: TableInfo, version: int) -> pq.ParquetFile:
    """One Parquet table file, checked against the store's version and table."""
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise UserError(f"{path}: not a readable Parquet file ({exc})") from exc
    found = (parquet.schema_arrow.metadata or {}).get(VERSION_KEY, b"?").decode()
    if found != str(version):
        raise UserError(f"{path}: written by schema v{found}, this store is v{version}")
    names = [name for name, _ in table.columns]
    if parquet.schema_arrow.names != names:
        raise UserError(f"{path}: columns {parquet.schema_arrow.names} differ from the store's {names}")
    return parquet


def _rows(parquet: pq.ParquetFile) -> Iterator[Rows]:
    for batch in parquet.iter_batches(batch_size=10_000):
        yield list(zip(*(column.to_pylist() for column in batch.columns), strict=True))
