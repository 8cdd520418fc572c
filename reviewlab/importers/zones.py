"""Time zones as postmortems name them: abbreviations, offsets, IANA names and 'Eastern'; an
abbreviation with several meanings is settled by what the document says, else read in its most
common meaning with a note. Data first, so a team can add the zones it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class Meaning:
    """One meaning of a zone abbreviation: its UTC offset, the region whose clock it names, and
    whether it is that region's summer time (None: the region has one offset all year)."""

    name: str
    hours: float
    region: str | None = None
    summer: bool | None = None
    places: tuple[str, ...] = ()


ABBREVIATIONS: dict[str, tuple[Meaning, ...]] = {
    "utc": (Meaning("UTC", 0),), "gmt": (Meaning("GMT", 0),), "z": (Meaning("UTC", 0),),
    "pst": (Meaning("Pacific Standard Time", -8, "America/Los_Angeles", False),),
    "pdt": (Meaning("Pacific Daylight Time", -7, "America/Los_Angeles", True),),
    "mst": (Meaning("Mountain Standard Time", -7, "America/Denver", False),),
    "mdt": (Meaning("Mountain Daylight Time", -6, "America/Denver", True),),
    "est": (Meaning("Eastern Standard Time", -5, "America/New_York", False),),
    "edt": (Meaning("Eastern Daylight Time", -4, "America/New_York", True),),
    "akst": (Meaning("Alaska Standard Time", -9, "America/Anchorage", False),),
    "akdt": (Meaning("Alaska Daylight Time", -8, "America/Anchorage", True),),
    "hst": (Meaning("Hawaii Standard Time", -10),),
    "wet": (Meaning("Western European Time", 0, "Europe/Lisbon", False),),
    "west": (Meaning("Western European Summer Time", 1, "Europe/Lisbon", True),),
    "cet": (Meaning("Central European Time", 1, "Europe/Berlin", False),),
    "mez": (Meaning("Central European Time (MEZ)", 1, "Europe/Berlin", False),),
    "mesz": (Meaning("Central European Summer Time (MESZ)", 2, "Europe/Berlin", True),),
    "cest": (Meaning("Central European Summer Time", 2, "Europe/Berlin", True),),
    "eet": (Meaning("Eastern European Time", 2, "Europe/Athens", False),),
    "eest": (Meaning("Eastern European Summer Time", 3, "Europe/Athens", True),),
    "msk": (Meaning("Moscow Time", 3),), "gst": (Meaning("Gulf Standard Time", 4),),
    "pkt": (Meaning("Pakistan Standard Time", 5),), "ict": (Meaning("Indochina Time", 7),),
    "wib": (Meaning("Western Indonesia Time", 7),), "hkt": (Meaning("Hong Kong Time", 8),),
    "sgt": (Meaning("Singapore Time", 8),), "awst": (Meaning("Australian Western Standard Time", 8),),
    "jst": (Meaning("Japan Standard Time", 9),), "kst": (Meaning("Korea Standard Time", 9),),
    "acst": (Meaning("Australian Central Standard Time", 9.5, "Australia/Adelaide", False),),
    "acdt": (Meaning("Australian Central Daylight Time", 10.5, "Australia/Adelaide", True),),
    "aest": (Meaning("Australian Eastern Standard Time", 10, "Australia/Sydney", False),),
    "aedt": (Meaning("Australian Eastern Daylight Time", 11, "Australia/Sydney", True),),
    "nzst": (Meaning("New Zealand Standard Time", 12, "Pacific/Auckland", False),),
    "nzdt": (Meaning("New Zealand Daylight Time", 13, "Pacific/Auckland", True),),
    # several meanings, the most common first
    "cst": (Meaning("Central Standard Time (US)", -6, "America/Chicago", False,
                    ("chicago", "texas", "dallas", "houston", "central time", "us central")),
            Meaning("China Standard Time", 8, None, None, ("china", "beijing", "shanghai", "shenzhen")),
            Meaning("Cuba Standard Time", -5, "America/Havana", False, ("cuba", "havana"))),
    "cdt": (Meaning("Central Daylight Time (US)", -5, "America/Chicago", True,
                    ("chicago", "texas", "dallas", "houston", "central time", "us central")),
            Meaning("Cuba Daylight Time", -4, "America/Havana", True, ("cuba", "havana"))),
    "ist": (Meaning("India Standard Time", 5.5, None, None,
                    ("india", "indian", "kolkata", "bangalore", "bengaluru", "mumbai", "delhi", "chennai", "pune")),
            Meaning("Irish Standard Time", 1, "Europe/Dublin", True, ("ireland", "irish", "dublin")),
            Meaning("Israel Standard Time", 2, "Asia/Jerusalem", False, ("israel", "tel aviv", "jerusalem"))),
    "bst": (Meaning("British Summer Time", 1, "Europe/London", True, ("london", "britain", "british", " uk ")),
            Meaning("Bangladesh Standard Time", 6, None, None, ("bangladesh", "dhaka"))),
    "ast": (Meaning("Atlantic Standard Time", -4, "America/Halifax", False, ("atlantic", "halifax", "puerto rico")),
            Meaning("Arabia Standard Time", 3, None, None, ("arabia", "saudi", "riyadh", "qatar", "kuwait"))),
    "sst": (Meaning("Samoa Standard Time", -11, None, None, ("samoa", "pago")),
            Meaning("Singapore Standard Time", 8, None, None, ("singapore",))),
}
"""Abbreviation -> its meanings."""

REGIONS: dict[str, str] = {
    "eastern": "America/New_York", "et": "America/New_York", "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles", "central": "America/Chicago", "ct": "America/Chicago",
    "mountain": "America/Denver", "mt": "America/Denver", "日本時間": "Asia/Tokyo", "日本標準時": "Asia/Tokyo",
}
"""Region words ('7:09 AM Eastern') -> the IANA zone whose clock they mean."""

_ABBR = "|".join(sorted((w.upper() for w in ABBREVIATIONS if len(w) > 1 and w not in ("utc", "gmt")), key=len,
                        reverse=True))
ZONE = (r"(?:(?:UTC|GMT)\s?[+\u2212-]\s?\d{1,2}(?::?\d{2})?|[+\u2212-]\d{2}:?\d{2}"
        r"|[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?"
        r"|(?:eastern|pacific|central|mountain)(?:\s+(?:standard\s+|daylight\s+)?time)?\b|日本時間|日本標準時"
        rf"|\b(?:UTC|GMT)\b|(?-i:\b(?:{_ABBR}|ET|PT|CT|MT|Z)\b))")
"""A zone as written: an abbreviation (in capitals), UTC+2, +05:30, Europe/Berlin or 'Eastern time'."""
ZONE_RE = re.compile(ZONE, re.IGNORECASE)


@dataclass(frozen=True)
class Zone:
    """A zone read from a document: the tzinfo to apply, the words as written, and how it was read."""

    tz: tzinfo
    written: str
    reading: str | None = None
    """How an unclear word was settled (e.g. 'IST read as India Standard Time, +05:30'), or None."""


def _fixed(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def _offset(text: str) -> timezone | None:
    m = re.fullmatch(r"(?:utc|gmt)?\s?([+\u2212-])\s?(\d{1,2})(?::?(\d{2}))?", text.strip().lower())
    if not m:
        return None
    delta = timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
    return timezone(-delta if m[1] in "-\u2212" else delta)


def _in_summer(region: str, day: date) -> bool:
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(region))
    return bool(noon.dst())


def read_zone(written: str, day: date | None = None, document: str = "") -> Zone | None:
    """The zone `written` names, settled with the date and the document's other lines where it is
    unclear; None when it is not a zone."""
    word = " ".join(written.strip().strip("()").split())
    low = word.lower()
    fixed = _offset(low)
    if fixed is not None:
        return Zone(fixed, word)
    region = REGIONS.get(low.split()[0]) if low.split() and low.split()[0] in REGIONS else None
    if region is not None:
        return Zone(ZoneInfo(region), word, f"{word} read as {region} time")
    if "/" in word:
        try:
            return Zone(ZoneInfo(word), word)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    meanings = ABBREVIATIONS.get(low)
    if not meanings:
        return None
    meaning, why = _settle(low, meanings, day, document)
    if meaning.region and meaning.summer is not None and day is not None \
            and _in_summer(meaning.region, day) != meaning.summer:
        # "All times PST" written in July: the author means the region's clock, whatever its season
        return Zone(ZoneInfo(meaning.region), word, f"{word} written on dates when {meaning.region} was on "
                                                    f"{'summer' if not meaning.summer else 'standard'} time: "
                                                    f"read as {meaning.region} local time")
    reading = f"{word} read as {meaning.name} ({_hhmm(meaning.hours)}){why}" if len(meanings) > 1 else None
    return Zone(_fixed(meaning.hours), word, reading)


def _hhmm(hours: float) -> str:
    sign = "-" if hours < 0 else "+"
    minutes = round(abs(hours) * 60)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _settle(low: str, meanings: tuple[Meaning, ...], day: date | None, document: str) -> tuple[Meaning, str]:
    """The meaning the document supports: an offset or a UTC time beside the abbreviation, a place it
    names, the season of its date; else the most common meaning."""
    if len(meanings) == 1:
        return meanings[0], ""
    text = f" {document.lower()} "
    for hours in _stated_offsets(low, text):
        for meaning in meanings:
            if abs(meaning.hours - hours) < 0.01 or (meaning.summer is False and abs(meaning.hours + 1 - hours) < 0.01):
                return meaning, ", as the document's times beside it in UTC show"
    for meaning in meanings:
        place = next((p for p in meaning.places if p in text), None)
        if place:
            return meaning, f", as the document mentions {place.strip()!r}"
    if day is not None:
        fits = [m for m in meanings if m.region is None or m.summer is None or _in_summer(m.region, day) == m.summer]
        if fits and fits[0] is not meanings[0]:
            return fits[0], f", the meaning that fits the date {day}"
    return meanings[0], (", its most common meaning; if that is wrong, import with --timezone "
                         "and an offset or a zone name")


def _stated_offsets(low: str, text: str) -> list[float]:
    """Offsets the document gives for the abbreviation: 'IST (UTC+5:30)' or '13:14 IST (07:44 UTC)'."""
    out: list[float] = []
    for m in re.finditer(rf"\b{re.escape(low)}\b\s*[(,/]?\s*(?:utc|gmt)\s?([+\u2212-])\s?(\d{{1,2}})(?::?(\d{{2}}))?", text):
        hours = int(m[2]) + int(m[3] or 0) / 60
        out.append(-hours if m[1] in "-\u2212" else hours)
    pair = (rf"(\d{{1,2}}):(\d{{2}})\s*(am|pm|a\.m\.|p\.m\.)?\s*{re.escape(low)}\b\s*[(/,]\s*"
            rf"(\d{{1,2}}):(\d{{2}})\s*(am|pm)?\s*(?:utc|gmt|z)\b")
    for m in re.finditer(pair, text):
        local = int(m[1]) % 12 + (12 if (m[3] or "").startswith("p") else 0) if m[3] else int(m[1])
        utc = int(m[4]) % 12 + (12 if (m[6] or "") == "pm" else 0) if m[6] else int(m[4])
        minutes = (local * 60 + int(m[2]) - utc * 60 - int(m[5])) % (24 * 60)
        if minutes > 14 * 60:
            minutes -= 24 * 60
        out.append(minutes / 60)
    return out
