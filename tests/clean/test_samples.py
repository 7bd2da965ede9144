"""The bundled demo corpus cleans as its README describes."""

from importlib import resources
from pathlib import Path

import py3langid
import pytest

from eventwire.clean import clean
from eventwire.clean.boilerplate import is_headline, line_rule
from eventwire.eval.common import read_jsonl
from eventwire.model import Article, RawDocument

SAMPLES = Path(str(resources.files("eventwire") / "data" / "samples"))

# file → (title, published, published_source)
TEXT_SAMPLES = {
    "orenburg-appeal.txt": (None, "2023-03-08", "header"),
    "kaliningrad-deserters.txt": (
        "Eight deserters from Kaliningrad say their commander lied to them about the front",
        "2023-02-15",
        "epoch",
    ),
    "belgorod-camp.txt": (None, None, None),
    "shebekino-shooting-ledger.txt": (
        "Soldier Opens Fire at Training Ground Near Shebekino, Killing Two 'Comrades'",
        "2023-01-12",
        "text",
    ),
    "yaroslavl-mothers.txt": (
        "Mothers in Yaroslavl accuse commanders of lying about losses",
        "2023-02-02",
        "header",
    ),
    "moscow-mobilisation-rumour.txt": (
        "Kremlin denies plans for second mobilisation wave",
        "2022-10-20",
        "text",
    ),
}
JSONL_SAMPLES = [
    (
        "Two killed as recruit shoots comrades at Belgorod training ground",
        "2023-01-12",
        "North Wire",
    ),
    (
        "Soldiers near Klishchiivka film plea to Putin: 'We are being used up'",
        "2023-09-18",
        "Frontline Digest",
    ),
    (
        "Commanders accused of lying as Horlivka recruits complain of unpaid wages",
        "2023-10-04",
        "rights-monitor.example",
    ),
]


def assert_clean_body(article: Article) -> None:
    assert article.text
    assert article.language == "en"
    for paragraph in article.text.split("\n\n"):
        assert line_rule(paragraph) is None
        assert not is_headline(paragraph)
        assert paragraph != article.title


def test_corpus_has_the_promised_files():
    names = {p.name for p in SAMPLES.iterdir()}
    assert set(TEXT_SAMPLES) | {"wire.jsonl", "kaliningrad-callup.html", "README.md"} == names


@pytest.mark.parametrize("name", sorted(TEXT_SAMPLES))
def test_text_samples(name):
    raw = RawDocument(source=name, fmt="text", raw_text=(SAMPLES / name).read_text(encoding="utf-8"))
    article = clean(raw, py3langid.classify)
    assert (article.title, article.published, article.published_source) == TEXT_SAMPLES[name]
    assert_clean_body(article)


def test_jsonl_samples():
    for record, (title, published, outlet) in zip(
        read_jsonl(SAMPLES / "wire.jsonl"), JSONL_SAMPLES, strict=True
    ):
        raw = RawDocument(
            source="wire.jsonl",
            fmt="jsonl",
            raw_text=record["text"],
            title=record["title"],
            url=record["url"],
            published=record["date"],
            outlet=record["outlet"],
        )
        article = clean(raw, py3langid.classify)
        assert (article.title, article.published, article.published_source, article.outlet) == (
            title,
            published,
            "field",
            outlet,
        )
        assert_clean_body(article)


def test_two_outlets_report_the_shooting_near_shebekino():
    ledger = (SAMPLES / "shebekino-shooting-ledger.txt").read_text(encoding="utf-8")
    wire = next(read_jsonl(SAMPLES / "wire.jsonl"))["text"]
    for text in (ledger, wire):
        assert "Shebekino" in text and "Wednesday" in text
