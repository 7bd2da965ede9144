"""``extract_quotes``: attributions found by the tagger, as ``model.Quote`` records."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.annotate.quotes.speaker import resolve_speakers
from eventwire.annotate.quotes.tagger import QuoteTagger, default_tagger
from eventwire.model import Entity, Quote


def extract_quotes(
    doc: Doc, entities: list[Entity] | None = None, tagger: QuoteTagger | None = None
) -> list[Quote]:
    """Quotations and reported claims in *doc*, in text order, with resolved speakers.

    *entities* (from ``annotate.entities``) lets pronoun sources take their coreference
    chain's name; without them an earlier compatible speaker or noun phrase is used.
    """
    quotes = [
        Quote(source=f.source, cue=f.cue, content=f.content, direct=f.direct)
        for f in (tagger or default_tagger())(doc)
    ]
    resolve_speakers(doc, quotes, entities)
    return quotes
