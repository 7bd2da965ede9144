"""Terms, TF-IDF vectors and the 1..4 score of document similarity."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from eventwire.link.similarity import (
    YEAR_MARKER,
    Background,
    Idf,
    Settings,
    document_text,
    dot,
    main_year,
    parse_terms,
    scale,
    terms,
    vectorize,
    years,
)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings.load()


def test_terms_are_content_lemmas_with_names_and_the_lead_weighted_up(nlp, settings):
    bag = terms(nlp("Ferries sank\nThe ferries sank near Kessel."), settings)
    lead, names = settings.lead_weight, settings.proper_noun_weight
    assert bag["ferry"] == lead + 1
    assert bag["sink"] == lead + 1
    assert bag["kessel"] == names
    assert "the" not in bag and "near" not in bag and "." not in bag


def test_vectors_are_unit_length_and_rare_terms_weigh_more():
    bags = [Counter({"ferry": 1, "lake": 1}), Counter({"ferry": 1}), Counter({"ferry": 1, "chess": 1})]
    idf = Idf(bags)
    vector = idf.vector(bags[0])
    assert math.isclose(math.sqrt(sum(x * x for x in vector.values())), 1.0)
    assert vector["lake"] > vector["ferry"]
    assert idf.vector(Counter()) == {}


def test_the_background_weighs_words_common_in_any_text_below_topical_ones(settings):
    bags = [Counter({"say": 1, "soldier": 1, "ferry": 1}), Counter({"say": 1, "soldier": 1})]
    plain, background = Idf(bags), Idf(bags, background=Background.load(settings))
    assert plain.weight("say") == plain.weight("soldier")
    assert background.weight("say") < background.weight("soldier") < background.weight("ferry")
    assert background.weight("klishchiivka") > background.weight("soldier")


def test_the_background_draws_reports_of_one_situation_together(nlp, settings, articles):
    keys = ("reservists_1", "reservists_2", "reservists_3", "chess")
    bags = parse_terms([articles[k] for k in keys], nlp, settings)
    plain = vectorize(bags, settings.story_sublinear_tf)
    prior = vectorize(bags, settings.story_sublinear_tf, Background.load(settings))
    for i, j in ((0, 1), (0, 2), (1, 2)):
        assert dot(prior[i], prior[j]) > dot(plain[i], plain[j]) + 0.05
    assert max(dot(prior[3], v) for v in prior[:3]) < 0.05


def test_reports_of_one_event_are_closer_than_unrelated_articles(nlp, settings, articles):
    texts = [articles["ferry_1"], articles["ferry_2"], articles["chess"]]
    a, b, c = vectorize(parse_terms(texts, nlp, settings), settings.pair_sublinear_tf)
    assert dot(a, b) > 0.3 > dot(a, c)
    assert math.isclose(dot(a, a), 1.0)


def test_scale_maps_cosine_to_one_same_four_unrelated(settings):
    assert scale(1.0, settings) == 1.0
    assert scale(0.0, settings) == 4.0
    assert 1.0 < scale(0.5, settings) < scale(0.2, settings) < 4.0
    assert scale(-0.1, settings) == 4.0 and scale(1.2, settings) == 1.0


def test_document_text_puts_the_title_first_once():
    assert document_text("Ferry capsizes", "Ferry capsizes on the lake.") == "Ferry capsizes on the lake."
    assert document_text("Ferry capsizes", "Twelve are missing.") == "Ferry capsizes\nTwelve are missing."
    assert document_text(None, "Twelve are missing.") == "Twelve are missing."


def test_the_main_year_is_a_marker_outside_tf_idf_and_cosines(nlp, settings):
    doc = nlp("The dam burst in May 2019.\nIn 2019 it flooded, as in 1998 and in 2021.")
    assert main_year(doc, settings) == "2019"
    assert main_year(nlp("It flooded in 1998 and in 2021."), settings) == "2021"  # latest on a tie
    assert main_year(nlp("Flooded 3000 homes."), settings) is None
    bag = terms(doc, settings)
    assert years(bag) == ["2019"] and bag[YEAR_MARKER + "2019"] == 1.0
    vector = Idf([bag]).vector(bag)
    assert vector[YEAR_MARKER + "2019"] == 0.0
    assert math.isclose(dot(vector, vector), 1.0)
