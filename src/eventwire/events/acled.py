"""The ACLED-shaped code of a PLOVER event, by the ordered rules of ``data/events/acled.toml``.

Only ACLED's public category names are used, never its data. Not every event has an ACLED
shape: an appeal, an accusation or a meeting has none (``acled_code`` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire import datafiles
from eventwire.model import AcledCode

ACLED_FILE = ("events", "acled.toml")
ACLED_CODES: dict[str, AcledCode] = {
    code: AcledCode(row["event_type"], row["sub_event_type"], code)
    for code, row in datafiles.load(*ACLED_FILE)["codes"].items()
}


@dataclass(frozen=True)
class Rule:
    """One mapping rule: every condition it has must hold; ``code`` None means "no ACLED code"."""

    code: str | None
    event: frozenset[str] = frozenset()
    mode: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    actor: frozenset[str] = frozenset()
    recipient: frozenset[str] = frozenset()
    words: tuple[re.Pattern[str], ...] = ()
    not_words: tuple[re.Pattern[str], ...] = ()

    def matches(self, event: str, labels: dict[str, set[str]], text: str) -> bool:
        sets = {"mode": self.mode, "context": self.context, "actor": self.actor, "recipient": self.recipient}
        return (
            (not self.event or event in self.event)
            and all(not wanted or wanted & labels[key] for key, wanted in sets.items())
            and all(p.search(text) for p in self.words)
            and not any(p.search(text) for p in self.not_words)
        )


def _pattern(fragments: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(fragments) + r")\b", re.IGNORECASE)


def _rule(row: dict[str, Any], words: dict[str, re.Pattern[str]]) -> Rule:
    code = None if row.get("stop") else row["code"]
    if code is not None and code not in ACLED_CODES:
        raise ValueError(f"{ACLED_FILE[-1]}: rule for unknown code {code!r}")
    return Rule(
        code=code,
        **{key: frozenset(row.get(key, ())) for key in ("event", "mode", "context", "actor", "recipient")},
        words=tuple(words[name] for name in row.get("words", ())),
        not_words=tuple(words[name] for name in row.get("not_words", ())),
    )


@cache
def rules() -> tuple[Rule, ...]:
    """The mapping rules, in the order they are tried."""
    data = datafiles.load(*ACLED_FILE)
    words = {name: _pattern(fragments) for name, fragments in data["words"].items()}
    return tuple(_rule(row, words) for row in data["rules"])


def acled_code(
    event: str,
    mode: Sequence[str],
    context: Sequence[str],
    text: str,
    actor: Sequence[str] = (),
    recipient: Sequence[str] = (),
) -> AcledCode | None:
    """The ACLED-shaped code of a PLOVER event, or None when it has none.

    *text* is the sentence reporting the event; *actor* and *recipient* are the PLOVER sector
    codes of its participants, when known (they tell a clash from an attack on civilians).
    """
    labels = {"mode": set(mode), "context": set(context), "actor": set(actor), "recipient": set(recipient)}
    for rule in rules():
        if rule.matches(event, labels, text):
            return ACLED_CODES[rule.code] if rule.code else None
    return None
