"""The review meeting's log in the archive: start, pauses, end, reopening and the open topic or phase.

Each press is one row, written with the review's summary fields (meeting_at, meeting_ended_at, status)
in one transaction, so any kernel, notebook or (later) participant page reads the same state.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from reviewlab.archive.connection import to_text
from reviewlab.archive.records import RecordsMixin
from reviewlab.errors import ValidationError
from reviewlab.meeting import MeetingAction, MeetingEvent, MeetingState
from reviewlab.model import Review, Status, utcnow

_BEFORE_MEETING = (Status.PREPARING, Status.INTERVIEWING)


class MeetingMixin(RecordsMixin):
    """Record and read the state of a review meeting."""

    def meeting_log(self, review_id: str) -> list[MeetingEvent]:
        """Every press on the meeting console for this review, in order."""
        self.get_review(review_id)
        rows = self._rows("SELECT action, at, made_by AS by, note, topic FROM meeting_events WHERE review_id = ?"
                          " ORDER BY seq", (review_id,))
        return [MeetingEvent(**r) for r in rows]

    def meeting_state(self, review_id: str) -> MeetingState:
        """Where the meeting stands: running, paused or ended, since when, the topic open now."""
        return MeetingState.from_log(self.meeting_log(review_id), self.get_review(review_id))

    def record_meeting(self, review_id: str, action: MeetingAction | str, *, by: str | None = None, note: str = "",
                       topic: str | None = None, at: datetime | None = None) -> MeetingState:
        """Record one press (start, pause, resume, end, reopen, open a topic or phase); return the new state.

        Raises:
            ValidationError: the press makes no sense now (the message says what to press instead).

        Examples:
            >>> from reviewlab import open_archive
            >>> from reviewlab.model import Review, Participant
            >>> a = open_archive(":memory:")
            >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
            >>> a.record_meeting("r1", "started", by="Fay").status
            'running'
            >>> a.record_meeting("r1", "ended", by="Fay").status, a.get_review("r1").status.value
            ('ended', 'meeting_held')
        """
        with self.atomic() as conn:
            review = self.get_review(review_id)
            log = self.meeting_log(review_id)
            event = MeetingEvent(action, at or utcnow(), by, note, topic)
            earlier = self._from_review_row(review, event) if not log else []
            state = MeetingState.from_log([*log, *earlier, event], review)
            for e in (*earlier, event):
                conn.execute("INSERT INTO meeting_events (review_id, action, at, made_by, note, topic) VALUES (?,?,?,?,?,?)",
                             (review_id, e.action.value, to_text(e.at), e.by, e.note, e.topic))
            self._summarise(conn, review, event)
        return state

    def start_meeting(self, review_id: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """Start the meeting clock (records the meeting time)."""
        return self.record_meeting(review_id, MeetingAction.STARTED, by=by, at=at)

    def pause_meeting(self, review_id: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """Pause the meeting clock (a break)."""
        return self.record_meeting(review_id, MeetingAction.PAUSED, by=by, at=at)

    def resume_meeting(self, review_id: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """Go on after a break."""
        return self.record_meeting(review_id, MeetingAction.RESUMED, by=by, at=at)

    def end_meeting(self, review_id: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """End the meeting: its end time is stored, the review is meeting_held, and capture closes."""
        return self.record_meeting(review_id, MeetingAction.ENDED, by=by, at=at)

    def reopen_meeting(self, review_id: str, *, by: str, why: str, at: datetime | None = None) -> MeetingState:
        """Reopen an ended meeting; who and why are required and kept."""
        return self.record_meeting(review_id, MeetingAction.REOPENED, by=by, note=why, at=at)

    def open_topic(self, review_id: str, topic: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """Open an agenda topic (by its title): it is the current topic until another one is opened."""
        return self.record_meeting(review_id, MeetingAction.OPENED_TOPIC, by=by, topic=topic, at=at)

    def open_phase(self, review_id: str, phase: str, *, by: str | None = None, at: datetime | None = None) -> MeetingState:
        """Open a phase of the meeting: 'went_right' (what went right) or 'learning' (what do you know now)."""
        return self.record_meeting(review_id, MeetingAction.OPENED_PHASE, by=by, topic=phase, at=at)

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _from_review_row(review: Review, event: MeetingEvent) -> list[MeetingEvent]:
        """A meeting started (or held) before the log: its start (and end) as the review row has them."""
        if review.meeting_at is None:
            return []
        earlier = [MeetingEvent(MeetingAction.STARTED, review.meeting_at, note="from the review's meeting time")]
        if review.meeting_ended_at is not None:
            earlier.append(MeetingEvent(MeetingAction.ENDED, review.meeting_ended_at))
        elif review.status in (Status.MEETING_HELD, Status.PLANNING_DONE):
            if event.action is not MeetingAction.REOPENED:
                msg = (f"the meeting of {review.id} is recorded as held, with no end time; reopen it "
                       "(say who and why) to go on with it")
                raise ValidationError(msg)
            earlier.append(MeetingEvent(MeetingAction.ENDED, review.meeting_at, note="end not recorded"))
        return earlier

    @staticmethod
    def _summarise(conn: sqlite3.Connection, review: Review, event: MeetingEvent) -> None:
        """Keep the review row's meeting fields in step with the log."""
        changes: dict[str, Any] = {}
        if event.action is MeetingAction.STARTED:
            changes["meeting_at"] = to_text(review.meeting_at or event.at)
            if review.status in _BEFORE_MEETING:
                changes["status"] = Status.MEETING.value
        elif event.action is MeetingAction.ENDED:
            changes["meeting_ended_at"] = to_text(event.at)
            if review.status in (*_BEFORE_MEETING, Status.MEETING):
                changes["status"] = Status.MEETING_HELD.value
        elif event.action is MeetingAction.REOPENED:
            changes = {"meeting_ended_at": None, "status": Status.MEETING.value}
        if changes:
            sets = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(f"UPDATE reviews SET {sets} WHERE id = ?", (*changes.values(), review.id))
