"""Time expressions: extraction, TIMEX3 values and anchoring, on short articles written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from eventwire.annotate.times import tag_times
from eventwire.model import TimeExpr

THURSDAY = dt.date(2023, 1, 19)  # publication date of the articles below

ARTICLE = (
    "KYIV - A video released on Wednesday showed soldiers in a trench near the river. "
    "A day before the video was released, the brigade said it had lost contact with the unit. "
    "Shelling has continued since November 28, officials said. In December, the regional "
    "governor ordered an evacuation. Earlier this month, two bridges were destroyed. "
    "On January 18 a drone struck a depot. In September the front line moved east. "
    "The commander has served 15 years in the army. Two months later the unit was withdrawn."
)


def tagged(text: str, dct: dt.date | None = THURSDAY) -> dict[str, TimeExpr]:
    return {t.text: t for t in tag_times(text, dct)}


def values(text: str, dct: dt.date | None = THURSDAY) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, dct)}


def test_news_article_is_anchored_to_the_publication_date() -> None:
    found = tagged(ARTICLE)
    assert found["Wednesday"].value == "2023-01-18"
    assert found["A day"].value == "2023-01-17"  # a day before the last date mentioned
    assert found["November 28"].value == "2022-11-28"  # after 19 January: the previous year
    assert found["December"].value == "2022-12"
    assert found["Earlier this month"].value == "2023-01"
    assert found["January 18"].value == "2023-01-18"
    assert found["September"].value == "2022-09"
    assert (found["15 years"].type, found["15 years"].value) == ("DURATION", "P15Y")
    assert (found["Two months later"].type, found["Two months later"].value) == ("DURATION", "P2M")


def test_precision_follows_the_granularity() -> None:
    found = tagged(ARTICLE)
    assert found["Wednesday"].precision == "day"
    assert found["December"].precision == "month"
    assert found["15 years"].precision is None
    assert tagged("Prices rose last week and this year.")["last week"].precision == "week"
    assert tagged("Prices rose last week and this year.")["this year"].precision == "year"


def test_offsets_index_the_text_and_results_are_sorted() -> None:
    found = tag_times(ARTICLE, THURSDAY)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(ARTICLE[t.start : t.end] == t.text for t in found)


def test_without_publication_date_nothing_is_guessed() -> None:
    text = (
        "Talks opened on September 8. Fighting has raged since August 15, and on Wednesday the "
        "army retreated. The treaty was signed on February 27, 2023. Losses this year are high."
    )
    assert values(text, None) == {
        "September 8": "XXXX-09-08",
        "August 15": "XXXX-08-15",
        "Wednesday": "XXXX-WXX-3",
        "February 27, 2023": "2023-02-27",
        "this year": "XXXX",
    }


def test_anaphora_without_publication_date_use_dates_in_the_text() -> None:
    text = "The siege began on March 3, 2022. The next day the city lost power."
    assert values(text, None)["The next day"] == "2022-03-04"


def test_weekday_is_the_latest_on_or_before_publication_unless_future() -> None:
    assert values("The governor resigned on Thursday.")["Thursday"] == "2023-01-19"
    assert values("The governor resigned on Friday.")["Friday"] == "2023-01-13"
    assert values("The envoy will arrive on Monday.")["Monday"] == "2023-01-23"
    assert values("He left last Thursday and returns next Thursday.") == {
        "last Thursday": "2023-01-12",
        "next Thursday": "2023-01-26",
    }


def test_relative_days_weeks_and_years() -> None:
    text = "Yesterday the mayor said troops left last week; talks resume next month and end next year."
    assert values(text) == {
        "Yesterday": "2023-01-18",
        "last week": "2023-W02",
        "next month": "2023-02",
        "next year": "2024",
    }
    assert values("Two years ago the plant closed.") == {"Two years ago": "2021"}


def test_parts_of_day_and_clock_times_are_times() -> None:
    found = tagged("The blast came at 10:35 a.m. Tuesday; more shelling followed last night.")
    assert (found["10:35 a.m. Tuesday"].type, found["10:35 a.m. Tuesday"].value) == (
        "TIME",
        "2023-01-17T10:35",
    )
    assert (found["last night"].type, found["last night"].value) == ("TIME", "2023-01-18TNI")


def test_clock_time_takes_the_day_named_in_its_sentence() -> None:
    assert values("At 6 p.m. the convoy crossed, the army said on Sunday.")["6 p.m."] == "2023-01-15T18:00"


def test_absolute_dates_decades_quarters_and_seasons() -> None:
    text = "In the 1990s and in 2014, and again in the spring of 2019, on 8 August 1998 and 1998-08-09."
    assert values(text) == {
        "1990s": "199",
        "2014": "2014",
        "the spring of 2019": "2019-SP",
        "8 August 1998": "1998-08-08",
        "1998-08-09": "1998-08-09",
    }


def test_a_year_ago_takes_the_quarter_just_reported() -> None:
    text = "Profit rose in the third quarter to $5 million from $4 million a year ago."
    assert values(text) == {"the third quarter": "2022-Q3", "a year ago": "2021-Q3"}


def test_durations_sets_and_reference_words() -> None:
    text = (
        "The talks lasted five hours, then 5 1/2 hours more, over the past two weeks. The plant "
        "earns $2 million a year and is inspected every Monday. Patrols run daily. The army now "
        "holds the town and will withdraw in the future."
    )
    assert values(text) == {
        "five hours": "PT5H",
        "5 1/2 hours": "PT5H30M",
        "the past two weeks": "P2W",
        "a year": "P1Y",
        "every Monday": "XXXX-WXX-1",
        "daily": "P1D",
        "now": "PRESENT_REF",
        "the future": "FUTURE_REF",
    }
    assert tagged(text)["a year"].type == "SET"


def test_numbers_and_words_that_are_not_times() -> None:
    text = "About 1990 soldiers and 1,500 people marched; flight 2001 landed. He may go. Ages 13-year-old."
    assert tag_times(text, THURSDAY) == []


def test_dateline_date_anchors_relative_expressions() -> None:
    text = "KYIV, January 18 (Wire) -- The army said today that it had retaken the village."
    assert values(text) == {"January 18": "2023-01-18", "today": "2023-01-18"}


def test_same_day_after_a_month_keeps_only_the_month() -> None:
    text = "The plant was shelled last October. It was evacuated that same day."
    assert values(text)["that same day"] == "2022-10-XX"


@pytest.mark.parametrize("dct", [THURSDAY, None])
def test_a_spacy_doc_is_accepted(dct: dt.date | None) -> None:
    doc = spacy.blank("en")(ARTICLE)
    assert tag_times(ARTICLE, dct, doc) == tag_times(ARTICLE, dct)
