"""The report's timeline: bucket unit by span, stacked counts, undated events left out."""

from __future__ import annotations

from eventwire.web import chart

COLORS = {"ASSAULT": "#d62728", "PROTEST": "#1f77b4"}


def test_days_are_stacked_by_type_and_undated_events_left_out() -> None:
    drawn = chart.timeline(
        [("2023-03-07", "ASSAULT"), ("2023-03-07", "PROTEST"), ("2023-03-09", "ASSAULT"), (None, "ASSAULT")],
        COLORS,
    )
    assert drawn is not None and drawn.unit == "day" and drawn.top == 2
    assert [b.title for b in drawn.bars] == [
        "2023-03-07 (day): ASSAULT 1",
        "2023-03-07 (day): PROTEST 1",
        "2023-03-09 (day): ASSAULT 1",
    ]
    first, second, third = drawn.bars
    assert first.x == second.x < third.x and second.y + second.height == first.y  # stacked
    assert chart.timeline([(None, "ASSAULT"), ("XXXX-09-08", "ASSAULT")], COLORS) is None


def test_long_spans_use_weeks_then_months() -> None:
    assert chart.timeline([("2023-01-02", "ASSAULT"), ("2023-06-01", "ASSAULT")], COLORS).unit == "week"
    months = chart.timeline([("2021-01-15", "ASSAULT"), ("2023-06", "PROTEST")], COLORS)
    assert months.unit == "month" and months.ticks[0].label == "2021-01"
    assert months.bars[-1].title == "2023-06 (month): PROTEST 1"
