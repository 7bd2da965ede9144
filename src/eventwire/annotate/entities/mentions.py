"""Finding mentions in a parsed Doc: names, actor noun phrases, counted groups and pronouns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.annotate.entities.classify import country_in, modifier_sector, role_at
from eventwire.annotate.entities.lexicon import Lexicon, Named, Role, normalise
from eventwire.annotate.entities.names import NameSpan, name_spans
from eventwire.annotate.entities.phrases import (
    Syntax,
    apposed,
    attached_objects,
    extent,
    is_premodifier,
    left_start,
    object_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOMINAL_POS = {"NOUN", "PROPN"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "ROOT", "dative"}
PERSONAL = {"PERSON", "GROUP"}


@dataclass
class Mention:
    """One mention, in token offsets (``end`` exclusive), before it becomes an ``Entity``."""

    start: int
    end: int
    head: int
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    number: str = "sing"
    gender: str | None = None
    proper: bool = False
    definite: bool = False
    role: str | None = None  # the head noun or title term ("soldier", "president")
    possessor: int | None = None  # token of a possessor ("Putin's") that may tell the country
    dep: str = ""  # dependency label of the head token
    sentence: int = 0  # index of the sentence of the head token
    chain: int = -1


@dataclass(frozen=True)
class Candidate:
    """A token that heads a mention: how it was found and, for a role word, which role."""

    how: str  # pronoun, name, role, count
    role: Role | None = None
    counted: int | None = None  # for a count, the token of what it counts


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Every mention in *doc*, in text order (outer phrases before those nested in them)."""
    return _Finder(doc, lex).mentions()


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        rules = lex.mention_rules
        self.doc, self.lex = doc, lex
        self.syntax = Syntax(
            name_spans(doc, lex),
            frozenset(rules["left_dependencies"]),
            frozenset(rules["attached_prepositions"]),
        )
        self.sentence = [0] * len(doc)
        cued: set[int] = set()
        for n, sent in enumerate(doc.sents):
            for tok in sent:
                self.sentence[tok.i] = n
                if tok.lower_ in lex.military_cues or tok.lemma_.lower() in lex.military_cues:
                    cued.add(n)
        self.military = {n + d for n in cued for d in (-1, 0, 1)}
        self.candidates: dict[int, Candidate] = {}
        for tok in doc:
            found = self._candidate(tok)
            if found:
                self.candidates[tok.i] = found

    def mentions(self) -> list[Mention]:
        consumed: set[int] = set()
        found = []
        for i, cand in self.candidates.items():
            tok = self.doc[i]
            if i in consumed or self._modifies(tok, cand):
                continue
            if cand.how == "pronoun":
                found.append(self._pronoun(tok))
            elif cand.counted is not None:
                consumed.add(cand.counted)
                found.append(self._count(tok, self.doc[cand.counted]))
            else:
                merged = self._merged(tok) if cand.how == "role" else []
                consumed.update(merged)
                found.append(self._describe(tok, merged))
        for m in found:
            m.dep, m.sentence = self.doc[m.head].dep_, self.sentence[m.head]
        return sorted(found, key=lambda m: (m.start, -m.end))

    # -- which tokens head a mention

    def _modifies(self, tok: Token, cand: Candidate) -> bool:
        """Modifiers are part of their head's mention ("Russian President Vladimir Putin"); a
        role word or demonym that modifies something else is no mention ("troop morale")."""
        if not is_premodifier(tok, self.syntax):
            return False
        if cand.how == "role" or self.syntax.names[tok.i].label == "NORP":
            return True
        head = tok.head
        while head.i not in self.candidates and is_premodifier(head, self.syntax):
            head = head.head
        return head.i in self.candidates

    def _candidate(self, tok: Token) -> Candidate | None:
        if tok.tag_ == "PRP" and tok.lower_ in self.lex.pronouns:
            return Candidate("pronoun")
        counted = self._counted(tok)
        if counted is not None:
            return Candidate("count", counted=counted.i)
        if tok.i in self.syntax.names:
            # a demonym used as an adjective is no mention ("Ukrainian and Russian ministries")
            adjective = self.syntax.names[tok.i].label == "NORP" and tok.pos_ == "ADJ"
            return None if adjective else Candidate("name")
        nominal = tok.pos_ in NOMINAL_POS or (tok.pos_ in ("ADJ", "VERB") and tok.dep_ in NOMINAL_DEPS)
        heads = self.lex.head_words
        known = tok.lower_ in heads or tok.lemma_.lower() in heads
        role = self._role(tok) if nominal and known else None
        return Candidate("role", role[0]) if role else None

    def _role(self, tok: Token) -> tuple[Role, int] | None:
        military = self.sentence[tok.i] in self.military
        return role_at(self.doc, tok.i, left_start(tok, self.syntax), self.lex, military)

    def _counted(self, tok: Token) -> Token | None:
        """What a count counts, when it is a personal actor ("a group of men", "one of them")."""
        if tok.lower_ not in self.lex.mention_rules["quantifiers"] and not tok.like_num:
            return None
        prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = object_of(prep) if prep is not None else None
        role = self._role(obj) if obj is not None else None
        return obj if role is not None and role[0].kind in PERSONAL else None

    def _merged(self, tok: Token) -> list[int]:
        """Conjoined role words of the same class and sector ("wives and mothers")."""
        role = self.candidates[tok.i].role
        merged = []
        for conj in tok.conjuncts:
            other = self.candidates.get(conj.i)
            if conj.i > tok.i and other and other.how == "role" and role and other.role:
                same_class = (role.kind in PERSONAL) == (other.role.kind in PERSONAL)
                if same_class and role.sector and role.sector == other.role.sector:
                    merged.append(conj.i)
        return merged

    # -- building mentions

    def _pronoun(self, tok: Token) -> Mention:
        agreement = self.lex.pronouns[tok.lower_]
        return Mention(
            tok.i, tok.i + 1, tok.i, "PRON", tok.lower_,
            number=agreement["number"], gender=agreement.get("gender"),
        )  # fmt: skip

    def _count(self, tok: Token, obj: Token) -> Mention:
        inner = self._describe(obj, [])
        singular = tok.lower_ in self.lex.mention_rules["singular_quantifiers"]
        inner.start = left_start(tok, self.syntax)
        inner.head = tok.i
        inner.number = "sing" if singular else "plur"
        inner.kind = "PERSON" if singular else "GROUP"
        inner.definite = inner.proper = False
        inner.name = self._text(inner.start, inner.end)
        return inner

    def _describe(self, tok: Token, merged: list[int]) -> Mention:
        span = self.syntax.names.get(tok.i)
        person_name = span is not None and span.label == "PERSON" and span.entry is None
        start, end = extent(tok, self.syntax, not person_name, merged)
        role = self._role(tok)
        title = self._title(span, start) if span else None
        word = role or title or (self._apposed_role(tok) if span else None)
        plural = bool(merged) or "Plur" in tok.morph.get("Number") or (role and role[0].kind == "GROUP")
        kind = self._kind(span, role, title, plural)
        m = Mention(start, end, tok.i, kind, "", number="plur" if plural else "sing")
        m.sector = self._sector(tok, span, word, start, end)
        m.country = self._country(tok, span, start, end)
        m.possessor = next((c.i for c in tok.children if c.dep_ == "poss"), None)
        m.gender = self._gender(start, tok.i, word[0] if word else None)
        m.proper = span is not None
        m.definite = any(c.dep_ == "det" and c.lower_ in self._definite for c in tok.lefts)
        m.role = word[0].term if word else None
        m.name = self._name(span, kind, start, end)
        known = self._known_before(start, tok.i, kind) if span is None else None
        if known:  # "the Wagner private military company" is the Wagner Group
            m.name, m.proper, m.country = known.name, True, known.country or m.country
        return m

    def _known_before(self, start: int, head: int, kind: str) -> Named | None:
        """A known name of the same kind among the head's modifiers."""
        for span in self.syntax.names.values():
            if start <= span.start and span.end <= head and span.entry and span.entry.kind == kind:
                return span.entry
        return None

    @property
    def _definite(self) -> list[str]:
        return self.lex.mention_rules["definite_determiners"]

    def _title(self, span: NameSpan, start: int) -> tuple[Role, int] | None:
        """The role word nearest before a name ("President" in "Russian President Vladimir Putin")."""
        military = self.sentence[span.root] in self.military
        for j in range(span.start - 1, start - 1, -1):
            found = role_at(self.doc, j, start, self.lex, military)
            if found:
                return found
        return None

    def _apposed_role(self, tok: Token) -> tuple[Role, int] | None:
        """The role word a name is in apposition to ("Ivan Petrenko, a professor")."""
        other = apposed(tok)
        cand = self.candidates.get(other.i) if other is not None else None
        return (cand.role, tok.i) if cand and cand.role else None

    def _kind(
        self,
        span: NameSpan | None,
        role: tuple[Role, int] | None,
        title: tuple[Role, int] | None,
        plural: bool,
    ) -> str:
        if span and span.entry:
            return span.entry.kind
        if role:
            kind = role[0].kind
        elif span and title and title[0].kind not in PERSONAL:
            kind = title[0].kind
        elif span and title:
            kind = "PERSON"
        else:
            kind = span.label if span else "GROUP"
        return "GROUP" if kind == "PERSON" and plural and not span else kind

    def _sector(
        self, tok: Token, span: NameSpan | None, word: tuple[Role, int] | None, start: int, end: int
    ) -> str | None:
        """Known name, else a strong role word, else a modifier, the of-object or a weak default."""
        if span and span.entry and span.entry.sector:
            return span.entry.sector
        if word and word[0].strong:
            return word[0].sector
        before = word[1] if word else (span.start if span else tok.i)
        found = modifier_sector(self.doc, start, before, self.lex)
        for obj in attached_objects(tok, end, self.syntax):
            found = found or self._object_sector(obj)
        return found or (word[0].sector if word else None)

    def _object_sector(self, obj: Token) -> str | None:
        """The sector of an of/from object ("head of the Kremlin"); places give none."""
        span = self.syntax.names.get(obj.i)
        if span and span.entry:
            return span.entry.sector if span.entry.kind != "GPE" else None
        role = self._role(obj)
        start = left_start(obj, self.syntax)
        if role and role[0].strong:
            return role[0].sector
        return modifier_sector(self.doc, start, role[1] if role else obj.i, self.lex) or (
            role[0].sector if role else None
        )

    def _country(self, tok: Token, span: NameSpan | None, start: int, end: int) -> str | None:
        """The name's own country, else one told before the head, by a possessor, or after it."""
        lex, doc = self.lex, self.doc
        if span and (span.entry or span.label in ("GPE", "NORP")):
            own = span.entry.country if span.entry else lex.country(doc[span.start : span.end].text)
            if own or span.entry:
                return own
        if span and span.label == "PERSON":
            return country_in(doc, start, span.start, lex)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        return (
            country_in(doc, start, tok.i, lex)
            or (self._possessor_country(poss) if poss is not None else None)
            or country_in(doc, tok.i + 1, end, lex)
        )

    def _possessor_country(self, poss: Token) -> str | None:
        span = self.syntax.names.get(poss.i)
        lo = span.start if span else poss.i
        return country_in(self.doc, lo, poss.i + 1, self.lex)

    def _gender(self, start: int, head: int, word: Role | None) -> str | None:
        honorifics = self.lex.mention_rules["honorifics"]
        for tok in self.doc[start : head + 1]:
            if honorifics.get(tok.lower_):
                return honorifics[tok.lower_]
        return word.gender if word else None

    def _name(self, span: NameSpan | None, kind: str, start: int, end: int) -> str:
        if span and span.entry:
            return span.entry.name
        if span and kind == "PERSON":
            first = span.start
            while first < span.end - 1 and self.doc[first].lower_ in self.lex.mention_rules["honorifics"]:
                first += 1
            return self._text(first, span.end)
        if span:
            return self._text(span.start, span.end)
        return self._text(start, end)

    def _text(self, start: int, end: int) -> str:
        return normalise(self.doc[start:end].text).removesuffix("'s")
