"""WARC files → RawDocument for each HTML response record."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.ingest import html
from eventwire.ingest.decode import DecodeError, decode
from eventwire.model import RawDocument, Reject


def read(data: bytes, source: str) -> Iterator[RawDocument | Reject]:
    """HTML response records of a (possibly gzipped) WARC; other records are skipped."""
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response" or not _is_html(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            name = f"{source}#{n}"
            try:
                page, _ = decode(record.content_stream().read())
            except DecodeError as exc:
                yield Reject(name, exc.reason, str(exc))
                continue
            doc = html.extract(page, name, url=url, fmt="warc")
            yield doc if doc else Reject(name, "empty", "no main text in the page")
    except ArchiveLoadFailed as exc:
        yield Reject(source, "malformed", f"not a readable WARC: {exc}")


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    content_type = headers.get_header("Content-Type", "") if headers else ""
    return "html" in content_type.lower()
