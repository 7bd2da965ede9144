"""Event coreference across articles, on short reports written for these tests."""

from __future__ import annotations

import datetime as dt
import random

from eventwire.link.coref import EventLinker, MentionContext, count_sources, date_interval
from eventwire.model import Article, EventDate, EventMention, Participant, Place, Span

BRIGADE = "the 12th Mountain Brigade"
KESSEL = Place(0, 0, "Kessel", "Kessel", 48.10, 37.20, 101, "UA", "Donetsk", "P", "settlement")
ORLEN = Place(0, 0, "Orlen", "Orlen", 50.40, 30.50, 202, "UA", "Kyiv", "P", "settlement")
DONETSK_REGION = Place(0, 0, "Donetsk region", "Donetsk", 48.0, 37.8, 303, "UA", "Donetsk", "A", "region")

APPEAL_A = (
    "Soldiers of the 12th Mountain Brigade appealed to President Varga in a video on Sunday, "
    "saying they had been left without ammunition near Kessel."
)
APPEAL_B = (
    "In a video posted on Sunday, fighters from the 12th Mountain Brigade appealed to Varga "
    "for ammunition, describing shortages near Kessel."
)
APPEAL_C = (
    "The 12th Mountain Brigade's video appeal to Varga over ammunition shortages at Kessel "
    "was shared widely on Monday."
)


def mention(
    article: Article,
    sentence: str,
    trigger: str,
    event: str = "REQUEST",
    actor: str | None = BRIGADE,
    place: Place | None = KESSEL,
    date: str | None = None,
    aux: str | None = None,
) -> MentionContext:
    """The context of one mention of *event* in *article*, the trigger the first *trigger* of *sentence*."""
    start = article.text.index(sentence)
    t = article.text.index(trigger, start)
    actors = [Participant(start, start + 1, actor, actor, "UKR", "MIL")] if actor else []
    found = EventMention(
        id=f"{article.id}:{t}:{event}",
        event=event,
        trigger=Span(t, t + len(trigger)),
        sentence=Span(start, start + len(sentence)),
        aux=aux,
        actor=actors,
        location=place,
        date=EventDate(date, "day", "text") if date else None,
    )
    return MentionContext.of(found, article)


def article(aid: str, text: str, outlet: str | None, published: str = "2026-03-02") -> Article:
    return Article(aid, f"feed/{aid}", "text", None, text, text, published=published, outlet=outlet)


def test_two_outlets_reporting_one_appeal_are_one_event_with_two_sources() -> None:
    a = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed", date="2026-03-01")
    b = mention(article("b1", APPEAL_B, "Daily Courier"), APPEAL_B, "appealed", date="2026-03-01")
    events = EventLinker().add([a, b])
    assert len(events) == 1
    assert events[0].mentions == [a.mention.id, b.mention.id]
    assert events[0].sources == 2
    assert events[0].outlets == ["kessel herald", "daily courier"]


def test_a_syndicated_copy_joins_without_adding_a_source() -> None:
    original = article("a1", APPEAL_A, "Kessel Herald")
    copy = article("c1", APPEAL_A, "Regional Wire")
    a = mention(original, APPEAL_A, "appealed")
    c = mention(copy, APPEAL_A, "appealed")
    linker = EventLinker()
    linker.add([a])
    [event] = linker.add([MentionContext(**{**c.__dict__, "duplicate_group": "a1"})])
    assert event.mentions == [a.mention.id, c.mention.id]
    assert event.sources == 1


def test_same_type_at_distant_places_or_far_apart_dates_are_two_events() -> None:
    here = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed", date="2026-03-01")
    elsewhere = mention(article("b1", APPEAL_B, "Daily Courier"), APPEAL_B, "appealed", place=ORLEN)
    later = mention(
        article("d1", APPEAL_B, "Daily Courier", published="2026-03-20"),
        APPEAL_B,
        "appealed",
        date="2026-03-19",
    )
    linker = EventLinker()
    linker.add([here, elsewhere, later])
    assert len(linker.events) == 3


def test_a_hypothetical_event_never_merges_with_one_that_happened() -> None:
    text = "Soldiers of the 12th Mountain Brigade could appeal to President Varga in a video on Sunday."
    asserted = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed")
    maybe = mention(article("b1", text, "Daily Courier"), text, "appeal", aux="hypothetical")
    linker = EventLinker()
    assert linker.score(asserted, maybe) is None
    linker.add([asserted, maybe])
    assert len(linker.events) == 2


def test_ids_stay_stable_when_a_third_mention_arrives_and_do_not_depend_on_order() -> None:
    a = mention(article("a1", APPEAL_A, "Kessel Herald", "2026-03-01"), APPEAL_A, "appealed")
    b = mention(article("b1", APPEAL_B, "Daily Courier", "2026-03-02"), APPEAL_B, "appealed")
    c = mention(article("e1", APPEAL_C, "Evening Post", "2026-03-02"), APPEAL_C, "appeal")
    first, again = EventLinker(), EventLinker()
    assert [e.id for e in first.add([a, b])] == [e.id for e in again.add([b, a])] == [a.mention.id]
    [event] = first.add([c])
    assert event.id == a.mention.id
    assert event.mentions[-1] == c.mention.id
    assert event.sources == 3


def test_a_mention_linking_two_events_merges_them_and_records_the_merge() -> None:
    text_a = "Soldiers of the 12th Mountain Brigade pleaded with Varga near Kessel."
    text_b = "A video appeal from fighters over ammunition shortages was posted on Sunday."
    a = mention(article("a1", text_a, "Kessel Herald", "2026-03-01"), text_a, "pleaded")
    b = mention(article("b1", text_b, "Daily Courier", "2026-03-02"), text_b, "appeal", actor=None)
    c = mention(article("e1", APPEAL_C, "Evening Post", "2026-03-02"), APPEAL_C, "appeal")
    linker = EventLinker()
    linker.add([a, b])
    assert len(linker.events) == 2
    [event] = linker.add([c])
    assert event.id == a.mention.id
    assert sorted(event.mentions) == sorted(m.mention.id for m in (a, b, c))
    [merge] = event.merges
    assert (merge.kept, merge.absorbed) == (a.mention.id, b.mention.id)
    assert merge.score >= linker.settings.threshold
    assert "evidence=" in merge.reason
    again = mention(article("g1", text_b, "Evening Star", "2026-03-02"), text_b, "appeal", actor=None)
    assert [e.id for e in linker.add([again])] == [a.mention.id]  # the absorbed event's day leads to it


def test_mentions_of_one_article_merge_only_when_the_trigger_is_repeated() -> None:
    asked = "The 12th Mountain Brigade also asked Varga for drones in the video."
    text = f"{APPEAL_A} {asked} Varga's office said the brigade appealed through official channels first."
    art = article("a1", text, "Kessel Herald")
    lead = mention(art, APPEAL_A, "appealed")
    other_word = mention(art, asked, "asked")
    repeated = mention(art, "Varga's office said", "appealed")
    linker = EventLinker()
    assert linker.score(lead, other_word) is None
    assert linker.score(lead, repeated) is not None


def test_sources_count_each_copy_group_and_outlet_once_and_unknown_outlets_by_source() -> None:
    a = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed")
    again = mention(article("a2", APPEAL_B, "Kessel  herald"), APPEAL_B, "appealed")
    unknown = mention(article("u1", APPEAL_B, None), APPEAL_B, "appealed")
    assert count_sources([a, again, unknown]) == ["kessel herald", "source:feed/u1"]


def test_a_region_contains_a_settlement_of_it() -> None:
    here = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed")
    region = mention(article("b1", APPEAL_B, "Daily Courier"), APPEAL_B, "appealed", place=DONETSK_REGION)
    pair = EventLinker().score(here, region)
    assert pair is not None and pair.signals["place"] == 0.7


def test_restored_linker_keeps_linking_to_stored_events() -> None:
    a = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed")
    b = mention(article("b1", APPEAL_B, "Daily Courier"), APPEAL_B, "appealed")
    stored = EventLinker().add([a])
    linker = EventLinker()
    linker.restore(stored, [a])
    [event] = linker.add([b])
    assert (event.id, event.sources) == (a.mention.id, 2)
    assert linker.add([a, b]) == []  # a re-run adds nothing twice
    assert event.mentions == [a.mention.id, b.mention.id]


def test_date_intervals_cover_days_weeks_months_and_years() -> None:
    assert date_interval("2026-03-01") == (dt.date(2026, 3, 1), dt.date(2026, 3, 1))
    assert date_interval("2026-W09") == (dt.date(2026, 2, 23), dt.date(2026, 3, 1))
    assert date_interval("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert date_interval("2026") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert date_interval("XXXX-03-01") is None


def test_another_event_of_the_type_at_the_same_place_and_day_stays_apart() -> None:
    shelling = "Artillery hit a school in Kessel on Sunday, local officials said."
    a = mention(article("a1", APPEAL_A, "Kessel Herald"), APPEAL_A, "appealed", date="2026-03-01")
    d = mention(article("f1", shelling, "Evening Post"), shelling, "hit", actor=None, date="2026-03-01")
    linker = EventLinker()
    linker.add([a, d])
    assert len(linker.events) == 2


class EveryPair(EventLinker):
    """The linker without its shortcuts: every event the candidate rule names, every pair scored."""

    def _candidates(self, new):
        types = self.settings.compatible_types(new.ctx.mention.event)
        found = [eid for eid in self._members if not self._types[eid].isdisjoint(types)]
        if new.day is None:
            return found
        return [eid for eid in found if eid in self._undated or self._within(eid, new.day)]

    def _best(self, new, eid):
        pairs = [p for m in self._members[eid] if (p := self._pair(new, m))]
        return max(pairs, key=lambda p: p.score, default=None)


def test_the_candidate_index_and_score_bounds_link_as_comparing_every_pair() -> None:
    """Random reports (dates of every precision, publication fallbacks, undated articles,
    compatible types, places and actors that agree or not) linked in batches both ways."""
    rng = random.Random(7)
    words = [f"word{k}" for k in range(40)]
    dates = [None, None, None, "2026-03-{:02d}", "2026-03-{:02d}", "2026-W{:02d}", "2026-0{}", "2026"]
    contexts = []
    for i in range(300):
        sentence = " ".join(rng.sample(words, 5)).capitalize() + "."
        published = None if rng.random() < 0.1 else f"2026-03-{rng.randrange(1, 32):02d}"
        date = rng.choice(dates)
        date = (
            date.format(rng.randrange(3, 10) if "W" in date or "-0{}" in date else rng.randrange(1, 32))
            if date
            else None
        )
        source = article(f"a{i}", sentence, rng.choice(["Herald", "Courier", None]), published)
        contexts.append(
            mention(
                source,
                sentence,
                sentence.split()[1],
                event=rng.choice(["REQUEST", "ACCUSE", "ASSAULT", "COERCE"]),
                actor=rng.choice([BRIGADE, None, "the 3rd Brigade"]),
                place=rng.choice([KESSEL, ORLEN, DONETSK_REGION, None]),
                date=date,
            )
        )
    fast, slow = EventLinker(), EveryPair()
    for start in range(0, len(contexts), 50):
        fast.add(contexts[start : start + 50])
        slow.add(contexts[start : start + 50])
    assert 60 < len(slow.events) < 240  # many mentions linked, many did not
    assert sum(len(e.merges) for e in slow.events.values()) > 5
    assert {e.id: (e.mentions, e.merges) for e in fast.events.values()} == {
        e.id: (e.mentions, e.merges) for e in slow.events.values()
    }


def test_a_dated_report_joins_an_event_known_only_from_an_undated_one() -> None:
    undated = mention(article("a1", APPEAL_A, "Kessel Herald", published=None), APPEAL_A, "appealed")
    dated = mention(article("b1", APPEAL_B, "Daily Courier"), APPEAL_B, "appealed", date="2026-03-01")
    linker = EventLinker()
    linker.add([undated])
    [event] = linker.add([dated])
    assert event.id == undated.mention.id
    assert event.mentions == [undated.mention.id, dated.mention.id]
