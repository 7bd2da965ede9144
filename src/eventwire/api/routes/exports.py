"""``/api/export/{kind}``: the bytes ``eventwire export KIND --format FORMAT`` writes."""

from __future__ import annotations

import os
import tempfile
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from eventwire.api.stores import store_of
from eventwire.export.registry import EXPORTS, get_format

router = APIRouter(prefix="/api", tags=["export"])

MEDIA_TYPES = {"csv": "text/csv", "acled": "text/csv", "geojson": "application/geo+json"}
SUFFIXES = {"acled": "csv", "plover": "jsonl"}
JSON_LINES = "application/x-ndjson"


@router.get("/export/{kind}")
def export(
    request: Request,
    kind: str,
    fmt: Annotated[str, Query(alias="format", description="As `eventwire export KIND --format`.")] = "jsonl",
) -> FileResponse:
    """A whole export, written to a temporary file and sent as an attachment."""
    if kind not in EXPORTS:
        raise HTTPException(404, f"no export {kind!r}; choose one of {', '.join(EXPORTS)}")
    chosen = get_format(kind, fmt)
    fd, path = tempfile.mkstemp(prefix=f"eventwire-{kind}-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            chosen.write(chosen.rows(store_of(request)), out)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(
        path,
        media_type=f"{MEDIA_TYPES.get(fmt, JSON_LINES)}; charset=utf-8",
        filename=f"{kind}.{SUFFIXES.get(fmt, fmt)}",
        background=BackgroundTask(os.unlink, path),
    )
