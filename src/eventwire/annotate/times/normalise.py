"""Turn a rule match into its underspecified reading (a ``Spec``), or reject it.

Calendar expressions are read here; amounts of time (durations, offsets, sets) in ``amounts``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from eventwire.annotate.times import amounts
from eventwire.annotate.times.calendar import SEASON_MONTH, UNIT_GRANULARITY, Point, holiday
from eventwire.annotate.times.extract import Candidate
from eventwire.annotate.times.lexicon import key, lexicon
from eventwire.annotate.times.spec import Spec

Normaliser = Callable[[Candidate], Spec | None]

_LEX = lexicon()
_NOT_YEAR_BEFORE = _LEX.words_before("not_year_before")  # "$1990", "Flight 1990"
_NOT_YEAR_AFTER = _LEX.words_after("count_nouns")  # "1990 people"
_POSSESSIVE = _LEX.words_before("possessive")  # "in his sixties"
_HIGH_BEFORE = re.compile(r"\bhigh\s+$", re.IGNORECASE)  # "High Noon"
_OF_AFTER = re.compile(r"^\s+of\s+(?!\d|this|last|next)", re.IGNORECASE)  # "the fall of Rome"
_POD_UNITS = ("morning", "afternoon", "evening", "night")


def _day(cand: Candidate) -> int | None:
    groups = cand.groups
    if "day" in groups:
        return int(re.sub(r"\D", "", groups["day"]))
    return _LEX.get("ordinal", groups.get("dayword"))


def _year(cand: Candidate) -> int | None:
    groups = cand.groups
    for name in ("year", "year2"):
        if name in groups:
            return int(groups[name])
    if "spokenyear" in groups:
        return _spoken_year(groups["spokenyear"])
    return None


def _spoken_year(text: str) -> int:
    words = key(text).replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(_LEX.number(" ".join(rest)) or 0) if rest else 2000
    century = int(_LEX.number(words[0]) or 0)
    rest = " ".join(words[1:])
    return century * 100 + (0 if rest == "hundred" else int(_LEX.number(rest) or 0))


def _relyear(cand: Candidate) -> tuple[int | None, str]:
    """Years from the anchor for "this/last/next/the same year", and which anchor."""
    word = cand.groups.get("relyear") or cand.groups.get("yearago")
    if word is None:
        return None, "dct"
    if word.lower().startswith("year-"):
        return -1, "dct"
    if word.lower() == "the same":
        return 0, "ref"
    return {"this": 0, "last": -1, "a": -1, "next": 1}[word.lower()], "dct"


def _direction(cand: Candidate) -> int | None:
    return _LEX.get("direction", cand.groups.get("dir"))


def _pod_suffix(cand: Candidate, name: str = "pod") -> str:
    code = _LEX.get("part_of_day", cand.groups.get(name))
    if code is None:
        return ""
    return "T" + code


def _typed(suffix: str) -> str:
    return "TIME" if suffix else "DATE"


def _date(cand: Candidate) -> Spec | None:
    month_word = cand.groups["month"]
    if not cand.cased(month_word):
        return None
    month, day, year = _LEX.get("month", month_word), _day(cand), _year(cand)
    if day is None or not 1 <= day <= 31:
        return None
    if year is not None:
        try:
            return Spec("DATE", "point", point=Point(dt.date(year, month, day), "day"))
        except ValueError:
            return None
    return Spec("DATE", "calendar", gran="day", month=month, day=day)


def _week_of(cand: Candidate) -> Spec | None:
    """ "the week of March 6": the week containing the date."""
    spec = _date(cand)
    if spec is None:
        return None
    return replace(spec, gran="week", point=spec.point.at("week") if spec.point else None)


def _date_numeric(cand: Candidate) -> Spec | None:
    """ISO 2023-01-19, US 1/19/2023 (or 19/1/2023 when the first number cannot be a month), 19.01.2023."""
    groups = cand.groups
    year = int(groups["year"]) if "year" in groups else int(groups["yy"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    month, day = int(groups["mm"]), int(groups["dd"])
    if month > 12:
        month, day = day, month
    try:
        return Spec("DATE", "point", point=Point(dt.date(year, month, day), "day"))
    except ValueError:
        return None


def _holiday(cand: Candidate) -> Spec | None:
    rule = _LEX.get("holiday", cand.groups["holiday"])
    if not cand.groups["holiday"][0].isupper():
        return None
    year = _year(cand)
    if year is not None:
        return Spec("DATE", "point", point=Point(holiday(rule, year), "day"))
    return Spec("DATE", "calendar", gran="day", holiday=rule, direction=_direction(cand))


def _month(cand: Candidate) -> Spec | None:
    word = cand.groups["month"]
    if not cand.cased(word, always=True):
        return None
    month, year = _LEX.get("month", word), _year(cand)
    abbreviated = len(key(word)) <= 4 and key(word) not in ("may", "june", "july") and not word.endswith(".")
    if abbreviated and year is None:  # "Jan" alone is too often something else
        return None
    if year is not None:
        return Spec("DATE", "point", point=Point(dt.date(year, month, 1), "month"))
    shift, anchor = _relyear(cand)
    return Spec(
        "DATE",
        "calendar",
        gran="month",
        month=month,
        year_shift=shift,
        anchor=anchor,
        direction=_direction(cand),
    )


def _season(cand: Candidate) -> Spec | None:
    code = _LEX.get("season", cand.groups["season"])
    if code in ("FA", "SP") and _OF_AFTER.match(cand.after()):
        return None
    month, year = SEASON_MONTH[code], _year(cand)
    if year is not None:
        return Spec("DATE", "point", point=Point(dt.date(year, month, 1), "season", code))
    shift, anchor = _relyear(cand)
    return Spec(
        "DATE",
        "calendar",
        gran="season",
        month=month,
        season=code,
        year_shift=shift,
        anchor=anchor,
        direction=_direction(cand),
    )


def _part_of_year(cand: Candidate, gran: str, lex_class: str, group: str) -> Spec | None:
    number = _LEX.get(lex_class, cand.groups[group])
    size = 3 if gran == "quarter" else 6
    month, year = (number - 1) * size + 1, _year(cand)
    if year is not None:
        return Spec("DATE", "point", point=Point(dt.date(year, month, 1), gran))
    shift, anchor = _relyear(cand)
    return Spec(
        "DATE",
        "calendar",
        gran=gran,
        month=month,
        year_shift=shift,
        anchor=anchor,
        direction=_direction(cand),
    )


def _quarter(cand: Candidate) -> Spec | None:
    return _part_of_year(cand, "quarter", "quarter", "qord")


def _half(cand: Candidate) -> Spec | None:
    return _part_of_year(cand, "half", "half", "half")


def _quarter_ref(cand: Candidate) -> Spec | None:
    words = key(cand.surface)
    if re.search(r"year-(?:ago|earlier)|last year|\ba year\b", words):
        amount, unit = -1.0, "Y"
    elif re.search(r"\b(?:previous|prior|past|last)\b", words):
        amount, unit = -1.0, "Q"
    else:
        amount, unit = 0.0, "Q"
    year = _year(cand)
    return Spec(
        "DATE",
        "quarter_ref",
        gran="quarter",
        amount=amount,
        unit=unit,
        anchor="dct" if words.startswith("the current") else "ref",
        direction=0 if re.match(r"(?:this|the current) ", words) else -1,
        needs_quarter="period" in words,
        point=Point(dt.date(year, 1, 1), "year") if year else None,
    )


def _year_word(cand: Candidate) -> Spec | None:
    count = _NOT_YEAR_BEFORE.search(cand.before()) or _NOT_YEAR_AFTER.search(cand.after())
    if "year" in cand.groups and count:
        return None
    year = _year(cand)
    if year is None:
        return None
    return Spec("DATE", "point", point=Point(dt.date(year, 1, 1), "year"))


def _decade(cand: Candidate) -> Spec | None:
    groups = cand.groups
    if _POSSESSIVE.search(cand.before()):
        return None
    if "decade" in groups:
        start = int(groups["decade"]) * 10
    elif "decadeword" in groups:
        start = 1900 + 10 * _LEX.get("decade_word", groups["decadeword"])
    else:
        digit = int(groups.get("decade2") or groups["decade3"])
        start = (1900 if digit >= 2 else 2000) + digit * 10
    return Spec("DATE", "point", point=Point(dt.date(start, 1, 1), "decade"))


def _century(cand: Candidate) -> Spec | None:
    word = cand.groups["ordnum"]
    number = _LEX.get("ordinal", word) or int(re.sub(r"\D", "", word))
    start = max((number - 1) * 100, 1)
    return Spec("DATE", "point", point=Point(dt.date(start, 1, 1), "century"))


def _relday(cand: Candidate) -> Spec | None:
    groups = cand.groups
    if "relday" in groups:
        offset = _LEX.get("relative_day", groups["relday"])
        implied = _LEX.get("relative_day_part", groups["relday"])  # "tonight", "overnight"
        suffix = _pod_suffix(cand) or (f"T{implied}" if implied else "")
    else:
        offset = -1 if key(groups["dirpod"]) == "last" else 0
        suffix = _pod_suffix(cand)
    if "beforeafter" in groups:
        offset += -1 if key(groups["beforeafter"]) == "before" else 1
    return Spec(_typed(suffix), "shift", gran="day", amount=offset, unit="D", suffix=suffix)


def _weekday(cand: Candidate) -> Spec | None:
    word = cand.groups["weekday"]
    if len(key(word)) <= 4 or not cand.cased(word):
        return None
    suffix = _pod_suffix(cand)
    anadir = cand.groups.get("anadir")
    if anadir:
        direction = -1 if key(anadir) in ("previous", "preceding") else 1
        return Spec(
            _typed(suffix),
            "weekday",
            gran="day",
            weekday=_LEX.get("weekday", word),
            direction=direction,
            anchor="ref",
            suffix=suffix,
        )
    return Spec(
        _typed(suffix),
        "weekday",
        gran="day",
        weekday=_LEX.get("weekday", word),
        direction=_direction(cand),
        suffix=suffix,
    )


def _clock(cand: Candidate) -> Spec | None:
    groups = cand.groups
    if "noon" in groups:
        if _HIGH_BEFORE.search(cand.before()):
            return None
        suffix = "T" + _LEX.get("part_of_day", groups["noon"])
    else:
        hour = int(groups["hour"]) if groups["hour"].isdigit() else int(_LEX.number(groups["hour"]) or -1)
        minute = int(groups.get("minute") or 0)
        pm = (
            key(groups.get("ampm", "")).startswith("p")
            or key(groups.get("podword", "")) in ("afternoon", "evening", "night")
            or "at night" in key(cand.surface)
        )
        if not 0 <= hour <= 24 or (pm and hour > 12):
            return None
        if "ampm" in groups or "podword" in groups or "at night" in key(cand.surface):
            hour = hour % 12 + (12 if pm else 0)
        suffix = f"T{hour:02d}:{minute:02d}"
    day = None
    if "month" in groups:
        day = Spec("DATE", "calendar", gran="day", month=_LEX.get("month", groups["month"]), day=_day(cand))
    elif "weekday" in groups:
        day = Spec("DATE", "weekday", gran="day", weekday=_LEX.get("weekday", groups["weekday"]))
    elif "relday" in groups:
        day = Spec("DATE", "shift", gran="day", amount=_LEX.get("relative_day", groups["relday"]), unit="D")
    return Spec("TIME", "clock", gran="day", suffix=suffix, day_spec=day)


def _relunit(cand: Candidate) -> Spec:
    word, unit_word = key(cand.groups["dir"]), key(cand.groups["runit"]).replace("fiscal ", "")
    unit = _LEX.get("unit", unit_word)
    anchor = "ref" if _LEX.has("anaphoric_direction", word) or word == "that" else "dct"
    direction = _LEX.get("direction", word) or 0
    if unit == "WE":
        return Spec("DATE", "weekday", gran="weekend", weekday=6, direction=direction or None, anchor=anchor)
    if unit in ("10Y", "100Y") and word == "past":
        return Spec("DURATION", value=amounts.duration_value(1, unit))
    return Spec("DATE", "shift", gran=UNIT_GRANULARITY[unit], amount=direction, unit=unit, anchor=anchor)


def _anaphoric(cand: Candidate) -> Spec:
    groups = cand.groups
    unit_word = key(groups.get("runit", "day"))
    suffix = "T" + _LEX.get("part_of_day", unit_word) if unit_word in _POD_UNITS else ""
    unit = "D" if suffix else _LEX.get("unit", unit_word)
    if unit == "WE":
        return Spec("DATE", "weekday", gran="weekend", weekday=6)
    amount = 0
    if "anadir" in groups:
        amount = -1 if key(groups["anadir"]) in ("previous", "preceding", "prior") else 1
    if "beforeafter" in groups:
        amount = -1 if key(groups["beforeafter"]) == "before" else 1
    deictic = key(cand.surface).startswith("the ") and amount == 0 and unit != "D"
    return Spec(
        _typed(suffix),
        "shift",
        gran=UNIT_GRANULARITY[unit],
        amount=amount,
        unit=unit,
        anchor="dct" if deictic else "ref",
        suffix=suffix,
    )


def _year_end(cand: Candidate) -> Spec:
    return Spec(
        "DATE",
        "calendar",
        gran="day",
        month=12,
        day=31,
        direction=_direction(cand),
        year_shift=None if _direction(cand) is not None else 0,
    )


def _year_ago(cand: Candidate) -> Spec:
    return Spec("DATE", "shift", gran="year", amount=-1, unit="Y", anchor="ref", inherit=True)


def _reference(cand: Candidate) -> Spec | None:
    return Spec("DATE", value=_LEX.get("reference", cand.groups["ref"]))


NORMALISERS: dict[str, Normaliser] = {
    "date": _date,
    "week_of": _week_of,
    "date_numeric": _date_numeric,
    "holiday": _holiday,
    "month": _month,
    "season": _season,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "half": _half,
    "year": _year_word,
    "decade": _decade,
    "century": _century,
    "relday": _relday,
    "weekday": _weekday,
    "clock": _clock,
    "relunit": _relunit,
    "anaphoric": _anaphoric,
    "year_end": _year_end,
    "year_ago": _year_ago,
    "ago": amounts.offset,
    "duration": amounts.duration,
    "set": amounts.frequency,
    "set_weekday": amounts.weekly,
    "set_month": amounts.yearly,
    "reference": _reference,
}


def normalise(cand: Candidate) -> Spec | None:
    """The reading of *cand*, or None when the match is not a time expression."""
    return NORMALISERS[cand.kind](cand)
