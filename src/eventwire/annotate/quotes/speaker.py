"""Who a quote's source refers to: pronouns and "the post" resolved to an earlier speaker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from eventwire.annotate.entities import chain_name
from eventwire.annotate.quotes.context import quote_regions
from eventwire.datafiles import load
from eventwire.model import Entity, Quote
from eventwire.model import Span as Piece


@dataclass(frozen=True)
class Lexicon:
    pronouns: dict[str, str]  # word -> person, group, thing, self
    documents: frozenset[str]
    group_entities: frozenset[str]
    person_entities: frozenset[str]
    first_person_plural: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """``data/quotes/speakers.json``."""
    data = load("quotes", "speakers.json")
    return Lexicon(
        data["pronouns"],
        frozenset(data["documents"]),
        frozenset(data["group_entities"]),
        frozenset(data["person_entities"]),
        frozenset(data["first_person_plural"]),
    )


def _head(doc: Doc, quote: Quote) -> Token | None:
    """The syntactic head of the quote's source span."""
    if not quote.source:
        return None
    span = doc.char_span(quote.source[0].start, quote.source[0].end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def referring_class(head: Token, lex: Lexicon) -> str | None:
    """person/group/thing/self when *head* points back to an earlier mention, else None."""
    word = head.lower_
    if head.pos_ == "PRON" and word in lex.pronouns:
        return lex.pronouns[word]
    determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
    if head.lemma_.lower() in lex.documents and determiners & {"the", "this", "that"}:
        return "thing"
    return None


def compatible(kind: str, head: Token, lex: Lexicon) -> bool:
    """Whether a speaker headed by *head* can be referred to as a *kind* pronoun."""
    plural = head.tag_ in {"NNS", "NNPS"}
    if kind == "person":
        return not plural and head.ent_type_ not in lex.group_entities
    if kind == "thing":
        return head.ent_type_ not in lex.person_entities and not plural
    return True  # groups: they/we may stand for a person's organisation or any plural


def _entity_namer(entities: list[Entity] | None, lex: Lexicon) -> Callable[[int, int], str | None]:
    """A lookup (start, end) -> chain name from the entities stage's mentions, if given."""
    if not entities:
        return lambda start, end: None

    def name(start: int, end: int) -> str | None:
        for entity in entities:
            if entity.chain is not None and entity.start < end and start < entity.end:
                found = chain_name(entities, entity.chain)
                return found if found and found.lower() not in lex.pronouns else None
        return None

    return name


def _previous_mention(doc: Doc, before: int, kind: str, lex: Lexicon) -> str | None:
    """The nearest noun phrase before *before* that a *kind* reference can point to."""
    wanted = lex.group_entities if kind in {"group", "thing"} else lex.person_entities
    for chunk in reversed(list(doc.noun_chunks)):
        if chunk.end > before or chunk.root.pos_ == "PRON":
            continue
        if chunk.root.ent_type_ in wanted and compatible(kind, chunk.root, lex):
            return chunk.text
    return None


def _enclosing(quote: Quote, quotes: list[Quote]) -> Quote | None:
    """The quote whose content holds *quote*'s source ("I" inside a quotation)."""
    start = quote.source[0].start
    for other in quotes:
        if other is not quote and any(p.start <= start < p.end for p in other.content):
            return other
    return None


def resolve_speakers(doc: Doc, quotes: list[Quote], entities: list[Entity] | None = None) -> None:
    """Set ``speaker_text`` and ``speaker`` of each quote (in text order) in place.

    A named source is its own speaker; he/she/they/it (and their possessives) and "the post"
    take the entities stage's chain name, else the nearest earlier compatible speaker, else an
    earlier noun phrase — skipping any candidate the quote itself speaks of ("the commander
    gave us the order" is not said by the commander). A "he" whose words are "we"/"us" speaks
    for a group and may take a group. "I" inside a quotation is that quotation's speaker.
    """
    lex = lexicon()
    text = doc.text
    entity_name = _entity_namer(entities, lex)
    resolved: list[tuple[str, Token]] = []  # (name, head) of earlier named sources
    selves = []
    for quote in quotes:
        quote.source = [_after_dash(text, piece) for piece in quote.source]
        head = _head(doc, quote)
        if head is None:
            continue
        quote.speaker_text = " ".join(s.text(text) for s in quote.source)
        kind = referring_class(head, lex)
        if kind is None:
            head = _phrase_head(head)
            quote.speaker = _named_phrase(text, head, quote) or quote.speaker_text
            resolved.append((quote.speaker, head))
        elif kind == "self":
            selves.append(quote)
        else:
            quote.speaker = _antecedent(doc, quote, head, kind, resolved, entity_name, lex)
    for quote in selves:
        outer = _enclosing(quote, quotes)
        quote.speaker = outer.speaker if outer else None


def _phrase_head(head: Token) -> Token:
    """The noun a source hangs from when it is the object of "of"/"from" inside a larger noun
    phrase ("the Tver region" in "a group of soldiers from the Tver region")."""
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in {"of", "from"}:
        noun = head.head.head
        if noun.pos_ not in {"NOUN", "PROPN"}:
            break
        head = noun
    return head


def _named_phrase(text: str, head: Token, quote: Quote) -> str | None:
    """The words from the larger phrase's start to the source's end, when it is larger."""
    start, end = head.left_edge.idx, quote.source[-1].end
    return text[start:end] if start < quote.source[0].start else None


def _after_dash(text: str, piece: Piece) -> Piece:
    """The part of a source after a dash, which ends a dateline ("MOSCOW, May 2 (Agency) — The
    Kremlin" → "The Kremlin")."""
    words = piece.text(text)
    cut = max(words.rfind(dash) for dash in (" — ", " – ", " -- "))
    if cut < 0:
        return piece
    rest = words[cut:].lstrip(" —–-")
    return Piece(piece.end - len(rest), piece.end) if rest else piece


def _antecedent(
    doc: Doc,
    quote: Quote,
    head: Token,
    kind: str,
    resolved: list[tuple[str, Token]],
    entity_name: Callable[[int, int], str | None],
    lex: Lexicon,
) -> str | None:
    """The first acceptable candidate for a referring source, nearest first."""
    spoken = _content_words(doc, quote)
    kinds = {kind, "group"} if kind == "person" and spoken & lex.first_person_plural else {kind}
    candidates = (
        entity_name(head.idx, head.idx + len(head.text)),
        *(name for name, h in reversed(resolved) if any(compatible(k, h, lex) for k in kinds)),
        *(_previous_mention(doc, head.i, k, lex) for k in kinds),
    )
    return next((c for c in candidates if c and not _spoken_of(c, spoken)), None)


def _content_words(doc: Doc, quote: Quote) -> set[str]:
    """Lower-cased words and noun lemmas of what the speaker says: the content, and the
    other quoted passages of the cue's paragraph (run-on quotes share their speaker)."""
    text = doc.text
    cue = quote.cue[0].start if quote.cue else quote.source[0].start
    paragraph = (text.rfind("\n", 0, cue) + 1, text.find("\n", cue) % (len(text) + 1))
    quoted = [(s, e) for s, e in quote_regions(text) if paragraph[0] <= s and e <= paragraph[1]]
    words: set[str] = set()
    for start, end in [(p.start, p.end) for p in quote.content] + quoted:
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span or ():
            words.add(token.lower_)
            if token.pos_ in {"NOUN", "PROPN"}:
                words.add(token.lemma_.lower())
    return words


_MODIFIERS_START = frozenset({"of", "from", "in", "at", "on", "with", "who", "which", "that", ","})


def _spoken_of(name: str, spoken: set[str]) -> bool:
    """Whether the quote's content names the candidate's head word ("commander" in "their
    battlefield commander"; "man" in "one man from the Orenburg region")."""
    words: list[str] = []
    for word in name.lower().replace(",", " , ").split():
        if word in _MODIFIERS_START:
            break
        words.append(word.removesuffix("’s").removesuffix("'s"))
    return bool(words) and words[-1] in spoken
