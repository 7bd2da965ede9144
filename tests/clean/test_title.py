import pytest

from eventwire.clean.title import drop_repeats, is_title_line, repeats, split_title, strip_site_name

TITLE = "Putin Sees Spike in Troops Refusing to 'Go to Death': Ukraine"
CURLY = "Putin Sees Spike in Troops Refusing to ‘Go to Death’: Ukraine"


def test_title_line_then_body():
    title, body = split_title(["Deserters say commander lied", "", "Eight men left.", "More."], None)
    assert title == "Deserters say commander lied"
    assert body == ["Eight men left.", "More."]


def test_repeated_title_with_other_quotes_appears_once():
    title, body = split_title([TITLE, "", CURLY, "", "Body sentence."], None)
    assert title == TITLE
    assert body == ["Body sentence."]


def test_truncated_title_then_full_title_keeps_the_full_one():
    lines = [
        "Eight deserters from Kaliningrad say their",
        "",
        "Eight deserters from Kaliningrad say their commander lied",
        "",
        "Body.",
    ]
    title, body = split_title(lines, None)
    assert title == "Eight deserters from Kaliningrad say their commander lied"
    assert body == ["Body."]


def test_no_title_when_the_text_opens_with_a_sentence():
    lines = ["Soldiers complained about their commanders.", "They said so."]
    assert split_title(lines, None) == (None, lines)


def test_a_lone_short_line_is_body_not_title():
    assert split_title(["Soldiers protest in Belgorod"], None) == (
        None,
        ["Soldiers protest in Belgorod"],
    )


def test_container_title_strips_its_repeat_from_the_body():
    title, body = split_title(
        ["Soldiers protest in Belgorod", "Men refused to leave."], "Soldiers protest in Belgorod"
    )
    assert title == "Soldiers protest in Belgorod"
    assert body == ["Men refused to leave."]


def test_container_title_keeps_a_different_first_line():
    lines = ["A standfirst without a full stop", "Men refused to leave."]
    assert split_title(lines, "Soldiers protest in Belgorod") == (
        "Soldiers protest in Belgorod",
        lines,
    )


def test_a_body_sentence_starting_like_the_title_is_kept():
    lines = ["Soldiers protest in Belgorod over cold tents, relatives say.", "More."]
    assert split_title(lines, "Soldiers protest in Belgorod") == (
        "Soldiers protest in Belgorod",
        lines,
    )


def test_repeats():
    assert repeats(CURLY, TITLE)
    assert repeats("Eight deserters from Kaliningrad…", "Eight deserters from Kaliningrad say")
    assert not repeats("Eight", "Eight deserters")  # too short to be a truncation
    assert not repeats("Soldiers protest", "Mothers protest")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("It’s Not Good", True),
        ("Russian soldiers who fled the front lines call Putin for…", True),
        ("Soldiers complained.", False),
        ("A dateline,", False),
        ("x" * 300, False),
        ("", False),
    ],
)
def test_is_title_line(line, expected):
    assert is_title_line(line) is expected


def test_drop_repeats_further_down():
    assert drop_repeats(["One.", CURLY, "", "Two."], TITLE) == ["One.", "", "Two."]
    assert drop_repeats(["One."], None) == ["One."]


@pytest.mark.parametrize(
    ("title", "outlet", "url", "expected"),
    [
        ("Two killed | North Wire", "North Wire", None, "Two killed"),
        ("Two killed - Baltic Courier", None, "https://www.baltic-courier.example/x", "Two killed"),
        ("Putin: Russia Will Win", "North Wire", None, "Putin: Russia Will Win"),
        ("Two killed | North Wire", None, None, "Two killed | North Wire"),
    ],
)
def test_strip_site_name(title, outlet, url, expected):
    assert strip_site_name(title, outlet, url) == expected
