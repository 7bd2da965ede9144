import csv
import io
import json

import pytest

from eventwire.errors import UserError
from eventwire.events.ontology import load_ontology
from eventwire.export.acled import acled_row
from eventwire.export.events import SHAPE
from eventwire.export.registry import EXPORTS, get_format


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def records(exported):
    return {r["id"]: r for r in jsonl(exported("events", "jsonl"))}


def spans(value):
    """Every {start, end, text} object inside an evidence value."""
    if isinstance(value, list):
        return [s for v in value for s in spans(v)]
    if isinstance(value, dict) and "start" in value:
        return [value]
    return [s for v in value.values() for s in spans(v)] if isinstance(value, dict) else []


def test_jsonl_has_one_record_per_event_in_text_order(records):
    assert list(records) == ["art1-e1", "art1-e2", "art2-e1", "art2-e2"]
    assert all(list(r) == list(SHAPE) for r in records.values())


def test_mentions_not_linked_to_events_are_events_of_their_own_with_one_source(records):
    """The store's links record stories but no event coreference (as before the link stage ran)."""
    assert [(r["sources"], len(r["mentions"])) for r in records.values()] == [(1, 1)] * 4


def test_jsonl_record_carries_every_field(records):
    r = records["art1-e1"]
    assert (r["event"], r["mode"], r["context"], r["aux"]) == (
        "ASSAULT",
        ["explosives"],
        ["casualties"],
        None,
    )
    assert r["actor"] == [{"text": "Artillery", "name": "artillery", "country": None, "sector": "MIL"}]
    assert r["recipient"] == [
        {"text": "three civilians", "name": "civilians", "country": "UKR", "sector": "CVL"}
    ]
    assert (r["date"], r["date_precision"], r["date_source"]) == ("2023-03-17", "day", "text")
    assert r["location"] == {"name": "Horlivka", "lat": 48.3336, "lon": 38.0925, "geonameid": 6618983,
                             "country": "UA", "admin1": "Donetsk Oblast", "precision": "settlement"}  # fmt: skip
    assert r["size"] == {"dead": 3, "injured": 11, "arrested": None, "people": None}
    assert r["claimant"] == {"text": "the city's mayor", "name": "mayor of Horlivka"}
    assert (r["certainty"], r["confidence"], r["story_id"]) == ("unverified", 0.91, "story-art1")
    assert r["acled"] == {"event_type": "Explosions/Remote violence",
                          "sub_event_type": "Shelling/artillery/missile attack", "code": "ART_MISS_ATTACK"}  # fmt: skip
    [mention] = r["mentions"]
    assert mention["article_id"] == "art1" and mention["source"] == "Steppe Herald"
    assert mention["sentence"].startswith("Artillery shelled") and mention["sentence"].endswith("mayor said.")


def test_mentions_fall_back_to_the_article_source_without_an_outlet(records):
    assert records["art2-e1"]["mentions"][0]["source"] == "in/feed.txt"


def test_evidence_gives_the_words_of_every_field(records, store):
    texts = {a.id: a.text for a in store.articles()}
    e = records["art1-e1"]["evidence"]
    assert e["article_id"] == "art1"
    words = {k: e[k]["text"] for k in ("trigger", "location", "date", "claimant", "certainty")}
    assert words == {"trigger": "shelled", "location": "Horlivka", "date": "on Friday", "claimant": "the city's mayor",
                     "certainty": "could not be independently verified"}  # fmt: skip
    assert [s["text"] for s in e["actor"] + e["recipient"]] == ["Artillery", "three civilians"]
    assert e["size"]["dead"]["text"] == "three" and e["size"]["injured"]["text"] == "eleven"
    assert e["size"]["people"] is None and e["aux"] is None
    assert records["art2-e2"]["evidence"]["aux"]["text"] == "could"
    for record in records.values():
        text = texts[record["evidence"]["article_id"]]
        found = spans(record["evidence"])
        assert found and all(text[s["start"] : s["end"]] == s["text"] for s in found)
        mention = record["mentions"][0]
        assert text[mention["start"] : mention["end"]] == record["evidence"]["trigger"]["text"]


def test_plover_uses_the_manual_field_names(exported):
    rows = {r["id"]: r for r in jsonl(exported("events", "plover"))}
    strike = rows["art1-e1"]
    assert strike["event"] == ["ASSAULT"] and strike["date"] == "2023-03-17" and strike["enddate"] is None
    assert strike["actor"] == [
        {"code": None, "sector": "MIL", "entity_text": "Artillery", "identifier_text": "artillery"}
    ]
    assert strike["event_loc"] == {
        "extracted_place": "Horlivka", "resolved_place": "Horlivka", "geonameid": 6618983, "lat": 48.3336,
        "lon": 38.0925, "province": "Donetsk Oblast", "country": "Ukraine", "country_code": "UKR", "resolution": 4,
    }  # fmt: skip
    assert (strike["dead"], strike["injured"], strike["arrested"], strike["size"]) == (3, 11, None, None)
    assert strike["event_text"] == ["shelled"] and strike["cite_info"]["publication"] == "Steppe Herald"
    assert strike["text_info"]["start"] == 0 and strike["claimant"]["entity_text"] == "the city's mayor"
    call_up = rows["art2-e1"]
    assert (call_up["date"], call_up["enddate"]) == ("2022-10-01", "2022-10-31")
    assert call_up["event_loc"]["resolution"] == 2 and call_up["event_loc"]["country_code"] == "RUS"
    assert call_up["size"] == 900 and call_up["event_loc"]["extracted_place"] == "the Kursk region"
    assert rows["art2-e2"]["context"] == ["hypothetical"]  # the auxiliary mode goes into context


def test_plover_fields_are_the_manuals_or_documented_additions(exported):
    fields = load_ontology().json_fields
    ours = {"certainty", "claimant", "size"}  # `size`: the manual's ASSAULT "size" field, not in its tables
    for row in jsonl(exported("events", "plover")):
        assert set(row) <= set(fields["record"]) | set(fields["size"]) | ours
        assert all(set(p) <= set(fields["entity"]) for p in row["actor"] + row["recipient"])
        assert row["event_loc"] is None or set(row["event_loc"]) <= set(fields["location"])
        assert set(row["text_info"]) <= set(fields["text_info"]) and set(row["cite_info"]) <= set(
            fields["cite_info"]
        )
        assert row["quad_code"] == {"ASSAULT": 4, "ACCUSE": 3, "MOBILIZE": 4}[row["event"][0]]


def test_csv_flattens_the_record_with_lists_joined(exported, records):
    reader = csv.DictReader(io.StringIO(exported("events", "csv")))
    rows = {r["id"]: r for r in reader}
    assert list(rows) == list(records)
    blame = rows["art1-e2"]
    assert blame["actor_name"] == "Russian officials;separatist officials"
    assert blame["actor_country"] == "RUS;" and blame["recipient_sector"] == "MIL;MIL"
    assert blame["evidence_actor_text"] == "Russian;separatist officials"
    assert blame["location_name"] == "" and blame["size_dead"] == ""
    strike = rows["art1-e1"]
    assert (strike["mode"], strike["size_dead"], strike["location_lat"]) == ("explosives", "3", "48.3336")
    assert strike["evidence_size_injured_text"] == "eleven" and strike["mentions_source"] == "Steppe Herald"
    assert {"acled_code", "evidence_trigger_start", "mentions_sentence", "story_id"} <= set(reader.fieldnames)


def test_acled_rows_are_the_events_with_an_acled_code(exported):
    [row] = list(csv.DictReader(io.StringIO(exported("events", "acled"))))
    assert row == {
        "event_id_cnty": "art1-e1", "event_date": "2023-03-17", "year": "2023", "time_precision": "1",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "artillery", "assoc_actor_1": "", "actor2": "civilians", "assoc_actor_2": "",
        "country": "Ukraine", "admin1": "Donetsk Oblast", "location": "Horlivka", "latitude": "48.3336",
        "longitude": "38.0925", "geo_precision": "1", "source": "Steppe Herald",
        "notes": "Artillery shelled a bus station in Horlivka on Friday, killing three civilians and wounding"
                 " eleven, the city's mayor said.",
        "fatalities": "3",
    }  # fmt: skip


def test_acled_rows_skip_what_did_not_happen_and_code_coarse_dates(records):
    blame = {
        **records["art1-e2"],
        "acled": {"event_type": "Riots", "sub_event_type": "Mob violence", "code": "MOB_VIOL"},
    }
    assert acled_row({**blame, "aux": "future"}) is None and acled_row({**blame, "aux": "negation"}) is None
    row = acled_row({**blame, "aux": "historical", "date": "2023-W11", "date_precision": "week"})
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2023-03-13", 2023, 2)
    assert (row["actor1"], row["assoc_actor_1"]) == ("Russian officials", "separatist officials")
    assert (row["actor2"], row["assoc_actor_2"], row["fatalities"]) == (
        "Ukrainian forces",
        "foreign mercenaries",
        0,
    )
    assert row["location"] is None and row["geo_precision"] is None


def test_geojson_is_a_feature_collection_of_the_located_events(exported, records):
    collection = json.loads(exported("events", "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert list(features) == ["art1-e1", "art2-e1"]
    strike = features["art1-e1"]
    assert strike["geometry"] == {"type": "Point", "coordinates": [38.0925, 48.3336]}
    assert strike["properties"]["location"] == {"name": "Horlivka", "geonameid": 6618983, "country": "UA",
                                                "admin1": "Donetsk Oblast", "precision": "settlement"}  # fmt: skip
    expected = {k: v for k, v in records["art1-e1"].items() if k != "location"}
    assert {k: v for k, v in strike["properties"].items() if k != "location"} == expected


def test_an_empty_store_writes_an_empty_collection(tmp_path):
    from eventwire.store import open_store

    empty = open_store(tmp_path / "empty.db")
    chosen, out = get_format("events", "geojson"), io.StringIO()
    assert chosen.write(chosen.rows(empty), out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    empty.close()


def test_formats_are_declared_per_kind():
    assert list(EXPORTS["events"]) == ["jsonl", "plover", "csv", "acled", "geojson"]
    assert list(EXPORTS["places"]) == ["jsonl", "csv"]
    with pytest.raises(UserError, match="unknown export format 'acled' for places; choose one of jsonl, csv"):
        get_format("places", "acled")
