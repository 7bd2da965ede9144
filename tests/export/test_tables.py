"""Every table to Parquet and back: a new store loaded from the files exports the same data."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest

from eventwire.errors import UserError
from eventwire.export.registry import get_format
from eventwire.export.tables import read_tables, write_tables
from eventwire.store import open_store


def _export(store, kind: str, fmt: str = "jsonl") -> str:
    chosen, out = get_format(kind, fmt), io.StringIO()
    chosen.write(chosen.rows(store), out)
    return out.getvalue()


def test_a_store_round_trips_through_parquet_tables(store, tmp_path):
    written = write_tables(store, tmp_path / "tables")
    assert written["articles"] == 2 and written["events"] > 0 and written["rejects"] == 1
    assert not any(name.endswith("fts") for name in written)
    copy = open_store(tmp_path / "copy.db")
    assert read_tables(copy, tmp_path / "tables") == written
    for kind, fmt in (("articles", "jsonl"), ("events", "jsonl"), ("events", "acled"), ("stories", "jsonl")):
        assert _export(copy, kind, fmt) == _export(store, kind, fmt)
    assert [h.article.id for h in copy.search("shelled")] == [h.article.id for h in store.search("shelled")]
    copy.close()


def test_parquet_files_carry_typed_columns_and_the_schema_version(store, tmp_path):
    write_tables(store, tmp_path)
    places = pq.read_table(tmp_path / "places.parquet")
    assert (
        str(places.schema.field("lat").type) == "double" and str(places.schema.field("start").type) == "int64"
    )
    assert places.schema.metadata[b"eventwire_schema_version"] == str(store.schema_version).encode()
    links = pq.read_table(tmp_path / "links.parquet")
    assert str(links.schema.field("signature").type) == "binary"


def test_import_refuses_a_store_with_data_a_missing_folder_and_other_versions(store, tmp_path):
    write_tables(store, tmp_path / "tables")
    with pytest.raises(UserError, match="not empty"):
        read_tables(store, tmp_path / "tables")
    fresh = open_store(tmp_path / "fresh.db")
    with pytest.raises(UserError, match=r"no \.parquet table files"):
        read_tables(fresh, tmp_path / "missing")
    table = pq.read_table(tmp_path / "tables" / "runs.parquet")
    pq.write_table(
        table.replace_schema_metadata({b"eventwire_schema_version": b"1"}),
        tmp_path / "tables" / "runs.parquet",
    )
    with pytest.raises(UserError, match="schema v1"):
        read_tables(fresh, tmp_path / "tables")
    assert all(next(fresh.table_rows(t, 1), None) is None for t in fresh.tables())  # nothing half-loaded
    fresh.close()
