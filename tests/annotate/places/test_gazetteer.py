import lzma
import sqlite3
import time
import zipfile
from pathlib import Path

from eventwire.annotate.places.gazetteer import SCHEMA, Gazetteer, fold, is_latin, unpacked

GEONAME_ROW = "\t".join([
    "990000001", "Zorivka Hill", "Zorivka Hill", "Zorivska Hora,Зорянохолм", "48.10", "37.50", "P",
    "PPL", "UA", "", "05", "", "", "", "120", "", "200", "Europe/Kyiv", "2024-01-01",
])  # fmt: skip
POSTAL_ROWS = [
    "UA\t84598\tВигадане\tDonetska\t05\tBakhmutskiy\t\t\t\t48.55\t37.90\t4",
    "UA\t84599\tВигадане\tDonetska\t05\tBakhmutskiy\t\t\t\t48.57\t37.92\t4",
]


def test_fold_ignores_case_accents_dots_and_hyphens():
    assert fold("U.S.") == fold("US") == "us"
    assert fold("Kyïv") == "kyiv"
    assert fold("W.Va.") == "wva"
    assert fold("Ivano-Frankivsk") == "ivano frankivsk"


def test_is_latin():
    assert is_latin("Bakhmut") and is_latin("Kyïv")
    assert not is_latin("Бахмут") and not is_latin("123")


def test_sample_places_are_known(gazetteer: Gazetteer):
    kinds = {
        "Klishchiivka": "city", "Shebekino": "city", "Bakhmut": "city", "Horlivka": "city",
        "Kaliningrad": "city", "Orenburg": "city", "Moscow": "city", "Donetsk": "city",
    }  # fmt: skip
    for name, kind in kinds.items():
        assert any(c.kind == kind for c in gazetteer.lookup(name)), name
    assert any(c.kind == "admin1" for c in gazetteer.lookup("Belgorod"))
    assert any(c.kind == "admin1" for c in gazetteer.lookup("Yaroslavl"))


def test_alternate_and_russian_based_spellings(gazetteer: Gazetteer):
    assert gazetteer.lookup("Artemivsk")[0].name == "Bakhmut"
    assert gazetteer.lookup("Gorlovka")[0].name == "Horlivka"
    (village,) = gazetteer.lookup("Kleshcheevka")
    assert village.name == "Klishchiivka" and village.form == "skeleton"
    assert village.country == "UA" and village.admin1 == "Donetska"


def test_countries_states_counties_demonyms_and_abbreviations(gazetteer: Gazetteer):
    assert gazetteer.lookup("U.S.")[0].kind == "country"
    assert gazetteer.lookup("American")[0].country == "US"
    (wv,) = gazetteer.lookup("W.Va.")
    assert wv.name == "West Virginia" and wv.kind == "admin1" and wv.precision == "region"
    assert any(c.kind == "admin2" and c.admin1 == "Kentucky" for c in gazetteer.lookup("Laurel County"))
    assert gazetteer.lookup("Middle East")[0].kind in ("region", "city")
    assert gazetteer.lookup("Nowhere-in-particular-ville") == []


def test_lookups_are_fast(gazetteer: Gazetteer):
    names = [f"Springfield{i}" for i in range(200)] + ["Springfield", "Moscow", "Paris"]
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    assert time.perf_counter() - start < 0.5


def test_add_dump_imports_geoname_rows(fresh_gazetteer: Gazetteer, tmp_path: Path):
    dump = tmp_path / "UA.txt"
    dump.write_text(GEONAME_ROW + "\n", encoding="utf-8")
    assert fresh_gazetteer.lookup("Zorivka Hill") == []
    assert fresh_gazetteer.add_dump(dump) == 1
    (hill,) = fresh_gazetteer.lookup("Zorivska Hora")
    assert (hill.geonameid, hill.population, hill.admin1) == (990000001, 120, "Donetska")
    assert fresh_gazetteer.lookup("Zorianokholm")[0].name == "Zorivka Hill"  # romanised name


def test_add_dump_imports_postal_tables_from_zip(fresh_gazetteer: Gazetteer, tmp_path: Path):
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "GeoNames postal codes\n")
        zf.writestr("UA.txt", "\n".join(POSTAL_ROWS) + "\n")
    assert fresh_gazetteer.add_dump(archive) == 1  # two postal codes, one locality
    (village,) = fresh_gazetteer.lookup("Vyhadane")
    assert village.name == "Vyhadane" and village.admin2 == "Bakhmutskiy"
    assert abs(village.lat - 48.56) < 0.01 and village.admin1 == "Donetska"
    assert (1, village.id) in {(c.source, c.id) for c in fresh_gazetteer.lookup("Vygadane")}


def test_user_entries_do_not_repeat_shipped_ones(fresh_gazetteer: Gazetteer, tmp_path: Path):
    shipped = fresh_gazetteer.lookup("Shebekino")[0]
    row = GEONAME_ROW.replace("990000001", str(shipped.geonameid)).replace("Zorivka Hill", "Shebekino")
    dump = tmp_path / "RU.txt"
    dump.write_text(row + "\n", encoding="utf-8")
    fresh_gazetteer.add_dump(dump)
    assert [c.source for c in fresh_gazetteer.lookup("Shebekino")] == [0]


def test_user_file_is_consulted_when_reopened(tmp_path: Path):
    user = tmp_path / "user.sqlite"
    dump = tmp_path / "UA.txt"
    dump.write_text(GEONAME_ROW + "\n", encoding="utf-8")
    Gazetteer.open(user=user).add_dump(dump)
    assert Gazetteer.open(user=user).lookup("Zorivka Hill")[0].source == 1


def test_compressed_gazetteer_is_unpacked_once(tmp_path: Path):
    raw = tmp_path / "tiny.sqlite"
    with sqlite3.connect(raw) as db:
        db.executescript(SCHEMA)
    packed = tmp_path / "tiny.sqlite.xz"
    packed.write_bytes(lzma.compress(raw.read_bytes()))
    cache = tmp_path / "cache"
    first = unpacked(packed, cache)
    assert first.read_bytes() == raw.read_bytes()
    mtime = first.stat().st_mtime_ns
    assert unpacked(packed, cache) == first and first.stat().st_mtime_ns == mtime
    packed.write_bytes(lzma.compress(raw.read_bytes() + b"\0"))
    second = unpacked(packed, cache)
    assert second != first and not first.exists()
    assert Gazetteer(second).lookup("Anywhere") == []
