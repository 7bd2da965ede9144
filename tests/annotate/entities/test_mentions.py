"""Mentions with their kind, country and sector, on articles written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Entity

from .conftest import mention

Extract = Callable[[str], list[Entity]]

ARTICLE = (
    "Newly mobilized Russian soldiers are refusing to advance, the General Staff of the Armed "
    "Forces of Ukraine said on Monday. A clip posted online shows a group of men, purportedly from "
    "Russia's 5th Motorized Brigade, asking Russian President Vladimir Putin for help. Russian "
    "state TV anchor Vladimir Solovyov dismissed the clip. The Ukrainian military said the brigade "
    "had lost most of its tanks. The wives and mothers of the conscripts wrote to the regional "
    "governor. Fighters of the Wagner private military company were seen nearby. Pro-Russian "
    "separatists shelled the town, and troop morale is low."
)


@pytest.fixture(scope="module")
def article(entities: Extract) -> list[Entity]:
    return entities(ARTICLE)


@pytest.mark.parametrize(
    ("text", "kind", "country", "sector"),
    [
        ("5th Motorized Brigade", "UNIT", "RUS", "MIL"),
        ("General Staff of the Armed Forces of Ukraine", "BODY", "UKR", "MIL"),
        ("Russian President Vladimir Putin", "PERSON", "RUS", "GOV"),
        ("Russian state TV anchor Vladimir Solovyov", "PERSON", "RUS", "JRN"),
        ("Ukrainian military", "BODY", "UKR", "MIL"),
        ("mobilized Russian soldiers", "GROUP", "RUS", "MIL"),
        ("wives and mothers of the conscripts", "GROUP", None, "CVL"),
        ("Wagner private military company", "UNIT", "RUS", "PRM"),
        ("regional governor", "PERSON", None, "GOV"),
    ],
)
def test_actor_kind_country_and_sector(
    article: list[Entity], text: str, kind: str, country: str | None, sector: str
) -> None:
    entity = mention(article, text)
    assert (entity.kind, entity.country, entity.sector) == (kind, country, sector)


def test_person_name_leaves_out_the_title(article: list[Entity]) -> None:
    assert mention(article, "Russian President Vladimir Putin").name == "Vladimir Putin"


def test_known_name_among_modifiers_gives_the_canonical_name(article: list[Entity]) -> None:
    assert mention(article, "Wagner private military company").name == "Wagner Group"


def test_counted_group_is_one_mention(article: list[Entity]) -> None:
    group = mention(article, "group of men")
    assert group.kind == "GROUP"
    assert not [e for e in article if e.text == "men"]


def test_possessor_is_its_own_mention(article: list[Entity]) -> None:
    assert mention(article, "Russia").kind == "GPE"


def test_demonym_after_pro_gives_no_country(article: list[Entity]) -> None:
    separatists = mention(article, "Pro-Russian separatists")
    assert (separatists.country, separatists.sector) == (None, "REB")


def test_role_word_modifying_a_thing_is_no_mention(article: list[Entity]) -> None:
    assert not [e for e in article if "troop" in e.text]


def test_offsets_point_at_the_text(article: list[Entity]) -> None:
    assert all(ARTICLE[e.start : e.end] == e.text for e in article)
    assert [e.start for e in article] == sorted(e.start for e in article)


def test_company_is_a_unit_only_in_military_context(entities: Extract) -> None:
    military = entities("The soldiers said their company had lost its commander near the front.")
    business = entities("The company said its profits fell, and its shareholders were unhappy.")
    assert mention(military, "company").kind == "UNIT"
    assert (mention(business, "company").kind, mention(business, "company").sector) == ("ORG", "BUS")


def test_partially_recognised_entity_takes_the_claimed_state(entities: Extract) -> None:
    found = entities("Shelling was reported in the self-proclaimed Luhansk People's Republic.")
    republic = mention(found, "Luhansk People's Republic")
    assert (republic.kind, republic.country, republic.sector) == ("GPE", "UKR", "PRE")


def test_curly_apostrophes_match_known_names(entities: Extract) -> None:
    found = entities("Officials of the Donetsk People’s Republic denied the report.")
    assert mention(found, "Donetsk People’s Republic").country == "UKR"


def test_capital_and_possessor_give_the_country(entities: Extract) -> None:
    forces = mention(entities("Kyiv's forces pushed east on Friday."), "forces")
    assert (forces.kind, forces.country, forces.sector) == ("GROUP", "UKR", "MIL")


def test_weak_head_takes_the_sector_of_its_of_phrase(entities: Extract) -> None:
    found = entities("The chairman of the investigative committee opened a case.")
    assert mention(found, "chairman of the investigative committee").sector == "COP"


def test_modifier_decides_a_weak_head(entities: Extract) -> None:
    found = entities("Russian military officials declined to comment.")
    officials = mention(found, "Russian military officials")
    assert (officials.kind, officials.country, officials.sector) == ("GROUP", "RUS", "MIL")


def test_pronouns_are_mentions(entities: Extract) -> None:
    found = entities("The soldier said he had not slept.")
    assert mention(found, "he").kind == "PRON"


def test_demonym_adjective_alone_is_no_mention(entities: Extract) -> None:
    found = entities("The Ukrainian and Russian defence ministries did not reply.")
    assert not [e for e in found if e.kind == "NORP"]
