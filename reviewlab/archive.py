"""The review archive: a SQLite file (WAL, foreign keys on) behind a small API of model objects.

Every write is committed before the call returns, so a kernel killed right after a button press
loses nothing. Several processes may write at once: writers wait their turn (busy timeout plus a
retry) instead of surfacing "database is locked".

Examples:
    >>> from reviewlab import open_archive
    >>> with open_archive(":memory:") as archive:
    ...     len(archive.reviews())
    0
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlab.bundle import EventTimeWarning, ReviewBundle, event_warning, load_bundle
from reviewlab.errors import ArchiveError, DuplicateError, NotFound, ReviewNotFound, ValidationError
from reviewlab.model import AgendaItem, Contribution, Participant, RepairPlan, Review, ThemeLink, new_id, utcnow
from reviewlab.schema import migrate

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

BUSY_TIMEOUT_S = 60.0
FRAME_COLUMNS = [
    "contribution_id", "review_id", "review_title", "participant", "role", "responded", "kind", "phase",
    "text", "recorded_at", "event_time", "links_to", "private", "tags", "services", "severity",
    "incident_start", "incident_end", "review_status",
]


def open_archive(path_or_url: str | Path | None = None) -> Archive:
    """Open (and create or migrate) an archive.

    Arguments:
        path_or_url: a file path, ``sqlite:///path/to/file.db``, or ``":memory:"``; by default
            ``$REVIEWLAB_ARCHIVE``, else ``reviews.db`` in the current folder.

    Raises:
        ArchiveError: for a server URL (not supported yet) or a file that is not an archive.
    """
    if path_or_url is None:
        from reviewlab.config import default_archive

        path_or_url = default_archive()
    text = str(path_or_url)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):] or ":memory:"
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        msg = (f"archive URL scheme {scheme!r} is not supported yet; use a file path or sqlite:///path "
               "(a server database can come later without changing callers)")
        raise ArchiveError(msg)
    return Archive(text)


def _t(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class Archive:
    """One archive file. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                msg = f"cannot open archive {self.path}: folder {parent} does not exist"
                raise ArchiveError(msg)
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._retry(lambda: self._conn.execute("PRAGMA journal_mode = WAL"))
            # FULL: a commit is on disk (not only in the OS cache) when the call returns
            self._conn.execute("PRAGMA synchronous = FULL")
            self._retry(lambda: migrate(self._conn))
        except sqlite3.DatabaseError as err:
            msg = f"cannot open archive {self.path}: {err}"
            raise ArchiveError(msg) from err

    # -- plumbing -----------------------------------------------------------------------------
    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Archive({self.path!r})"

    def close(self) -> None:
        """Close the connection (everything is already committed)."""
        self._conn.close()

    @staticmethod
    def _retry(fn: Any, attempts: int = 20) -> Any:
        for attempt in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return None  # pragma: no cover

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is committed on exit, or none of it on error."""
        with self._lock:
            self._retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._retry(lambda: self._conn.execute("COMMIT"))

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self._conn.execute(sql, tuple(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    # -- reviews ------------------------------------------------------------------------------
    def add_review(self, review: Review, participants: Iterable[Participant] = ()) -> Review:
        """Store a new review with its roster; raise DuplicateError if the id is taken."""
        bundle = ReviewBundle(review, list(participants))
        with self.atomic() as conn:
            if conn.execute("SELECT 1 FROM reviews WHERE id = ?", (review.id,)).fetchone():
                msg = f"review {review.id!r} already exists in {self.path}; choose another id or open it"
                raise DuplicateError(msg)
            bundle.check()
            self._insert_bundle(conn, bundle)
        return review

    def update_review(self, review_id: str, **changes: Any) -> Review:
        """Change fields of a review (e.g. status, meeting_at); returns the updated review."""
        old = self.get_review(review_id)
        if "id" in changes:
            msg = "a review's id cannot change; export it and import under a new id instead"
            raise ValidationError(msg)
        new = replace(old, **changes)
        if new.facilitator and new.facilitator not in {p.name for p in self.participants(review_id)}:
            msg = f"facilitator {new.facilitator!r} is not on the roster of review {review_id}; add them first"
            raise ValidationError(msg)
        with self.atomic() as conn:
            conn.execute(
                "UPDATE reviews SET title=?, incident_start=?, incident_end=?, severity=?, services=?, summary=?,"
                " facilitator=?, facilitator_override=?, status=?, meeting_at=?, planning_at=?, planning_override=?"
                " WHERE id=?", (*self._review_values(new)[1:], review_id))
        return new

    def get_review(self, review_id: str) -> Review:
        """The review with this id, or ReviewNotFound listing the ids there are."""
        rows = self._rows("SELECT * FROM reviews WHERE id = ?", (review_id,))
        if not rows:
            known = [r["id"] for r in self._rows("SELECT id FROM reviews ORDER BY incident_start DESC LIMIT 5")]
            hint = f" Recent ids: {', '.join(known)}." if known else " The archive is empty."
            msg = f"no review {review_id!r} in {self.path}.{hint} Try: reviewlab list"
            raise ReviewNotFound(msg)
        return self._review(rows[0])

    def reviews(self) -> list[Review]:
        """All reviews, oldest incident first."""
        return [self._review(r) for r in self._rows("SELECT * FROM reviews ORDER BY incident_start, id")]

    def delete_review(self, review_id: str) -> None:
        """Remove a review and everything said in it."""
        self.get_review(review_id)
        with self.atomic() as conn:
            self._delete_in(conn, review_id)

    @staticmethod
    def _review_values(r: Review) -> tuple[Any, ...]:
        return (r.id, r.title, _t(r.incident_start), _t(r.incident_end), r.severity.value, json.dumps(list(r.services)),
                r.summary, r.facilitator, r.facilitator_override, r.status.value, _t(r.meeting_at),
                _t(r.planning_at), r.planning_override)

    @staticmethod
    def _review(row: dict[str, Any]) -> Review:
        return Review(**{**row, "services": tuple(json.loads(row["services"]))})

    # -- participants -------------------------------------------------------------------------
    def add_participant(self, review_id: str, participant: Participant) -> Participant:
        """Add a person to a review's roster; names are unique within a review."""
        self.get_review(review_id)
        with self.atomic() as conn:
            if conn.execute("SELECT 1 FROM participants WHERE review_id=? AND name=?",
                            (review_id, participant.name)).fetchone():
                msg = f"{participant.name!r} is already on the roster of review {review_id}; names must be unique"
                raise DuplicateError(msg)
            seq = conn.execute("SELECT COUNT(*) FROM participants WHERE review_id=?", (review_id,)).fetchone()[0]
            conn.execute("INSERT INTO participants VALUES (?, ?, ?, ?, ?)",
                         (review_id, participant.name, participant.role.value, int(participant.responded), seq))
        return participant

    def participants(self, review_id: str) -> list[Participant]:
        """The roster of a review, in the order people were added."""
        rows = self._rows("SELECT name, role, responded FROM participants WHERE review_id=? ORDER BY seq", (review_id,))
        return [Participant(**r) for r in rows]

    # -- contributions ------------------------------------------------------------------------
    def add_contribution(self, review_id: str, participant: str, kind: str, text: str, *,
                         phase: str = "meeting", event_time: datetime | str | None = None,
                         tags: Iterable[str] = (), links_to: str | None = None, private: bool = False,
                         recorded_at: datetime | None = None, id: str | None = None) -> Contribution:
        """Record one contribution; it is on disk when this returns.

        Raises:
            ValidationError: bad kind, phase, text or time, or a participant not on the roster.
            ReviewNotFound: no such review.

        Examples:
            >>> from reviewlab import open_archive
            >>> from reviewlab.model import Review, Participant
            >>> a = open_archive(":memory:")
            >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
            >>> a.add_contribution("r1", "Ana", "observation", "The queue stalled.").kind.value
            'observation'
        """
        c = Contribution(id=id or new_id(f"{review_id}-c"), review_id=review_id, participant=participant,
                         kind=kind, text=text, phase=phase, event_time=event_time, tags=tuple(tags),
                         links_to=links_to, private=private, recorded_at=recorded_at or utcnow())
        review = self.get_review(review_id)
        roster = {p.name for p in self.participants(review_id)}
        if c.participant not in roster:
            msg = (f"{c.participant!r} is not on the roster of review {review_id}; add them first "
                   f"(roster: {', '.join(sorted(roster)) or 'empty'})")
            raise ValidationError(msg)
        if links_to is not None:
            found = self._rows("SELECT review_id FROM contributions WHERE id=?", (links_to,))
            if not found or found[0]["review_id"] != review_id:
                msg = f"links_to {links_to!r} is not a contribution of review {review_id}"
                raise ValidationError(msg)
        if c.outside_window(review):
            import warnings

            warnings.warn(event_warning(c, review), EventTimeWarning, stacklevel=2)
        with self.atomic() as conn:
            try:
                self._insert_contribution(conn, c)
            except sqlite3.IntegrityError as err:
                msg = f"contribution id {c.id!r} already exists"
                raise DuplicateError(msg) from err
        return c

    def contributions(self, review_id: str | None = None, *, phase: str | None = None,
                      kind: str | None = None) -> list[Contribution]:
        """Contributions, optionally of one review, phase or kind, in recorded order."""
        sql, params = "SELECT * FROM contributions WHERE 1=1", []
        for column, value in (("review_id", review_id), ("phase", phase), ("kind", kind)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(str(value))
        return [self._contribution(r) for r in self._rows(sql + " ORDER BY rowid", params)]

    def get_contribution(self, contribution_id: str) -> Contribution:
        """One contribution by id."""
        rows = self._rows("SELECT * FROM contributions WHERE id=?", (contribution_id,))
        if not rows:
            msg = f"no contribution {contribution_id!r} in {self.path}"
            raise NotFound(msg)
        return self._contribution(rows[0])

    @staticmethod
    def _contribution(row: dict[str, Any]) -> Contribution:
        return Contribution(**{**row, "tags": tuple(json.loads(row["tags"])), "private": bool(row["private"])})

    @staticmethod
    def _insert_contribution(conn: sqlite3.Connection, c: Contribution) -> None:
        conn.execute("INSERT INTO contributions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (c.id, c.review_id, c.participant, c.phase.value, c.kind.value, c.text, _t(c.recorded_at),
                      _t(c.event_time), json.dumps(list(c.tags)), c.links_to, int(c.private)))

    # -- repair plans -------------------------------------------------------------------------
    def set_plan(self, plan: RepairPlan) -> RepairPlan:
        """Create or replace the plan of one repair item (planning phase; never edits the item)."""
        item = self.get_contribution(plan.item_id)
        if item.kind.value != "repair_item":
            msg = f"{plan.item_id} is a {item.kind.value}, not a repair_item: only repair items are planned"
            raise ValidationError(msg)
        if plan.merged_into is not None and self.get_contribution(plan.merged_into).review_id != item.review_id:
            msg = f"{plan.item_id} can only be merged into a repair item of the same review"
            raise ValidationError(msg)
        with self.atomic() as conn:
            conn.execute("INSERT OR REPLACE INTO repair_plans VALUES (?,?,?,?,?,?,?,?,?)", self._plan_values(plan))
        return plan

    def plans(self, review_id: str | None = None) -> list[RepairPlan]:
        """Plans of repair items, of one review or all."""
        sql = "SELECT p.* FROM repair_plans p JOIN contributions c ON c.id = p.item_id"
        rows = self._rows(sql + (" WHERE c.review_id = ?" if review_id else "") + " ORDER BY c.rowid",
                          (review_id,) if review_id else ())
        return [RepairPlan(**r) for r in rows]

    @staticmethod
    def _plan_values(p: RepairPlan) -> tuple[Any, ...]:
        return (p.item_id, p.effort.value if p.effort else None, p.impact.value if p.impact else None, p.owner,
                p.due.isoformat() if p.due else None, p.status.value, p.merged_into, p.note, _t(p.planned_at))

    # -- themes a repair item addresses (confirmed in planning) -------------------------------
    def confirm_item_theme(self, link: ThemeLink) -> ThemeLink:
        """Record that a person confirmed a repair item addresses a theme (replaces an earlier confirmation)."""
        item = self.get_contribution(link.item_id)
        if item.kind.value != "repair_item":
            msg = f"{link.item_id} is a {item.kind.value}, not a repair_item: only repair items address themes"
            raise ValidationError(msg)
        with self.atomic() as conn:
            conn.execute("INSERT OR REPLACE INTO repair_item_themes VALUES (?,?,?,?)",
                         (link.item_id, link.theme_label, link.confirmed_by, _t(link.confirmed_at)))
        return link

    def remove_item_theme(self, item_id: str, theme_label: str) -> None:
        """Withdraw a confirmed theme from a repair item (nothing happens if it was not confirmed)."""
        with self.atomic() as conn:
            conn.execute("DELETE FROM repair_item_themes WHERE item_id = ? AND theme_label = ?", (item_id, theme_label))

    def item_themes(self, review_id: str | None = None) -> list[ThemeLink]:
        """Confirmed themes of repair items, of one review or all, by item then label."""
        sql = "SELECT t.* FROM repair_item_themes t JOIN contributions c ON c.id = t.item_id"
        rows = self._rows(sql + (" WHERE c.review_id = ?" if review_id else "") + " ORDER BY c.rowid, t.theme_label",
                          (review_id,) if review_id else ())
        return [ThemeLink(**r) for r in rows]

    # -- meeting agenda -----------------------------------------------------------------------
    def set_agenda(self, review_id: str, items: Iterable[AgendaItem]) -> list[AgendaItem]:
        """Replace the meeting agenda of a review (in order); it is on disk when this returns."""
        self.get_review(review_id)
        items = list(items)
        with self.atomic() as conn:
            conn.execute("DELETE FROM agenda_items WHERE review_id = ?", (review_id,))
            conn.executemany("INSERT INTO agenda_items VALUES (?,?,?,?,?)",
                             [(review_id, i, it.title, it.minutes, json.dumps(list(it.contribution_ids)))
                              for i, it in enumerate(items)])
        return items

    def agenda(self, review_id: str) -> list[AgendaItem]:
        """The meeting agenda of a review, in order (empty until the facilitator picks one)."""
        rows = self._rows("SELECT title, minutes, contribution_ids FROM agenda_items WHERE review_id = ?"
                          " ORDER BY position", (review_id,))
        return [AgendaItem(r["title"], r["minutes"], tuple(json.loads(r["contribution_ids"]))) for r in rows]

    # -- whole reviews as JSON ----------------------------------------------------------------
    def bundle(self, review_id: str) -> ReviewBundle:
        """Everything of one review."""
        return ReviewBundle(self.get_review(review_id), self.participants(review_id),
                            self.contributions(review_id), self.plans(review_id), self.agenda(review_id),
                            self.item_themes(review_id))

    def export_review(self, review_id: str, path: str | Path | None = None) -> dict[str, Any]:
        """The review as a JSON-ready dict (docs/review-json.md); also written to `path` if given."""
        data = self.bundle(review_id).to_dict()
        if path is not None:
            Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return data

    def import_review(self, source: str | Path | dict[str, Any] | ReviewBundle, *,
                      overwrite: bool = False) -> Review:
        """Import one review from a JSON file, a dict or a bundle: all of it or, on any error, nothing.

        Raises:
            ImportFormatError: malformed input (the message names the file and field).
            DuplicateError: the review exists and `overwrite` is false.
        """
        bundle = self._as_bundle(source)
        with self.atomic() as conn:
            self._import_in(conn, bundle, overwrite)
        return bundle.review

    def import_reviews(self, sources: Iterable[str | Path | dict[str, Any] | ReviewBundle], *,
                       overwrite: bool = False) -> list[Review]:
        """Import several reviews in one transaction: all of them or, on any error, none."""
        bundles = [self._as_bundle(s) for s in sources]
        with self.atomic() as conn:
            for bundle in bundles:
                self._import_in(conn, bundle, overwrite)
        return [b.review for b in bundles]

    @staticmethod
    def _as_bundle(source: str | Path | dict[str, Any] | ReviewBundle) -> ReviewBundle:
        from reviewlab.bundle import bundle_from_dict

        if isinstance(source, ReviewBundle):
            source.check()
            return source
        if isinstance(source, dict):
            return bundle_from_dict(source)
        return load_bundle(source)

    def _import_in(self, conn: sqlite3.Connection, bundle: ReviewBundle, overwrite: bool) -> None:
        exists = conn.execute("SELECT 1 FROM reviews WHERE id=?", (bundle.review.id,)).fetchone()
        if exists and not overwrite:
            msg = f"review {bundle.review.id!r} is already in {self.path}; pass overwrite=True to replace it"
            raise DuplicateError(msg)
        if exists:
            self._delete_in(conn, bundle.review.id)
        clash = [c.id for c in bundle.contributions
                 if conn.execute("SELECT 1 FROM contributions WHERE id=?", (c.id,)).fetchone()]
        if clash:
            msg = f"contribution ids already used by another review: {', '.join(clash[:5])}"
            raise DuplicateError(msg)
        self._insert_bundle(conn, bundle)

    @staticmethod
    def _delete_in(conn: sqlite3.Connection, review_id: str) -> None:
        conn.execute("DELETE FROM repair_plans WHERE item_id IN (SELECT id FROM contributions WHERE review_id=?)",
                     (review_id,))
        conn.execute("UPDATE contributions SET links_to = NULL WHERE review_id = ?", (review_id,))
        for table, column in (("agenda_items", "review_id"), ("contributions", "review_id"),
                              ("participants", "review_id"), ("reviews", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))

    def _insert_bundle(self, conn: sqlite3.Connection, b: ReviewBundle) -> None:
        conn.execute("INSERT INTO reviews (id, title, incident_start, incident_end, severity, services, summary,"
                     " facilitator, facilitator_override, status, meeting_at, planning_at, planning_override)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self._review_values(b.review))
        conn.executemany("INSERT INTO participants VALUES (?,?,?,?,?)",
                         [(b.review.id, p.name, p.role.value, int(p.responded), i) for i, p in enumerate(b.participants)])
        # links may point forward in the list: insert all, then link
        for c in b.contributions:
            self._insert_contribution(conn, replace(c, links_to=None))
        conn.executemany("UPDATE contributions SET links_to=? WHERE id=?",
                         [(c.links_to, c.id) for c in b.contributions if c.links_to])
        conn.executemany("INSERT INTO repair_plans VALUES (?,?,?,?,?,?,?,?,?)", [self._plan_values(p) for p in b.plans])
        conn.executemany("INSERT INTO agenda_items VALUES (?,?,?,?,?)",
                         [(b.review.id, i, a.title, a.minutes, json.dumps(list(a.contribution_ids)))
                          for i, a in enumerate(b.agenda)])
        conn.executemany("INSERT INTO repair_item_themes VALUES (?,?,?,?)",
                         [(t.item_id, t.theme_label, t.confirmed_by, _t(t.confirmed_at)) for t in b.item_themes])

    # -- analysis views -----------------------------------------------------------------------
    def contributions_frame(self, review_id: str | None = None) -> pd.DataFrame:
        """One row per contribution across reviews: the input of all analysis.

        Columns: contribution_id, review_id, review_title, participant, role, responded, kind, phase, text,
        recorded_at, event_time, links_to, private, tags, services, severity, incident_start,
        incident_end, review_status. Times are pandas UTC timestamps; services and tags are lists.
        """
        import pandas as pd

        sql = """
            SELECT c.id AS contribution_id, c.review_id, r.title AS review_title, c.participant, p.role,
                   p.responded, c.kind, c.phase, c.text, c.recorded_at, c.event_time, c.links_to, c.private,
                   c.tags, r.services, r.severity, r.incident_start, r.incident_end, r.status AS review_status
            FROM contributions c JOIN reviews r ON r.id = c.review_id
            LEFT JOIN participants p ON p.review_id = c.review_id AND p.name = c.participant
        """
        rows = self._rows(sql + (" WHERE c.review_id = ?" if review_id else "") + " ORDER BY r.incident_start, c.rowid",
                          (review_id,) if review_id else ())
        frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        for column in ("recorded_at", "event_time", "incident_start", "incident_end"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        for column in ("services", "tags"):
            frame[column] = frame[column].map(json.loads)
        frame["private"] = frame["private"].astype(bool)
        frame["responded"] = frame["responded"].astype("boolean")
        return frame

    def reviews_frame(self) -> pd.DataFrame:
        """One row per review with its counts of participants and contributions."""
        import pandas as pd

        rows = self._rows("""
            SELECT r.*, (SELECT COUNT(*) FROM participants p WHERE p.review_id = r.id) AS n_participants,
                   (SELECT COUNT(*) FROM contributions c WHERE c.review_id = r.id) AS n_contributions
            FROM reviews r ORDER BY r.incident_start, r.id""")
        frame = pd.DataFrame(rows)
        if frame.empty:
            return pd.DataFrame(columns=["id", "title", "incident_start", "severity", "status", "n_contributions"])
        for column in ("incident_start", "incident_end", "meeting_at", "planning_at"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        frame["services"] = frame["services"].map(json.loads)
        return frame

    # -- embedding cache ----------------------------------------------------------------------
    def get_embeddings(self, model_key: str, text_hashes: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors for these text hashes under one model key (missing ones are left out)."""
        import numpy as np

        out: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(text_hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                cur = self._conn.execute(
                    f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})",
                    (model_key, *chunk))
                for text_hash, blob in cur.fetchall():
                    out[text_hash] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_embeddings(self, model_key: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors (float32) by text hash under one model key."""
        import numpy as np

        rows = []
        for text_hash, vector in vectors.items():
            v = np.asarray(vector, dtype=np.float32).ravel()
            rows.append((model_key, text_hash, int(v.shape[0]), v.tobytes()))
        with self.atomic() as conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?)", rows)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying or moving it)."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def schema_version(self) -> int:
        """The newest migration applied to this archive."""
        return int(self._rows("SELECT MAX(version) AS v FROM schema_version")[0]["v"])
