"""Whether an event happened (aux modality) and who says so, how surely (claimant, certainty).

Aux is read from the trigger's own modifiers and from the words governing it, nearest first:
``negation`` ("did not attack", "denied shelling"), ``future`` ("will", "plans to", "predicted
that ... would"), ``hypothetical`` ("could", "if", "was rumoured", "urged them to"),
``historical`` (dated a year or more before publication, "years ago"). Cues live in
``data/events/modality.toml``. The claimant and certainty come from the quotation holding the
trigger; outside quotations the article asserts the event unless a hedge ("reportedly") or a
verification note ("has not been independently verified") says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.annotate.attribution import certainty_lexicon
from eventwire.annotate.quotes.features import cue_classes
from eventwire.datafiles import load
from eventwire.events.arguments import entity_at
from eventwire.events.arguments import rules as argument_rules
from eventwire.events.setting import event_frame, hanging, sentence
from eventwire.model import Annotations, Article, Entity, EventDate, Participant, Quote, Span, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

NEGATION, FUTURE, HYPOTHETICAL, HISTORICAL = "negation", "future", "hypothetical", "historical"
# Cue classes (data/quotes/cue_lexicon.json) of quotes that make their speaker a claimant.
CLAIM_CLASSES = frozenset({"speech", "evidence", "source_noun"})


@dataclass(frozen=True)
class Rules:
    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    future_aux: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    hypothetical_aux: frozenset[str]
    reported_future: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    reporting: frozenset[str]
    historical_days: int
    historical_patterns: tuple[re.Pattern[str], ...]
    governing: frozenset[str]
    modal: frozenset[str]
    negating: frozenset[str]
    walked: frozenset[str]
    max_steps: int
    absorbed: dict[str, frozenset[str]]


@cache
def rules() -> Rules:
    """``data/events/modality.toml`` (and the reporting verbs of ``arguments.toml``)."""
    d: dict[str, Any] = load("events", "modality.toml")
    neg, fut, hyp, hist, walk = d["negation"], d["future"], d["hypothetical"], d["historical"], d["walk"]
    return Rules(
        frozenset(neg["words"]),
        frozenset(neg["governors"]),
        frozenset(fut["auxiliaries"]),
        frozenset(fut["governors"]),
        frozenset(fut["modifiers"]),
        frozenset(hyp["auxiliaries"]),
        frozenset(hyp["reported_future"]),
        frozenset(hyp["marks"]),
        frozenset(hyp["governors"]),
        frozenset(hyp["modifiers"]),
        frozenset(load("events", "arguments.toml")["setting"]["reporting_verbs"]),
        int(hist["days"]),
        tuple(re.compile(p, re.IGNORECASE) for p in hist["patterns"]),
        frozenset(walk["governing"]),
        frozenset(walk["modal"]),
        frozenset(walk["negating"]),
        frozenset(walk["governing"]) | frozenset(walk["modal"]) | frozenset(walk["other"]),
        int(walk["max_steps"]),
        {k: frozenset(v) for k, v in d["absorbed"].items()},
    )


@dataclass(frozen=True)
class Step:
    """A word on the way up from the trigger. *governs*: its lemma can be a cue ("denied",
    "rumoured"); *modal*: its modals and conditions apply to the event; *negates*: so does its
    negation."""

    token: Token
    governs: bool
    modal: bool
    negates: bool


def governors(trigger: Token) -> list[Step]:
    """The trigger and the words governing it, nearest first, up to a relative clause."""
    r = rules()
    steps = [Step(trigger, False, True, True)]
    word, modal, negates = trigger, True, True
    for _ in range(r.max_steps):
        if word.dep_ not in r.walked or word.head.i == word.i:
            break
        via, word = word, word.head
        if via.dep_ == "pobj" and word.dep_ == "prep":
            via, word = word, word.head  # a preposition and its object are one link
            governs = word.pos_ in ("NOUN", "PROPN") or via.lower_ == "of"
        elif via.dep_ == "prep":
            governs = any(c.dep_ == "pcomp" for c in via.children)
        elif via.dep_ == "acl":
            governs = any(c.dep_ == "aux" and c.tag_ == "TO" for c in via.children)
        else:
            governs = via.dep_ in r.governing
        own = via.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in via.children
        )
        modal = modal and (via.dep_ in r.modal or (governs and via.dep_ != "ccomp")) and not own
        negates = negates and via.dep_ in r.negating
        steps.append(Step(word, governs, modal, negates))
    return steps


def aux_modality(
    doc: Doc, token: int, event: str, date: EventDate | None, times: list[TimeExpr], article: Article
) -> tuple[str | None, Span | None]:
    """The aux of the *event* of ``doc[token]`` and the words that set it, or ``(None, None)``;
    none when the type already says it (a negated agreement coded as REJECT)."""
    steps = governors(doc[token])
    found = next((f for k, step in enumerate(steps) if (f := _cue(step, steps[k + 1 :])) is not None), None)
    if found is not None:
        aux, span = found[0], Span(found[1].idx, found[1].idx + len(found[1]))
    else:
        aux, span = _historical(doc, token, date, times, article)
    if aux in rules().absorbed.get(event, ()):
        return None, None
    return aux, span


def claim(doc: Doc, token: int, annotations: Annotations) -> tuple[Participant | None, str, Span | None]:
    """Claimant, certainty and the words that set the certainty for the event of ``doc[token]``."""
    trigger = doc[token]
    quote = _claiming_quote(doc, trigger, annotations)
    if quote is not None:
        return _claimant(doc, quote, annotations), *_quoted_certainty(doc, trigger, quote)
    note = _verification_note(doc, trigger)
    if note is not None:
        return None, "unverified", note
    hedges = certainty_lexicon().hedges
    for step in governors(trigger):
        hedge = next((c for c in step.token.children if c.dep_ == "advmod" and c.lower_ in hedges), None)
        if hedge is not None:
            return None, "claimed", Span(hedge.idx, hedge.idx + len(hedge))
    return None, "asserted", None


def _cue(step: Step, above: list[Step]) -> tuple[str, Token] | None:
    r = rules()
    word = step.token
    if step.governs:
        for aux, words in (
            (NEGATION, r.negation_governors),
            (HYPOTHETICAL, r.hypothetical_governors),
            (FUTURE, r.future_governors),
        ):
            if _is(word, words):
                hedged = aux == FUTURE and any(c.lower_ in certainty_lexicon().hedges for c in word.children)
                return (HYPOTHETICAL if hedged else aux), word
    if not step.modal:
        return None
    for child in word.children:
        found = _modifier_cue(child, step, above, r)
        if found is not None:
            return found, child
    return None


def _modifier_cue(child: Token, step: Step, above: list[Step], r: Rules) -> str | None:
    dep, word = child.dep_, child.lower_
    if dep in ("neg", "det", "advmod", "preconj") and word in r.negation_words:
        return NEGATION if step.negates else None
    if dep == "mark" and word in r.hypothetical_marks:
        return HYPOTHETICAL
    if dep == "aux" and (word in r.future_aux or child.lemma_ in r.future_aux):
        return FUTURE
    if dep == "aux" and word in r.hypothetical_aux:
        reported = word in r.reported_future and any(
            _is(s.token, r.reporting | r.future_governors) for s in above
        )
        return FUTURE if reported else HYPOTHETICAL
    if dep in ("amod", "advmod", "acomp") and word in r.future_modifiers:
        return FUTURE
    if dep in ("amod", "advmod", "acomp") and word in r.hypothetical_modifiers:
        return HYPOTHETICAL
    return None


def _is(word: Token, words: frozenset[str]) -> bool:
    return word.lemma_.lower() in words or word.lower_ in words


def _historical(
    doc: Doc, token: int, date: EventDate | None, times: list[TimeExpr], article: Article
) -> tuple[str | None, Span | None]:
    """Historical when the text dates the event a year or more before publication, or says
    "years ago" in the event's clause."""
    r = rules()
    published = period_end(article.published[:10]) if article.published else None
    if date is not None and date.source == "text" and date.span is not None and published is not None:
        end = period_end(date.value)
        if end is not None and (published - end).days >= r.historical_days:
            return HISTORICAL, date.span
    frame = event_frame(doc[token])
    for time in times:
        if not any(p.search(time.text) for p in r.historical_patterns):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None and hanging(span.root, frame).anchor in frame:
            return HISTORICAL, Span(time.start, time.end)
    return None, None


def period_end(value: str) -> dt.date | None:
    """The last day of a TIMEX3 date value: ``2022-09`` -> 2022-09-30; None when unreadable."""
    try:
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 7)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            month = dt.date(int(value[:4]), int(value[5:]), 28) + dt.timedelta(days=4)
            return month - dt.timedelta(days=month.day)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _claiming_quote(doc: Doc, trigger: Token, annotations: Annotations) -> Quote | None:
    """The innermost quote holding the trigger that reports someone's claim: its cue reports
    (speech, evidence, a source noun; not any verb the quote finder took for a cue) and its
    source, if it has one, names someone (not "Wednesday saw", "a video shows"), or is a
    statement whose author the quote finder resolved ("the post says")."""
    holders = [
        (p.end - p.start, k)
        for k, q in enumerate(annotations.quotes)
        for p in q.content
        if p.start <= trigger.idx < p.end and _claims(doc, q, annotations.entities)
    ]
    return annotations.quotes[min(holders)[1]] if holders else None


def _claims(doc: Doc, quote: Quote, entities: list[Entity]) -> bool:
    cue = _span(doc, quote.cue[0]) if quote.cue else None
    if cue is None or not CLAIM_CLASSES & set(cue_classes().get(cue.root.lemma_.lower(), ())):
        return False
    source = _span(doc, quote.source[0]) if quote.source else None
    if source is None:
        return not quote.source
    head = source.root
    if head.ent_type_ in ("DATE", "TIME"):
        return False
    if "source_noun" in cue_classes().get(head.lemma_.lower(), ()):
        return quote.speaker not in (None, source.text)  # "the post says" -> who posted it
    return (
        head.pos_ in ("PRON", "PROPN")
        or head.lemma_.lower() in argument_rules().actor_nouns
        or any(e.start <= head.idx < e.end for e in entities)
    )


def _span(doc: Doc, piece: Span) -> SpacySpan | None:
    return doc.char_span(piece.start, piece.end, alignment_mode="expand")


def _claimant(doc: Doc, quote: Quote, annotations: Annotations) -> Participant | None:
    """The quote's speaker as a participant: the source words, the resolved name, the codes."""
    span = _span(doc, quote.source[0]) if quote.source else None
    if span is None:
        return None
    entity = entity_at(doc, span.root, annotations.entities)
    name = quote.speaker or (entity.name if entity else span.text)
    country, sector = (entity.country, entity.sector) if entity else (None, None)
    return Participant(span.start_char, span.end_char, span.text, name, country, sector)


def _quoted_certainty(doc: Doc, trigger: Token, quote: Quote) -> tuple[str, Span | None]:
    """The quote's certainty; a claim with no named source ("are said to") is at most claimed."""
    certainty = quote.certainty
    if certainty == "asserted" and not quote.source:
        certainty = "claimed"
    if certainty == "unverified":
        return certainty, _verification_note(doc, trigger)
    return certainty, (quote.cue[0] if certainty != "asserted" and quote.cue else None)


def _verification_note(doc: Doc, trigger: Token) -> Span | None:
    """A note that the report is unverified, in the trigger's sentence or the next one."""
    sent = sentence(trigger)
    end = sentence(doc[sent.end]).end if sent.end < len(doc) else sent.end
    text = doc[sent.start : end].text
    for pattern in certainty_lexicon().unverified:
        match = pattern.search(text)
        if match:
            return Span(sent.start_char + match.start(), sent.start_char + match.end())
    return None
