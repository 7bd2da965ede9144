import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.eval.geo import detection_scores, errors_km, evaluate, half, summary
from eventwire.resources import Resources

TEXT_A = "Shelling hit Horlivka overnight, and drones were reported over Moscow on Friday."
TEXT_B = "The mayor of Qwertyzx said that residents of Orenburg had donated blankets."


def toponym(text: str, name: str, lat: float, lon: float) -> dict:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}


@pytest.fixture(scope="module")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    user = tmp_path_factory.mktemp("user") / "gazetteer.sqlite"
    return Resources(Settings(user_gazetteer=str(user)))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    records = [
        {"id": "a", "text": TEXT_A, "toponyms": [
            toponym(TEXT_A, "Horlivka", 48.30, 38.05), toponym(TEXT_A, "Moscow", 55.75, 37.62),
        ]},
        {"id": "b", "text": TEXT_B, "toponyms": [
            toponym(TEXT_B, "Qwertyzx", 10.0, 10.0), toponym(TEXT_B, "Orenburg", 51.77, 55.10),
        ]},
    ]  # fmt: skip
    path = tmp_path / "geo.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_resolution_scores_count_unknown_names_as_errors(dataset, tmp_path, resources):
    out = tmp_path / "pred.jsonl"
    scores = evaluate(dataset, out, resources, detect=False)
    assert scores["acc161"] == 75.0 and scores["toponyms"] == 4
    assert scores["median_km"] < 161 and scores["mean_km"] > 5000
    assert scores[f"half_{half('a')}_toponyms"] >= 2
    predictions = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predictions] == ["a", "b"]
    unknown = predictions[1]["resolved"][0]
    assert (unknown["lat"], unknown["lon"]) == (None, None)


def test_detection_is_scored_by_overlap(dataset, tmp_path, resources):
    scores = evaluate(dataset, tmp_path / "pred.jsonl", resources)
    assert scores["detection_recall"] == 0.75  # Qwertyzx is unknown, so never detected
    assert scores["detection_precision"] == 1.0
    assert scores["detection_acc161"] == 100.0


def test_gold_coordinates_are_not_read_to_predict(dataset, tmp_path, resources):
    moved = tmp_path / "moved.jsonl"
    records = [json.loads(line) for line in dataset.read_text().splitlines()]
    for record in records:
        for t in record["toponyms"]:
            t["lat"], t["lon"] = -t["lat"], -t["lon"]
    moved.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    evaluate(dataset, tmp_path / "p1.jsonl", resources, detect=False)
    evaluate(moved, tmp_path / "p2.jsonl", resources, detect=False)
    assert (tmp_path / "p1.jsonl").read_text() == (tmp_path / "p2.jsonl").read_text()


def test_summary_and_matching():
    scores = summary([0.0, 100.0, 200.0, 20_000.0])
    assert scores["acc161"] == 50.0 and scores["median_km"] == 150.0
    assert 0 < scores["auc"] < 1
    gold = [{"id": "x", "toponyms": [{"start": 0, "end": 5, "lat": 0.0, "lon": 0.0}]}]
    found = {"x": {"detected": [{"start": 2, "end": 8, "lat": 0.0, "lon": 1.0},
                                {"start": 10, "end": 12, "lat": 0.0, "lon": 0.0}]}}  # fmt: skip
    scores = detection_scores(gold, found)
    assert (scores["detection_precision"], scores["detection_recall"]) == (0.5, 1.0)
    assert errors_km(gold[0]["toponyms"], []) == [pytest.approx(20015.1, abs=1)]
