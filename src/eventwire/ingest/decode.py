"""Bytes → text: binary detection and legacy-encoding detection."""

from __future__ import annotations

import gzip
import zlib

import charset_normalizer

# Encodings tried for non-UTF-8 input, most likely first; ties in detection go to the earlier one.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_7", "cp1256", "cp1253")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}


class DecodeError(ValueError):
    """The bytes are not text; ``reason`` is a short reject code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, or raise DecodeError."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError("undecodable", f"corrupt gzip data: {exc}") from exc


def looks_binary(data: bytes) -> bool:
    """True for known binary formats, NUL bytes, or many control characters."""
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte in _CONTROL)
    return control > max(8, len(head) // 100)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise DecodeError for binary or undecodable bytes."""
    if looks_binary(data):
        raise DecodeError("binary", "binary content (not text)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = detect_legacy(data)
    if encoding is None:
        raise DecodeError("undecodable", "not UTF-8 and no known encoding fits")
    return data.decode(encoding), encoding


def detect_legacy(data: bytes) -> str | None:
    """The most plausible legacy encoding of *data*, or None."""
    results = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    ranked = sorted(
        results,
        key=lambda r: (round(r.chaos, 2), -round(r.coherence, 2), _preference(r.encoding)),
    )
    if ranked and ranked[0].coherence > 0:
        return ranked[0].encoding
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ranked[0].encoding if ranked else None
    return "cp1252"


def _preference(encoding: str) -> int:
    return LEGACY_ENCODINGS.index(encoding) if encoding in LEGACY_ENCODINGS else len(LEGACY_ENCODINGS)
