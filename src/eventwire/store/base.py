"""The store's interface: the only way the rest of eventwire reads and writes data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from eventwire.model import AnnotatedArticle, Article, Event, EventMention, EventMerge, Reject


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


@dataclass
class ArticleLink:
    """What linking stored for one article (see migration 4 in ``schema.py``)."""

    article_id: str
    signature: bytes  # the MinHash signature, uint32 little-endian
    terms: dict[str, float]  # the article's term bag
    day: str | None  # publication day (ISO); None when undated (placed at the day it was linked)
    story_id: str  # its story; unclustered while the story holds one canonical article
    duplicate_of: str | None = None  # the canonical article when this one is a near-duplicate copy


@dataclass(frozen=True)
class StoryMerge:
    """Story *absorbed* was merged into story *kept* (which keeps its id) at mean cosine *similarity*."""

    kept: str
    absorbed: str
    similarity: float


@dataclass(frozen=True)
class StorySplit:
    """Story *kept* lost *members* (and their copies) to the new story *created*, whose mean
    cosine to the members *kept* kept was *similarity*."""

    kept: str
    created: str
    similarity: float
    members: tuple[str, ...]


@dataclass
class LinkBatch:
    """What one link step saves: new article links, the stories they started, story merges and
    splits, and the real-world events created or changed (with their mentions and event merges)."""

    links: list[ArticleLink] = field(default_factory=list)
    stories: dict[str, str | None] = field(default_factory=dict)  # new story id -> title
    merges: list[StoryMerge] = field(default_factory=list)
    splits: list[StorySplit] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class LinkWindow:
    """The stored links of a time window: in linking order, and their stories in creation order."""

    links: list[ArticleLink]
    stories: list[str]


@dataclass
class EventWindow:
    """Stored events with a mention in an article of a time window, and all their mentions.

    The events' ``merges`` are left empty: the history stays in the store (``event_merges``).
    """

    events: list[Event]
    mentions: list[tuple[str, EventMention]]  # (article id, mention)


@dataclass
class StoryRecord:
    """A story of two or more independent articles, as exported."""

    id: str
    title: str | None
    article_ids: list[str]
    event_ids: list[str]
    first_date: str | None
    last_date: str | None


if TYPE_CHECKING:
    from eventwire.store.query import ArticlePage, EventFacets, EventFilter, EventPage, PlaceCount, SortKey


Rows = list[tuple[Any, ...]]  # a chunk of table rows, values in the table's column order


@dataclass(frozen=True)
class TableInfo:
    """A stored table and its data columns ``(name, declared type)``, for table dumps."""

    name: str
    columns: list[tuple[str, str]]


class Store(Protocol):
    """Persistence of articles, annotations, rejects and runs."""

    def start_run(self, command: str) -> int: ...

    def finish_run(
        self, run_id: int, status: str, counts: dict[str, int], timings: dict[str, StageTiming]
    ) -> None: ...

    def stages_done(self, ids: list[str] | None) -> dict[str, frozenset[str]]: ...

    def save_batch(
        self,
        run_id: int,
        items: list[AnnotatedArticle],
        rejects: list[Reject],
        links: LinkBatch | None = None,
    ) -> None: ...

    def link_window(self, first_day: str, last_day: str, recent: int = 0) -> LinkWindow: ...

    def stories(self) -> Iterator[StoryRecord]: ...

    def event_window(self, first_day: str, last_day: str, recent: int = 0) -> EventWindow: ...

    def event_mentions(
        self, *, ids: list[str] | None = None, article_ids: list[str] | None = None
    ) -> list[tuple[str, EventMention]]: ...

    def links_of(self, article_ids: list[str]) -> dict[str, ArticleLink]: ...

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]: ...

    def linked_events(self, ids: list[str] | None = None) -> dict[str, Event]: ...

    def event_page(self, chosen: EventFilter, after: SortKey | None, limit: int) -> EventPage: ...

    def event_plan(self, chosen: EventFilter) -> list[str]: ...

    def event_facets(self, chosen: EventFilter, places: int) -> EventFacets: ...

    def place_counts(self, limit: int) -> list[PlaceCount]: ...

    def article_page(self, q: str | None, after: SortKey | None, limit: int) -> ArticlePage: ...

    def story_page(self, after: str | None, limit: int) -> list[StoryRecord]: ...

    def story(self, story_id: str) -> StoryRecord | None: ...

    def event_merges(self) -> Iterator[tuple[int, EventMerge]]: ...

    def story_ids(self, article_ids: list[str]) -> dict[str, str]: ...

    def story_merges(self) -> Iterator[tuple[int, StoryMerge]]: ...

    def story_splits(self) -> Iterator[tuple[int, StorySplit]]: ...

    def articles(self, ids: list[str] | None = None) -> Iterator[Article]: ...

    def annotations(self, table: str) -> Iterator[tuple[str, Any]]: ...

    def rejects(self, run_id: int | None = None) -> Iterator[tuple[int, Reject]]: ...

    def last_run(self) -> RunInfo | None: ...

    def counts(self) -> dict[str, int]: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def analyze(self) -> None: ...

    @property
    def schema_version(self) -> int: ...

    def tables(self) -> list[TableInfo]: ...

    def table_rows(self, table: TableInfo, size: int = 10_000) -> Iterator[Rows]: ...

    def load_rows(self, tables: Iterable[tuple[TableInfo, Iterable[Rows]]]) -> dict[str, int]: ...

    def close(self) -> None: ...
