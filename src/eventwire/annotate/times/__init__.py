"""Time expressions: find them and normalise them TIMEX3-style (rules, normaliser, anchoring)."""

from eventwire.annotate.times.tagger import tag_times

__all__ = ["tag_times"]
