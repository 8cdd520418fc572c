"""Whole reviews in and out as JSON: a lossless export, and imports that are all or nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reviewlab.archive.connection import to_text
from reviewlab.archive.meeting import MeetingMixin
from reviewlab.archive.overwrite import Replacement, compare
from reviewlab.archive.revisions import RevisionsMixin
from reviewlab.bundle import ReviewBundle, load_bundle
from reviewlab.errors import DuplicateError, WouldRemoveWork
from reviewlab.model import Review
from reviewlab.unknowns import ImportNote


class TransferMixin(RevisionsMixin, MeetingMixin):
    """Export and import whole reviews."""

    # -- whole reviews as JSON ----------------------------------------------------------------
    def bundle(self, review_id: str) -> ReviewBundle:
        """Everything of one review: withdrawn contributions, corrections and the meeting log included."""
        return ReviewBundle(self.get_review(review_id), self.participants(review_id),
                            self.contributions(review_id, include_withdrawn=True), self.plans(review_id),
                            self.agenda(review_id), self.item_themes(review_id), self.import_notes(review_id),
                            revisions=self.revisions(review_id), meeting_log=self.meeting_log(review_id))

    def import_notes(self, review_id: str) -> list[ImportNote]:
        """What the importer assumed or could not read exactly when this review came in (in order)."""
        rows = self._rows("SELECT code, line, text FROM import_notes WHERE review_id=? ORDER BY position", (review_id,))
        return [ImportNote(**r) for r in rows]

    def export_review(self, review_id: str, path: str | Path | None = None) -> dict[str, Any]:
        """The review as a JSON-ready dict (docs/review-json.md); also written to `path` if given."""
        data = self.bundle(review_id).to_dict()
        if path is not None:
            Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return data

    def import_review(self, source: str | Path | dict[str, Any] | ReviewBundle, *,
                      overwrite: bool = False, force: bool = False) -> Review:
        """Import one review from a JSON file, a dict or a bundle: all of it or, on any error, nothing.

        Arguments:
            overwrite: replace the review if the archive holds it, provided nothing the archive holds
                is lost (every contribution, plan, confirmed theme, agenda topic and participant is
                also in the new version).
            force: with `overwrite`, replace it even when that removes some of them.

        Raises:
            ImportFormatError: malformed input (the message names the file and field).
            DuplicateError: the review exists and `overwrite` is false.
            WouldRemoveWork: `overwrite` would remove what the archive holds and `force` is false
                (the message says what); nothing was imported.
        """
        return self.import_reviews([source], overwrite=overwrite, force=force)[0]

    def import_reviews(self, sources: Iterable[str | Path | dict[str, Any] | ReviewBundle], *,
                       overwrite: bool = False, force: bool = False) -> list[Review]:
        """Import several reviews in one transaction: all of them or, on any error, none (see import_review)."""
        bundles = [self._as_bundle(s) for s in sources]
        with self.atomic() as conn:
            for bundle in bundles:
                self._import_in(conn, bundle, overwrite, force)
        return [b.review for b in bundles]

    def replacement(self, bundle: ReviewBundle) -> Replacement | None:
        """What importing `bundle` over the archive's version of its review would remove and change
        (None when the archive does not hold that review)."""
        if not self._rows("SELECT 1 FROM reviews WHERE id = ?", (bundle.review.id,)):
            return None
        return compare(self.bundle(bundle.review.id), bundle)

    @staticmethod
    def _as_bundle(source: str | Path | dict[str, Any] | ReviewBundle) -> ReviewBundle:
        from reviewlab.bundle import bundle_from_dict

        if isinstance(source, ReviewBundle):
            source.check()
            return source
        if isinstance(source, dict):
            return bundle_from_dict(source)
        return load_bundle(source)

    def _import_in(self, conn: sqlite3.Connection, bundle: ReviewBundle, overwrite: bool, force: bool = False) -> None:
        exists = conn.execute("SELECT 1 FROM reviews WHERE id=?", (bundle.review.id,)).fetchone()
        if exists and not overwrite:
            msg = f"review {bundle.review.id!r} is already in {self.path}; pass overwrite=True to replace it"
            raise DuplicateError(msg)
        if exists and not force:  # read inside the transaction: what is removed is what is there now
            change = compare(self.bundle(bundle.review.id), bundle)
            if change.removes:
                msg = (f"{change.describe()}; nothing was imported. Import with force=True "
                       "(reviewlab import --overwrite --force) to replace it anyway")
                raise WouldRemoveWork(msg)
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
        conn.execute("DELETE FROM contribution_revisions WHERE contribution_id IN"
                     " (SELECT id FROM contributions WHERE review_id=?)", (review_id,))
        for table, column in (("meeting_events", "review_id"), ("import_notes", "review_id"), ("agenda_items", "review_id"),
                              ("contributions", "review_id"),
                              ("participants", "review_id"), ("reviews", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))

    def _insert_bundle(self, conn: sqlite3.Connection, b: ReviewBundle) -> None:
        conn.execute("INSERT INTO reviews (id, title, incident_start, incident_end, severity, services, summary,"
                     " facilitator, facilitator_override, status, meeting_at, planning_at, planning_override,"
                     " incident_date, document_date, timezone, meeting_ended_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     self._review_values(b.review))
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
        # a theme id is kept only where this archive's catalogue has that theme; else the label stays
        # and the catalogue's next update resolves it (a link is never dropped)
        known = {row[0] for row in conn.execute("SELECT id FROM themes")}
        conn.executemany("INSERT INTO repair_item_themes (item_id, theme_label, confirmed_by, confirmed_at, theme_id)"
                         " VALUES (?,?,?,?,?)",
                         [(t.item_id, t.theme_label, t.confirmed_by, to_text(t.confirmed_at),
                           t.theme_id if t.theme_id in known else None) for t in b.item_themes])
        conn.executemany("INSERT INTO import_notes VALUES (?,?,?,?,?)",
                         [(b.review.id, i, n.code, n.line, n.text) for i, n in enumerate(b.notes)])
        for revision in b.revisions:
            self._insert_revision(conn, revision)
        conn.executemany("INSERT INTO meeting_events (review_id, action, at, made_by, note, topic) VALUES (?,?,?,?,?,?)",
                         [(b.review.id, e.action.value, to_text(e.at), e.by, e.note, e.topic) for e in b.meeting_log])
