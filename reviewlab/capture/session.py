"""One review's capture session: the only place the widgets write through, joining archive and coach."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from reviewlab.capture.clock import MeetingClock
from reviewlab.capture.voices import VoiceBalance, balance_of_voices
from reviewlab.errors import NotFound, ValidationError
from reviewlab.model import Contribution, Kind, Participant, Phase, Review, Status, coerce_time, utcnow

if TYPE_CHECKING:
    from reviewlab.archive import Archive

_CLOCK_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*$")


def parse_event_time(text: str, review: Review) -> datetime:
    """Read an event time: "14:04" on the incident's day and offset, or a full ISO time with offset.

    Examples:
        >>> r = Review("r1", "x", "2025-05-06T14:02:00+02:00")
        >>> parse_event_time("14:04", r).isoformat()
        '2025-05-06T14:04:00+02:00'
    """
    match = _CLOCK_TIME.match(text or "")
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour > 23 or minute > 59 or second > 59:
            msg = f"event time {text!r} is not a time of day (HH:MM)"
            raise ValidationError(msg)
        start = review.incident_start
        if start is None:  # an imported review may know its start only to the day, or not at all
            msg = (f"event time {text!r} needs the incident's start, which review {review.id} does not know; "
                   "write the full time with its offset, e.g. 2025-05-06T14:04:00+02:00")
            raise ValidationError(msg)
        return datetime.combine(start.date(), time(hour, minute, second), tzinfo=start.tzinfo)
    result = coerce_time(text, "event time")
    assert result is not None
    return result


class CaptureSession:
    """Writes one review's contributions to the archive at once and reads them back.

    Arguments:
        archive: an open archive (the session never opens or closes one).
        review_id: the review being captured.
        phase: 'interview' or 'meeting'.
        now: the clock, injectable so tests can move time.
    """

    def __init__(self, archive: Archive, review_id: str, *, phase: Phase | str = Phase.MEETING,
                 now: Callable[[], datetime] = utcnow) -> None:
        self.archive = archive
        self.review_id = archive.get_review(review_id).id
        self.phase = Phase(phase)
        if self.phase is Phase.PLANNING:
            msg = ("repair planning has its own session, after soak time: "
                   "reviewlab.planning.PlanningSession (notebook 04)")
            raise ValidationError(msg)
        self.now = now
        self.clock = MeetingClock(self.review.meeting_at if self.phase is Phase.MEETING else None, now=now)

    @property
    def review(self) -> Review:
        """The review as it is in the archive now."""
        return self.archive.get_review(self.review_id)

    def roster(self) -> list[Participant]:
        """The review's participants."""
        return self.archive.participants(self.review_id)

    def submit(self, participant: str, kind: str, text: str, *, event_time: str | datetime | None = None,
               links_to: str | None = None, private: bool = False, tags: tuple[str, ...] = ()) -> Contribution:
        """Record what `participant` said; it is on disk when this returns.

        Raises:
            ValidationError: empty text, an unknown kind, a timeline event without a time, and so on.
        """
        if not participant:
            msg = "pick who is speaking before submitting"
            raise ValidationError(msg)
        if isinstance(event_time, str):
            event_time = parse_event_time(event_time, self.review) if event_time.strip() else None
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

    def _own_contribution(self, text: str) -> Contribution | None:
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", text):
            return None
        try:
            found = self.archive.get_contribution(text)
        except NotFound:
            return None
        return found if found.review_id == self.review_id else None

    def contributions(self, *, include_private: bool = False, phases: tuple[str, ...] | None = None) -> list[Contribution]:
        """This review's contributions in recorded order: meeting and interview, private ones left out."""
        wanted = {Phase(p) for p in phases} if phases else {Phase.INTERVIEW, Phase.MEETING}
        return [c for c in self.archive.contributions(self.review_id)
                if c.phase in wanted and (include_private or not c.private)]

    def balance(self) -> VoiceBalance:
        """Balance of voices in this phase."""
        return balance_of_voices(self.roster(), self.contributions(include_private=True, phases=(self.phase,)),
                                 phase=self.phase, facilitator=self.review.facilitator)

    def start_meeting(self) -> Review:
        """Start the meeting clock and record the meeting time (once)."""
        review = self.review
        if review.meeting_at is not None:
            self.clock.started = review.meeting_at
            return review
        started = self.clock.start()
        return self.archive.update_review(self.review_id, meeting_at=started)

    def end_meeting(self) -> Review:
        """Mark the meeting held (contributions stay as they are)."""
        return self.archive.update_review(self.review_id, status=Status.MEETING_HELD)

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
