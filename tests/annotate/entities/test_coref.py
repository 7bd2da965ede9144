"""Mention chains and chain names, on an article written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.annotate.entities import chain_name
from eventwire.model import Entity

from .conftest import mention

Extract = Callable[[str], list[Entity]]

ARTICLE = (
    "Draftees from the Orenburg region recorded an appeal. In the video, one man from the Orenburg "
    "region addresses Putin directly. He says the unit was abandoned by its officers. They were "
    "sent to the self-proclaimed Donetsk People's Republic (DPR), where the DPR militia took "
    "command. Russian President Vladimir Putin has not answered. President Putin spoke about the "
    "economy instead. About forty wives and mothers gathered in the city. The women said their "
    "husbands had no winter clothing. Ivan Petrenko, a professor at Kyiv University, said the "
    "recruits were poorly trained. The Kharkiv Regional Military Administration (KRMA) reported "
    "shelling. The KRMA said two civilians were hurt. Maria Ivanova, a local nurse, said she "
    "treated them."
)


@pytest.fixture(scope="module")
def article(entities: Extract) -> list[Entity]:
    return entities(ARTICLE)


def chain_of(found: list[Entity], text: str) -> set[str]:
    return {e.text for e in found if e.chain == mention(found, text).chain}


def test_pronoun_resolves_to_the_subject_of_the_previous_sentence(article: list[Entity]) -> None:
    he = mention(article, "He")
    assert chain_name(article, he.chain) == "one man from the Orenburg region"


def test_plural_pronoun_resolves_to_a_group(article: list[Entity]) -> None:
    they = mention(article, "They")
    assert chain_name(article, they.chain) == "Draftees from the Orenburg region"
    assert they.sector == "MIL"  # filled in from the chain


def test_surname_and_title_forms_join_the_full_name(article: list[Entity]) -> None:
    chain = chain_of(article, "Putin")
    assert {"Russian President Vladimir Putin", "President Putin"} <= chain
    assert chain_name(article, mention(article, "Putin").chain) == "Vladimir Putin"


def test_country_spreads_along_the_chain(article: list[Entity]) -> None:
    assert mention(article, "President Putin").country == "RUS"


def test_acronym_joins_its_long_form(article: list[Entity]) -> None:
    assert {"Donetsk People's Republic", "DPR"} <= chain_of(article, "DPR")
    assert {"Kharkiv Regional Military Administration", "KRMA"} <= chain_of(article, "KRMA")


def test_definite_description_refers_back(article: list[Entity]) -> None:
    assert "forty wives and mothers" in chain_of(article, "women")


def test_apposition_joins_a_name_and_its_description(article: list[Entity]) -> None:
    assert "professor" in chain_of(article, "Ivan Petrenko")
    assert mention(article, "Ivan Petrenko").sector == "EDU"


def test_feminine_pronoun_finds_the_woman(article: list[Entity]) -> None:
    assert chain_name(article, mention(article, "she").chain) == "Maria Ivanova"


def test_object_pronoun_agrees_in_number(article: list[Entity]) -> None:
    assert chain_name(article, mention(article, "them").chain) == "two civilians"


def test_distinct_people_stay_apart(article: list[Entity]) -> None:
    assert mention(article, "Ivan Petrenko").chain != mention(article, "Maria Ivanova").chain
    assert mention(article, "He").chain != mention(article, "Putin").chain


def test_list_parsed_as_apposition_is_not_linked(entities: Extract) -> None:
    found = entities(
        "The women wrote to Putin, the chairman of the investigative committee Alexander "
        "Bastrykin and the military prosecutor."
    )
    assert mention(found, "Putin").chain != mention(found, "chairman of the investigative committee").chain


def test_chain_name_prefers_the_longest_proper_name() -> None:
    found = [
        Entity(0, 5, "Putin", "Putin", "PERSON", chain=0),
        Entity(10, 24, "Vladimir Putin", "Vladimir Putin", "PERSON", chain=0),
        Entity(30, 32, "he", "he", "PRON", chain=0),
        Entity(40, 70, "one man from the Tver region", "one man from the Tver region", "PERSON", chain=1),
        Entity(80, 82, "He", "he", "PRON", chain=1),
    ]
    assert chain_name(found, 0) == "Vladimir Putin"
    assert chain_name(found, 1) == "one man from the Tver region"
    assert chain_name(found, 7) == ""


def test_a_person_name_without_words_matches_no_other_name() -> None:
    from eventwire.annotate.entities.coref import _same_name
    from eventwire.annotate.entities.mentions import Mention

    blank = Mention(0, 1, 0, "PERSON", "\xa0", proper=True)
    named = Mention(3, 5, 4, "PERSON", "Maria Ivanova", proper=True)
    assert not _same_name(blank, named) and not _same_name(named, blank)
