"""The embedded gazetteer: an indexed SQLite file of places and their names.

The shipped file (``data/gazetteer/gazetteer.sqlite.xz``, built by ``tools/build_gazetteer.py``
and unpacked once into the user's cache directory) holds GeoNames cities500, countries,
first-level divisions, US counties, continents and Ukraine's postal localities. A user file,
filled by :meth:`Gazetteer.add_dump` from any GeoNames dump, is consulted beside it.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import os
import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire import datafiles
from eventwire.annotate.places.transliteration import (
    has_cyrillic,
    russian,
    skeleton,
    ukrainian,
)

SHIPPED = datafiles.path("gazetteer", "gazetteer.sqlite.xz")

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    admin1_code TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    fclass TEXT NOT NULL DEFAULT '',
    fcode TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alias (
    key TEXT NOT NULL, place INTEGER NOT NULL, form TEXT NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skeleton (
    key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS country (code TEXT PRIMARY KEY, neighbours TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS admin1 (
    country TEXT NOT NULL, code TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (country, code)
) WITHOUT ROWID;
"""

# Countries whose names reach English text through Cyrillic romanisations.
SKELETON_COUNTRIES = frozenset({"UA", "RU", "BY"})
# GeoNames feature code → kind of place (precision follows from the kind).
_KINDS = {"PCLI": "country", "PCLD": "country", "PCLIX": "country", "PCLS": "country",
          "PCLF": "country", "ADM1": "admin1", "ADM2": "admin2", "CONT": "continent"}  # fmt: skip
_PUNCT = re.compile(r"[.'’`ʼ\"]")
_SEPARATORS = re.compile(r"[\s\-–—/,_()]+")
_MIN_SKELETON = 4


def fold(name: str) -> str:
    """Lookup key of a name: no accents, lower case, no dots or apostrophes, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _PUNCT.sub("", text.replace("&", " and "))
    return _SEPARATORS.sub(" ", text).strip()


def is_latin(name: str) -> bool:
    """Whether every letter of *name* is Latin (names English text can contain)."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name) and any(
        c.isalpha() for c in name
    )


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    source: int  # which gazetteer file: 0 shipped, 1 user
    id: int  # row id inside that file
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2, "" for continents and macro-regions
    admin1: str | None  # name of the first-level division
    admin1_id: int | None  # shipped row id of that division
    admin2: str | None
    fclass: str  # GeoNames feature class
    kind: str  # continent, region, country, admin1, admin2, city, other
    population: int
    form: str  # how the name matched: name, alias, abbr, demonym, translit, short, code,
    # or skeleton (a romanisation variant)

    @property
    def precision(self) -> str:
        """settlement, district, region or country (the coarsest for continents)."""
        return {
            "continent": "country", "region": "country", "country": "country",
            "admin1": "region", "admin2": "district",
        }.get(self.kind, "settlement")  # fmt: skip


class Gazetteer:
    """Read access to the shipped gazetteer and the user's, and imports into the user's."""

    def __init__(self, shipped: Path, user: Path | None = None) -> None:
        """*shipped*: an unpacked SQLite gazetteer (see :meth:`open`); *user*: the user's file,
        which need not exist yet."""
        self.user_path = user
        self._dbs = [_connect_ro(shipped)]
        if user is not None and user.exists():
            self._dbs.append(_connect_ro(user))
        rows = self._dbs[0].execute(
            "SELECT a.country, a.code, p.id, p.name FROM admin1 a JOIN place p ON p.id = a.place"
        )
        self._admin1 = {(cc, code): (pid, name) for cc, code, pid, name in rows}
        self.neighbours = {
            code: frozenset(filter(None, listed.split(",")))
            for code, listed in self._dbs[0].execute("SELECT code, neighbours FROM country")
        }
        self._cache: dict[str, list[Candidate]] = {}

    @classmethod
    def open(
        cls,
        shipped: Path | None = None,
        user: Path | str | None = None,
        cache_dir: Path | None = None,
    ) -> Gazetteer:
        """Open the shipped gazetteer (default: inside the package; an ``.xz`` file is unpacked
        once into *cache_dir*, default ``$XDG_CACHE_HOME/eventwire``) and an optional user file."""
        path = unpacked(shipped or SHIPPED, cache_dir or default_cache_dir())
        return cls(path, Path(user).expanduser() if user else None)

    def lookup(self, name: str) -> list[Candidate]:
        """Every place *name* may refer to, most populous first; [] when none is known."""
        key = fold(name)
        if key not in self._cache:
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = self._query(key, name)
        return self._cache[key]

    def get(self, place_id: int, source: int = 0) -> Candidate | None:
        """The entry with row id *place_id* in gazetteer file *source*."""
        row = self._dbs[source].execute(f"{_SELECT} WHERE p.id = ?", (place_id,)).fetchone()
        return self._candidate(source, row, "name") if row else None

    def admin1_of(self, candidate: Candidate) -> Candidate | None:
        """The first-level division that contains *candidate* (itself for a division)."""
        return self.get(candidate.admin1_id) if candidate.admin1_id is not None else None

    def add_dump(self, path: Path) -> int:
        """Import a GeoNames dump (geoname or postal format, .txt or .zip) into the user file.

        Returns the number of places added; later lookups consult them.
        """
        if self.user_path is None:
            raise ValueError("no user gazetteer path configured")
        self.user_path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(self.user_path) as db:
            db.executescript(SCHEMA)
            added = _import_rows(db, _read_dump(Path(path)))
        if len(self._dbs) > 1:
            self._dbs[1].close()
            self._dbs = self._dbs[:1]
        self._dbs.append(_connect_ro(self.user_path, immutable=False))
        self._cache.clear()
        return added

    def _query(self, key: str, name: str) -> list[Candidate]:
        found: list[Candidate] = []
        for source, db in enumerate(self._dbs):
            rows = db.execute(f"{_SELECT_ALIAS} WHERE a.key = ?", (key,)).fetchall()
            found += [self._candidate(source, row[:-1], row[-1]) for row in rows]
        if not found:
            found = self._query_skeleton(name)
        return _dedupe(found)

    def _query_skeleton(self, name: str) -> list[Candidate]:
        key = skeleton(name)
        if len(key) < _MIN_SKELETON or not is_latin(name):
            return []
        found: list[Candidate] = []
        for source, db in enumerate(self._dbs):
            rows = db.execute(
                f"{_SELECT} JOIN skeleton s ON s.place = p.id WHERE s.key = ?", (key,)
            ).fetchall()
            found += [self._candidate(source, row, "skeleton") for row in rows]
        return found

    def _candidate(self, source: int, row: tuple, form: str) -> Candidate:
        pid, gid, name, lat, lon, cc, a1code, admin2, fclass, kind, pop = row
        admin1_id, admin1 = self._admin1.get((cc, a1code), (None, None))
        if kind == "admin1" and admin1 is None and source == 0:
            admin1_id, admin1 = pid, name
        return Candidate(
            source, pid, gid, name, lat, lon, cc, admin1, admin1_id, admin2 or None,
            fclass, kind, pop, form,
        )  # fmt: skip


_COLUMNS = (
    "p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin2, "
    "p.fclass, p.kind, p.population"
)
_SELECT = f"SELECT {_COLUMNS} FROM place p"
_SELECT_ALIAS = f"SELECT {_COLUMNS}, a.form FROM alias a JOIN place p ON p.id = a.place"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/eventwire`` (``~/.cache/eventwire``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser() / "eventwire"


def unpacked(path: Path, cache_dir: Path) -> Path:
    """*path* itself, or for an ``.xz`` file its content unpacked into *cache_dir* (once per
    content: the name carries a digest; copies of older content are removed)."""
    if path.suffix != ".xz":
        return path
    stem = path.stem.removesuffix(".sqlite")
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    target = cache_dir / f"{stem}-{digest}.sqlite"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        with lzma.open(path) as src, open(partial, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        os.replace(partial, target)
        for stale in cache_dir.glob(f"{stem}-*.sqlite"):
            if stale != target:
                stale.unlink(missing_ok=True)
    return target


def _connect_ro(path: Path, immutable: bool = True) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{path}?{flags}", uri=True, check_same_thread=False)


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    """Drop user entries that repeat a shipped geonameid; most populous first."""
    seen = {c.geonameid for c in found if c.source == 0 and c.geonameid}
    kept = [c for c in found if c.source == 0 or not c.geonameid or c.geonameid not in seen]
    return sorted(kept, key=lambda c: -c.population)


# --- importing GeoNames dumps -------------------------------------------------------------


@dataclass
class DumpRow:
    """One place read from a GeoNames dump, ready to insert."""

    geonameid: int | None
    name: str
    names: list[str]
    lat: float
    lon: float
    country: str
    admin1_code: str
    admin2: str
    fclass: str
    fcode: str
    population: int


def _read_dump(path: Path) -> Iterator[DumpRow]:
    """Rows of a geoname-format (19 columns) or postal-format (12 columns) dump."""
    postal: dict[tuple[str, str, str, str], list[list[str]]] = {}
    for line in _dump_lines(path):
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 19:
            yield _geoname_row(cols)
        elif len(cols) >= 11:
            postal.setdefault((cols[0], cols[2], cols[4], cols[5]), []).append(cols)
    for rows in postal.values():
        yield _postal_row(rows)


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8") as fh:
            yield from fh
        return
    with zipfile.ZipFile(path) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n)
        with archive.open(member) as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8")


def _geoname_row(cols: list[str]) -> DumpRow:
    alternates = [n for n in cols[3].split(",") if n and not n.startswith("http")]
    return DumpRow(
        int(cols[0]), cols[1], [cols[1], cols[2], *alternates], float(cols[4]), float(cols[5]),
        cols[8], cols[10], "", cols[6], cols[7], int(cols[14] or 0),
    )  # fmt: skip


def _postal_row(rows: list[list[str]]) -> DumpRow:
    """One locality of a postal table (the mean point of its postal codes)."""
    first = rows[0]
    lat = sum(float(r[9]) for r in rows) / len(rows)
    lon = sum(float(r[10]) for r in rows) / len(rows)
    name = latin_name(first[2], first[0])
    return DumpRow(None, name, [first[2]], lat, lon, first[0], first[4], first[5], "P", "PPL", 0)


def latin_name(name: str, country: str) -> str:
    """*name* romanised when Cyrillic: Ukrainian style for Ukraine, Russian style elsewhere."""
    if not has_cyrillic(name):
        return name
    return ukrainian(name) if country == "UA" else russian(name)


def place_names(names: Iterable[str], romanise: bool = True) -> dict[str, str]:
    """Lookup keys → alias form for a place's names; Cyrillic names are romanised both ways
    when *romanise* (places of the countries in ``SKELETON_COUNTRIES``)."""
    keys: dict[str, str] = {}
    for name in names:
        if has_cyrillic(name):
            if not romanise:
                continue
            for latin in (ukrainian(name), russian(name)):
                keys.setdefault(fold(latin), "translit")
        elif is_latin(name) and len(fold(name)) > 1:
            keys.setdefault(fold(name), "alias")
    return keys


def insert_place(db: sqlite3.Connection, row: DumpRow, kind: str, names: dict[str, str]) -> int:
    """Insert one place with its alias keys (and skeleton keys where useful); its row id."""
    cur = db.execute(
        "INSERT INTO place (geonameid, name, lat, lon, country, admin1_code, admin2, fclass, "
        "fcode, kind, population) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (row.geonameid, row.name, row.lat, row.lon, row.country, row.admin1_code, row.admin2,
         row.fclass, row.fcode, kind, row.population),
    )  # fmt: skip
    pid = int(cur.lastrowid or 0)
    db.executemany(
        "INSERT OR IGNORE INTO alias (key, place, form) VALUES (?,?,?)",
        [(key, pid, form) for key, form in names.items() if key],
    )
    if row.country in SKELETON_COUNTRIES:
        skeletons = {skeleton(k) for k, form in names.items() if form in ("name", "translit")}
        db.executemany(
            "INSERT OR IGNORE INTO skeleton (key, place) VALUES (?,?)",
            [(s, pid) for s in skeletons if len(s) >= _MIN_SKELETON],
        )
    return pid


def _import_rows(db: sqlite3.Connection, rows: Iterable[DumpRow]) -> int:
    added = 0
    for row in rows:
        names = place_names(row.names, row.country in SKELETON_COUNTRIES)
        if row.name and is_latin(row.name):
            names[fold(row.name)] = "name"
        if not names:
            continue
        kind = _KINDS.get(row.fcode, "city" if row.fclass == "P" else "other")
        insert_place(db, row, kind, names)
        added += 1
    return added
