"""RSS/Atom feeds → RawDocument for each entry."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import lxml.html

from eventwire.model import RawDocument, Reject


def read(text: str, source: str) -> Iterator[RawDocument | Reject]:
    """Entries of an RSS or Atom feed; an entry without text is rejected."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no entries")
        yield Reject(source, "malformed", f"not a readable feed: {detail}")
        return
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        name = f"{source}#{n}"
        body = _entry_text(entry)
        if not body:
            yield Reject(name, "empty", "feed entry has no text")
            continue
        yield RawDocument(
            source=name,
            fmt="feed",
            raw_text=body,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            published=entry.get("published") or entry.get("updated") or None,
            outlet=outlet,
        )


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """The entry's fullest text (content, else summary) as plain text."""
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    markup = "\n".join(p for p in parts if p)
    if not markup.strip():
        return ""
    root = lxml.html.fromstring(f"<div>{markup}</div>")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
