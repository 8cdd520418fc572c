"""Written postmortems in Markdown (Google SRE style, blameless retros, project incident reports,
Atlassian's template and their cousins) into one review, read with markdown-it-py.

A document with a title and any prose is imported: every paragraph, list item and table row
reaches the archive (the summary, or a contribution tagged with its section; see headings.py for
which section becomes which kind), except code blocks, front matter and link targets. What cannot
be read exactly is kept as written and not guessed silently: each assumption (a zone stated
elsewhere, a date from the title, a midnight crossing, a title from the file name) is an import
note stored with the review. Everything is attributed to one participant, DOCUMENT, since a
written postmortem does not say who said what; its authors join the roster.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from datetime import date, datetime
from pathlib import Path

from reviewlab.bundle import EventTimeWarning, ReviewBundle
from reviewlab.errors import ValidationError
from reviewlab.importers.blocks import Parsed, parse_blocks
from reviewlab.importers.common import ParsedFile, fail, slug
from reviewlab.importers.contributions import Draft, drafts_of, row_text, split_long
from reviewlab.importers.frontmatter import strip_toml
from reviewlab.importers.review_facts import Facts
from reviewlab.importers.sections import Outline, Section, outline, placeholder
from reviewlab.importers.text import read_text
from reviewlab.importers.timeline import Clues, TimelineReader
from reviewlab.importers.zones import read_zone
from reviewlab.model import MAX_TITLE, Contribution, RepairPlan, Review, check_id, utcnow
from reviewlab.unknowns import ImportNote

DOCUMENT = "written postmortem"
"""The participant every imported contribution is attributed to."""


def read_markdown(path: str | Path, *, review_id: str | None = None, now: datetime | None = None,
                  timezone_name: str | None = None, day: date | str | None = None) -> ParsedFile:
    """Read one Markdown postmortem into a checked review bundle with its import notes (nothing is
    written anywhere).

    Arguments:
        timezone_name: the zone of times the document leaves without one (an IANA name, an offset
            such as +01:00, or an abbreviation); the document's own statements win.
        day: the incident's date, for times the document gives without a date (a date the document
            gives itself wins).

    Raises:
        ImportFormatError: the file is not a postmortem at all (binary, empty, no prose), or a value
            given here is not a zone or a date; the message names the file.
    """
    path = Path(path)
    text, notes = read_text(path)
    text, front = strip_toml(text, notes)
    parsed = parse_blocks(text, notes, front if front.kind else None)
    if not any(b.kind != "heading" and b.text.strip() for b in parsed.blocks):
        raise fail(path, None, "has no prose (no paragraph, list item or table row), so it is not a postmortem; "
                               "nothing imported")
    shape = outline(parsed, path.stem, notes)
    clues = Clues(document=text)
    if timezone_name:
        zone = read_zone(timezone_name)
        if zone is None:
            raise fail(path, None, f"--timezone {timezone_name!r} is not a time zone; give an IANA name such as "
                                   "Europe/Berlin, an offset such as +01:00, or UTC")
        clues.user_zone = zone
    if day is not None:
        try:
            clues.user_day = date.fromisoformat(str(day))
        except ValueError as err:
            raise fail(path, None, f"--date {day!r} is not a date like 2025-05-06", err) from err
    parsed_file = ParsedFile(path, "markdown")
    builder = _Builder(path, parsed, shape, notes, now or utcnow(), clues)
    parsed_file.bundles.append(builder.bundle(review_id))
    return parsed_file


class _Builder:
    def __init__(self, path: Path, parsed: Parsed, shape: Outline, notes: list[ImportNote], now: datetime,
                 clues: Clues) -> None:
        self.path, self.parsed, self.shape, self.notes, self.now, self.clues = path, parsed, shape, notes, now, clues
        self.facts = Facts(shape, parsed.front, notes, clues)

    def bundle(self, review_id: str | None) -> ReviewBundle:
        rid = self._id(review_id)
        summary: list[str] = []
        drafts: list[Draft] = []
        for section in self.shape.sections:
            if section.name in ("preamble", "summary"):
                summary += self._summary(section)
        self.facts.find_clues(summary)
        reader = TimelineReader(self.clues)
        for section in self.shape.sections:
            if section.name == "timeline":
                reader.read(section.heading, section.line, section.blocks, section.tags)
            elif section.name == "contents":
                self.notes.append(ImportNote("section", f"the table of contents ('{section.heading}') was left out",
                                             section.line))
            elif section.name not in ("preamble", "summary", "meta"):
                drafts += drafts_of(section, self.notes)
        drafts += [Draft(e.line, "timeline_event", e.text or e.time_text or "-", e.tags, e) for e in reader.events]
        drafts += [Draft(line, "observation", text, ("timeline",)) for line, text in reader.prose]
        drafts.sort(key=lambda d: d.line)
        self.notes += reader.notes()
        self._comments()
        start, day, end = self.facts.window(reader.events, reader.zone[0] if reader.zone else None)
        title = self._title(summary)
        contributions, plans = self._contributions(rid, drafts)
        if not contributions and not summary:
            raise fail(self.path, None, "has no prose outside its headings, so it is not a postmortem; nothing imported")
        people = self.facts.people(DOCUMENT)
        try:
            review = Review(rid, title, start, severity=self.facts.severity(), incident_end=end,
                            services=self.facts.services(), summary="\n\n".join(summary) or self.facts.description(),
                            facilitator=self.facts.facilitator(people), status="meeting_held",
                            incident_date=day, document_date=self.facts.document_date(),
                            timezone=self.facts.review_zone(reader.zone[0] if reader.zone else None))
            self.facts.unused()
            bundle = ReviewBundle(review, people, contributions, plans, notes=self.notes)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", EventTimeWarning)
                bundle.check()
            far = [w for w in caught if issubclass(w.category, EventTimeWarning)]
            if far:
                self.notes.append(ImportNote("time", f"{len(far)} timeline entries are more than a day outside the "
                                                     "incident window (kept as written; a long timeline or a wrong date)"))
        except ValidationError as err:
            raise fail(self.path, self.shape.title_line or None, str(err), err) from err
        return bundle

    def _id(self, review_id: str | None) -> str:
        given = review_id or self.parsed.front.text("id", "slug")
        if not given and self.shape.meta.get("id"):
            given = self.shape.meta["id"][0]
        rid = slug(given or self.path.stem)
        if rid == "review" and not re.search(r"[a-z0-9]", (given or self.path.stem).lower()):
            rid = f"review-{hashlib.sha1((given or self.path.stem).encode()).hexdigest()[:8]}"
        try:
            return check_id(rid, "review id")
        except ValidationError as err:
            raise fail(self.path, None, str(err), err) from err

    def _title(self, summary: list[str]) -> str:
        title = " ".join((self.shape.title or "").split())
        if len(title) > MAX_TITLE:
            cut = title[:MAX_TITLE - 1].rsplit(" ", 1)[0] + "\u2026"
            self.notes.append(ImportNote("title", f"the title has {len(title)} characters (over {MAX_TITLE}): it was "
                                                  "shortened, and the whole title begins the summary",
                                         self.shape.title_line or None))
            summary.insert(0, title)
            title = cut
        return title

    def _summary(self, section: Section) -> list[str]:
        out = []
        for _, block in section.blocks:
            text = row_text(block) if block.kind == "row" else " ".join(block.text.split())
            if not text or block.kind == "heading":
                continue
            if placeholder(text):
                self.notes.append(ImportNote("template", f"template text left in the document was not imported: "
                                                         f"'{text[:200]}'", block.line))
                continue
            out.append(f"- {text}" if block.kind == "item" else text)
        return out

    def _comments(self) -> None:
        comments = self.parsed.comments
        if comments:
            shown = "; ".join(f"'{text[:150]}'" for _, text in comments[:5])
            more = f" and {len(comments) - 5} more" if len(comments) > 5 else ""
            self.notes.append(ImportNote("template", f"{len(comments)} HTML comment(s) (hidden text, often a "
                                                     f"template's instructions) were left out: {shown}{more}",
                                         comments[0][0]))
        if self.parsed.code_blocks:
            self.notes.append(ImportNote("section", f"{self.parsed.code_blocks} code block(s) were left out (code and "
                                                    "logs are not contributions)"))

    def _contributions(self, rid: str, drafts: list[Draft]) -> tuple[list[Contribution], list[RepairPlan]]:
        out: list[Contribution] = []
        plans: list[RepairPlan] = []
        for draft in (piece for d in drafts for piece in split_long(d, self.notes)):
            event = draft.event
            try:
                c = Contribution(id=f"{rid}-c{len(out) + 1:02d}", review_id=rid, participant=DOCUMENT,
                                 kind=draft.kind, text=draft.text, recorded_at=self.now, tags=draft.tags,
                                 event_time=event.when if event else None,
                                 time_text=event.time_text[:200] if event and event.time_text else None)
            except ValidationError as err:
                raise fail(self.path, draft.line, str(err), err) from err
            out.append(c)
            if draft.plan.get("owner") or draft.plan.get("status", "open") != "open":
                plans.append(RepairPlan(c.id, **draft.plan))
        return out, plans

