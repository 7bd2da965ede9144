"""The dashboard in real headless chromium over the demo corpus: map, timeline, filters, event
evidence, story page, search."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from playwright.sync_api import Page

from web.conftest import open_view, wait_drawn


def api(page: Page, path: str) -> Any:
    response = page.request.get(page.url.split("#")[0].rstrip("/") + path)
    assert response.ok, response.text()
    return response.json()


def all_events(page: Page, query: str = "") -> list[dict[str, Any]]:
    items, cursor = [], ""
    while True:
        found = api(page, f"/api/events?limit=500{query}{cursor}")
        items += found["items"]
        if not found["next"]:
            return items
        cursor = f"&cursor={quote(found['next'])}"


def test_overview_shows_a_marker_per_located_event_and_the_timeline(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    located = [e for e in all_events(page) if e["location"]]
    facets = api(page, "/api/facets")
    assert located and facets["timeline"]
    assert page.locator("path.ew-marker").count() == len(located)
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() > 0
    drawn = sum(int(n) for n in bars.evaluate_all("bars => bars.map(b => b.dataset.count)"))
    assert drawn == sum(row["count"] for row in facets["timeline"])
    assert page.locator("#total").inner_text().startswith(f"{facets['total']} events")


def test_filtering_by_a_type_keeps_only_that_type(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    counts = api(page, "/api/facets")["type"]
    chosen = sorted(counts, key=lambda t: (-counts[t], t))[1]  # not the biggest, so the list shrinks
    page.locator(f"#filters input[name=type][value={chosen}]").check()
    page.wait_for_url(re.compile(rf"type={chosen}"))
    wait_drawn(page)
    types = page.locator("tr.ew-event").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types == [chosen] * min(counts[chosen], 50)
    assert len(types) < sum(counts.values())
    assert page.locator("#total").inner_text().startswith(f"{counts[chosen]} events")


def test_event_page_highlights_the_evidence_of_every_mention(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    event = max(all_events(page), key=lambda e: (len(e["mentions"]), e["id"]))
    detail = api(page, f"/api/events/{event['id']}")
    open_view(page, f"{demo_url}/#/event/{event['id']}")
    mentions = page.locator("article.mention")
    assert mentions.count() == len(detail["mentions"]) >= 1
    for i, mention in enumerate(detail["mentions"]):
        box = mentions.nth(i).locator(".article-text")
        trigger = box.locator("mark[data-role=trigger]")
        assert trigger.count() == 1
        assert trigger.text_content() == mention["evidence"]["trigger"]["text"]
        assert box.locator(".ev-sentence").text_content() == mention["evidence"]["sentence"]["text"]
        for actor in mention["evidence"]["actor"]:
            assert actor["text"] in box.locator("mark[data-role=actor]").all_text_contents()


def test_story_page_lists_its_articles(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    story = api(page, "/api/stories")["items"][0]
    located = [e for e in all_events(page, f"&story={story['id']}") if e["location"]]
    open_view(page, f"{demo_url}/#/story/{story['id']}")
    listed = page.locator("li.ew-article").evaluate_all("items => items.map(i => i.dataset.id)")
    assert sorted(listed) == sorted(story["article_ids"])
    assert page.locator("path.ew-marker").count() == len(located)
    assert page.locator("tr.ew-event").count() == len(story["event_ids"])


def test_clicking_a_marker_opens_its_event(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    page.locator("path.ew-marker").first.click(force=True)
    page.wait_for_url(re.compile(r"#/event/"))
    wait_drawn(page)
    assert page.locator("article.mention").count() >= 1


def test_search_lists_the_matching_articles(page: Page, demo_url: str) -> None:
    open_view(page, f"{demo_url}/#/")
    expected = [a["id"] for a in api(page, "/api/articles?q=deserters&limit=50")["items"]]
    page.fill("#search input[name=q]", "deserters")
    page.press("#search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"#/search\?q=deserters"))
    wait_drawn(page)
    assert expected
    assert page.locator("li.ew-article").evaluate_all("items => items.map(i => i.dataset.id)") == expected
