"""Boilerplate lines (social calls, Read More, counters, share prompts, teasers) out of the body.

The patterns are data: ``eventwire/data/boilerplate.toml``. A line rule must match the whole
line, so a sentence that merely mentions Telegram or a news outlet is never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.clean.text import OPENERS, last_char
from eventwire.datafiles import load

_TOKEN_EDGE = "\"'“”‘’«»()[]{}?!.,;:*"


@dataclass(frozen=True)
class Rule:
    """One named boilerplate pattern."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class HeadlineShape:
    """Limits of a headline-case line (see ``[headline]`` in boilerplate.toml)."""

    min_words: int
    max_words: int
    min_capitalised: int
    function_words: frozenset[str]


def line_rule(line: str) -> str | None:
    """The name of the line rule matching the whole of *line*, or None."""
    return next((r.name for r in _rules("line") if r.pattern.fullmatch(line)), None)


def strip_trailers(line: str) -> str:
    """*line* without trailing boilerplate ("» …", a glued picture credit), repeatedly."""
    previous = None
    while previous != line:
        previous = line
        for rule in _rules("trailer"):
            line = rule.pattern.sub("", line).rstrip()
    return line


def drop_boilerplate(lines: list[str]) -> list[str]:
    """*lines* without boilerplate lines and trailers; blank lines are kept."""
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append(line)
        elif line_rule(line) is None and (rest := strip_trailers(line)):
            kept.append(rest)
    return kept


def is_headline(line: str) -> bool:
    """Whether *line* is a short headline-case line that does not end like a sentence."""
    if not line or line[0] in OPENERS or last_char(line) in ".!,;:":
        return False
    shape = _headline()
    words = [w for w in (t.strip(_TOKEN_EDGE) for t in line.split()) if w[:1].isalpha()]
    if not shape.min_words <= len(words) <= shape.max_words:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    lower_ok = all(w[0].isupper() or w.casefold() in shape.function_words for w in words)
    return lower_ok and capitalised >= shape.min_capitalised


def drop_headlines(lines: list[str]) -> list[str]:
    """*lines* without headline-case lines (teasers, tag lines, subheads)."""
    return [line for line in lines if not is_headline(line)]


@cache
def _rules(kind: str) -> tuple[Rule, ...]:
    data = load("boilerplate.toml")
    return tuple(_compile(rule, data["vocab"]) for rule in data[kind])


def _compile(rule: dict[str, Any], vocab: dict[str, list[str]]) -> Rule:
    pattern = rule["pattern"]
    for name, words in vocab.items():
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = pattern.replace("{" + name + "}", f"(?:{alternation})")
    flags = re.IGNORECASE if rule.get("ignore_case", True) else 0
    return Rule(rule["name"], re.compile(pattern, flags))


@cache
def _headline() -> HeadlineShape:
    data = load("boilerplate.toml")["headline"]
    words = frozenset(w.casefold() for w in data["function_words"])
    return HeadlineShape(data["min_words"], data["max_words"], data["min_capitalised"], words)
