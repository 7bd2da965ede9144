"""Line-level text helpers: splitting, comparison keys, sentence endings, paragraphs."""

from __future__ import annotations

import re

from eventwire.clean.rules import setting

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
     "–": "-", "—": "-", "\u00a0": " "}
)  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:…|\.{3,})\s*$")
_SPACE = re.compile(r"\s+")
CLOSERS = "\"'”’»)]"
DASHES = "-_–—"  # a line ending in one continues on the next: "NAIROBI, Kenya (AP) --"
OPENERS = "\"'“‘«„"
_SENTENCE_END = ".!?:;…" + CLOSERS


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


def paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of *lines*: blank lines separate blocks of lines.

    In a hard-wrapped document (most lines inside blocks stop mid-sentence, see ``[text]`` in
    clean.toml) a block is one paragraph. Otherwise every line is a paragraph, except that a
    line ending in a dash (a dateline), or not ending a sentence before a line starting in
    lower case, is joined to the next line.
    """
    blocks = _blocks(lines)
    if _hard_wrapped(blocks):
        return [" ".join(block) for block in blocks]
    found: list[str] = []
    for block in blocks:
        found.append(block[0])
        for line in block[1:]:
            if _continues(found[-1], line):
                found[-1] += " " + line
            else:
                found.append(line)
    return found


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < setting("text", "wrapped_min_lines"):
        return False
    open_ended = sum(not _ends_sentence(line) for line in inner)
    return open_ended / len(inner) >= setting("text", "wrapped_share")


def _continues(line: str, following: str) -> bool:
    """Whether *following* continues *line* rather than starting a paragraph."""
    return line[-1] in DASHES or (not _ends_sentence(line) and following[0].islower())


def _ends_sentence(line: str) -> bool:
    return line[-1] in _SENTENCE_END
