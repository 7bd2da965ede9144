"""Language of the cleaned text with a bundled language-id model (py3langid)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from eventwire.clean.rules import setting

LangId = Callable[[str], tuple[str, float]]


def detect_language(text: str, langid: LangId) -> str | None:
    """The ISO 639-1 code of *text*, or None when it has too few letters to tell."""
    sample = text[: setting("language", "sample_chars")]
    needed = setting("language", "min_letters")
    if len(list(islice(filter(str.isalpha, sample), needed))) < needed:
        return None
    return langid(sample)[0]
