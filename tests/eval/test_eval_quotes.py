"""Scoring of attribution spans and the ``eval quotes`` runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.common import PRF, read_jsonl
from eventwire.eval.quotes import evaluate, metrics, score_record
from eventwire.resources import Resources

TEXT = "Smith said the plan failed. Jones told reporters it worked."
SMITH = {"source": [[0, 5]], "cue": [[6, 10]], "content": [[11, 26]]}
JONES = {"source": [[28, 33]], "cue": [[34, 38]], "content": [[49, 58]]}


def _score(gold: list[dict], pred: list[dict]) -> dict[str, float]:
    counts: dict[str, PRF] = {}
    score_record(TEXT, gold, pred, counts)
    return metrics(counts)


def test_identical_predictions_score_one():
    result = _score([SMITH, JONES], [SMITH, JONES])
    assert all(v == 1.0 for k, v in result.items() if k.endswith("f1"))


def test_overlap_counts_partial_spans_exact_does_not():
    pred = {"source": [[0, 3]], "cue": [[6, 10]], "content": [[15, 26]]}
    result = _score([SMITH], [pred])
    assert result["content_overlap_f1"] == 1.0
    assert result["content_exact_f1"] == 0.0
    assert result["source_overlap_f1"] == 1.0
    assert result["cue_exact_f1"] == 1.0
    assert result["attribution_overlap_f1"] == 1.0
    assert result["attribution_exact_f1"] == 0.0


def test_matching_is_one_to_one():
    # two predicted contents overlap the one gold content: one match, one false positive
    pred = [
        {"source": [], "cue": [[6, 10]], "content": [[11, 19]]},
        {"source": [], "cue": [[6, 10]], "content": [[20, 26]]},
    ]
    result = _score([SMITH], pred)
    assert result["content_overlap_precision"] == 0.5
    assert result["content_overlap_recall"] == 1.0
    # the repeated cue is one span, so it is not a false positive
    assert result["cue_exact_precision"] == 1.0


def test_exact_ignores_how_a_span_is_split_and_surrounding_spaces():
    pred = {"source": [[0, 6]], "cue": [[6, 10]], "content": [[11, 18], [18, 26]]}
    result = _score([SMITH], [pred])
    assert result["source_exact_f1"] == 1.0
    assert result["content_exact_f1"] == 1.0


def test_missing_sources_and_missed_attributions():
    gold = [dict(SMITH, source=None), JONES]
    pred = [{"source": [], "cue": [[6, 10]], "content": [[11, 26]]}]
    result = _score(gold, pred)
    assert result["attribution_overlap_precision"] == 1.0
    assert result["attribution_overlap_recall"] == 0.5
    assert result["source_overlap_recall"] == 0.0


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def test_evaluate_writes_predictions_and_scores(tmp_path: Path, resources):
    text = '"We will rebuild the school," Mayor Ana Ruiz said on Monday.'
    gold = {
        "source": [[text.index("Mayor"), text.index(" said")]],
        "cue": [[text.index("said"), text.index("said") + 4]],
        "content": [[0, text.index(" Mayor")]],
    }
    data = tmp_path / "gold.jsonl"
    data.write_text(
        json.dumps({"id": "r1", "text": text, "attributions": [gold]})
        + "\n"
        + json.dumps({"id": "r2", "text": "The weather was mild."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    result = evaluate(data, out, resources)
    lines = list(read_jsonl(out))
    assert [line["id"] for line in lines] == ["r1", "r2"]
    assert set(lines[0]["attributions"][0]) == {"source", "cue", "content"}
    assert result["records"] == 2
    assert result["cue_exact_f1"] == 1.0
    assert result["source_overlap_f1"] == 1.0
    assert result["content_overlap_f1"] == 1.0
