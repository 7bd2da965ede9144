"""Within-document mention chains: names, acronyms, appositions, definite descriptions and
pronouns linked to their most recent compatible antecedent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eventwire.annotate.entities.mentions import PERSONAL, Mention
from eventwire.annotate.entities.phrases import apposed

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.model import Entity

ORGANISED = {"ORG", "BODY", "UNIT"}
FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "de", "'s"}


def link(mentions: list[Mention], doc: Doc, rules: dict[str, Any]) -> None:
    """Give every mention a chain id; mentions of one entity share it, numbered in text order.
    Countries and sectors known for one mention of a chain are filled in for the others."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_head = {m.head: i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        j = _antecedent(i, mentions, rules)
        partner = apposed(doc[m.head]) if doc[m.head].dep_ == "appos" else None
        if j is None and partner is not None:
            j = by_head.get(partner.i)
            chain = [a for k, a in enumerate(mentions) if j is not None and find(k) == find(j)]
            j = j if chain and all(_apposed(a, m) for a in chain) else None
        if j is not None:
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    for i, m in enumerate(mentions):
        m.chain = roots.setdefault(find(i), len(roots))
    _propagate(mentions, by_head)


def _antecedent(i: int, mentions: list[Mention], rules: dict[str, Any]) -> int | None:
    m = mentions[i]
    earlier = [j for j in range(i) if mentions[j].end <= m.start]
    if m.kind == "PRON":
        return _pronoun_antecedent(m, earlier, mentions, rules)
    if m.proper:
        return _last(earlier, mentions, lambda a: a.proper and _same_name(a, m))
    if m.definite:
        window = rules["definite_window"]
        near = [j for j in earlier if m.sentence - mentions[j].sentence <= window]
        generic = rules["generic_heads"]
        return (
            _last(earlier, mentions, lambda a: a.proper and a.role == m.role and _describes(m, a, generic))
            or _last(near, mentions, lambda a: _describes(m, a, generic, strict=True))
            or _last(near, mentions, lambda a: _describes(m, a, generic))
        )
    if m.number == "plur":
        return _last(earlier, mentions, lambda a: not a.proper and a.name.lower() == m.name.lower())
    return None


def _last(indices: list[int], mentions: list[Mention], test: Callable[[Mention], bool]) -> int | None:
    return next((j for j in reversed(indices) if test(mentions[j])), None)


def _pronoun_antecedent(
    m: Mention, earlier: list[int], mentions: list[Mention], rules: dict[str, Any]
) -> int | None:
    """Nearest sentence first; in it, a subject before other mentions, then the most recent."""
    subjects = rules["subject_dependencies"]
    best, best_key = None, None
    for j in earlier:
        a = mentions[j]
        distance = m.sentence - a.sentence
        if distance > rules["pronoun_window"] or not _agrees(m, a):
            continue
        key = (distance, a.dep not in subjects, -a.start)
        if best_key is None or key < best_key:
            best, best_key = j, key
    return best


def _agrees(pronoun: Mention, a: Mention) -> bool:
    if a.number != pronoun.number or (a.gender and pronoun.gender and a.gender != pronoun.gender):
        return False
    if a.kind == "PRON":
        return a.name == pronoun.name or a.gender == pronoun.gender
    if pronoun.number == "sing":
        return a.kind == "PERSON"
    return a.kind in ("GROUP", "NORP") or a.kind in ORGANISED


def _same_name(a: Mention, b: Mention) -> bool:
    """Same name, a person's surname, or an acronym of the other's name ("DPR")."""
    if (a.kind == "PERSON") != (b.kind == "PERSON"):
        return False
    if a.name.lower() == b.name.lower():
        return True
    if a.kind == "PERSON":
        wa, wb = a.name.split(), b.name.split()
        if not wa or not wb:
            return False
        return wa[-1] == wb[-1] and (len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0])
    return _acronym(a.name) == b.name or _acronym(b.name) == a.name


def _acronym(name: str) -> str:
    words = name.replace("-", " ").split()
    initials = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS and w[0].isupper())
    return initials if len(initials) > 1 else ""


def _describes(m: Mention, a: Mention, generic: list[str], strict: bool = False) -> bool:
    """Whether a definite description *m* ("the soldiers") can refer back to *a*: same head
    word, or a generic head ("the women") of the same number and gender (*strict*: the
    antecedent must tell its gender)."""
    if a.kind == "PRON" or a.number != m.number or a.start <= m.start < a.end:
        return False
    if _conflict(m.country, a.country) or _conflict(m.gender, a.gender):
        return False
    if m.role in generic:
        return a.kind in PERSONAL and (not strict or a.gender == m.gender)
    return m.role is not None and m.role == a.role


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _apposed(a: Mention, b: Mention) -> bool:
    """Apposition ("Ivan Petrenko, a professor") links mentions of one class and number whose
    roles and sectors agree (a list "Putin, the chairman of ..." is parsed as apposition too)."""
    same_class = (a.kind in PERSONAL and b.kind in PERSONAL) or (a.kind in ORGANISED and b.kind in ORGANISED)
    agree = not (_conflict(a.role, b.role) or _conflict(a.sector, b.sector))
    return same_class and a.number == b.number and agree


def _propagate(mentions: list[Mention], by_head: dict[int, int]) -> None:
    """Fill country and sector from the chain, then countries from possessors ("Putin's troops")."""
    for _ in range(2):
        known: dict[int, tuple[str | None, str | None]] = {}
        for m in mentions:
            country, sector = known.get(m.chain, (None, None))
            if m.kind != "PRON":
                known[m.chain] = (country or m.country, sector or m.sector)
        for m in mentions:
            country, sector = known.get(m.chain, (None, None))
            m.country, m.sector = m.country or country, m.sector or sector
            owner = by_head.get(m.possessor) if m.possessor is not None else None
            if m.country is None and owner is not None:
                m.country = mentions[owner].country


def chain_name(entities: list[Entity], chain_id: int) -> str:
    """The most descriptive mention of a chain: its longest proper name, else its longest
    description ("one man from the Orenburg region"), else the pronoun itself."""
    members = [e for e in entities if e.chain == chain_id]
    named = [e.name for e in members if e.kind != "PRON" and _is_proper(e.name)]
    described = [e.name for e in members if e.kind != "PRON"]
    pool = named or described or [e.text for e in members]
    return max(pool, key=len, default="")


def _is_proper(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in FUNCTION_WORDS and any(c.isalpha() for c in w)]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)
