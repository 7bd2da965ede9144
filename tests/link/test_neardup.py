"""Near-duplicate articles: syndicated and reworded copies are linked, other reports are not."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from eventwire.link.neardup import MinHasher, NearDupIndex, Settings, band_keys, groups, words

WIRE = """Dam breach floods villages downstream

Floodwater from a breached dam on the Seret river swept through four villages on Thursday night, forcing more than two thousand residents to leave their homes, the regional emergency service said on Friday.
Rescue teams in inflatable boats evacuated elderly people from rooftops in the village of Zalissia, where the water rose by almost two metres in less than an hour. No deaths had been confirmed by Friday morning, but three people were taken to hospital with hypothermia.
The dam, built in the 1970s to supply a sugar factory that closed a decade ago, had not been inspected since 2019, according to the local council. Engineers were trying to lower the level of the reservoir upstream to stop the breach from widening.
The governor said temporary shelters had been opened in two schools in the district centre and that residents would be compensated for damaged houses.
"""

SYNDICATED = """Thousands flee as old dam gives way on the Seret
By Olena Hrytsenko | Wire Desk

Floodwater from a breached dam on the Seret river swept through four villages on Thursday night, forcing more than two thousand residents to leave their homes, the regional emergency service said on Friday.
Rescue teams in inflatable boats evacuated elderly people from rooftops in the village of Zalissia, where the water rose by almost two metres in less than an hour. No deaths had been confirmed by Friday morning, but three people were taken to hospital with hypothermia.
The dam, built in the 1970s to supply a sugar factory that closed a decade ago, had not been inspected since 2019, according to the local council. Engineers were trying to lower the level of the reservoir upstream to stop the breach from widening.
The governor said temporary shelters had been opened in two schools in the district centre and that residents would be compensated for damaged houses.
Subscribe now.
JOIN US ON TELEGRAM
Related Articles
"""

REWORDED = """Dam breach floods villages downstream

Floodwater from a burst dam on the Seret river swept through four villages late on Thursday, forcing more than two thousand people to leave their homes, the regional emergency service said on Friday.
Rescue teams in inflatable boats evacuated elderly people from rooftops in the village of Zalissia, where the water rose by nearly two metres in less than an hour. No deaths had been confirmed by Friday morning, but three people were taken to hospital with hypothermia.
The dam, built in the 1970s to supply a sugar factory that shut a decade ago, had not been inspected since 2019, according to the local council. Engineers were trying to lower the level of the reservoir upstream to stop the breach from widening.
The governor said temporary shelters had been opened in two schools in the district centre and that residents would be compensated for damaged houses.
"""

OTHER_REPORT = """Villagers rescued from rooftops after Seret dam fails

About 2,000 people had to abandon their houses after an ageing dam on the Seret gave way late on Thursday, officials in the region said. Boats were sent to Zalissia, the worst-hit of the four flooded villages, to pick up residents stranded on their roofs as the river rose quickly.
Three villagers were being treated in hospital for hypothermia; nobody was reported dead. Council records show the structure, which once served a now-defunct sugar plant, was last checked five years ago.
Schools in the district centre are being used as emergency shelters, and the governor promised compensation for homes damaged by the flood. Engineers are draining the reservoir above the dam to keep the gap from growing.
"""

UNRELATED = """Council approves new tram line

The city council on Wednesday approved a new tram line linking the railway station with the university campus, after a two-year debate over its cost and route.
Construction of the six-kilometre line is expected to start next spring and take three years. The council said most of the money would come from a loan by a European development bank, with the rest paid from the city budget.
Opposition members argued that buses would have been cheaper and warned that the works would close the main avenue for months.
"""


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings.load()


def test_words_drop_case_punctuation_and_boilerplate_lines() -> None:
    assert words("Floods HIT the town!\nSubscribe now.\n“Stay away,” police said.") == [
        "floods", "hit", "the", "town", "stay", "away", "police", "said",
    ]  # fmt: skip


def test_syndicated_copy_with_other_headline_byline_and_boilerplate_is_found() -> None:
    index = NearDupIndex()
    assert index.add("wire", WIRE) == []
    assert index.add("syndicated", SYNDICATED) == ["wire"]


def test_lightly_reworded_copy_is_found() -> None:
    index = NearDupIndex()
    index.add("wire", WIRE)
    assert index.add("reworded", REWORDED) == ["wire"]


def test_other_reports_of_the_same_event_are_not_near_duplicates() -> None:
    index = NearDupIndex()
    index.add("wire", WIRE)
    assert index.add("other", OTHER_REPORT) == []
    assert index.add("unrelated", UNRELATED) == []


def test_texts_too_short_are_never_near_duplicates() -> None:
    index = NearDupIndex()
    index.add("a", "Police said the fire was out.")
    assert index.add("b", "Police said the fire was out.") == []


def test_signatures_are_deterministic_and_batch_equals_single(settings: Settings) -> None:
    texts = [WIRE, "Too short.", OTHER_REPORT]
    batch = MinHasher(settings).signatures(texts)
    assert batch.dtype == np.uint32 and batch.shape == (3, settings.permutations)
    assert np.array_equal(batch, MinHasher(settings).signatures(texts))
    assert np.array_equal(batch[2], MinHasher(settings).signature(OTHER_REPORT))
    other_seed = MinHasher(dataclasses.replace(settings, seed=settings.seed + 1))
    assert not np.array_equal(batch[0], other_seed.signature(WIRE))


def test_identical_texts_have_identical_signatures_and_band_keys(settings: Settings) -> None:
    hasher = MinHasher(settings)
    first, second = hasher.signature(WIRE), hasher.signature(WIRE.upper())
    assert np.array_equal(first, second)
    assert band_keys(first, settings).shape == (settings.bands,)
    assert not np.array_equal(band_keys(first, settings), band_keys(hasher.signature(UNRELATED), settings))


DOCS = [("r", REWORDED), ("u", UNRELATED), ("w", WIRE), ("o", OTHER_REPORT), ("s", SYNDICATED)]


def test_batch_groups_put_the_oldest_first_and_equal_incremental_adds() -> None:
    assert groups(DOCS) == [["r", "w", "s"]]
    index = NearDupIndex()
    assert [index.add(doc_id, text) for doc_id, text in DOCS] == [[], [], ["r"], [], ["r", "w"]]


def test_persisted_signatures_link_new_articles_without_the_old_texts() -> None:
    index = NearDupIndex()
    for doc_id, text in DOCS[:4]:
        index.add(doc_id, text)
    ids, signatures = index.state()
    restored = NearDupIndex.from_state(ids, signatures)
    assert restored.ids == ["r", "u", "w", "o"]
    assert restored.add("s", SYNDICATED) == ["r", "w"]


def test_settings_must_split_permutations_into_bands(settings: Settings) -> None:
    with pytest.raises(ValueError, match="bands"):
        dataclasses.replace(settings, bands=settings.bands + 1)


def test_results_do_not_depend_on_when_recent_keys_are_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [[], [], ["x"], ["r"], [], ["r", "w"]]
    monkeypatch.setattr("eventwire.link.neardup._MERGE", 2)
    index = NearDupIndex()
    assert [index.add(doc_id, text) for doc_id, text in [("x", UNRELATED), *DOCS]] == expected
    assert len(index._buckets.keys) > 0
