"""GET /api/export/{kind}: the same bytes as `eventwire export`."""

from __future__ import annotations

import io

import pytest

from eventwire.export.registry import get_format


@pytest.mark.parametrize(
    ("kind", "fmt", "media"),
    [
        ("events", "jsonl", "application/x-ndjson"),
        ("events", "csv", "text/csv"),
        ("events", "geojson", "application/geo+json"),
        ("events", "acled", "text/csv"),
        ("stories", "jsonl", "application/x-ndjson"),
        ("articles", "csv", "text/csv"),
    ],
)
def test_an_export_is_what_the_cli_writes(client, store, kind, fmt, media):
    chosen, out = get_format(kind, fmt), io.StringIO()
    chosen.write(chosen.rows(store), out)
    response = client.get(f"/api/export/{kind}", params={"format": fmt})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert response.content.decode("utf-8") == out.getvalue() and len(out.getvalue()) > 100
    assert "attachment" in response.headers["content-disposition"]


def test_an_unknown_export_or_format_is_refused(client):
    assert client.get("/api/export/secrets").status_code == 404
    response = client.get("/api/export/events", params={"format": "xlsx"})
    assert response.status_code == 400 and "jsonl" in response.json()["detail"]
