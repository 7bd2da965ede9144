"""Attribution: how strongly each quote's claim is asserted, and its chain of reporting."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.datafiles import load
from eventwire.model import Quote
from eventwire.model import Span as Piece

NAMED = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT"}
RECIPIENT_DEPS = {"dobj", "dative", "iobj"}


@dataclass(frozen=True)
class CertaintyLexicon:
    denied_cues: frozenset[str]
    denied_aux: frozenset[str]
    not_denial: frozenset[str]
    unverified: tuple[re.Pattern[str], ...]
    hedges: frozenset[str]
    claimed_cues: frozenset[str]


@cache
def certainty_lexicon() -> CertaintyLexicon:
    """``data/quotes/certainty.json``."""
    data = load("quotes", "certainty.json")
    return CertaintyLexicon(
        frozenset(data["denied"]["cue_lemmas"]),
        frozenset(data["denied"]["negated_past_aux"]),
        frozenset(data["denied"]["not_denial_verbs"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["unverified"]["patterns"]),
        frozenset(data["claimed"]["hedges"]),
        frozenset(data["claimed"]["cue_lemmas"]),
    )


def _span(doc: Doc, piece: Piece) -> Span | None:
    span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _denies(cue: Span, content: Span | None, lex: CertaintyLexicon) -> bool:
    """A denial cue ("denied"), or content that negates a past event ("says he didn't")."""
    if any(t.lemma_.lower() in lex.denied_cues for t in cue):
        return True
    if content is None:
        return False
    root = content.root
    if root.lemma_.lower() in lex.not_denial:
        return False
    children = list(root.children)
    negated = any(c.dep_ == "neg" for c in children)
    return negated and any(
        c.dep_ == "aux" and c.lemma_.lower() in lex.denied_aux and c.tag_ == "VBD" for c in children
    )


def _hedged(cue: Span, lex: CertaintyLexicon) -> bool:
    """A hedge on the cue ("purportedly shows", "allegedly said") or a claiming cue."""
    words = [*cue, *(c for c in cue.root.children if c.dep_ == "advmod")]
    return any(t.lower_ in lex.hedges for t in words) or any(
        t.lemma_.lower() in lex.claimed_cues for t in cue
    )


def _context(doc: Doc, quote: Quote, cues: list[int], text: str) -> str:
    """The sentences holding the quote, and the next one unless another quote's cue is there."""
    pieces = [*quote.source, *quote.cue, *quote.content]
    start = min(p.start for p in pieces)
    span = doc.char_span(start, max(p.end for p in pieces), alignment_mode="expand")
    if span is None:
        return ""
    start, end = span[0].sent.start_char, span[-1].sent.end_char
    if span[-1].sent.end < len(doc):
        nxt = doc[span[-1].sent.end].sent
        if not any(nxt.start_char <= c < nxt.end_char for c in cues):
            end = nxt.end_char
    return text[start:end]


def certainty(doc: Doc, quote: Quote, cues: list[int], text: str) -> str:
    """denied, unverified, claimed or asserted (checked in that order).

    *cues* are the start offsets of every quote's cue in the document, *text* is ``doc.text``.
    """
    lex = certainty_lexicon()
    cue = _span(doc, quote.cue[0]) if quote.cue else None
    if cue is None:
        return "asserted"
    content = _span(doc, quote.content[0]) if quote.content else None
    if _denies(cue, content, lex):
        return "denied"
    if any(p.search(_context(doc, quote, cues, text)) for p in lex.unverified):
        return "unverified"
    return "claimed" if _hedged(cue, lex) else "asserted"


def _named(span: Span | None) -> bool:
    return span is not None and any(t.ent_type_ in NAMED or t.pos_ == "PROPN" for t in span)


def _recipient(cue: Span, content: list[Piece]) -> Span | None:
    """The named party a claim was told to ("told Pro Gorod"): a name itself, not a phrase
    that merely contains one, and not part of what was said ("denied reports … in Moscow")."""
    for child in cue.root.children:
        words = _subtree(child)
        inside = any(p.start < words.end_char and words.start_char < p.end for p in content)
        if child.dep_ in RECIPIENT_DEPS and _named(child.doc[child.i : child.i + 1]) and not inside:
            return words
    return None


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _enclosing(quote: Quote, quotes: list[Quote]) -> Quote | None:
    """The innermost other quote whose content holds this quote's cue."""
    start = quote.cue[0].start
    holders = [q for q in quotes if q is not quote and any(p.start <= start < p.end for p in q.content)]
    return min(holders, key=lambda q: sum(p.end - p.start for p in q.content), default=None)


def chain(doc: Doc, quote: Quote, quotes: list[Quote], outlet: str | None) -> list[str]:
    """Outlet -> cited sources -> speaker, as far as the text says."""
    names: list[str] = []
    outer = _enclosing(quote, quotes)
    seen = {id(quote)}
    while outer is not None and id(outer) not in seen:
        seen.add(id(outer))
        if outer.speaker and outer.source and _named(_span(doc, outer.source[0])):
            names.insert(0, outer.speaker)
        outer = _enclosing(outer, quotes)
    cue = _span(doc, quote.cue[0]) if quote.cue else None
    recipient = _recipient(cue, quote.content) if cue is not None else None
    if recipient is not None:
        names.append(recipient.text)
    if quote.speaker:
        names.append(quote.speaker)
    out: list[str] = [outlet] if outlet else []
    for name in names:
        if not out or out[-1] != name:
            out.append(name)
    return out


def attribute(quotes: list[Quote], doc: Doc, outlet: str | None) -> list[Quote]:
    """Copies of *quotes* with ``certainty`` and ``chain`` set."""
    cues = [q.cue[0].start for q in quotes if q.cue]
    text = doc.text
    return [
        replace(q, certainty=certainty(doc, q, cues, text), chain=chain(doc, q, quotes, outlet))
        for q in quotes
    ]
