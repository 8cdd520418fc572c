"""Times as people type them in a meeting: 08:20, 8:20, 8.20, 0820, 8:20pm, 20:20.

A time of day is put on the incident's date in the review's zone; when the incident crossed midnight
(or the time only makes sense just before it started), the day nearest the incident window is taken.
A full date and time is read in the review's zone unless it carries its own offset. What cannot be read
is refused with a message that says what is accepted.

Examples:
    >>> from reviewlab.model import Review
    >>> r = Review("r1", "x", "2025-11-18T22:50:00+00:00", incident_end="2025-11-19T01:30:00+00:00",
    ...            timezone="Europe/Berlin")
    >>> event_time("8.20pm", Review("r2", "x", "2025-05-06T14:02:00+02:00")).isoformat()
    '2025-05-06T20:20:00+02:00'
    >>> event_time("0120", r).isoformat()  # after midnight: the incident crossed it
    '2025-11-19T01:20:00+01:00'
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from reviewlab.errors import ValidationError
from reviewlab.timezones import incident_day, local, zone_label, zone_name, zone_of

if TYPE_CHECKING:
    from reviewlab.model import Review

ACCEPTED = "08:20, 8:20, 8.20, 0820, 8:20pm or 20:20"
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2})(?:[:.](\d{2}))?)?\s*(am|pm)?$")
_DIGITS = re.compile(r"^(\d{1,2})(\d{2})\s*(am|pm)?$")
UNKNOWN_END_WINDOW = timedelta(hours=12)
"""While an incident's end is unknown, a typed time of day is placed within this long after its start."""
_WORDS = {"noon": time(12), "midday": time(12), "midnight": time(0)}


def time_of_day(text: str) -> time | None:
    """Read a time of day as people type it; None when the text is not one.

    Raises ValidationError for something shaped like a time that is not one (25:70, 13pm).

    Examples:
        >>> [time_of_day(t).strftime("%H:%M") for t in ("08:20", "8:20", "8.20", "0820", "8:20pm", "20:20", "8 PM")]
        ['08:20', '08:20', '08:20', '08:20', '20:20', '20:20', '20:00']
        >>> time_of_day("half past eight") is None
        True
    """
    raw = (text or "").strip().lower().replace("a.m.", "am").replace("p.m.", "pm")
    if raw in _WORDS:
        return _WORDS[raw]
    match = _CLOCK.match(raw) or _DIGITS.match(raw)
    if not match:
        return None
    groups = match.groups()
    hour, minute = int(groups[0]), int(groups[1] or 0)
    second = int(groups[2] or 0) if len(groups) == 4 else 0
    meridiem = groups[-1]
    if groups[1] is None and meridiem is None:
        return None  # a bare "8" is not a time
    if meridiem:
        if not 1 <= hour <= 12:
            msg = f"{text!r}: with am/pm the hour runs from 1 to 12 (e.g. 8:20pm, or 20:20 without pm)"
            raise ValidationError(msg)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        msg = f"{text!r} is not a time of day: hours run 0-23 and minutes 0-59 (e.g. {ACCEPTED})"
        raise ValidationError(msg)
    return time(hour, minute, second)


def _on_day(day: date, at: time, review: Review) -> datetime:
    zone = zone_of(review)
    when = datetime.combine(day, at, tzinfo=zone)
    if when.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != when.replace(tzinfo=None):
        msg = (f"{at:%H:%M} does not exist on {day.isoformat()} in {zone_name(review)}: the clocks went forward "
               "that night; give the time as it was read after the change")
        raise ValidationError(msg)
    return when


def nearest_day(at: time, review: Review) -> datetime:
    """`at` on the incident's day in the review's zone, or on a later day of the incident when it crossed
    midnight: the day whose `at` lies in (or nearest) the incident window. While the end is unknown the
    window is taken as the 12 hours after the start, so 00:20 after a start at 23:10 is the next day."""
    if review.incident_start is not None:
        start = local(review.incident_start, review)
        end = local(review.incident_end, review) if review.incident_end else start + UNKNOWN_END_WINDOW
    elif review.incident_date is not None and review.timezone:  # only the day is known: the time is on that day
        return _on_day(review.incident_date, at, review)
    else:
        msg = (f"{at:%H:%M} needs the incident's start, which review {review.id} does not know; write the full time "
               "with its offset, e.g. 2025-05-06T14:04:00+02:00 (or record the review's day and time zone)")
        raise ValidationError(msg)
    days = [start.date() + timedelta(days=n) for n in range((end.date() - start.date()).days + 1)]

    def distance(when: datetime) -> timedelta:
        if when < start:
            return start - when
        return max(when - end, timedelta(0))

    return min((_on_day(day, at, review) for day in days), key=distance)


def event_time(text: str, review: Review, field_name: str = "event time") -> datetime:
    """When something happened, as typed: a time of day (see `time_of_day`) on the incident's day in the
    review's zone, or a date and time (its own offset, else the review's zone).

    Raises:
        ValidationError: the text is not a time; the message says what is accepted.
    """
    text = (text or "").strip()
    at = time_of_day(text)
    if at is not None:
        return nearest_day(at, review)
    try:
        when = datetime.fromisoformat(text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", text) else text)
    except ValueError:
        when = None
    if when is not None:
        if when.tzinfo is None or when.utcoffset() is None:
            if not (review.timezone or review.incident_start):
                msg = (f"{field_name} {text!r} has no offset, and review {review.id} records no time zone to read it "
                       "in; add the offset, e.g. +02:00")
                raise ValidationError(msg)
            when = _on_day(when.date(), when.time(), review)
        return when
    known = incident_day(review)
    day = known.isoformat() if known else "2025-05-06"
    where = f"on the incident's day, {day}, {zone_label(review)}" if known else zone_label(review)
    msg = (f"{field_name} {text!r} is not a time I can read. Type the time of day as {ACCEPTED} "
           f"({where}), or a date and time such as {day} 08:20.")
    raise ValidationError(msg)
