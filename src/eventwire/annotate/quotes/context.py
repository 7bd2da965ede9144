"""Per-document facts the quote features share: quotation regions and attribution windows."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

# “…”, «…» pair up; a straight " or a doubled '' (the NYT convention) toggles.
_QUOTE_MARK = re.compile(r"[“”«»\"]|''")
_OPENERS = {"“", "«"}
_CLOSERS = {"”", "»"}
_PARAGRAPH = re.compile(r"\n\s*\n")
MAX_WINDOW = 200  # tokens


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages, marks included; a quote left open ends its paragraph."""
    regions: list[tuple[int, int]] = []
    bounds = [0, *(m.end() for m in _PARAGRAPH.finditer(text)), len(text)]
    for par_start, par_end in itertools.pairwise(bounds):
        open_at: int | None = None
        for m in _QUOTE_MARK.finditer(text, par_start, par_end):
            mark = m.group()
            closes = mark in _CLOSERS or (mark not in _OPENERS and open_at is not None)
            if closes and open_at is not None:
                regions.append((open_at, m.end()))
                open_at = None
            elif not closes:
                open_at = m.start()
        if open_at is not None:
            regions.append((open_at, par_end))
    return regions


@dataclass
class DocContext:
    """A parsed document with each token's quote region (-1 outside quotes) and sentence."""

    doc: Doc
    quote: list[int]
    regions: list[tuple[int, int]]  # token ranges [start, end) of each quote region
    sents: list[tuple[int, int]]  # token range [start, end) of each token's sentence

    @classmethod
    def build(cls, doc: Doc) -> DocContext:
        quote = [-1] * len(doc)
        regions: list[tuple[int, int]] = []
        for start, end in quote_regions(doc.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for i in range(span.start, span.end):
                quote[i] = len(regions)
            regions.append((span.start, span.end))
        sents: list[tuple[int, int]] = []
        for sent in doc.sents:
            sents.extend([(sent.start, sent.end)] * len(sent))
        return cls(doc, quote, regions, sents)

    def window(self, anchor: Token) -> tuple[int, int]:
        """Token range where an attribution anchored at *anchor* may lie.

        The anchor's sentence, widened to whole quotations that cross it, and to the next
        sentence when the sentence ends in a colon.
        """
        doc = self.doc
        start, end = self.sents[anchor.i]
        last = next((doc[i] for i in range(end - 1, start - 1, -1) if not doc[i].is_space), None)
        if last is not None and last.text == ":" and end < len(doc):
            end = self.sents[end][1]
        start, end = self._widen(start, end)
        return max(start, anchor.i - MAX_WINDOW // 2), min(end, anchor.i + MAX_WINDOW // 2)

    def _widen(self, start: int, end: int) -> tuple[int, int]:
        for r_start, r_end in self.regions:
            if r_start < end and r_end > start:
                start, end = min(start, r_start), max(end, r_end)
        return start, end
