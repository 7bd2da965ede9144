"""Train the quote tagger (cue and role classifiers) on PolNeAR-style JSONL.

Reproduces ``src/eventwire/data/quotes/model.json.gz``:

    .venv/bin/python tools/train_quotes.py ../shared/datasets/quotes/polnear_train.jsonl \\
        --out src/eventwire/data/quotes/model.json.gz

``--holdout N`` keeps every N-th article (in id order) out of training and prints its scores;
``--docs FILE`` caches the spaCy parses (a DocBin) between runs. The defaults ``--threshold``
(-16, the cue margin), ``--nested-penalty`` (32), ``--cue-epochs`` (6), ``--epochs`` (8, role
model) and the subject fallback for missing sources were chosen on ``--holdout 10``.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Token

from eventwire.annotate.quotes.context import DocContext
from eventwire.annotate.quotes.features import (
    CUE_LABELS,
    ROLE_LABELS,
    ancestors_map,
    cue_features,
    role_features,
)
from eventwire.annotate.quotes.profiles import build_profiles
from eventwire.annotate.quotes.tagger import QuoteTagger
from eventwire.eval.common import PRF, read_jsonl
from eventwire.eval.quotes import ROLES, metrics, score_record
from eventwire.linear import LinearModel, PerceptronTrainer, save_models
from eventwire.resources import Resources

Example = tuple[list[str], str]
Sequence = tuple[list[list[str]], list[str], dict[int, str]]


def parse(records: list[dict[str, Any]], cache: Path | None, resources: Resources) -> list[Doc]:
    """spaCy parses of the records' texts, read from or written to *cache*."""
    nlp = resources.nlp
    if cache and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    if cache:
        bin_ = DocBin(docs=docs)
        bin_.to_disk(cache)
    return docs


def _tokens(doc: Doc, pieces: list[list[int]] | None) -> list[Token]:
    out: list[Token] = []
    for start, end in pieces or []:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_space)
    return out


def _head(tokens: list[Token]) -> Token:
    """The token of *tokens* highest in the parse tree."""
    return min(tokens, key=lambda t: sum(1 for _ in t.ancestors))


def examples(
    record: dict[str, Any], doc: Doc, profiles: dict[str, str] | None = None
) -> tuple[list[Example], list[Sequence]]:
    """Cue examples and role sequences (the window of each gold attribution).

    Every token is a cue example except the non-head tokens of gold cues, which are neither
    heads nor clearly outside a cue.
    """
    ctx = DocContext.build(doc)
    cue_ex: list[Example] = []
    role_ex: list[Sequence] = []
    anchors: set[int] = set()
    inner: set[int] = set()
    for attribution in record["attributions"]:
        cue = _tokens(doc, attribution["cue"])
        if not cue:
            continue
        anchor = _head(cue)
        anchors.add(anchor.i)
        inner.update(t.i for t in cue)
        gold: dict[int, str] = {}
        for role, label in (("content", "CONTENT"), ("source", "SOURCE"), ("cue", "CUE")):
            for t in _tokens(doc, attribution[role]):
                gold[t.i] = label
        gold[anchor.i] = "CUE"
        start, end = ctx.window(anchor)
        up = ancestors_map(anchor)
        feats = [role_features(anchor, doc[i], ctx, up) for i in range(start, end)]
        labels = [gold.get(i, "O") for i in range(start, end)]
        role_ex.append((feats, labels, {anchor.i - start: "CUE"}))
    inner -= anchors
    for token in doc:
        if not token.is_space and token.i not in inner:
            label = "CUE" if token.i in anchors else "O"
            cue_ex.append((cue_features(token, ctx, profiles), label))
    return cue_ex, role_ex


def train(
    data: list[Example] | list[Sequence], labels: tuple[str, ...], epochs: int, seed: int
) -> LinearModel:
    """An averaged perceptron over examples or sequences, shuffled with *seed* each epoch."""
    trainer = PerceptronTrainer(labels)
    update = trainer.update_sequence if data and len(data[0]) == 3 else trainer.update
    rng = random.Random(seed)
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        right = sum(update(*data[i]) for i in order)
        print(f"  epoch {epoch + 1}: {right / len(data):.4f} right", flush=True)
    return trainer.finish()


def score(tagger: QuoteTagger, records: list[dict[str, Any]], docs: list[Doc]) -> dict[str, float]:
    """Span scores of *tagger* on *records* (see ``eventwire.eval.quotes.evaluate``)."""
    counts: dict[str, PRF] = {}
    for record, doc in zip(records, docs, strict=True):
        pred = [{role: [[s.start, s.end] for s in getattr(f, role)] for role in ROLES} for f in tagger(doc)]
        score_record(record["text"], record["attributions"], pred, counts)
    return metrics(counts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--docs", type=Path, help="DocBin cache of the parses")
    ap.add_argument("--epochs", type=int, default=8, help="epochs of the role model")
    ap.add_argument("--cue-epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--holdout", type=int, default=0, help="hold out every N-th article")
    ap.add_argument("--threshold", type=float, default=-16.0, help="cue margin above which a token is a cue")
    ap.add_argument(
        "--nested-penalty", type=float, default=32.0, help="extra margin for an anchor inside a kept content"
    )
    ap.add_argument(
        "--no-subject-fallback",
        dest="subject_fallback",
        action="store_false",
        help="leave a source the role model does not find empty (see spans.subject_source)",
    )
    args = ap.parse_args()

    records = list(read_jsonl(args.train))
    docs = parse(records, args.docs, Resources())
    pairs = sorted(zip(records, docs, strict=True), key=lambda p: p[0]["id"])
    held = [p for k, p in enumerate(pairs) if args.holdout and k % args.holdout == 0]
    fit = [p for k, p in enumerate(pairs) if not (args.holdout and k % args.holdout == 0)]

    t0 = time.time()
    profiles = build_profiles(doc for _, doc in fit)
    cue_data: list[Example] = []
    role_data: list[Sequence] = []
    for record, doc in fit:
        c, r = examples(record, doc, profiles)
        cue_data += c
        role_data += r
    print(f"{len(cue_data)} cue and {len(role_data)} role examples ({time.time() - t0:.0f}s)")
    print("cue model")
    cue = train(cue_data, CUE_LABELS, args.cue_epochs, args.seed)
    print("role model")
    role = train(role_data, ROLE_LABELS, args.epochs, args.seed)
    print(f"features: cue {len(cue.weights)}, role {len(role.weights)}")

    if held:
        tagger = QuoteTagger(
            cue, role, args.threshold, profiles, True, args.nested_penalty, args.subject_fallback
        )
        result = score(tagger, [p[0] for p in held], [p[1] for p in held])
        for key, value in result.items():
            if key.endswith("f1") or key.endswith("precision") or key.endswith("recall"):
                print(f"{key}\t{value}")
    if args.out:
        meta = {
            "trained_on": args.train.name,
            "articles": len(fit),
            "epochs": args.epochs,
            "cue_epochs": args.cue_epochs,
            "threshold": args.threshold,
            "suppress": True,
            "nested_penalty": args.nested_penalty,
            "subject_fallback": args.subject_fallback,
            "profiles": profiles,
        }
        save_models(args.out, {"cue": cue, "role": role}, meta)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
