"""Reports: one review, or the archive's themes, as Markdown or self-contained HTML; all text escaped.

A report is built once as a list of blocks (headings, facts, lists, tables, charts) and then written
out by one of two small renderers, so Markdown and HTML always say the same. Private interview
notes are left out. HTML inlines its charts as SVG images (no script, no CDN).

Examples:
    >>> from reviewlab import open_archive
    >>> from reviewlab.model import Review
    >>> a = open_archive(":memory:")
    >>> _ = a.add_review(Review("r1", "Queue <stall>", "2025-01-02T10:00:00+00:00"))
    >>> review_report(a, "r1", "md").splitlines()[0]
    '# r1: Queue \\\\<stall\\\\>'
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from reviewlab.errors import ReviewlabError
from reviewlab.privacy import count_private, hidden_note, visible
from reviewlab.timeline import group_events
from reviewlab.unknowns import event_when, incident_when, severity_text, timeline_order

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.archive import Archive
    from reviewlab.bundle import ReviewBundle

Format = Literal["md", "html"]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


@dataclass
class Item:
    """One line of a list: who said it (optional), what, and what hangs under it (viewpoints)."""

    text: str
    who: str | None = None
    sub: list[Item] = field(default_factory=list)
    when: str | None = None


Block = tuple[Any, ...]
"""("h1"|"h2"|"p", text) | ("facts", [(k, v)]) | ("list", [Item]) | ("table", header, rows) | ("chart", chart, alt)."""


def md_escape(text: str, *, cell: bool = False) -> str:
    """Escape text for Markdown: no markup, no HTML, no list or heading starts, line breaks kept."""
    lines = []
    for line in str(text).splitlines() or [""]:
        line = _MD_SPECIAL.sub(r"\\\1", line.strip())
        if cell:
            lines.append(line)
            continue
        line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
        line = re.sub(r"^([-=+])", r"\\\1", line)
        lines.append(line)
    return "<br>".join(lines) if len(lines) > 1 else lines[0]


def _when(value: Any, tz: Any = None, fmt: str = "%Y-%m-%d %H:%M %Z") -> str:
    if value is None:
        return "-"
    return (value.astimezone(tz) if tz is not None else value).strftime(fmt).strip()


def review_blocks(bundle: ReviewBundle, *, charts: bool = True) -> list[Block]:
    """The blocks of one review's report (see `review_report`)."""
    from reviewlab.meeting import meeting_summary
    from reviewlab.revisions import changes_note
    from reviewlab.timezones import local, zone_label, zone_of

    r = bundle.review
    tz = zone_of(r)
    current = [c for c in bundle.contributions if not c.withdrawn]
    said = visible(current)
    hidden = count_private(current)
    facilitator = r.facilitator or "-"
    if r.facilitator and any(p.name == r.facilitator and p.responded for p in bundle.participants):
        facilitator += " (took part in the response" + (f"; {r.facilitator_override}" if r.facilitator_override else "") + ")"
    blocks: list[Block] = [("h1", f"{r.id}: {r.title}"), ("facts", [
        ("Severity", severity_text(r)), ("Incident", f"{incident_when(r, tz)} to {_when(r.incident_end, tz)}"),
        ("Times in", zone_label(r)),
        ("Services", ", ".join(r.services) or "-"), ("Status", r.status.value.replace("_", " ")),
        ("Facilitator", facilitator), ("Review meeting", meeting_summary(r, bundle.meeting_log)),
        ("Planning meeting", _when(r.planning_at, tz)),
        ("Participants", ", ".join(f"{p.name} ({p.role.value.replace('_', ' ')})" for p in bundle.participants) or "-"),
    ])]
    blocks += [("h2", "Summary"), ("p", r.summary or "No summary yet.")]
    by_id = {c.id: c for c in said}
    events = timeline_order(said)
    shown_under: set[str] = set()
    timeline = []
    day = local(r.incident_start, r).date() if r.incident_start is not None else r.incident_date
    place = {c.id: i for i, c in enumerate(events)}
    # accounts of one event (linked in a chain or a cycle) are one item: reviewlab.timeline's rule
    for root, group in sorted(group_events(events).items(), key=lambda kv: min(place[c.id] for c in kv[1])):
        event, members = by_id[root], {c.id for c in group}
        views = [c for c in said if c.id != root and (c.id in members or c.links_to in members
                                                      and c.kind.value != "timeline_event")]
        shown_under.update(c.id for c in views if c.kind.value in ("timeline_event", "observation"))
        timeline.append(Item(event.text, event.participant, [Item(c.text, c.participant) for c in views],
                             event_when(event, tz, day)))
    blocks += [("h2", "Timeline, with each viewpoint"), ("list", timeline) if timeline else ("p", "No timeline events.")]
    unplaced = sum(1 for e in events if e.event_time is None)
    if unplaced:
        blocks.append(("p", f"{unplaced} of {len(events)} timeline event(s) have no placeable time: each is shown "
                            "with its time as written, in its place in the document."))
    if charts and len(events) > unplaced:
        blocks.append(("chart", "timeline", "Timeline chart: who saw what, when"))
    for kind, heading, empty in (("observation", "What was observed", None),
                                 ("went_right", "What went right", "Nothing recorded yet: ask how the team recovered."),
                                 ("learning", "What we know now that we didn't before", "No learnings recorded yet."),
                                 ("question", "Questions asked", None)):
        items = [Item(c.text, c.participant) for c in said if c.kind.value == kind and c.id not in shown_under]
        if items or empty:
            blocks += [("h2", heading), ("list", items) if items else ("p", empty)]
    repairs = [c for c in said if c.kind.value == "repair_item"]
    plans = {p.item_id: p for p in bundle.plans}
    blocks.append(("h2", "Repair items parked for planning"))
    if not repairs:
        blocks.append(("p", "No repair items parked."))
    elif plans:
        themes: dict[str, list[str]] = {}
        for link in bundle.item_themes:
            themes.setdefault(link.item_id, []).append(link.theme_label)
        rows = []
        for c in repairs:
            p = plans.get(c.id)
            merged = f" (merged into {p.merged_into})" if p and p.merged_into else ""
            rows.append([c.text + merged, c.participant, *(
                [p.effort.value if p.effort else "-", p.impact.value if p.impact else "-", p.owner or "-",
                 p.due.isoformat() if p.due else "-", p.status.value.replace("_", " ")] if p else ["-"] * 4 + ["not planned"]),
                ", ".join(themes.get(c.id, [])) or "-"])
        blocks += [("p", "The plan from the planning meeting:"),
                   ("table", ["Repair item", "Raised by", "Effort", "Impact", "Owner", "Due", "Status", "Themes addressed"],
                    rows)]
    else:
        blocks += [("list", [Item(c.text, c.participant) for c in repairs]), ("p", "Not planned yet.")]
    if charts and said:
        blocks.append(("chart", "contributions", "Chart: contributions per participant and kind"))
    if hidden:
        blocks.append(("p", hidden_note(hidden)))
    changed = changes_note(bundle.contributions, bundle.revisions)
    if changed:
        blocks.append(("p", changed))
    if bundle.notes:
        blocks += [("h2", "Import notes"),
                   ("p", "What the importer assumed, or could not read exactly, when this review was imported:"),
                   ("list", [Item(str(n)) for n in bundle.notes])]
    return blocks


def review_report(archive: Archive, review_id: str, format: Format = "md", *, charts: bool = True) -> str:
    """One review as Markdown or self-contained HTML.

    Sections: the incident's facts, summary, timeline with every viewpoint, what was observed, what went
    right, learnings, questions, parked repair items and their plan when there is one, and the import notes
    of a review imported from a document; the HTML inlines the timeline and contributions charts as SVG.
    Private interview notes are left out. What is unknown is said to be unknown (severity, start, event
    times), never filled in.

    Raises:
        ReviewNotFound: no such review; ReviewlabError: an unknown format.
    """
    bundle = archive.bundle(review_id)
    blocks = review_blocks(bundle, charts=charts and format == "html")
    frame = archive.contributions_frame(review_id) if charts and format == "html" else None
    return render(blocks, format, title=f"Review {bundle.review.id}", frame=frame,
                  review=bundle.review if frame is not None else None)


def themes_blocks(themes: pd.DataFrame, *, title: str = "Themes across reviews", top: int = 20) -> list[Block]:
    """The blocks of the archive theme report (see `themes_report`)."""
    from reviewlab.frames import require_columns

    require_columns(themes, ("label", "n_reviews", "size"), "themes_report")
    data = themes
    if "theme" in data.columns:
        data = data[data["theme"].fillna(-1).astype(int) >= 0]
    data = data.sort_values(["n_reviews", "size"], ascending=False).head(top)
    named = "display" in data.columns  # a catalogue's frame: the analyst's name where given, and the theme id
    ids = [[str(row["id"])] if "id" in data.columns else [] for _, row in data.iterrows()]
    rows = [[_shown(row), *theme_id, str(row["n_reviews"]), str(row["size"]), _day(row.get("first_seen")),
             _day(row.get("last_seen"))] for theme_id, (_, row) in zip(ids, data.iterrows(), strict=True)]
    head = ["Theme", *(["Id"] if "id" in data.columns else []), "Reviews", "Contributions", "First seen", "Last seen"]
    blocks: list[Block] = [("h1", title), ("p", f"{len(data)} theme(s), the most recurring first."),
                           ("table", head, rows), ("chart", "themes", "Chart: themes by number of reviews")]
    for _, row in data.iterrows():
        keywords = row.get("keywords")
        blocks.append(("h2", _shown(row)))
        if named and str(row["display"]) != str(row["label"]):
            blocks.append(("p", f"Generated label: {row['label']}"))
        if isinstance(keywords, (list, tuple)) and keywords:
            blocks.append(("p", "Keywords: " + ", ".join(map(str, keywords))))
        reps = row.get("representatives")
        reps = list(reps) if isinstance(reps, (list, tuple)) else []
        if reps:
            blocks.append(("list", [Item(str(r.get("text", r)) if isinstance(r, dict) else str(r)) for r in reps]))
    return blocks


def _shown(row: Any) -> str:
    """A theme's name in a report: the analyst's (`display`, from the catalogue) where given, else its label."""
    shown = row.get("display")
    return str(shown) if isinstance(shown, str) and shown else str(row["label"])


def _day(value: Any) -> str:
    return "-" if value is None or value != value else str(value)[:10]


def themes_report(themes: pd.DataFrame, format: Format = "md", *, title: str = "Themes across reviews",
                  top: int = 20) -> str:
    """The archive's themes (`find_themes(...).themes`) as Markdown or HTML: a table, a chart, then each theme
    with its keywords and representative contributions."""
    return render(themes_blocks(themes, title=title, top=top), format, title=title, themes=themes)


def render(blocks: list[Block], format: Format, *, title: str = "reviewlab report", **data: Any) -> str:
    """Write blocks as Markdown ("md") or a self-contained HTML page ("html")."""
    if format == "md":
        return _markdown(blocks)
    if format == "html":
        return _html(blocks, title, data)
    msg = f"unknown report format {format!r}; use md or html"
    raise ReviewlabError(msg)


def _md_items(items: list[Item], depth: int = 0) -> list[str]:
    out = []
    for item in items:
        who = f"**{md_escape(item.who)}**: " if item.who else ""
        when = f"{md_escape(item.when)} \u00b7 " if item.when else ""
        out.append("  " * depth + f"- {when}{who}{md_escape(item.text)}")
        out += _md_items(item.sub, depth + 1)
    return out


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        tag = block[0]
        if tag in ("h1", "h2"):
            out += [("# " if tag == "h1" else "## ") + md_escape(block[1]), ""]
        elif tag == "p":
            out += [md_escape(block[1]), ""]
        elif tag == "facts":
            out += [f"- **{md_escape(k)}**: {md_escape(v)}" for k, v in block[1]] + [""]
        elif tag == "list":
            out += _md_items(block[1]) + [""]
        elif tag == "table":
            out += ["| " + " | ".join(md_escape(h, cell=True) for h in block[1]) + " |", "|" + " --- |" * len(block[1])]
            out += ["| " + " | ".join(md_escape(v, cell=True) for v in row) + " |" for row in block[2]] + [""]
    return "\n".join(out).rstrip() + "\n"


def _html_items(items: list[Item]) -> str:
    parts = []
    for item in items:
        who = f"<strong>{html.escape(item.who)}</strong>: " if item.who else ""
        who = f"<time>{html.escape(item.when)}</time> \u00b7 {who}" if item.when else who
        sub = f"<ul class='views'>{_html_items(item.sub)}</ul>" if item.sub else ""
        parts.append(f"<li>{who}{html.escape(item.text)}{sub}</li>")
    return "".join(parts)


def _svg_img(chart: Any, alt: str) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"<figure><img alt='{html.escape(alt)}' src='data:image/svg+xml;base64,{data}'></figure>"


def _chart(name: str, data: dict[str, Any]) -> Any:
    from reviewlab import charts

    if name == "themes":
        return charts.themes_chart(data["themes"])
    if name == "contributions":
        return charts.contributions_chart(data["frame"])
    from reviewlab.charts.timeline import timeline_chart

    return timeline_chart(data["frame"], zone=data.get("review")).properties(width=560)


def _html(blocks: list[Block], title: str, data: dict[str, Any]) -> str:
    body = []
    for block in blocks:
        tag = block[0]
        if tag in ("h1", "h2", "p"):
            body.append(f"<{tag}>{html.escape(str(block[1]))}</{tag}>")
        elif tag == "facts":
            body.append("<dl>" + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>"
                                         for k, v in block[1]) + "</dl>")
        elif tag == "list":
            body.append(f"<ul>{_html_items(block[1])}</ul>")
        elif tag == "table":
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block[1])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in block[2])
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif tag == "chart" and any(v is not None for v in data.values()):
            body.append(_svg_img(_chart(block[1], data), block[2]))
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


_CSS = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;"
        "color:#222}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}"
        "dd{margin:0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}"
        "ul.views{color:#555}figure{margin:1rem 0}img{max-width:100%}")
