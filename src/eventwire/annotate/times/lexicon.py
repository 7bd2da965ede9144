"""The words of English time expressions (``data/time/lexicon.json``) and number reading."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from eventwire.datafiles import load

_SPACE = re.compile(r"\s+")
_FRACTION = re.compile(r"^(?:(\d+)\s+)?(\d+)/(\d+)$")


def key(text: str) -> str:
    """The lookup form of a matched word: lower case, single spaces, no final dot."""
    return _SPACE.sub(" ", text.strip().lower()).rstrip(".")


class Lexicon:
    """Word classes (month, weekday, unit, ...) mapping surface words to normal forms."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def words(self, cls: str) -> list[str]:
        """The surface words of *cls*, longest first (so regex alternations prefer them)."""
        return sorted(self._data[cls], key=len, reverse=True)

    def get(self, cls: str, text: str | None) -> Any:
        """The normal form of *text* in *cls*, or None."""
        if text is None:
            return None
        return self._data[cls].get(key(text))

    def has(self, cls: str, text: str) -> bool:
        return key(text) in self._data[cls]

    def context(self, name: str) -> list[str]:
        """A list of context words (``context`` section): cues, signals, stop words."""
        return list(self._data["context"][name])

    def words_before(self, name: str) -> re.Pattern[str]:
        """Matches text ending in one of the context words *name* (and spaces)."""
        return re.compile(rf"(?<!\w)(?:{alternation(self.context(name))})\s*$", re.IGNORECASE)

    def words_after(self, name: str) -> re.Pattern[str]:
        """Matches text starting with one of the context words *name*."""
        return re.compile(rf"^\s*(?:{alternation(self.context(name))})(?!\w)", re.IGNORECASE)

    def number(self, text: str) -> float | None:
        """The value of a number written in digits or words; None when vague ("several")."""
        text = key(text).replace(",", "")
        if text in self._data["vague_number"]:
            return None
        half = 0.5 if text.endswith(" and a half") else 0.0
        text = text.removesuffix(" and a half")
        fraction = _FRACTION.match(text)
        if fraction:
            whole, num, den = fraction.groups()
            return int(whole or 0) + int(num) / int(den) + half
        try:
            return float(text) + half
        except ValueError:
            pass
        return self._word_number(text) + half

    def _word_number(self, text: str) -> float:
        numbers = self._data["number"]
        if text in numbers:
            return float(numbers[text])
        total = 0.0
        for word in re.split(r"[\s-]+", text):
            value = numbers.get(word)
            if value is None:
                continue
            total = total * value if value == 100 and total else total + value
        return total


def alternation(words: list[str]) -> str:
    """A regex alternation of *words*, longest first, any run of spaces between their parts."""
    escaped = (re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))
    return "|".join(e.replace(" ", r"\s+") for e in escaped)


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return Lexicon(load("time", "lexicon.json"))
