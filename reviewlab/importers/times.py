"""Dates and times as postmortems write them at the head of a line: '14:51', '[03-26 23:04]',
'June 14th, 2022, 10:00 AM', '~18:10', '13:14 EDT (17:14 UTC)', '2019-12-03 --:--', '2023-MM-DD',
'2021年11月25日午後3時'. reviewlab finds where the time ends (a run of date and time words at
the start); python-dateutil reads the run; what it leaves open (no year, no zone) stays open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as dateparser

from reviewlab.importers.zones import ZONE

MONTHS: tuple[tuple[str, ...], ...] = (
    ("jan", "january", "januar", "jänner", "janvier", "enero"), ("feb", "february", "februar", "février", "febrero"),
    ("mar", "march", "märz", "mars", "marzo"), ("apr", "april", "avril", "abril"), ("may", "mai", "mayo"),
    ("jun", "june", "juni", "juin", "junio"), ("jul", "july", "juli", "juillet", "julio"),
    ("aug", "august", "août", "agosto"), ("sep", "sept", "september", "septembre", "septiembre"),
    ("oct", "october", "okt", "oktober", "octobre", "octubre"), ("nov", "november", "novembre", "noviembre"),
    ("dec", "december", "dez", "dezember", "décembre", "diciembre"))
"""Month names dateutil is taught, English first: German, French and Spanish postmortems use theirs."""


class _Names(dateparser.parserinfo):
    MONTHS = [tuple(names) for names in MONTHS]  # type: ignore[misc]


_MONTH = "(?:" + "|".join(sorted({n for names in MONTHS for n in names}, key=len, reverse=True)) + r")\.?(?![^\W\d_])"
_TOKENS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("iso", r"\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d:])"),
    ("ymd", r"\d{4}[-/.](?:\d{1,2}|[a-z?]{1,2})[-/.](?:\d{1,2}|[a-z?]{1,2})(?![\w.])"),
    ("cjk_date", r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日"),
    ("cjk_time", r"(?:午前|午後)?\s*\d{1,2}\s*時(?:\s*\d{1,2}\s*分|半)?"),
    ("time", r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?!\d)(?:\s*uhr\b)?"),
    ("time_unknown", r"(?:[-?x]{1,2}|\d{1,2}):(?:[-?x]{2})|[-?x]{2}:\d{2}"),
    ("hm", r"\d{1,2}h\d{2}(?!\d)"),
    ("dmy", r"\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?(?![\w.:/-])"),
    ("ampm", r"[ap]\.?m\.?(?![a-z])"),
    ("month", _MONTH),
    ("weekday", r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)"
                r"\.?(?![a-z])"),
    ("ordinal", r"\d{1,2}(?:st|nd|rd|th|er|\.(?=\s+[^\W\d_]))(?![a-z])"),
    ("number", r"\d{1,4}(?![\d:.,]\d)"),
    ("approx", r"~|\u2248|approx(?:\.|imately)?(?![a-z])|around(?![a-z])|circa(?![a-z])|ca\.|roughly(?![a-z])"),
    ("zone", ZONE),
    ("filler", r"at(?![a-z])|on(?![a-z])|of(?![a-z])|the(?![a-z])|le(?![a-z])|el(?![a-z])|de(?![a-z])|um(?![a-z])|à(?![a-z])"
               r"|,|\(|\)|\[|\]"),
)]
_RANGE = re.compile(r"(?:-|\u2013|\u2014|to(?![a-z])|until(?![a-z])|/)\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(?:[:|\u00b7\u2022>.,]|-+>?|=>|\u2013|\u2014)?\s*")
_TIMES = {"iso", "time", "hm", "cjk_time"}
_DATES = {"ymd", "cjk_date", "dmy"}
_CORE = _TIMES | _DATES | {"month", "ordinal", "number", "ampm", "weekday", "time_unknown"}


@dataclass
class When:
    """The date and time a line starts with, as far as the line itself says."""

    raw: str
    rest: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    zone: str | None = None
    approx: bool = False
    unknown: bool = False
    """A placeholder ('--:--', 'MM-DD') stands where a part should be, or the run could not be read."""
    fixes: list[str] = field(default_factory=list)
    """What was read leniently, in words ('13:55 PM read as 13:55')."""
    impossible: bool = False
    """The run looks like a date or time but is none ('25:70', '2025-02-30')."""
    end: str | None = None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def has_date(self) -> bool:
        return None not in (self.year, self.month, self.day)


def _scan(text: str) -> tuple[list[tuple[str, str, int, int]], int]:
    """The run of date and time tokens at the start of `text`: (kind, text, start, end), and where it ends."""
    tokens: list[tuple[str, str, int, int]] = []
    pos = 0
    while pos < len(text):
        space = len(text[pos:]) - len(text[pos:].lstrip())
        at = pos + space
        if tokens and tokens[-1][0] in _TIMES | _DATES | {"number", "ordinal", "time_unknown"}:
            r = _RANGE.match(text, at)
            if r and _match_at(text, r.end()) and _match_at(text, r.end())[0] in _TIMES | _DATES | {"month"}:
                tokens.append(("range", r.group(0).strip(), at, r.end()))
                pos = r.end()
                continue
        found = _match_at(text, at)
        if found is None:
            break
        kind, end = found
        tokens.append((kind, text[at:end], at, end))
        pos = end
    return tokens, pos


def _match_at(text: str, at: int) -> tuple[str, int] | None:
    for kind, pattern in _TOKENS:
        m = pattern.match(text, at)
        if m and m.end() > at:
            return kind, m.end()
    return None


def _core(tokens: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Cut the run where it stops being a date or time: a bare number must be a year, sit beside a
    month, or carry AM/PM; the run must hold a time or a whole date."""
    out: list[tuple[str, str, int, int]] = []
    kinds = [t[0] for t in tokens]
    for i, token in enumerate(tokens):
        kind, text = token[0], token[1]
        if kind == "number":
            near = {kinds[j] for j in (i - 1, i - 2, i + 1, i + 2) if 0 <= j < len(kinds)}
            year = len(text) == 4 and 1970 <= int(text) <= 2100
            if not (year or "month" in near or (i + 1 < len(kinds) and kinds[i + 1] == "ampm")):
                break
        out.append(token)
    while out and out[-1][0] in ("filler", "approx", "range") and out[-1][1] not in (")", "]"):
        out.pop()
    kinds = [t[0] for t in out]
    month_day = "month" in kinds and any(k in ("number", "ordinal") for k in kinds)
    if not (set(kinds) & (_TIMES | _DATES | {"time_unknown"}) or month_day
            or ("number" in kinds and "ampm" in kinds)):
        return []
    return out


def read_when(text: str) -> When | None:
    """The date and time `text` starts with, or None when it starts with neither."""
    tokens, _ = _scan(text)
    core = _core(tokens)
    if not core:
        return None
    end = core[-1][3]
    rest = text[end:]
    if core[-1][0] == "dmy" and not core[1:] and len(re.split(r"[/.-]", core[-1][1])) == 2 and rest.strip() \
            and not _SEPARATOR.match(rest).group(0).strip():
        return None  # '3/4 of the nodes': a fraction, not a date
    rest = rest[_SEPARATOR.match(rest).end():]
    raw = text[:end].strip(" ,")
    for left, right in ("[]", "()"):
        if raw.startswith(left) and right not in raw:
            raw = raw[1:].strip()
        if raw.endswith(right) and left not in raw:
            raw = raw[:-1].strip()
    when = When(raw=raw or text[:end].strip(), rest=rest.strip())
    _read(when, core)
    return when


def _read(when: When, core: list[tuple[str, str, int, int]]) -> None:
    parts: list[str] = []
    has_time = False
    alternative = ranged = False
    for i, (kind, text, _, _) in enumerate(core):
        if kind == "filler" and text in "([/" and has_time and any(k in _TIMES for k, *_ in core[i + 1:]):
            alternative = True  # '13:14 EDT (17:14 UTC)': the second form says the same
        if kind == "range":
            ranged = True
            when.end = " ".join(t[1] for t in core[i + 1:] if t[0] not in ("filler",)).strip() or None
        if alternative or ranged and kind != "zone":
            continue
        if kind == "zone" and when.zone is None:
            when.zone = text
        elif kind == "approx":
            when.approx = True
        elif kind == "time_unknown" or kind == "ymd" and re.search(r"[a-z?]", text, re.IGNORECASE):
            when.unknown = True
            year = re.match(r"(\d{4})", text)
            if year and kind == "ymd":
                when.year = int(year[1])
        elif kind == "ampm" and (i == 0 or core[i - 1][0] not in ("time", "number")):
            continue  # 'am 12. März': German 'on', not a time of day
        elif kind in _CORE or kind == "iso":
            has_time = has_time or kind in _TIMES or (kind == "number" and _next(core, i) == "ampm")
            parts.append(_plain(kind, text, core, i, when))
    if when.unknown and not parts:
        return
    _parse(when, " ".join(p for p in parts if p), has_time, dayfirst=any(k == "dmy" and "." in t for k, t, *_ in core))


def _next(core: list[tuple[str, str, int, int]], i: int) -> str | None:
    return core[i + 1][0] if i + 1 < len(core) else None


def _plain(kind: str, text: str, core: list[tuple[str, str, int, int]], i: int, when: When) -> str:
    if kind == "cjk_date":
        m = re.match(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m and m[1] else f"{m[2]}/{m[3]}" if m else ""
    if kind == "cjk_time":
        m = re.match(r"(午前|午後)?\s*(\d{1,2})\s*時(?:\s*(\d{1,2})\s*分|(半))?", text)
        if not m:
            return ""
        minute = 30 if m[4] else int(m[3] or 0)
        return f"{m[2]}:{minute:02d}" + (" PM" if m[1] == "午後" else " AM" if m[1] == "午前" else "")
    if kind == "hm":
        return text.lower().replace("h", ":")
    if kind == "time":
        return re.sub(r"\s*uhr$", "", text, flags=re.IGNORECASE)
    if kind == "ordinal":
        return re.sub(r"(?:st|nd|rd|th|er|\.)$", "", text, flags=re.IGNORECASE)
    if kind == "iso" and re.search(r"(?:Z|[+-]\d{2}:?\d{2})$", text):
        when.zone = when.zone or ("UTC" if text.endswith("Z") else text[-6:] if ":" in text[-6:] else text[-5:])
        return re.sub(r"(?:Z|[+-]\d{2}:?\d{2})$", "", text)
    if kind == "ampm" and i > 0 and core[i - 1][0] == "time" and int(core[i - 1][1].split(":")[0]) > 12:
        when.fixes.append("24-hour times written with AM or PM ('13:55 PM') were read as 24-hour times")
        return ""
    if kind == "dmy" and "." not in text:
        first, second = (int(x) for x in re.split(r"[/-]", text)[:2])
        if first <= 12 and second <= 12 and first != second:
            when.fixes.append("dates such as '05/03' could be day/month or month/day: read month first")
    return text


def _parse(when: When, text: str, has_time: bool, dayfirst: bool) -> None:
    a, b = datetime(2000, 1, 1), datetime(2004, 2, 2)
    try:
        first = dateparser.parse(text, _Names(dayfirst=dayfirst), default=a)
        second = dateparser.parse(text, _Names(dayfirst=dayfirst), default=b)
    except (ValueError, OverflowError):
        when.unknown = when.impossible = True
        return
    when.year = first.year if first.year == second.year else when.year
    when.month = first.month if first.month == second.month else None
    when.day = first.day if first.day == second.day else None
    if has_time:
        when.hour, when.minute, when.second = first.hour, first.minute, first.second


def find_when(text: str, *, need_date: bool = False) -> tuple[When, int] | None:
    """The first date or time in running text ('Website outage 5-26-21', 'iOS: 2021年11月26日'), with
    where it starts; a run must hold a whole date or a time to count (a whole date, with `need_date`)."""
    for m in re.finditer(r"(?:^|(?<=[\s(:\uff1a\u3001]))(?=[\w~\[(])", text):
        when = read_when(text[m.start():])
        if when is None or when.unknown:
            continue
        if when.has_date or not need_date and (when.has_time or when.month and when.day):
            return when, m.start()
    return None
