"""Train the event classifiers (PLOVER type, ACLED code) on the examples we wrote.

Reproduces ``src/eventwire/data/events/{scheme}_model.json.gz``:

    .venv/bin/python tools/train_events.py --scheme plover
    .venv/bin/python tools/train_events.py --scheme acled

Needs the ``events-build`` extra (scikit-learn: logistic regression). The examples are
``training/events/plover_examples*.jsonl`` (``{"text", "event"}``) or
``training/events/acled_examples*.jsonl`` (``{"text", "code"}``). Before training, when
``../shared/datasets/events/plover_gsr.jsonl`` is present, the tool refuses any example that
shares 8 or more consecutive lower-cased words with a GSR sentence (decontamination: the GSR
is for measuring only). ``--folds K`` prints K-fold cross-validated accuracy of the whole
labelling (triggers, classifier, PLOVER rules) on the examples; the regularisation ``--c``
was chosen that way. Fixed seeds: the same examples give the same model.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from spacy.tokens import Doc

from eventwire import datafiles
from eventwire.eval.common import read_jsonl
from eventwire.eval.events import SHARED_WORDS, overlapping, scores, snippet_label
from eventwire.events.classify import NONE, EventClassifier, features, main_candidate, unit_candidates
from eventwire.events.detect import detect, main_detection
from eventwire.events.triggers import load_lexicon
from eventwire.linear import LinearModel, save_models
from eventwire.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "datasets" / "events" / "plover_gsr.jsonl"
LABEL_FIELD = {"plover": "event", "acled": "code"}
SEED = 0
DEFAULT_C = {"plover": 30.0, "acled": 3.0}  # chosen by cross-validation on the written examples


def load_examples(scheme: str, files: list[Path] | None) -> list[dict[str, Any]]:
    """Every example of the scheme's files, duplicates (same text) dropped."""
    paths = files or sorted((ROOT / "training" / "events").glob(f"{scheme}_examples*.jsonl"))
    seen: set[str] = set()
    out = []
    for path in paths:
        for record in read_jsonl(path):
            if record["text"] not in seen:
                seen.add(record["text"])
                out.append({"text": record["text"], "label": record[LABEL_FIELD[scheme]]})
    return out


def featurise(doc: Doc) -> Counter[str]:
    """The classifier's features for the text's main trigger (see ``classify.features``)."""
    lexicon = load_lexicon()
    unit = doc[:]
    cands = unit_candidates(unit, lexicon)
    return Counter(features(unit, main_candidate(cands, doc), cands, lexicon))


def fit(feats: list[Counter[str]], labels: list[str], c: float, scheme: str) -> EventClassifier:
    """A multinomial logistic regression, exported as a ``LinearModel`` (bias = intercept)."""
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    clf.fit(x, labels)
    classes = [str(k) for k in clf.classes_]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.feature_names_):
        column = [round(float(clf.coef_[k, j]), 4) for k in range(len(classes))]
        if any(column):
            weights[name] = column
    bias = weights.get("bias", [0.0] * len(classes))
    weights["bias"] = [round(b + float(i), 4) for b, i in zip(bias, clf.intercept_, strict=True)]
    return EventClassifier(LinearModel(classes, weights), {"scheme": scheme})


def cross_validate(
    docs: list[Doc], feats: list[Counter[str]], labels: list[str], args: argparse.Namespace
) -> None:
    """Print K-fold accuracy and weighted F1 of ``snippet_label`` with fold-trained models."""
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=SEED)
    pairs: list[tuple[str, str]] = []
    detected: list[tuple[str, str]] = []
    for train, test in folds.split(feats, labels):
        model = fit([feats[i] for i in train], [labels[i] for i in train], args.c, args.scheme)
        pairs += [(labels[i], snippet_label(docs[i], args.scheme, model)[0]) for i in test]
        if args.scheme == "plover":
            mains = [(i, main_detection(docs[i], detect(docs[i], model))) for i in test]
            detected += [(labels[i], main.event if main else NONE) for i, main in mains]
    events = [(g, p) for g, p in pairs if g != NONE]
    print(f"{args.folds}-fold CV, all {len(pairs)} examples: {scores(pairs)[0]}")
    if args.scheme == "plover":
        print(f"  detection (NONE when detect finds nothing): {scores(detected)[0]}")
        print(f"  on the {len(events)} event examples: {scores(events)[0]}")
        confusion = Counter((g, p) for g, p in events if g != p)
        print("  most confused (gold -> predicted):", confusion.most_common(12))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scheme", choices=sorted(LABEL_FIELD), default="plover")
    ap.add_argument("--examples", type=Path, nargs="*", help="example files (default: training/events)")
    ap.add_argument("--out", type=Path, help="model file (default: the shipped one)")
    ap.add_argument("--c", type=float, help="inverse L2 regularisation strength (default: per scheme)")
    ap.add_argument("--folds", type=int, default=0, help="print K-fold cross-validated scores")
    ap.add_argument("--no-train", action="store_true", help="only cross-validate")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                    help="try other [detect] thresholds of triggers.toml in this run")  # fmt: skip
    args = ap.parse_args()
    args.c = args.c or DEFAULT_C[args.scheme]
    for item in args.set:
        key, value = item.split("=", 1)
        load_lexicon().settings[key] = float(value)

    examples = load_examples(args.scheme, args.examples)
    gsr = [r["text"] for r in read_jsonl(GSR)] if GSR.exists() else []
    if bad := overlapping((e["text"] for e in examples), gsr):
        lines = [f"refusing: {len(bad)} examples share {SHARED_WORDS}+ words with a GSR sentence:", *bad]
        print("\n  ".join(lines), file=sys.stderr)
        sys.exit(1)
    print(f"{len(examples)} examples: {dict(Counter(e['label'] for e in examples).most_common())}")
    docs = list(Resources().nlp.pipe((e["text"] for e in examples), batch_size=64))
    feats = [featurise(doc) for doc in docs]
    labels = [e["label"] for e in examples]
    if args.folds:
        cross_validate(docs, feats, labels, args)
    if args.no_train:
        return
    model = fit(feats, labels, args.c, args.scheme)
    out = args.out or datafiles.path("events", f"{args.scheme}_model.json.gz")
    meta = {"scheme": args.scheme, "examples": len(examples), "c": args.c, "labels": list(model.labels)}
    save_models(out, {args.scheme: model.model}, meta)
    print(f"wrote {out}: {len(model.model.weights)} features x {len(model.labels)} labels")


if __name__ == "__main__":
    main()
