"""Compile the extraction rules of ``data/time/rules.toml`` with the lexicon's word classes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.annotate.times.lexicon import Lexicon, lexicon
from eventwire.datafiles import load

_MACRO = re.compile(r"%([A-Z]+)(?::([a-z0-9_]+))?")

# Pieces that are patterns rather than word lists.
_BUILT_IN = {
    "DAY": r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)",
    "YEAR": r"(?:1[6-9]|20)\d\d",
    "ORDNUM": r"\d{1,2}(?:st|nd|rd|th)|{ordinal}",
    "SPOKENYEAR": r"(?:nineteen|eighteen|seventeen|sixteen)[-\s](?:{tens}(?:[-\s]{units})?|{teens}|hundred)"
    r"|two[-\s]thousand(?:[-\s](?:and[-\s])?(?:{units}|{teens}|{tens}(?:[-\s]{units})?))?",
    "MOD": r"(?:the )?(?:beginning|start|end|middle|close|turn) of(?: the)?|(?:the )?(?:early|late|mid)",
}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# Lexicon classes whose abbreviations may carry a dot ("Aug.", "Tues.").
_DOTTED = ("month", "weekday")
# Macro name -> lexicon class.
_CLASSES = {
    "MONTH": "month",
    "WEEKDAY": "weekday",
    "DAYWORD": "ordinal",
    "UNIT": "unit",
    "SEASON": "season",
    "POD": "part_of_day",
    "RELDAY": "relative_day",
    "DIR": "direction",
    "QORD": "quarter",
    "HALF": "half",
    "DECADEWORD": "decade_word",
    "REF": "reference",
    "FREQ": "frequency",
    "APPROX": "approximator",
    "TZ": "timezone",
    "HOLIDAY": "holiday",
    "SPANMOD": "span_modifier",
}


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern and the name of its normalisation."""

    kind: str
    regex: re.Pattern[str]
    order: int


def _alternation(words: list[str], dotted: bool) -> str:
    parts = []
    for word in words:
        piece = re.escape(word).replace(r"\ ", " ").replace("'", "['’]")
        if dotted and len(word) <= 5:
            piece += r"\.?"
        parts.append(piece)
    return "|".join(parts)


def _numbers(lex: Lexicon) -> str:
    words = f"(?:{_TENS})(?:[-\\s](?:{_UNITS}))?|{_TEENS}|{_UNITS}"
    special = _alternation([w for w in lex.words("number") if " " in w or w in ("a", "an", "dozen")], False)
    vague = _alternation(lex.words("vague_number"), False)
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?: \d/\d)?"
    return f"(?:{digits}|{vague}|{special}|{words})(?: and a half)?"


def _piece(lex: Lexicon, name: str) -> str:
    if name == "NUM":
        return _numbers(lex)
    if name == "WEEKDAYS":
        full = [w for w in lex.words("weekday") if len(w) > 5]
        return f"(?:{'|'.join(full)})s"
    if name in _BUILT_IN:
        fills = {
            "{ordinal}": _alternation(lex.words("ordinal"), False),
            "{units}": f"(?:{_UNITS})",
            "{teens}": f"(?:{_TEENS})",
            "{tens}": f"(?:{_TENS})",
        }
        piece = _BUILT_IN[name]
        for slot, fill in fills.items():
            piece = piece.replace(slot, fill)
        return piece
    cls = _CLASSES[name]
    return _alternation(lex.words(cls), cls in _DOTTED)


def expand(pattern: str, lex: Lexicon) -> str:
    """*pattern* with its macros as named groups, " ?" as ``\\s*`` and other spaces as ``\\s+``."""

    def group(match: re.Match[str]) -> str:
        name, alias = match.group(1), match.group(2)
        return f"(?P<{alias or name.lower()}>{_piece(lex, name)})"

    expanded = _MACRO.sub(group, pattern).replace(" ?", r"\s*")
    return re.sub(r"(?<![\\\[]) ", r"\\s+", expanded)


@cache
def _spec() -> dict[str, Any]:
    return load("time", "rules.toml")


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order."""
    lex = lexicon()
    compiled = []
    for order, rule in enumerate(_spec()["rule"]):
        body = expand(rule["pattern"], lex)
        regex = re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)
        compiled.append(Rule(rule["kind"], regex, order))
    return tuple(compiled)


def settings() -> dict[str, Any]:
    """The anchoring settings of the rules file."""
    return dict(_spec()["settings"])
