"""Security headers on every response, and the token check of the write endpoint."""

from __future__ import annotations

import hmac

from fastapi import HTTPException
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


class SecurityHeaders:
    """ASGI middleware setting :data:`HEADERS` on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_token(expected: str, authorization: str | None) -> None:
    """Refuse the request unless writing is on and it carries ``Authorization: Bearer <expected>``."""
    if not expected:
        raise HTTPException(
            403, "writing is off: set the api_token setting (EVENTWIRE_API_TOKEN) to enable it"
        )
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "missing token: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise HTTPException(403, "invalid token")
