"""The archive's SQL schema as ordered migrations, each applied once and recorded.

Never edit a migration that has shipped: add a new one at the end of MIGRATIONS.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

V1_CORE = """
CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    incident_start TEXT NOT NULL,
    incident_end TEXT,
    severity TEXT NOT NULL,
    services TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '',
    facilitator TEXT,
    facilitator_override TEXT,
    status TEXT NOT NULL,
    meeting_at TEXT,
    planning_at TEXT
);
CREATE TABLE participants (
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    responded INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (review_id, name)
);
CREATE TABLE contributions (
    id TEXT PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    participant TEXT NOT NULL,
    phase TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    event_time TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    links_to TEXT REFERENCES contributions(id),
    private INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (review_id, participant) REFERENCES participants(review_id, name)
);
CREATE INDEX contributions_by_review ON contributions(review_id);
CREATE TABLE repair_plans (
    item_id TEXT PRIMARY KEY REFERENCES contributions(id) ON DELETE CASCADE,
    effort TEXT,
    impact TEXT,
    owner TEXT,
    due TEXT,
    status TEXT NOT NULL,
    merged_into TEXT REFERENCES contributions(id),
    note TEXT NOT NULL DEFAULT '',
    planned_at TEXT
);
"""

V2_EMBEDDINGS = """
CREATE TABLE embeddings (
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
"""

V3_PLANNING_OVERRIDE = """
ALTER TABLE reviews ADD COLUMN planning_override TEXT;
"""

V4_AGENDA = """
CREATE TABLE agenda_items (
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    contribution_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (review_id, position)
);
"""

V5_REPAIR_ITEM_THEMES = """
CREATE TABLE repair_item_themes (
    item_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    theme_label TEXT NOT NULL,
    confirmed_by TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (item_id, theme_label)
);
"""

V6_IMPORT_UNKNOWNS = """
ALTER TABLE reviews ADD COLUMN incident_date TEXT;
ALTER TABLE reviews ADD COLUMN document_date TEXT;
ALTER TABLE contributions ADD COLUMN time_text TEXT;
CREATE TABLE import_notes (
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    line INTEGER,
    text TEXT NOT NULL,
    PRIMARY KEY (review_id, position)
);
UPDATE reviews SET incident_date = substr(incident_start, 1, 10) WHERE incident_start IS NOT NULL
"""


def _import_unknowns(conn: sqlite3.Connection) -> None:
    """What a written postmortem may not know: an exact start, a severity, an event's time.

    SQLite cannot drop a NOT NULL constraint with ALTER TABLE, and rebuilding `reviews` would
    cascade-delete every roster and contribution; so the stored table definition is edited in place,
    the documented way for removing NOT NULL constraints (sqlite.org/lang_altertable.html, "making
    other kinds of table schema changes"). It works whatever columns later migrations added.
    """
    _script(V6_IMPORT_UNKNOWNS)(conn)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").fetchone()
    relaxed = sql.replace("incident_start TEXT NOT NULL", "incident_start TEXT").replace(
        "severity TEXT NOT NULL", "severity TEXT")
    if relaxed != sql:
        (version,) = conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'reviews'", (relaxed,))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            msg = f"schema change left the archive inconsistent: {problems[:3]}"
            raise sqlite3.DatabaseError(msg)


V7_REVISIONS = """
ALTER TABLE contributions ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
CREATE TABLE contribution_revisions (
    seq INTEGER PRIMARY KEY,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    made_by TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    old_participant TEXT,
    old_kind TEXT,
    old_text TEXT,
    old_event_time TEXT
);
CREATE INDEX contribution_revisions_by_contribution ON contribution_revisions(contribution_id, seq);
"""

V8_MEETING_LOG = """
ALTER TABLE reviews ADD COLUMN timezone TEXT;
ALTER TABLE reviews ADD COLUMN meeting_ended_at TEXT;
CREATE TABLE meeting_events (
    seq INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    made_by TEXT,
    note TEXT NOT NULL DEFAULT '',
    topic TEXT
);
CREATE INDEX meeting_events_by_review ON meeting_events(review_id, seq);
"""

V10_THEME_CATALOGUE = """
CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    side TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    name TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    merged_into TEXT REFERENCES themes(id),
    curated INTEGER NOT NULL DEFAULT 0,
    n_reviews INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE theme_members (
    contribution_id TEXT PRIMARY KEY,
    theme_id TEXT NOT NULL REFERENCES themes(id),
    text_hash TEXT NOT NULL,
    since TEXT NOT NULL
);
CREATE INDEX theme_members_by_theme ON theme_members(theme_id);
CREATE TABLE theme_pins (
    contribution_id TEXT PRIMARY KEY,
    theme_id TEXT REFERENCES themes(id),
    made_by TEXT,
    at TEXT NOT NULL
);
CREATE TABLE theme_decisions (
    seq INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    theme_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    made_by TEXT,
    at TEXT NOT NULL
);
CREATE TABLE catalogue_updates (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    contributions INTEGER NOT NULL,
    kept INTEGER NOT NULL,
    joined INTEGER NOT NULL,
    moved INTEGER NOT NULL,
    left_out INTEGER NOT NULL,
    new_themes INTEGER NOT NULL
);
ALTER TABLE repair_item_themes ADD COLUMN theme_id TEXT
"""
"""The theme catalogue: themes with stable ids, their members, the analyst's pins and every decision
(who, when). Contribution ids carry no foreign key: re-importing a review replaces its contributions,
and the next update of the catalogue drops members that are gone. Confirmed repair-item themes gain a
theme id; links made before it keep their label until the first update resolves it (never dropped)."""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return apply


_STRAY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FREE_TEXT = (("reviews", "id", ("title", "summary", "facilitator_override", "planning_override")),
              ("contributions", "id", ("text",)), ("repair_plans", "item_id", ("note",)),
              ("agenda_items", "rowid", ("title",)))


def _clean_free_text(conn: sqlite3.Connection) -> None:
    """Earlier versions stored control characters the model now refuses; each becomes U+FFFD, visibly,
    so that every review stays readable (names and ids are keys, and held no such characters)."""
    for table, key, columns in _FREE_TEXT:
        for row in conn.execute(f"SELECT {key}, {', '.join(columns)} FROM {table}").fetchall():
            values = [_STRAY.sub("\ufffd", v) if isinstance(v, str) else v for v in row[1:]]
            if values != list(row[1:]):
                sets = ", ".join(f"{c} = ?" for c in columns)
                conn.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", (*values, row[0]))


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "reviews, participants, contributions, repair plans", _script(V1_CORE)),
    (2, "embedding cache by model and text hash", _script(V2_EMBEDDINGS)),
    (3, "reason recorded when planning skips the soak time", _script(V3_PLANNING_OVERRIDE)),
    (4, "the meeting agenda a facilitator picks from the interviews", _script(V4_AGENDA)),
    (5, "recurring themes a person confirmed a repair item addresses", _script(V5_REPAIR_ITEM_THEMES)),
    (6, "unknowns of imported postmortems (start day, document date, severity, raw event times) and import notes",
     _import_unknowns),
    (7, "control characters in stored text, refused since, shown as U+FFFD", _clean_free_text),
    (8, "corrections and withdrawals of contributions, kept with who and when", _script(V7_REVISIONS)),
    (9, "the meeting log (start, pauses, end, reopening, open topic) and the review's time zone",
     _script(V8_MEETING_LOG)),
    (10, "the theme catalogue: stable theme ids, members, pins, curation decisions; repair links by theme id",
     _script(V10_THEME_CATALOGUE)),
]
LATEST = MIGRATIONS[-1][0]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet recorded, in order, each in its own transaction."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    done = {row[0] for row in conn.execute("SELECT version FROM schema_version")}
    applied = []
    for version, name, apply in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while we waited for the lock
            if conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,)).fetchone():
                conn.execute("COMMIT")
                continue
            apply(conn)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, datetime('now'))", (version, name))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite has already rolled back after some errors (a full disk)
                conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
