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
