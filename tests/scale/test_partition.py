import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.errors import UserError
from eventwire.ingest import IngestOptions, Source, expand
from eventwire.scale import plan, read


def write_records(path, n):
    lines = [
        json.dumps({"title": f"Report {i}", "text": f"Report number {i} from the port."}) for i in range(n)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_large_record_files_are_split_into_chunks_and_small_files_are_one_partition(tmp_path):
    write_records(tmp_path / "big.jsonl", 7)
    (tmp_path / "note.txt").write_text("A short note about the ferry strike in the port town.")
    sources, _ = expand([str(tmp_path)])
    parts = plan(sources, IngestOptions(), records=3)
    assert [(p.index, p.source.name.rsplit("/", 1)[-1], p.start, p.stop, p.last) for p in parts] == [
        (0, "big.jsonl", 0, 3, False),
        (1, "big.jsonl", 3, 6, False),
        (2, "big.jsonl", 6, None, True),
        (3, "note.txt", 0, None, True),
    ]


def test_the_chunks_read_every_record_once_in_order(tmp_path):
    write_records(tmp_path / "big.jsonl", 7)
    sources, _ = expand([str(tmp_path / "big.jsonl")])
    parts = plan(sources, IngestOptions(), records=2)
    names = [r.source.rsplit("#", 1)[-1] for p in parts for r in read(p, IngestOptions())]
    assert names == [str(n) for n in range(1, 8)]


def test_a_parquet_file_is_split_by_its_row_count(tmp_path):
    texts = [f"Report number {i} about the strike at the port of Gdansk." for i in range(5)]
    pq.write_table(pa.table({"text": texts}), tmp_path / "news.parquet")
    sources, _ = expand([str(tmp_path / "news.parquet")])
    parts = plan(sources, IngestOptions(), records=2)
    assert [(p.start, p.stop) for p in parts] == [(0, 2), (2, 4), (4, None)]
    assert [r.raw_text for p in parts for r in read(p, IngestOptions())] == texts


def test_standard_input_cannot_go_to_a_cluster():
    with pytest.raises(UserError, match="standard input"):
        plan([Source("<stdin>", None)], IngestOptions(), records=10)
