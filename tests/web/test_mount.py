"""The dashboard's static files and the vendor whitelist, through the ASGI app."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire import web
from eventwire.errors import UserError


def test_mount_serves_the_dashboard_and_only_whitelisted_vendor_files() -> None:
    app = FastAPI()
    web.mount(app)
    client = TestClient(app)
    index = client.get("/")
    assert index.status_code == 200 and 'src="/static/js/app.js"' in index.text
    assert client.get("/static/js/app.js").headers["content-type"].startswith("text/javascript")
    for name in web.VENDOR:
        assert client.get(f"/vendor/{name}").status_code == 200
    assert client.get("/vendor/package.json").status_code == 404
    assert client.get("/vendor/..%2Fpackage.json").status_code == 404


def test_missing_vendor_files_ask_for_the_set_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(web, "NODE_MODULES", tmp_path)
    with pytest.raises(UserError, match=r"make install"):
        web.mount(FastAPI())


def test_dashboard_code_never_parses_html_from_strings() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in web.STATIC.rglob("*.js"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in sources
