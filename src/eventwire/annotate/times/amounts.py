"""Readings of amounts of time: durations, offsets ("two years ago") and sets ("every day")."""

from __future__ import annotations

import re

from eventwire.annotate.times.calendar import UNIT_GRANULARITY
from eventwire.annotate.times.extract import Candidate
from eventwire.annotate.times.lexicon import key, lexicon
from eventwire.annotate.times.spec import Spec

_LEX = lexicon()
_AMOUNT_BEFORE = re.compile(
    rf"(?:\d|{'|'.join(map(re.escape, _LEX.context('amount')))})\S*(?:\s+\S+){{0,3}}\s+$", re.IGNORECASE
)
_MODAL_BEFORE = _LEX.words_before("modal")
_SIGNAL_BEFORE = _LEX.words_before("duration_signal")
_AGE_AFTER = re.compile(r"^(?:-|\s+)(?:old|of age)\b", re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)
# Smaller unit and factor for fractional amounts ("5 1/2 hours" -> 5 hours 30 minutes).
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("TH", 24),
    "TH": ("TM", 60),
    "TM": ("TS", 60),
    "Q": ("M", 3),
}
# Units written as a multiple of another: decade = 10 years, weekend = 2 days ...
_MULTIPLE = {"10Y": (10, "Y"), "100Y": (100, "Y"), "1000Y": (1000, "Y"), "2W": (2, "W"), "WE": (2, "D")}
# Vague amounts of units that have no TIMEX3 letter of their own.
_VAGUE = {"10Y": "PXDE", "100Y": "PXCE", "1000Y": "PXML", "WE": "PXD", "2W": "PXW"}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration of *amount* units: ``P2M``, ``PT5H30M``, ``P10Y``; vague: ``PXY``, ``PXDE``.

    Units are the lexicon's: Y, Q, M, W, D, TH, TM, TS and multiples (10Y, 2W, WE).
    """
    if amount is None:
        return _VAGUE.get(unit) or ("PTX" + unit[1] if unit.startswith("T") else "PX" + unit)
    factor, unit = _MULTIPLE.get(unit, (1, unit))
    amount *= factor
    parts = [(int(amount), unit)] if int(amount) else []
    if amount != int(amount) and unit in _SMALLER:
        smaller, size = _SMALLER[unit]
        parts.append((round((amount - int(amount)) * size), smaller))
    if not parts:
        return "P0" + unit[-1]
    date = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return "P" + date + ("T" + time if time else "")


def _amount(cand: Candidate) -> float | None:
    num = cand.groups.get("num")
    return None if num is None else _LEX.number(num)


def offset(cand: Candidate) -> Spec | None:
    """ "two years ago", "a day before", "a year earlier", "two months later"."""
    groups = cand.groups
    word = key(groups.get("ago") or groups["ago2"])
    sign = 1 if word in ("later", "from now", "hence", "after") else -1
    anchor = "dct" if word in ("ago", "back", "from now", "hence") else "ref"
    unit = _LEX.get("unit", groups.get("unit") or groups.get("vague"))
    amount = _amount(cand) if "vague" not in groups else None
    if anchor == "ref" and (sign > 0 or amount is None or ("approx" in groups and word == "before")):
        # "two months later", "several days before", "at least 30 days before": lengths (TimeBank).
        return Spec("DURATION", value=duration_value(amount, unit))
    if amount is None:
        return Spec("DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF")
    amount, unit = _whole_units(amount, unit)
    gran = "year" if unit in ("10Y", "100Y") else UNIT_GRANULARITY[unit]
    return Spec(
        "DATE",
        "shift",
        gran=gran,
        amount=sign * amount,
        unit=unit,
        anchor=anchor,
        inherit=unit == "Y" and amount == 1,
    )


def _whole_units(amount: float, unit: str) -> tuple[float, str]:
    """A shift the calendar can make: whole units, days at the finest, no fortnights."""
    if unit.startswith("T"):
        return 0, "D"
    if unit == "2W":
        return amount * 2, "W"
    if amount != int(amount) and unit in _SMALLER and unit != "D":
        smaller, factor = _SMALLER[unit]
        return amount * factor, smaller
    return round(amount), unit


def duration(cand: Candidate) -> Spec | None:
    """ "15 years", "the past two months", "a 16-hour flight", "weeks"; rates become sets."""
    groups = cand.groups
    if _AGE_AFTER.match(cand.after(10)):
        return None
    if "vague" in groups:
        return _vague_duration(cand)
    unit = _LEX.get("unit", groups["unit"])
    if "num" not in groups:  # "the year ended June 30": one fiscal year
        return Spec("DURATION", value=duration_value(1, unit))
    amount = None if "num2" in groups else _amount(cand)
    num = key(groups["num"])
    if (num in ("a", "an") and unit == "TS") or (amount or 0) >= 1000 or _fraction(cand, unit):
        return None
    if num == "one" and unit == "D" and _MODAL_BEFORE.search(cand.before()):
        return Spec("DATE", value="FUTURE_REF")  # "Islam will one day be ..."
    if num in ("a", "an", "one") and _rate(cand):
        return Spec("SET", value=duration_value(1, unit))
    return Spec("DURATION", value=duration_value(amount, unit))


def _rate(cand: Candidate) -> bool:
    """ "$1 billion a year", "20 flights a week": a rate, so a SET."""
    bare = cand.surface.lower().startswith(cand.groups["num"].lower())
    return bare and _AMOUNT_BEFORE.search(cand.before(60)) is not None


def _fraction(cand: Candidate, unit: str) -> bool:
    """ "three-quarters of", "a quarter of": fractions, not durations."""
    return unit == "Q" and (_FRACTION_AFTER.match(cand.after()) is not None or "-quarters" in cand.surface)


def _vague_duration(cand: Candidate) -> Spec | None:
    if cand.surface == cand.groups["vague"] and not _SIGNAL_BEFORE.search(cand.before()):
        return None
    return Spec("DURATION", value=duration_value(None, _LEX.get("unit", cand.groups["vague"])))


def frequency(cand: Candidate) -> Spec | None:
    """ "daily", "every day", "every other week", "twice a year"."""
    groups = cand.groups
    if "freq" in groups:
        return Spec("SET", value=_LEX.get("frequency", groups["freq"]))
    amount = 2 if groups.get("other", "").lower() == "other" else 1
    if "num" in groups and "times" not in key(cand.surface):
        amount = _amount(cand)
    return Spec("SET", value=duration_value(amount, _LEX.get("unit", groups["unit"])))


def weekly(cand: Candidate) -> Spec | None:
    """ "every Monday", "Tuesday nights", "Mondays"."""
    word = cand.groups.get("weekday") or cand.groups["weekdays"][:-1]
    if not cand.cased(word, always=True):
        return None
    pod = _LEX.get("part_of_day", cand.groups.get("pod"))
    return Spec("SET", value=f"XXXX-WXX-{_LEX.get('weekday', word)}" + (f"T{pod}" if pod else ""))


def yearly(cand: Candidate) -> Spec | None:
    """ "every July"."""
    word = cand.groups["month"]
    if not cand.cased(word, always=True):
        return None
    return Spec("SET", value=f"XXXX-{_LEX.get('month', word):02d}")
