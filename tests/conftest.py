"""Shared fixtures: small messy inputs written for these tests."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from eventwire.resources import Resources


def pytest_configure(config: pytest.Config) -> None:
    """Keep the user's own gazetteer (under $XDG_DATA_HOME) out of the tests' reach."""
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="eventwire-tests-")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline every stage shares, loaded once for the whole test session."""
    return Resources().nlp


ARTICLE_A = """date 2023-02-14 Mobilised soldiers from the Tver region recorded a video appeal on Tuesday, complaining that they had been sent forward without artillery support. One of them said the unit had lost half of its men near Bakhmut.

"We were promised training and got nothing," he said in the video, which could not be independently verified.
JOIN US ON TELEGRAM
The regional governor did not respond to a request for comment.
"""

ARTICLE_B = """1676368800 Eight deserters caught on the road to

Eight deserters caught on the road to Kaliningrad

Eight mobilised soldiers who left their positions in the Luhansk region were detained on the road home, a regional newspaper reported on Monday.
They face up to ten years in prison for desertion, according to the report.
Read More
"""

ARTICLE_C_RECORDS = [
    {"title": "Wives protest in Orenburg", "text": "About forty wives and mothers of mobilised men gathered outside the Orenburg administration on Saturday, demanding that their husbands be brought home.", "url": "https://wire.example.org/2023/02/11/orenburg", "date": "2023-02-11", "outlet": "Example Wire"},
    {"title": "Shooting at a training ground", "text": "Two volunteers opened fire at a training ground in the Belgorod region, killing eleven people, the defence ministry said on Sunday.", "date": "2023-02-12"},
]  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with two text dumps and a JSONL file (four good articles)."""
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "nested" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "c.jsonl").write_text("\n".join(json.dumps(r) for r in ARTICLE_C_RECORDS), encoding="utf-8")
    return folder


@pytest.fixture
def bad_inputs(corpus: Path) -> Path:
    """The corpus plus a binary, an empty, an oversized, a cp1251 file and a truncated JSONL line."""
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "huge.txt").write_bytes(b"lorem ipsum dolor sit amet " * 120_000)  # over the 2 MB default
    russian = "Мобилизованные солдаты из Ярославской области записали обращение к президенту. " * 3
    (corpus / "ru.txt").write_bytes(russian.encode("cp1251"))
    good = json.dumps(
        {
            "title": "Draft office fire",
            "text": "Unknown people set fire to a military enlistment office in Nizhny Novgorod overnight, police said.",
        }
    )
    (corpus / "broken.jsonl").write_text(good + '\n{"title": "cut', encoding="utf-8")  # fmt: skip
    return corpus
