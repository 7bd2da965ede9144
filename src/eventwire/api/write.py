"""The write endpoint's work: read a bounded body, turn it into one input file, run the pipeline on it."""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path, PurePath
from typing import Any

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.requests import Request as StarletteRequest

from eventwire import ingest
from eventwire.api.records import article_event_ids
from eventwire.clean import clean
from eventwire.ingest import IngestOptions
from eventwire.model import Reject
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.store import Store

ARTICLE_FIELDS = ("title", "text", "published", "outlet", "url")
_LOCK = threading.Lock()  # one pipeline run at a time: the spaCy pipeline is shared


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed *limit* bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"request body over the limit of {limit} bytes (setting max_document_bytes)")


async def input_file(request: Request, body: bytes) -> tuple[str, bytes]:
    """``(file name, content)`` of the article: a JSON object, or the ``file`` of a multipart form."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return "article.jsonl", _json_article(body)
    if kind == "multipart/form-data":
        return await _uploaded(request, body)
    raise HTTPException(415, "send the article as application/json or as a multipart/form-data file")


def _json_article(body: bytes) -> bytes:
    """The JSON article as one JSON Lines record, after checking its fields."""
    try:
        record = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body is not valid JSON") from None
    if not isinstance(record, dict):
        raise HTTPException(400, f"the article must be a JSON object with {', '.join(ARTICLE_FIELDS)}")
    unknown = sorted(set(record) - set(ARTICLE_FIELDS))
    if unknown:
        raise HTTPException(400, f"unknown field(s) {', '.join(unknown)}; use {', '.join(ARTICLE_FIELDS)}")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise HTTPException(400, "the article needs a non-empty string field text")
    if any(v is not None and not isinstance(v, str) for v in record.values()):
        raise HTTPException(400, "article fields must be strings or null")
    return json.dumps(record, ensure_ascii=False).encode()


async def _uploaded(request: Request, body: bytes) -> tuple[str, bytes]:
    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await StarletteRequest(request.scope, replay).form()
    except Exception as exc:  # python-multipart raises several types for a malformed body
        raise HTTPException(400, f"malformed multipart body: {exc}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, "the multipart form needs a file field named 'file'")
    name = PurePath(upload.filename or "article").name or "article"
    return name, await upload.read()


def run_pipeline(store: Store, resources: Resources, name: str, content: bytes) -> dict[str, Any]:
    """Store and annotate the one article in *content* (a file named *name*): ``{id, events}``."""
    with tempfile.TemporaryDirectory(prefix="eventwire-post-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        article_id = _article_id(resources, str(path))
        with _LOCK:
            report = Pipeline(store, resources).run([str(path)], "api POST /api/articles")
        if report.rejects:
            reject = report.rejects[0]
            raise HTTPException(_status(reject), f"article rejected ({reject.reason}): {reject.detail}")
    return {"id": article_id, "events": len(article_event_ids(store, article_id))}


def _article_id(resources: Resources, path: str) -> str:
    """The id the article will have, checking that the input holds exactly one readable article."""
    options = IngestOptions(max_document_bytes=resources.settings.max_document_bytes)
    sources, _ = ingest.expand([path])
    records = [r for source in sources for r in ingest.read_source(source, options)]
    rejects = [r for r in records if isinstance(r, Reject)]
    if rejects:
        raise HTTPException(
            _status(rejects[0]), f"article rejected ({rejects[0].reason}): {rejects[0].detail}"
        )
    if len(records) != 1:
        raise HTTPException(400, f"send one article per request, not {len(records)}")
    return clean(records[0], resources.langid).id  # type: ignore[arg-type]


def _status(reject: Reject) -> int:
    return 413 if reject.reason == "oversized" else 422
