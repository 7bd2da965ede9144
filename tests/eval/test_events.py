"""The ``eval events`` runner, its scores, and the decontamination check of our examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.eval.common import read_jsonl
from eventwire.eval.events import evaluate, gold_label, overlapping, scores
from eventwire.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
GSR = ROOT.parent / "shared" / "datasets" / "events" / "plover_gsr.jsonl"

RECORDS = [
    {"id": "r1", "text": "Border guards opened fire on a group of smugglers, wounding two.", "event": "FIGHT"},
    {"id": "r2", "text": "The union called on the government to raise the minimum wage.", "event": "DEMAND"},
    {"id": "r3", "text": "Riot police detained forty protesters in the main square.", "event": "COERCE",
     "event_text": "ignored by the runner"},
    {"id": "r4", "text": "The two presidents met in Geneva for three hours of talks.", "event": "CONSULT"},
]  # fmt: skip


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_scores_accuracy_and_support_weighted_f1():
    metrics, per = scores([("A", "A"), ("A", "B"), ("B", "B"), ("C", "C")])
    assert metrics["accuracy"] == 0.75
    # F1: A 2/3 (support 2), B 2/3 (support 1), C 1 (support 1)
    assert metrics["weighted_f1"] == round((2 * 2 / 3 + 2 / 3 + 1) / 4, 4)
    assert per["B"].fp == 1 and per["A"].fn == 1


def test_gold_labels_use_current_plover_names():
    assert gold_label({"event": "DISAPPROVE"}, "plover") == "ACCUSE"
    assert gold_label({"label": "investigate"}, "plover") == "ACCUSE"
    assert gold_label({"label": "air_strike"}, "acled") == "AIR_STRIKE"
    assert gold_label({"text": "no gold"}, "plover") is None


def test_runner_writes_one_label_per_record_and_scores(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = evaluate(_write(tmp_path / "in.jsonl", RECORDS), out, Resources(), "plover")
    rows = list(read_jsonl(out))
    assert [r["id"] for r in rows] == ["r1", "r2", "r3", "r4"]
    assert [r["label"] for r in rows] == ["ASSAULT", "REQUEST", "COERCE", "CONSULT"]
    assert result["scored"] == 4 and result["accuracy"] == 1.0 and result["weighted_f1"] == 1.0


def test_runner_without_gold_only_predicts(tmp_path):
    records = [{"id": r["id"], "text": r["text"]} for r in RECORDS]
    out = tmp_path / "pred.jsonl"
    result = evaluate(_write(tmp_path / "in.jsonl", records), out, Resources(), "acled")
    assert result == {"records": 4}
    assert all(set(r) == {"id", "label"} for r in read_jsonl(out))


def test_command_line_prints_scores_and_the_per_type_table(tmp_path):
    path = _write(tmp_path / "in.jsonl", RECORDS[:2])
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "eval", "events", str(path),
           "--scheme", "plover", "--predictions", str(tmp_path / "p.jsonl")]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "accuracy: 1.0" in done.stdout and "REQUEST" in done.stdout
    bad = subprocess.run(
        [*cmd[:-4], "--scheme", "cameo", *cmd[-2:]], capture_output=True, text=True, timeout=300
    )
    assert bad.returncode == 2 and "unknown scheme" in bad.stderr


def test_overlapping_finds_eight_shared_words():
    ref = ["Troops of the northern army crossed the river at dawn on Sunday."]
    texts = [
        "Reports said troops of the northern army crossed the river at dawn.",  # 9 words shared
        "Troops of the northern army crossed a bridge at noon.",  # 6 words shared
    ]
    assert overlapping(texts, ref) == texts[:1]


@pytest.mark.parametrize("scheme", ["plover", "acled"])
def test_training_examples_share_no_eight_words_with_the_gsr(scheme):
    examples = [
        r["text"]
        for path in (ROOT / "training" / "events").glob(f"{scheme}_examples*.jsonl")
        for r in read_jsonl(path)
    ]
    assert examples
    references = [r["text"] for r in read_jsonl(GSR)] if GSR.exists() else []
    assert overlapping(examples, references) == []
