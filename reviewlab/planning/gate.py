"""The soak gate: planning waits a day after the review meeting, unless a reason to go ahead is recorded.

Practice 4: a day or two of "soak time" between the review and the planning meeting gives better
synthesis. The gate reads the time from an injectable clock, so tests and notebooks can fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from reviewlab.errors import MeetingNotHeld, SoakTimeNotOver
from reviewlab.model import Review, Status, utcnow
from reviewlab.planning.rules import SOAK_TIME

GateState = Literal["not_held", "unknown", "soaking", "overridden", "open"]


def duration_text(delta: timedelta) -> str:
    """A duration in plain words, rounded up to the minute: '5 h 20 min', '40 min', '2 d 3 h'.

    Examples:
        >>> duration_text(timedelta(hours=5, minutes=19, seconds=1))
        '5 h 20 min'
    """
    total = max(int(-(-delta.total_seconds() // 60)), 0)
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


@dataclass(frozen=True)
class SoakGate:
    """Whether a review's repair planning may start now, and what to tell the facilitator.

    Attributes:
        review_id: the review.
        state: 'not_held' (no meeting yet), 'soaking' (under the soak time since the meeting),
            'unknown' (the meeting was held, but when is not recorded and the review's dates do not
            show a day has passed, as for a postmortem imported from a recent document), 'overridden'
            (soaking or unknown, but a reason to go ahead is recorded) or 'open'.
        meeting_at: when the review meeting was held.
        now: the time the gate was read.
        soak_time: how long planning waits after the meeting.
        override: the recorded reason to go ahead early, if any.
        dated: when the meeting time is not recorded, the latest date the review carries (its
            document's or its incident's), from which the soak time was judged; None otherwise.
    """

    review_id: str
    state: GateState
    meeting_at: datetime | None
    now: datetime
    soak_time: timedelta = SOAK_TIME
    override: str | None = None
    dated: date | None = None

    @property
    def open(self) -> bool:
        """True when planning may go on (soak time over, or overridden with a reason)."""
        return self.state in ("open", "overridden")

    @property
    def ready_at(self) -> datetime | None:
        """When the soak time is over (None before the meeting)."""
        return self.meeting_at + self.soak_time if self.meeting_at else None

    @property
    def remaining(self) -> timedelta:
        """Soak time still to run (zero when over)."""
        if self.ready_at is None:
            return self.soak_time
        return max(self.ready_at - self.now, timedelta(0))

    def message(self) -> str:
        """One plain paragraph for the facilitator."""
        if self.state == "not_held":
            return (f"The review meeting of {self.review_id} has not been held yet. Repair items are planned in a "
                    "separate meeting a day or two after it: run the meeting first (notebook 02).")
        if self.meeting_at is None:  # held at a time nobody recorded (an imported postmortem)
            return self._undated_message()
        ready = f"{self.ready_at:%Y-%m-%d %H:%M %Z}".strip()
        since = duration_text(self.now - self.meeting_at) if self.meeting_at else "-"
        if self.state == "open":
            return f"The review meeting was {since} ago: the soak time is over. Plan the repairs."
        wait = (f"The review meeting was {since} ago. Let it soak {duration_text(self.remaining)} more, "
                f"until {ready}: a day of soak time gives better synthesis and shows the items that take "
                "least energy for most impact.")
        if self.state == "overridden":
            return f"{wait} Going ahead early; reason recorded: {self.override}"
        return f"{wait} Please wait; to go ahead now, record a reason (override)."

    def _undated_message(self) -> str:
        known = (f"the latest date it carries is {self.dated.isoformat()}" if self.dated
                 else "it carries no date")
        head = f"When the review meeting of {self.review_id} was held is not recorded (imported); {known}."
        if self.state == "open":
            return f"{head} That is more than the soak time ago: plan the repairs."
        if self.state == "overridden":
            return f"{head} Going ahead; reason recorded: {self.override}"
        return (f"{head} The soak time cannot be counted: record when the meeting was held (meeting_at), "
                "or a reason to go ahead now (override).")

    def require_open(self) -> None:
        """Raise unless planning may go on.

        Raises:
            MeetingNotHeld: the review meeting has not been held.
            SoakTimeNotOver: the soak time is still running and no reason to go ahead is recorded.
        """
        if self.state == "not_held":
            raise MeetingNotHeld(self.message())
        if self.state in ("soaking", "unknown"):
            raise SoakTimeNotOver(self.message())


def fixed_clock(when: datetime | str) -> Callable[[], datetime]:
    """A clock that always says `when` (an aware time or ISO string): for notebooks and tests.

    Examples:
        >>> fixed_clock("2026-10-30T10:00:00+00:00")().isoformat()
        '2026-10-30T10:00:00+00:00'
    """
    from reviewlab.model import coerce_time

    at = coerce_time(when, "clock time")
    return lambda: at


def soak_gate(review: Review, now: Callable[[], datetime] | datetime = utcnow, *,
              soak_time: timedelta = SOAK_TIME) -> SoakGate:
    """Read the soak gate of a review at `now` (a time, or a clock function).

    A meeting counts as held when the review's status is meeting_held or planning_done and its
    meeting time is known. A review marked meeting_held without a meeting time (a postmortem
    imported from a document) is judged by the latest date it carries: open when that day is more
    than the soak time (and a day) ago, else 'unknown'. A reason recorded in
    ``review.planning_override`` opens the gate early.

    Examples:
        >>> r = Review("r1", "x", "2025-01-01T09:00:00+00:00", status="meeting_held",
        ...            meeting_at="2025-01-02T14:00:00+00:00")
        >>> soak_gate(r, datetime.fromisoformat("2025-01-03T09:00:00+00:00")).message()[:60]
        'The review meeting was 19 h 0 min ago. Let it soak 5 h 0 min'
    """
    at = now() if callable(now) else now
    held = review.status in (Status.MEETING_HELD, Status.PLANNING_DONE)
    dated = None
    if not held:
        state: GateState = "not_held"
    elif review.meeting_at is None:
        # held (an imported postmortem says so) at an unrecorded time: judged by the latest date the
        # review carries, to the whole day, never by a guessed hour
        dated = max((d for d in (review.document_date, review.incident_date) if d is not None), default=None)
        over = dated is not None and at.date() - dated > timedelta(days=soak_time.days + 1)
        state = "open" if over else "overridden" if review.planning_override else "unknown"
    elif at - review.meeting_at >= soak_time:
        state = "open"
    else:
        state = "overridden" if review.planning_override else "soaking"
    meeting = review.meeting_at if held else None
    return SoakGate(review.id, state, meeting, at, soak_time, review.planning_override, dated)
