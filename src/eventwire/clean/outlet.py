"""The outlet: the container's name, else the URL's host without ``www.``."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_name(url: str | None) -> str | None:
    """The lower-case host of *url* without ``www.`` (a URL without a scheme is accepted)."""
    if not url or not url.strip():
        return None
    url = url.strip()
    host = urlsplit(url if "://" in url else "//" + url).hostname
    return host.removeprefix("www.") if host else None


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """The outlet given by the container, else the URL's host, else None."""
    if outlet and outlet.strip():
        return outlet.strip()
    return host_name(url)
