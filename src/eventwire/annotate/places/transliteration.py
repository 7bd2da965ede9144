"""Romanisation of Ukrainian and Russian place names and a spelling-independent key.

``ukrainian`` follows the official Ukrainian national transliteration (Cabinet of Ministers
resolution 55 of 2010): Кліщіївка → Klishchiivka. ``russian`` follows the older Russian-based
spellings common in English news (Горлівка → Gorlivka, Горловка → Gorlovka). ``skeleton``
reduces any of these spellings to the same consonant key (Klishchiivka, Kleshcheevka and
Kleshcheyevka all give ``klŝvk``) so that a lookup can bridge the two traditions.
"""

from __future__ import annotations

import re
import unicodedata

_UK_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
# Letters spelled differently at the start of a word.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_RU_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "", "ʼ": "",
}  # fmt: skip

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SKELETON_DIGRAPHS = (
    ("shch", "ŝ"), ("sch", "ŝ"), ("zh", "ž"), ("kh", "h"), ("ch", "č"), ("sh", "š"),
    ("ts", "c"), ("tz", "c"), ("g", "h"), ("x", "ks"), ("w", "v"),
)  # fmt: skip
_SKELETON_DROP = re.compile(r"[aeiouyj'\s\-]")


def has_cyrillic(text: str) -> bool:
    """Whether *text* contains any Cyrillic letter."""
    return bool(_CYRILLIC.search(text))


def _romanise(text: str, table: dict[str, str], initial: dict[str, str]) -> str:
    out: list[str] = []
    previous = ""
    for char in text:
        lower = char.lower()
        at_start = not previous.isalpha()
        if lower == "г" and previous.lower() == "з" and table is _UK_BASE:
            latin = "gh"  # зг → zgh, kept apart from zh (ж)
        elif at_start and lower in initial:
            latin = initial[lower]
        else:
            latin = table.get(lower, char)
        if char.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        previous = char
    return "".join(out)


def ukrainian(text: str) -> str:
    """Official Ukrainian romanisation (2010): Кліщіївка → Klishchiivka, Київ → Kyiv."""
    return _romanise(text, _UK_BASE, _UK_INITIAL)


def russian(text: str) -> str:
    """Russian-based romanisation as used in older English spellings: Горловка → Gorlovka."""
    return _romanise(text, _RU_BASE, {})


def skeleton(name: str) -> str:
    """A consonant key shared by the romanisations of one East Slavic name.

    Vowels, ``y`` and ``j`` are dropped, g/h and the digraphs are unified and doubled
    letters collapsed: Horlivka and Gorlovka both give ``hrlvk``.
    """
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    for digraph, letter in _SKELETON_DIGRAPHS:
        text = text.replace(digraph, letter)
    text = _SKELETON_DROP.sub("", text)
    return re.sub(r"(.)\1+", r"\1", text)
