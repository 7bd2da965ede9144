"""A steady-volume copy of a kept store and its corpus: each block of files moves by whole years.

    python bench/redate.py STORE CORPUS OUT [--files-per-year 100]

``bench/scale.py`` draws every publication date in 2023, so a larger corpus packs more articles
into each day and the link stage's time window holds more of them. A backfill of several years
has about the same volume per day instead. This copies a store made by ``bench/scale.py --keep``
(through ``export tables`` and ``import``, the product's own Parquet round trip) and its corpus,
moving every date of the articles of files ``k * F .. (k + 1) * F - 1`` forward by *k* years:
the publication date, the dates of the event mentions and the time expressions (a 29 February
that lands in a common year becomes the 28th). The events themselves are unchanged, so linking
the copy (``bench/link.py OUT/store.db OUT/corpus``) costs what a backfill of that volume would.
Not a test.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.export.tables import read_tables, write_tables
from eventwire.store import open_store

_YEAR = re.compile(r"^(\d{4})(.*)$", re.DOTALL)
_FILE = re.compile(r"part-(\d+)\.jsonl")


def shift(value: str | None, years: int) -> str | None:
    """*value* with its leading year moved by *years* (values not starting with a year as given)."""
    match = _YEAR.match(value or "")
    if not match or not years:
        return value
    year = int(match.group(1)) + years
    rest = match.group(2)
    if rest.startswith("-02-29") and not calendar.isleap(year):
        rest = "-02-28" + rest[6:]
    return f"{year}{rest}"


def shift_date(value: str | None, years: int) -> str | None:
    """An event mention's date (JSON with a ``value``) moved by *years*."""
    if not value:
        return value
    date = json.loads(value)
    date["value"] = shift(date.get("value"), years)
    return json.dumps(date)


# The columns moved in each table: (column, how), the article found by the column ``article_id``.
MOVES: dict[str, list[tuple[str, Callable[[str | None, int], str | None]]]] = {
    "articles": [("published", shift)],
    "events": [("date", shift_date), ("date_start", shift), ("date_end", shift)],
    "times": [("value", shift)],
}


def offsets(lake: Path, per_year: int) -> dict[str, int]:
    """The years each article moves by: its file's number // *per_year*."""
    table = pq.read_table(lake / "articles.parquet", columns=["id", "source"])
    found = (_FILE.search(source) for source in table.column("source").to_pylist())
    years = [int(m.group(1)) // per_year if m else 0 for m in found]
    return dict(zip(table.column("id").to_pylist(), years, strict=True))


def move_table(path: Path, years: dict[str, int]) -> None:
    """Rewrite the Parquet table *path* with its dated columns moved, keeping its metadata."""
    table = pq.read_table(path)
    keys = table.column("id" if path.stem == "articles" else "article_id").to_pylist()
    for name, how in MOVES[path.stem]:
        values = [how(v, years.get(k, 0)) for k, v in zip(keys, table.column(name).to_pylist(), strict=True)]
        index = table.schema.get_field_index(name)
        table = table.set_column(index, table.schema.field(index), pa.array(values, pa.string()))
    pq.write_table(table, path)


def move_corpus(corpus: Path, out: Path, per_year: int) -> int:
    """Copy the corpus's JSONL files into *out* with each record's ``date`` moved; files copied."""
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(corpus.glob("part-*.jsonl"))
    for path in files:
        years = int(_FILE.search(path.name).group(1)) // per_year  # type: ignore[union-attr]
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        for record in records:
            record["date"] = shift(record.get("date"), years)
        (out / path.name).write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store kept by bench/scale.py")
    parser.add_argument("corpus", type=Path, help="the folder of JSONL files it was made from")
    parser.add_argument("out", type=Path, help="new folder: store.db and corpus/ are written there")
    parser.add_argument("--files-per-year", type=int, default=100)
    args = parser.parse_args()
    args.out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="eventwire-redate-") as work:
        lake = Path(work)
        source = open_store(args.store)
        try:
            write_tables(source, lake)
        finally:
            source.close()
        years = offsets(lake, args.files_per_year)
        for name in MOVES:
            move_table(lake / f"{name}.parquet", years)
        target = open_store(args.out / "store.db")
        try:
            rows = read_tables(target, lake)
        finally:
            target.close()
    files = move_corpus(args.corpus, args.out / "corpus", args.files_per_year)
    print(f"{rows.get('articles', 0)} articles over {max(years.values()) + 1} years, {files} files")


if __name__ == "__main__":
    main()
