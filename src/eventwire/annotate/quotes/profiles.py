"""Complement profiles of lemmas, learned from parsed text: how often each takes a clause.

Verbs and nouns that introduce reported content take clausal complements (``ccomp``, a
"that"-clause, ``xcomp``) or stand next to quotation marks far more often than others. The
profile of a lemma, counted over unlabelled parses, lets the cue classifier generalise to cue
heads it saw rarely as cues.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.annotate.quotes.context import DocContext

TRAITS = ("ccomp", "that", "xcomp", "quote", "colon")
MIN_COUNT = 3  # occurrences a lemma needs to be profiled
EDGES = (0.05, 0.2, 0.5)  # rate buckets: 0, (0, .05), [.05, .2), [.2, .5), [.5, 1]


def traits(token: Token, ctx: DocContext) -> set[str]:
    """Which of ``TRAITS`` this occurrence of a token shows."""
    found = set()
    for child in token.children:
        if child.dep_ == "ccomp":
            found.add("ccomp")
            if any(c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in child.children):
                found.add("that")
        elif child.dep_ == "xcomp":
            found.add("xcomp")
        elif child.dep_ == "punct" and child.text == ":":
            found.add("colon")
    doc, i = token.doc, token.i
    near = range(max(0, i - 2), min(len(doc), i + 3))
    if ctx.quote[i] < 0 and any(ctx.quote[k] >= 0 for k in near):
        found.add("quote")
    return found


def _bucket(rate: float) -> str:
    """Bucket "0" for a rate of zero, else 1 + the number of ``EDGES`` at or below it."""
    return "0" if rate == 0 else str(1 + bisect.bisect_right(EDGES, rate))


def build_profiles(docs: Iterable[Doc]) -> dict[str, str]:
    """Lemma -> profile code (one rate bucket per trait), for lemmas seen ``MIN_COUNT`` times."""
    seen: Counter[str] = Counter()
    shown: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        ctx = DocContext.build(doc)
        for token in doc:
            if token.pos_ in {"VERB", "NOUN", "ADJ", "AUX"}:
                lemma = token.lemma_.lower()
                seen[lemma] += 1
                shown.update((lemma, t) for t in traits(token, ctx))
    return {
        lemma: "".join(_bucket(shown[lemma, t] / n) for t in TRAITS)
        for lemma, n in seen.items()
        if n >= MIN_COUNT
    }


def profile_features(token: Token, profiles: dict[str, str]) -> list[str]:
    """One feature per trait rate of the token's lemma (``unseen`` for lemmas not profiled)."""
    code = profiles.get(token.lemma_.lower())
    if code is None:
        return ["pf=unseen|" + token.pos_]
    return ["pf" + t + "=" + b + "|" + token.pos_ for t, b in zip(TRAITS, code, strict=True)] + [
        "pfall=" + code
    ]
