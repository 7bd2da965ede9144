import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.ingest import IngestOptions, Source, detect_format, read_source
from eventwire.ingest.tabular import FieldMap
from eventwire.model import RawDocument, Reject

ROWS = {
    "headline": ["Dockers strike in Gdansk", "Fire at an enlistment office", "No text here"],
    "body": [
        "Hundreds of dock workers went on strike at the port of Gdansk on Monday over pay.",
        "Unknown people set fire to a military enlistment office in Tver overnight, police said.",
        None,
    ],
    "published": [dt.date(2024, 5, 6), dt.date(2024, 5, 7), None],
    "source_name": ["Baltic Post", None, None],
}


def write(path, columns):
    pq.write_table(pa.table(columns), path, row_group_size=2)
    return path


def read(path, **options):
    return list(read_source(Source(path.name, path), IngestOptions(**options)))


def test_parquet_rows_become_documents_with_the_jsonl_field_mapping(tmp_path):
    records = read(write(tmp_path / "news.parquet", ROWS))
    first, second, third = records
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, first.fmt, first.title, first.published, first.outlet) == (
        "news.parquet#1", "parquet", "Dockers strike in Gdansk", "2024-05-06", "Baltic Post"
    )  # fmt: skip
    assert second.raw_text.startswith("Unknown people") and second.source == "news.parquet#2"
    assert third == Reject("news.parquet#3", "malformed", "record has no text field")


def test_a_mapped_column_and_detection_by_content(tmp_path):
    path = write(tmp_path / "dump", {"story": ["Police detained two men in Tver after the fire."]})
    assert detect_format("dump", path.read_bytes()[:1024]) == "parquet"
    [doc] = read(path, fields=FieldMap.parse(["text=story"]))
    assert isinstance(doc, RawDocument) and doc.raw_text.startswith("Police detained")


def test_a_damaged_parquet_file_is_one_reject(tmp_path):
    path = write(tmp_path / "news.parquet", ROWS)
    path.write_bytes(path.read_bytes()[:-40])
    [reject] = read(path)
    assert isinstance(reject, Reject) and (reject.source, reject.reason) == ("news.parquet", "malformed")
