"""Quote extraction: spans, speakers across sentences, and the pieces it is built from."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.annotate.quotes import extract_quotes
from eventwire.annotate.quotes.context import DocContext, quote_regions
from eventwire.annotate.quotes.features import cue_classes, cue_features
from eventwire.annotate.quotes.profiles import build_profiles, profile_features
from eventwire.annotate.quotes.spans import content_spans, cue_span, source_span, subject_source
from eventwire.annotate.quotes.speaker import resolve_speakers
from eventwire.annotate.quotes.tagger import QuoteTagger
from eventwire.linear import (
    LinearModel,
    PerceptronTrainer,
    load_models,
    save_models,
)
from eventwire.model import Entity, Quote, Span
from eventwire.resources import Resources

ARTICLE = (
    "Relatives of conscripts from the Urals say the men were sent forward without proper kit.\n\n"
    "One man from the Orenburg region said his nephew had received a rifle and two days of "
    'drills. "They promised us it would be guard duty," he added.\n\n'
    '"Nobody answers our calls," a woman using the pseudonym Oksana told Pro Gorod, according '
    "to an English translation.\n\n"
    "The General Staff of the Armed Forces of Ukraine said in a Facebook post on Wednesday "
    "that Russian forces had shelled 25 settlements overnight. "
    '"The enemy continues to suffer heavy losses," the post says.'
)


@pytest.fixture(scope="module")
def nlp():
    return Resources().nlp


@pytest.fixture(scope="module")
def quotes(nlp) -> list[Quote]:
    return extract_quotes(nlp(ARTICLE))


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    return next(q for q in quotes if q.cue and q.cue[0].text(ARTICLE) == cue)


def test_spans_point_into_the_text(quotes):
    assert len(quotes) >= 5
    for q in quotes:
        for span in (*q.source, *q.cue, *q.content):
            assert 0 <= span.start < span.end <= len(ARTICLE)
            assert span.text(ARTICLE) == span.text(ARTICLE).strip()


def test_reported_speech_with_that_clause(quotes):
    q = _by_cue(quotes, "said in a Facebook post on Wednesday")
    assert q.speaker_text == "The General Staff of the Armed Forces of Ukraine"
    assert q.content[0].text(ARTICLE) == "that Russian forces had shelled 25 settlements overnight"
    assert not q.direct


def test_pronoun_speaker_resolves_to_the_earlier_description(quotes):
    q = _by_cue(quotes, "added")
    assert q.speaker_text == "he"
    assert q.speaker == "One man from the Orenburg region"
    assert q.direct
    assert q.content[0].text(ARTICLE).startswith('"They promised us')


def test_inverted_source_after_a_quote(quotes):
    q = _by_cue(quotes, "told")
    assert q.speaker == "a woman using the pseudonym Oksana"
    assert q.content[0].text(ARTICLE) == '"Nobody answers our calls,"'


def test_the_post_resolves_to_who_posted_it(quotes):
    q = _by_cue(quotes, "says")
    assert q.speaker_text == "the post"
    assert q.speaker == "The General Staff of the Armed Forces of Ukraine"


def _piece(text: str, words: str) -> list[Span]:
    start = text.index(words)
    return [Span(start, start + len(words))]


def test_first_person_source_inside_a_quote_is_the_quoted_speaker(nlp):
    text = '"I think we can still win this district," Senator Mary Lowe said on Friday.'
    inner = Quote(_piece(text, "I"), _piece(text, "think"), _piece(text, "we can still win"))
    outer = Quote(_piece(text, "Senator Mary Lowe"), _piece(text, "said"), _piece(text, '"I think'))
    resolve_speakers(nlp(text), [inner, outer])
    assert outer.speaker == "Senator Mary Lowe"
    assert (inner.speaker_text, inner.speaker) == ("I", "Senator Mary Lowe")


def test_entities_chain_names_a_pronoun(nlp):
    text = 'The mayor opened the bridge on Monday. "It took ten years," she said.'
    start = text.index("she")
    entities = [  # the chain's name, known from elsewhere in the article, beats the surface words
        Entity(0, 9, "The mayor", "Mayor Anna Kovac", "PERSON", chain=1),
        Entity(start, start + 3, "she", "she", "PRON", chain=1),
    ]
    q = next(q for q in extract_quotes(nlp(text), entities) if q.speaker_text == "she")
    assert q.speaker == "Mayor Anna Kovac"


def test_quote_regions_pair_marks_and_close_at_paragraph_end():
    text = "He said “yes” and ''no''.\n\nShe said \"maybe\nstill open.\n\nNext \u201dstray."
    regions = [text[s:e] for s, e in quote_regions(text)]
    assert regions == ["“yes”", "''no''", '"maybe\nstill open.\n\n']


def test_window_covers_a_quote_that_crosses_sentences(nlp):
    text = '"We lost the vote. We will try again," Lee said. Rain fell.'
    doc = nlp(text)
    ctx = DocContext.build(doc)
    said = next(t for t in doc if t.text == "said")
    start, end = ctx.window(said)
    assert doc[start].text == '"'
    assert "Rain" not in doc[start:end].text


def test_span_decoding_from_labels(nlp):
    doc = nlp('"Prices will fall," the minister said, "and soon."')
    labels = ["O"] * len(doc)
    words = [t.text for t in doc]
    for i in range(1, 4):
        labels[i] = "CONTENT"
    labels[words.index("minister") - 1] = labels[words.index("minister")] = "SOURCE"
    anchor = words.index("said")
    labels[anchor] = "CUE"
    labels[anchor + 3] = labels[anchor + 4] = "CONTENT"
    assert [s.text(doc.text) for s in content_spans(doc, labels, 0)] == [
        "Prices will fall",
        "and soon",
    ]
    assert [s.text(doc.text) for s in source_span(doc, anchor, labels, 0)] == ["the minister"]
    assert cue_span(doc, anchor, labels, 0).text(doc.text) == "said"


def test_perceptron_learns_and_round_trips(tmp_path: Path):
    trainer = PerceptronTrainer(["O", "CUE"])
    data = [(["w=said"], "CUE"), (["w=table"], "O"), (["w=told"], "CUE"), (["w=red"], "O")]
    for _ in range(3):
        for feats, gold in data:
            trainer.update(feats, gold)
    seq = PerceptronTrainer(["O", "X"])
    for _ in range(3):
        seq.update_sequence([["a"], ["b"], ["a"]], ["O", "X", "X"])
    path = tmp_path / "m.json.gz"
    save_models(path, {"cue": trainer.finish(), "seq": seq.finish()}, {"threshold": 0})
    models, meta = load_models(path)
    assert [models["cue"].predict(f) for f, _ in data] == [g for _, g in data]
    assert models["seq"].viterbi([["a"], ["b"], ["a"]]) == ["O", "X", "X"]
    assert models["seq"].viterbi([["a"], ["b"]], fixed={1: "O"})[1] == "O"
    assert meta == {"threshold": 0}


def test_viterbi_uses_transitions():
    model = LinearModel(["O", "X"], {"e": [0.0, 0.1], "T=X": [-5.0, 0.0], "T=<s>": [0.0, 0.0]})
    assert model.viterbi([["e"], [], ["e"]]) == ["X", "X", "X"]


def test_cue_lexicon_classes_words_and_feeds_features(nlp):
    assert "speech" in cue_classes()["say"]
    assert "stance_person" in cue_classes()["supporter"]
    doc = nlp("The senator is a fierce critic of the plan.")
    ctx = DocContext.build(doc)
    be = next(t for t in doc if t.lemma_ == "be")
    assert "cx=attr|stance_person" in cue_features(be, ctx)
    assert "x=-|DET" in cue_features(doc[0], ctx)


def test_profiles_tell_clause_taking_verbs_from_others(nlp):
    docs = [
        nlp("Officials argued that the bridge was safe. The mayor ate lunch."),
        nlp("She argued that costs would rise. They ate bread at noon."),
        nlp("He argued that nothing changed. We ate early."),
    ]
    profiles = build_profiles(docs)
    assert profiles["argue"][:2] == "44"  # always a ccomp, always a "that"-clause
    assert profiles["eat"][:2] == "00"
    verb = docs[0][1]
    assert "pfccomp=4|VERB" in profile_features(verb, profiles)
    assert profile_features(nlp("They murmured.")[1], profiles) == ["pf=unseen|VERB"]


def test_suppression_keeps_the_strongest_of_overlapping_cues(nlp):
    doc = nlp("He said loudly that prices rose.")
    cue = LinearModel(["O", "CUE"], {"l=say": [0.0, 10.0], "l=loudly": [0.0, 5.0]})
    role = LinearModel(
        ["O", "SOURCE", "CUE", "CONTENT"],
        {"bias": [0.0, 0.0, 0.0, 1.0], "Pc=D:advmod": [0.0, 0.0, 5.0, 0.0]},
    )
    both = QuoteTagger(cue, role, threshold=0.0)(doc)
    kept = QuoteTagger(cue, role, threshold=0.0, suppress=True)(doc)
    assert sorted(doc[f.anchor].text for f in both) == ["loudly", "said"]
    assert [doc[f.anchor].text for f in kept] == ["said"]
    assert kept[0].cue[0].text(doc.text) == "said loudly"


def test_nested_penalty_drops_weak_anchors_inside_kept_content(nlp):
    doc = nlp("He said the minister claimed taxes rose.")
    cue = LinearModel(["O", "CUE"], {"l=say": [0.0, 10.0], "l=claim": [0.0, 5.0]})
    role = LinearModel(["O", "SOURCE", "CUE", "CONTENT"], {"bias": [0.0, 0.0, 0.0, 1.0]})
    both = QuoteTagger(cue, role, threshold=0.0, suppress=True)(doc)
    outer = QuoteTagger(cue, role, threshold=0.0, suppress=True, nested_penalty=8.0)(doc)
    strong = QuoteTagger(cue, role, threshold=0.0, suppress=True, nested_penalty=4.0)(doc)
    assert [doc[f.anchor].text for f in both] == ["said", "claimed"]
    assert [doc[f.anchor].text for f in outer] == ["said"]
    assert [doc[f.anchor].text for f in strong] == ["said", "claimed"]


def test_subject_source_climbs_from_a_participle_to_the_subject(nlp):
    doc = nlp("The senator, who chairs the panel, left the room, saying the vote was rigged.")
    saying = next(t for t in doc if t.text == "saying")
    left = next(t for t in doc if t.text == "left")
    assert [s.text(doc.text) for s in subject_source(saying)] == ["The senator"]
    assert subject_source(left) == []  # the anchor has its own subject: nothing to climb to


def test_subject_fallback_fills_a_missing_source(nlp):
    doc = nlp("The mayor left the hall, saying taxes would rise.")
    cue = LinearModel(["O", "CUE"], {"l=say": [0.0, 10.0]})
    role = LinearModel(["O", "SOURCE", "CUE", "CONTENT"], {"bias": [0.0, 0.0, 0.0, 1.0]})
    plain = QuoteTagger(cue, role, threshold=0.0)(doc)
    filled = QuoteTagger(cue, role, threshold=0.0, subject_fallback=True)(doc)
    assert plain[0].source == []
    assert [s.text(doc.text) for s in filled[0].source] == ["The mayor"]
