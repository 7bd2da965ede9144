"""Find attributions in a parsed document with the two trained linear models."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from eventwire.annotate.quotes.context import DocContext
from eventwire.annotate.quotes.features import ancestors_map, cue_features, role_features
from eventwire.annotate.quotes.spans import content_spans, cue_span, source_span, subject_source
from eventwire.linear import LinearModel, load_models
from eventwire.model import Span

MODEL_FILE = "model.json.gz"


@dataclass
class Found:
    """One attribution as spans, before speakers are resolved."""

    source: list[Span]
    cue: list[Span]
    content: list[Span]
    anchor: int  # token index of the cue's head
    direct: bool  # the content is mostly inside quotation marks


class QuoteTagger:
    """Cue anchors from one classifier, the role of each nearby token from another.

    Anchors are decoded strongest first. With *suppress*, one whose cue overlaps a kept cue
    is dropped; an anchor inside the content of a kept attribution needs its margin to clear
    the threshold by *nested_penalty* more (most such tokens are verbs of the quotation).
    With *subject_fallback*, an attribution whose role labels hold no source takes the
    subject of the clause its cue hangs from (``spans.subject_source``).
    """

    def __init__(
        self,
        cue: LinearModel,
        role: LinearModel,
        threshold: float = 0.0,
        profiles: dict[str, str] | None = None,
        suppress: bool = False,
        nested_penalty: float = 0.0,
        subject_fallback: bool = False,
    ) -> None:
        self.cue, self.role, self.threshold = cue, role, threshold
        self.profiles = profiles
        self.suppress = suppress
        self.nested_penalty = nested_penalty
        self.subject_fallback = subject_fallback

    @classmethod
    def load(cls, path: Path | None = None) -> QuoteTagger:
        """The shipped models (``data/quotes/model.json.gz``) or those at *path*."""
        if path is None:
            path = Path(str(resources.files("eventwire") / "data" / "quotes" / MODEL_FILE))
        models, meta = load_models(path)
        return cls(
            models["cue"],
            models["role"],
            float(meta.get("threshold", 0.0)),
            meta.get("profiles"),
            bool(meta.get("suppress", False)),
            float(meta.get("nested_penalty", 0.0)),
            bool(meta.get("subject_fallback", False)),
        )

    def anchors(self, ctx: DocContext) -> list[tuple[float, Token]]:
        """Tokens scored as heads of cues with their margin, strongest first."""
        found = []
        for token in ctx.doc:
            if token.is_space:
                continue
            no, yes = self.cue.scores(cue_features(token, ctx, self.profiles))
            if yes - no > self.threshold:
                found.append((yes - no, token))
        return sorted(found, key=lambda f: -f[0])

    def roles(self, anchor: Token, ctx: DocContext) -> tuple[int, list[str]]:
        """The window start and the role label of each token in the window."""
        start, end = ctx.window(anchor)
        up = ancestors_map(anchor)
        feats = [role_features(anchor, ctx.doc[i], ctx, up) for i in range(start, end)]
        return start, self.role.viterbi(feats, {anchor.i - start: "CUE"})

    def _fallback(self, anchor: Token) -> list[Span]:
        return subject_source(anchor) if self.subject_fallback else []

    def __call__(self, doc: Doc) -> list[Found]:
        ctx = DocContext.build(doc)
        found: list[Found] = []
        taken: set[int] = set()  # characters of the cues kept so far
        inside: set[int] = set()  # tokens of the contents kept so far
        for margin, anchor in self.anchors(ctx):
            if anchor.i in inside and margin - self.nested_penalty <= self.threshold:
                continue
            start, labels = self.roles(anchor, ctx)
            content = content_spans(doc, labels, start)
            cue = cue_span(doc, anchor.i, labels, start)
            chars = set(range(cue.start, cue.end))
            if not content or (self.suppress and chars & taken):
                continue
            taken |= chars
            inside.update(start + k for k, lab in enumerate(labels) if lab == "CONTENT")
            quoted = [ctx.quote[start + k] >= 0 for k, lab in enumerate(labels) if lab == "CONTENT"]
            found.append(
                Found(
                    source=source_span(doc, anchor.i, labels, start) or self._fallback(anchor),
                    cue=[cue],
                    content=content,
                    anchor=anchor.i,
                    direct=2 * sum(quoted) >= len(quoted),
                )
            )
        return sorted(found, key=lambda f: f.anchor)


@cache
def default_tagger() -> QuoteTagger:
    """The shipped tagger, loaded once."""
    return QuoteTagger.load()
