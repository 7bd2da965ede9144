"""``/api/articles`` (list, search, and the guarded write) and ``/api/articles/{id}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from eventwire.api.params import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, encode_cursor
from eventwire.api.records import article_event_ids, article_summary
from eventwire.api.responses import JSONResponse
from eventwire.api.security import check_token
from eventwire.api.stores import store_of
from eventwire.api.write import input_file, read_body, run_pipeline

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles")
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(description="Full-text query (FTS5; PostgreSQL: web search).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> JSONResponse:
    """Articles newest first (undated last); with `q`, those matching it, each with a `snippet`."""
    q = (q or "").strip() or None
    page = store_of(request).article_page(q, decode_cursor(cursor, 2), limit)  # type: ignore[arg-type]
    items = [{**article_summary(h.article), **({"snippet": h.snippet} if q else {})} for h in page.hits]
    return JSONResponse({"items": items, "next": encode_cursor(page.next)})


@router.get("/articles/{article_id}")
async def get_article(request: Request, article_id: str) -> JSONResponse:
    """An article's cleaned text (the evidence offsets point into it) and the events it reports."""
    store = store_of(request)
    found = list(store.articles([article_id]))
    if not found:
        raise HTTPException(404, f"no article {article_id!r}")
    article = found[0]
    events = article_event_ids(store, article_id)
    return JSONResponse({**article_summary(article), "text": article.text, "events": events})


@router.post("/articles", status_code=201)
async def post_article(request: Request) -> JSONResponse:
    """Run the pipeline on one article (JSON or a file); needs `Authorization: Bearer <api_token>`."""
    settings = request.app.state.settings
    check_token(settings.api_token, request.headers.get("authorization"))
    body = await read_body(request, settings.max_document_bytes)
    name, content = await input_file(request, body)
    resources = request.app.state.resources

    def work() -> dict[str, Any]:
        return run_pipeline(store_of(request), resources, name, content)

    return JSONResponse(await run_in_threadpool(work), 201)
