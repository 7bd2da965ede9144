import pytest

from eventwire.clean.dates import DateValue, epoch_date, find_date, match_date, url_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-08", ("2023-03-08", "day")),
        ("2023-03-08T23:30:00-05:00", ("2023-03-08", "day")),  # the date as written, not UTC
        ("Wed, 08 Mar 2023 10:00:00 GMT", ("2023-03-08", "day")),
        ("March 8, 2023", ("2023-03-08", "day")),
        ("Wednesday, March 8th, 2023", ("2023-03-08", "day")),
        ("8 March 2023", ("2023-03-08", "day")),
        ("8 Sept. 2023", ("2023-09-08", "day")),
        ("2023/03/08", ("2023-03-08", "day")),
        ("08.03.2023", ("2023-03-08", "day")),
        ("25/03/2023", ("2023-03-25", "day")),
        ("03/25/2023", ("2023-03-25", "day")),
        ("March 2023", ("2023-03", "month")),
        ("2023-03", ("2023-03", "month")),
        ("2023", ("2023", "year")),
        ("1674099876", ("2023-01-19", "day")),
    ],
)
def test_find_date_reads_metadata_shapes(value, expected):
    assert find_date(value) == DateValue(*expected)


@pytest.mark.parametrize(
    "value",
    ["03/04/2023", "2023-02-30", "March 8", "on Wednesday", "", "1850-01-01", "12345"],
)
def test_find_date_never_guesses(value):
    assert find_date(value) is None


def test_match_date_is_anchored_and_reports_the_end():
    text = "on 8 March 2023 at noon"
    assert match_date(text) is None
    assert match_date(text, 3) == (DateValue("2023-03-08", "day"), 15)


def test_month_names_are_whole_words():
    assert match_date("Mark 2023") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/world/2023/03/08/slug", ("2023-03-08", "day")),
        ("https://a.example/2023/3/8/", ("2023-03-08", "day")),
        ("https://a.example/news/20230308-slug.html", ("2023-03-08", "day")),
        ("https://a.example/news/2023-03-08/slug", ("2023-03-08", "day")),
        ("https://a.example/2023/03/slug", ("2023-03", "month")),
    ],
)
def test_url_date(url, expected):
    assert url_date(url) == DateValue(*expected)


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example/story/123456789",
        "https://a.example/2023/99/slug",
        "https://2023.example/",
    ],
)
def test_url_without_a_date(url):
    assert url_date(url) is None


def test_epoch_date_is_utc_and_bounded():
    assert epoch_date(1674172799) == "2023-01-19"  # 23:59:59 UTC
    assert epoch_date(1674172800) == "2023-01-20"
    assert epoch_date(123456789) is None  # 1973, before the accepted years
