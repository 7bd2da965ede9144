"""The JSON shape of one quote in ``eventwire export quotes``."""

from __future__ import annotations

from typing import Any

from eventwire.model import Quote, Span


def _piece(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text(text)}


def quote_record(article_id: str, text: str, quote: Quote) -> dict[str, Any]:
    """``{article_id, speaker: {text, name}, cue, content, certainty, direct, chain}``.

    ``cue`` is one ``{start, end, text}``; ``content`` a list of them (a content may be split
    around its cue); *text* is the article text the offsets point into.
    """
    return {
        "article_id": article_id,
        "speaker": {"text": quote.speaker_text, "name": quote.speaker},
        "cue": _piece(quote.cue[0], text) if quote.cue else None,
        "content": [_piece(s, text) for s in quote.content],
        "certainty": quote.certainty,
        "direct": quote.direct,
        "chain": quote.chain,
    }
