"""Stable article ids: the same content gives the same id, whatever its white space."""

from __future__ import annotations

import hashlib


def article_id(raw_text: str) -> str:
    """The first 16 hex characters of the SHA-256 of *raw_text* with white-space runs collapsed."""
    collapsed = " ".join(raw_text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()[:16]
