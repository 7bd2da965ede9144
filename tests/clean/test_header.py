from eventwire.clean.dates import DateValue
from eventwire.clean.header import Header, read_header


def test_date_key_followed_by_first_body_sentence():
    header, lines = read_header([" date 2023-03-08 Reservists in Orenburg filmed an appeal.", ""])
    assert header == Header(date=DateValue("2023-03-08", "day"))
    assert lines == ["Reservists in Orenburg filmed an appeal.", ""]


def test_date_key_with_colon_on_a_line_of_its_own():
    header, lines = read_header(["", "Date: 2023-02-02", "A title", "", "Body."])
    assert header.date == DateValue("2023-02-02", "day")
    assert lines == ["", "", "A title", "", "Body."]


def test_date_key_with_a_written_date():
    header, lines = read_header(["dated 8 March 2023 Soldiers complained."])
    assert header.date == DateValue("2023-03-08", "day")
    assert lines == ["Soldiers complained."]


def test_bare_iso_date_and_time():
    header, lines = read_header(["2023-03-08T10:15:00Z Title of the piece"])
    assert header.date == DateValue("2023-03-08", "day")
    assert lines == ["Title of the piece"]


def test_epoch_followed_by_a_truncated_title():
    header, lines = read_header(["1674099876 Deserters from Yaroslavl say their", "", "Full"])
    assert header == Header(epoch_date="2023-01-19")
    assert lines == ["Deserters from Yaroslavl say their", "", "Full"]


def test_epoch_in_milliseconds():
    header, _ = read_header(["1674099876000 Title"])
    assert header.epoch_date == "2023-01-19"


def test_url_and_epoch_in_any_order():
    header, lines = read_header(["https://news.example/a/b 1674099876 Title"])
    assert header == Header(epoch_date="2023-01-19", url="https://news.example/a/b")
    assert lines == ["Title"]


def test_number_outside_the_epoch_years_is_body():
    lines = ["300000000 roubles were paid to the families."]
    assert read_header(lines) == (Header(), lines)


def test_a_word_starting_with_a_date_key_is_not_a_header():
    lines = ["Dates for the trial of 2023-03-08 suspects were set."]
    assert read_header(lines) == (Header(), lines)


def test_body_opening_with_a_written_date_is_not_a_header():
    lines = ["March 8, 2023 was the day the video appeared."]
    assert read_header(lines) == (Header(), lines)


def test_empty_document():
    assert read_header(["", ""]) == (Header(), ["", ""])


def test_an_ambiguous_date_after_a_key_is_taken_off_but_not_read():
    header, lines = read_header(["date 08/03/2023 Soldiers complained."])
    assert header == Header()
    assert lines == ["Soldiers complained."]


def test_a_separator_after_a_header_token():
    header, lines = read_header(["1674099876 | Deserters from Yaroslavl"])
    assert header.epoch_date == "2023-01-19"
    assert lines == ["Deserters from Yaroslavl"]


def test_a_line_opening_with_a_dash_is_untouched():
    lines = ["- Eight men were detained."]
    assert read_header(lines) == (Header(), lines)
