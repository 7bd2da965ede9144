"""Input paths → named byte sources: files, directories (recursive), globs and stdin."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import UserError
from eventwire.model import Reject

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One input file (or stdin) to read."""

    name: str
    path: Path | None  # None for stdin

    def size(self) -> int | None:
        return self.path.stat().st_size if self.path else None

    def read(self) -> bytes:
        return self.path.read_bytes() if self.path else sys.stdin.buffer.read()


def expand(paths: list[str]) -> tuple[list[Source], list[Reject]]:
    """Expand *paths* into sources in a stable order; unmatched paths become rejects.

    Raises UserError when nothing at all matched.
    """
    sources: list[Source] = []
    rejects: list[Reject] = []
    seen: set[str] = set()
    for raw in paths:
        found = list(_expand_one(raw))
        if not found:
            rejects.append(Reject(raw, "unreadable", "no such file or directory"))
        for source in found:
            if source.name not in seen:
                seen.add(source.name)
                sources.append(source)
    if not sources:
        missing = ", ".join(paths) or "(none given)"
        raise UserError(f"no input found: {missing}")
    return sources, rejects


def _expand_one(raw: str) -> Iterator[Source]:
    if raw == STDIN:
        yield Source("<stdin>", None)
        return
    matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from (Source(str(p), p) for p in sorted(path.rglob("*")) if _wanted(p))
        elif path.exists():
            yield Source(str(path), path)


def _wanted(path: Path) -> bool:
    """Regular files, not hidden ones and not inside hidden folders."""
    return path.is_file() and not any(part.startswith(".") for part in path.parts[-1:])
