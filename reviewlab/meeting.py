"""The review meeting as a log of what the facilitator pressed: start, pause, resume, end, reopen, and
which agenda topic or phase is open. The state (running, paused, ended; the current topic and the time
on it) is read from the log, so it lives in the archive and not in a kernel.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> t0 = datetime(2025, 1, 1, 13, 0, tzinfo=timezone.utc)
    >>> log = [MeetingEvent("started", t0), MeetingEvent("opened_topic", t0, topic="detection"),
    ...        MeetingEvent("paused", t0 + timedelta(minutes=30)), MeetingEvent("resumed", t0 + timedelta(minutes=40)),
    ...        MeetingEvent("ended", t0 + timedelta(minutes=84))]
    >>> state = MeetingState.from_log(log)
    >>> state.status, int(state.elapsed(t0 + timedelta(hours=3)).total_seconds() // 60)
    ('ended', 74)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from reviewlab.errors import ValidationError
from reviewlab.model import Review, Status, check_text, coerce_enum, coerce_time

PHASES: dict[str, tuple[str, int]] = {
    "went_right": ("What went right", 10),
    "learning": ("What do you know now that you didn't know before?", 10),
}
"""Phases of the meeting a facilitator can open besides the agenda topics: key -> (title, minutes)."""

MeetingStatus = Literal["not_started", "running", "paused", "ended", "held"]
"""'held': a meeting recorded as held (imported, or from before the log) whose end is not known."""


class MeetingAction(StrEnum):
    """What the facilitator pressed."""

    STARTED = "started"
    PAUSED = "paused"
    RESUMED = "resumed"
    ENDED = "ended"
    REOPENED = "reopened"
    OPENED_TOPIC = "opened_topic"
    OPENED_PHASE = "opened_phase"


@dataclass(frozen=True)
class MeetingEvent:
    """One press on the meeting console, stored in the archive in order."""

    action: MeetingAction
    at: datetime
    by: str | None = None
    note: str = ""
    """Why (required to reopen an ended meeting)."""
    topic: str | None = None
    """The agenda topic's title, or the phase's key (went_right, learning)."""

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "action", coerce_enum(MeetingAction, self.action, "meeting action"))
        s(self, "at", coerce_time(self.at, "meeting event time (at)"))
        s(self, "by", check_text(self.by, "by", limit=100) if isinstance(self.by, str) and self.by.strip() else None)
        s(self, "note", (self.note or "").strip())
        if self.action is MeetingAction.REOPENED and (self.by is None or not self.note):
            msg = "reopening an ended meeting needs who reopens it (by) and why (note)"
            raise ValidationError(msg)
        if self.action in (MeetingAction.OPENED_TOPIC, MeetingAction.OPENED_PHASE):
            s(self, "topic", check_text(self.topic or "", "topic", limit=200))
            if self.action is MeetingAction.OPENED_PHASE and self.topic not in PHASES:
                msg = f"phase {self.topic!r} is not known; phases: {', '.join(PHASES)}"
                raise ValidationError(msg)
        elif self.topic is not None:
            msg = f"a {self.action.value} event carries no topic"
            raise ValidationError(msg)


@dataclass(frozen=True)
class OpenTopic:
    """The agenda topic or phase open now."""

    kind: Literal["topic", "phase"]
    key: str
    """The agenda title, or the phase's key."""
    title: str
    opened_at: datetime


Interval = tuple[datetime, datetime | None]


def _overlap(a: Interval, b: Interval, now: datetime) -> timedelta:
    start, end = max(a[0], b[0]), min(a[1] or now, b[1] or now)
    return max(end - start, timedelta(0))


@dataclass(frozen=True)
class MeetingState:
    """Where the meeting stands, read from its log (and the review, for meetings held before the log)."""

    started: datetime | None = None
    ended: datetime | None = None
    paused_since: datetime | None = None
    running: tuple[Interval, ...] = ()
    """The stretches of meeting time: from a start or resume to a pause or end (None: still running)."""
    topics: tuple[tuple[OpenTopic, datetime | None], ...] = ()
    """Each topic or phase opened, with when the next one was opened (None: open now)."""
    reopenings: tuple[MeetingEvent, ...] = ()
    held_without_end: bool = False
    log: tuple[MeetingEvent, ...] = field(default=(), repr=False)

    @property
    def status(self) -> MeetingStatus:
        """not_started, running, paused, ended, or held (ended at a time not recorded)."""
        if self.held_without_end:
            return "held"
        if self.started is None:
            return "not_started"
        if self.ended is not None:
            return "ended"
        return "paused" if self.paused_since is not None else "running"

    @property
    def current(self) -> OpenTopic | None:
        """The topic or phase open now (None before the facilitator opens one)."""
        return self.topics[-1][0] if self.topics and self.ended is None else None

    def elapsed(self, now: datetime) -> timedelta:
        """Meeting time up to `now` (or the end), breaks and the time between an end and a reopening left out."""
        return sum((_overlap(r, (r[0], None), now) for r in self.running), timedelta(0))

    def time_on(self, key: str, now: datetime) -> timedelta:
        """Meeting time spent on one topic or phase, over every time it was open."""
        total = timedelta(0)
        for topic, until in self.topics:
            if topic.key == key:
                total += sum((_overlap((topic.opened_at, until), r, now) for r in self.running), timedelta(0))
        return total

    @classmethod
    def from_log(cls, log: Iterable[MeetingEvent], review: Review | None = None) -> MeetingState:
        """Fold the log in order; refuse a press that makes no sense where it comes (ValidationError)."""
        events = tuple(log)
        started = ended = paused = None
        running: list[Interval] = []
        topics: list[tuple[OpenTopic, datetime | None]] = []
        reopenings: list[MeetingEvent] = []
        for e in events:
            check_transition(e.action, started, ended, paused, at=e.at)
            if e.action is MeetingAction.STARTED:
                started = e.at
                running.append((e.at, None))
            elif e.action in (MeetingAction.PAUSED, MeetingAction.ENDED):
                if paused is None:
                    running[-1] = (running[-1][0], e.at)
                paused = e.at if e.action is MeetingAction.PAUSED else None
                if e.action is MeetingAction.ENDED:
                    ended = e.at
                    if topics and topics[-1][1] is None:
                        topics[-1] = (topics[-1][0], e.at)
            elif e.action in (MeetingAction.RESUMED, MeetingAction.REOPENED):
                running.append((e.at, None))
                paused = ended = None
                if e.action is MeetingAction.REOPENED:
                    reopenings.append(e)
            else:
                if topics and topics[-1][1] is None:
                    topics[-1] = (topics[-1][0], e.at)
                phase = e.action is MeetingAction.OPENED_PHASE
                title = PHASES[e.topic][0] if phase else e.topic
                topics.append((OpenTopic("phase" if phase else "topic", e.topic, title, e.at), None))
        if not events and review is not None and review.meeting_at is not None:
            # a meeting held before the log (or imported): what the review row says is all there is
            ended = review.meeting_ended_at
            started = review.meeting_at
            running = [(started, ended)] if ended else []
            held = ended is None and review.status in (Status.MEETING_HELD, Status.PLANNING_DONE)
            if not held and ended is None:
                running = [(started, None)]
            return cls(started, ended, None, tuple(running), (), (), held, events)
        return cls(started, ended, paused, tuple(running), tuple(topics), tuple(reopenings), False, events)


def check_transition(action: MeetingAction, started: datetime | None, ended: datetime | None,
                     paused: datetime | None, *, at: datetime | None = None) -> None:
    """Raise ValidationError, saying what to press instead, when `action` makes no sense now."""
    last = max((t for t in (started, ended, paused) if t is not None), default=None)
    if at is not None and last is not None and at < last:
        msg = f"a meeting event at {at.isoformat()} comes before the one it follows ({last.isoformat()})"
        raise ValidationError(msg)
    if action is MeetingAction.STARTED:
        if started is not None:
            msg = f"the meeting already started at {started:%H:%M %Z}".rstrip()
            raise ValidationError(msg)
        return
    if started is None:
        msg = "the meeting has not started yet: press Start meeting first"
        raise ValidationError(msg)
    if action is MeetingAction.REOPENED:
        if ended is None:
            msg = "the meeting has not ended, so there is nothing to reopen"
            raise ValidationError(msg)
        return
    if ended is not None:
        msg = "the meeting has ended; reopen it first (say who reopens it and why)"
        raise ValidationError(msg)
    if action is MeetingAction.PAUSED and paused is not None:
        msg = "the meeting is already paused; press Resume when you are back"
        raise ValidationError(msg)
    if action is MeetingAction.RESUMED and paused is None:
        msg = "the meeting is not paused"
        raise ValidationError(msg)


def topic_minutes(topic: OpenTopic, agenda: Sequence[object]) -> int | None:
    """The minutes set aside for a topic (from the agenda) or a phase (PHASES); None when not on the agenda."""
    if topic.kind == "phase":
        return PHASES[topic.key][1]
    return next((getattr(item, "minutes", None) for item in agenda if getattr(item, "title", None) == topic.key), None)


def capture_closed(review: Review) -> str | None:
    """Why meeting entries are refused now (the meeting ended), or None while they are taken."""
    if review.meeting_ended_at is None:
        return None
    from reviewlab.timezones import clock_text, zone_name

    at = clock_text(review.meeting_ended_at, review, date=True)
    return (f"the review meeting of {review.id} ended at {at} ({zone_name(review)}); capture is closed. "
            "To add to it, reopen the meeting (say who reopens it and why).")


def meeting_summary(review: Review, log: Sequence[MeetingEvent]) -> str:
    """The meeting in one line, in the review's zone: '2025-06-04 15:00 CEST to 16:14 (74 min); reopened ...'."""
    from reviewlab.timezones import local

    if review.meeting_at is None:
        return "-"
    state = MeetingState.from_log(log, review)
    text = f"{local(review.meeting_at, review):%Y-%m-%d %H:%M %Z}".strip()
    if review.meeting_ended_at is not None:
        spent = int(state.elapsed(review.meeting_ended_at).total_seconds() // 60)
        text += f" to {local(review.meeting_ended_at, review):%H:%M} ({spent} min)"
    for e in state.reopenings:
        text += f"; reopened {local(e.at, review):%Y-%m-%d %H:%M} by {e.by}: {e.note}"
    return text
