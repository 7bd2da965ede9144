"""Find candidate time expressions with the compiled rules and keep the best non-overlapping ones."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.annotate.times.grammar import rules
from eventwire.annotate.times.lexicon import lexicon


@dataclass(frozen=True, eq=False)
class Candidate:
    """One rule match: its span, the rule's kind and order, and the named groups it filled."""

    start: int
    end: int
    kind: str
    order: int
    groups: dict[str, str]
    text: str  # the whole text the match was found in

    @property
    def surface(self) -> str:
        return self.text[self.start : self.end]

    def before(self, chars: int = 40) -> str:
        """The text just before the match."""
        return self.text[max(0, self.start - chars) : self.start]

    def after(self, chars: int = 40) -> str:
        """The text just after the match."""
        return self.text[self.end : self.end + chars]

    def cased(self, word: str, always: bool = False) -> bool:
        """False for a name that needs a capital ("May", "Sun", or any when *always*) written in
        lower case, unless the whole text is lower case."""
        needs_capital = always or lexicon().has("capitalised_only", word)
        return not needs_capital or word[0].isupper() or _lowercase(self.text)


def _lowercase(text: str) -> bool:
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < len(letters) / 50


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule in *text*."""
    found = []
    for rule in rules():
        for match in rule.regex.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Candidate(match.start(), match.end(), rule.kind, rule.order, groups, text))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap (earlier rules win ties), in text order."""
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)
