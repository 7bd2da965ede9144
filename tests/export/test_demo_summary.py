"""The demo's summary shows what the store holds, events included."""

from eventwire.demo import summary


def test_summary_counts_events_and_lists_located_events_that_happened(store):
    text = summary(store, "x.db")
    assert "4 events." in text
    assert "Events by type: MOBILIZE (2), ASSAULT (1), ACCUSE (1)" in text
    assert "  ASSAULT explosives at Horlivka, 2023-03-17" in text
    assert "  MOBILIZE conscription at Kursk Oblast, 2022-10" in text
    assert "hypothetical" not in text and "2023\n" not in text  # the rumoured call-up is not listed
    assert "export events --db x.db --format geojson" in text
