"""The dashboard: static files served by the API app, and the vendor files set-up installs from npm."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from eventwire.errors import UserError

WEB = Path(__file__).parent
STATIC = WEB / "static"
NODE_MODULES = WEB / "node_modules"

# The only third-party files served under /vendor/ (URL name → file under node_modules).
VENDOR = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}


def vendor_file(name: str) -> Path:
    """The installed path of a whitelisted vendor file; UserError when set-up has not installed it."""
    path = NODE_MODULES / VENDOR[name]
    if not path.is_file():
        raise UserError(
            f"dashboard file {VENDOR[name]} is missing from {NODE_MODULES}: run the set-up (`make install`)"
        )
    return path


def mount(app: FastAPI) -> None:
    """Serve the dashboard on *app*: index.html at /, own files at /static/, vendor files at /vendor/."""
    files = {name: vendor_file(name) for name in VENDOR}
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        if name not in files:
            raise HTTPException(status_code=404, detail=f"no vendor file {name}")
        return FileResponse(files[name])

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
