"""HTML for the console's panels, built from model objects; every piece of text is escaped.

A contribution holding `<script>` or `<img onerror=...>` is shown as those characters and runs nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from reviewlab.capture.clock import MeetingClock
from reviewlab.capture.coaching import Hint
from reviewlab.capture.rules import BOARD_COLUMNS, TIMELINE_TOLERANCE
from reviewlab.capture.voices import VoiceBalance
from reviewlab.model import AgendaItem, Contribution, Kind, Phase
from reviewlab.timeline import group_events
from reviewlab.unknowns import event_when, timeline_order

_STATE_COLOUR = {"not_started": "#555", "running": "#1b5e20", "warn": "#b26a00", "stop": "#b00020"}


def esc(text: object) -> str:
    """Text made safe to put inside HTML (quotes too)."""
    return html.escape(str(text), quote=True)


def clock_html(clock: MeetingClock, agenda: Sequence[AgendaItem] = ()) -> str:
    """The elapsed time, its warning, and the agenda with time per topic."""
    state = clock.state()
    head = (f'<div class="rl-clock rl-{state}" style="font-size:1.2em;font-weight:bold;color:{_STATE_COLOUR[state]}">'
            f"{esc(clock.message())}</div>")
    if not agenda:
        return head + "<div><i>No agenda picked yet (notebook 01 proposes topics from the interviews).</i></div>"
    items = []
    for slot in clock.schedule(agenda):
        start, end = int(slot.starts.total_seconds() // 60), int(slot.ends.total_seconds() // 60)
        mark = {"done": "&#10003;", "now": "&#9654;", "next": "&#8226;"}[slot.state]
        style = "font-weight:bold" if slot.state == "now" else "color:#777" if slot.state == "done" else ""
        items.append(f'<li style="{style}">{mark} {esc(slot.title)} <small>({start}&ndash;{end} min)</small></li>')
    return head + f'<ol class="rl-agenda" style="list-style:none;padding-left:0">{"".join(items)}</ol>'


def hints_html(hints: Sequence[Hint], *, repair: bool = False, parking_hint: str = "") -> str:
    """The coach's hints beside the text being typed, and the offer to park a repair idea."""
    parts = []
    for h in hints:
        suggestion = f'<br><b>Try:</b> <span class="rl-suggestion">{esc(h.suggestion)}</span>' if h.suggestion else ""
        parts.append(f'<div class="rl-hint" style="border-left:3px solid #b26a00;padding-left:6px;margin:4px 0">'
                     f"<b>{esc(h.label)}</b>: {esc(h.explanation)}{suggestion}</div>")
    if repair:
        parts.append(f'<div class="rl-park-hint" style="border-left:3px solid #1565c0;padding-left:6px">'
                     f"{esc(parking_hint)}</div>")
    return "".join(parts)


def _item(c: Contribution) -> str:
    badge = ' <small style="color:#777">(interview)</small>' if c.phase is Phase.INTERVIEW else ""
    return f'<li class="rl-item" data-id="{esc(c.id)}"><b>{esc(c.participant)}</b>: {esc(c.text)}{badge}</li>'


def board_html(contributions: Sequence[Contribution]) -> str:
    """Contributions by kind, one column each; private notes must be left out by the caller."""
    cols = []
    for kind, title in BOARD_COLUMNS.items():
        items = [c for c in contributions if c.kind.value == kind and not c.private]
        body = "".join(_item(c) for c in items) or "<li><i>nothing yet</i></li>"
        cols.append(f'<div class="rl-col rl-col-{kind}" style="flex:1;min-width:180px;padding:0 6px;overflow-wrap:anywhere">'
                    f"<h4>{esc(title)} ({len(items)})</h4><ul style='padding-left:16px'>{body}</ul></div>")
    return f'<div class="rl-board" style="display:flex;gap:8px;align-items:flex-start">{"".join(cols)}</div>'


def event_groups(contributions: Sequence[Contribution]) -> list[list[Contribution]]:
    """Timeline events grouped by the event they describe (a chain of `links_to`), earliest first."""
    events = [c for c in contributions if c.kind is Kind.TIMELINE_EVENT and not c.private]
    groups = group_events(events)  # the one rule for following links (chains and cycles): reviewlab.timeline
    place = {c.id: i for i, c in enumerate(timeline_order(events))}  # an imported event may have no time
    return sorted(groups.values(), key=lambda g: min(place[c.id] for c in g))


def timeline_html(contributions: Sequence[Contribution]) -> str:
    """The timeline: one row per event, each participant's time and words side by side."""
    rows = []
    for group in event_groups(contributions):
        times = [c.event_time for c in group if c.event_time]
        differs = len(times) > 1 and max(times) - min(times) > TIMELINE_TOLERANCE
        flag = ' <span class="rl-differ" style="color:#b26a00">times differ</span>' if differs else ""
        cells = "".join(
            f'<td class="rl-view" style="vertical-align:top;padding:4px 8px;border-left:1px solid #ddd;overflow-wrap:anywhere">'
            f"<b>{esc(c.participant)}</b> {c.event_time.strftime('%H:%M') if c.event_time else ''}<br>{esc(c.text)}</td>"
            for c in group)
        rows.append(f"<tr><td style='vertical-align:top;white-space:nowrap'>"
                    f"{min(times).strftime('%H:%M') if times else esc(event_when(group[0]))}{flag}</td>{cells}</tr>")
    if not rows:
        return "<i>No timeline events yet.</i>"
    return f'<table class="rl-timeline" style="border-collapse:collapse">{"".join(rows)}</table>'


def parking_html(contributions: Sequence[Contribution]) -> str:
    """The parking lot: repair ideas raised, kept for the planning meeting (no effort, owner or date here)."""
    items = [c for c in contributions if c.kind is Kind.REPAIR_ITEM and not c.private]
    if not items:
        return "<i>Parking lot empty.</i>"
    body = "".join(_item(c) for c in items)
    return (f'<div class="rl-parking"><ul style="padding-left:16px">{body}</ul>'
            "<small>Planned in a separate meeting a day or two from now.</small></div>")


def balance_html(balance: VoiceBalance) -> str:
    """Contributions per participant as bars, with the flag and who has not spoken."""
    top = max(balance.counts.values(), default=0) or 1
    rows = []
    for name, n in sorted(balance.counts.items(), key=lambda kv: -kv[1]):
        colour = "#b00020" if name == balance.dominant else "#1565c0" if n else "#bbb"
        rows.append(f"<tr><td>{esc(name)}</td><td><div style='background:{colour};height:10px;"
                    f"width:{max(2, int(120 * n / top))}px'></div></td><td>{n}</td></tr>")
    colour = "#b00020" if balance.dominant or balance.silent else "#1b5e20"
    return (f'<table class="rl-balance">{"".join(rows)}</table>'
            f'<div class="rl-balance-msg" style="color:{colour}">{esc(balance.message())}</div>')
