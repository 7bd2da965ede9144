"""Quotations and reported claims: source, cue and content spans with the resolved speaker."""

from eventwire.annotate.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
