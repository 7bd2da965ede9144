"""Cheap textual context for anchoring: sentence bounds, tense cues and datelines."""

from __future__ import annotations

import bisect
import re

from eventwire.annotate.times.lexicon import alternation, lexicon

_LEX = lexicon()
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"“‘(`]*[A-Z0-9])|\n\s*\n")
_FUTURE = re.compile(rf"(?<!\w)(?:{alternation(_LEX.context('future_cue'))})(?!\w)", re.IGNORECASE)
# Past cues: the lexicon's words and any word in -ed.
_PAST = re.compile(rf"(?<!\w)(?:{alternation(_LEX.context('past_cue'))}|\w{{3,}}ed)(?!\w)", re.IGNORECASE)
_NOT_PAST = frozenset(_LEX.context("not_past"))  # -ed words that are not past tenses
# A participle after a form of "be" is passive ("will be held"), not a past tense.
_PASSIVE = _LEX.words_before("passive_auxiliary")
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z.'’ -]*(?:,\s*[A-Z][A-Za-z.'’ -]*)?,\s*$")


class Sentences:
    """Sentence bounds of a text, found by punctuation and blank lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence containing *pos*."""
        i = bisect.bisect_right(self._starts, pos) - 1
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self._starts[i], end

    def same(self, a: int, b: int) -> bool:
        return self.bounds(a) == self.bounds(b)

    def tense(self, start: int, end: int) -> int:
        """+1 when the nearest tense cue of the sentence is future, -1 when past, 0 when none."""
        s_start, s_end = self.bounds(start)
        best: tuple[int, int] | None = None
        for pattern, sign in ((_FUTURE, 1), (_PAST, -1)):
            for match in pattern.finditer(self.text, s_start, s_end):
                if start <= match.start() < end or (sign < 0 and self._not_past(match)):
                    continue
                distance = start - match.end() if match.end() <= start else match.start() - end
                if best is None or distance < best[0]:
                    best = (distance, sign)
        return 0 if best is None else best[1]

    def _not_past(self, match: re.Match[str]) -> bool:
        word = match.group().lower()
        if word in _NOT_PAST:
            return True
        before = self.text[max(0, match.start() - 12) : match.start()]
        return word.endswith("ed") and " " not in word and _PASSIVE.search(before) is not None


def is_dateline(text: str, start: int) -> bool:
    """True when the text before *start* is a dateline place ("WASHINGTON, ")."""
    return start < 80 and _DATELINE.match(text[:start]) is not None
