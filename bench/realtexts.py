"""The real news texts the benchmarks build their synthetic corpora from (read at bench time, never stored).

PolNeAR (``../shared/datasets/quotes/polnear_*.jsonl``) and ECB+ (``cluster/ecbplus_dev.jsonl``):
1,696 articles; see ``../shared/datasets/SOURCES.md`` for their origin and terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from eventwire.eval.common import read_jsonl

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_TEXTS = [
    *sorted((SHARED / "datasets" / "quotes").glob("polnear_*.jsonl")),
    SHARED / "datasets" / "cluster" / "ecbplus_dev.jsonl",
]
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")


def real_articles(paths: list[Path] = DEFAULT_TEXTS) -> Iterator[tuple[str, str]]:
    """``(title, text)`` of every record of *paths*; a clear exit when they are missing."""
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"real texts not found: {', '.join(missing)} (this benchmark needs ../shared)")
    for path in paths:
        for record in read_jsonl(path):
            yield record.get("title") or "", record["text"]


def sentences(line: str) -> list[str]:
    """The sentences of one line of text."""
    return [s for s in SENTENCE.split(line.strip()) if s]
