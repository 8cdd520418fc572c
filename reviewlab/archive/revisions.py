"""Corrections and withdrawals: a contribution's current version in `contributions`, every change kept.

A correction updates the contribution and stores the version it replaced, with who, when and why; a
withdrawal hides it (every default read leaves it out) and a restore undoes that. Nothing is deleted.
"""

from __future__ import annotations

import sqlite3
import warnings
from datetime import datetime
from typing import Any

from reviewlab.archive.connection import to_text
from reviewlab.archive.planning import PlanningMixin
from reviewlab.bundle import EventTimeWarning, event_warning
from reviewlab.errors import ValidationError
from reviewlab.model import Contribution, Kind, utcnow
from reviewlab.revisions import Revision, RevisionAction, Version, correction_of, versions


class RevisionsMixin(PlanningMixin):
    """Correct, withdraw and restore contributions; read their history."""

    def correct_contribution(self, contribution_id: str, *, by: str, reason: str = "", participant: str | None = None,
                             kind: str | None = None, text: str | None = None, event_time: datetime | str | None = None,
                             at: datetime | None = None) -> Contribution:
        """Replace what a contribution says (who, kind, words, event time); the old version is kept.

        Arguments:
            by: who made the correction (the facilitator, by name).
            reason: why (optional; a typo needs none).

        Raises:
            ValidationError: nothing changes, the result is invalid, the contribution is withdrawn, or a
                planned repair item would stop being one.
            NotFound: no such contribution.

        Examples:
            >>> from reviewlab import open_archive
            >>> from reviewlab.model import Review, Participant
            >>> a = open_archive(":memory:")
            >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
            >>> c = a.add_contribution("r1", "Ana", "observation", "The queue stalld.")
            >>> a.correct_contribution(c.id, by="Fay", text="The queue stalled.").text
            'The queue stalled.'
            >>> [v.contribution.text for v in a.history(c.id)]
            ['The queue stalld.', 'The queue stalled.']
        """
        with self.atomic() as conn:
            current = self.get_contribution(contribution_id)
            if current.withdrawn:
                msg = f"{contribution_id} is withdrawn; undo the withdrawal before correcting it"
                raise ValidationError(msg)
            new = correction_of(current, participant=participant, kind=kind, text=text, event_time=event_time)
            if new.participant != current.participant and new.participant not in {
                    p.name for p in self.participants(current.review_id)}:
                msg = f"{new.participant!r} is not on the roster of review {current.review_id}; add them first"
                raise ValidationError(msg)
            if current.kind is Kind.REPAIR_ITEM and new.kind is not Kind.REPAIR_ITEM and self._planned(current):
                msg = (f"{contribution_id} is a repair item with a plan from the planning meeting; it stays a repair "
                       "item (withdraw it and record what was meant instead)")
                raise ValidationError(msg)
            revision = Revision(current.id, RevisionAction.CORRECTED, by, at or utcnow(), reason,
                                old_participant=current.participant, old_kind=current.kind, old_text=current.text,
                                old_event_time=current.event_time)
            conn.execute("UPDATE contributions SET participant=?, kind=?, text=?, event_time=? WHERE id=?",
                         (new.participant, new.kind.value, new.text, to_text(new.event_time), new.id))
            self._insert_revision(conn, revision)
        review = self.get_review(new.review_id)
        if new.event_time != current.event_time and new.outside_window(review):
            warnings.warn(event_warning(new, review), EventTimeWarning, stacklevel=2)
        return new

    def withdraw_contribution(self, contribution_id: str, *, by: str, reason: str = "",
                              at: datetime | None = None) -> Contribution:
        """Hide a contribution everywhere (a duplicate, a slip); it is kept, and `restore_contribution` undoes it."""
        return self._set_withdrawn(contribution_id, True, by, reason, at)

    def restore_contribution(self, contribution_id: str, *, by: str, reason: str = "",
                             at: datetime | None = None) -> Contribution:
        """Undo a withdrawal: the contribution shows again."""
        return self._set_withdrawn(contribution_id, False, by, reason, at)

    def revisions(self, review_id: str | None = None, *, contribution_id: str | None = None) -> list[Revision]:
        """Every correction, withdrawal and restore, of one review or contribution (or all), in order."""
        sql = ("SELECT v.* FROM contribution_revisions v JOIN contributions c ON c.id = v.contribution_id WHERE 1=1"
               + (" AND c.review_id = ?" if review_id else "") + (" AND v.contribution_id = ?" if contribution_id else ""))
        params = [p for p in (review_id, contribution_id) if p]
        return [self._revision(r) for r in self._rows(sql + " ORDER BY v.seq", params)]

    def history(self, contribution_id: str) -> list[Version]:
        """Every version of one contribution, as recorded first, then as each correction left it."""
        return versions(self.get_contribution(contribution_id), self.revisions(contribution_id=contribution_id))

    # -- helpers ------------------------------------------------------------------------------
    def _set_withdrawn(self, contribution_id: str, withdrawn: bool, by: str, reason: str,
                       at: datetime | None) -> Contribution:
        with self.atomic() as conn:
            current = self.get_contribution(contribution_id)
            if current.withdrawn == withdrawn:
                state = "withdrawn" if withdrawn else "shown (not withdrawn)"
                msg = f"{contribution_id} is already {state}"
                raise ValidationError(msg)
            action = RevisionAction.WITHDRAWN if withdrawn else RevisionAction.RESTORED
            revision = Revision(contribution_id, action, by, at or utcnow(), reason)
            conn.execute("UPDATE contributions SET withdrawn=? WHERE id=?", (int(withdrawn), contribution_id))
            self._insert_revision(conn, revision)
        return self.get_contribution(contribution_id)

    def _planned(self, item: Contribution) -> bool:
        return (any(p.item_id == item.id for p in self.plans(item.review_id))
                or any(t.item_id == item.id for t in self.item_themes(item.review_id)))

    @staticmethod
    def _insert_revision(conn: sqlite3.Connection, r: Revision) -> None:
        conn.execute("INSERT INTO contribution_revisions (contribution_id, action, made_by, at, reason, old_participant,"
                     " old_kind, old_text, old_event_time) VALUES (?,?,?,?,?,?,?,?,?)",
                     (r.contribution_id, r.action.value, r.by, to_text(r.at), r.reason, r.old_participant,
                      r.old_kind.value if r.old_kind else None, r.old_text, to_text(r.old_event_time)))

    @staticmethod
    def _revision(row: dict[str, Any]) -> Revision:
        return Revision(row["contribution_id"], row["action"], row["made_by"], row["at"], row["reason"],
                        row["old_participant"], row["old_kind"], row["old_text"], row["old_event_time"])
