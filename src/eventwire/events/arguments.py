"""Actors and recipients of an event, read off the dependency parse around its trigger.

Subjects act and objects receive (passives swap them); coordinated phrases give several; each
phrase is mapped to the entity mention covering it, a pronoun to the name of its chain, and
"we" inside a quotation to the quote's speaker. Rules live in ``data/events/arguments.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventwire.annotate.entities import chain_name
from eventwire.datafiles import load
from eventwire.model import Annotations, Entity, Participant, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACTOR, RECIPIENT = "actor", "recipient"


@dataclass(frozen=True)
class Rules:
    subject: frozenset[str]
    passive_subject: frozenset[str]
    objects: frozenset[str]
    recipient_preps: frozenset[str]
    setting_preps: frozenset[str]
    nominal_actor: frozenset[str]
    relative: frozenset[str]
    first_person: frozenset[str]
    ignored: frozenset[str]
    heads: frozenset[str]
    actor_nouns: frozenset[str]
    phrase_left: frozenset[str]


@cache
def rules() -> Rules:
    """The ``[participants]`` section of ``data/events/arguments.toml``."""
    d = load("events", "arguments.toml")["participants"]
    return Rules(
        *(
            frozenset(d[k])
            for k in (
                "subject_deps",
                "passive_subject_deps",
                "object_deps",
                "recipient_prepositions",
                "setting_prepositions",
                "nominal_actor_deps",
                "relative_pronouns",
                "first_person",
                "ignored",
                "heads",
                "actor_nouns",
                "phrase_left_deps",
            )
        )
    )


@dataclass(frozen=True)
class Argument:
    """A participant with its role and the doc index of its head word."""

    role: str  # actor, recipient
    token: int
    participant: Participant


def find_arguments(doc: Doc, token: int, annotations: Annotations) -> list[Argument]:
    """The actors and recipients of the event whose trigger's head word is ``doc[token]``."""
    trigger = doc[token]
    r = rules()
    setting = _setting_chars(annotations)
    if trigger.pos_ in ("NOUN", "PROPN"):
        heads = _nominal(trigger, r, setting)
    else:
        heads = _verbal(trigger, r, setting)
    out: list[Argument] = []
    for role, head in heads:
        for word in _expanded(head, r):
            if word.i == token or word.lower_ in r.ignored or word.pos_ not in r.heads:
                continue
            found = participant(doc, word, annotations, exclude=trigger)
            if found is not None and not any(_overlap(found, a.participant) for a in out):
                out.append(Argument(role, word.i, found))
    return out


def participant(
    doc: Doc, head: Token, annotations: Annotations, exclude: Token | None = None
) -> Participant | None:
    """The participant whose phrase is headed by *head*: its entity mention when one covers
    it (a pronoun named by its chain), the quote's speaker for "we" in a quotation, else the
    phrase itself when it names people or a body. None for things, bare numbers and pronouns
    that refer to nothing found."""
    r = rules()
    entity = entity_at(doc, head, annotations.entities, exclude)
    if entity is None and head.lower_ in r.first_person:
        speaker = _speaker_of(head, annotations)
        if speaker is not None:
            return speaker
    if entity is not None:
        name = entity.name
        if entity.kind == "PRON" and entity.chain is not None:
            name = chain_name(annotations.entities, entity.chain)
        return Participant(entity.start, entity.end, entity.text, name, entity.country, entity.sector)
    if not (head.pos_ == "PROPN" or head.lemma_.lower() in r.actor_nouns):
        return None
    start, end = noun_phrase(head, r)
    span = doc[start:end]
    return Participant(span.start_char, span.end_char, span.text, span.text)


def entity_at(doc: Doc, head: Token, entities: list[Entity], exclude: Token | None = None) -> Entity | None:
    """The smallest entity mention headed by *head* (or by the name *head* is part of)."""
    best: Entity | None = None
    for e in entities:
        if not e.start <= head.idx < e.end or (best is not None and e.end - e.start >= best.end - best.start):
            continue
        if exclude is not None and e.start <= exclude.idx < e.end:
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None and _heads(span.root, head):
            best = e
    return best


def noun_phrase(head: Token, r: Rules | None = None) -> tuple[int, int]:
    """Token range of the phrase *head* heads: its left modifiers, without a leading determiner."""
    r = r or rules()
    start = min([c.left_edge.i for c in head.lefts if c.dep_ in r.phrase_left] + [head.i])
    doc = head.doc
    while start < head.i and (doc[start].dep_ == "det" or doc[start].is_punct):
        start += 1
    return start, head.i + 1


def _overlap(a: Participant, b: Participant) -> bool:
    return a.start < b.end and b.start < a.end


def _heads(root: Token, head: Token) -> bool:
    """*head* is the root of the mention or a word of the name at its root."""
    return root.i == head.i or (head.dep_ in ("compound", "flat", "appos") and head.head.i == root.i)


def _speaker_of(word: Token, annotations: Annotations) -> Participant | None:
    """The speaker of the quotation holding *word*, as a participant named by the quote."""
    quote = _quote_holding(word.idx, annotations.quotes)
    if quote is None or not quote.speaker or not quote.source:
        return None
    doc = word.doc
    source = doc.char_span(quote.source[0].start, quote.source[0].end, alignment_mode="expand")
    entity = entity_at(doc, source.root, annotations.entities) if source is not None else None
    country, sector = (entity.country, entity.sector) if entity else (None, None)
    return Participant(word.idx, word.idx + len(word), word.text, quote.speaker, country, sector)


def _quote_holding(char: int, quotes: list[Quote]) -> Quote | None:
    """The quote with the shortest content span holding the character at *char*."""
    holders = [
        (p.end - p.start, k) for k, q in enumerate(quotes) for p in q.content if p.start <= char < p.end
    ]
    return quotes[min(holders)[1]] if holders else None


def _setting_chars(annotations: Annotations) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in annotations.places] + [(t.start, t.end) for t in annotations.times]


def _is_setting(word: Token, setting: list[tuple[int, int]]) -> bool:
    return word.ent_type_ in ("DATE", "TIME") or any(s <= word.idx < e for s, e in setting)


def _verbal(verb: Token, r: Rules, setting: list[tuple[int, int]]) -> list[tuple[str, Token]]:
    passive = is_passive(verb, r)
    found: list[tuple[str, Token]] = []
    for c in verb.children:
        if c.dep_ in r.subject:
            found.append((ACTOR, c))
        elif c.dep_ in r.passive_subject:
            found.append((RECIPIENT, c))
        elif c.dep_ == "agent":
            found += [(ACTOR, o) for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ in r.objects:
            found += [(RECIPIENT, c), *((RECIPIENT, o) for o in _addressees(c))]
        else:
            found += [(RECIPIENT, o) for o in _prep_objects(c, r, setting)]
    if not any(c.dep_ in r.subject | r.passive_subject for c in verb.children):
        role = RECIPIENT if passive else ACTOR
        found += [(role, s) for s in inherited_subjects(verb, r)]
    return found


def _addressees(thing: Token) -> list[Token]:
    """Whom an object is sent to ("recorded a message addressed to the president")."""
    return [
        o
        for acl in thing.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for p in acl.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _nominal(noun: Token, r: Rules, setting: list[tuple[int, int]]) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    for c in noun.children:
        if c.dep_ in r.nominal_actor or _named_modifier(c):
            found.append((ACTOR, c))
        elif c.dep_ == "prep" and c.lower_ == "by":
            found += [(ACTOR, o) for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            found += [(role, w) for role, w in _verbal(c, r, setting) if w.i != noun.i]
        else:
            found += [(RECIPIENT, o) for o in _prep_objects(c, r, setting)]
    if (
        not any(role == ACTOR for role, _ in found)
        and noun.dep_ in ("dobj", "attr")
        and noun.head.pos_ in ("VERB", "AUX")
    ):
        found += [(ACTOR, s) for s in subjects(noun.head, r) if s.i != noun.i]
    return found


def _named_modifier(word: Token) -> bool:
    """A name or demonym modifying an event noun names its actor ("Russian strikes", "Wagner
    mutiny"); a place name does not ("the Belgorod shooting")."""
    return word.dep_ in ("amod", "compound") and word.ent_type_ in ("NORP", "ORG", "PERSON")


def _prep_objects(prep: Token, r: Rules, setting: list[tuple[int, int]]) -> list[Token]:
    """Objects of a recipient preposition ("to Putin"), without settings after at/on/into."""
    if prep.dep_ != "prep" or prep.lower_ not in r.recipient_preps:
        return []
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    if prep.lower_ in r.setting_preps:
        objects = [o for o in objects if not _is_setting(o, setting)]
    return objects


def is_passive(verb: Token, r: Rules | None = None) -> bool:
    """A passive clause ("were caught") or a passive participle ("soldiers drafted in May")."""
    r = r or rules()
    if any(c.dep_ == "auxpass" or c.dep_ in r.passive_subject for c in verb.children):
        return True
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("acl", "amod")


def subjects(verb: Token, r: Rules, depth: int = 0) -> list[Token]:
    """The subjects of *verb*: its own (active or passive), else those it shares."""
    own = [c for c in verb.children if c.dep_ in r.subject | r.passive_subject]
    return own or inherited_subjects(verb, r, depth)


def inherited_subjects(verb: Token, r: Rules, depth: int = 0) -> list[Token]:
    """The subject a clause without one shares: of the verb it complements or is coordinated
    with ("refused to go", "fled and hid"), the object of an object-control verb ("ordered
    them to withdraw"), or the noun a participle or relative clause modifies ("mobilised
    men", "troops refusing orders"; not "an order to withdraw")."""
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in r.objects]
        return objects or subjects(head, r, depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, r, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head, r, depth + 1)
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if verb.dep_ in ("acl", "relcl", "amod") and head.pos_ in ("NOUN", "PROPN", "PRON") and not infinitive:
        return [head]
    return []


def _expanded(head: Token, r: Rules) -> list[Token]:
    """*head* with its coordinated phrases; a relative pronoun stands for its antecedent."""
    if head.lower_ in r.relative and head.head.dep_ == "relcl":
        head = head.head.head
    return [head, *(c for c in head.conjuncts if c.pos_ in r.heads)]
