"""Event coding: PLOVER events (type, mode, context, arguments) from annotated articles.

``extract_events(item, doc)`` detects the typed triggers of a parsed article
(``events.detect``) and fills each with its actors and recipients (``events.arguments``),
location and date (``events.setting``), sizes (``events.size``), aux modality and claimant
(``events.modality``) and its ACLED-shaped code (``events.acled``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.clean.ids import article_id
from eventwire.events.acled import acled_code
from eventwire.events.arguments import ACTOR, find_arguments
from eventwire.events.modality import aux_modality, claim
from eventwire.events.setting import event_date, event_location
from eventwire.events.size import event_sizes
from eventwire.model import AnnotatedArticle, EventMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.events.detect import Detection

__all__ = ["code_event", "event_id", "extract_events"]


def extract_events(item: AnnotatedArticle, doc: Doc) -> list[EventMention]:
    """The event mentions of an article annotated with entities, times, places and quotes."""
    from eventwire.events.detect import detect

    return [code_event(item, doc, d) for d in detect(doc)]


def code_event(item: AnnotatedArticle, doc: Doc, detection: Detection) -> EventMention:
    """One detection with every argument the article gives it."""
    notes, article, token = item.annotations, item.article, detection.token
    arguments = find_arguments(doc, token, notes)
    date = event_date(doc, token, notes.times, article)
    aux, aux_span = aux_modality(doc, token, detection.event, date, notes.times, article)
    claimant, certainty, certainty_span = claim(doc, token, notes)
    actor = [a.participant for a in arguments if a.role == ACTOR]
    recipient = [a.participant for a in arguments if a.role != ACTOR]
    sentence = detection.sentence.text(article.text)
    sectors = [[p.sector for p in ps if p.sector] for ps in (actor, recipient)]
    return EventMention(
        id=event_id(article.id, detection.trigger.start, detection.trigger.end, detection.event),
        event=detection.event,
        trigger=detection.trigger,
        sentence=detection.sentence,
        mode=list(detection.mode),
        context=list(detection.context),
        aux=aux,
        aux_span=aux_span,
        actor=actor,
        recipient=recipient,
        location=event_location(doc, token, notes.places),
        date=date,
        size=event_sizes(doc, token, arguments, notes.entities),
        claimant=claimant,
        certainty=certainty,
        certainty_span=certainty_span,
        acled=acled_code(detection.event, detection.mode, detection.context, sentence, *sectors),
        confidence=detection.probability,
    )


def event_id(article: str, start: int, end: int, event: str) -> str:
    """Stable: the same article, trigger span and type give the same id."""
    return article_id(f"{article}:{start}:{end}:{event}")
