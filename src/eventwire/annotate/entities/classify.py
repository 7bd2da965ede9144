"""What the words of a phrase tell: role terms, sector modifiers and countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.annotate.entities.lexicon import Lexicon, Role, normalise
from eventwire.annotate.entities.phrases import HYPHENS

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_NAME_WORDS = 6


def term_keys(doc: Doc, first: int, last: int) -> tuple[str, str]:
    """Lower-case keys for tokens ``first..last``: as written, and with the last word's lemma."""
    tok = doc[last]
    prefix = "".join(t.text_with_ws for t in doc[first:last]).lower()
    return normalise(prefix + tok.lower_), normalise(prefix + tok.lemma_.lower())


def role_at(doc: Doc, i: int, lo: int, lex: Lexicon, military: bool) -> tuple[Role, int] | None:
    """The longest role term ending at token *i* and starting at or after *lo*, with the index of
    its first token; words that need a military context count only when *military*."""
    for first in range(max(lo, i - lex.max_term_words + 1), i + 1):
        for role in lex.role(*term_keys(doc, first, i)):
            if military or not role.military_only:
                return role, first
    return None


def modifier_sector(doc: Doc, lo: int, hi: int, lex: Lexicon) -> str | None:
    """The sector told by the leftmost sector word or known name among tokens ``lo:hi``."""
    for first in range(lo, hi):
        for last in range(min(hi, first + lex.max_term_words) - 1, first - 1, -1):
            found = next((lex.modifiers[k] for k in term_keys(doc, first, last) if k in lex.modifiers), None)
            entry = lex.name(doc[first : last + 1].text)
            if not found and entry and entry.kind != "GPE":
                found = entry.sector
            if found:
                return found
    return None


def country_in(doc: Doc, lo: int, hi: int, lex: Lexicon) -> str | None:
    """The first country told by a name or demonym among tokens ``lo:hi`` ("Russian", "of
    Ukraine"), skipping those after "pro-" or "anti-"."""
    blockers = lex.mention_rules["country_blockers"]
    for first in range(lo, hi):
        if _blocked(doc, first, blockers):
            continue
        for last in range(min(hi, first + MAX_NAME_WORDS) - 1, first - 1, -1):
            code = lex.country(doc[first : last + 1].text)
            if code:
                return code
    return None


def _blocked(doc: Doc, i: int, blockers: list[str]) -> bool:
    before = doc[i - 1] if i else None
    if before is not None and before.text in HYPHENS and i > 1:
        before = doc[i - 2]
    return before is not None and before.lower_ in blockers
