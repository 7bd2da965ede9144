"""The event classifiers' features and their answers on clear cases written for these tests."""

from __future__ import annotations

import pytest

from eventwire.events.classify import (
    classify_texts,
    features,
    load_classifier,
    main_candidate,
    markers,
    unit_candidates,
)
from eventwire.events.triggers import load_lexicon


def _main_features(nlp, text: str) -> list[str]:
    lexicon = load_lexicon()
    doc = nlp(text)
    cands = unit_candidates(doc[:], lexicon)
    return features(doc[:], main_candidate(cands, doc), cands, lexicon)


def _markers(nlp, text: str, word: str) -> set[str]:
    doc = nlp(text)
    return markers(next(t for t in doc if t.text == word), load_lexicon())


def test_features_describe_the_root_most_trigger_and_its_clause(nlp):
    feats = _main_features(nlp, "The opposition urged the government to release the detained journalists.")
    assert {"t=urge", "c=REQUEST", "w=opposition"} <= set(feats)
    assert "x=journalist" in feats  # the requested act is read apart from the request
    assert "nofocus" in _main_features(nlp, "The river is wide here.")


def test_markers_tell_future_negated_and_conditional_acts(nlp):
    assert _markers(nlp, "The ministry will send aid to the region.", "send") == {"fut"}
    assert _markers(nlp, "The rebels did not attack the town.", "attack") == {"neg"}
    found = _markers(nlp, "The army would shell the town if the rebels stayed.", "shell")
    assert found == {"fut", "cond"}
    assert _markers(nlp, "The strike may have cost millions.", "cost") == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Government forces shelled rebel positions outside the city for a third day.", "ASSAULT"),
        ("Police detained the editor of the opposition weekly at his home.", "COERCE"),
        ("Hundreds of nurses protested outside the health ministry over unpaid wages.", "PROTEST"),
        ("The foreign minister criticised the decision as short-sighted.", "ACCUSE"),
        ("The president called on parliament to pass the budget before the holidays.", "REQUEST"),
        ("The prime minister flew to Ankara for talks with the Turkish president.", "CONSULT"),
        ("The town has two schools and a small hospital.", "NONE"),
    ],
)
def test_plover_classifier_on_clear_cases(nlp, text, label):
    assert classify_texts([text], "plover", nlp)[0][0] == label


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Military aircraft bombed a market in the town, killing twelve civilians.", "AIR_STRIKE"),
        ("Police arrested twenty opposition supporters in the capital on Tuesday.", "ARREST"),
        (
            "About 300 teachers held a peaceful march in the city centre to demand higher pay.",
            "PEACE_PROTEST",
        ),
    ],
)
def test_acled_classifier_on_clear_cases(nlp, text, code):
    assert classify_texts([text], "acled", nlp)[0][0] == code


def test_probabilities_are_a_distribution():
    model = load_classifier("plover")
    dist = model.distribution(["bias", "t=attack", "c=ASSAULT"])
    assert set(dist) == set(model.labels)
    assert abs(sum(dist.values()) - 1.0) < 1e-9
    assert max(dist, key=dist.get) == "ASSAULT"


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown scheme"):
        load_classifier("cameo")
