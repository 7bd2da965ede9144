import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import app
from eventwire.model import (
    AcledCode,
    AnnotatedArticle,
    Annotations,
    Article,
    EventDate,
    EventMention,
    EventSize,
    Participant,
    Place,
    Span,
)
from eventwire.store import open_store


def eventwire(*args, db=None, stdin=None, cwd=None):
    """Run the real command line in a subprocess; returns (exit code, stdout, stderr)."""
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_DB"}
    done = subprocess.run(cmd, capture_output=True, text=True, input=stdin, cwd=cwd, env=env, timeout=300)
    return done.returncode, done.stdout, done.stderr


def test_ingest_export_and_rerun(tmp_path, corpus):
    db = tmp_path / "c.db"
    code, out, _ = eventwire("ingest", str(corpus), db=db)
    assert code == 0 and out.startswith("4 articles added")
    code, out, _ = eventwire("ingest", str(corpus), db=db)
    assert code == 0 and out.startswith("0 articles added")
    code, out, _ = eventwire("export", "articles", "--format", "jsonl", db=db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4
    for key in ("id", "source", "title", "published", "published_source", "published_precision",
                "outlet", "language", "text", "raw_text"):  # fmt: skip
        assert all(key in row for row in rows)
    code, _, _ = eventwire("export", "articles", "--format", "csv", "-o", str(tmp_path / "a.csv"), db=db)
    assert code == 0 and (tmp_path / "a.csv").read_text().startswith("id,source,title")


def test_rejects_set_the_exit_status_and_are_exported(tmp_path, bad_inputs):
    db = tmp_path / "b.db"
    code, out, err = eventwire("ingest", str(bad_inputs), db=db)
    assert code == 3
    assert "6 articles added" in out and "4 rejected" in out
    assert "photo.jpg: binary" in err and "Traceback" not in err
    code, out, _ = eventwire("export", "rejects", db=db)
    assert sorted(json.loads(line)["reason"] for line in out.splitlines()) == [
        "binary", "empty", "malformed", "oversized"]  # fmt: skip


def test_stdin_input(tmp_path):
    text = "date 2023-02-14 Soldiers from the Tver region recorded a video appeal about missing equipment."
    code, out, _ = eventwire("ingest", "-", db=tmp_path / "s.db", stdin=text)
    assert code == 0 and out.startswith("1 articles added")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/no/such/place"], "error: no input found: /no/such/place"),
        (["ingest", "x", "--field", "nonsense"], "error: bad field mapping 'nonsense'"),
        (["export", "articles", "--format", "xml"], "error: unknown export format 'xml'"),
        (["search", "AND OR"], "error: bad search query"),
        (["stats", "--db", "/no/such/dir/x.db"], "error: cannot create store"),
    ],
)
def test_user_errors_are_one_line_and_non_zero(tmp_path, args, message):
    code, _, err = eventwire(*args, cwd=tmp_path)
    assert code == 2
    assert err.strip().startswith(message) and len(err.strip().splitlines()) == 1


def test_stats_and_search(tmp_path, corpus):
    db = tmp_path / "s.db"
    eventwire("ingest", str(corpus), db=db)
    code, out, _ = eventwire("stats", db=db)
    assert code == 0 and "4 articles" in out and "clean" in out
    code, out, _ = eventwire("search", "deserters", db=db)
    assert code == 0 and "Eight deserters caught on the road to Kaliningrad" in out


def test_every_command_has_help_and_appears_in_the_readme():
    import typer.main

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
        assert command.help or command.short_help
    for name in names:
        assert f"eventwire {name}" in readme, f"README lacks an example of 'eventwire {name}'"
        code, out, _ = eventwire(*name.split(), "--help")
        assert code == 0 and "Usage" in out


def test_gazetteer_add_imports_a_geonames_dump_and_refuses_other_files(tmp_path):
    dump = tmp_path / "XX.txt"
    dump.write_text(
        "9990001\tZzyxville\tZzyxville\tZzyx Ville\t48.1\t37.2\tP\tPPL\tUA\t\t14\t\t\t\t120\t\t150\tEurope/Kyiv\t2024-01-01\n"
    )
    env_cmd = [
        "env",
        f"XDG_DATA_HOME={tmp_path}",
        sys.executable,
        "-c",
        "from eventwire.cli import main; main()",
    ]
    done = subprocess.run([*env_cmd, "gazetteer", "add", str(dump)], capture_output=True, text=True)
    assert done.returncode == 0 and "added 1 places" in done.stdout
    assert (tmp_path / "eventwire" / "gazetteer.sqlite").exists()
    junk = tmp_path / "notes.txt"
    junk.write_text("not a gazetteer\n")
    done = subprocess.run([*env_cmd, "gazetteer", "add", str(junk)], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.startswith("error:") and "no GeoNames rows" in done.stderr


def event_store(path: Path) -> Path:
    """A store with one article and one located, ACLED-coded event, built from records."""
    text = "Police detained twelve protesters in Kazan on Sunday, a rights group said."
    article = Article(id="k1", source="kazan.txt", fmt="text", title=None, text=text, raw_text=text,
                      published="2023-04-03", outlet="Volga Wire")  # fmt: skip
    event = EventMention(
        id="k1-e1", event="COERCE", trigger=Span(7, 15), sentence=Span(0, len(text)), mode=["arrest"],
        actor=[Participant(0, 6, "Police", "police", "RUS", "COP")],
        recipient=[Participant(16, 33, "twelve protesters", "protesters", None, "CVL")],
        location=Place(37, 42, "Kazan", "Kazan", 55.79, 49.12, 551487, "RU", "Tatarstan"),
        date=EventDate("2023-04-02", "day", "text", Span(43, 52)), size=[EventSize("arrested", 12, Span(16, 22))],
        acled=AcledCode("Strategic developments", "Arrests", "ARREST"),
    )  # fmt: skip
    store = open_store(path)
    store.save_batch(
        store.start_run("t"),
        [AnnotatedArticle(article, Annotations(events=[event]), ["clean", "events"])],
        [],
    )
    store.close()
    return path


@pytest.mark.parametrize(
    ("fmt", "first_line"),
    [
        ("jsonl", '{"id": "k1-e1", "event": "COERCE"'),
        ("plover", '{"id": "k1-e1", "date": "2023-04-02"'),
        ("csv", "id,event,mode,context,aux,actor_text,actor_name"),
        ("acled", "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1"),
        ("geojson", '{"type": "FeatureCollection", "features": ['),
    ],
)
def test_export_events_in_every_format(tmp_path, fmt, first_line):
    db = event_store(tmp_path / "e.db")
    code, out, _ = eventwire("export", "events", "--format", fmt, db=db)
    assert code == 0 and out.startswith(first_line)
    assert "Kazan" in out
    code, _, err = eventwire("export", "events", "-f", fmt, "-o", str(tmp_path / f"e.{fmt}"), db=db)
    assert code == 0 and err.startswith("wrote 1 events") and (tmp_path / f"e.{fmt}").read_text() == out


def test_export_events_refuses_a_format_of_another_kind(tmp_path):
    code, _, err = eventwire("export", "places", "--format", "geojson", db=tmp_path / "x.db")
    assert code == 2 and err.startswith(
        "error: unknown export format 'geojson' for places; choose one of jsonl, csv"
    )
