"""A small multiclass averaged perceptron over string features: training and prediction."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class LinearModel:
    """Weights per feature and label; ``scores`` sums the weights of the features present."""

    def __init__(self, labels: Iterable[str], weights: dict[str, list[float]] | None = None) -> None:
        self.labels = tuple(labels)
        self.weights = weights if weights is not None else {}

    def scores(self, features: Iterable[str]) -> list[float]:
        """One score per label, in the order of ``labels``."""
        totals = [0.0] * len(self.labels)
        get = self.weights.get
        for feature in features:
            w = get(feature)
            if w is not None:
                for i, value in enumerate(w):
                    totals[i] += value
        return totals

    def predict(self, features: Iterable[str]) -> str:
        scores = self.scores(features)
        return self.labels[max(range(len(scores)), key=scores.__getitem__)]

    def viterbi(self, features: list[list[str]], fixed: dict[int, str] | None = None) -> list[str]:
        """The best label sequence, emission scores plus transition features ``T=<previous>``.

        *fixed* pins the label of some positions.
        """
        n = len(self.labels)
        index = {label: i for i, label in enumerate(self.labels)}
        trans = [self.weights.get("T=" + label, [0.0] * n) for label in (*self.labels, "<s>")]
        pinned = {k: index[v] for k, v in (fixed or {}).items()}
        best = [0.0] * n
        prev_label = n  # index of "<s>"
        back: list[list[int]] = []
        for k, feats in enumerate(features):
            emit = self.scores(feats)
            if k == 0:
                cur = [trans[prev_label][j] + emit[j] for j in range(n)]
                ptr = [prev_label] * n
            else:
                cur, ptr = [], []
                for j in range(n):
                    p = max(range(n), key=lambda i, j=j: best[i] + trans[i][j])
                    cur.append(best[p] + trans[p][j] + emit[j])
                    ptr.append(p)
            if k in pinned:
                cur = [c if j == pinned[k] else float("-inf") for j, c in enumerate(cur)]
            best = cur
            back.append(ptr)
        j = max(range(n), key=best.__getitem__)
        path = [j]
        for ptr in reversed(back[1:]):
            j = ptr[j]
            path.append(j)
        return [self.labels[j] for j in reversed(path)]

    def to_dict(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(data["labels"], data["weights"])


class PerceptronTrainer:
    """Averaged perceptron (lazy averaging); ``finish`` returns the averaged ``LinearModel``."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.model = LinearModel(labels)
        self._totals: dict[str, list[float]] = {}
        self._stamps: dict[str, list[int]] = {}
        self._index = {label: i for i, label in enumerate(self.model.labels)}
        self._step = 0

    def update(self, features: list[str], gold: str) -> bool:
        """Learn from one example; return True when the prediction was already right."""
        self._step += 1
        guess = self.model.predict(features)
        if guess == gold:
            return True
        for feature in features:
            self._bump(feature, self._index[gold], 1.0)
            self._bump(feature, self._index[guess], -1.0)
        return False

    def update_sequence(
        self, features: list[list[str]], gold: list[str], fixed: dict[int, str] | None = None
    ) -> bool:
        """Learn from one labelled sequence (emissions and ``T=`` transitions)."""
        self._step += 1
        guess = self.model.viterbi(features, fixed)
        if guess == gold:
            return True
        for k, (g, p) in enumerate(zip(gold, guess, strict=True)):
            g_prev = gold[k - 1] if k else "<s>"
            p_prev = guess[k - 1] if k else "<s>"
            if g != p:
                for feature in features[k]:
                    self._bump(feature, self._index[g], 1.0)
                    self._bump(feature, self._index[p], -1.0)
            if (g_prev, g) != (p_prev, p):
                self._bump("T=" + g_prev, self._index[g], 1.0)
                self._bump("T=" + p_prev, self._index[p], -1.0)
        return False

    def _bump(self, feature: str, label: int, delta: float) -> None:
        n = len(self.model.labels)
        weights = self.model.weights.setdefault(feature, [0.0] * n)
        totals = self._totals.setdefault(feature, [0.0] * n)
        stamps = self._stamps.setdefault(feature, [0] * n)
        totals[label] += (self._step - stamps[label]) * weights[label]
        stamps[label] = self._step
        weights[label] += delta

    def finish(self, digits: int = 3) -> LinearModel:
        """The averaged weights, rounded, without features whose weights all round to zero."""
        averaged: dict[str, list[float]] = {}
        step = max(self._step, 1)
        for feature, weights in self.model.weights.items():
            totals, stamps = self._totals[feature], self._stamps[feature]
            avg = [
                round((t + (self._step - s) * w) / step, digits)
                for w, t, s in zip(weights, totals, stamps, strict=True)
            ]
            if any(avg):
                averaged[feature] = avg
        return LinearModel(self.model.labels, averaged)


def save_models(path: Path, models: dict[str, LinearModel], meta: dict[str, Any]) -> None:
    """Write named models and metadata as gzipped JSON."""
    payload = {"meta": meta, "models": {k: m.to_dict() for k, m in models.items()}}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(payload, fh, separators=(",", ":"))


def load_models(path: Path) -> tuple[dict[str, LinearModel], dict[str, Any]]:
    """Read what ``save_models`` wrote."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        payload = json.load(fh)
    models = {k: LinearModel.from_dict(v) for k, v in payload["models"].items()}
    return models, payload["meta"]
