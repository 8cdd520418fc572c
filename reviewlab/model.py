"""The data model of a post-incident review: plain dataclasses that check themselves.

Every value is checked when an object is built, so nothing invalid reaches the archive. Errors are
`ValidationError`s that name the field, what was given and what is allowed.

Times must carry a timezone. A naive datetime is refused rather than silently taken as UTC: a
review gathers times from people in several places, and a wrong guess would reorder the timeline.
What is not known stays unknown: a review imported from a written postmortem may know its incident
start only to the day (`incident_date`) or not at all (the document's own date is kept in
`document_date`), its severity may be unknown (None), and a timeline event may have no placeable
time (`event_time` None, the time as written kept in `time_text`). Every assumption an importer
made is an `ImportNote` kept with the review.

Examples:
    >>> from datetime import datetime, timezone
    >>> c = Contribution(id="r1-c1", review_id="r1", participant="Ana", phase="meeting",
    ...                  kind="observation", text=" The queue backed up. ",
    ...                  recorded_at=datetime(2025, 1, 2, tzinfo=timezone.utc))
    >>> c.kind, c.text
    (<Kind.OBSERVATION: 'observation'>, 'The queue backed up.')
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum

from reviewlab.boundary import (  # noqa: F401 - check_text, coerce_* and MAX_TEXT are re-exported
    MAX_NAME,
    MAX_TEXT,
    check_flag,
    check_id,
    check_ids,
    check_text,
    check_whole,
    coerce_date,
    coerce_enum,
    coerce_time,
    optional_id,
    optional_text,
    text_list,
)
from reviewlab.errors import ValidationError
from reviewlab.timezones import check_timezone


MAX_TITLE = 200
MAX_SUMMARY = 20_000
EVENT_WINDOW_SLACK = timedelta(hours=24)
"""A timeline event this far before the incident start or after its end draws a warning."""


class Kind(StrEnum):
    """What a contribution is."""

    OBSERVATION = "observation"
    TIMELINE_EVENT = "timeline_event"
    WENT_RIGHT = "went_right"
    LEARNING = "learning"
    """What I know now that I didn't before."""
    QUESTION = "question"
    REPAIR_ITEM = "repair_item"


class Phase(StrEnum):
    """When a contribution was captured."""

    INTERVIEW = "interview"
    MEETING = "meeting"
    PLANNING = "planning"


class Role(StrEnum):
    """A participant's part in the review."""

    RESPONDER = "responder"
    INCIDENT_COMMANDER = "incident_commander"
    SUBJECT_MATTER_EXPERT = "subject_matter_expert"
    STAKEHOLDER = "stakeholder"
    FACILITATOR = "facilitator"
    OBSERVER = "observer"


class Status(StrEnum):
    """Where a review stands."""

    PREPARING = "preparing"
    INTERVIEWING = "interviewing"
    MEETING = "meeting"
    """The review meeting is under way (started, or reopened after it ended)."""
    MEETING_HELD = "meeting_held"
    PLANNING_DONE = "planning_done"


class Severity(StrEnum):
    """Incident severity, SEV1 the worst."""

    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"


class Effort(StrEnum):
    """T-shirt size of a repair item's effort."""

    S = "S"
    M = "M"
    L = "L"
    XL = "XL"


class Impact(StrEnum):
    """A person's estimate of a repair item's impact."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class PlanStatus(StrEnum):
    """Progress of a planned repair item."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


def new_id(prefix: str = "c") -> str:
    """A fresh random id such as 'c-3f9a1b2c4d5e'."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def utcnow() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Participant:
    """A person in a review, with their role and whether they took part in the response."""

    name: str
    role: Role = Role.RESPONDER
    responded: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_text(self.name, "participant name", limit=MAX_NAME, one_line=True))
        object.__setattr__(self, "role", coerce_enum(Role, self.role, "role"))
        object.__setattr__(self, "responded", check_flag(self.responded, "responded"))


@dataclass(frozen=True)
class Review:
    """One incident's review: the incident, who facilitates, and how far the review has come.

    `incident_start` is None when the start time is not known; `incident_date` is then the day it
    started, when that much is known (it is the start's own date otherwise), and `document_date` the
    date of the written postmortem it came from. `severity` is None when nobody said.
    """

    id: str
    title: str
    incident_start: datetime | None = None
    severity: Severity | None = None
    incident_end: datetime | None = None
    services: tuple[str, ...] = ()
    summary: str = ""
    facilitator: str | None = None
    facilitator_override: str | None = None
    """Why a facilitator who responded ran the review anyway (recorded, never silent)."""
    status: Status = Status.PREPARING
    meeting_at: datetime | None = None
    planning_at: datetime | None = None
    planning_override: str | None = None
    """Why planning went ahead before the soak time had run."""
    incident_date: date | None = None
    """The day the incident started: the start's own date, or all that is known of it."""
    document_date: date | None = None
    """The date the written postmortem carries (when it was written or published), if imported."""
    timezone: str | None = None
    """The zone the review's times are shown in: an IANA name such as Europe/Berlin, or an offset such as
    +01:00 when that is all that is known; None falls back to the incident start's offset."""
    meeting_ended_at: datetime | None = None
    """When the review meeting ended (None while it has not, or after it was reopened)."""

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "id", check_id(self.id, "review id"))
        s(self, "title", check_text(self.title, "title", limit=MAX_TITLE))
        s(self, "incident_start", coerce_time(self.incident_start, "incident_start", optional=True))
        s(self, "incident_end", coerce_time(self.incident_end, "incident_end", optional=True))
        if self.incident_end is not None and self.incident_start is not None and self.incident_end < self.incident_start:
            msg = f"incident_end {self.incident_end.isoformat()} is before incident_start {self.incident_start.isoformat()}"
            raise ValidationError(msg)
        s(self, "incident_date", coerce_date(self.incident_date, "incident_date"))
        s(self, "document_date", coerce_date(self.document_date, "document_date"))
        if self.incident_start is not None:  # the exact start says the day too
            s(self, "incident_date", self.incident_start.date())
        if self.severity is not None:
            s(self, "severity", coerce_enum(Severity, self.severity, "severity"))
        s(self, "services", text_list(self.services, "services"))
        s(self, "summary", optional_text(self.summary, "summary", limit=MAX_SUMMARY) or "")
        s(self, "status", coerce_enum(Status, self.status, "status"))
        s(self, "meeting_at", coerce_time(self.meeting_at, "meeting_at", optional=True))
        s(self, "planning_at", coerce_time(self.planning_at, "planning_at", optional=True))
        s(self, "meeting_ended_at", coerce_time(self.meeting_ended_at, "meeting_ended_at", optional=True))
        if self.meeting_ended_at is not None and (self.meeting_at is None or self.meeting_ended_at < self.meeting_at):
            msg = (f"meeting_ended_at {self.meeting_ended_at.isoformat()} needs a meeting_at (the start) "
                   "no later than it")
            raise ValidationError(msg)
        s(self, "timezone", check_timezone(self.timezone))
        s(self, "facilitator", optional_text(self.facilitator, "facilitator", limit=MAX_NAME, one_line=True))
        for name in ("facilitator_override", "planning_override"):
            s(self, name, optional_text(getattr(self, name), name))


@dataclass(frozen=True)
class Contribution:
    """The unit of everything: one thing one participant said, in one phase, of one kind.

    A timeline event has an `event_time` when it can be placed; one imported from a document whose
    time could not be read exactly has none, keeps the time as written in `time_text`, and is
    ordered by its place in the document (see `reviewlab.unknowns.timeline_order`).
    """

    id: str
    review_id: str
    participant: str
    kind: Kind
    text: str
    recorded_at: datetime
    phase: Phase = Phase.MEETING
    event_time: datetime | None = None
    tags: tuple[str, ...] = ()
    links_to: str | None = None
    """Another contribution of the same review: a second viewpoint on an event, a follow-up."""
    private: bool = False
    """An interview note the participant asked to keep off the meeting board."""
    withdrawn: bool = False
    """Withdrawn in the meeting (a duplicate, a slip): kept with its history, shown nowhere by default."""

    time_text: str | None = None
    """A timeline event's time as written ("~18:10", "2023-MM-DD"), kept when it was imported; the
    only time there is when `event_time` could not be placed."""

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "id", check_id(self.id, "contribution id"))
        s(self, "review_id", check_id(self.review_id, "review id"))
        s(self, "participant", check_text(self.participant, "participant", limit=MAX_NAME, one_line=True))
        s(self, "kind", coerce_enum(Kind, self.kind, "kind"))
        s(self, "phase", coerce_enum(Phase, self.phase, "phase"))
        s(self, "text", check_text(self.text))
        s(self, "recorded_at", coerce_time(self.recorded_at, "recorded_at"))
        s(self, "event_time", coerce_time(self.event_time, "event_time", optional=True))
        if self.time_text is not None:
            s(self, "time_text", check_text(self.time_text, "time_text", limit=200))
        if self.kind is not Kind.TIMELINE_EVENT and self.time_text is not None:
            msg = f"time_text is for timeline events; contribution {self.id} is a {self.kind.value}"
            raise ValidationError(msg)
        s(self, "tags", text_list(self.tags, "tags"))
        s(self, "links_to", optional_id(self.links_to, "links_to"))
        if self.links_to is not None and self.links_to == self.id:
            msg = f"contribution {self.id} cannot link to itself"
            raise ValidationError(msg)
        s(self, "private", check_flag(self.private, "private"))
        s(self, "withdrawn", check_flag(self.withdrawn, "withdrawn"))

    def outside_window(self, review: Review) -> bool:
        """True when the event time lies far (over a day) outside the incident window (False when
        either is unknown)."""
        if self.event_time is None or review.incident_start is None:
            return False
        end = review.incident_end or review.incident_start
        return (self.event_time < review.incident_start - EVENT_WINDOW_SLACK
                or self.event_time > end + EVENT_WINDOW_SLACK)


@dataclass(frozen=True)
class RepairPlan:
    """The planning meeting's decisions on one repair item; it never edits what was said."""

    item_id: str
    effort: Effort | None = None
    impact: Impact | None = None
    owner: str | None = None
    due: date | None = None
    status: PlanStatus = PlanStatus.OPEN
    merged_into: str | None = None
    note: str = ""
    planned_at: datetime | None = field(default=None)

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "item_id", check_id(self.item_id, "item_id"))
        if self.effort is not None:
            s(self, "effort", coerce_enum(Effort, self.effort, "effort"))
        if self.impact is not None:
            s(self, "impact", coerce_enum(Impact, self.impact, "impact"))
        s(self, "owner", optional_text(self.owner, "owner", limit=MAX_NAME, one_line=True))
        s(self, "due", coerce_date(self.due, "due"))
        s(self, "status", coerce_enum(PlanStatus, self.status, "plan status"))
        s(self, "merged_into", optional_id(self.merged_into, "merged_into"))
        if self.merged_into is not None and self.merged_into == self.item_id:
            msg = f"repair item {self.item_id} cannot be merged into itself"
            raise ValidationError(msg)
        s(self, "note", optional_text(self.note, "note") or "")
        s(self, "planned_at", coerce_time(self.planned_at, "planned_at", optional=True))


@dataclass(frozen=True)
class ThemeLink:
    """A recurring theme that a person confirmed one repair item addresses (planning phase).

    ``theme_id`` is the theme's id in the archive's catalogue (`reviewlab.analysis.catalogue`);
    ``theme_label`` is how the theme read when it was confirmed. A link made before the catalogue
    has only its label until the catalogue's first update resolves it.
    """

    item_id: str
    theme_label: str
    confirmed_by: str
    confirmed_at: datetime
    theme_id: str | None = None

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "item_id", check_id(self.item_id, "item_id"))
        s(self, "theme_label", check_text(self.theme_label, "theme label", limit=MAX_TITLE))
        s(self, "confirmed_by", check_text(self.confirmed_by, "confirmed_by", limit=MAX_NAME, one_line=True))
        s(self, "confirmed_at", coerce_time(self.confirmed_at, "confirmed_at"))
        s(self, "theme_id", optional_id(self.theme_id, "theme_id"))


@dataclass(frozen=True)
class AgendaItem:
    """One topic of a review meeting's agenda, with the minutes set aside for it."""

    title: str
    minutes: int = 10
    contribution_ids: tuple[str, ...] = ()
    """The interview notes that raised the topic."""

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "title", check_text(self.title, "agenda topic", limit=MAX_TITLE))
        # 1 to 90: a review meeting lasts 90 minutes at most
        s(self, "minutes", check_whole(self.minutes, "minutes", 1, 90))
        s(self, "contribution_ids", check_ids(self.contribution_ids, "contribution_ids"))
