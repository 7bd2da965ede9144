"""The clean stage end to end on short messy articles written for these tests."""

import py3langid
import pytest

from eventwire.clean import article_id, clean
from eventwire.model import Article, RawDocument

TWICE_TITLED = """Commanders Accused of Lying to 'Storm' Units: Report

Commanders Accused of Lying to ‘Storm’ Units: Report

Mobilised soldiers from the Orenburg region say their commanders lied about where they would serve, according to a Ukrainian military statement.

"They told us we would guard bridges," one soldier said in a video, which has not been independently verified.
A soldier is pictured near Horlivka on February 20, 2023, in a photo released by the ministry.

Newsweek has asked the Russian Defence Ministry for comment.\u00a0»\u00a0…
Read More

0 I like it
0 I don't like it
"""

DATE_HEADER = """ date 2023-03-08 Soldiers from a Belgorod brigade appealed to Putin on Wednesday. They said they had no maps.

A second video showed 400 men in a field near Shebekino.
"""

EPOCH_HEADER = """1674099876 Eight deserters from Kaliningrad say their

Eight deserters from Kaliningrad say their commander lied

Eight mobilised men from the Kaliningrad region were detained after leaving their positions near Bakhmut.

Kaliningrad Russia Mobilization Desertion Video

Relatives wait outside an enlistment office in Kaliningrad. They say the men were never trained. Getty Images

A second mobilisation wave is rumoured, the men's lawyer said.
"""

NO_TITLE = """Mobilised men at a camp in the Belgorod region refused to leave for the front, a video posted on Tuesday purportedly shows.
The video was first shared on a Telegram channel run by the men's wives.
JOIN US ON TELEGRAM
Follow our coverage of the war on the @Example_news.
"We will not go anywhere," one man said.
Could Moscow Run Out of Recruits?
Officials in Belgorod did not comment.
You can also highlight the text and press Ctrl + Enter
"""


@pytest.fixture(scope="module")
def langid():
    return py3langid.classify


def text_doc(raw_text: str, **kwargs) -> RawDocument:
    return RawDocument(source="dump.txt", fmt=kwargs.pop("fmt", "text"), raw_text=raw_text, **kwargs)


def dated(article: Article) -> tuple[str | None, str | None, str | None]:
    return article.published, article.published_source, article.published_precision


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def test_title_twice_and_trailing_boilerplate(langid):
    article = clean(text_doc(TWICE_TITLED), langid)
    assert article.title == "Commanders Accused of Lying to 'Storm' Units: Report"
    assert "Storm" not in article.text
    assert paragraphs(article) == [
        "Mobilised soldiers from the Orenburg region say their commanders lied about where they "
        "would serve, according to a Ukrainian military statement.",
        '"They told us we would guard bridges," one soldier said in a video, which has not been '
        "independently verified.",
        "A soldier is pictured near Horlivka on February 20, 2023, in a photo released by the ministry.",
        "Newsweek has asked the Russian Defence Ministry for comment.",
    ]
    assert dated(article) == (None, None, None)  # a date in a caption is not the publication date
    assert article.outlet is None
    assert article.language == "en"


def test_date_header_before_the_first_sentence(langid):
    article = clean(text_doc(DATE_HEADER), langid)
    assert article.title is None
    assert dated(article) == ("2023-03-08", "header", "day")
    assert article.text == (
        "Soldiers from a Belgorod brigade appealed to Putin on Wednesday. They said they had no maps.\n\n"
        "A second video showed 400 men in a field near Shebekino."
    )


def test_epoch_truncated_title_tag_line_and_caption_credit(langid):
    article = clean(text_doc(EPOCH_HEADER), langid)
    assert article.title == "Eight deserters from Kaliningrad say their commander lied"
    assert dated(article) == ("2023-01-19", "epoch", "day")
    assert paragraphs(article) == [
        "Eight mobilised men from the Kaliningrad region were detained after leaving their positions near Bakhmut.",
        "Relatives wait outside an enlistment office in Kaliningrad. They say the men were never trained.",
        "A second mobilisation wave is rumoured, the men's lawyer said.",
    ]


def test_no_title_no_date_and_boilerplate_lines(langid):
    article = clean(text_doc(NO_TITLE), langid)
    assert article.title is None
    assert article.published is None
    assert paragraphs(article) == [
        "Mobilised men at a camp in the Belgorod region refused to leave for the front, a video posted "
        "on Tuesday purportedly shows.",
        "The video was first shared on a Telegram channel run by the men's wives.",
        '"We will not go anywhere," one man said.',
        "Officials in Belgorod did not comment.",
    ]


def test_container_metadata_is_used_and_the_title_not_repeated(langid):
    raw = RawDocument(
        source="wire.jsonl#1",
        fmt="jsonl",
        raw_text="Shooting at Shebekino training ground\n\nA recruit opened fire at a training ground on Wednesday.",
        title="Shooting at Shebekino training ground | North Wire",
        url="https://www.northwire.example/2023/01/11/shooting",
        published="Thu, 12 Jan 2023 08:40:00 GMT",
        outlet="North Wire",
    )
    article = clean(raw, langid)
    assert article.title == "Shooting at Shebekino training ground"
    assert article.text == "A recruit opened fire at a training ground on Wednesday."
    assert dated(article) == ("2023-01-12", "field", "day")
    assert (article.outlet, article.url, article.source, article.fmt) == (
        "North Wire",
        "https://www.northwire.example/2023/01/11/shooting",
        "wire.jsonl#1",
        "jsonl",
    )


def test_html_metadata_date_and_outlet_from_the_url(langid):
    raw = text_doc(
        "Reservists in Kaliningrad received call-up papers on Tuesday, residents said.",
        fmt="html",
        published="2023-05-24T07:30:00+03:00",
        url="https://www.baltic-courier.example/news/call-up",
        html="<html></html>",
    )
    article = clean(raw, langid)
    assert (article.published, article.published_source) == ("2023-05-24", "html-meta")
    assert article.outlet == "baltic-courier.example"


def test_date_from_the_url_path(langid):
    article = clean(
        text_doc("Soldiers complained on Wednesday.", url="https://n.example/2023/03/08/x"), langid
    )
    assert dated(article) == ("2023-03-08", "url", "day")


def test_published_line_in_the_text_is_metadata(langid):
    article = clean(text_doc("Soldiers complained on Wednesday.\n\nPublished 9 March 2023\n\nMore."), langid)
    assert (article.published, article.published_source) == ("2023-03-09", "text")
    assert article.text == "Soldiers complained on Wednesday.\n\nMore."


def test_raw_text_and_id_are_kept(langid):
    article = clean(text_doc(TWICE_TITLED), langid)
    assert article.raw_text == TWICE_TITLED
    assert article.id == article_id(TWICE_TITLED)
    assert clean(text_doc(TWICE_TITLED.replace("\n\n", "\n \n")), langid).id == article.id


def test_short_text_has_no_language(langid):
    assert clean(text_doc("Read More\n\nShort one."), langid).language is None


def test_empty_document(langid):
    article = clean(text_doc("JOIN US ON TELEGRAM\n"), langid)
    assert (article.title, article.text, article.language) == (None, "", None)


def test_hard_wrapped_dump_keeps_a_wrapped_line_of_names(langid):
    raw_text = (
        "date 2023-02-14 Mobilised soldiers from the Orenburg region said that\n"
        "Vladimir Putin and Sergei Shoigu\n"
        "had ignored their letters for months.\n\n"
        "The men, about 400 of them, were sent to Horlivka\n"
        "in January and have not been paid since.\n\n"
        "Read More\n"
    )
    article = clean(text_doc(raw_text), langid)
    assert paragraphs(article) == [
        "Mobilised soldiers from the Orenburg region said that Vladimir Putin and Sergei Shoigu "
        "had ignored their letters for months.",
        "The men, about 400 of them, were sent to Horlivka in January and have not been paid since.",
    ]
