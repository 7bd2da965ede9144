"""The bundled sample corpus and the summary the demo prints."""

from __future__ import annotations

from collections import Counter

from eventwire import datafiles
from eventwire.store import Store

SAMPLES = datafiles.path("samples")


def sample_paths() -> list[str]:
    """The bundled sample articles (every file of the samples folder but its README)."""
    return sorted(str(p) for p in SAMPLES.iterdir() if p.is_file() and p.name != "README.md")


def summary(store: Store, db: str) -> str:
    """A short account of what the store holds, and commands to try next."""
    counts = store.counts()
    lines = [
        "",
        f"Store {db}: {counts['articles']} articles, {counts['entities']} entities, "
        f"{counts['times']} time expressions, {counts['places']} places, {counts['quotes']} quotes, "
        f"{counts['events']} events.",
        "",
    ]
    for article in list(store.articles())[:5]:
        date = article.published or "date unknown"
        lines.append(
            f"  {article.id}  {date:<12} {article.outlet or '-':<16} {article.title or '(no title)'}"
        )
    places = Counter(p.name for _, p in store.annotations("places"))
    if places:
        lines += ["", "Most mentioned places: " + ", ".join(f"{n} ({c})" for n, c in places.most_common(6))]
    resolved = [t for _, t in store.annotations("times") if t.precision == "day" and t.value[:1].isdigit()]
    if resolved:
        lines.append("Dates resolved: " + "; ".join(f'"{t.text}" → {t.value}' for t in resolved[:3]))
    lines += _events(store)
    lines.append("Claims that are not plain assertions:")
    texts = {a.id: a.text for a in store.articles()}
    hedged = [(i, q) for i, q in store.annotations("quotes") if q.speaker and q.certainty != "asserted"]
    for article_id, quote in hedged[:3]:
        content = " ".join(s.text(texts[article_id]) for s in quote.content)
        lines.append(f"  [{quote.certainty}] {quote.speaker}: {content[:90]}")
    lines += [
        "",
        "Try next:",
        f"  eventwire search --db {db} 'deserters OR desertion'",
        f"  eventwire export places --db {db} --format csv -o places.csv",
        f"  eventwire export quotes --db {db}",
        f"  eventwire export events --db {db} --format geojson -o events.geojson",
        f"  eventwire stats --db {db}",
        "  eventwire run YOUR_FOLDER --db mine.db",
    ]
    return "\n".join(lines)


def _events(store: Store) -> list[str]:
    """Event counts by type, and a few located events that happened."""
    events = [e for _, e in store.annotations("events")]
    if not events:
        return []
    types = Counter(e.event for e in events).most_common(6)
    lines = ["Events by type: " + ", ".join(f"{t} ({c})" for t, c in types)]
    located = [(e, e.location) for e in events if e.location and e.aux is None]
    for event, where in located[:3]:
        when = event.date.value if event.date else "date unknown"
        lines.append(f"  {' '.join([event.event, *event.mode])} at {where.name}, {when}")
    return lines
