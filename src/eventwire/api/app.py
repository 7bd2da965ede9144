"""The app factory: routers, error handlers, security headers, and the dashboard."""

from __future__ import annotations

from fastapi import FastAPI

from eventwire import __version__, web
from eventwire.api import errors
from eventwire.api.routes import articles, events, exports, stories
from eventwire.api.security import SecurityHeaders
from eventwire.api.stores import Stores
from eventwire.config import Settings
from eventwire.resources import Resources
from eventwire.store import open_store


def create_app(db: str, settings: Settings | None = None) -> FastAPI:
    """The API over the store at *db* (created and migrated now if needed), with the dashboard at ``/``."""
    settings = settings or Settings.load()
    open_store(db).close()  # migrate once, and fail early on a path that is not a store
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Evidence-linked event data extracted from news articles. See docs/api.md.",
    )
    app.state.settings = settings
    app.state.stores = Stores(db)
    app.state.resources = Resources(settings)  # loaded lazily, by the first POST /api/articles
    errors.install(app)
    for module in (events, articles, stories, exports):
        app.include_router(module.router)
    app.add_middleware(SecurityHeaders)
    web.mount(app)
    return app


def from_settings() -> FastAPI:
    """The app over the store the settings name (``eventwire serve`` starts its workers with it)."""
    settings = Settings.load()
    return create_app(settings.db, settings)
