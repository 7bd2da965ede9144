"""Features for the two classifiers: cue anchors (one token) and roles (token given an anchor)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources

from spacy.tokens import Token

from eventwire.annotate.quotes.context import DocContext
from eventwire.annotate.quotes.profiles import profile_features

ROLE_LABELS = ("O", "SOURCE", "CUE", "CONTENT")
CUE_LABELS = ("O", "CUE")


def _word(token: Token) -> str:
    """The lower-cased word for function words and punctuation, else the coarse tag."""
    if token.is_stop or token.is_punct or token.pos_ in {"ADP", "PART", "AUX", "DET"}:
        return token.lower_
    return token.pos_


@cache
def cue_classes() -> dict[str, tuple[str, ...]]:
    """Lemma -> its classes in ``data/quotes/cue_lexicon.json`` (speech, cognition, stance...)."""
    path = resources.files("eventwire") / "data" / "quotes" / "cue_lexicon.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, ...]] = {}
    for name, words in data.items():
        if not name.startswith("_"):
            for word in words:
                out[word] = (*out.get(word, ()), name)
    return out


def _classes(token: Token) -> tuple[str, ...]:
    return cue_classes().get(token.lemma_.lower(), ())


def _kind(token: Token) -> str:
    """A coarse class of a noun phrase head: entity type, pronoun or part of speech."""
    return token.ent_type_ or ("PRON" if token.pos_ == "PRON" else token.pos_)


def cue_features(token: Token, ctx: DocContext, profiles: Mapping[str, str] | None = None) -> list[str]:
    """Features telling whether *token* heads an attribution cue.

    *profiles* maps lemmas to their complement profile (``profiles.build_profiles``).
    """
    lemma, pos, dep = token.lemma_.lower(), token.pos_, token.dep_
    head = token.head
    doc = token.doc
    i = token.i
    prev = _word(doc[i - 1]) if i > 0 else "<s>"
    prev2 = _word(doc[i - 2]) if i > 1 else "<s>"
    nxt = _word(doc[i + 1]) if i + 1 < len(doc) else "</s>"
    quoted = str(ctx.quote[i] >= 0)
    sent_start, sent_end = ctx.sents[i]
    sent_quoted = str(ctx.quote[sent_start] >= 0 or ctx.quote[sent_end - 1] >= 0)
    feats = [
        "bias",
        "l=" + lemma,
        "w=" + token.lower_,
        "p=" + pos,
        "t=" + token.tag_,
        "d=" + dep,
        "ld=" + lemma + "|" + dep,
        "lt=" + lemma + "|" + token.tag_,
        "hl=" + head.lemma_.lower(),
        "hp=" + head.pos_ + "|" + dep,
        "lhl=" + lemma + "|" + head.lemma_.lower(),
        "lhd=" + lemma + "|" + dep + "|" + head.dep_,
        "e=" + token.ent_type_,
        "q=" + quoted,
        "lq=" + lemma + "|" + quoted,
        "sq=" + sent_quoted + "|" + quoted,
        "lsq=" + lemma + "|" + sent_quoted,
        "pw=" + prev,
        "pw2=" + prev2 + "|" + prev,
        "nw=" + nxt,
        "lnw=" + lemma + "|" + nxt,
        "lpw=" + lemma + "|" + prev,
    ]
    deps = sorted({c.dep_ for c in token.children if c.dep_ not in {"punct", "cc"}})
    sig = pos + "|" + ",".join(deps)
    feats.append("sig=" + sig)
    feats.append("suf=" + token.lower_[-3:] + "|" + pos)
    feats.extend(_class_features(token, sig, quoted + sent_quoted))
    if profiles is not None:
        feats.extend(profile_features(token, profiles))
    for child in token.children:
        cdep = child.dep_
        feats.append("c=" + cdep)
        feats.append("lc=" + lemma + "|" + cdep)
        if cdep in {"prep", "prt", "agent", "mark", "aux", "auxpass", "neg", "advmod"}:
            feats.append("lcw=" + lemma + "|" + child.lower_)
        elif cdep in {"nsubj", "nsubjpass", "poss"}:
            feats.append("subj=" + cdep + "|" + _kind(child))
            feats.append("lsubj=" + lemma + "|" + cdep + "|" + _kind(child))
        elif cdep in {"attr", "acomp", "dobj", "xcomp"}:
            feats.append("lcl=" + lemma + "|" + cdep + "|" + child.lemma_.lower())
            feats.append("cl=" + cdep + "|" + child.lemma_.lower())
        elif cdep == "ccomp" or (cdep == "punct" and child.text in {":", "“", '"'}):
            feats.append("lcc=" + lemma + "|" + cdep + "|" + child.text[:1])
    return feats


def _class_features(token: Token, sig: str, quoted: str) -> list[str]:
    """Lexicon classes of the token, of its complements and of its head, with their context."""
    pos, dep = token.pos_, token.dep_
    feats = []
    for cls in _classes(token) or ("-",):
        feats += [
            "x=" + cls + "|" + pos,
            "xd=" + cls + "|" + dep,
            "xs=" + cls + "|" + sig,
            "xq=" + cls + "|" + pos + "|" + quoted,
        ]
    for child in token.children:
        if child.dep_ in {"attr", "acomp", "dobj", "xcomp", "ccomp", "pobj", "prep", "advmod"}:
            feats += ["cx=" + child.dep_ + "|" + cls for cls in _classes(child)]
    feats += ["hx=" + dep + "|" + cls for cls in _classes(token.head)]
    return feats


def _path(anchor: Token, token: Token, up: dict[int, int]) -> str:
    """The dependency relation of *token* to *anchor*, as a short string.

    *up* maps the indices of the anchor and its ancestors to their distance above the anchor.
    """
    if token.i == anchor.i:
        return "self"
    steps = [token]
    node = token
    while node.i not in up and node.head.i != node.i:
        node = node.head
        steps.append(node)
    if node.i not in up:
        return "far"
    if node.i == anchor.i:  # token lies below the anchor
        child = steps[-2]
        below = steps[-3].dep_ if len(steps) > 2 else "*"
        return "D:" + child.dep_ + ">" + below
    if len(steps) == 1:  # token is an ancestor of the anchor
        return f"U{min(up[token.i], 3)}:{anchor.dep_}"
    return f"L{min(up[node.i], 3)}:{anchor.dep_}|{steps[-2].dep_}"


def ancestors_map(anchor: Token) -> dict[int, int]:
    """The anchor and its ancestors, mapped to their distance above the anchor."""
    up = {anchor.i: 0}
    for k, node in enumerate(anchor.ancestors, start=1):
        up[node.i] = k
    return up


def role_features(anchor: Token, token: Token, ctx: DocContext, up: dict[int, int]) -> list[str]:
    """Features telling the role of *token* in the attribution anchored at *anchor*."""
    path = _path(anchor, token, up)
    coarse = path.split(">", 1)[0]
    lemma = anchor.lemma_.lower()
    side = "L" if token.i < anchor.i else "R"
    dist = abs(token.i - anchor.i)
    near = str(min(dist, 5)) if dist < 6 else ("m" if dist < 15 else "f")
    word = _word(token)
    tq, aq = ctx.quote[token.i], ctx.quote[anchor.i]
    quote = "in" if tq >= 0 and tq == aq else ("q" if tq >= 0 else "-")
    same_sent = ctx.sents[token.i] == ctx.sents[anchor.i]
    feats = [
        "bias",
        "P=" + path,
        "Pc=" + coarse,
        "Ps=" + path + "|" + side,
        "Pl=" + coarse + "|" + lemma,
        "Pw=" + coarse + "|" + word,
        "Pq=" + coarse + "|" + quote,
        "Pn=" + coarse + "|" + near,
        "td=" + token.dep_ + "|" + side,
        "tp=" + token.pos_ + "|" + quote,
        "w=" + word + "|" + side + near,
        "lw=" + lemma + "|" + word + "|" + side,
        "q=" + quote + "|" + side + "|" + str(aq >= 0),
        "ss=" + str(same_sent) + "|" + quote,
        "ap=" + anchor.pos_ + "|" + coarse,
        "te=" + token.ent_type_ + "|" + coarse,
    ]
    if dist == 1:
        feats.append("adj=" + side + "|" + token.lower_ + "|" + lemma)
    return feats
