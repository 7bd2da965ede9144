"""Article-body extraction from HTML pages, exactly as the HTML ingest path does it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.ingest import html
from eventwire.ingest.decode import DecodeError, decode, gunzip
from eventwire.resources import Resources

SUFFIXES = (".html.gz", ".html")


def evaluate(path: Path, predictions: Path, resources: Resources) -> dict[str, float]:
    """Write ``{"id", "text"}`` for every page in *path*; id is the file name less its suffix.

    A page with no main text (or that cannot be decoded) gets an empty text.
    """
    from eventwire.eval.common import write_jsonl

    counts = {"pages": 0, "empty": 0}

    def records() -> Iterator[dict[str, Any]]:
        for page in sorted(p for p in path.rglob("*") if p.name.endswith(SUFFIXES)):
            text = _body(page)
            counts["pages"] += 1
            counts["empty"] += not text
            yield {"id": _page_id(page), "text": text}

    write_jsonl(predictions, records())
    return {"pages": counts["pages"], "empty": counts["empty"]}


def _page_id(page: Path) -> str:
    name = page.name
    return next(name[: -len(s)] for s in SUFFIXES if name.endswith(s))


def _body(page: Path) -> str:
    data = page.read_bytes()
    try:
        markup, _ = decode(gunzip(data) if data[:2] == b"\x1f\x8b" else data)
    except DecodeError:
        return ""
    doc = html.extract(markup, str(page))
    return doc.raw_text if doc else ""
