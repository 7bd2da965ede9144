"""GET /api/stories and /api/stories/{id}."""

from __future__ import annotations

from dataclasses import asdict


def test_pages_list_the_stories_as_the_export_writes_them(client, store, pages):
    items = pages(client, "/api/stories", {"limit": 1})
    assert sorted(items, key=lambda s: s["id"]) == sorted(
        (asdict(s) for s in store.stories()), key=lambda s: s["id"]
    )
    assert len(items) >= 2


def test_a_story_has_its_events_articles_and_sources(client, store, exported):
    story = max(store.stories(), key=lambda s: len(s.event_ids))
    body = client.get(f"/api/stories/{story.id}").json()
    assert body["story"] == asdict(story)
    assert [a["id"] for a in body["articles"]] == story.article_ids
    assert {e["id"] for e in body["events"]} == set(story.event_ids) & set(exported)
    assert all(e == exported[e["id"]] for e in body["events"])
    outlets = {a["outlet"] or a["id"] for a in body["articles"]}
    assert 1 <= body["sources"] <= len(outlets)
    assert client.get("/api/stories/story-nope").status_code == 404
