"""``eval time``: predictions file and TempEval-3 scores on a small JSONL written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.common import read_jsonl
from eventwire.eval.time import evaluate, match_relaxed
from eventwire.resources import Resources


def timex(text: str, surface: str, type_: str, value: str) -> dict[str, object]:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "type": type_, "value": value}


A = "Troops withdrew on Wednesday, officials said."
B = "The talks lasted two weeks and ended on September 8."
C = "It happened early last week."
RECORDS = [
    # found exactly, right value
    {"id": "a", "dct": "2023-01-19", "text": A, "timexes": [timex(A, "Wednesday", "DATE", "2023-01-18")],
     "source": "ignored"},
    # no publication date: "September 8" stays XXXX-09-08 against a gold 2022; "ended" is never found
    {"id": "b", "dct": None, "text": B, "timexes": [
        timex(B, "two weeks", "DURATION", "P2W"),
        timex(B, "September 8", "DATE", "2022-09-08"),
        timex(B, "ended", "DATE", "XXXX"),
    ]},
    # found with a longer span ("early last week"): relaxed match only
    {"id": "c", "dct": "2023-01-19", "text": C, "timexes": [timex(C, "last week", "DATE", "2023-W02")]},
]  # fmt: skip


@pytest.fixture
def scored(tmp_path: Path) -> tuple[dict[str, float], Path]:
    path, predictions = tmp_path / "time.jsonl", tmp_path / "out.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return evaluate(path, predictions, Resources()), predictions


def test_predictions_file_has_one_line_per_record(scored: tuple[dict[str, float], Path]) -> None:
    rows = list(read_jsonl(scored[1]))
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["timexes"] == [{"start": 19, "end": 28, "type": "DATE", "value": "2023-01-18"}]
    assert rows[1]["timexes"][1]["value"] == "XXXX-09-08"
    assert set(rows[2]) == {"id", "timexes"}


def test_strict_relaxed_and_value_scores(scored: tuple[dict[str, float], Path]) -> None:
    metrics = scored[0]
    assert (metrics["gold"], metrics["predicted"]) == (5, 4)
    assert (metrics["strict_precision"], metrics["strict_recall"]) == (0.75, 0.6)
    assert (metrics["relaxed_precision"], metrics["relaxed_recall"]) == (1.0, 0.8)
    assert (metrics["value_precision"], metrics["value_recall"], metrics["value_f1"]) == (0.75, 0.6, 0.6667)
    assert (metrics["type_accuracy"], metrics["value_accuracy"]) == (1.0, 0.75)


def test_relaxed_matching_is_one_to_one_largest_overlap_first() -> None:
    gold = [{"start": 0, "end": 10}, {"start": 12, "end": 20}]
    found = [{"start": 5, "end": 14}, {"start": 8, "end": 20}]
    pairs = match_relaxed(gold, found)
    assert [(g["start"], f["start"]) for g, f in pairs] == [(12, 8), (0, 5)]
    assert match_relaxed(gold, [{"start": 10, "end": 12}]) == []
