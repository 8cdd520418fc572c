"""A review's one time zone: a name such as Europe/Berlin, or an offset such as +01:00 when that is all
that is known.

The archive keeps instants (ISO 8601 with an offset; frames in UTC). Every surface that shows a time of
a review shows it in the review's zone and says which: `zone_of` gives the tzinfo, `zone_label` the
words, `local` and `clock_text` the converted time. A review whose zone is not recorded falls back to
the offset of its incident start, and says so.

Examples:
    >>> check_timezone("europe/berlin"), check_timezone("UTC+1"), check_timezone("-05:30")
    ('Europe/Berlin', '+01:00', '-05:30')
"""

from __future__ import annotations

import re
from datetime import date as _date
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from reviewlab.errors import ValidationError


class Review(Protocol):
    """What these functions read of a review (reviewlab.model.Review has it): its zone and when it happened."""

    @property
    def timezone(self) -> str | None: ...
    @property
    def incident_start(self) -> datetime | None: ...
    @property
    def incident_date(self) -> _date | None: ...


_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_UTC_NAMES = {"utc", "z", "gmt", "zulu", "etc/utc", "universal"}
EXAMPLES = "a name such as Europe/Berlin or America/New_York, or an offset such as +01:00"


@lru_cache(maxsize=1)
def _names_by_lower() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def check_timezone(value: Any, field_name: str = "timezone") -> str | None:
    """A time zone as stored: an IANA name spelled as the tz database spells it, 'UTC', or '+HH:MM'.

    Empty or None stays None (unknown). Raises ValidationError naming what was given and what is accepted.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"{field_name} must be text ({EXAMPLES}), got {type(value).__name__}"
        raise ValidationError(msg)
    text = value.strip()
    if not text:
        return None
    if text.lower() in _UTC_NAMES:
        return "UTC"
    match = _OFFSET.match(text)
    if match:
        sign, hours, mins = match[1], int(match[2]), int(match[3] or 0)
        if hours > 14 or mins > 59:
            msg = f"{field_name} {value!r} is not an offset from UTC (they run from -12:00 to +14:00); give {EXAMPLES}"
            raise ValidationError(msg)
        return f"{sign}{hours:02d}:{mins:02d}"
    name = text.replace(" ", "_")
    if "/" in name or name.isalpha():
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
        known = _names_by_lower().get(name.lower())
        if known:
            return known
    msg = f"{field_name} {value!r} is not a time zone I know; give {EXAMPLES}"
    raise ValidationError(msg)


def as_tzinfo(zone: str) -> tzinfo:
    """The tzinfo of a checked zone ('Europe/Berlin', 'UTC' or '+01:00')."""
    if zone == "UTC":
        return timezone.utc
    match = _OFFSET.match(zone)
    if match:
        delta = timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
        return timezone(-delta if match[1] == "-" else delta)
    return ZoneInfo(zone)


def offset_text(delta: timedelta | None) -> str:
    """An offset as 'UTC', 'UTC+01:00' or 'UTC-05:30'."""
    if not delta:
        return "UTC"
    sign = "-" if delta < timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def zone_of(review: Review) -> tzinfo:
    """The zone a review's times are shown in: its recorded zone, else its incident start's offset."""
    if review.timezone:
        return as_tzinfo(review.timezone)
    if review.incident_start is None:
        return timezone.utc
    return timezone(review.incident_start.utcoffset() or timedelta(0))


def zone_label(review: Review) -> str:
    """The zone in words: 'Europe/Berlin', 'UTC+01:00', or 'UTC+01:00 (the incident start's offset)'."""
    if review.timezone:
        return review.timezone if "/" in review.timezone or review.timezone == "UTC" else f"UTC{review.timezone}"
    if review.incident_start is None:
        return "UTC (no time zone recorded)"
    return f"{offset_text(review.incident_start.utcoffset())} (the incident start's offset)"


def zone_name(review: Review) -> str:
    """The zone as a short name for axis titles and headings: 'Europe/Berlin', 'UTC+01:00'."""
    return zone_label(review).split(" (")[0]


def local(when: datetime, review: Review) -> datetime:
    """`when` in the review's zone."""
    return when.astimezone(zone_of(review))


def incident_day(review: Review) -> _date | None:
    """The incident's day in the review's zone (its start's, or the day alone when that is all that is known)."""
    if review.incident_start is not None:
        return local(review.incident_start, review).date()
    return review.incident_date


def clock_text(when: datetime | None, review: Review, *, date: bool | None = None) -> str:
    """A time in the review's zone as '08:20', or '2025-11-18 08:20' when it is not on the incident's day
    (or when `date` is True). None gives '-'."""
    if when is None:
        return "-"
    at = local(when, review)
    if date is None:
        date = at.date() != incident_day(review)
    return at.strftime("%Y-%m-%d %H:%M" if date else "%H:%M")
