"""Pearson's r and the ``eval similarity`` runner, through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.eval.common import read_jsonl
from eventwire.eval.similarity import pearson

ARTICLES = json.loads((Path(__file__).parents[1] / "link" / "articles.json").read_text(encoding="utf-8"))


def test_pearson_of_known_series():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 2, 3], [5, 5, 5]) == 0.0


def _title(text: str) -> str:
    return text.split("\n")[0]


def test_cli_scores_pairs_on_the_one_to_four_scale(tmp_path: Path):
    pairs = {"same-ferry": (ARTICLES["ferry_1"], ARTICLES["ferry_2"], 1.0), "same-strike": (ARTICLES["strike_1"], ARTICLES["strike_2"], 1.5),
             "ferry-chess": (ARTICLES["ferry_1"], ARTICLES["chess"], 4.0), "strike-chess": (ARTICLES["strike_2"], ARTICLES["chess"], 4.0)}  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    records = [
        {"pair_id": k, "title1": _title(a), "text1": a, "title2": _title(b), "text2": b, "overall": g}
        for k, (a, b, g) in pairs.items()
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    command = "from eventwire.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", command, "eval", "similarity", str(path), "--predictions", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    scores = {r["pair_id"]: r["score"] for r in read_jsonl(out)}
    assert all(1.0 <= s <= 4.0 for s in scores.values())
    assert max(scores["same-ferry"], scores["same-strike"]) < min(
        scores["ferry-chess"], scores["strike-chess"]
    )
    assert "pairs: 4.0" in done.stdout and "pearson: " in done.stdout
