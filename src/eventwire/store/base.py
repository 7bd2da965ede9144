"""The store's interface: the only way the rest of eventwire reads and writes data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.model import AnnotatedArticle, Article, Reject


@dataclass
class StageTiming:
    """Time spent in one stage during a run."""

    seconds: float = 0.0
    items: int = 0


@dataclass
class RunInfo:
    """What a run did, as recorded."""

    id: int
    command: str
    status: str
    started_at: str
    finished_at: str | None
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, StageTiming] = field(default_factory=dict)


@dataclass
class SearchHit:
    article: Article
    snippet: str


class Store(Protocol):
    """Persistence of articles, annotations, rejects and runs."""

    def start_run(self, command: str) -> int: ...

    def finish_run(
        self, run_id: int, status: str, counts: dict[str, int], timings: dict[str, StageTiming]
    ) -> None: ...

    def stages_done(self, ids: list[str]) -> dict[str, frozenset[str]]: ...

    def save_batch(self, run_id: int, items: list[AnnotatedArticle], rejects: list[Reject]) -> None: ...

    def articles(self, ids: list[str] | None = None) -> Iterator[Article]: ...

    def annotations(self, table: str) -> Iterator[tuple[str, Any]]: ...

    def rejects(self, run_id: int | None = None) -> Iterator[tuple[int, Reject]]: ...

    def last_run(self) -> RunInfo | None: ...

    def counts(self) -> dict[str, int]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def close(self) -> None: ...
