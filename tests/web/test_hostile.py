"""Hostile articles in the real dashboard and in the situation report: no injected script runs,
with the app's CSP and again with the CSP header stripped (so escaping alone is shown to hold),
and the hostile text is shown literally."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, Route

from web.conftest import open_view
from web.hostile import ARTICLES, VECTORS

# Anything in the view that data could have smuggled in: active elements, handlers, odd links.
INJECTED = """() => {
    const found = [];
    for (const node of document.querySelectorAll('*')) {
        for (const attr of node.attributes) {
            if (/^on/i.test(attr.name) || attr.name === 'srcdoc') found.push(`${node.tagName} ${attr.name}`);
        }
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'DETAILS', 'MATH', 'BASE', 'META'].includes(node.tagName)
            && node.closest('#view, .leaflet-container, body > main')) found.push(node.tagName);
    }
    for (const link of document.querySelectorAll('[href]')) {
        const href = link.getAttribute('href');
        if (!/^(#|https?:\\/\\/|\\/|data:,$)/i.test(href)) found.push(`href ${href}`);
    }
    return found;
}"""


class Watch:
    """Calls of window.__pwned, dialogs, and injected nodes found on a page."""

    def __init__(self, page: Page) -> None:
        self.calls: list[Any] = []
        self.dialogs: list[str] = []
        self.injected: list[str] = []
        page.expose_function("__pwned", lambda *args: self.calls.append(args))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self, page: Page, where: str) -> None:
        """Hover and focus every link (to fire any smuggled handler), then look for injected nodes."""
        for link in page.locator("a").all()[:60]:
            link.hover(force=True, timeout=2000)
            link.focus()
        self.injected += [f"{where}: {found}" for found in page.evaluate(INJECTED)]

    def assert_clean(self) -> None:
        assert (self.calls, self.dialogs, self.injected) == ([], [], [])


def strip_csp(route: Route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers=headers)


@pytest.fixture(params=["csp", "no-csp"])
def watched(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context()
    page = context.new_page()
    if request.param == "no-csp":
        page.route("**/*", strip_csp)
    watch = Watch(page)
    page.csp = request.param  # type: ignore[attr-defined]
    yield page, watch
    context.close()


def api(page: Page, base: str, path: str) -> Any:
    response = page.request.get(base + path)
    assert response.ok, response.text()
    return response.json()


def visit(page: Page, watch: Watch, url: str) -> str:
    """Open a route and check it; the text it shows."""
    open_view(page, url)
    watch.check(page, url)
    return page.locator("#view").inner_text()


def test_the_hostile_corpus_keeps_every_vector() -> None:
    fields = " ".join(str(v) for a in ARTICLES for v in a.values())
    assert len(VECTORS) >= 10
    assert all(vector in fields for vector in VECTORS.values())


def test_no_script_runs_in_the_dashboard(watched: tuple[Page, Watch], hostile_url: str) -> None:
    page, watch = watched
    response = page.goto(f"{hostile_url}/")
    assert response is not None
    has_csp = "content-security-policy" in response.headers
    assert has_csp == (page.csp == "csp")  # type: ignore[attr-defined]
    events = api(page, hostile_url, "/api/events?limit=500")["items"]
    stories = api(page, hostile_url, "/api/stories")["items"]
    articles = api(page, hostile_url, "/api/articles?limit=100")["items"]
    assert events and stories and len(articles) == len(ARTICLES)

    text = visit(page, watch, f"{hostile_url}/#/")
    assert stories[0]["title"] in text  # a hostile title, shown as text
    visit(page, watch, f"{hostile_url}/#/search?q={quote('Belgorod')}")
    assert page.locator("li.ew-article").count() == len(ARTICLES)
    for story in stories:
        text = visit(page, watch, f"{hostile_url}/#/story/{story['id']}")
        assert all(a["title"] in text for a in articles if a["id"] in story["article_ids"])
    for event in events:
        visit(page, watch, f"{hostile_url}/#/event/{event['id']}")
    stored_text = ""
    for summary in articles:
        article = api(page, hostile_url, f"/api/articles/{summary['id']}")
        text = visit(page, watch, f"{hostile_url}/#/article/{article['id']}")
        assert page.locator("#view h1").text_content() == article["title"]
        assert article["outlet"] in text and article["url"].strip() in text
        assert page.locator("#view .article-text").text_content() == article["text"]
        stored_text += " ".join([article["title"], article["outlet"], article["url"], article["text"]])
    assert all(vector in stored_text for vector in VECTORS.values())  # every vector reached a page
    watch.assert_clean()


def test_no_script_runs_in_the_report(watched: tuple[Page, Watch], hostile_report: tuple[str, str]) -> None:
    page, watch = watched
    title, html = hostile_report
    page.set_content(html)
    watch.check(page, "report")
    text = page.locator("body").inner_text()
    assert all(a["title"] in text and a["outlet"] in text for a in ARTICLES)
    assert page.title() == f"Situation report: {title}"
    watch.assert_clean()
