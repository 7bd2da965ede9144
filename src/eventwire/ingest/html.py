"""HTML pages → RawDocument, main text and metadata by trafilatura."""

from __future__ import annotations

import warnings

import trafilatura

from eventwire.model import RawDocument


def extract(html: str, source: str, url: str | None = None, fmt: str = "html") -> RawDocument | None:
    """The page's main text and metadata, or None when it has no main text."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None
    return RawDocument(
        source=source,
        fmt=fmt,
        raw_text=text,
        title=doc.title or None,
        url=doc.url or url,
        published=doc.date or None,
        outlet=doc.sitename or None,
        html=html,
    )
