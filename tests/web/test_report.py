"""The situation report: what it holds, that it is self-contained, and that hostile values are escaped."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from eventwire.errors import UserError
from eventwire.store import open_store
from eventwire.web import report
from web.hostile import ARTICLES, VECTORS


class Page(HTMLParser):
    """The tags, attributes, style text and visible text of a page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.style = ""
        self.text = ""
        self._in: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        elif not self._in or self._in[-1] not in ("title", "script"):
            self.text += data


def self_contained(page: Page) -> None:
    """No script, no external resource, no handler; links only to http(s)."""
    assert not {"script", "iframe", "img", "link", "object", "embed", "base", "image", "use"} & set(page.tags)
    for tag, name, value in page.attrs:
        assert not name.startswith("on") and name not in ("src", "srcdoc", "style", "xlink:href"), (tag, name)
        if name == "href":
            assert tag == "a" and value.startswith(("http://", "https://")), value
    assert "url(" not in page.style and "@import" not in page.style


@pytest.fixture(scope="module")
def demo_reports(demo_db: Path) -> dict[str, tuple[object, str]]:
    store = open_store(demo_db)
    try:
        return {s.id: (s, report.render(store, s.id)) for s in store.stories()}
    finally:
        store.close()


def test_report_holds_the_story(demo_db: Path, demo_reports: dict) -> None:
    store = open_store(demo_db)
    try:
        for story, source in demo_reports.values():
            page = Page(source)
            self_contained(page)
            events = report.story_events(store, story)
            articles = list(store.articles(story.article_ids))
            assert f"{len(articles)}articles" in page.text.replace("\n", "").replace(" ", "")
            for date in (story.first_date, story.last_date):
                assert date in page.text
            for article in articles:
                assert (article.title or "(no title)") in page.text
                assert article.url is None or article.url in page.text
            for event in events:
                sentence = event["evidence"]["sentence"]["text"].rstrip()
                assert sentence in page.text
                assert f"<mark>{escape(event['evidence']['trigger']['text'])}</mark>" in source
            located = {(e["location"]["lat"], e["location"]["lon"]) for e in events if e["location"]}
            assert page.tags.count("circle") == len(located)
            assert page.tags.count("rect") > 1  # the sea, and the timeline's bars
            assert f"{report.independent_sources(store, articles)}independent sources" in page.text.replace(
                "\n", ""
            )
    finally:
        store.close()


def test_report_lists_the_claims_of_its_articles(demo_db: Path, demo_reports: dict) -> None:
    store = open_store(demo_db)
    try:
        story, source = max(demo_reports.values(), key=lambda sr: len(sr[0].article_ids))
        quotes = [q for aid, q in store.annotations("quotes") if aid in story.article_ids]
    finally:
        store.close()
    assert quotes
    assert f"Claims ({len(quotes)})" in source
    speakers = {q.speaker for q in quotes if q.speaker}
    assert all(escape(s) in source for s in speakers)


def test_hostile_values_are_escaped(hostile_report: tuple[str, str]) -> None:
    _, source = hostile_report
    page = Page(source)
    self_contained(page)
    assert "<script" not in source.lower()
    for article in ARTICLES:
        for field in ("title", "outlet"):
            assert article[field] in page.text
        assert article["url"].strip() in page.text
    assert any(vector in page.text for vector in VECTORS.values())
    links = [value for tag, name, value in page.attrs if name == "href"]
    assert links == [a["url"] for a in ARTICLES if a["url"].startswith("https://")]


def test_unknown_story_is_a_user_error(demo_db: Path) -> None:
    store = open_store(demo_db)
    try:
        with pytest.raises(UserError, match="no story"):
            report.render(store, "story-does-not-exist")
    finally:
        store.close()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from eventwire.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_report_command_writes_the_page_or_fails_in_one_line(demo_db: Path, tmp_path: Path) -> None:
    store = open_store(demo_db)
    try:
        story = next(iter(store.stories()))
    finally:
        store.close()
    out = tmp_path / "report.html"
    done = run_cli("report", "--story", story.id, "-o", str(out), "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    done = run_cli("report", "--story", "story-nope", "-o", str(tmp_path / "x.html"), "--db", str(demo_db))
    assert done.returncode != 0 and not (tmp_path / "x.html").exists()
    assert done.stderr.strip().count("\n") == 0 and "no story 'story-nope'" in done.stderr
