"""GET /api/articles (list and full-text search) and /api/articles/{id}."""

from __future__ import annotations


def test_pages_list_every_article_once_newest_first(client, store, pages):
    items = pages(client, "/api/articles", {"limit": 3})
    stored = {a.id: a for a in store.articles()}
    assert sorted(i["id"] for i in items) == sorted(stored) and len(stored) > 5
    keys = [(i["published"] or "", i["id"]) for i in items]
    assert keys == sorted(keys, reverse=True)
    assert all(set(i) == {"id", "title", "outlet", "published", "url"} for i in items)


def test_search_finds_matching_articles_with_a_snippet(client, store, pages):
    items = pages(client, "/api/articles", {"q": "soldiers", "limit": 1})
    texts = {a.id: f"{a.title} {a.text}".lower() for a in store.articles()}
    assert items and {i["id"] for i in items} == {i for i, t in texts.items() if "soldiers" in t}
    assert any("[soldiers]" in i["snippet"].lower() for i in items) and all(i["snippet"] for i in items)


def test_an_article_has_its_text_and_the_events_it_reports(client, store, exported):
    article = next(
        a for a in store.articles() if any(r["evidence"]["article_id"] == a.id for r in exported.values())
    )
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text and body["title"] == article.title
    own = [i for i, r in exported.items() if r["evidence"]["article_id"] == article.id]
    assert set(own) <= set(body["events"]) and all(i in exported for i in body["events"])
    assert client.get("/api/articles/nope").status_code == 404
