"""The HTTP API: read endpoints over the store, a guarded write endpoint, the dashboard mounted beside."""

from eventwire.api.app import create_app

__all__ = ["create_app"]
