"""The entity data files: codes that PLOVER and ISO 3166 define, and lookups."""

from __future__ import annotations

from eventwire.annotate.entities.lexicon import lexicon

PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip
KINDS = {"PERSON", "GROUP", "UNIT", "BODY", "ORG", "GPE", "LOC"}


def test_every_sector_is_a_plover_code() -> None:
    lex = lexicon()
    sectors = {r.sector for roles in lex.roles.values() for r in roles}
    sectors |= set(lex.modifiers.values())
    sectors |= {e.sector for e in (*lex.names.values(), *lex.acronyms.values())}
    assert sectors - {None} <= PLOVER_SECTORS


def test_every_kind_and_country_code_is_known() -> None:
    lex = lexicon()
    entries = [*lex.names.values(), *lex.acronyms.values()]
    assert {r.kind for roles in lex.roles.values() for r in roles} | {e.kind for e in entries} <= KINDS
    codes = {e.country for e in entries if e.country} | set(lex.demonyms.values())
    assert all(len(code) == 3 and code.isupper() for code in codes)


def test_countries_from_names_capitals_and_demonyms() -> None:
    lex = lexicon()
    assert lex.country("Ukrainians") == "UKR"
    assert lex.country("the Russian Federation".removeprefix("the ")) == "RUS"
    assert lex.country("Kyiv") == "UKR"
    assert lex.country("U.S.") == "USA"


def test_case_matters_for_acronyms_and_common_words() -> None:
    lex = lexicon()
    assert lex.country("us") is None
    assert lex.country("turkey") is None
    assert lex.country("Turkey") == "TUR"
