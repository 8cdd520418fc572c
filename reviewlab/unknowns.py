"""What a review may not know, in one place: import notes, and how every surface words an unknown.

A review imported from a written postmortem can lack an exact incident start, a severity, or the
time of some timeline events. Nothing is guessed silently: each assumption an importer made is an
`ImportNote` stored with the review, and the list, show, report, charts and soak gate all word the
unknowns with the functions here, so they say the same thing.

Examples:
    >>> from reviewlab.model import Review
    >>> incident_when(Review("r1", "t", incident_date="2019-01-23"))
    '2019-01-23 (start time unknown)'
    >>> incident_when(Review("r1", "t", document_date="2024-07-08"))
    'unknown (document dated 2024-07-08)'
    >>> severity_text(Review("r1", "t"))
    'unknown'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from reviewlab.errors import ValidationError
from reviewlab.model import check_text

if TYPE_CHECKING:
    from reviewlab.model import Contribution, Review

NOTE_CODES = ("title", "text", "front_matter", "section", "template", "date", "zone", "time", "start",
              "severity", "meta", "split", "option")
"""What an import note is about (its `code`)."""


@dataclass(frozen=True)
class ImportNote:
    """One assumption an importer made, or one thing it could not read exactly, kept with the review.

    Attributes:
        code: what it is about, one of NOTE_CODES (title, zone, time, severity, ...).
        text: the note in plain words, quoting what the document said.
        line: the line of the source document it is about, if one.
    """

    code: str
    text: str
    line: int | None = None

    def __post_init__(self) -> None:
        if self.code not in NOTE_CODES:
            msg = f"import note code {self.code!r} is not known; allowed: {', '.join(NOTE_CODES)}"
            raise ValidationError(msg)
        object.__setattr__(self, "text", check_text(self.text, "import note", limit=2000))
        if self.line is not None:
            if isinstance(self.line, bool) or not isinstance(self.line, int) or self.line < 1:
                msg = f"import note line {self.line!r} is not a line number (1 or more)"
                raise ValidationError(msg)

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}" if self.line else self.text


def incident_when(review: Review, tz: tzinfo | None = None) -> str:
    """The incident start as far as it is known: a time, a day, or the document's date."""
    if review.incident_start is not None:
        start = review.incident_start.astimezone(tz) if tz is not None else review.incident_start
        return start.strftime("%Y-%m-%d %H:%M %Z").strip()
    if review.incident_date is not None:
        return f"{review.incident_date.isoformat()} (start time unknown)"
    if review.document_date is not None:
        return f"unknown (document dated {review.document_date.isoformat()})"
    return "unknown"


def incident_day(review: Review) -> str:
    """A short date for lists: the incident's day, '~' and the document's date, or 'unknown'."""
    if review.incident_date is not None:
        return review.incident_date.isoformat()
    if review.document_date is not None:
        return f"~{review.document_date.isoformat()}"
    return "unknown"


def sort_day(review: Review) -> date | None:
    """The best-known day of a review, for ordering (the incident's, else the document's)."""
    return review.incident_date or review.document_date


def severity_text(review: Review) -> str:
    """The severity, or 'unknown' when nobody said."""
    return review.severity.value if review.severity is not None else "unknown"


def timeline_order(contributions: Iterable[Contribution]) -> list[Contribution]:
    """Timeline events in order: by time, an event without a time right after the event before it in
    the given (document or recorded) order, so it keeps its place."""
    events = [c for c in contributions if c.kind.value == "timeline_event"]
    keyed: list[tuple[datetime | None, int, Contribution]] = []
    last: datetime | None = None
    for position, c in enumerate(events):
        if c.event_time is not None:
            last = c.event_time
        keyed.append((c.event_time or last, position, c))
    timed = sorted((k for k in keyed if k[0] is not None), key=lambda k: (k[0], k[1]))
    leading = [k for k in keyed if k[0] is None]  # untimed before any timed event: first, in place
    return [c for _, _, c in leading + timed]


def event_when(c: Contribution, tz: tzinfo | None = None, day: date | None = None) -> str:
    """When an event happened, as shown: 'HH:MM' on `day`, a full time, or the words as written."""
    if c.event_time is None:
        return f"{c.time_text} (time unknown)" if c.time_text else "time unknown"
    when = c.event_time.astimezone(tz) if tz is not None else c.event_time
    return when.strftime("%H:%M" if day is not None and when.date() == day else "%Y-%m-%d %H:%M")


def untimed(contributions: Sequence[Contribution]) -> list[Contribution]:
    """Timeline events that have no placeable time."""
    return [c for c in contributions if c.kind.value == "timeline_event" and c.event_time is None]
