"""A postmortem's timeline into events: each entry's time placed where the document says enough
(its date from the line, a day heading, a date line or the incident's date; its zone from the line,
a table header, a stated zone, or --timezone), else kept as written without a time. Every
assumption is counted and becomes one import note.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from reviewlab.importers.blocks import Block
from reviewlab.importers.times import When, read_when
from reviewlab.importers.zones import ZONE_RE, Zone, read_zone
from reviewlab.unknowns import ImportNote

MIDNIGHT_STEP = timedelta(hours=6)
"""A time this much earlier than the entry before it, on a date the line does not give, is the next day."""
_STATEMENT = re.compile(r"\ball\s+times?\b|\btimes?\s+(?:are|is|in|shown|given|listed|as)\b|^\W*times?\b"
                        r"|\btime\s*zone\b|\btimezone\b|\bzeitzone\b|\b(?:in|all)\s+(?:utc|gmt)\b"
                        r"|\balle\s+zeiten\b|\bzeiten\s+in\b|\bzeitangaben\b|時刻|時間表記", re.IGNORECASE)
_TIME_COLUMN = re.compile(r"\b(?:time|date|when|timestamp|datum|zeit|hora|heure|日時|時刻)\b", re.IGNORECASE)


@dataclass
class Event:
    """One timeline entry: where it is, its words, its time if placed, its time as written."""

    line: int
    text: str
    when: datetime | None = None
    time_text: str | None = None
    tags: tuple[str, ...] = ()
    """The headings it sits under, as written ('Timeline', '2025-07-26 Saturday')."""


@dataclass
class Clues:
    """What the rest of the document says about dates and zones, each with where it came from."""

    day: date | None = None
    day_source: str = ""
    zone: Zone | None = None
    zone_source: str = ""
    zone_inferred: bool = False
    """The zone was inferred (the only one the document gives a time in), not stated: --timezone wins."""
    user_zone: Zone | None = None
    user_day: date | None = None
    document: str = ""


def zone_statement(text: str) -> str | None:
    """The zone a short line states for the times ('All times in PDT (UTC-7)', 'Time (UTC)'), or None."""
    if len(text) > 120 or not _STATEMENT.search(text):
        return None
    found = ZONE_RE.search(text)
    return found.group(0) if found else None


@dataclass
class TimelineReader:
    """Reads one timeline section's blocks in document order."""

    clues: Clues
    events: list[Event] = field(default_factory=list)
    prose: list[tuple[int, str]] = field(default_factory=list)
    """Paragraphs in the timeline that are not entries (kept as observations tagged 'timeline')."""
    day: date | None = None
    day_raw: str | None = None
    zone: tuple[str, str] | None = None  # (zone as written, where it was stated)
    last: datetime | None = None
    counts: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    _entry_of: dict[int, int] = field(default_factory=dict)  # list item block -> event index
    _heading_entry: int | None = None
    _table_zone: tuple[tuple[str, ...], tuple[str, str] | None] = ((), None)

    def note(self, code: str, text: str, line: int) -> None:
        self.counts[(code, text)].append(line)

    def read(self, heading: str, heading_line: int, blocks: list[tuple[int, Block]], tags: tuple[str, ...] = ()
             ) -> None:
        """Read the section headed `heading`; `blocks` are (index in the document, block); its
        events are tagged with `tags` and the headings inside it."""
        stated = zone_statement(heading)
        if stated:
            self.zone = (stated, f"the heading '{heading}' (line {heading_line})")
        first = len(self.events)
        under: dict[int, tuple[str, ...]] = {}
        inner: tuple[str, ...] = ()
        for index, block in blocks:
            before = len(self.events)
            if block.kind == "heading":
                self._heading(block)
                inner = (block.text,)
            elif block.kind == "row":
                self._row(block)
            else:
                self._lines(index, block)
            for i in range(before, len(self.events)):
                under[i] = inner
        for i in range(first, len(self.events)):
            event = self.events[i]
            wanted = (*tags, *under.get(i, ())) if under.get(i, ()) != (event.time_text,) else tags
            event.tags = tuple(dict.fromkeys(t for t in wanted if t))

    def _heading(self, block: Block) -> None:
        self._heading_entry = None
        when = read_when(block.text)
        if when is not None and not when.rest.strip(" .:"):
            if when.has_time:
                self._heading_entry = self._add(block.line, when, "")
            else:
                self._set_day(when)
            return
        stated = zone_statement(block.text)
        if stated:
            self.zone = (stated, f"the heading '{block.text}' (line {block.line})")

    def _row(self, block: Block) -> None:
        cells = list((block.cells or {}).values())
        if block.header != self._table_zone[0]:
            found = next(((zone_statement(h) or (ZONE_RE.search(h).group(0) if ZONE_RE.search(h) else None), h)
                          for h in block.header if _TIME_COLUMN.search(h) and ZONE_RE.search(h)), (None, ""))
            zone = (found[0], f"the table header '{found[1]}' (line {block.line - 2})") if found[0] else None
            self._table_zone = (block.header, zone)
        lead: list[str] = []
        for cell in cells:
            when = read_when(cell) if cell else None
            if when is None or when.rest.strip():
                break
            lead.append(cell)
        text = " \u2014 ".join(c for c in cells[len(lead):] if c)
        if not lead and cells and block.header and _TIME_COLUMN.search(block.header[0]):
            raw, text = cells[0], " \u2014 ".join(c for c in cells[1:] if c)
            self.events.append(Event(block.line, text or raw, None, raw or None))
            if raw:
                self.note("time", "kept as written, without a time: entries whose time cell cannot be read", block.line)
            return
        if not lead:
            self.events.append(Event(block.line, block.text, None, self.day_raw))
            return
        when = read_when(" ".join(lead))
        assert when is not None
        saved = self.zone
        if self._table_zone[1] is not None:
            self.zone = self._table_zone[1]
        self._add(block.line, when, text or " ".join(lead))
        self.zone = saved

    def _lines(self, index: int, block: Block) -> None:
        """A paragraph or list item: each line that starts with a time begins an entry; other lines
        continue the entry above them (in the block, the list item it is nested in, or the time
        heading it is under), or, with none, are an entry without a time (a list item) or prose."""
        if block.parent is not None and block.parent in self._entry_of:
            owner: int | None = self._entry_of[block.parent]
        elif block.kind == "para" and self._heading_entry is not None:
            owner = self._heading_entry
        else:
            owner = None
        current: int | None = None
        leftover: list[str] = []
        for offset, raw in enumerate(block.text.split("\n")):
            line, number = raw.strip(), block.line + offset
            if not line:
                continue
            when = read_when(line)
            if when is not None and (when.has_time or when.has_date or when.unknown or when.month):
                stated = zone_statement(when.rest) if when.rest else None
                if (not when.rest or stated) and not when.has_time and not when.unknown:
                    self._set_day(when)  # a date line: the entries below it are on that day
                    if stated:  # '2025-01-05 (all times UTC)'
                        self.zone = (stated, f"'{line}' (line {number})")
                    continue
                current = self._add(number, when, when.rest)
                continue
            stated = zone_statement(line)
            if stated and current is None and not leftover:
                self.zone = (stated, f"'{line}' (line {number})")
                continue
            target = current if current is not None else owner
            if target is not None:
                event = self.events[target]
                event.text = f"{event.text} {line}".strip()
            else:
                leftover.append(line)
        if leftover and block.kind == "item":
            current = len(self.events)
            self.events.append(Event(block.line, " ".join(leftover), None, self.day_raw))
            if self.day_raw:
                self.note("day_only", "kept without a time, on the day they are listed under", block.line)
        elif leftover:
            self.prose.append((block.line, " ".join(leftover)))
        if block.kind == "item":
            self._entry_of[index] = current if current is not None else owner  # type: ignore[assignment]

    def _set_day(self, when: When) -> None:
        day = self._date(when, 0)
        if day is not None:
            self.day, self.day_raw, self.last = day, when.raw, None

    def _date(self, when: When, line: int) -> date | None:
        if when.has_date:
            return date(when.year, when.month, when.day)  # type: ignore[arg-type]
        if when.month and when.day:
            ref = self.day or self.clues.day
            if ref is None:
                return None
            candidate = date(ref.year, when.month, when.day)
            if candidate - ref > timedelta(days=183):
                candidate = candidate.replace(year=ref.year - 1)
            elif ref - candidate > timedelta(days=183):
                candidate = candidate.replace(year=ref.year + 1)
            if line:
                self.note("year", f"no year given: read in {candidate.year}, the year of "
                                  f"{'the date above them' if self.day else self.clues.day_source}", line)
            return candidate
        return None

    def _add(self, line: int, when: When, text: str) -> int:
        own_day = when.year or when.month or when.day
        written = f"{self.day_raw} {when.raw}" if self.day_raw and not own_day and self.day_raw != when.raw else when.raw
        event = Event(line, text.strip(), None, written)  # a time heading's words come from below it
        self.events.append(event)
        for fix in when.fixes:
            self.note("fix", fix, line)
        if when.unknown or not when.has_time:
            day = self._date(when, line) if not when.unknown else None
            reason = "it is not a real date or time" if when.impossible else \
                "a placeholder stands for part of the time" if when.unknown else \
                "only a day is given" if day else "no time of day is given"
            self.note("unplaced", reason, line)
            return len(self.events) - 1
        day = self._date(when, line)
        explicit = day is not None
        if day is None:
            day = self.day
            if day is None and self.clues.day is not None:
                day = self.clues.day
                self.note("ref_day", f"placed on {day} ({self.clues.day_source})", line)
        if day is None:
            self.note("unplaced", "no date is given for the time (import with --date)", line)
            return len(self.events) - 1
        zone = self._zone(when, day, line)
        if zone is None:
            self.note("unplaced", "no time zone is given (import with --timezone)", line)
            return len(self.events) - 1
        event.time_text = when.raw  # placed: the time as written on the line itself
        placed = datetime.combine(day, time(when.hour or 0, when.minute or 0, when.second), tzinfo=zone)
        if not explicit and self.last is not None and placed < self.last - MIDNIGHT_STEP:
            placed += timedelta(days=1)
            self.note("midnight", f"earlier than the entry before it: placed on the next day, {placed.date()}", line)
            self.day = placed.date()
        elif explicit:
            self.day, self.day_raw = day, when.raw
        if when.approx:
            self.note("approx", "approximate ('~') times placed as written", line)
        self.last = placed
        event.when = placed
        return len(self.events) - 1

    def _zone(self, when: When, day: date, line: int) -> tzinfo | None:
        written, source = (when.zone, "the line") if when.zone else self.zone or (None, "")
        if written is None and self.clues.zone is not None and not (self.clues.zone_inferred and self.clues.user_zone):
            self.note("zone_used", f"read in {self.clues.zone.written}, as {self.clues.zone_source}", line)
            written = self.clues.zone.written
            source = "the document"
        if written is None and self.clues.user_zone is not None:
            self.note("zone_used", f"read in {self.clues.user_zone.written} (--timezone)", line)
            return self.clues.user_zone.tz
        if written is None:
            return None
        zone = read_zone(written, day, self.clues.document)
        if zone is None:
            self.note("unplaced", f"the zone '{written}' is not known", line)
            return None
        if source not in ("the line", "the document"):
            self.note("zone_used", f"read in {written}, as stated in {source}", line)
        if zone.reading:
            self.note("zone_reading", zone.reading, line)
        return zone.tz

    def notes(self) -> list[ImportNote]:
        """One import note per kind of assumption, naming the lines it was made on."""
        out = []
        labels = {
            "zone_used": "timeline times without their own zone {text}",
            "zone_reading": "{text}",
            "ref_day": "timeline times without a date {text}",
            "year": "timeline dates {text}",
            "midnight": "timeline time {text}",
            "unplaced": "timeline entries kept as written, without a time: {text}",
            "day_only": "timeline entries without a time of day {text}",
            "time": "timeline entries {text}",
            "approx": "{text}",
            "fix": "timeline: {text}",
        }
        for (code, text), lines in self.counts.items():
            where = _lines(lines)
            body = labels[code].format(text=text)
            out.append(ImportNote("zone" if code.startswith("zone") else "time", f"{body} ({where})", lines[0]))
        return out


def _lines(lines: list[int]) -> str:
    unique = sorted(set(lines))
    shown = ", ".join(map(str, unique[:8])) + (f" and {len(unique) - 8} more" if len(unique) > 8 else "")
    return f"line {shown}" if len(unique) == 1 else f"{len(unique)} entries, lines {shown}"
