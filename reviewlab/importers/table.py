"""CSV files of contributions, one row each, grouped into reviews by `review_id`.

Required columns: review_id, review_title, incident_start, participant, kind, text. Optional:
contribution_id, phase, recorded_at, event_time, tags, links_to, private (per contribution);
role, responded (per participant); severity, incident_end, services, summary, facilitator,
review_status (per review; where given on several rows they must agree). Lists (services, tags)
are separated by ';'. Headers are matched without regard to case, spaces or dashes.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from reviewlab.boundary import check_id, parse_flag
from reviewlab.bundle import ReviewBundle
from reviewlab.errors import ValidationError
from reviewlab.importers.common import ParsedFile, fail
from reviewlab.importers.source import read_source
from reviewlab.model import Contribution, Participant, Review, utcnow

REQUIRED = ("review_id", "review_title", "incident_start", "participant", "kind", "text")
REVIEW_COLUMNS = ("severity", "incident_end", "services", "summary", "facilitator", "review_status")
OPTIONAL = ("contribution_id", "phase", "recorded_at", "event_time", "tags", "links_to", "private", "role",
            "responded", *REVIEW_COLUMNS)
ALIASES = {"title": "review_title", "id": "contribution_id", "who": "participant", "status": "review_status",
           "name": "participant", "tag": "tags", "service": "services"}


def _header(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    return ALIASES.get(key, key)


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def read_csv(path: str | Path, *, now: datetime | None = None) -> ParsedFile:
    """Read a CSV of contributions into checked review bundles (nothing is written anywhere).

    Raises:
        ImportFormatError: naming the file, the line and the problem.
    """
    path = Path(path)
    now = now or utcnow()
    source = read_source(path)
    parsed = ParsedFile(path, "csv", warnings=source.notes)
    rows = list(_numbered_rows(path, source.text))
    if not rows:
        raise fail(path, 1, f"no header row; the first line must name the columns, at least {', '.join(REQUIRED)}")
    header_line, header = rows[0]
    columns = [_header(h) for h in header]
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    if twice:
        named = "; ".join(f"{c} ({', '.join(repr(h) for h, k in zip(header, columns) if k == c)})" for c in twice)
        raise fail(path, header_line, f"column(s) given twice: {named}; give each column once")
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise fail(path, header_line, f"missing column(s) {', '.join(missing)}; required: {', '.join(REQUIRED)}")
    unknown = [h for h, c in zip(header, columns) if c not in REQUIRED + OPTIONAL]
    if unknown:
        parsed.warnings.append(f"{path}:{header_line}: column(s) {', '.join(unknown)} not imported "
                               f"(known: {', '.join(REQUIRED + OPTIONAL)})")
    if len(rows) == 1:
        raise fail(path, header_line, "no rows after the header; write one contribution a row")
    groups: dict[str, dict[str, Any]] = {}
    for line, values in rows[1:]:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            raise fail(path, line, f"{len(values)} values but {len(columns)} columns; quote text that holds commas")
        if len(values) < len(columns):
            raise fail(path, line, f"{len(values)} values but {len(columns)} columns "
                                   f"({', '.join(header[len(values):])} missing); end the row with empty values (,,)")
        _refuse_swallowed_rows(path, line, values, len(columns), values[columns.index("review_id")])
        row = {c: v.strip() for c, v in zip(columns, values)}
        try:
            _add_row(groups, row, line, now)
        except ValidationError as err:
            raise fail(path, line, str(err), err) from err
    for rid, group in groups.items():
        try:
            parsed.bundles.append(_bundle(rid, group))
        except ValidationError as err:
            raise fail(path, group["line"], f"review {rid}: {err}", err) from err
    return parsed


def _numbered_rows(path: Path, text: str) -> Any:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for values in reader:
            yield start, values
            start = reader.line_num + 1
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            raise fail(path, start, "a quote (\") opened in this row is never closed, so every line after it would "
                                    "be read as one text; close it, and write a quote inside a text as \"\"") from None
        raise fail(path, reader.line_num, f"not valid CSV: {err} (write a quote inside a quoted text as \"\")",
                   err) from None


def _refuse_swallowed_rows(path: Path, line: int, values: list[str], width: int, review_id: str) -> None:
    """A value running over lines that read as rows of the same review: a quote was left open."""
    for value in values:
        for offset, piece in enumerate(value.split("\n")[1:], start=1):
            cells = next(csv.reader([piece]), [])
            if len(cells) >= width - 1 and review_id.strip() in (c.strip() for c in cells):
                msg = (f"a quoted value runs over line {line + offset}, which reads as a row of its own "
                       f"({piece[:40]!r}); a quote (\") is probably not closed. Close it, or write a quote "
                       "inside a text as \"\"")
                raise fail(path, line, msg)


def _add_row(groups: dict[str, dict[str, Any]], row: dict[str, str], line: int, now: datetime) -> None:
    rid = row["review_id"]
    if not rid:
        msg = "review_id is empty; every row names its review"
        raise ValidationError(msg)
    check_id(rid, "review id")
    group = groups.setdefault(rid, {"line": line, "review": {}, "people": {}, "rows": []})
    for column in ("review_title", "incident_start", *REVIEW_COLUMNS):
        value = row.get(column, "")
        if not value:
            continue
        seen = group["review"].setdefault(column, value)
        if seen != value:
            msg = f"{column} {value!r} differs from {seen!r} given earlier for review {rid}; give one value"
            raise ValidationError(msg)
    name = row["participant"]
    person = Participant(name, row.get("role") or "responder", parse_flag(row.get("responded") or "yes", "responded"))
    known = group["people"].setdefault(person.name, person)
    if row.get("role") and known.role != person.role:
        msg = f"participant {name!r} has role {person.role.value} here and {known.role.value} on an earlier row"
        raise ValidationError(msg)
    c = Contribution(
        id=row.get("contribution_id") or f"{rid}-c{len(group['rows']) + 1:02d}", review_id=rid, participant=name,
        kind=row["kind"], text=row["text"], phase=row.get("phase") or "meeting",
        recorded_at=row.get("recorded_at") or now, event_time=row.get("event_time") or None,
        tags=_list(row.get("tags", "")), links_to=row.get("links_to") or None,
        private=parse_flag(row.get("private", ""), "private"))
    group["rows"].append(c)


def _bundle(rid: str, group: dict[str, Any]) -> ReviewBundle:
    fields = group["review"]
    people = dict(group["people"])
    facilitator = fields.get("facilitator")
    if facilitator and facilitator not in people:
        people[facilitator] = Participant(facilitator, "facilitator", responded=False)
    if "review_title" not in fields or "incident_start" not in fields:
        msg = "review_title and incident_start must be given on at least one row"
        raise ValidationError(msg)
    review = Review(rid, fields["review_title"], fields["incident_start"], severity=fields.get("severity") or None,
                    incident_end=fields.get("incident_end"), services=_list(fields.get("services", "")),
                    summary=fields.get("summary", ""), facilitator=facilitator,
                    status=fields.get("review_status") or "meeting_held")
    bundle = ReviewBundle(review, list(people.values()), group["rows"])
    bundle.check()
    return bundle
