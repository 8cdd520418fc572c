"""The facts of a postmortem's review (dates and zone, incident window, severity, people, services)
from its `Label: value` lines, front matter, title and timeline; each one inferred is noted."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from reviewlab.importers.times import When, find_when, read_when
from reviewlab.importers.zones import ZONE_RE, read_zone
from reviewlab.model import Participant
from reviewlab.unknowns import ImportNote

if TYPE_CHECKING:
    from reviewlab.importers.frontmatter import FrontMatter
    from reviewlab.importers.sections import Outline
    from reviewlab.importers.timeline import Clues, Event

_START = re.compile(r"\b(?:outage|incident|impact|problem|issue)\s+(?:begins|began|starts|started|start)\b|"
                    r"\b(?:start of|beginning of) (?:the )?(?:outage|incident|impact)\b", re.IGNORECASE)
_END = re.compile(r"\b(?:outage|incident|impact|problem|issue)\s+(?:ends|ended|end|over|resolved|mitigated)\b|"
                  r"\b(?:end of) (?:the )?(?:outage|incident|impact)\b", re.IGNORECASE)
_SEVERITY = re.compile(r"^\s*(?:sev(?:erity)?|p|s|priority|level)?\s*[-: ]?\s*([0-4])\b", re.IGNORECASE)
_SEVERITY_WORDS = {"critical": "SEV1", "blocker": "SEV1", "major": "SEV2", "high": "SEV2", "medium": "SEV3",
                   "moderate": "SEV3", "minor": "SEV4", "low": "SEV4"}
_TIME_ZONE = re.compile(r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*\(?\s*(" + ZONE_RE.pattern + r")", re.IGNORECASE)
_LABELS = {"start": "incident start", "end": "incident end", "window": "incident window", "date": "date",
           "timezone": "timezone", "document_date": "last modified"}
_USED = {"title", "id", "date", "document_date", "authors", "severity", "services", "start", "end", "window",
         "facilitator", "timezone"}


class Facts:
    """Reads a review's facts; notes go to `notes`, the date and zone clues to `clues`."""

    def __init__(self, shape: Outline, front: FrontMatter, notes: list[ImportNote], clues: Clues) -> None:
        self.shape, self.front, self.notes, self.clues = shape, front, notes, clues
        self.sentence: tuple[When, str] | None = None
        """The summary's first sentence with a date, and the date (and time) it gives."""

    def fact(self, key: str, *front_keys: str) -> tuple[str, int] | None:
        """A `Label: value` line (or heading section) first, else the front matter (line 1)."""
        if key in self.shape.meta and self.shape.meta[key][0].strip():
            return self.shape.meta[key]
        value = self.front.text(*front_keys) if front_keys else None
        return (value, 1) if value else None

    def source(self, key: str, *front_keys: str) -> str:
        """Where `fact` found its value, in words."""
        if key in self.shape.meta and self.shape.meta[key][0].strip():
            value, line = self.shape.meta[key]
            return f"the '{_LABELS.get(key, key)}' line ('{value[:60]}', line {line})"
        found = next((k for k in front_keys if self.front.values.get(k) not in (None, "")), front_keys[0] if front_keys
                     else key)
        return f"the front matter's '{found}'"

    # -- dates and zone -----------------------------------------------------------------------
    def find_clues(self, summary: list[str]) -> None:
        """The incident's day and the document's zone, from the most direct source there is."""
        c = self.clues
        stated = self.fact("timezone", "timezone", "time_zone", "tz")
        if stated and read_zone(stated[0].split()[0] if stated[0].split() else "") is not None:
            c.zone = read_zone(stated[0].split()[0])
            c.zone_source = f"stated in {self.source('timezone', 'timezone', 'time_zone', 'tz')}"
        elif stated:
            self.notes.append(ImportNote("zone", f"'{stated[0]}' is not a time zone reviewlab knows; it was not used",
                                         stated[1]))
        if c.zone is None:
            self._stated_zone()
        if c.day is None:
            for key, front_keys in (("start", ("incident_start", "start")), ("window", ()),
                                    ("date", ("incident_date",))):
                found = self.fact(key, *front_keys)
                when = find_when(found[0]) if found else None
                if when and when[0].has_date:
                    c.day, c.day_source = _day(when[0]), self.source(key, *front_keys)
                    break
        if c.day is None and self.shape.title:
            when = find_when(self.shape.title, need_date=True)
            if when and when[0].has_date:
                c.day, c.day_source = _day(when[0]), f"the date in the title, '{when[0].raw}'"
        for text in summary:
            when = find_when(text, need_date=True)
            if when and when[0].has_date:
                first = find_when(text)  # its time counts only if no other time comes before it
                self.sentence = (when[0], text) if first and first[1] == when[1] else (_dated(when[0]), text)
                if c.day is None:
                    c.day, c.day_source = _day(when[0]), f"the first date in the summary, '{when[0].raw}'"
                break
        if c.day is None and c.user_day is not None:
            c.day, c.day_source = c.user_day, "--date"
        if c.day is None and self.document_date() is not None:
            c.day = self.document_date()
            c.day_source = (f"the document's own date, {c.day} (if the incident was on another day, import "
                            "with --date)")

    def _stated_zone(self) -> None:
        from reviewlab.importers.timeline import zone_statement

        for section in self.shape.sections:
            if section.name == "timeline":
                continue
            for _, block in section.blocks:
                for line in block.text.split("\n"):
                    stated = zone_statement(line) if not read_when(line.strip()) else None
                    zone = read_zone(stated, self.clues.day, self.clues.document) if stated else None
                    if zone is not None:
                        self.clues.zone, self.clues.zone_source = zone, f"stated in '{line.strip()}'"
                        return
        found = {m.group(1).strip() for m in _TIME_ZONE.finditer(self.clues.document)}
        zones = {str(z.tz.utcoffset(datetime(2000, 1, 1))) if z else None: z
                 for z in (read_zone(f, self.clues.day, self.clues.document) for f in found)}
        zones.pop(None, None)
        if len(zones) == 1:
            zone = next(iter(zones.values()))
            self.clues.zone, self.clues.zone_inferred = zone, True
            self.clues.zone_source = (f"{zone.written} is the only zone the document gives a time in (inferred; "
                                      "import with --timezone to change it)")

    def document_date(self) -> date | None:
        """The date the document carries (front matter date, 'Last modified'), not the incident's."""
        found = self.fact("document_date", "date", "published", "lastmod", "last_modified", "updated")
        when = find_when(found[0]) if found else None
        if when is None and found:
            when = (read_when(found[0]), 0) if read_when(found[0]) else None
        return _day(when[0]) if when and when[0].has_date else None

    def window(self, events: list[Event], timeline_zone: str | None = None
               ) -> tuple[datetime | None, date | None, datetime | None]:
        """The incident start (exact), its day when that is all that is known, and its end;
        `timeline_zone` is the zone the timeline states, for a start written without one."""
        self.timeline_zone = timeline_zone
        start = end = None
        day: date | None = None
        found = self.fact("start", "incident_start", "start")
        if found:
            start, day = self._moment(found, "incident start")
        window = self.fact("window")
        if window:
            when = find_when(window[0])
            if when and start is None and day is None:
                start, day = self._moment(window, "incident window")
            if when and when[0].end:
                end, _ = self._moment((when[0].end, window[1]), "incident window's end", base=start)
        ended = self.fact("end", "incident_end", "end")
        if ended and end is None:
            end, _ = self._moment(ended, "incident end", base=start)
        timed = [e for e in events if e.when is not None]
        if start is None and day is None:
            marked = next((e for e in timed if _START.search(e.text)), None)
            if marked is not None:
                start = marked.when
            elif self.sentence is not None and self.sentence[0].has_time:
                when, text = self.sentence
                start, day = self._moment((when.raw, None), "incident start in the summary")  # type: ignore[arg-type]
                if start is not None:
                    self.notes.append(ImportNote("start", f"no incident start is stated: it was taken from the "
                                                          f"summary, '{text[:160]}'"))
            if start is None and day is None and marked is None and timed:
                start = timed[0].when
                self.notes.append(ImportNote("start", f"no incident start is stated: the first timeline entry with "
                                                      f"a time ({timed[0].time_text}) was taken as the start",
                                             timed[0].line))
        if end is None:
            marked = next((e for e in timed if _END.search(e.text)), None)
            end = marked.when if marked is not None else None
        if start is None and day is None and self.clues.day is not None and self.clues.day_source != "--date" \
                and "own date" not in self.clues.day_source:
            day = self.clues.day
            self.notes.append(ImportNote("start", f"the incident start is known only to the day, {day}, from "
                                                  f"{self.clues.day_source}"))
        elif start is None and day is None and self.clues.day_source == "--date":
            day = self.clues.day
            self.notes.append(ImportNote("option", f"the incident's day, {day}, was given with --date"))
        if start is None and day is None:
            kept = self.document_date()
            self.notes.append(ImportNote("start", "the document does not say when the incident started"
                                                  + (f"; its own date, {kept}, is kept" if kept else "")))
        if start is not None and end is not None and end < start:
            self.notes.append(ImportNote("start", f"the end ({end.isoformat()}) is before the start "
                                                  f"({start.isoformat()}); the end was left unknown"))
            end = None
        return start, None if start is not None else day, end

    def _moment(self, found: tuple[str, int], what: str, base: datetime | None = None
                ) -> tuple[datetime | None, date | None]:
        text, line = found
        located = find_when(text)
        if located is None:
            self.notes.append(ImportNote("date", f"the {what} '{text}' could not be read as a date or time; it was "
                                                 "not used", line))
            return None, None
        when = located[0]
        day = _day(when) if when.has_date else (base.date() if base else self.clues.day)
        if not when.has_time:
            return None, day
        zone = read_zone(when.zone, day, self.clues.document) if when.zone else self.clues.zone
        source = self.clues.zone_source
        if not when.zone and self.clues.zone_inferred and self.clues.user_zone is not None:
            zone = None  # --timezone wins over a zone only inferred
        if zone is None and not when.zone and getattr(self, "timeline_zone", None):
            zone, source = read_zone(self.timeline_zone, day, self.clues.document), "the zone the timeline states"
        if zone is None and not when.zone and self.clues.user_zone is not None:
            zone, source = self.clues.user_zone, "--timezone"
        tz = zone.tz if zone is not None else None
        if day is None or tz is None:
            missing = "date" if day is None else "time zone"
            self.notes.append(ImportNote("date", f"the {what} '{text}' has no {missing}; "
                                                 + ("only its day was kept" if day else "it was not used"), line))
            return None, day
        if not when.zone and zone is not None:
            self.notes.append(ImportNote("zone", f"the {what} '{text}' was read in {zone.written} ({source})", line))
        return datetime.combine(day, time(when.hour or 0, when.minute or 0, when.second), tzinfo=tz), day

    def review_zone(self, timeline_zone: str | None = None) -> str | None:
        """The zone the review's times are shown in, chosen as its times were read: a zone the document
        states (its facts, then its timeline), else --timezone, else the one zone it gives times in; an IANA
        name where the document says one (or an abbreviation settles on a region), else the fixed offset;
        None when nothing says."""
        c = self.clues
        zone = None if c.zone_inferred and c.user_zone is not None else c.zone  # as for the times themselves
        if zone is None and timeline_zone:
            zone = read_zone(timeline_zone, c.day, c.document)
        if zone is None:
            zone = c.user_zone
        if zone is None:
            return None
        key = getattr(zone.tz, "key", None)
        if key:
            return str(key)
        offset = zone.tz.utcoffset(None)
        if offset is None:
            return None
        minutes = int(offset.total_seconds() // 60)
        return "UTC" if minutes == 0 else f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    # -- the rest of the review ---------------------------------------------------------------
    def severity(self) -> str | None:
        found = self.fact("severity", "severity", "sev", "priority")
        if not found:
            self.notes.append(ImportNote("severity", "the document gives no severity; it stays unknown"))
            return None
        value, line = found
        m = _SEVERITY.match(value)
        word = next((v for k, v in _SEVERITY_WORDS.items() if re.search(rf"\b{k}\b", value, re.IGNORECASE)), None)
        if m and m[1] != "0":
            return f"SEV{m[1]}"
        if m:
            self.notes.append(ImportNote("severity", f"severity '{value}' (level 0) was read as SEV1, the worst "
                                                     "level reviewlab has", line))
            return "SEV1"
        if word:
            self.notes.append(ImportNote("severity", f"severity '{value}' was read as {word}", line))
            return word
        self.notes.append(ImportNote("severity", f"severity '{value}' is not one of SEV1-SEV4 (or P1-P4); it stays "
                                                 "unknown", line))
        return None

    def services(self) -> tuple[str, ...]:
        found = self.fact("services", "services", "service", "systems", "components")
        if not found:
            return ()
        return tuple(dict.fromkeys(s.strip()[:100] for s in re.split(r"[,;]", found[0]) if s.strip()))

    def people(self, document: str) -> list[Participant]:
        people = [Participant(document, "observer", responded=False)]
        found = self.fact("authors", "authors", "author", "owners", "owner")
        if found:
            names = [re.sub(r"<[^>]*>|\([^)]*@[^)]*\)", "", n).strip(" .") for n in
                     re.split(r",|;|\band\b|&|\u3001", found[0])]
            people += [Participant(n[:100], "responder") for n in dict.fromkeys(names) if n and n != document]
        return people

    def facilitator(self, people: list[Participant]) -> str | None:
        found = self.fact("facilitator", "facilitator")
        if not found:
            return None
        name = found[0].strip()[:100]
        people[:] = [p for p in people if p.name != name] + [Participant(name, "facilitator", False)]
        return name

    def description(self) -> str:
        text = self.front.text("description", "summary", "abstract")
        if text:
            self.notes.append(ImportNote("front_matter", "the summary is the front matter's description", 1))
        return text or ""

    def unused(self) -> None:
        """A note keeping each fact and front matter value that the review has no field for."""
        for key, (value, line) in self.shape.meta.items():
            if key not in _USED:
                self.notes.append(ImportNote("meta", f"'{key}: {value[:300]}' has no field in a review; kept here",
                                             line))
        known = {"title", "date", "authors", "author", "severity", "sev", "priority", "services", "service", "systems",
                 "components", "timezone", "time_zone", "tz", "id", "slug", "description", "summary", "abstract",
                 "incident_start", "incident_end", "start", "end", "incident_date", "facilitator", "owners", "owner",
                 "published", "lastmod", "last_modified", "updated"}
        rest = {k: v for k, v in self.front.values.items() if k not in known}
        if rest:
            shown = "; ".join(f"{k}: {v}" for k, v in rest.items())[:600]
            self.notes.append(ImportNote("front_matter", f"front matter values with no field in a review, kept here: "
                                                         f"{shown}", 1))


def _dated(when: When) -> When:
    """The same date without its time of day."""
    return When(when.raw, when.rest, when.year, when.month, when.day)


def _day(when: When) -> date:
    return date(when.year, when.month, when.day)  # type: ignore[arg-type]


