"""Clustering metrics and the ``eval cluster`` runner."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from eventwire.eval.cluster import adjusted_rand, bcubed, evaluate, v_measure
from eventwire.eval.common import read_jsonl
from eventwire.resources import Resources

ARTICLES = json.loads((Path(__file__).parents[1] / "link" / "articles.json").read_text(encoding="utf-8"))
GOLD = ["a", "a", "b", "b"]


def test_a_perfect_grouping_scores_one_whatever_its_labels():
    assert bcubed(GOLD, [7, 7, 3, 3]) == {"bcubed_precision": 1.0, "bcubed_recall": 1.0, "bcubed_f1": 1.0}
    assert v_measure(GOLD, [7, 7, 3, 3]) == pytest.approx(1.0)
    assert adjusted_rand(GOLD, [7, 7, 3, 3]) == pytest.approx(1.0)


def test_one_big_cluster_has_full_recall_and_half_precision():
    scores = bcubed(GOLD, ["x"] * 4)
    assert scores["bcubed_precision"] == 0.5 and scores["bcubed_recall"] == 1.0
    assert v_measure(GOLD, ["x"] * 4) == 0.0
    assert adjusted_rand(GOLD, ["x"] * 4) == 0.0


def test_singletons_have_full_precision_and_half_recall():
    scores = bcubed(GOLD, [1, 2, 3, 4])
    assert scores["bcubed_precision"] == 1.0 and scores["bcubed_recall"] == 0.5
    assert math.isclose(scores["bcubed_f1"], 2 / 3)


def test_adjusted_rand_of_a_known_case():
    # contingency [[2, 1], [0, 1]] over gold (a, a, a, b) and pred (x, x, y, y): index 1, a 3, b 2
    assert adjusted_rand(["a", "a", "a", "b"], ["x", "x", "y", "y"]) == pytest.approx((1 - 1) / (2.5 - 1))


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    texts = {
        "d1": ARTICLES["ferry_1"],
        "d2": ARTICLES["strike_1"],
        "d3": ARTICLES["chess"],
        "d4": ARTICLES["ferry_2"],
        "d5": ARTICLES["strike_2"],
    }
    gold = {"d1": "ferry", "d4": "ferry", "d2": "strike", "d5": "strike", "d3": "chess"}
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": i, "title": t.split("\n")[0], "text": t, "cluster": gold[i]})
        for i, t in texts.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_writes_a_cluster_per_document_and_scores_them(documents, tmp_path, nlp):
    resources = Resources()
    resources.nlp = nlp  # the session's pipeline
    out = tmp_path / "pred.jsonl"
    result = evaluate(documents, out, resources)
    predicted = {r["id"]: r["cluster"] for r in read_jsonl(out)}
    assert predicted["d1"] == predicted["d4"] != predicted["d2"] == predicted["d5"] != predicted["d3"]
    assert result["bcubed_f1"] == 1.0 and result["clusters"] == 3.0
