"""``extract_quotes``: attributions found by the tagger, as ``model.Quote`` records."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.annotate.quotes.tagger import QuoteTagger, default_tagger
from eventwire.model import Entity, Quote


def extract_quotes(
    doc: Doc, entities: list[Entity] | None = None, tagger: QuoteTagger | None = None
) -> list[Quote]:
    """Quotations and reported claims in *doc*, in text order."""
    found = (tagger or default_tagger())(doc)
    quotes = []
    for f in found:
        text = " ".join(s.text(doc.text) for s in f.source) or None
        quotes.append(Quote(source=f.source, cue=f.cue, content=f.content, speaker_text=text))
    return quotes
