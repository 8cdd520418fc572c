"""Written postmortems (Google SRE style and its cousins) into one review with contributions of the right kinds.

Summary goes to the review; what went well to `went_right`; action items to `repair_item` (with a
plan when an owner or a status is given); lessons learned to `learning`; timeline lines to
`timeline_event`; root causes, contributing factors, trigger, impact, detection, resolution, what
went wrong and where we got lucky to `observation`s tagged with their section. Headings are
matched loosely (see headings.py). Everything is attributed to one participant, DOCUMENT, since
a written postmortem does not say who said what.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from reviewlab.bundle import ReviewBundle
from reviewlab.errors import ValidationError
from reviewlab.importers.blocks import Document, Item, Section, split_document
from reviewlab.importers.common import ParsedFile, fail, slug
from reviewlab.importers.headings import KINDS, SECTIONS
from reviewlab.importers.source import read_source
from reviewlab.importers.times import DATE, TimeProblem, find_all_times_tz, find_date, parse_time_line, parse_tz, parse_when
from reviewlab.model import Contribution, Participant, RepairPlan, Review, check_id, utcnow

DOCUMENT = "written postmortem"
"""The participant every imported contribution is attributed to."""
_START = re.compile(r"\b(outage|incident|impact)\s+(begins|began|starts|started)\b", re.IGNORECASE)
_END = re.compile(r"\b(outage|incident|impact)\s+(ends|ended|over|resolved)\b", re.IGNORECASE)
_SEVERITY = re.compile(r"^(?:sev(?:erity)?|p|s)?\s*-?\s*([1-4])\b", re.IGNORECASE)
_OWNER = re.compile(r"\(?\b(?:owner|assignee|assigned to)\s*:\s*([^,;)]+)\)?", re.IGNORECASE)


def read_markdown(path: str | Path, *, review_id: str | None = None, now: datetime | None = None) -> ParsedFile:
    """Read one Markdown postmortem into a checked review bundle (nothing is written anywhere).

    Raises:
        ImportFormatError: naming the file, the line and the problem.
    """
    path = Path(path)
    source = read_source(path)  # strict UTF-8; BOM, CRLF and stray control characters normalised and noted
    doc = split_document(source.text)
    if doc.title is None and "title" in doc.meta:
        doc.title, doc.title_line = doc.meta["title"]
    if doc.title is None:
        raise fail(path, 1, "no title; start the postmortem with a heading such as '# Checkout outage on 2025-05-06'")
    parsed = ParsedFile(path, "markdown", warnings=source.notes)
    builder = _Builder(path, doc, parsed.warnings, now or utcnow())
    parsed.bundles.append(builder.bundle(review_id))
    return parsed


class _Builder:
    def __init__(self, path: Path, doc: Document, warnings: list[str], now: datetime) -> None:
        self.path, self.doc, self.warnings, self.now = path, doc, warnings, now

    def meta(self, key: str) -> tuple[str, int] | None:
        return self.doc.meta.get(key)

    def bundle(self, review_id: str | None) -> ReviewBundle:
        tz = self._tz()
        day = self._date()
        rid = review_id or (slug(self.meta("id")[0]) if self.meta("id") else slug(self.path.stem))
        try:
            rid = check_id(rid, "review id")
        except ValidationError as err:
            raise fail(self.path, None, str(err), err) from err
        events, summary, contributions, plans = [], [], [], []
        has_summary = any(s.name == "summary" for s in self.doc.sections)
        for section in self.doc.sections:
            if section.name == "timeline":
                events.extend(self._timeline(section, day, tz))
            elif section.name == "summary" or section.name is None and not has_summary:
                summary.extend(i.text for i in section.items if i.text)
            elif section.name in KINDS:
                contributions.extend((section, item) for item in section.items if item.text.strip())
            elif section.name == "unknown":
                self.warnings.append(f"{self.path}:{section.line}: section {section.heading!r} is not one reviewlab "
                                     "knows; its text was not imported (see headings.py)")
        start, end = self._window(events, day, tz)
        out: list[Contribution] = []

        def add(line: int, kind: str, text: str, **extra: object) -> Contribution:
            try:
                c = Contribution(id=f"{rid}-c{len(out) + 1:02d}", review_id=rid, participant=DOCUMENT, kind=kind,
                                 text=text, recorded_at=self.now, **extra)
            except ValidationError as err:
                raise fail(self.path, line, str(err), err) from err
            out.append(c)
            return c

        for line, when, text in events:
            add(line, "timeline_event", text, event_time=when)
        for section, item in contributions:
            kind, tag = KINDS[section.name or ""]
            if kind == "repair_item":
                text, plan = self._action(item)
                c = add(item.line, kind, text, tags=tuple(t for t in (plan.pop("type", None),) if t))
                if plan.get("owner") or plan.get("status", "open") != "open":
                    plans.append(RepairPlan(c.id, **plan))
            else:
                add(item.line, kind, item.text, tags=(tag,) if tag else ())
        if not out and not summary:
            known = ", ".join(sorted(w[0].title() for w in SECTIONS.values()))
            raise fail(self.path, None, f"found no sections reviewlab knows ({known})")
        return self._review(rid, start, end, " ".join(summary), out, plans)

    def _review(self, rid: str, start: datetime, end: datetime | None, summary: str,
                out: list[Contribution], plans: list[RepairPlan]) -> ReviewBundle:
        severity, services, facilitator = "SEV3", (), None
        if self.meta("severity"):
            value, line = self.meta("severity") or ("", 0)
            m = _SEVERITY.match(value.strip())
            if not m:
                raise fail(self.path, line, f"severity {value!r} is not one of SEV1-SEV4 (P1-P4 and 1-4 work too)")
            severity = f"SEV{m[1]}"
        else:
            self.warnings.append(f"{self.path}: no 'Severity:' line; SEV3 assumed")
        if self.meta("services"):
            services = tuple(s.strip() for s in re.split(r"[,;]", self.meta("services")[0]) if s.strip())
        people = [Participant(DOCUMENT, "observer", responded=False)]
        if self.meta("authors"):
            names = [n.strip() for n in re.split(r",|;|\band\b", self.meta("authors")[0]) if n.strip()]
            people += [Participant(n, "responder") for n in dict.fromkeys(names) if n != DOCUMENT]
        if self.meta("facilitator"):
            facilitator = self.meta("facilitator")[0].strip()
            people = [p for p in people if p.name != facilitator] + [Participant(facilitator, "facilitator", False)]
        try:
            review = Review(rid, self.doc.title or "", start, severity=severity, incident_end=end, services=services,
                            summary=summary, facilitator=facilitator, status="meeting_held")
            bundle = ReviewBundle(review, people, out, plans)
            bundle.check()
        except ValidationError as err:
            raise fail(self.path, self.doc.title_line, str(err), err) from err
        return bundle

    def _tz(self) -> tzinfo | None:
        if not self.meta("timezone"):
            return None
        value, line = self.meta("timezone") or ("", 0)
        try:
            return parse_tz(value.split()[0].strip("()"))
        except TimeProblem as err:
            raise fail(self.path, line, str(err), err) from err

    def _date(self) -> date | None:
        if not self.meta("date") and not (self.meta("start") and DATE.search(self.meta("start")[0])):
            return None
        value, line = self.meta("date") or self.meta("start") or ("", 0)
        try:
            found = find_date(value)
        except TimeProblem as err:
            raise fail(self.path, line, str(err), err) from err
        if found is None:
            raise fail(self.path, line, f"date {value!r} is not a date like 2025-05-06")
        return found

    def _timeline(self, section: Section, day: date | None, tz: tzinfo | None) -> list[tuple[int, datetime, str]]:
        events: list[tuple[int, datetime, str]] = []
        for item in section.items:
            text = item.text
            if item.cells is not None:  # a table row: leading date/time cells, then the event
                cells = list(item.cells.values())
                lead = [c for c in cells[:2] if re.fullmatch(r"[\d\-: T/+()A-Za-z_]*\d[\d\-: T/+()A-Za-z_]*", c)
                        and re.search(r"\d:\d\d|\d{4}-\d\d", c)]
                text = " ".join(lead) + " " + " \u2014 ".join(c for c in cells[len(lead):] if c)
            try:
                parsed = parse_time_line(text.strip(), day, tz)
                if parsed is None:
                    day = find_date(text) or day
                    tz = find_all_times_tz(text) or tz
                    if find_date(text) or find_all_times_tz(text):
                        continue
            except TimeProblem as err:
                raise fail(self.path, item.line, f"timeline: {err}", err) from err
            if parsed is None:
                if not events:
                    raise fail(self.path, item.line, f"timeline line {text[:40]!r} does not start with a time "
                                                     "(write 'HH:MM what happened')")
                line, when, before = events[-1]
                events[-1] = (line, when, f"{before} {text}")
                continue
            when, what = parsed
            if events and when < events[-1][1] - timedelta(hours=12) and not re.match(r"\d{4}-", text.strip()):
                when += timedelta(days=1)  # past midnight without a new date line
            events.append((item.line, when, what or text))
        return events

    def _window(self, events: list[tuple[int, datetime, str]], day: date | None,
                tz: tzinfo | None) -> tuple[datetime, datetime | None]:
        found = {}
        for key in ("start", "end"):
            if self.meta(key):
                value, line = self.meta(key) or ("", 0)
                try:
                    found[key] = parse_when(value if find_date(value) or not day else f"{day} {value}", tz)
                except TimeProblem as err:
                    raise fail(self.path, line, f"{key}: {err}", err) from err
        start = found.get("start") or next((w for _, w, t in events if _START.search(t)), None)
        end = found.get("end") or next((w for _, w, t in events if _END.search(t)), None)
        if start is None and events:
            start = min(w for _, w, _ in events)
        if start is None:
            raise fail(self.path, None, "no incident start: add a line 'Incident start: 2025-05-06 14:02 UTC' "
                                        "or a Timeline with times and a timezone")
        return start, end

    @staticmethod
    def _action(item: Item) -> tuple[str, dict]:
        plan: dict = {}
        text = item.text
        cells = item.cells or {}
        if cells:
            pick = {k: v for k, v in cells.items()}
            keys = list(pick)
            text_key = next((k for k in keys if re.search(r"action|item|task|description|title|what", k)), keys[0])
            text = pick[text_key]
            for k, v in pick.items():
                if re.search(r"owner|assignee|who", k) and v and v.lower() not in {"n/a", "-", "tbd"}:
                    plan["owner"] = v
                elif re.search(r"type|category", k) and v:
                    plan["type"] = v.lower()
            row = " ".join(cells.values()).lower()
        else:
            m = _OWNER.search(text)
            if m:
                plan["owner"] = m[1].strip()
                text = (text[:m.start()] + text[m.end():]).strip()
            row = text.lower()
        if item.checked is not None:
            plan["status"] = "done" if item.checked else "open"
        elif re.search(r"\bdone\b|\bcompleted?\b|\bfixed\b", row):
            plan["status"] = "done"
        elif re.search(r"in[ _]progress|\bstarted\b|\bwip\b", row):
            plan["status"] = "in_progress"
        elif re.search(r"\btodo\b|\bopen\b|\bnot started\b", row):
            plan["status"] = "open"
        return text, plan
