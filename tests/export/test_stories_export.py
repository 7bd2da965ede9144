"""The stories export: one row per clustered story, with its articles and their events."""

import csv
import io
import json


def test_stories_jsonl_lists_the_articles_and_events_of_each_story(exported):
    [story] = [json.loads(line) for line in exported("stories", "jsonl").splitlines()]
    assert story == {
        "id": "story-art1",
        "title": "Bus station shelled",
        "article_ids": ["art2", "art1"],
        "event_ids": ["art2-e1", "art2-e2", "art1-e1", "art1-e2"],
        "first_date": "2022-11-02",
        "last_date": "2023-03-18",
    }


def test_stories_csv_writes_lists_as_json(exported):
    [row] = csv.DictReader(io.StringIO(exported("stories", "csv")))
    assert (row["id"], json.loads(row["article_ids"])) == ("story-art1", ["art2", "art1"])
