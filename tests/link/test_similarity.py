"""Terms, TF-IDF vectors and the 1..4 score of document similarity."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from eventwire.link.similarity import Idf, Settings, document_text, dot, parse_terms, scale, terms, vectorize


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
