"""The store: one class whose SQL runs on either backend (SQLite or PostgreSQL, see backend.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventwire.errors import UserError
from eventwire.model import AnnotatedArticle, Article, Event, EventMention, EventMerge, Reject
from eventwire.store import codec
from eventwire.store.backend import Backend
from eventwire.store.base import (
    ArticleLink,
    EventWindow,
    LinkBatch,
    LinkWindow,
    Rows,
    RunInfo,
    SearchHit,
    StageTiming,
    StoryMerge,
    StoryRecord,
    StorySplit,
    TableInfo,
)
from eventwire.store.query import (
    CLUSTERED,
    ArticlePage,
    EventFacets,
    EventFilter,
    EventPage,
    PlaceCount,
    SortKey,
    ordered_conditions,
    where,
)
from eventwire.store.schema import ANNOTATION_TABLES, MIGRATIONS

Row = Any  # a result row: by position, by column name, keys() (sqlite3.Row or backend.Row)

# The day a link is placed at in time (indexed): its publication day, else the day it was linked.
_DAY = "coalesce(day, linked_on)"
# A link in a window: its day in a range, or among the last N linked (parameters: first, last, N).
_IN_WINDOW = f"({_DAY} BETWEEN ? AND ? OR links.rowid > (SELECT coalesce(max(rowid), 0) FROM links) - ?)"
_LINK_COLUMNS = "article_id, signature, terms, day, story_id, duplicate_of"
_STORIES = f"SELECT id, title, first_date, last_date FROM stories s WHERE {CLUSTERED.format('s.id')}"


class SQLStore:
    """The store over a backend; each batch is written in one writer transaction."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        try:
            self._migrate()
        except BaseException:
            backend.close()
            raise

    def _migrate(self) -> None:
        """Bring the schema up to date, under the writer lock (two processes never both migrate)."""
        if self.backend.version == len(MIGRATIONS):
            return
        with self.backend.transaction():
            version = self.backend.version
            if version > len(MIGRATIONS):
                raise UserError(
                    f"store {self.backend.location} has schema v{version}, newer than this eventwire"
                )
            for number, migration in enumerate(MIGRATIONS[version:], version + 1):
                self.backend.run_script(migration.render(self.backend.name))
                self.backend.set_version(number)

    @property
    def schema_version(self) -> int:
        return self.backend.version

    def start_run(self, command: str) -> int:
        with self.backend.transaction():
            [row] = self.backend.query("INSERT INTO runs(command) VALUES (?) RETURNING id", (command,))
        return int(row[0])

    def finish_run(
        self, run_id: int, status: str, counts: dict[str, int], timings: dict[str, StageTiming]
    ) -> None:
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self.backend.transaction():
            self.backend.execute(
                "UPDATE runs SET status=?, counts=?, finished_at=? WHERE id=?",
                (status, json.dumps(counts), now, run_id),
            )
            self.backend.executemany(
                "INSERT INTO run_stages(run_id, stage, seconds, items) VALUES (?,?,?,?)"
                " ON CONFLICT(run_id, stage) DO UPDATE SET seconds=excluded.seconds, items=excluded.items",
                [(run_id, stage, t.seconds, t.items) for stage, t in timings.items()],
            )

    def stages_done(self, ids: list[str] | None) -> dict[str, frozenset[str]]:
        """For each id already stored (every stored article when *ids* is None), its stages."""
        if ids is None:
            rows: Iterable[Row] = self.backend.query("SELECT id, stages FROM articles")
        else:
            rows = self._rows_in("SELECT id, stages FROM articles WHERE id IN ({marks})", ids)
        return {r["id"]: frozenset(filter(None, r["stages"].split(","))) for r in rows}

    def _rows_in(self, sql: str, keys: list[str]) -> Iterator[Row]:
        """Rows of *sql*, whose ``{marks}`` stands for an ``IN`` list, over *keys* in chunks of 500."""
        for chunk in _chunks(keys, 500):
            yield from self.backend.query(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def save_batch(
        self,
        run_id: int,
        items: list[AnnotatedArticle],
        rejects: list[Reject],
        links: LinkBatch | None = None,
    ) -> None:
        """Insert or refresh articles with the annotations of their stages, rejects and links, atomically."""
        with self.backend.transaction():
            for item in items:
                self._save_article(run_id, item)
            self.backend.executemany(
                "INSERT INTO rejects(run_id, source, reason, detail) VALUES (?,?,?,?)",
                [(run_id, r.source, r.reason, r.detail) for r in rejects],
            )
            if links:
                _save_links(self.backend, run_id, links)

    def _save_article(self, run_id: int, item: AnnotatedArticle) -> None:
        """Insert the article (or add to its stages) and replace the rows of the stages run now."""
        article = item.article
        rows = self.backend.query("SELECT stages FROM articles WHERE id=?", (article.id,))
        before = set(filter(None, rows[0]["stages"].split(","))) if rows else set()
        stages = ",".join(sorted(before | set(item.stages)))
        values = [getattr(article, c) for c in codec.ARTICLE_COLUMNS]
        self.backend.execute(
            f"INSERT INTO articles({codec.names(codec.ARTICLE_COLUMNS)}, stages, run_id)"
            f" VALUES ({', '.join('?' * (len(values) + 2))})"
            " ON CONFLICT(id) DO UPDATE SET stages=excluded.stages",
            (*values, stages, run_id),
        )
        for table, rows in codec.annotation_rows(item.annotations).items():
            if table not in item.stages:
                continue
            self.backend.execute(f"DELETE FROM {table} WHERE article_id=?", (article.id,))
            cols = ("article_id", *codec.columns(table))
            if codec.CODECS[table].unique:  # a record repeated in one article (same id) is kept once
                rows = last_of_each(rows)
            self.backend.executemany(
                f"INSERT INTO {table}({codec.names(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [(article.id, *row) for row in rows],
            )

    def articles(self, ids: list[str] | None = None) -> Iterator[Article]:
        cols = codec.names(codec.ARTICLE_COLUMNS)
        if ids is None:
            for rows in self.backend.stream(f"SELECT {cols} FROM articles ORDER BY rowid"):
                yield from (Article(**dict(row)) for row in rows)
            return
        for row in self._rows_in(f"SELECT {cols} FROM articles WHERE id IN ({{marks}})", ids):
            yield Article(**dict(row))

    def annotations(self, table: str) -> Iterator[tuple[str, Any]]:
        """``(article_id, record)`` for every row of an annotation table, in text order."""
        if table not in ANNOTATION_TABLES:
            raise ValueError(f"unknown annotation table {table!r}")
        for rows in self.backend.stream(
            f"SELECT t.* FROM {table} t JOIN articles a ON a.id = t.article_id ORDER BY a.rowid, t.rowid"
        ):
            for row in rows:
                yield row["article_id"], codec.from_row(table, dict(row))

    def link_window(self, first_day: str, last_day: str, recent: int = 0) -> LinkWindow:
        """The links of articles whose day (publication, else linking) is in ``first_day..last_day``
        (inclusive) or that are among the *recent* last linked, and their stories."""
        window = (first_day, last_day, recent)
        rows = self.backend.query(
            f"SELECT {_LINK_COLUMNS} FROM links WHERE {_IN_WINDOW} ORDER BY rowid", window
        )
        links = [_link(r) for r in rows]
        stories = self.backend.query(
            f"SELECT id FROM stories WHERE id IN (SELECT story_id FROM links WHERE {_IN_WINDOW})"
            " ORDER BY rowid",
            window,
        )
        return LinkWindow(links, [r["id"] for r in stories])

    def stories(self) -> Iterator[StoryRecord]:
        """Every clustered story (two or more canonical articles), oldest first."""
        rows = self.backend.query(f"{_STORIES} ORDER BY rowid")
        for row in rows:
            yield self._story(row)

    def story_page(self, after: str | None, limit: int) -> list[StoryRecord]:
        """Up to *limit* clustered stories by id, after the story *after*."""
        rows = self.backend.query(f"{_STORIES} AND s.id > ? ORDER BY s.id LIMIT ?", (after or "", limit))
        return [self._story(row) for row in rows]

    def story(self, story_id: str) -> StoryRecord | None:
        """The clustered story *story_id*, if there is one."""
        rows = self.backend.query(f"{_STORIES} AND s.id = ?", (story_id,))
        return self._story(rows[0]) if rows else None

    def _story(self, row: Row) -> StoryRecord:
        articles = self.backend.query(
            "SELECT l.article_id FROM links l JOIN articles a ON a.id = l.article_id"
            f" WHERE l.story_id=? ORDER BY {_DAY}, a.rowid",
            (row["id"],),
        )
        events = self.backend.query(  # each mention's real-world event (itself when not linked)
            "SELECT coalesce(m.event_id, e.id) FROM events e JOIN links l ON l.article_id = e.article_id"
            " JOIN articles a ON a.id = e.article_id LEFT JOIN event_mentions m ON m.mention_id = e.id"
            f" WHERE l.story_id=? ORDER BY {_DAY}, a.rowid, e.rowid",
            (row["id"],),
        )
        event_ids = list(dict.fromkeys(r[0] for r in events))
        return StoryRecord(**dict(row), article_ids=[r[0] for r in articles], event_ids=event_ids)

    def event_window(self, first_day: str, last_day: str, recent: int = 0) -> EventWindow:
        """The stored events with a mention in an article of the window (as :meth:`link_window`),
        with all their mentions (also those outside the window, so that sources are counted whole)."""
        rows = self.backend.query(
            "SELECT le.id, le.event, le.sources, le.outlets, m.mention_id FROM linked_events le"
            " JOIN event_mentions m ON m.event_id = le.id WHERE le.id IN ("
            "  SELECT em.event_id FROM event_mentions em JOIN events e ON e.id = em.mention_id"
            f"  JOIN links ON links.article_id = e.article_id WHERE {_IN_WINDOW})"
            " ORDER BY le.rowid, m.position",
            (first_day, last_day, recent),
        )
        events = _events(rows)
        mention_ids = [m for event in events for m in event.mentions]
        return EventWindow(events, self.event_mentions(ids=mention_ids))

    def event_mentions(
        self, *, ids: list[str] | None = None, article_ids: list[str] | None = None
    ) -> list[tuple[str, EventMention]]:
        """``(article_id, mention)`` of the stored event mentions with these ids or in these articles."""
        column, keys = ("id", ids) if ids is not None else ("article_id", article_ids or [])
        rows = self._rows_in(f"SELECT * FROM events WHERE {column} IN ({{marks}}) ORDER BY rowid", keys)
        return [(r["article_id"], codec.from_row("events", dict(r))) for r in rows]

    def links_of(self, article_ids: list[str]) -> dict[str, ArticleLink]:
        """The stored link of each of *article_ids* that is linked."""
        rows = self._rows_in(
            f"SELECT {_LINK_COLUMNS} FROM links WHERE article_id IN ({{marks}})", article_ids
        )
        return {r["article_id"]: _link(r) for r in rows}

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        """The number of stored canonical articles (copies not counted) of each of *story_ids*."""
        sql = "SELECT story_id, count(*) FROM links WHERE story_id IN ({marks}) AND duplicate_of IS NULL"
        return {r[0]: r[1] for r in self._rows_in(sql + " GROUP BY story_id", story_ids)}

    def linked_events(self, ids: list[str] | None = None) -> dict[str, Event]:
        """The event of every stored mention that was linked (mention id -> its event), leaving out
        mentions no longer stored and events whose first mention is no longer stored; with *ids*
        (mention ids), only the events of those mentions."""
        sql = (
            "SELECT le.id, le.event, le.sources, le.outlets, m.mention_id FROM linked_events le"
            " JOIN event_mentions m ON m.event_id = le.id"
            " WHERE EXISTS (SELECT 1 FROM events e WHERE e.id = le.id)"
            " AND EXISTS (SELECT 1 FROM events e WHERE e.id = m.mention_id)"
        )
        if ids is None:
            rows: Iterable[Row] = self.backend.query(sql + " ORDER BY le.rowid, m.position")
        else:
            chosen = " AND le.id IN (SELECT event_id FROM event_mentions WHERE mention_id IN ({marks}))"
            rows = self._rows_in(sql + chosen + " ORDER BY le.rowid, m.position", ids)
        return {mention: event for event in _events(rows) for mention in event.mentions}

    def event_page(self, chosen: EventFilter, after: SortKey | None, limit: int) -> EventPage:
        """Up to *limit* events that *chosen* keeps, by first day (undated last) then id, after the
        sort key *after*."""
        rows = self._query(*_page_query(self.backend, chosen, after, limit + 1))
        found = [(r["article_id"], codec.from_row("events", dict(r))) for r in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return EventPage(found, (last["sort_day"], last["id"]) if last else None)

    def event_plan(self, chosen: EventFilter) -> list[str]:
        """How the database runs :meth:`event_page` for *chosen* (its query plan's lines)."""
        return self.backend.plan(*_page_query(self.backend, chosen, None, 50))

    def event_facets(self, chosen: EventFilter, places: int) -> EventFacets:
        """Counts of the events *chosen* keeps: by type, certainty, first day and type, and the
        *places* places with most events."""
        condition, args = where(chosen, self.backend)
        count = f"FROM events e WHERE {condition} GROUP BY 1"
        types = {r[0]: r[1] for r in self._query(f"SELECT e.event, count(*) {count} ORDER BY 2 DESC", args)}
        certainty = {
            r[0]: r[1] for r in self._query(f"SELECT e.certainty, count(*) {count} ORDER BY 2 DESC", args)
        }
        timeline = self._query(  # sort_day is the first day of a dated event (indexed, with its type)
            f"SELECT e.sort_day, e.event, count(*) FROM events e WHERE {condition}"
            " AND e.span_class IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
            args,
        )
        return EventFacets(
            total=sum(types.values()),
            types=types,
            certainty=certainty,
            timeline=[(r[0], r[1], r[2]) for r in timeline],
            places=self._place_counts(condition, args, places),
        )

    def place_counts(self, limit: int) -> list[PlaceCount]:
        """The *limit* places with most events, with their counts."""
        return self._place_counts(where(EventFilter(), self.backend)[0], [], limit)

    def _place_counts(self, condition: str, args: list[Any], limit: int) -> list[PlaceCount]:
        name = self.backend.json_text("e.location", "name")
        rows = self._query(
            f"SELECT {name}, e.lat, e.lon, e.geonameid, e.country, count(*)"
            f" FROM events e WHERE {condition} AND e.location IS NOT NULL"
            " GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC, 1 LIMIT ?",
            [*args, limit],
        )
        return [PlaceCount(*r) for r in rows]

    def article_page(self, q: str | None, after: SortKey | None, limit: int) -> ArticlePage:
        """Up to *limit* articles, newest first (undated last), after the sort key *after*; with
        *q* (a full-text query) only those matching it, with a highlighted snippet."""
        cols = ", ".join(f'a."{c}"' for c in codec.ARTICLE_COLUMNS)
        key = "coalesce(a.published, '')"
        source, condition, snippet, args = "articles a", "true", "''", []
        if q:
            backend = self.backend
            source, condition, snippet, args = (
                backend.article_source,
                backend.article_match,
                backend.snippet,
                [q],
            )
        if after is not None:
            condition, args = f"{condition} AND ({key}, a.id) < (?, ?)", [*args, *after]
        rows = self._query(
            f"SELECT {cols}, {snippet} AS snip, {key} AS sort FROM {source} WHERE {condition}"
            f" ORDER BY {key} DESC, a.id DESC LIMIT ?",
            [*args, limit + 1],
        )
        hits = [_hit(r) for r in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return ArticlePage(hits, (last["sort"], last["id"]) if last else None)

    def _query(self, sql: str, args: list[Any]) -> list[Row]:
        """All rows of a read query; a malformed full-text query is the user's error."""
        try:
            return self.backend.query(sql, args)
        except self.backend.search_errors as exc:
            if "MATCH" in sql:
                raise UserError(f"bad search query: {exc}") from exc
            raise

    def event_merges(self) -> Iterator[tuple[int, EventMerge]]:
        """``(run_id, merge)`` for every recorded merge of two events, in order."""
        rows = self.backend.query(
            "SELECT run_id, kept, absorbed, score, reason FROM event_merges ORDER BY id"
        )
        for row in rows:
            yield row["run_id"], EventMerge(row["kept"], row["absorbed"], row["score"], row["reason"])

    def story_ids(self, article_ids: list[str]) -> dict[str, str]:
        """The clustered story of each of *article_ids* that has one."""
        sql = "SELECT article_id, story_id FROM links l WHERE article_id IN ({marks}) AND "
        rows = self._rows_in(sql + CLUSTERED.format("l.story_id"), article_ids)
        return {r["article_id"]: r["story_id"] for r in rows}

    def story_splits(self) -> Iterator[tuple[int, StorySplit]]:
        """``(run_id, split)`` for every recorded split of a story, in order."""
        query = "SELECT run_id, kept, created, similarity, members FROM story_splits ORDER BY id"
        for row in self.backend.query(query):
            members = tuple(json.loads(row["members"]))
            yield row["run_id"], StorySplit(row["kept"], row["created"], row["similarity"], members)

    def story_merges(self) -> Iterator[tuple[int, StoryMerge]]:
        """``(run_id, merge)`` for every recorded merge of two stories, in order."""
        for row in self.backend.query(
            "SELECT run_id, kept, absorbed, similarity FROM story_merges ORDER BY id"
        ):
            yield row["run_id"], StoryMerge(row["kept"], row["absorbed"], row["similarity"])

    def rejects(self, run_id: int | None = None) -> Iterator[tuple[int, Reject]]:
        query = "SELECT run_id, source, reason, detail FROM rejects"
        args: tuple[Any, ...] = ()
        if run_id is not None:
            query, args = query + " WHERE run_id=?", (run_id,)
        for row in self.backend.query(query + " ORDER BY id", args):
            yield row["run_id"], Reject(row["source"], row["reason"], row["detail"])

    def last_run(self) -> RunInfo | None:
        runs = self.backend.query("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        if not runs:
            return None
        row = runs[0]
        timings = {
            r["stage"]: StageTiming(r["seconds"], r["items"])
            for r in self.backend.query(
                "SELECT * FROM run_stages WHERE run_id=? ORDER BY rowid", (row["id"],)
            )
        }
        return RunInfo(
            id=row["id"],
            command=row["command"],
            status=row["status"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
            counts=json.loads(row["counts"]),
            timings=timings,
        )

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, annotations, rejects, runs)."""
        tables = ("articles", *ANNOTATION_TABLES, "rejects", "runs")
        return {t: int(self.backend.query(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching a full-text query, best first, with a highlighted snippet."""
        cols = ", ".join(f'a."{c}"' for c in codec.ARTICLE_COLUMNS)
        backend = self.backend
        try:
            rows = backend.query(
                f"SELECT {cols}, {backend.snippet} AS snip FROM {backend.article_source}"
                f" WHERE {backend.article_match} ORDER BY {backend.rank} LIMIT ?",
                (query, limit),
            )
        except backend.search_errors as exc:
            raise UserError(f"bad search query {query!r}: {exc}") from exc
        return [_hit(r) for r in rows]

    def analyze(self) -> None:
        """Gather the statistics the query planner uses to pick indexes (after a large load)."""
        self.backend.execute("ANALYZE")

    def tables(self) -> list[TableInfo]:
        """Every data table with its stored columns, parents first (derived indexes left out)."""
        return self.backend.tables()

    def table_rows(self, table: TableInfo, size: int = 10_000) -> Iterator[Rows]:
        """The rows of *table* in storage order, *size* at a time."""
        columns = codec.names(name for name, _ in table.columns)
        for rows in self.backend.stream(f"SELECT {columns} FROM {table.name} ORDER BY rowid", (), size):
            yield [tuple(r) for r in rows]

    def load_rows(self, tables: Iterable[tuple[TableInfo, Iterable[Rows]]]) -> dict[str, int]:
        """Insert each table's chunks of rows (as :meth:`table_rows` gives them), all in one
        transaction; the rows inserted per table."""
        known = {t.name for t in self.tables()}
        counts: dict[str, int] = {}
        loaded: list[TableInfo] = []
        with self.backend.transaction():
            for table, rows in tables:
                if table.name not in known:
                    raise UserError(f"this store has no table {table.name!r}")
                columns = codec.names(name for name, _ in table.columns)
                sql = f"INSERT INTO {table.name}({columns}) VALUES ({','.join('?' * len(table.columns))})"
                counts[table.name] = 0
                for chunk in rows:
                    self.backend.executemany(sql, chunk)
                    counts[table.name] += len(chunk)
                loaded.append(table)
            self.backend.after_load(loaded)
        return counts

    def close(self) -> None:
        self.backend.close()


def _insert_split_story(db: Backend, run_id: int, split: StorySplit) -> None:
    """The story a split creates, titled after its first member (nothing if it exists)."""
    db.execute(
        "INSERT INTO stories(id, title, run_id) SELECT ?, title, ? FROM articles WHERE id=?"
        " ON CONFLICT DO NOTHING",
        (split.created, run_id, split.members[0]),
    )


def _save_split(db: Backend, run_id: int, split: StorySplit) -> None:
    """The new story, its members and their copies moved to it, and the split recorded."""
    _insert_split_story(db, run_id, split)  # again: a merge of the batch may have absorbed it
    members = list(split.members)
    marks = ",".join("?" * len(members))
    db.execute(
        f"UPDATE links SET story_id=? WHERE article_id IN ({marks}) OR duplicate_of IN ({marks})",
        (split.created, *members, *members),
    )
    db.execute(
        "INSERT INTO story_splits(run_id, kept, created, similarity, members) VALUES (?,?,?,?,?)",
        (run_id, split.kept, split.created, split.similarity, json.dumps(members)),
    )


def _save_links(db: Backend, run_id: int, batch: LinkBatch) -> None:
    """New stories (also those splits create), then article links, merges and splits; the
    touched stories' dates recomputed.

    A re-linked article's link is deleted and inserted again: the newest link is the last row
    (the recent-links window counts on it)."""
    db.executemany(
        "INSERT INTO stories(id, title, run_id) VALUES (?,?,?) ON CONFLICT DO NOTHING",
        [(story_id, title, run_id) for story_id, title in batch.stories.items()],
    )
    for split in batch.splits:  # a new article of the batch may already belong to a split-off story
        _insert_split_story(db, run_id, split)
    links = last_of_each(
        [(x.article_id, x.signature, json.dumps(x.terms), x.day, x.story_id, x.duplicate_of, run_id)
         for x in batch.links]
    )  # fmt: skip
    db.executemany("DELETE FROM links WHERE article_id=?", [(row[0],) for row in links])
    db.executemany(
        "INSERT INTO links(article_id, signature, terms, day, story_id, duplicate_of, run_id)"
        " VALUES (?,?,?,?,?,?,?)",
        links,
    )
    for merge in batch.merges:
        db.execute("UPDATE links SET story_id=? WHERE story_id=?", (merge.kept, merge.absorbed))
        db.execute("DELETE FROM stories WHERE id=?", (merge.absorbed,))
        db.execute(
            "INSERT INTO story_merges(run_id, kept, absorbed, similarity) VALUES (?,?,?,?)",
            (run_id, merge.kept, merge.absorbed, merge.similarity),
        )
    for split in batch.splits:
        _save_split(db, run_id, split)
    touched = {x.story_id for x in batch.links} | {m.kept for m in batch.merges}
    touched |= {s.kept for s in batch.splits} | {s.created for s in batch.splits}
    db.executemany(
        "UPDATE stories SET first_date=(SELECT min(day) FROM links WHERE story_id=stories.id),"
        " last_date=(SELECT max(day) FROM links WHERE story_id=stories.id) WHERE id=?",
        [(story_id,) for story_id in sorted(touched)],
    )
    _save_events(db, run_id, batch.events)


def _save_events(db: Backend, run_id: int, events: list[Event]) -> None:
    """Upsert events and their mentions; absorbed events hand their mentions over and go.

    A merge is recorded once (the first run that made it), so re-saving an event adds nothing.
    """
    db.executemany(
        "INSERT INTO linked_events(id, event, sources, outlets, run_id) VALUES (?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET sources=excluded.sources, outlets=excluded.outlets",
        [(e.id, e.event, e.sources, json.dumps(e.outlets, ensure_ascii=False), run_id) for e in events],
    )
    db.executemany(
        "INSERT INTO event_mentions(mention_id, event_id, position) VALUES (?,?,?)"
        " ON CONFLICT(mention_id) DO UPDATE SET event_id=excluded.event_id, position=excluded.position",
        [(mention, e.id, i) for e in events for i, mention in enumerate(e.mentions)],
    )
    for event in events:
        for merge in event.merges:
            db.execute("UPDATE event_mentions SET event_id=? WHERE event_id=?", (merge.kept, merge.absorbed))
            db.execute("DELETE FROM linked_events WHERE id=?", (merge.absorbed,))
            db.execute(
                "INSERT INTO event_merges(run_id, kept, absorbed, score, reason) VALUES (?,?,?,?,?)"
                " ON CONFLICT DO NOTHING",
                (run_id, merge.kept, merge.absorbed, merge.score, merge.reason),
            )


def last_of_each(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """*rows* with one row per key (the first value): the last one, at its place."""
    kept: dict[Any, tuple[Any, ...]] = {}
    for row in rows:
        kept.pop(row[0], None)
        kept[row[0]] = row
    return list(kept.values())


def _events(rows: Iterable[Row]) -> list[Event]:
    """Events from rows of (id, event, sources, outlets, mention_id), grouped by event id."""
    events: dict[str, Event] = {}
    for r in rows:
        event = events.get(r["id"])
        if event is None:
            event = events[r["id"]] = Event(r["id"], r["event"], [], r["sources"], json.loads(r["outlets"]))
        if r["mention_id"] not in event.mentions:  # an event may come back in another chunk of ids
            event.mentions.append(r["mention_id"])
    return list(events.values())


def _page_query(
    backend: Backend, chosen: EventFilter, after: SortKey | None, limit: int
) -> tuple[str, list[Any]]:
    """The SQL of a page of events: the ordered conditions' rows merged, after the key *after*."""
    arms, args = [], []
    for condition, values in ordered_conditions(chosen, backend):
        if after is not None:
            condition, values = f"{condition} AND (e.sort_day, e.id) > (?, ?)", [*values, *after]
        arms.append(f"SELECT e.* FROM events e WHERE {condition}")
        args += values
    return f"{' UNION ALL '.join(arms)} ORDER BY sort_day, id LIMIT ?", [*args, limit]


def _hit(row: Row) -> SearchHit:
    return SearchHit(Article(**{c: row[c] for c in codec.ARTICLE_COLUMNS}), row["snip"])


def _link(row: Row) -> ArticleLink:
    return ArticleLink(**{**dict(row), "terms": json.loads(row["terms"])})


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
