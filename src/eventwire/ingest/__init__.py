"""Ingest: input paths → RawDocument records (or Rejects saying why an input was refused)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from eventwire.ingest import feed, html, parquet, tabular, warc
from eventwire.ingest.decode import DecodeError, decode, gunzip
from eventwire.ingest.sources import Source, expand
from eventwire.ingest.tabular import FieldMap
from eventwire.model import RawDocument, Reject

__all__ = ["FORMATS", "IngestOptions", "Source", "detect_format", "expand", "read_source"]

FORMATS = ("text", "jsonl", "csv", "html", "warc", "feed", "parquet")
SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".parquet": "parquet", ".pq": "parquet",
}  # fmt: skip


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs."""

    fields: FieldMap = field(default_factory=FieldMap)
    fmt: str | None = None  # force a format instead of detecting it
    max_document_bytes: int = 2_000_000


def detect_format(name: str, head: bytes) -> str:
    """The format of an input from its file name, else from its first bytes."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    if suffixes and suffixes[-1] in SUFFIXES:
        return SUFFIXES[suffixes[-1]]
    if head.startswith(parquet.MAGIC):
        return "parquet"
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    return "text"


def read_source(source: Source, options: IngestOptions) -> Iterator[RawDocument | Reject]:
    """Every record of one input; a bad input or record becomes a Reject, never an exception."""
    try:
        size = source.size()
        if size is not None and size > options.max_document_bytes and not _container(source):
            yield Reject(source.name, "oversized", f"{size} bytes > limit {options.max_document_bytes}")
            return
        data = source.read()
    except OSError as exc:
        yield Reject(source.name, "unreadable", exc.strerror or str(exc))
        return
    try:
        yield from _records(source.name, data, options)
    except DecodeError as exc:
        yield Reject(source.name, exc.reason, str(exc))


def _container(source: Source) -> bool:
    """Formats that hold many records may exceed the per-document size limit."""
    return detect_format(source.name, b"") in ("jsonl", "csv", "warc", "feed", "parquet")


def _records(name: str, data: bytes, options: IngestOptions) -> Iterator[RawDocument | Reject]:
    if not data.strip():
        yield Reject(name, "empty", "no content")
        return
    fmt = options.fmt or detect_format(name, data[:1024])
    if fmt == "warc":
        yield from warc.read(data, name)
        return
    if fmt == "parquet":
        yield from parquet.read(data, name, options.fields)
        return
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data)
    text, _ = decode(data)
    for record in _parse(fmt, text, name, options):
        yield _check_size(record, options)


def _parse(fmt: str, text: str, name: str, options: IngestOptions) -> Iterator[RawDocument | Reject]:
    if fmt == "jsonl":
        yield from tabular.read_jsonl(text, name, options.fields)
    elif fmt == "csv":
        yield from tabular.read_csv(text, name, options.fields)
    elif fmt == "feed":
        yield from feed.read(text, name)
    elif fmt == "html":
        doc = html.extract(text, name)
        yield doc if doc else Reject(name, "empty", "no main text in the page")
    elif not text.strip():
        yield Reject(name, "empty", "only white space")
    else:
        yield RawDocument(source=name, fmt="text", raw_text=text)


def _check_size(record: RawDocument | Reject, options: IngestOptions) -> RawDocument | Reject:
    if isinstance(record, RawDocument) and len(record.raw_text) > options.max_document_bytes:
        return Reject(record.source, "oversized", f"record of {len(record.raw_text)} characters")
    return record
