"""The meeting clock: elapsed meeting time (breaks left out), the 60-minute warning and the 90-minute stop,
paused and ended states, and the time on each topic, all read from the meeting's stored state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from reviewlab.capture.rules import STOP_AT, WARN_AFTER
from reviewlab.meeting import MeetingState, OpenTopic, topic_minutes
from reviewlab.model import AgendaItem, utcnow

ClockState = Literal["not_started", "running", "warn", "stop", "paused", "ended", "held"]


@dataclass(frozen=True)
class AgendaSlot:
    """Where one agenda topic sits in the meeting's plan, and what happened to it."""

    title: str
    starts: timedelta
    ends: timedelta
    state: Literal["done", "now", "next"]
    """'now': the topic the facilitator opened; 'done': opened before; 'next': not opened yet."""
    spent: timedelta = timedelta(0)


def minutes(delta: timedelta) -> int:
    """Whole minutes of a duration (rounded down)."""
    return int(delta.total_seconds() // 60)


class MeetingClock:
    """Elapsed meeting time from the stored meeting state, read against an injectable clock.

    Arguments:
        started: when the meeting started (a shortcut for a state with only a start).
        now: a function returning the current aware time; tests pass a fake to move time.
        meeting: the meeting's state as stored (`Archive.meeting_state`).

    Examples:
        >>> from datetime import datetime, timedelta, timezone
        >>> t0 = datetime(2025, 1, 1, 13, 0, tzinfo=timezone.utc)
        >>> clock = MeetingClock(t0, now=lambda: t0 + timedelta(minutes=61))
        >>> clock.state(), clock.message()
        ('warn', '61 min elapsed: past the hour. Start closing: 29 min left of 90.')
    """

    def __init__(self, started: datetime | None = None, *, now: Callable[[], datetime] = utcnow,
                 meeting: MeetingState | None = None) -> None:
        self.meeting = meeting or MeetingState(started, running=((started, None),) if started else ())
        self.now = now

    @property
    def started(self) -> datetime | None:
        """When the meeting started (None before)."""
        return self.meeting.started

    def elapsed(self) -> timedelta:
        """Meeting time so far, breaks left out (zero before the start)."""
        return self.meeting.elapsed(self.now())

    def state(self) -> ClockState:
        """not_started, running, warn (past 60 min), stop (90 min reached), paused, ended or held."""
        status = self.meeting.status
        if status != "running":
            return status
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
        if state == "held":
            return "Meeting held; its end was not recorded."
        if state == "ended":
            return f"Meeting ended at {done} min. Capture is closed; reopen the meeting to add to it."
        if state == "paused":
            return f"Paused at {done} min. Press Resume when you are back ({max(limit - done, 0)} min left of {limit})."
        if state == "stop":
            return f"{done} min elapsed: stop now. {limit} min is the most people can concentrate; meetings, not marathons."
        if state == "warn":
            return f"{done} min elapsed: past the hour. Start closing: {limit - done} min left of {limit}."
        return f"{done} min elapsed of {limit}."

    def current(self) -> OpenTopic | None:
        """The agenda topic or phase the facilitator opened (None before one is)."""
        return self.meeting.current

    def topic_message(self, agenda: Sequence[AgendaItem] = ()) -> str:
        """The open topic timed against its minutes: 'Now: detection, 7 of 20 min.'"""
        topic = self.current()
        if topic is None:
            return "No topic opened yet: open one from the agenda, or a phase."
        spent = minutes(self.meeting.time_on(topic.key, self.now()))
        planned = topic_minutes(topic, agenda)
        if planned is None:
            return f"Now: {topic.title}, {spent} min (not on the agenda)."
        over = f": {spent - planned} min over, time to move on" if spent > planned else ""
        return f"Now: {topic.title}, {spent} of {planned} min{over}."

    def schedule(self, agenda: Sequence[AgendaItem]) -> list[AgendaSlot]:
        """Each agenda topic's planned minutes, the time spent on it, and whether it is open now, was, or is next."""
        opened = {topic.key for topic, _until in self.meeting.topics}
        current = self.current()
        slots, at, now = [], timedelta(0), self.now()
        for item in agenda:
            end = at + timedelta(minutes=item.minutes)
            state = ("now" if current is not None and current.kind == "topic" and current.key == item.title
                     else "done" if item.title in opened else "next")
            slots.append(AgendaSlot(item.title, at, end, state, self.meeting.time_on(item.title, now)))
            at = end
        return slots
