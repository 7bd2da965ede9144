"""The store's schema as an ordered list of migrations; version N is ``MIGRATIONS[:N]``."""

MIGRATIONS: list[str] = [
    # 1: articles, full-text index, rejects, runs and their per-stage timings.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        fmt TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        published_source TEXT,
        published_precision TEXT,
        outlet TEXT,
        language TEXT,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        stages TEXT NOT NULL DEFAULT '',
        run_id INTEGER,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'running',
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        finished_at TEXT,
        counts TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE run_stages (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        stage TEXT NOT NULL,
        seconds REAL NOT NULL,
        items INTEGER NOT NULL,
        PRIMARY KEY (run_id, stage)
    );
    CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX rejects_run ON rejects(run_id);
    """,
    # 2: annotations, each with its evidence offsets into articles.text.
    """
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT, chain INTEGER
    );
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, value TEXT NOT NULL, precision TEXT
    );
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER,
        country TEXT, admin1 TEXT, feature_class TEXT, precision TEXT NOT NULL
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL, cue TEXT NOT NULL, content TEXT NOT NULL,
        speaker TEXT, speaker_text TEXT, direct INTEGER NOT NULL,
        certainty TEXT NOT NULL, chain TEXT NOT NULL
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX times_article ON times(article_id);
    CREATE INDEX places_article ON places(article_id);
    CREATE INDEX quotes_article ON quotes(article_id);
    """,
    # 3: events (EventMention): evidence spans as integer pairs, nested records as JSON, and
    # index columns for the filters by article, type, date range, place, certainty, ACLED code.
    """
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL UNIQUE, event TEXT NOT NULL,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        mode TEXT NOT NULL, context TEXT NOT NULL, aux TEXT, aux_span TEXT,
        actor TEXT NOT NULL, recipient TEXT NOT NULL, location TEXT, date TEXT, size TEXT NOT NULL,
        claimant TEXT, certainty TEXT NOT NULL, certainty_span TEXT, acled TEXT,
        confidence REAL NOT NULL,
        date_start TEXT, date_end TEXT, geonameid INTEGER, country TEXT, acled_code TEXT
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type_date ON events(event, date_start);
    CREATE INDEX events_date ON events(date_start, date_end);
    CREATE INDEX events_place ON events(geonameid, date_start);
    CREATE INDEX events_country ON events(country, date_start);
    CREATE INDEX events_certainty ON events(certainty, date_start);
    CREATE INDEX events_acled ON events(acled_code, date_start);
    """,
    # 4: linking. Per linked article: its MinHash signature (uint32 little-endian), its term
    # bag (JSON, to rebuild IDF and story vectors within a time window), its publication day
    # (NULL when undated: the window then uses the day it was linked), the canonical article it
    # is a near-duplicate copy of, and its story (a story
    # of one canonical article is "unclustered"). Stories keep the id and title of their first
    # article; every merge of two stories is recorded.
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_date TEXT,
        last_date TEXT,
        run_id INTEGER NOT NULL REFERENCES runs(id)
    );
    CREATE TABLE links (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL,
        terms TEXT NOT NULL,
        day TEXT,
        linked_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d', 'now')),
        duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
        story_id TEXT NOT NULL REFERENCES stories(id),
        run_id INTEGER NOT NULL REFERENCES runs(id)
    );
    CREATE INDEX links_day ON links(coalesce(day, linked_on));
    CREATE INDEX links_story ON links(story_id);
    CREATE INDEX links_duplicate ON links(duplicate_of);
    CREATE TABLE story_merges (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        kept TEXT NOT NULL,
        absorbed TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    """,
    # 5: event coreference. A real-world event (``linked_events``) keeps the id of its first
    # mention, its PLOVER type, its independent sources and outlets (JSON list); each stored
    # EventMention id maps to its event (``event_mentions``, in joining order); every merge of
    # two events is recorded once (``event_merges``: the kept event, the absorbed one, the score
    # and signals of the linking pair, the run).
    """
    CREATE TABLE linked_events (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        sources INTEGER NOT NULL,
        outlets TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs(id)
    );
    CREATE TABLE event_mentions (
        mention_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES linked_events(id),
        position INTEGER NOT NULL
    );
    CREATE INDEX event_mentions_event ON event_mentions(event_id, position);
    CREATE TABLE event_merges (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        kept TEXT NOT NULL,
        absorbed TEXT NOT NULL UNIQUE,
        score REAL NOT NULL,
        reason TEXT NOT NULL
    );
    """,
    # 6: queries of the API. ``rep`` marks the row of an event's first mention (the row that
    # represents a real-world event, as the events export lists them): triggers keep it in step
    # with ``event_mentions``, also when a first mention is deleted (its other mentions then stand
    # alone, as in ``linked_events``). Generated columns expose the sort day (undated events
    # last), the class of the date's length (0: a day, 1: up to a week, 2: a month, 3: a quarter,
    # 4: a half-year, 5: a year; each class bounds how long before a range an overlapping event
    # can start), the place name (lower case) and coordinates to indexes; ``events_fts`` indexes
    # each event's evidence sentence for full-text search; articles are listed newest first.
    """
    ALTER TABLE events ADD COLUMN rep INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE events ADD COLUMN sort_day TEXT
        GENERATED ALWAYS AS (coalesce(date_start, '9999-12-31')) VIRTUAL;
    ALTER TABLE events ADD COLUMN span_class INTEGER GENERATED ALWAYS AS (CASE
        WHEN date_end IS NULL THEN NULL WHEN date_end = date_start THEN 0
        WHEN julianday(date_end) - julianday(date_start) <= 6 THEN 1
        WHEN julianday(date_end) - julianday(date_start) <= 30 THEN 2
        WHEN julianday(date_end) - julianday(date_start) <= 91 THEN 3
        WHEN julianday(date_end) - julianday(date_start) <= 183 THEN 4 ELSE 5 END) VIRTUAL;
    ALTER TABLE events ADD COLUMN place TEXT
        GENERATED ALWAYS AS (lower(json_extract(location, '$.name'))) VIRTUAL;
    ALTER TABLE events ADD COLUMN lat REAL GENERATED ALWAYS AS (json_extract(location, '$.lat')) VIRTUAL;
    ALTER TABLE events ADD COLUMN lon REAL GENERATED ALWAYS AS (json_extract(location, '$.lon')) VIRTUAL;
    UPDATE events SET rep = 0 WHERE EXISTS (
        SELECT 1 FROM event_mentions m WHERE m.mention_id = events.id AND m.event_id <> events.id
        AND EXISTS (SELECT 1 FROM events f WHERE f.id = m.event_id));
    CREATE INDEX events_rep_span ON events(span_class, sort_day, id, date_end, lat, lon, certainty)
        WHERE rep = 1;
    CREATE INDEX events_rep_type ON events(event, span_class, sort_day, id, date_end, lat, lon, certainty)
        WHERE rep = 1;
    CREATE INDEX events_rep_place ON events(place, sort_day, id) WHERE rep = 1;
    CREATE INDEX articles_published ON articles(coalesce(published, ''), id);
    CREATE TRIGGER events_rep_ai AFTER INSERT ON events BEGIN
        UPDATE events SET rep = 0 WHERE rowid = new.rowid AND EXISTS (
            SELECT 1 FROM event_mentions m WHERE m.mention_id = new.id AND m.event_id <> new.id
            AND EXISTS (SELECT 1 FROM events f WHERE f.id = m.event_id));
        UPDATE events SET rep = 0 WHERE id IN (
            SELECT mention_id FROM event_mentions WHERE event_id = new.id AND mention_id <> new.id);
    END;
    CREATE TRIGGER events_rep_ad AFTER DELETE ON events BEGIN
        UPDATE events SET rep = 1 WHERE id IN (SELECT mention_id FROM event_mentions WHERE event_id = old.id);
    END;
    CREATE TRIGGER event_mentions_ai AFTER INSERT ON event_mentions BEGIN
        UPDATE events SET rep = (new.event_id = new.mention_id
            OR NOT EXISTS (SELECT 1 FROM events f WHERE f.id = new.event_id)) WHERE id = new.mention_id;
    END;
    CREATE TRIGGER event_mentions_au AFTER UPDATE OF event_id ON event_mentions BEGIN
        UPDATE events SET rep = (new.event_id = new.mention_id
            OR NOT EXISTS (SELECT 1 FROM events f WHERE f.id = new.event_id)) WHERE id = new.mention_id;
    END;
    CREATE VIRTUAL TABLE events_fts USING fts5(sentence, tokenize='unicode61');
    INSERT INTO events_fts(rowid, sentence) SELECT e.rowid,
        substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
        FROM events e JOIN articles a ON a.id = e.article_id;
    CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, sentence) SELECT new.rowid,
            substr(text, new.sentence_start + 1, new.sentence_end - new.sentence_start)
            FROM articles WHERE id = new.article_id;
    END;
    CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid;
    END;
    """,
    # 7: story splits. A story whose members no longer hold together (after later articles
    # changed the IDF) loses some of them to a new story; every split is recorded with the new
    # story, the members it took (JSON list) and their mean cosine to the members kept.
    """
    CREATE TABLE story_splits (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        kept TEXT NOT NULL,
        created TEXT NOT NULL,
        similarity REAL NOT NULL,
        members TEXT NOT NULL
    );
    """,
]

# Annotation table of each Annotations field (store/codec.py turns records into their rows).
ANNOTATION_TABLES = ("entities", "times", "places", "quotes", "events")
