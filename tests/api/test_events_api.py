"""GET /api/events, /api/events/{id}, /api/facets, /api/places against the demo store."""

from __future__ import annotations

from collections import Counter

from eventwire.store.periods import period


def test_pages_list_every_event_once_as_the_export_writes_it(client, exported, pages):
    items = pages(client, "/api/events", {"limit": 7})
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)) == len(exported) > 20
    assert all(item == exported[item["id"]] for item in items)  # the record of `export events`
    assert client.get("/api/facets").json()["total"] == len(exported)


def test_events_come_by_first_day_then_id_undated_last(client, pages):
    items = pages(client, "/api/events", {"limit": 50})
    keys = [(_first_day(i) or "9999-12-31", i["id"]) for i in items]
    assert keys == sorted(keys)
    assert any(i["date"] is None for i in items) and items[-1]["date"] is None


def test_type_filter_keeps_that_type_and_matches_the_facet_count(client, pages):
    facets = client.get("/api/facets").json()["type"]
    for event_type, count in facets.items():
        items = pages(client, "/api/events", {"type": event_type, "limit": 500})
        assert {i["event"] for i in items} == {event_type} and len(items) == count
    two = pages(client, "/api/events", {"type": ["ASSAULT", "protest"]})
    assert len(two) == facets["ASSAULT"] + facets["PROTEST"]


def test_bbox_keeps_only_the_events_inside(client, exported, pages):
    box = (37.0, 47.0, 39.0, 49.0)  # around Bakhmut and Horlivka
    items = pages(client, "/api/events", {"bbox": ",".join(map(str, box))})
    inside = {i for i, r in exported.items() if r["location"] and _inside(r["location"], box)}
    assert items and {i["id"] for i in items} == inside
    assert all(_inside(i["location"], box) for i in items)


def test_date_range_keeps_the_events_whose_period_overlaps(client, exported, pages):
    first, last = "2023-01-01", "2023-02-28"
    items = pages(client, "/api/events", {"date_from": first, "date_to": last})
    expected = {
        i
        for i, r in exported.items()
        if (p := period(r["date"])) and p[0].isoformat() <= last and p[1].isoformat() >= first
    }
    assert items and {i["id"] for i in items} == expected


def test_actor_place_certainty_story_and_article_filters(client, exported, pages):
    def ids(params):
        return {i["id"] for i in pages(client, "/api/events", params)}

    def where(keep):
        return {i for i, r in exported.items() if keep(r)}

    names = Counter(p["name"] for r in exported.values() for p in r["actor"] + r["recipient"])
    part = names.most_common(1)[0][0][1:4].upper()
    assert ids({"actor": part}) == where(
        lambda r: any(part.lower() in p["name"].lower() for p in r["actor"] + r["recipient"])
    )
    place = Counter(r["location"]["name"] for r in exported.values() if r["location"]).most_common(1)[0][0]
    assert ids({"place": place.upper()}) == where(lambda r: (r["location"] or {}).get("name") == place)
    assert ids({"certainty": ["claimed", "denied"]}) == where(
        lambda r: r["certainty"] in ("claimed", "denied")
    )
    story = next(r["story_id"] for r in exported.values() if r["story_id"])
    assert ids({"story": story}) == where(lambda r: r["story_id"] == story)
    article = next(iter(exported.values()))["evidence"]["article_id"]
    assert ids({"article": article}) == where(lambda r: r["evidence"]["article_id"] == article)


def test_full_text_searches_the_evidence_sentence(client, pages):
    items = pages(client, "/api/events", {"q": "soldiers"})
    assert items and all("soldier" in i["evidence"]["sentence"]["text"].lower() for i in items)


def test_facets_follow_the_filters(client, exported):
    facets = client.get("/api/facets", params={"type": "ASSAULT"}).json()
    assert set(facets["type"]) == {"ASSAULT"} and sum(facets["certainty"].values()) == facets["total"]
    everything = client.get("/api/facets").json()
    dated = [r for r in exported.values() if period(r["date"])]
    assert sum(t["count"] for t in everything["timeline"]) == len(dated)
    assert Counter(_first_day(r) for r in dated) == _sum_by_day(everything["timeline"])
    located = Counter(_where(r["location"]) for r in exported.values() if r["location"])
    assert {_where(p): p["count"] for p in everything["places"]} == located


def test_places_count_located_events(client, exported):
    items = client.get("/api/places").json()["items"]
    located = Counter(_where(r["location"]) for r in exported.values() if r["location"])
    assert {_where(p): p["events"] for p in items} == located
    assert all(set(p) == {"name", "lat", "lon", "geonameid", "country", "events"} for p in items)


def test_an_event_lists_each_mention_with_its_evidence_in_the_article_text(client, exported):
    record = max(exported.values(), key=lambda r: len(r["mentions"]))
    assert len(record["mentions"]) > 1  # the demo corpus reports some events twice
    body = client.get(f"/api/events/{record['id']}").json()
    assert body["event"] == record
    assert [m["article"]["id"] for m in body["mentions"]] == [m["article_id"] for m in record["mentions"]]
    assert body["mentions"][0]["id"] == record["id"]
    for mention in body["mentions"]:
        text = client.get(f"/api/articles/{mention['article']['id']}").json()["text"]
        trigger = mention["evidence"]["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert set(mention) == {"id", "article", "claimant", "certainty", "aux", "evidence"}


def test_the_events_of_an_article_are_served_and_an_unknown_id_is_a_404(client, exported):
    assert client.get("/api/events/no-such-event").json() == {"detail": "no event 'no-such-event'"}
    second = next(m for r in exported.values() for m in r["mentions"][1:])  # reported by a second article
    listed = client.get(f"/api/articles/{second['article_id']}").json()["events"]
    assert all(client.get(f"/api/events/{i}").status_code == 200 for i in listed)
    assert any(exported[i]["evidence"]["article_id"] != second["article_id"] for i in listed)


def _first_day(record):
    days = period(record["date"])
    return days[0].isoformat() if days else None


def _inside(location, box):
    west, south, east, north = box
    return west <= location["lon"] <= east and south <= location["lat"] <= north


def _where(place):
    return place["name"], place["lat"], place["lon"]


def _sum_by_day(timeline):
    totals = Counter()
    for row in timeline:
        totals[row["date"]] += row["count"]
    return totals
