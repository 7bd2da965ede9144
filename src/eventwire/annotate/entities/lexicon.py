"""The entity lexicons of ``data/entities``: roles, modifiers, names, countries and rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.datafiles import load, read_text


@dataclass(frozen=True)
class Role:
    """What a head noun or title says about its mention (a row of ``roles.tsv``)."""

    term: str
    kind: str
    sector: str | None
    strong: bool
    gender: str | None
    military_only: bool


@dataclass(frozen=True)
class Named:
    """A known name: a country, capital, organisation or partially recognised entity."""

    name: str
    kind: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Lexicon:
    """Every table the entity stage reads, keyed for lookup by normalised text."""

    roles: dict[str, tuple[Role, ...]]
    modifiers: dict[str, str]
    names: dict[str, Named]  # lower-cased alias -> entry
    acronyms: dict[str, Named]  # alias in capitals, matched case-sensitively
    demonyms: dict[str, str]  # lower-cased demonym -> country code
    rules: dict[str, Any]
    military_cues: frozenset[str]  # words that make "company", "unit"... military
    head_words: frozenset[str]  # last words of role terms: only these can head a role mention
    first_words: frozenset[str]  # first words of names: only these can start a known name
    max_term_words: int
    max_name_chars: int

    @property
    def labels(self) -> dict[str, str]:
        return self.rules["labels"]

    @property
    def pronouns(self) -> dict[str, dict[str, str]]:
        return self.rules["pronouns"]

    @property
    def mention_rules(self) -> dict[str, Any]:
        return self.rules["mentions"]

    @property
    def coref_rules(self) -> dict[str, Any]:
        return self.rules["coref"]

    def role(self, *keys: str) -> tuple[Role, ...]:
        """The roles of the first of *keys* that is a known term."""
        for key in keys:
            if key in self.roles:
                return self.roles[key]
        return ()

    def name(self, text: str) -> Named | None:
        """The entry whose alias is *text*: acronyms in capitals only, and a name spelt with a
        capital only when *text* has one ("Turkey", not "turkey")."""
        text = normalise(text)
        entry = self.acronyms.get(text) or self.names.get(text.lower())
        if entry and (text[:1].isupper() or not entry.name[:1].isupper()):
            return entry
        return None

    def country(self, text: str) -> str | None:
        """The country code told by a name (country, capital, organisation) or a demonym."""
        entry = self.name(text)
        if entry:
            return entry.country
        if not text[:1].isupper():
            return None
        lower = normalise(text).lower()
        return self.demonyms.get(lower) or self.demonyms.get(lower.removesuffix("s"))


def normalise(text: str) -> str:
    """Collapse runs of white space and straighten apostrophes, so that names match as written."""
    return " ".join(text.replace("’", "'").split())


def _rows(filename: str) -> list[list[str]]:
    text = read_text("entities", filename)
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _variants(*fields: str) -> list[str]:
    return [v.strip() for f in fields for v in f.split("|") if v.strip()]


def _is_acronym(alias: str) -> bool:
    return alias.upper() == alias and any(c.isalpha() for c in alias)


def _roles() -> dict[str, tuple[Role, ...]]:
    roles: dict[str, list[Role]] = {}
    for term, kind, sector, strength, gender, context in _rows("roles.tsv"):
        role = Role(term, kind, sector or None, strength == "strong", gender or None, context == "military")
        roles.setdefault(term, []).append(role)
    # context-dependent readings first: they win when their context holds
    return {t: tuple(sorted(rs, key=lambda r: not r.military_only)) for t, rs in roles.items()}


def _names() -> tuple[dict[str, Named], dict[str, Named], dict[str, str]]:
    names: dict[str, Named] = {}
    acronyms: dict[str, Named] = {}
    demonyms: dict[str, str] = {}

    def add(alias: str, entry: Named) -> None:
        if _is_acronym(alias):
            acronyms[alias] = entry
        else:
            names.setdefault(alias.lower(), entry)

    for code, name, aliases, nationals, capitals in _rows("countries.tsv"):
        country = Named(name, "GPE", code, None)
        for alias in _variants(name, aliases):
            add(alias, country)
        for capital in _variants(capitals):
            add(capital, Named(capital, "GPE", code, None))
        for demonym in _variants(nationals):
            demonyms[demonym.lower()] = code
    for name, aliases, kind, code, sector in _rows("organisations.tsv"):
        entry = Named(name, kind, code or None, sector or None)
        for alias in _variants(name, aliases):
            add(alias, entry)
    return names, acronyms, demonyms


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    roles = _roles()
    names, acronyms, demonyms = _names()
    modifiers = {term: sector for term, sector in _rows("modifiers.tsv")}
    rules = load("entities", "rules.toml")
    cues = {t for t, rs in roles.items() for r in rs if r.sector == "MIL" and not r.military_only}
    cues |= {t for t, sector in modifiers.items() if sector == "MIL"}
    heads = frozenset(t.split()[-1] for t in roles)
    firsts = frozenset(re.split(r"[\s\-']", a.lower())[0] for a in (*names, *acronyms))
    longest_term = max(len(t.split()) for t in (*roles, *modifiers))
    longest_name = max(len(a) for a in (*names, *acronyms))
    return Lexicon(
        roles,
        modifiers,
        names,
        acronyms,
        demonyms,
        rules,
        frozenset(cues),
        heads,
        firsts,
        longest_term,
        longest_name,
    )
