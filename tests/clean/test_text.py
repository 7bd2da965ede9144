from eventwire.clean.text import (
    comparison_key,
    last_char,
    paragraphs,
    split_lines,
    without_ellipsis,
)


def test_split_lines_trims_and_keeps_blank_lines():
    assert split_lines(" One. \r\n\r\nTwo.\u2028Three.") == ["One.", "", "Two.", "Three."]


def test_comparison_key_folds_quotes_dashes_case_space_and_ellipsis():
    assert comparison_key("It’s  Not Good – “Really”…") == comparison_key('it\'s not good - "really"')


def test_last_char_ignores_closing_quotes():
    assert last_char("He said: “We are not meat.”") == "."
    assert last_char("”") == ""


def test_without_ellipsis():
    assert without_ellipsis("Deserters say their …") == "Deserters say their"
    assert without_ellipsis("Deserters say their...") == "Deserters say their"
    assert without_ellipsis("A sentence.") == "A sentence."


def test_every_line_is_a_paragraph():
    assert paragraphs(["One.", "Two.", "", "", "Three"]) == ["One.", "Two.", "Three"]


def test_a_line_continued_in_lower_case_is_joined():
    lines = ["Soldiers from Orenburg said they", "were sent forward.", "Next paragraph."]
    assert paragraphs(lines) == [
        "Soldiers from Orenburg said they were sent forward.",
        "Next paragraph.",
    ]


def test_a_blank_line_always_separates():
    assert paragraphs(["Soldiers said they", "", "were sent."]) == [
        "Soldiers said they",
        "were sent.",
    ]


def test_hard_wrapped_document_joins_blocks():
    lines = [
        "Mobilised soldiers from the Orenburg region said",
        "Vladimir Putin and Sergei Shoigu",
        "had ignored their letters.",
        "",
        "The men, about 400 of them, were sent to Horlivka",
        "in January and have not been paid since.",
    ]
    assert paragraphs(lines) == [
        "Mobilised soldiers from the Orenburg region said Vladimir Putin and Sergei Shoigu had "
        "ignored their letters.",
        "The men, about 400 of them, were sent to Horlivka in January and have not been paid since.",
    ]


def test_one_paragraph_per_line_document_is_not_hard_wrapped():
    lines = ["First paragraph.", "Second paragraph.", "Third paragraph.", "Fourth"]
    assert paragraphs(lines) == lines
