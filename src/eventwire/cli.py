"""The ``eventwire`` command: parse arguments, call library functions, print results."""

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import __version__
from eventwire.config import Settings
from eventwire.errors import UserError

app = typer.Typer(
    help="Turn news articles into evidence-linked, structured event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(
    help="Write stored data as JSON Lines, CSV, GeoJSON or Parquet.", no_args_is_help=True
)
eval_app = typer.Typer(
    help="Score eventwire on labelled data and write its predictions.", no_args_is_help=True
)
gazetteer_app = typer.Typer(help="Manage the place-name gazetteer.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(eval_app, name="eval")
app.add_typer(gazetteer_app, name="gazetteer")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_REJECTS = 3

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql:// URL (default ./eventwire.db, or $EVENTWIRE_DB).",
        show_default=False,
    ),
]
SEARCH_HELP = 'Full-text query: words, "phrases", OR (SQLite FTS5 syntax; web-search syntax on PostgreSQL).'
PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.")]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="Read every input as this format: text, jsonl, csv, html, warc, feed, parquet."
    ),
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field", help="JSONL/CSV column for a field, NAME=COLUMN (NAME: title, text, url, date, outlet)."
    ),
]


def _settings(db: str | None) -> Settings:
    settings = Settings.load()
    return settings.updated({"db": db}) if db else settings


@contextmanager
def _store(db: str | None):  # type: ignore[no-untyped-def]
    from eventwire.store import open_store

    store = open_store(_settings(db).db)
    try:
        yield store
    finally:
        store.close()


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"eventwire {__version__}")
        raise typer.Exit()


def _run_pipeline(paths: list[str], db: str | None, stages: tuple[str, ...], fmt: str | None,
                  fields: list[str] | None, command: str, engine=None) -> int:  # type: ignore[no-untyped-def]  # fmt: skip
    from eventwire.ingest import FORMATS, IngestOptions
    from eventwire.ingest.tabular import FieldMap
    from eventwire.pipeline import Pipeline
    from eventwire.resources import Resources

    if fmt and fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    settings = _settings(db)
    options = IngestOptions(FieldMap.parse(fields or []), fmt, settings.max_document_bytes)
    with _store(db) as store, _progress() as progress:
        pipeline = Pipeline(store, Resources(settings), stages, options)
        report = pipeline.run(paths, command, progress, engine)
    _print_report(report)
    return EXIT_REJECTS if report.rejects else 0


@contextmanager
def _progress():  # type: ignore[no-untyped-def]
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def update(report) -> None:  # type: ignore[no-untyped-def]
            added = report.counts["added"] + report.counts["updated"]
            bar.update(task, total=report.files_total, completed=report.counts["files"],
                       description=f"files ({added} articles processed)")  # fmt: skip

        yield update


def _print_report(report) -> None:  # type: ignore[no-untyped-def]
    c = report.counts
    out.print(
        f"{c['added']} articles added, {c['updated']} updated, {c['unchanged']} already stored, "
        f"{c['duplicates']} duplicates in input, {len(report.rejects)} rejected "
        f"({c['files']} files, {c['records']} records)"
    )
    for reject in report.rejects:
        err.print(f"rejected {reject.source}: {reject.reason}: {reject.detail}", markup=False)


@app.command()
def ingest(paths: PathsArg, db: DbOption = None, fmt: FormatOption = None, field: FieldOption = None) -> None:
    """Read inputs, clean them into articles and store them (no annotation).

    Formats: plain-text dumps, JSONL, CSV, HTML, WARC, RSS/Atom; detected from the file name
    or content. Exit status 3 when some inputs were rejected (see `eventwire export rejects`).
    """
    code = _run_pipeline(paths, db, ("clean",), fmt, field, "ingest " + " ".join(paths))
    raise typer.Exit(code)


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = None,
    fmt: FormatOption = None,
    field: FieldOption = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: all).")] = None,
    engine: Annotated[str, typer.Option(help="Where the per-article work runs: local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster of --workers).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local Dask cluster.")] = 2,
    partition_records: Annotated[
        int | None,
        typer.Option(min=1, help="Records per Dask partition of a file (default: the setting, 500)."),
    ] = None,
) -> None:
    """Run the whole pipeline: ingest, clean, entities, times, places, quotes, events, link.

    Articles already stored with every stage are skipped, so a re-run resumes where an
    interrupted one stopped. With --engine dask the per-article work runs on a Dask cluster
    and the store and linking stay in this process. Exit status 3 when some inputs were rejected.
    """
    if engine not in ("local", "dask"):
        raise UserError(f"unknown engine {engine!r}; choose local or dask")
    chosen = tuple(stages.split(",")) if stages else _settings(db).stages
    runner = None
    if engine == "dask":
        from eventwire.scale import DaskEngine

        runner = DaskEngine(scheduler, workers, partition_records or _settings(db).partition_records)
    code = _run_pipeline(paths, db, chosen, fmt, field, "run " + " ".join(paths), runner)
    raise typer.Exit(code)


def _export_command(kind: str, summary: str) -> None:
    from eventwire.export.registry import EXPORTS

    *others, last = EXPORTS[kind]
    formats = f"{', '.join(others)} or {last}."

    def command(
        db: DbOption = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=formats)] = "jsonl",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
        ] = None,
    ) -> None:
        from eventwire.export.registry import get_format

        chosen = get_format(kind, fmt)
        with _store(db) as store:
            rows = chosen.rows(store)
            if output is None:
                chosen.write(rows, sys.stdout)
                return
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = chosen.write(rows, fh)
        err.print(f"wrote {n} {kind} to {output}")

    command.__doc__ = summary
    export_app.command(name=kind)(command)


for _kind, _summary in {
    "articles": "Articles: id, source, title, published (+source, precision), outlet, language, text.",
    "rejects": "Inputs that were refused, with the run, the source and the reason.",
    "entities": "Entity mentions: article_id, start, end, text, name, kind, country, sector.",
    "times": "Time expressions: article_id, start, end, text, type, value, precision.",
    "places": "Places: article_id, start, end, text, name, lat, lon, geonameid, country, admin1, ...",
    "quotes": "Quotes: article_id, speaker {text, name}, cue, content, certainty, direct, chain.",
    "stories": "Stories of two or more independent articles: id, title, article_ids, event_ids,"
    " first_date, last_date.",
    "events": "Events: who did what to whom, where, when, by whose account, with the words of each field."
    " Formats: jsonl (our record), plover (PLOVER JSON lines), csv (flat jsonl), acled (ACLED-shaped"
    " CSV of the events with an ACLED code), geojson (FeatureCollection of the located events).",
}.items():
    _export_command(_kind, _summary)


@export_app.command("tables")
def export_tables(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the .parquet files to.")],
    db: DbOption = None,
) -> None:
    """Every stored table as a Parquet file (<table>.parquet), for data-lake tools.

    Load them into a new store with `eventwire import FOLDER`.
    """
    from eventwire.export.tables import write_tables

    with _store(db) as store:
        written = write_tables(store, output)
    err.print(f"wrote {len(written)} tables ({sum(written.values())} rows) to {output}")


@app.command("import")
def import_tables(
    folder: Annotated[Path, typer.Argument(help="Folder of <table>.parquet files.")], db: DbOption = None
) -> None:
    """Load the tables written by `eventwire export tables` into a new, empty store."""
    from eventwire.export.tables import read_tables

    with _store(db) as store:
        loaded = read_tables(store, folder)
    err.print(f"loaded {len(loaded)} tables ({sum(loaded.values())} rows) from {folder}")


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts in the store, and the last run: its counts, rejects and time per stage."""
    with _store(db) as store:
        counts = store.counts()
        last = store.last_run()
    out.print("Stored: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if last is None:
        out.print("No run yet.")
        return
    out.print(f"Last run #{last.id} ({last.status}, {last.started_at}): {last.command}")
    out.print("  " + ", ".join(f"{n} {name}" for name, n in last.counts.items()))
    table = Table("stage", "seconds", "items", "items/s")
    for stage, timing in last.timings.items():
        rate = f"{timing.items / timing.seconds:.1f}" if timing.seconds > 0 else "-"
        table.add_row(stage, f"{timing.seconds:.3f}", str(timing.items), rate)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help=SEARCH_HELP)],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
) -> None:
    """Search stored articles by title and text; prints id, date, title and a snippet."""
    with _store(db) as store:
        hits = store.search(query, limit)
    for hit in hits:
        a = hit.article
        out.print(f"{a.id}  {a.published or '----------'}  {a.title or '(no title)'}", markup=False)
        out.print(f"    {hit.snippet}", markup=False)
    if not hits:
        out.print("no match")


@app.command()
def demo(db: DbOption = None) -> None:
    """Run the pipeline on the bundled sample articles and show what came out."""
    from eventwire.demo import sample_paths, summary

    code = _run_pipeline(sample_paths(), db, _settings(db).stages, None, None, "demo")
    with _store(db) as store:
        out.print(summary(store, _settings(db).db), markup=False)
    raise typer.Exit(code)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (/api/..., described at /openapi.json) and the dashboard (/) over the store."""
    import uvicorn

    from eventwire.api import create_app

    settings = _settings(db)
    create_app(settings.db, settings)  # fail early, with one line, on a bad store
    os.environ["EVENTWIRE_DB"] = settings.db  # the workers build the app from the settings
    err.print(f"serving {settings.db} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run("eventwire.api.app:from_settings", factory=True, host=host, port=port, workers=workers,
                log_level="warning")  # fmt: skip


@app.command()
def report(
    story: Annotated[str, typer.Option("--story", help="Story id (see `eventwire export stories`).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    db: DbOption = None,
) -> None:
    """Write a story's situation report: one self-contained HTML page with its timeline, map,
    events, claims and sources."""
    from eventwire.web.report import render

    with _store(db) as store:
        page = render(store, story)
    output.write_text(page, encoding="utf-8")
    err.print(f"wrote the report of {story} to {output}", markup=False)


def _eval_command(task: str, summary: str, arg_help: str) -> None:
    def command(
        path: Annotated[Path, typer.Argument(help=arg_help)],
        predictions: Annotated[
            Path, typer.Option("--predictions", help="Where to write predictions (JSONL).")
        ],
    ) -> None:
        import importlib

        from eventwire.resources import Resources

        if not path.exists():
            raise UserError(f"no such file or directory: {path}")
        module = importlib.import_module(f"eventwire.eval.{task}")
        with err.status(f"eval {task}: {path}"):
            metrics = module.evaluate(path, predictions, Resources())
        for name, value in metrics.items():
            out.print(f"{name}: {value}")

    command.__doc__ = summary
    eval_app.command(name=task)(command)


for _task, _summary, _arg in (
    ("extraction", "Extract the body of every *.html / *.html.gz page in DIR as the HTML ingest does.",
     "Folder of HTML pages."),
    ("time", "Tag time expressions in {id, dct, text} records; score TempEval-3 style.", "JSONL file."),
    ("geo", "Resolve given toponyms and geoparse {id, text, toponyms} records; Acc@161 and F1.",
     "JSONL file."),
    ("quotes", "Find attributions (source, cue, content) in {id, text} records; span F1.", "JSONL file."),
    ("cluster", "Group {id, title, text} records into stories; B-cubed P/R/F1, V-measure, ARI.",
     "JSONL file."),
    ("similarity", "Score {pair_id, title1, text1, title2, text2} pairs 1 (same event)..4; Pearson.",
     "JSONL file."),
):  # fmt: skip
    _eval_command(_task, _summary, _arg)


@eval_app.command("events")
def eval_events(
    path: Annotated[Path, typer.Argument(help="JSONL file of {id, text} records.")],
    predictions: Annotated[Path, typer.Option("--predictions", help="Where to write predictions (JSONL).")],
    scheme: Annotated[str, typer.Option("--scheme", help="plover (event type) or acled (code).")] = "plover",
) -> None:
    """Label each {id, text} record's main event: PLOVER type or ACLED code; accuracy, weighted F1."""
    from eventwire.eval.events import evaluate
    from eventwire.events.classify import SCHEMES
    from eventwire.resources import Resources

    if not path.exists():
        raise UserError(f"no such file or directory: {path}")
    if scheme not in SCHEMES:
        raise UserError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    with err.status(f"eval events: {path}"):
        result = evaluate(path, predictions, Resources(), scheme)
    per_label = result.pop("per_label", {})
    for name, value in result.items():
        out.print(f"{name}: {value}")
    if per_label:
        table = Table("label", "precision", "recall", "f1", "support")
        for label, prf in sorted(per_label.items()):
            scores = (f"{v:.3f}" for v in (prf.precision, prf.recall, prf.f1))
            table.add_row(label, *scores, f"{prf.tp + prf.fn:.0f}")
        out.print(table)


@gazetteer_app.command("add")
def gazetteer_add(
    file: Annotated[
        Path, typer.Argument(help="A GeoNames dump: allCountries, cities*, XX.txt, or a postal table.")
    ],
) -> None:
    """Import a GeoNames dump into your user gazetteer, consulted beside the bundled one."""
    from eventwire.resources import Resources

    if not file.is_file():
        raise UserError(f"no such file: {file}")
    with err.status(f"importing {file}"):
        n = Resources().gazetteer.add_dump(file)
    if n == 0:
        raise UserError(f"{file} holds no GeoNames rows (19-column geoname or 12-column postal lines)")
    out.print(f"added {n} places from {file}")


def main() -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit."""
    command = typer.main.get_command(app)
    try:
        code = command.main(prog_name="eventwire", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        err.print("interrupted: finished batches are stored; run the same command again to resume")
        sys.exit(130)
    except UserError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(2)
    except Exception as exc:
        if os.environ.get("EVENTWIRE_DEBUG"):
            raise
        err.print(f"error: {type(exc).__name__}: {exc} (set EVENTWIRE_DEBUG=1 for details)", markup=False)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
