"""One review's capture session: the only place the widgets write through, joining archive and coach."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reviewlab.capture.clock import MeetingClock
from reviewlab.capture.voices import VoiceBalance, balance_of_voices
from reviewlab.errors import NotFound, ValidationError
from reviewlab.meeting import MeetingAction, MeetingState
from reviewlab.model import Contribution, Kind, Participant, Phase, Review, Status, utcnow
from reviewlab.typed_times import event_time as parse_event_time

if TYPE_CHECKING:
    from reviewlab.archive import Archive

__all__ = ["CaptureSession", "parse_event_time"]


class CaptureSession:
    """Writes one review's contributions and meeting presses to the archive at once, and reads them back.

    Arguments:
        archive: an open archive (the session never opens or closes one).
        review_id: the review being captured.
        phase: 'interview' or 'meeting'.
        now: the clock, injectable so tests can move time.
        by: who works the console (recorded with corrections, withdrawals and meeting presses);
            by default the review's facilitator.
    """

    def __init__(self, archive: Archive, review_id: str, *, phase: Phase | str = Phase.MEETING,
                 now: Callable[[], datetime] = utcnow, by: str | None = None) -> None:
        self.archive = archive
        self.review_id = archive.get_review(review_id).id
        self.phase = Phase(phase)
        if self.phase is Phase.PLANNING:
            msg = ("repair planning has its own session, after soak time: "
                   "reviewlab.planning.PlanningSession (notebook 04)")
            raise ValidationError(msg)
        self.now = now
        self.by = by
        self._snapshot: dict[str, Any] | None = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Within this block the review and its contributions are read from the archive once: a redraw of
        several panels reads one consistent snapshot. Writes are not allowed inside it."""
        if self._snapshot is not None:
            yield
            return
        self._snapshot = {}
        try:
            yield
        finally:
            self._snapshot = None

    def _cached(self, key: str, read: Callable[[], Any]) -> Any:
        if self._snapshot is None:
            return read()
        if key not in self._snapshot:
            self._snapshot[key] = read()
        return self._snapshot[key]

    @property
    def review(self) -> Review:
        """The review as it is in the archive now."""
        return self._cached("review", lambda: self.archive.get_review(self.review_id))

    @property
    def operator(self) -> str:
        """Who works the console: `by`, else the review's facilitator."""
        return self.by or self.review.facilitator or "facilitator (not named)"

    @property
    def clock(self) -> MeetingClock:
        """The meeting clock, read from the meeting's stored state (any kernel sees the same)."""
        if self.phase is not Phase.MEETING:
            return MeetingClock(now=self.now)
        return MeetingClock(now=self.now, meeting=self.meeting_state())

    def meeting_state(self) -> MeetingState:
        """Where the meeting stands, as stored."""
        return self._cached("meeting", lambda: self.archive.meeting_state(self.review_id))

    def roster(self) -> list[Participant]:
        """The review's participants."""
        return self._cached("roster", lambda: self.archive.participants(self.review_id))

    # -- what was said ------------------------------------------------------------------------
    def submit(self, participant: str, kind: str, text: str, *, event_time: str | datetime | None = None,
               links_to: str | None = None, private: bool = False, tags: tuple[str, ...] = ()) -> Contribution:
        """Record what `participant` said; it is on disk when this returns.

        Raises:
            ValidationError: empty text, an unknown kind, a timeline event without a time, and so on.
            MeetingClosed: the meeting ended (reopen it first).
        """
        if not participant:
            msg = "pick who is speaking before submitting"
            raise ValidationError(msg)
        event_time = self._event_time(event_time)
        if Kind(kind) is not Kind.TIMELINE_EVENT:
            event_time = None
        elif event_time is None:  # live, a time is asked for (only an import may lack one)
            msg = "a timeline_event needs an event_time (when it happened, with a timezone)"
            raise ValidationError(msg)
        contribution = self.archive.add_contribution(
            self.review_id, participant, kind, text, phase=self.phase, event_time=event_time, links_to=links_to,
            private=private and self.phase is Phase.INTERVIEW, tags=tags, recorded_at=self.now())
        self._advance_status()
        return contribution

    def correct(self, contribution_id: str, *, participant: str | None = None, kind: str | None = None,
                text: str | None = None, event_time: str | datetime | None = None, reason: str = "") -> Contribution:
        """Correct a contribution of this review (as typed: '8:20' is read like in `submit`); the old version is kept."""
        self.own(contribution_id)
        return self.archive.correct_contribution(contribution_id, by=self.operator, reason=reason,
                                                 participant=participant, kind=kind, text=text,
                                                 event_time=self._event_time(event_time), at=self.now())

    def withdraw(self, contribution_id: str, reason: str = "") -> Contribution:
        """Withdraw a contribution of this review (a duplicate, a slip): hidden everywhere, kept in the archive."""
        self.own(contribution_id)
        return self.archive.withdraw_contribution(contribution_id, by=self.operator, reason=reason, at=self.now())

    def restore(self, contribution_id: str, reason: str = "") -> Contribution:
        """Undo a withdrawal."""
        self.own(contribution_id)
        return self.archive.restore_contribution(contribution_id, by=self.operator, reason=reason, at=self.now())

    def park(self, source: str | Contribution, participant: str | None = None) -> Contribution:
        """Park a repair idea for the planning meeting: a repair_item in this phase, with no plan.

        Arguments:
            source: the idea's text, or a contribution that proposes a fix (the parked item links to it).
            participant: who raised it (by default, the author of `source`).
        """
        if isinstance(source, str):
            source = self._own_contribution(source) or source
        if isinstance(source, Contribution):
            return self.submit(participant or source.participant, Kind.REPAIR_ITEM, source.text,
                               links_to=source.id)
        return self.submit(participant or "", Kind.REPAIR_ITEM, source)

    def own(self, contribution_id: str) -> Contribution:
        """A contribution of this review (NotFound otherwise)."""
        found = self._own_contribution(contribution_id)
        if found is None:
            msg = f"no contribution {contribution_id!r} in review {self.review_id}"
            raise NotFound(msg)
        return found

    def _own_contribution(self, text: str) -> Contribution | None:
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", text):
            return None
        try:
            found = self.archive.get_contribution(text)
        except NotFound:
            return None
        return found if found.review_id == self.review_id else None

    def contributions(self, *, include_private: bool = False, phases: tuple[str, ...] | None = None,
                      include_withdrawn: bool = False) -> list[Contribution]:
        """This review's contributions in recorded order, as last corrected: meeting and interview, private ones
        and withdrawn ones left out."""
        wanted = {Phase(p) for p in phases} if phases else {Phase.INTERVIEW, Phase.MEETING}
        said = self._cached("contributions", lambda: self.archive.contributions(self.review_id, include_withdrawn=True))
        return [c for c in said if c.phase in wanted and (include_private or not c.private)
                and (include_withdrawn or not c.withdrawn)]

    def withdrawn(self) -> list[Contribution]:
        """The contributions withdrawn in this review (private notes left out), most recent first."""
        return [c for c in reversed(self.contributions(include_withdrawn=True)) if c.withdrawn]

    def corrected_ids(self) -> set[str]:
        """Ids of this review's contributions that carry a correction."""
        revisions = self._cached("revisions", lambda: self.archive.revisions(self.review_id))
        return {r.contribution_id for r in revisions if r.action.value == "corrected"}

    def duplicate_of(self, c: Contribution) -> Contribution | None:
        """An earlier contribution with the same speaker, kind and words (a double press, most likely)."""
        def key(x: Contribution) -> tuple[str, str, str]:
            return x.participant, x.kind.value, " ".join(x.text.lower().split())

        return next((x for x in reversed(self.contributions(include_private=True)) if x.id != c.id and key(x) == key(c)),
                    None)

    def balance(self) -> VoiceBalance:
        """Balance of voices in this phase."""
        return balance_of_voices(self.roster(), self.contributions(include_private=True, phases=(self.phase,)),
                                 phase=self.phase, facilitator=self.review.facilitator)

    # -- the meeting --------------------------------------------------------------------------
    def start_meeting(self) -> MeetingState:
        """Start the meeting clock and record the meeting time (once; a second press changes nothing)."""
        state = self.meeting_state()
        if state.started is not None:
            return state
        return self.archive.start_meeting(self.review_id, by=self.operator, at=self.now())

    def pause_meeting(self) -> MeetingState:
        """Pause the clock (a break)."""
        return self.archive.pause_meeting(self.review_id, by=self.operator, at=self.now())

    def resume_meeting(self) -> MeetingState:
        """Go on after a break."""
        return self.archive.resume_meeting(self.review_id, by=self.operator, at=self.now())

    def end_meeting(self) -> MeetingState:
        """End the meeting: the end time is stored, the review is meeting_held, and capture closes."""
        return self.archive.end_meeting(self.review_id, by=self.operator, at=self.now())

    def reopen_meeting(self, by: str, why: str) -> MeetingState:
        """Reopen the ended meeting; who and why are recorded and shown on the board."""
        return self.archive.record_meeting(self.review_id, MeetingAction.REOPENED, by=by, note=why, at=self.now())

    def open_topic(self, title: str) -> MeetingState:
        """Open an agenda topic: it is the current topic, timed against its minutes."""
        return self.archive.open_topic(self.review_id, title, by=self.operator, at=self.now())

    def open_phase(self, phase: str) -> MeetingState:
        """Open a phase: 'went_right' or 'learning'."""
        return self.archive.open_phase(self.review_id, phase, by=self.operator, at=self.now())

    # -- helpers ------------------------------------------------------------------------------
    def _event_time(self, value: str | datetime | None) -> datetime | None:
        if isinstance(value, str):
            return parse_event_time(value, self.review) if value.strip() else None
        return value

    def _advance_status(self) -> None:
        review = self.review
        if self.phase is Phase.INTERVIEW and review.status is Status.PREPARING:
            self.archive.update_review(self.review_id, status=Status.INTERVIEWING)

    def __repr__(self) -> str:
        return f"CaptureSession({self.review_id!r}, phase={self.phase.value!r})"

    def describe(self) -> dict[str, Any]:
        """Counts for a notebook to print: contributions by kind in this phase."""
        from collections import Counter

        counts = Counter(c.kind.value for c in self.contributions(include_private=True, phases=(self.phase,)))
        return dict(sorted(counts.items()))
