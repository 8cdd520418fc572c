"""Reviews, their rosters and contributions: the records a person makes in a review."""

from __future__ import annotations

import json
import sqlite3
import warnings
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from reviewlab.archive.connection import Connection, to_text
from reviewlab.bundle import EventTimeWarning, ReviewBundle, event_warning
from reviewlab.errors import DuplicateError, NotFound, ReviewNotFound, ValidationError
from reviewlab.model import Contribution, Participant, Review, new_id, utcnow


REVIEW_ORDER = "COALESCE(incident_start, incident_date, document_date)"
"""SQL ordering reviews by incident: the exact start, else its day, else the document's date."""


class RecordsMixin(Connection):
    """Write and read reviews, participants and contributions."""

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
                " facilitator=?, facilitator_override=?, status=?, meeting_at=?, planning_at=?, planning_override=?,"
                " incident_date=?, document_date=? WHERE id=?", (*self._review_values(new)[1:], review_id))
        return new

    def get_review(self, review_id: str) -> Review:
        """The review with this id, or ReviewNotFound listing the ids there are."""
        rows = self._rows("SELECT * FROM reviews WHERE id = ?", (review_id,))
        if not rows:
            known = [r["id"] for r in self._rows(f"SELECT id FROM reviews ORDER BY {REVIEW_ORDER} DESC LIMIT 5")]
            hint = f" Recent ids: {', '.join(known)}." if known else " The archive is empty."
            msg = f"no review {review_id!r} in {self.path}.{hint} Try: reviewlab list"
            raise ReviewNotFound(msg)
        return self._review(rows[0])

    def reviews(self) -> list[Review]:
        """All reviews, oldest incident first."""
        return [self._review(r) for r in self._rows(f"SELECT * FROM reviews ORDER BY {REVIEW_ORDER}, id")]

    def delete_review(self, review_id: str) -> None:
        """Remove a review and everything said in it."""
        self.get_review(review_id)
        with self.atomic() as conn:
            self._delete_in(conn, review_id)

    @staticmethod
    def _review_values(r: Review) -> tuple[Any, ...]:
        return (r.id, r.title, to_text(r.incident_start), to_text(r.incident_end),
                r.severity.value if r.severity is not None else None, json.dumps(list(r.services)),
                r.summary, r.facilitator, r.facilitator_override, r.status.value, to_text(r.meeting_at),
                to_text(r.planning_at), r.planning_override, to_text(r.incident_date), to_text(r.document_date))

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
        return [Participant(r["name"], r["role"], bool(r["responded"])) for r in rows]

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
                         kind=kind, text=text, phase=phase, event_time=event_time, tags=_as_list(tags),
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
        conn.execute("INSERT INTO contributions (id, review_id, participant, phase, kind, text, recorded_at, event_time,"
                     " tags, links_to, private, time_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (c.id, c.review_id, c.participant, c.phase.value, c.kind.value, c.text, to_text(c.recorded_at),
                      to_text(c.event_time), json.dumps(list(c.tags)), c.links_to, int(c.private), c.time_text))


def _as_list(values: Any) -> Any:
    """Any iterable of tags as a tuple; a text, an object or None go to the model as they are (it says what is wrong)."""
    if isinstance(values, (str, bytes, dict)) or not isinstance(values, Iterable):
        return values
    return tuple(values)
