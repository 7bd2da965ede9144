"""Bad input anywhere is a clear 4xx JSON answer, never a 500; every response carries the security headers."""

from __future__ import annotations

import pytest

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none';"
    " base-uri 'none'; frame-ancestors 'none'"
)
FILTERS = [
    "type=NOT_A_TYPE", "type=ASSAULT,FOO", "certainty=maybe", "bbox=1,2,3", "bbox=a,b,c,d",
    "bbox=0,10,5,-10", "bbox=-200,0,0,10", "bbox=nan,0,1,1", "bbox=inf,0,1,1", "date_from=2023-13-01",
    "date_from=yesterday", "date_to=2023-02-30", "date_from=2023-05-01&date_to=2023-01-01",
    "date_from=20230101", 'q="unterminated', "q=AND", "q=a:b", "q=NEAR(", "q=*",
]  # fmt: skip
# Odd but valid: they match nothing or filter nothing.
ODD = ["type=", "actor=%00", "place=%27%3B%20DROP%20TABLE%20events%3B--", "story=%27", "article=%25", "cursor=",
       "actor=%25", "q=%22%22", "bbox=170,-10,-170,10"]  # fmt: skip
PAGED = ["limit=0", "limit=501", "limit=-1", "limit=ten", "cursor=!!!", "cursor=bm90IGpzb24", "cursor=WzFd",
         "cursor=WyJhIiwxXQ", "limit=1e3"]  # fmt: skip
BAD = [
    *(f"/api/events?{q}" for q in FILTERS + PAGED),
    *(f"/api/facets?{q}" for q in FILTERS),
    *(f"/api/articles?{q}" for q in ['q="', "q=NEAR(", "q=a:b", *PAGED]),
    *(f"/api/stories?{q}" for q in PAGED),
    "/api/events/%27%20OR%201%3D1", "/api/events/" + "x" * 5000, "/api/articles/..%2F..%2Fetc",
    "/api/stories/%00", "/api/export/nothing", "/api/export/events?format=pdf", "/api/export/..%2Fsecret",
    "/api/nowhere", "/static/..%2F..%2Fpyproject.toml", "/vendor/evil.js",
]  # fmt: skip


@pytest.mark.parametrize("url", BAD)
def test_bad_queries_are_4xx_json(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str) and "\n" not in response.json()["detail"]


@pytest.mark.parametrize("url", [f"/api/{path}?{q}" for path in ("events", "facets") for q in ODD])
def test_odd_but_valid_queries_are_answered(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)


@pytest.mark.parametrize("url", ["/", "/api/events", "/api/nowhere", "/openapi.json", "/api/events?limit=0"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/facets", "/api/places", "/api/articles",
            "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}", "/api/export/{kind}"} <= set(paths)  # fmt: skip
    assert "post" in paths["/api/articles"]
