"""POST /api/articles: off without a token, guarded by it, size-limited, runs the pipeline."""

from __future__ import annotations

import pytest

ARTICLE = {
    "title": "Recruits detained after fleeing a training camp near Kursk",
    "text": (
        "Military police detained twelve recruits in the Kursk region on Tuesday after they fled a"
        " training camp, the regional governor said. Relatives of the men protested outside the"
        " enlistment office in Kursk on Wednesday, demanding that they be released."
    ),
    "published": "2023-04-12",
    "outlet": "Steppe Courier",
    "url": "https://courier.example/kursk-recruits",
}


def test_writing_is_off_without_a_token_setting(client):
    response = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "api_token" in response.json()["detail"]


def test_a_missing_or_wrong_token_is_refused(writable):
    assert writable.post("/api/articles", json=ARTICLE).status_code == 401
    wrong = writable.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json() == {"detail": "invalid token"}


def test_a_json_article_runs_the_pipeline_and_its_events_are_served(writable, token, pages):
    before = pages(writable, "/api/events", {"limit": 500})
    first = writable.get("/api/events", params={"limit": 10}).json()  # a cursor taken before the write
    auth = {"Authorization": f"Bearer {token}"}
    response = writable.post("/api/articles", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    article = writable.get(f"/api/articles/{body['id']}").json()
    assert article["title"] == ARTICLE["title"] and body["events"] == len(article["events"]) >= 1
    assert {e["event"] for e in pages(writable, "/api/events", {"article": body["id"]})} & {
        "ARREST",
        "PROTEST",
    }
    rest = pages(writable, "/api/events", {"limit": 10, "cursor": first["next"]})
    ids = [e["id"] for e in first["items"] + rest]
    assert len(ids) == len(set(ids)) and {e["id"] for e in before} <= set(ids)  # the cursor stayed valid
    assert len(ids) == len(before) + body["events"]


def test_a_file_upload_runs_the_pipeline(writable, token):
    text = f"{ARTICLE['title']}\n\n{ARTICLE['text']}\n".encode()
    files = {"file": ("kursk-recruits.txt", text, "text/plain")}
    response = writable.post("/api/articles", files=files, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.text
    assert writable.get(f"/api/articles/{response.json()['id']}").json()["text"].startswith("Military police")


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"x" * 30_000, "headers": {"Content-Type": "application/json"}}, 413),
        ({"json": {**ARTICLE, "text": "y " * 15_000}}, 413),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400),
        ({"json": ["a list"]}, 400),
        ({"json": {"title": "no text"}}, 400),
        ({"json": {**ARTICLE, "author": "x"}}, 400),
        ({"json": {**ARTICLE, "title": 7}}, 400),
        ({"content": b"text", "headers": {"Content-Type": "text/plain"}}, 415),
        ({"files": {"other": ("a.txt", b"text", "text/plain")}}, 400),
        ({"content": b"--x\r\nbroken", "headers": {"Content-Type": "multipart/form-data; boundary=x"}}, 400),
        ({"json": {"text": "Too short."}}, 422),
        (
            {
                "files": {
                    "file": ("two.jsonl", b'{"text": "One."}\n{"text": "Two."}\n', "application/x-ndjson")
                }
            },
            400,
        ),
    ],
)
def test_bad_or_oversized_bodies_are_clear_4xx(writable, token, kwargs, status):
    headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
    response = writable.post("/api/articles", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert isinstance(response.json()["detail"], str)
