"""The ACLED-shaped view: the 25 codes, the PLOVER -> ACLED rules, and our training examples."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventwire.events.acled import ACLED_CODES, acled_code, rules

EXAMPLES = Path(__file__).resolve().parents[2] / "training" / "events" / "acled_examples.jsonl"
DOC = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"
ACLED_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}
COMMON = ["ARMED_CLASH", "ATTACK", "AIR_STRIKE", "ART_MISS_ATTACK", "PEACE_PROTEST", "PROTEST_WITH_INTER", "ARREST", "MOB_VIOL", "PROPERTY_DISTRUCT", "REM_EXPLOS"]  # fmt: skip


def test_the_25_codes_with_acleds_public_category_names() -> None:
    assert len(ACLED_CODES) == 25
    assert {c.event_type for c in ACLED_CODES.values()} == ACLED_TYPES
    assert all(code == c.code for code, c in ACLED_CODES.items())
    strike = ACLED_CODES["AIR_STRIKE"]
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ACLED_CODES["OTHER"].sub_event_type == "Other"


def test_every_code_has_a_rule() -> None:
    assert {r.code for r in rules()} - {None} == set(ACLED_CODES)


CASES = [
    ("ASSAULT", ["aerial"], "Jets bombed positions outside the town on Tuesday.", "AIR_STRIKE"),
    ("ASSAULT", [], "A drone strike hit a car on the highway, killing two men.", "AIR_STRIKE"),
    ("ASSAULT", ["heavy-weapons"], "Artillery pounded the northern districts overnight.", "ART_MISS_ATTACK"),
    ("ASSAULT", [], "Mortar rounds landed near the hospital, wounding four patients.", "ART_MISS_ATTACK"),
    ("ASSAULT", [], "A roadside bomb struck a police truck outside Gao.", "REM_EXPLOS"),
    ("ASSAULT", [], "A man hurled a grenade into a crowded bar in Bujumbura.", "GRENADE"),
    ("ASSAULT", ["suicide-attack"], "An attacker struck the checkpoint at dawn.", "SUIC_BOMB"),
    ("ASSAULT", [], "Shells containing chlorine hit the village, residents said.", "CHEM_WEAP"),
    ("ASSAULT", ["sexual"], "Soldiers assaulted two women at a checkpoint.", "SEX_VIOL"),
    ("ASSAULT", ["abduct"], "Gunmen seized twelve travellers on the road to Kaduna.", "ABDUCT_DISSAP"),
    ("ASSAULT", ["firearms"], "Troops clashed with rebels near the border for several hours.", "ARMED_CLASH"),
    ("ASSAULT", ["firearms"], "Gunmen opened fire on villagers at a weekly market, killing nine.", "ATTACK"),
    ("ASSAULT", ["beat"], "A mob lynched a suspected thief in the market.", "MOB_VIOL"),
    ("ASSAULT", [], "Government troops recaptured the town from the insurgents.", "GOV_REGAINS_TERIT"),
    ("ASSAULT", [], "Rebels captured the district headquarters after a day of fighting.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("ASSAULT", [], "Air defences intercepted three missiles over the capital.", "DISR_WEAP"),
    ("ASSAULT", ["destroy"], "Unknown men set fire to an enlistment office; nobody was hurt.", "PROPERTY_DISTRUCT"),
    ("PROTEST", ["demo"], "Teachers marched to the ministry to demand unpaid wages.", "PEACE_PROTEST"),
    ("PROTEST", ["demo"], "On 4 March 2023 about 300 nurses rallied outside parliament.", "PEACE_PROTEST"),
    ("PROTEST", ["demo"], "Police fired tear gas to disperse students rallying outside parliament.", "PROTEST_WITH_INTER"),
    ("PROTEST", ["demo"], "Soldiers opened fire on peaceful demonstrators, killing three.", "FORCE_AGAINST_PROTEST"),
    ("PROTEST", ["riot"], "Protesters torched a police post and blocked the road.", "VIOL_DEMONSTR"),
    ("COERCE", ["arrest"], "Police arrested the opposition leader at his home.", "ARREST"),
    ("COERCE", ["arrest"], "Police detained forty protesters gathered outside the court.", "PROTEST_WITH_INTER"),
    ("COERCE", ["curfew"], "The governor imposed a curfew on the city.", "OTHER"),
    ("AGREE", [], "The government and the rebels agreed to a ceasefire.", "AGREEMENT"),
    ("RETREAT", ["withdraw"], "The army withdrew from the town, which the militia entered unopposed.", "NON_VIOL_TERRIT_TRANSFER"),
    ("RETREAT", ["desert"], "Eight soldiers left their positions without permission.", "CHANGE_TO_GROUP_ACT"),
    ("MOBILIZE", ["conscription"], "The ministry sent call-up papers to 5,000 reservists.", "CHANGE_TO_GROUP_ACT"),
    ("MOBILIZE", ["troops"], "Militants set up a base in the forest near the river.", "HQ_ESTABLISHED"),
]  # fmt: skip


@pytest.mark.parametrize(("event", "mode", "text", "expected"), CASES)
def test_acled_code_maps_plover_events(event: str, mode: list[str], text: str, expected: str) -> None:
    found = acled_code(event, mode, [], text)
    assert found is not None and found.code == expected
    assert found == ACLED_CODES[expected]


def test_recipient_sector_tells_a_clash_from_an_attack_on_civilians() -> None:
    text = "Gunmen attacked a convoy on the road to Djibo, killing six."
    assert acled_code("ASSAULT", ["firearms"], [], text, recipient=["MIL"]).code == "ARMED_CLASH"
    assert acled_code("ASSAULT", ["firearms"], [], text, recipient=["CVL"]).code == "ATTACK"


def test_actor_sector_tells_who_took_the_town() -> None:
    text = "Forces took control of the town of Marte on Sunday."
    assert acled_code("ASSAULT", [], [], text, actor=["MIL"]).code == "GOV_REGAINS_TERIT"
    assert acled_code("ASSAULT", [], [], text, actor=["REB"]).code == "NON_STATE_ACTOR_OVERTAKES_TER"


@pytest.mark.parametrize(
    ("event", "mode", "text"),
    [
        ("REQUEST", ["change"], "Mothers of conscripts appealed to the president to bring their sons home."),
        ("ACCUSE", ["disapprove"], "The ministry accused the rebels of shelling a school."),
        ("CONSULT", ["visit"], "The foreign minister met his counterpart in Ankara to discuss trade."),
        ("AGREE", [], "The two governments agreed to expand cooperation on grain exports."),
        ("MOBILIZE", ["troops"], "The navy held exercises in the Baltic Sea."),
        ("PROTEST", ["boycott"], "Shoppers boycotted the company's products across the region."),
        ("SANCTION", ["discontinue"], "The European Union imposed new sanctions on the bank."),
    ],
)
def test_events_without_an_acled_shape_get_none(event: str, mode: list[str], text: str) -> None:
    assert acled_code(event, mode, [], text) is None


@pytest.mark.parametrize(
    ("event", "mode", "text"),
    [
        ("ASSAULT", ["beat"], "Their sons were posted to an assault brigade in the spring."),
        ("MOBILIZE", ["troops"], "Wives of mobilised men wrote an open letter about the shortages."),
        ("COERCE", ["arrest"], "The reservists held a meeting in the canteen."),
        ("RETREAT", ["withdraw"], "Five conscripts abandoned their positions without permission."),
    ],
)
def test_a_detection_without_supporting_words_gets_no_code(event: str, mode: list[str], text: str) -> None:
    assert acled_code(event, mode, [], text) is None


def test_an_occupied_town_is_not_a_capture() -> None:
    text = "Soldiers shot a man dead at a checkpoint in the occupied town of Enerhodar."
    assert acled_code("ASSAULT", ["firearms"], [], text).code == "ATTACK"


def test_training_examples_cover_every_code() -> None:
    records = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(set(r) == {"text", "code"} and r["code"] in ACLED_CODES for r in records)
    counts = Counter(r["code"] for r in records)
    assert min(counts[code] for code in ACLED_CODES) >= 45
    assert min(counts[code] for code in COMMON) >= 60
    texts = [r["text"].lower() for r in records]
    assert len(set(texts)) == len(texts)


def test_the_ontology_doc_has_the_acled_table() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for code in ACLED_CODES.values():
        assert f"| `{code.code}` | {code.event_type} | {code.sub_event_type} |" in doc
