"""Store files as older schema versions wrote them, for the upgrade tests."""

import sqlite3
from pathlib import Path

from eventwire.store.schema import MIGRATIONS


def old_store(path: Path, version: int, stages: str) -> sqlite3.Connection:
    """A store file as schema *version* wrote it, holding article 'old' with *stages* done; the
    caller adds rows, commits and closes."""
    db = sqlite3.connect(path)
    db.executescript(
        "".join(m.render("sqlite") for m in MIGRATIONS[:version]) + f"PRAGMA user_version={version};"
    )
    db.execute(
        "INSERT INTO articles(id, source, fmt, text, raw_text, stages)"
        " VALUES ('old', 'o.txt', 'text', 'Old text.', 'Old text.', ?)",
        (stages,),
    )
    return db
