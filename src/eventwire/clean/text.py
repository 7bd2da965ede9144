"""Line-level text helpers: splitting, comparison keys, sentence endings, paragraphs."""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
     "–": "-", "—": "-", "\u00a0": " "}
)  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:…|\.{3,})\s*$")
_SPACE = re.compile(r"\s+")
CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«„"
_WRAP_END = ".!?:;…" + CLOSERS


def split_lines(text: str) -> list[str]:
    """The lines of *text*, each trimmed of surrounding white space (blank lines kept as "")."""
    return [line.strip() for line in text.splitlines()]


def comparison_key(line: str) -> str:
    """*line* folded for comparing titles: quotes, dashes, case, spacing and a final ellipsis."""
    folded = _ELLIPSIS.sub("", line.translate(_FOLD))
    return _SPACE.sub(" ", folded).strip().casefold()


def last_char(line: str) -> str:
    """The last character of *line* that is not a closing quote or bracket ("" if none)."""
    stripped = line.rstrip().rstrip(CLOSERS)
    return stripped[-1] if stripped else ""


def without_ellipsis(line: str) -> str:
    """*line* without a trailing ellipsis ("…" or "...")."""
    return _ELLIPSIS.sub("", line)


def join_paragraphs(lines: list[str]) -> str:
    """Non-blank *lines* as paragraphs separated by a blank line.

    Every line is a paragraph except a hard-wrapped one: a line that does not end a sentence
    followed by a line starting in lower case is joined to it with a space.
    """
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            previous = ""
            continue
        if previous and previous[-1] not in _WRAP_END and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = paragraphs[-1]
    return "\n\n".join(paragraphs)
