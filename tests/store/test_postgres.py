"""PostgreSQL against SQLite: the same command-line output, tables that move between them, and
concurrent writers. Collected only when $EVENTWIRE_TEST_POSTGRES names a server (conftest.py)."""

from __future__ import annotations

import io
import multiprocessing

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export.registry import get_format
from eventwire.export.tables import read_tables, write_tables
from eventwire.model import AnnotatedArticle, Annotations, Article, EventMention, Span
from eventwire.store import open_store

ARTICLES = {
    "quarry.txt": (
        "Miners blockade quarry road in Vorkuta\n\n"
        "VORKUTA, 12 March 2024 - Around forty miners blocked the road to the Severnaya quarry on"
        " Tuesday to protest against unpaid wages, a union spokesman said. Police detained two of"
        " the protesters later in the day, the regional interior ministry said in a statement."
    ),
    "ferry.txt": (
        "Ferry crew strike halts crossings to Sakhalin\n\n"
        "KHOLMSK, 14 March 2024 - Crew members of the Vanino ferry went on strike on Thursday,"
        " demanding the back pay owed since January, the port authority said. Officials in"
        " Kholmsk promised to pay the wages by the end of the month."
    ),
}


def cli(*args: str) -> str:
    done = CliRunner().invoke(app, list(args))
    assert done.exit_code == 0, done.output
    return done.output


def test_run_export_and_search_print_the_same_on_both_backends(tmp_path, pg_url):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    printed = {}
    for db in (str(tmp_path / "s.db"), pg_url):
        cli("run", str(folder), "--db", db)
        printed[db] = (
            cli("export", "events", "--db", db),
            cli("export", "articles", "--db", db),
            cli("search", "wages", "--db", db).splitlines(),
        )
    (events, articles, search), (pg_events, pg_articles, pg_search) = printed.values()
    assert '"id"' in events and events == pg_events and articles == pg_articles
    # Hits, their order and titles are the same; the snippets are each engine's (FTS5, ts_headline).
    assert search[::2] == pg_search[::2] and len(search) == 4
    assert all("[wages]" in line for line in search[1::2] + pg_search[1::2])


def _export(store, kind: str) -> str:
    chosen, out = get_format(kind, "jsonl"), io.StringIO()
    chosen.write(chosen.rows(store), out)
    return out.getvalue()


TEXT = "Volunteers in Kursk delivered tents to a border village on Monday, the governor said."


def batch(ids: list[str]) -> list[AnnotatedArticle]:
    articles = []
    for doc_id in ids:
        article = Article(id=doc_id, source=f"{doc_id}.txt", fmt="text", title=f"Tents {doc_id}", text=TEXT,
                          raw_text=TEXT, published="2024-03-11")  # fmt: skip
        event = EventMention(id=f"{doc_id}-e", event="AID", trigger=Span(20, 29), sentence=Span(0, len(TEXT)))
        articles.append(AnnotatedArticle(article, Annotations(events=[event]), ["clean", "events"]))
    return articles


@pytest.mark.parametrize("direction", ["postgres to sqlite", "sqlite to postgres"])
def test_parquet_tables_move_between_the_backends(tmp_path, pg_url, direction):
    sqlite_path = str(tmp_path / "s.db")
    source, target = (pg_url, sqlite_path) if direction.startswith("postgres") else (sqlite_path, pg_url)
    store = open_store(source)
    for i in range(2):
        store.save_batch(store.start_run(f"run {i}"), batch([f"a{i}", f"b{i}"]), [])
    written = write_tables(store, tmp_path / "tables")
    copy = open_store(target)
    assert read_tables(copy, tmp_path / "tables") == written and written["runs"] == 2
    for kind in ("articles", "events"):
        assert _export(copy, kind) == _export(store, kind)
    assert [h.article.id for h in copy.search("tents")] == [h.article.id for h in store.search("tents")]
    assert copy.start_run("after the import") == 3  # the ids go on after the imported ones
    store.close()
    copy.close()


def _write(url: str, worker: int) -> None:
    """Open the store (migrating it if no one has yet) and save batches, some shared with the other writer."""
    store = open_store(url)
    for n in range(6):
        ids = [f"w{worker}-{n}-{i}" for i in range(5)] + [f"shared-{n}"]
        store.save_batch(store.start_run(f"writer {worker}"), batch(ids), [])
    store.close()


def test_two_processes_write_into_one_new_database_at_once(pg_url):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write, args=(pg_url, w)) for w in (1, 2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [w.exitcode for w in writers] == [0, 0]
    store = open_store(pg_url)
    ids = [a.id for a in store.articles()]
    assert len(ids) == len(set(ids)) == 2 * 6 * 5 + 6
    assert store.counts()["events"] == len(ids) and store.counts()["runs"] == 12
    store.close()
