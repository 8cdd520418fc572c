"""The meeting clock: elapsed time, the 60-minute warning and the 90-minute stop, time per topic."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from reviewlab.capture.rules import STOP_AT, WARN_AFTER
from reviewlab.model import AgendaItem, utcnow

ClockState = Literal["not_started", "running", "warn", "stop"]


@dataclass(frozen=True)
class AgendaSlot:
    """Where one agenda topic sits in the meeting's time."""

    title: str
    starts: timedelta
    ends: timedelta
    state: Literal["done", "now", "next"]


def minutes(delta: timedelta) -> int:
    """Whole minutes of a duration (rounded down)."""
    return int(delta.total_seconds() // 60)


class MeetingClock:
    """Elapsed meeting time from a start, read from an injectable clock.

    Arguments:
        started: when the meeting started (None until it does).
        now: a function returning the current aware time; tests pass a fake to move time.

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> t0 = datetime(2025, 1, 1, 13, 0, tzinfo=timezone.utc)
        >>> clock = MeetingClock(t0, now=lambda: t0 + timedelta(minutes=61))
        >>> clock.state(), clock.message()
        ('warn', '61 min elapsed: past the hour. Start closing: 29 min left of 90.')
    """

    def __init__(self, started: datetime | None = None, *, now: Callable[[], datetime] = utcnow) -> None:
        self.started = started
        self.now = now

    def start(self) -> datetime:
        """Start the meeting now, unless it has started; return the start."""
        if self.started is None:
            self.started = self.now()
        return self.started

    def elapsed(self) -> timedelta:
        """Time since the start (zero before it)."""
        if self.started is None:
            return timedelta(0)
        return max(self.now() - self.started, timedelta(0))

    def state(self) -> ClockState:
        """'not_started', 'running', 'warn' (past 60 minutes) or 'stop' (90 minutes reached)."""
        if self.started is None:
            return "not_started"
        elapsed = self.elapsed()
        if elapsed >= STOP_AT:
            return "stop"
        if elapsed >= WARN_AFTER:
            return "warn"
        return "running"

    def message(self) -> str:
        """One plain sentence for the facilitator."""
        state, done = self.state(), minutes(self.elapsed())
        limit = minutes(STOP_AT)
        if state == "not_started":
            return f"Not started. The meeting has {limit} min at most: meetings, not marathons."
        if state == "stop":
            return f"{done} min elapsed: stop now. {limit} min is the most people can concentrate; meetings, not marathons."
        if state == "warn":
            return f"{done} min elapsed: past the hour. Start closing: {limit - done} min left of {limit}."
        return f"{done} min elapsed of {limit}."

    def schedule(self, agenda: Sequence[AgendaItem]) -> list[AgendaSlot]:
        """Each agenda topic's start and end in meeting time, and whether it is done, now or next."""
        slots, at, elapsed = [], timedelta(0), self.elapsed()
        for item in agenda:
            end = at + timedelta(minutes=item.minutes)
            state = "done" if elapsed >= end else "now" if elapsed >= at and self.started else "next"
            slots.append(AgendaSlot(item.title, at, end, state))
            at = end
        return slots
