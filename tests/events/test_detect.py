"""Trigger lexicon and event detection on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.events.detect import decide, detect, main_detection
from eventwire.events.ontology import load_ontology, problems
from eventwire.events.triggers import Candidate, Pattern, find_candidates, load_lexicon


def _events(nlp, text: str) -> list[tuple[str, str, list[str]]]:
    doc = nlp(text)
    return [(doc.text[d.trigger.start : d.trigger.end], d.event, d.mode) for d in detect(doc)]


def _main(nlp, text: str) -> str:
    doc = nlp(text)
    found = main_detection(doc, detect(doc))
    assert found is not None, text
    return found.event


def test_the_lexicon_speaks_plover():
    lexicon = load_lexicon()
    assert set(lexicon.types()) == set(load_ontology().types)
    for patterns in lexicon.patterns.values():
        for p in patterns:
            assert not problems(p.event, list(p.mode), list(p.context)), p
    for cue in lexicon.cues:
        assert not problems(
            cue.event or "ASSAULT", [cue.mode] if cue.mode else [], [cue.context] if cue.context else []
        )


@pytest.mark.parametrize(
    ("text", "trigger", "event", "mode"),
    [
        (
            "The regional ministry called up 12,000 reservists on Monday.",
            "called up",
            "MOBILIZE",
            ["conscription"],
        ),
        ("Six conscripts deserted from their base near Pskov.", "deserted", "RETREAT", ["desert"]),
        ("The sailors refused to obey orders to put to sea.", "refused", "REJECT", ["orders"]),
        (
            "Separatist artillery shelled the outskirts of the town overnight.",
            "shelled",
            "ASSAULT",
            ["heavy-weapons"],
        ),
        ("Police arrested nine students outside the university.", "arrested", "COERCE", ["arrest"]),
        ("The mayor accused the governor of hiding the flood damage.", "accused", "ACCUSE", ["allege"]),
        ("Farmers blocked the highway with tractors for a second day.", "blocked", "PROTEST", ["obstruct"]),
        ("Hundreds of dockers went on strike at the port.", "went", "PROTEST", ["strike"]),
    ],
)
def test_triggers_are_typed_with_their_mode(nlp, text, trigger, event, mode):
    assert (trigger, event, mode) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The families appealed to the president to bring the soldiers home.", "REQUEST"),
        ("Opposition leaders condemned the arrests as an attack on free speech.", "ACCUSE"),
        ("The two foreign ministers met in Vienna to discuss the grain corridor.", "CONSULT"),
        ("The government lifted the curfew in the northern provinces.", "CONCEDE"),
        ("Rebels released the twelve aid workers they had held since March.", "RETREAT"),
        ("Thousands marched through the capital against the new tax.", "PROTEST"),
        ("The European Union imposed sanctions on the country's oil exports.", "SANCTION"),
        ("Drones struck a fuel depot near the border, starting a large fire.", "ASSAULT"),
    ],
)
def test_the_main_event_of_a_sentence(nlp, text, event):
    assert _main(nlp, text) == event


def test_an_announced_cooperative_act_is_an_agreement(nlp):
    assert (
        _main(nlp, "The ministry said it would send medical teams to the flooded region next week.")
        == "AGREE"
    )


def test_a_refused_cooperative_act_is_a_rejection(nlp):
    assert _main(nlp, "The rebels said they would not negotiate with the military government.") == "REJECT"


def test_force_under_a_condition_is_a_threat(nlp):
    assert _main(nlp, "The army said it would shell the town unless the fighters surrendered.") == "THREATEN"


def test_an_intention_word_takes_the_type_of_its_content(nlp):
    events = _events(nlp, "The militia vowed to retaliate against any attack on its villages.")
    assert next(e for _, e, _ in events) == "THREATEN"
    assert "AGREE" not in [e for _, e, _ in events]


def test_the_content_of_a_request_is_not_an_event_of_its_own(nlp):
    events = _events(nlp, "The council urged Moscow to withdraw its troops from the border.")
    assert [e for _, e, _ in events] == ["REQUEST"]


def test_a_sentence_without_trigger_has_no_event(nlp):
    assert _events(nlp, "The town has a population of about 40,000 people.") == []


def test_a_participle_modifying_a_noun_is_no_trigger(nlp):
    doc = nlp("The mobilised men returned home.")
    assert all(doc[c.token].lower_ != "mobilised" for c in find_candidates(doc[:]))


def test_offsets_point_into_the_text(nlp):
    text = "Talks failed. On Friday, rebel fighters ambushed a convoy near the river."
    doc = nlp(text)
    found = [d for d in detect(doc) if d.event == "ASSAULT"]
    assert found and text[found[0].trigger.start : found[0].trigger.end] == "ambushed"
    assert text[found[0].sentence.start : found[0].sentence.end].startswith("On Friday")
    assert doc[found[0].token].text == "ambushed"


def _candidate(*types: str) -> Candidate:
    return Candidate(0, (0,), [Pattern(("x",), "verbs", t) for t in types])


def test_decide_drops_what_the_classifier_calls_no_event():
    lexicon = load_lexicon()
    none = lexicon.settings["none_threshold"]
    assert decide({"NONE": none, "ASSAULT": 1 - none}, _candidate("ASSAULT"), set(), lexicon) is None


def test_decide_prefers_the_lexicon_unless_the_classifier_is_confident():
    lexicon = load_lexicon()
    override = lexicon.settings["override_threshold"]
    unsure = {"PROTEST": override - 0.1, "ASSAULT": 0.2, "NONE": 0.0}
    assert decide(unsure, _candidate("ASSAULT"), set(), lexicon)[0] == "ASSAULT"
    sure = {"PROTEST": override + 0.1, "ASSAULT": 0.1, "NONE": 0.0}
    assert decide(sure, _candidate("ASSAULT"), set(), lexicon)[0] == "PROTEST"


def test_decide_applies_plover_conventions_for_future_and_negated_acts():
    lexicon = load_lexicon()
    dist = {"AID": 0.9, "NONE": 0.1}
    assert decide(dist, _candidate("AID"), {"fut"}, lexicon)[0] == "AGREE"
    assert decide(dist, _candidate("AID"), {"neg"}, lexicon)[0] == "REJECT"
    assert decide({"RETREAT": 1.0}, _candidate("RETREAT"), {"fut"}, lexicon)[0] == "CONCEDE"


@pytest.mark.parametrize(
    ("text", "trigger", "event", "mode"),
    [
        (
            "Two assault companies refused to carry out the assigned tasks on Sunday.",
            "refused",
            "REJECT",
            ["orders"],
        ),
        (
            "The marines declined to execute the mission, their families said.",
            "declined",
            "REJECT",
            ["orders"],
        ),
        (
            "About forty conscripts left the front line near the river last week.",
            "left",
            "RETREAT",
            ["desert"],
        ),
        (
            "Several gunners abandoned their positions and walked to a nearby village.",
            "abandoned",
            "RETREAT",
            ["desert"],
        ),
        ("Nine young men were caught by border guards near the lake.", "caught", "COERCE", ["arrest"]),
        ("Dozens of students were picked up by police after the vigil.", "picked up", "COERCE", ["arrest"]),
        ("Hundreds of men were rounded up at the bus station.", "rounded up", "COERCE", ["arrest"]),
    ],
)
def test_refusals_desertions_and_passive_arrests(nlp, text, trigger, event, mode):
    assert (trigger, event, mode) in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The commander ordered the battalion to hold the bridge at all costs.",
        "The reservists were ordered to report to their units by Friday.",
        "The judge ordered that the detainees be brought to court.",
    ],
)
def test_ordering_someone_to_act_is_a_request(nlp, text):
    assert ("ordered", "REQUEST") in [(t, e) for t, e, _ in _events(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The hotel ordered a taxi for the delegation.",
        "The hospital ordered new equipment from a supplier in Milan.",
        "Two farmers were caught in the crossfire outside the village.",
        "Eighty migrants were picked up by a coast guard vessel at dawn.",
    ],
)
def test_orders_of_things_and_people_caught_in_fighting_are_no_such_event(nlp, text):
    doc = nlp(text)
    words = [doc[c.token].lower_ for c in find_candidates(doc[:])]
    assert not {"ordered", "caught", "picked"} & set(words)


@pytest.mark.parametrize(
    ("text", "trigger", "event"),
    [
        ("The council gave in to the tenants after a month of rent strikes.", "gave in", "CONCEDE"),
        ("Ghana sent 600 peacekeepers to guard the camps near the border.", "sent", "AID"),
        ("The OSCE pulled its monitors out of the valley as the fighting spread.", "pulled", "SANCTION"),
        ("Several reserve battalions were called to active duty on Monday.", "called", "MOBILIZE"),
    ],
)
def test_particles_peacekeepers_monitors_and_call_ups(nlp, text, trigger, event):
    assert (trigger, event) in [(t, e) for t, e, _ in _events(nlp, text)]


def test_give_with_in_as_a_preposition_is_no_concession(nlp):
    text = "The bank said it gave 40 million dollars in loans to farmers last year."
    assert "CONCEDE" not in [e for _, e, _ in _events(nlp, text)]
