"""Candidate event triggers in a parsed sentence, from the lexicon ``data/events/triggers.toml``.

A candidate is a token (a verb, noun or adjective) whose lemma, and the dependents or
neighbours the lexicon pattern names, match an entry; it carries the PLOVER types the
matching entries allow, with the modes and contexts they tell.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from typing import Any

from spacy.tokens import Span, Token

from eventwire import datafiles

POS_OF_KIND = {"verbs": {"VERB"}, "nouns": {"NOUN", "PROPN"}, "adjs": {"ADJ"}}
STEMS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("es", ""),
    ("s", ""),
)


@dataclass(frozen=True)
class Pattern:
    """One lexicon pattern: its words, the part of speech of its head, and what it tells."""

    words: tuple[str, ...]  # verbs/adjs: head lemma first; nouns: consecutive lemmas
    kind: str  # verbs, nouns, adjs
    event: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # dependency labels: the head needs a child with one of them
    patient: bool = False  # the head's object or passive subject, if any, is a person or group
    unless: tuple[str, ...] = ()  # words among the head's dependents that rule the pattern out


@dataclass(frozen=True)
class Cue:
    """Words in a trigger's clause that add a mode (for one type) or a context."""

    words: frozenset[str]
    event: str | None
    mode: str | None
    context: str | None


@dataclass
class Lexicon:
    """The trigger patterns indexed by head lemma, the mode/context cues and the settings."""

    patterns: dict[str, list[Pattern]]
    cues: list[Cue]
    settings: dict[str, Any]

    def types(self) -> list[str]:
        """Every event type the lexicon knows, in first-seen order."""
        seen = dict.fromkeys(p.event for ps in self.patterns.values() for p in ps)
        return list(seen)


@dataclass
class Candidate:
    """A token that may express an event: the matched tokens and the types they allow."""

    token: int  # doc index of the head token
    tokens: tuple[int, ...]  # doc indices of all matched tokens (head included)
    patterns: list[Pattern] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys(p.event for p in self.patterns))

    def modes(self, event: str) -> list[str]:
        return list(dict.fromkeys(m for p in self.patterns if p.event == event for m in p.mode))

    def contexts(self, event: str) -> list[str]:
        return list(dict.fromkeys(c for p in self.patterns if p.event == event for c in p.context))

    @property
    def length(self) -> int:
        """Words in the matched patterns."""
        return max(len(p.words) for p in self.patterns)

    @property
    def words(self) -> str:
        """The longest matched pattern, as text (``call up``)."""
        return " ".join(max(self.patterns, key=lambda p: len(p.words)).words)


def _head_lemma(words: tuple[str, ...], kind: str) -> str:
    return words[-1] if kind == "nouns" else words[0]


def _alternatives(text: str) -> list[str]:
    """``"cut|halt aid|assistance"`` -> cut aid, cut assistance, halt aid, halt assistance."""
    return [" ".join(words) for words in product(*(w.split("|") for w in text.split()))]


def _pattern_words(text: str, kind: str) -> tuple[str, ...]:
    """A pattern's words as spaCy tokenises them: hyphens apart ("call-up" -> call - up); a
    hyphenated verb is headed by its last part ("test-fire" -> fire + test)."""
    words = text.lower().split()
    if kind == "nouns":
        return tuple(re.findall(r"[^\s-]+|-", text.lower()))
    if "-" in words[0]:
        *pre, head = words[0].split("-")
        return (head, *pre, *words[1:])
    return tuple(words)


def _pattern(words: tuple[str, ...], kind: str, entry: dict[str, Any]) -> Pattern:
    def field_of(key: str) -> tuple[str, ...]:
        return tuple(entry.get(key, ()))

    return Pattern(words, kind, entry["event"], field_of("mode"), field_of("context"), field_of("needs"),
                   entry.get("patient") == "human", field_of("unless"))  # fmt: skip


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon, parsed once."""
    data = datafiles.load("events", "triggers.toml")
    patterns: dict[str, list[Pattern]] = defaultdict(list)
    for entry in data["entry"]:
        for kind in POS_OF_KIND:
            for text in (t for item in entry.get(kind, []) for t in _alternatives(item)):
                words = _pattern_words(text, kind)
                patterns[_head_lemma(words, kind)].append(_pattern(words, kind, entry))
    cues = [
        Cue(frozenset(w.lower() for w in c["words"]), c.get("event"), c.get("mode"), c.get("context"))
        for c in data.get("cue", [])
    ]
    return Lexicon(dict(patterns), cues, data["detect"])


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def _near(token: Token, depth: int = 2) -> list[Token]:
    """The token's dependents down to *depth* levels."""
    out: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children]
        out.extend(frontier)
    return out


def _match_dependents(token: Token, extra: tuple[str, ...]) -> tuple[int, ...] | None:
    """Indices of dependents matching every word of *extra*, or None when one is missing."""
    near = _near(token)
    found: list[int] = []
    for word in extra:
        hit = next((t for t in near if t.i not in found and word in (lemma(t), t.lower_)), None)
        if hit is None:
            return None
        found.append(hit.i)
    return tuple(found)


def _match_sequence(token: Token, words: tuple[str, ...], sent: Span) -> tuple[int, ...] | None:
    """Indices of the consecutive tokens ending at *token* whose lemmas are *words*."""
    start = token.i - len(words) + 1
    if start < sent.start:
        return None
    doc = token.doc
    for k, word in enumerate(words):
        t = doc[start + k]
        if word not in (lemma(t), t.lower_):
            return None
    return tuple(range(start, token.i + 1))


def _is_human(token: Token, settings: dict[str, Any]) -> bool:
    """Whether *token* names people: a personal pronoun, a person or group name, a word of
    ``human_nouns``, or a quantity of them ("hundreds of men")."""
    if token.pos_ == "PRON":
        return token.lower_ not in {"it", "this", "that", "what", "which"}
    if token.ent_type_ in settings["human_entities"] or lemma(token) in settings["human_nouns"]:
        return True
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(g.dep_ == "pobj" and _is_human(g, settings) for g in of)


def _constrained(token: Token, pattern: Pattern, settings: dict[str, Any]) -> bool:
    """Whether the pattern's syntactic conditions (``needs``, ``patient``, ``unless``) hold."""
    deps = {c.dep_ for c in token.children}
    if pattern.needs and not deps & set(pattern.needs):
        return False
    patients = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if pattern.patient and not all(_is_human(p, settings) for p in patients):
        return False
    unless = set(pattern.unless)
    return not unless or not any({lemma(t), t.lower_} & unless for t in _near(token))


def _match(token: Token, pattern: Pattern, sent: Span, settings: dict[str, Any]) -> tuple[int, ...] | None:
    if pattern.kind == "nouns" and len(pattern.words) > 1:
        return _match_sequence(token, pattern.words, sent)
    if token.pos_ not in POS_OF_KIND[pattern.kind] or not _constrained(token, pattern, settings):
        return None
    extra = _match_dependents(token, pattern.words[1:]) if len(pattern.words) > 1 else ()
    return None if extra is None else (token.i, *extra)


def _keys(token: Token) -> set[str]:
    """The lemma, the word, and the word's plausible stems (the tagger's lemma can be wrong:
    "raped" -> "rap")."""
    word = token.lower_
    keys = {lemma(token), word}
    for suffix, repl in STEMS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            keys.add(word[: -len(suffix)] + repl)
    return keys


def _options(token: Token, sent: Span, lexicon: Lexicon) -> list[Candidate]:
    """The patterns matching at *token*, grouped by their number of words."""
    by_length: dict[int, list[tuple[Pattern, tuple[int, ...]]]] = defaultdict(list)
    for key in sorted(_keys(token)):
        for pattern in lexicon.patterns.get(key, ()):
            if (hit := _match(token, pattern, sent, lexicon.settings)) is not None:
                by_length[len(pattern.words)].append((pattern, hit))
    options = []
    for matches in by_length.values():
        tokens = tuple(sorted({i for _, hit in matches for i in hit}))
        nominal = matches[0][0].kind == "nouns" and len(tokens) > 1
        head = _span_head(token.doc, tokens) if nominal else token.i
        options.append(Candidate(head, tokens, list(dict.fromkeys(p for p, _ in matches))))
    return options


def _span_head(doc: Any, tokens: tuple[int, ...]) -> int:
    """The token of *tokens* whose syntactic head lies outside them."""
    inside = set(tokens)
    return next((i for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i), tokens[-1])


def find_candidates(sent: Span, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Candidate triggers of one sentence. Longer patterns are taken first (then the one
    higher in the parse), and a token one pattern uses (the object of "impose sanctions", the
    particle of "call up") is in no other; a lone modifier ("mobilised soldiers", "protest
    leaders") is no trigger."""
    lexicon = lexicon or load_lexicon()
    skip = set(lexicon.settings["modifier_deps"])
    found = [c for t in sent for c in _options(t, sent, lexicon)]
    found = [c for c in found if len(c.tokens) > 1 or sent.doc[c.token].dep_ not in skip]
    kept: list[Candidate] = []
    used: set[int] = set()
    heads: set[int] = set()
    for cand in sorted(found, key=lambda c: (-c.length, depth(sent.doc[c.token]), c.token)):
        if cand.token not in heads and used.isdisjoint(cand.tokens):
            kept.append(cand)
            used.update(cand.tokens)
            heads.add(cand.token)
    return sorted(_drop_transparent(kept, sent, lexicon), key=lambda c: c.token)


def _drop_transparent(cands: list[Candidate], sent: Span, lexicon: Lexicon) -> list[Candidate]:
    """Without the intention words ("ready to", "vowed to") whose to-clause holds a candidate:
    the act in the clause is the event, announced for the future."""
    transparent = set(lexicon.settings["transparent"])
    heads = {c.token for c in cands}
    out = []
    for cand in cands:
        token = sent.doc[cand.token]
        inner = {t.i for c in token.children if c.dep_ == "xcomp" for t in c.subtree}
        if not (lemma(token) in transparent and len(cand.tokens) == 1 and inner & heads):
            out.append(cand)
    return out


def depth(token: Token) -> int:
    """Dependency hops from *token* up to its sentence root."""
    n = 0
    while token.head.i != token.i:
        token = token.head
        n += 1
    return n


def cue_modes(clause_lemmas: set[str], clause_text: str, event: str, lexicon: Lexicon) -> list[str]:
    """Modes the clause's words tell for an event of type *event*."""
    return [
        c.mode for c in lexicon.cues if c.event == event and c.mode and _cued(c, clause_lemmas, clause_text)
    ]


def cue_contexts(clause_lemmas: set[str], clause_text: str, lexicon: Lexicon) -> list[str]:
    """Contexts the clause's words tell."""
    return [c.context for c in lexicon.cues if c.context and _cued(c, clause_lemmas, clause_text)]


def _cued(cue: Cue, lemmas: set[str], text: str) -> bool:
    return any((w in lemmas) if " " not in w else (f" {w} " in text) for w in cue.words)
