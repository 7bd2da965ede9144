"""The database under the store: one small object per engine (SQLite, PostgreSQL).

A backend connects, runs the store's SQL (written with ``?`` placeholders) in writer
transactions, keeps the schema version, lists the data tables, and holds the few SQL snippets
that differ between the engines (full-text search, JSON, query plans). Everything else, the
store's logic and SQL, is shared (``sql.py``).
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from eventwire.errors import UserError
from eventwire.store.base import TableInfo

Args = Sequence[Any]
# The advisory lock every PostgreSQL writer holds for its transaction ("eventwir" in ASCII).
WRITER_LOCK = 0x6576656E74776972
_CURSORS = itertools.count()  # names of server-side cursors
_SNIPPET_WORDS = 12


class SQLiteBackend:
    """A SQLite file (stdlib sqlite3, WAL); writers take the database lock (``BEGIN IMMEDIATE``)."""

    name = "sqlite"
    IntegrityError: ClassVar[type[Exception]] = sqlite3.IntegrityError
    # Errors of a malformed full-text query (FTS5 syntax), the user's to fix.
    search_errors: ClassVar[tuple[type[Exception], ...]] = (sqlite3.OperationalError,)
    # Full-text search over articles: the source (holding the query's one ``?``), the match
    # condition, the highlighted snippet of the text and the best-first order.
    article_source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
    article_match = "articles_fts MATCH ?"
    snippet = f"snippet(articles_fts, 1, '[', ']', '…', {_SNIPPET_WORDS})"
    rank = "rank, a.rowid"  # BM25, ties in insertion order
    # Events whose evidence sentence matches a full-text query.
    event_match = "e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    def __init__(self, path: str) -> None:
        self.location = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise UserError(f"cannot open store {path}: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def execute(self, sql: str, args: Args = ()) -> None:
        self.db.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Args]) -> None:
        self.db.executemany(sql, rows)

    def query(self, sql: str, args: Args = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, args).fetchall()

    def stream(self, sql: str, args: Args = (), size: int = 1000) -> Iterator[list[sqlite3.Row]]:
        """The rows of a read query, *size* at a time, without holding them all."""
        cursor = self.db.execute(sql, args)
        while rows := cursor.fetchmany(size):
            yield rows

    def run_script(self, script: str) -> None:
        """Run a migration script statement by statement (in the caller's transaction)."""
        for statement in _statements(script):
            self.db.execute(statement)

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def set_version(self, number: int) -> None:
        self.db.execute(f"PRAGMA user_version={int(number)}")

    def tables(self) -> list[TableInfo]:
        """Every data table with its stored columns, parents first (derived indexes left out)."""
        names = [
            r["name"]
            for r in self.query(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%fts%' ORDER BY rowid"
            )
        ]
        return [TableInfo(name, self._columns(name)) for name in names]

    def _columns(self, table: str) -> list[tuple[str, str]]:
        """``(name, declared type)`` of the columns of *table* that hold data (not generated ones)."""
        return [
            (r["name"], r["type"].upper())
            for r in self.query(f"PRAGMA table_xinfo({table})")
            if r["hidden"] == 0
        ]

    def after_load(self, tables: list[TableInfo]) -> None:
        """Nothing to do: SQLite's next ids follow the largest stored."""

    def json_text(self, column: str, key: str) -> str:
        """SQL of the text value of *key* in the JSON object of *column*."""
        return f"json_extract({column}, '$.{key}')"

    def name_in(self, column: str) -> str:
        """SQL condition: an item of the JSON list *column* has a name holding ``?`` (any case)."""
        return (
            f"EXISTS (SELECT 1 FROM json_each({column})"
            " WHERE instr(lower(json_extract(value, '$.name')), lower(?)))"
        )

    def plan(self, sql: str, args: Args) -> list[str]:
        """How the database runs *sql* (``EXPLAIN QUERY PLAN`` lines)."""
        return [r["detail"] for r in self.query(f"EXPLAIN QUERY PLAN {sql}", args)]

    def close(self) -> None:
        self.db.close()


class PostgresBackend:
    """A PostgreSQL database (psycopg 3); writers serialise on an advisory lock, as on SQLite."""

    name = "postgres"
    search_errors: ClassVar[tuple[type[Exception], ...]] = ()  # websearch_to_tsquery never fails
    article_source = "articles a CROSS JOIN websearch_to_tsquery('simple', ?) AS q"
    article_match = "a.fts @@ q"
    snippet = (
        "ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxFragments=1,"
        f" MaxWords={_SNIPPET_WORDS}, MinWords=4, FragmentDelimiter=…')"
    )
    rank = "ts_rank(a.fts, q, 1) DESC, a.rowid"  # rank / (1 + log(length)), ties in insertion order
    event_match = "e.sentence_fts @@ websearch_to_tsquery('simple', ?)"

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.location = _hide_password(dsn)
        self.IntegrityError = psycopg.IntegrityError
        try:
            self.db = psycopg.connect(dsn, autocommit=True, row_factory=_row_factory, connect_timeout=10)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())
            raise UserError(f"cannot open store {self.location}: {reason}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield

    def execute(self, sql: str, args: Args = ()) -> None:
        self.db.execute(_placeholders(sql), _values(args))

    def executemany(self, sql: str, rows: Sequence[Args]) -> None:
        if rows:
            with self.db.cursor() as cursor:
                cursor.executemany(_placeholders(sql), [_values(r) for r in rows])

    def query(self, sql: str, args: Args = ()) -> list[Any]:
        return self.db.execute(_placeholders(sql), _values(args)).fetchall()

    def stream(self, sql: str, args: Args = (), size: int = 1000) -> Iterator[list[Any]]:
        """The rows of a read query, *size* at a time, from a server-side cursor."""
        with self.db.cursor(name=f"stream{next(_CURSORS)}", withhold=True) as cursor:
            cursor.execute(_placeholders(sql), _values(args))
            while rows := cursor.fetchmany(size):
                yield rows

    def run_script(self, script: str) -> None:
        self.db.execute(script)  # no parameters: several statements at once

    @property
    def version(self) -> int:
        [[table]] = self.db.execute("SELECT to_regclass('eventwire_schema')").fetchall()
        if table is None:
            return 0
        [[version]] = self.db.execute("SELECT max(version) FROM eventwire_schema").fetchall()
        return int(version or 0)

    def set_version(self, number: int) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS eventwire_schema (version BIGINT NOT NULL)")
        self.db.execute("DELETE FROM eventwire_schema")
        self.db.execute("INSERT INTO eventwire_schema(version) VALUES (%s)", (number,))

    def tables(self) -> list[TableInfo]:
        """Every data table (in creation order) with its data columns, typed as SQLite declares
        them: the ``rowid``, generated and search-vector columns left out."""
        rows = self.query(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
            " JOIN pg_class k ON k.oid = to_regclass(quote_ident(c.table_name))"
            " WHERE c.table_schema = current_schema() AND c.table_name <> 'eventwire_schema'"
            " AND c.column_name <> 'rowid' AND c.is_generated = 'NEVER' AND c.data_type <> 'tsvector'"
            " ORDER BY k.oid, c.ordinal_position"
        )
        tables: dict[str, list[tuple[str, str]]] = {}
        for table, column, kind in rows:
            tables.setdefault(table, []).append((column, _SQLITE_TYPES[kind]))
        return [TableInfo(name, columns) for name, columns in tables.items()]

    def after_load(self, tables: list[TableInfo]) -> None:
        """Move each id sequence past the ids loaded, so that the next inserts do not collide."""
        for table in tables:
            if "id" in {name for name, _ in table.columns} and self._is_identity(table.name):
                self.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f" coalesce(max(id), 0) + 1, false) FROM {table.name}"
                )

    def _is_identity(self, table: str) -> bool:
        rows = self.query(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? AND column_name = 'id' AND is_identity = 'YES'",
            (table,),
        )
        return bool(rows)

    def json_text(self, column: str, key: str) -> str:
        return f"(({column})::jsonb ->> '{key}') COLLATE \"C\""

    def name_in(self, column: str) -> str:
        return (
            f"EXISTS (SELECT 1 FROM jsonb_array_elements(({column})::jsonb) AS item"
            " WHERE strpos(lower(item ->> 'name'), lower(?)) > 0)"
        )

    def plan(self, sql: str, args: Args) -> list[str]:
        """How the database runs *sql* (``EXPLAIN`` lines)."""
        return [r[0] for r in self.query(f"EXPLAIN {sql}", args)]

    def close(self) -> None:
        self.db.close()


Backend = SQLiteBackend | PostgresBackend

# PostgreSQL column types as the portable schema declares them (schema.py).
_SQLITE_TYPES = {"bigint": "INTEGER", "double precision": "REAL", "text": "TEXT", "bytea": "BLOB"}


class Row(tuple):  # type: ignore[type-arg]
    """A result row as sqlite3.Row gives it: by position, by column name, and ``keys()``."""

    columns: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.columns[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.columns)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = [column.name for column in cursor.description or ()]
    return type("Row", (Row,), {"columns": {name: i for i, name in enumerate(names)}})


def _placeholders(sql: str) -> str:
    """The store's ``?`` placeholders as psycopg's ``%s`` (literal ``%`` escaped)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _values(args: Args) -> list[Any]:
    """Parameters as PostgreSQL takes them: booleans are the schema's 0/1 integers."""
    return [int(v) if isinstance(v, bool) else v for v in args]


def _hide_password(dsn: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", dsn)


def _statements(script: str) -> list[str]:
    """Split a SQLite script into statements (triggers keep their inner semicolons)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def connect(location: str) -> Backend:
    """The backend of a store location: a ``postgres://``/``postgresql://`` URL, else a SQLite file."""
    if not location.startswith(("postgres://", "postgresql://")):
        return SQLiteBackend(location)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise UserError("PostgreSQL stores need psycopg: pip install 'eventwire[postgres]'") from None
    return PostgresBackend(location)
