"""Noun-phrase extents from the dependency parse: left modifiers and attached of/from phrases."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.annotate.entities.names import NameSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HYPHENS = {"-", "–", "‑"}
LEADING_JUNK = {"det", "predet", "poss", "case", "punct", "cc", "prep", "advmod", "preconj"}


@dataclass(frozen=True)
class Syntax:
    """What the extent rules need: name spans, dependency sets and prepositions."""

    names: dict[int, NameSpan]
    left_deps: frozenset[str]
    prepositions: frozenset[str]


def breaks_phrase(token: Token) -> bool:
    """Punctuation other than a hyphen ends a run of modifiers ("(", ",", quotes)."""
    return token.is_space or (token.is_punct and token.text not in HYPHENS)


def is_premodifier(token: Token, syntax: Syntax) -> bool:
    """A modifier before its head with nothing but words in between ("Russian", "Wagner")."""
    head = token.head
    if token.dep_ not in syntax.left_deps or head.i <= token.i:
        return False
    return not any(breaks_phrase(t) for t in token.doc[token.i + 1 : head.i])


def left_start(head: Token, syntax: Syntax) -> int:
    """Where the head's phrase starts: its run of modifiers, without determiners or possessors."""
    doc = head.doc
    start = head.i
    for child in reversed(list(head.lefts)):
        edge = child.left_edge.i
        if child.dep_ not in syntax.left_deps or any(breaks_phrase(t) for t in doc[edge:start]):
            break
        start = edge
    while start < head.i and (doc[start].dep_ in LEADING_JUNK or doc[start].pos_ == "PRON"):
        start += 1
    span = syntax.names.get(head.i)
    return min(start, span.start) if span else start


def extent(head: Token, syntax: Syntax, attach: bool, merged: Collection[int] = ()) -> tuple[int, int]:
    """Token range of the phrase headed by *head*; with *attach*, its of/from phrases and the
    conjuncts in *merged* ("wives and mothers of the conscripts") belong to it."""
    start = left_start(head, syntax)
    span = syntax.names.get(head.i)
    end = max(head.i + 1, span.end if span else 0)
    if attach:
        end = _right_end(head, end, syntax, merged)
    return start, _balanced(head.doc, start, end)


def _balanced(doc: Doc, start: int, end: int) -> int:
    """Take in the closing bracket of a bracket the phrase opens ("Republic (LPR)")."""
    words = [t.text for t in doc[start:end]]
    if words.count("(") > words.count(")") and end < len(doc) and doc[end].text == ")":
        return end + 1
    return end


def _right_end(head: Token, end: int, syntax: Syntax, merged: Collection[int]) -> int:
    rights = list(head.rights)
    for k, child in enumerate(rights):
        if child.i < end:
            continue
        if child.i != end:
            break
        following = rights[k + 1] if k + 1 < len(rights) else None
        if child.i in merged:
            end = extent(child, syntax, True, merged)[1]
        elif child.dep_ in ("cc", "punct") and following is not None and following.i in merged:
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ in syntax.prepositions:
            obj = object_of(child)
            if obj is None:
                break
            end = extent(obj, syntax, True)[1]
        else:
            break
    return end


def apposed(token: Token) -> Token | None:
    """The head or child *token* is in apposition with ("Ivan Petrenko, a professor"); none
    when the appositive holds a coordination, as a list misparsed as apposition does
    ("Putin, the chairman of the committee Bastrykin and the prosecutor")."""
    if token.dep_ == "appos":
        other, appositive = token.head, token
    else:
        other = next((c for c in token.children if c.dep_ == "appos"), None)
        appositive = other
    if appositive is None or any(t.dep_ == "cc" for t in appositive.subtree):
        return None
    return other


def object_of(preposition: Token) -> Token | None:
    """The object of a preposition, if the parse gives one."""
    return next((c for c in preposition.rights if c.dep_ == "pobj"), None)


def attached_objects(head: Token, end: int, syntax: Syntax) -> list[Token]:
    """Objects of the of/from phrases attached to *head* inside its extent."""
    return [
        obj
        for child in head.rights
        if child.i < end and child.dep_ == "prep" and child.lower_ in syntax.prepositions
        for obj in [object_of(child)]
        if obj is not None
    ]
