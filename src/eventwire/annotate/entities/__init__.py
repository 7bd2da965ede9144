"""Entities: actors, units, bodies and collectives with country, sector and mention chains.

``extract_entities(doc)`` reads one parsed article; ``chain_name(entities, chain)`` gives the
most descriptive mention of a chain (for quotes: "He" -> "one man from the Orenburg region").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.annotate.entities.coref import chain_name, link
from eventwire.annotate.entities.lexicon import lexicon
from eventwire.annotate.entities.mentions import Mention, find_mentions
from eventwire.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["chain_name", "extract_entities"]


def extract_entities(doc: Doc) -> list[Entity]:
    """The entity mentions of *doc*, sorted by start, with character offsets into ``doc.text``."""
    lex = lexicon()
    mentions = find_mentions(doc, lex)
    link(mentions, doc, lex.coref_rules)
    return [_entity(doc, m) for m in mentions]


def _entity(doc: Doc, m: Mention) -> Entity:
    span = doc[m.start : m.end]
    return Entity(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        name=m.name,
        kind=m.kind,
        country=m.country,
        sector=m.sector,
        chain=m.chain,
    )
