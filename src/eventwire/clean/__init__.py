"""Clean: RawDocument → Article (title, body without boilerplate, date, outlet, language)."""

from eventwire.clean.ids import article_id
from eventwire.clean.stage import clean

__all__ = ["article_id", "clean"]
