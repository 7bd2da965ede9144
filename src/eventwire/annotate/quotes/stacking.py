"""Second-pass cue features: a token's first-pass cue margin beside those of its neighbours.

The second cue model sees, for each token, its own first-pass margin and the strongest
margins elsewhere in its sentence, at its head and among its children (a verb whose
sentence already holds a strong cue is less likely to be another one). On training data
the first-pass margins come from models that did not see the document (cross-fitting).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from eventwire.annotate.quotes.context import DocContext

STEP = 4.0  # width of a margin bucket
CAP = 10  # buckets beyond +-CAP are merged


def bucket(margin: float) -> str:
    """The margin rounded down to a multiple of ``STEP``, capped, as a string."""
    return str(max(-CAP, min(CAP, int(margin // STEP))))


def stacked_features(token: Token, ctx: DocContext, margins: Sequence[float]) -> list[str]:
    """Features of *token* from the first-pass *margins* of every token of its document."""
    i = token.i
    first, last = ctx.sents[i]
    own = margins[i]
    others = [margins[k] for k in range(first, last) if k != i]
    best = max(others, default=-1e9)
    strong = sum(1 for m in others if m > 0)
    children = [margins[c.i] for c in token.children]
    head = margins[token.head.i] if token.head.i != i else -1e9
    mine = bucket(own)
    return [
        "bias",
        "m=" + mine,
        "mp=" + mine + "|" + token.pos_,
        "md=" + mine + "|" + token.dep_,
        "mo=" + mine + "|" + bucket(best),
        "top=" + mine + "|" + str(own >= best),
        "ns=" + mine + "|" + str(min(strong, 3)),
        "mh=" + mine + "|" + bucket(head) + "|" + token.dep_,
        "mc=" + mine + "|" + bucket(max(children, default=-1e9)),
        "mq=" + mine + "|" + str(ctx.quote[i] >= 0),
    ]
