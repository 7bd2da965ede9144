import pytest

from eventwire.clean.boilerplate import (
    drop_boilerplate,
    drop_headlines,
    is_headline,
    line_rule,
    strip_trailers,
)
from eventwire.clean.rules import load

# Every line rule of boilerplate.toml with lines it must remove.
EXAMPLES = {
    "social-call": [
        "JOIN US ON TELEGRAM",
        "Follow our coverage of the war on the @Outlet_official.",
        "Follow us on Twitter, Facebook and Instagram",
        "Subscribe to our channel on YouTube",
        "Join our Telegram channel",
        "Subscribe to our YouTube channel for more videos",
    ],
    "subscribe": [
        "Subscribe now",
        "Sign up for our daily newsletter",
        "Subscribe to our newsletter.",
    ],
    "read-more": ["Read More", "READ MORE »", "Load more stories", "Continue reading"],
    "teaser-prefix": [
        "READ MORE: Russian recruits complain of cold tents",
        "Related: Moscow denies mobilisation",
    ],
    "section-label": ["Related Articles", "Most Read", "More from Ukraine", "You may also like"],
    "reaction-counter": ["0 I like it", "0 I don't like it", "12 I don’t like it", "3 comments"],
    "ctrl-enter": [
        "You can also highlight the text and press Ctrl + Enter",
        "Found a typo? Select it and press Ctrl+Enter.",
    ],
    "share-prompt": [
        "Share",
        "Share this article",
        "Share on Facebook",
        "Click to share on X (Opens in new window)",
    ],
    "platform-list": ["Facebook Twitter Telegram", "WhatsApp | Email", "Telegram"],
    "comments": ["Leave a comment", "Comments are closed."],
    "advertisement": ["Advertisement", "Story continues below advertisement"],
    "copyright": ["© 2023 Baltic Courier. All rights reserved.", "Copyright 2023 Eastern Wire"],
    "tags": ["Tags: Russia, Ukraine, mobilisation", "Topics: war"],
    "picture-label": ["Photo: Reuters", "Image credit: Jane Doe/AFP"],
    "photo-credit": ["Getty Images", "AFP via Getty Images", "Reuters/Jane Doe"],
    "more-arrow": ["» …", "...", ">>"],
}

# Body sentences that mention platforms, outlets or prompt words: never removed.
PROSE = [
    "The clip was first shared on a Telegram channel run by the soldiers' wives.",
    "A video posted to Telegram shows men complaining about their commanders.",
    "Newsweek has reached out to the Russian Ministry of Defense for comment.",
    "Follow-up reports on Telegram said the men were detained.",
    "The men were told to follow orders on the front line.",
    "They could not share the tents, he said.",
    "He said he would subscribe to nothing the ministry promised.",
    "Read more carefully, the letter shows that the pay was never sent.",
    "Three comments by the commander were recorded.",
    "The photograph was taken by a Reuters photographer on Wednesday.",
    "“We will not go anywhere,” he said. “Share this with everyone.”",
    "Photo: Mobilised men wait at a railway station in Orenburg",
    "Join the queue at the enlistment office in Telegram Street.",
]


def test_every_rule_has_examples():
    names = {rule["name"] for rule in load("boilerplate.toml")["line"]}
    assert names == set(EXAMPLES)


def test_every_rule_has_a_comment():
    data = load("boilerplate.toml")
    assert all(rule.get("comment") for kind in ("line", "trailer") for rule in data[kind])


@pytest.mark.parametrize(("name", "line"), [(n, line) for n, lines in EXAMPLES.items() for line in lines])
def test_line_rule_matches_whole_boilerplate_lines(name, line):
    assert line_rule(line) == name


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_never_boilerplate(line):
    assert line_rule(line) is None
    assert strip_trailers(line) == line
    assert drop_boilerplate([line]) == [line]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "The ministry was asked for comment.\u00a0»\u00a0…",
            "The ministry was asked for comment.",
        ),
        ("The ministry was asked for comment. » ...", "The ministry was asked for comment."),
        ("They say the commander lied. Getty Images", "They say the commander lied."),
        ("They say the commander lied. AFP via Getty Images", "They say the commander lied."),
        ("He denied it on Wednesday. Read more »", "He denied it on Wednesday."),
        ("He works for Getty Images", "He works for Getty Images"),
        ("Quotes in French end like this: « non »", "Quotes in French end like this: « non »"),
    ],
)
def test_trailers(line, kept):
    assert strip_trailers(line) == kept


def test_drop_boilerplate_keeps_blank_lines_and_body():
    lines = ["First sentence.", "", "JOIN US ON TELEGRAM", "Second sentence. » …", "Read More"]
    assert drop_boilerplate(lines) == ["First sentence.", "", "Second sentence."]


@pytest.mark.parametrize(
    "line",
    [
        "What if Russia Wins?",
        "Vladimir Putin Russia Ukraine Mobilization Soldiers Video",
        "Could Moscow Run Out of Recruits?",
        "Kaliningrad Mobilisation Desertion Klishchiivka Courts",
    ],
)
def test_headline_case_lines(line):
    assert is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Why does this matter?",  # sentence case
        "Vladimir Putin spoke on Wednesday.",  # ends like a sentence
        "“Glory to Ukraine”",  # a quotation
        "Moscow Responds",  # too short
        "Putin Says Russia Will Win the War and Every Region Will Be Taken Back Soon By The Army",
        "The soldiers said they were not paid",
    ],
)
def test_lines_that_are_not_headlines(line):
    assert not is_headline(line)


def test_drop_headlines():
    assert drop_headlines(["Body one.", "What if Russia Wins?", "", "Body two."]) == [
        "Body one.",
        "",
        "Body two.",
    ]
