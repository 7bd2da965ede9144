"""The clean stage: RawDocument → Article."""

from __future__ import annotations

from eventwire.clean.boilerplate import drop_boilerplate, drop_headlines
from eventwire.clean.header import read_header
from eventwire.clean.ids import article_id
from eventwire.clean.language import LangId, detect_language
from eventwire.clean.outlet import outlet_name
from eventwire.clean.published import drop_date_lines, find_published
from eventwire.clean.text import paragraphs, split_lines
from eventwire.clean.title import drop_repeats, split_title, strip_site_name
from eventwire.model import Article, RawDocument


def clean(raw: RawDocument, langid: LangId) -> Article:
    """Title, cleaned body, publication date, outlet and language of one raw document.

    *langid* is ``Resources().langid``: ``text -> (ISO 639-1 code, score)``.
    """
    header, lines = read_header(split_lines(raw.raw_text))
    lines = drop_boilerplate(lines)
    published = find_published(raw, header, lines)
    url = raw.url or header.url
    outlet = outlet_name(raw.outlet, url)
    given = strip_site_name(raw.title.strip(), outlet, url) if raw.title else None
    title, blocks = split_title(paragraphs(drop_date_lines(lines)), given or None)
    body = drop_headlines(drop_repeats(blocks, title))
    text = "\n\n".join(body)
    return Article(
        id=article_id(raw.raw_text),
        source=raw.source,
        fmt=raw.fmt,
        title=title,
        text=text,
        raw_text=raw.raw_text,
        published=published.date if published else None,
        published_source=published.source if published else None,
        published_precision=published.precision if published else None,
        outlet=outlet,
        url=url,
        language=detect_language(text, langid),
    )
