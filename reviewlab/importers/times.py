"""Dates, times and timezones as postmortems write them; a time without a timezone is refused, never guessed."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FIXED = {"utc": 0, "gmt": 0, "z": 0, "pst": -8, "pdt": -7, "mst": -7, "mdt": -6, "est": -5, "edt": -4,
         "cet": 1, "cest": 2, "eet": 2, "eest": 3, "jst": 9, "aest": 10, "aedt": 11}
"""Abbreviations with one meaning. CST, IST, BST and the like have several: they are refused."""
AMBIGUOUS = {"cst", "ist", "bst", "ast", "cdt", "sst", "hst", "akst"}

_ABBREVIATIONS = "|".join(sorted((w.upper() for w in (*FIXED, *AMBIGUOUS)), key=len, reverse=True))
_TZ = rf"(?:{_ABBREVIATIONS}|[+-]\d{{2}}:?\d{{2}}|[A-Z][A-Za-z]+/[A-Za-z_]+)"
TIME_LINE = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})(?:[ T]|,\s*))?"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm]\b)?"
    rf"\s*(?:\(?(?P<tz>{_TZ})\)?(?=[\s\-\u2013\u2014:|]|$))?"
    r"\s*(?:[-\u2013\u2014:|]\s*)?(?P<text>.*)$")
DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_WORD_DATES = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d")
ALL_TIMES = re.compile(r"(?:all\s+times?|times?\s+(?:are\s+)?(?:in|shown in|given in)|timezone|time zone)"
                       rf"\s*(?:are\s+)?(?:in\s+)?:?\s*\(?(?P<tz>{_TZ})\)?", re.IGNORECASE)


class TimeProblem(ValueError):
    """A date, time or timezone that cannot be read (the message says what to write instead)."""


def parse_tz(text: str) -> tzinfo:
    """'UTC', '+02:00', '-0700', 'Europe/Berlin', 'PDT' -> a tzinfo; ambiguous abbreviations are refused."""
    word = text.strip().strip("()")
    low = word.lower()
    if low in FIXED:
        return timezone(timedelta(hours=FIXED[low]))
    if low in AMBIGUOUS:
        msg = f"timezone {word!r} has several meanings; write an offset such as +00:00 or a name like Europe/London"
        raise TimeProblem(msg)
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", word)
    if m:
        delta = timedelta(hours=int(m[2]), minutes=int(m[3]))
        return timezone(-delta if m[1] == "-" else delta)
    if "/" in word:
        try:
            return ZoneInfo(word)
        except (ZoneInfoNotFoundError, ValueError) as err:
            msg = f"timezone {word!r} is not known; write an offset such as +00:00"
            raise TimeProblem(msg) from err
    msg = f"timezone {word!r} is not known; write an offset such as +00:00, UTC, or a name like Europe/Berlin"
    raise TimeProblem(msg)


def find_date(text: str) -> date | None:
    """The first date in the text (2015-10-21, 21 October 2015, Oct 21, 2015), or None."""
    m = DATE.search(text)
    if m:
        try:
            return date.fromisoformat(m[1])
        except ValueError as err:
            msg = f"{m[1]!r} is not a real date"
            raise TimeProblem(msg) from err
    cleaned = re.sub(r"\([^)]*\)", "", text).strip().strip(".:")
    for fmt in _WORD_DATES:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def find_all_times_tz(text: str) -> tzinfo | None:
    """The timezone of a note such as '(all times UTC)' or 'Times are in Europe/Berlin', or None."""
    m = ALL_TIMES.search(text)
    return parse_tz(m["tz"]) if m else None


def parse_time_line(text: str, day: date | None, tz: tzinfo | None) -> tuple[datetime, str] | None:
    """'14:51 News reports...' -> (aware datetime, rest of text); None when the text starts with no time.

    The date and timezone on the line win over `day` and `tz` (from the timeline's context).
    """
    m = TIME_LINE.match(text)
    if not m:
        return None
    hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            msg = f"{m.group(0)[:20]!r} mixes a 24-hour time with AM/PM"
            raise TimeProblem(msg)
        hour = hour % 12 + (12 if m["ampm"].lower() == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        msg = f"{hour:02d}:{minute:02d} is not a time of day (use 00:00 to 23:59)"
        raise TimeProblem(msg)
    zone = parse_tz(m["tz"]) if m["tz"] else tz
    if zone is None:
        msg = ("the time has no timezone; add one on the line (14:51 UTC), a note '(all times UTC)' "
               "in the timeline, or a 'Timezone: +00:00' line at the top")
        raise TimeProblem(msg)
    when = date.fromisoformat(m["date"]) if m["date"] else day
    if when is None:
        msg = "the time has no date; put the date on the line (2025-05-06 14:51) or a date line above it"
        raise TimeProblem(msg)
    return datetime.combine(when, time(hour, minute, second), tzinfo=zone), m["text"].strip()


def parse_when(text: str, tz: tzinfo | None) -> datetime:
    """A metadata time: ISO 8601 with an offset, or 'date time zone' as a timeline writes it."""
    text = text.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        value = None
    if value is not None:
        if value.tzinfo is None:
            if tz is None:
                msg = f"{text!r} has no timezone; write it with an offset, e.g. {text}+00:00"
                raise TimeProblem(msg)
            value = value.replace(tzinfo=tz)
        return value
    day = find_date(text)
    rest = DATE.sub("", text).strip(" ,T")
    parsed = parse_time_line(rest, day, tz) if rest else None
    if parsed is None:
        msg = f"{text!r} is not a time; write e.g. 2025-05-06 14:02 UTC or 2025-05-06T14:02:00+00:00"
        raise TimeProblem(msg)
    return parsed[0]
