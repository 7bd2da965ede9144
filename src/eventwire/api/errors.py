"""Errors as JSON ``{"detail": "<one line>"}``: bad input is a 4xx, never a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from eventwire.api.responses import JSONResponse
from eventwire.api.security import HEADERS
from eventwire.errors import UserError

log = logging.getLogger(__name__)


def install(app: FastAPI) -> None:
    """Register the handlers that turn errors into one-line JSON details."""
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(UserError, _user)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _internal)


def _http(_: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"detail": str(exc.detail)}, exc.status_code, headers=exc.headers)


def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
    """The first problem, named by its parameter: ``limit: Input should be less than or equal to 500``."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "request"
    return JSONResponse({"detail": f"{where}: {first.get('msg', 'invalid')}"}, 400)


def _user(_: Request, exc: UserError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, 400)


def _internal(request: Request, exc: Exception) -> JSONResponse:
    """A bug, not bad input: logged, answered without internals (the outermost layer: add the headers)."""
    log.exception("error serving %s", request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error"}, 500, headers=HEADERS)
