import pytest

from eventwire.clean.dates import DateValue
from eventwire.clean.header import Header
from eventwire.clean.published import (
    Published,
    date_line,
    dateline,
    drop_date_lines,
    find_published,
    text_date,
)
from eventwire.model import RawDocument

BODY = ["Soldiers filmed an appeal on Wednesday."]


def raw(**kwargs) -> RawDocument:
    return RawDocument(source="s", fmt=kwargs.pop("fmt", "text"), raw_text="x", **kwargs)


@pytest.mark.parametrize(
    ("fmt", "source"),
    [("jsonl", "field"), ("feed", "field"), ("html", "html-meta"), ("warc", "html-meta")],
)
def test_container_date_comes_first(fmt, source):
    header = Header(date=DateValue("2020-01-01", "day"))
    found = find_published(raw(fmt=fmt, published="2023-03-08T10:00:00Z"), header, BODY)
    assert found == Published("2023-03-08", source, "day")


def test_unreadable_container_date_falls_through_to_the_header():
    header = Header(date=DateValue("2023-03-08", "day"), epoch_date="2023-01-19")
    found = find_published(raw(published="sometime last week"), header, BODY)
    assert found == Published("2023-03-08", "header", "day")


def test_epoch_then_url_then_text():
    assert find_published(raw(), Header(epoch_date="2023-01-19"), BODY) == Published(
        "2023-01-19", "epoch", "day"
    )
    by_url = find_published(raw(url="https://n.example/2023/03/slug"), Header(), BODY)
    assert by_url == Published("2023-03", "url", "month")
    in_text = find_published(raw(), Header(), ["Published 8 March 2023", *BODY])
    assert in_text == Published("2023-03-08", "text", "day")


def test_header_url_is_used_when_the_container_has_none():
    found = find_published(raw(), Header(url="https://n.example/2023/03/08/x"), BODY)
    assert found == Published("2023-03-08", "url", "day")


def test_nothing_stated_gives_none():
    lines = [
        "A soldier was pictured on February 27, 2023, near the front.",
        "On Wednesday, they left.",
    ]
    assert find_published(raw(), Header(), lines) is None


@pytest.mark.parametrize(
    "line",
    [
        "Published 8 March 2023",
        "Published: March 8, 2023, 10:32 GMT",
        "First published on 08.03.2023 at 10:32",
        "Posted 2023-03-08",
        "Published 8 March 2023 | Updated 9 March 2023",
        "8 March 2023 Last updated at 17:50 GMT",
        "PUBLISHED WEDNESDAY, MARCH 8, 2023 AT 12:46 PM/UPDATED AT 12:48 PM",
        "Story created: Mar. 8, 2023 at 9:56 AM AKDT",
        "published: 2023.03.08 09:01",
    ],
)
def test_date_lines_with_a_key(line):
    assert date_line(line) == DateValue("2023-03-08", "day")


@pytest.mark.parametrize(
    "line",
    [
        "March 8, 2023 | 5: 03pm",
        "12:52 p.m. EDT March 8, 2023",
        "Wednesday, 08 March 2023 10:30",
        "on Mar 8 2023, 11: 55p",
        "This story is from March 8, 2023",
    ],
)
def test_bare_date_lines_near_the_top(line):
    assert date_line(line) is None
    assert date_line(line, top=True) == DateValue("2023-03-08", "day")


@pytest.mark.parametrize(
    "line",
    [
        "End of Watch: Wednesday, March 8, 2023",
        "Posted 1 year, 160 days ago [downloaded on 8 March 2023]",
        "UPDATED 03/08/2023 at 11:00 AM EDT",  # month and day cannot be told apart
        "The soldiers left on March 8, 2023.",
    ],
)
def test_lines_that_are_not_date_lines(line):
    assert date_line(line, top=True) is None


def test_a_sentence_with_a_date_is_not_a_date_line():
    assert date_line("Published 8 March 2023, the report said losses were high.") is None
    assert date_line("The video appeared on 8 March 2023.") is None


FIVE = ["One.", "Two.", "Three.", "Four.", "Five."]


def test_bare_date_line_only_near_the_top():
    assert date_line("8 March 2023", top=True) == DateValue("2023-03-08", "day")
    assert date_line("8 March 2023") is None
    top = ["A title", "8 March 2023", "Body sentence one.", "Another."]
    assert text_date(top) == DateValue("2023-03-08", "day")
    chronology = [*FIVE, "8 March 2023", "The day the video appeared."]
    assert text_date(chronology) is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "MOSCOW, March 8, 2023 (Eastern Wire) — The Kremlin denied reports.",
        "Shebekino, Russia, 8 March 2023 - A soldier opened fire.",
    ],
)
def test_dateline(paragraph):
    assert dateline(paragraph) == DateValue("2023-03-08", "day")


def test_dateline_below_a_title():
    lines = ["Kremlin denies plans", "MOSCOW, March 8, 2023 — The Kremlin denied reports."]
    assert text_date(lines) == DateValue("2023-03-08", "day")


def test_dateline_without_a_year_gives_nothing():
    assert dateline("MOSCOW, March 8 (Eastern Wire) — The Kremlin denied reports.") is None
    assert text_date(["MOSCOW, March 8 (Eastern Wire) — The Kremlin denied reports."]) is None


def test_drop_date_lines_keeps_sentences_and_datelines():
    lines = [
        "8 March 2023",
        "",
        "MOSCOW, March 8, 2023 — Body.",
        "Published 8 March 2023",
        "Two.",
        "Three.",
    ]
    assert drop_date_lines(lines) == ["", "MOSCOW, March 8, 2023 — Body.", "Two.", "Three."]


def test_drop_date_lines_keeps_bare_dates_below_the_top():
    lines = [*FIVE, "8 March 2023", "Six."]
    assert drop_date_lines(lines) == lines
