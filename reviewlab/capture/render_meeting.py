"""HTML for the meeting's own state: the clock, the open topic and the agenda, and the board's banner
(ended, reopened by whom and why). Times in the review's zone, named; every piece of text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reviewlab.capture.clock import MeetingClock, minutes
from reviewlab.capture.render import esc
from reviewlab.meeting import PHASES, MeetingAction, MeetingState
from reviewlab.model import AgendaItem, Review
from reviewlab.timezones import clock_text, local, zone_name

STATE_COLOUR = {"not_started": "#555", "running": "#1b5e20", "warn": "#b26a00", "stop": "#b00020",
                "paused": "#1565c0", "ended": "#333", "held": "#333"}


def meeting_time(when: datetime, state: MeetingState, review: Review | None) -> str:
    """A time of the meeting in the review's zone: '13:45', with the date when not on the meeting's first day."""
    if review is None:
        return f"{when:%H:%M}"
    first = local(state.started or when, review).date()
    return clock_text(when, review, date=local(when, review).date() != first)


def when_text(clock: MeetingClock, review: Review | None) -> str:
    """'Started 13:00, paused since 13:32 (Europe/Berlin).' and the like; '' before the start."""
    m = clock.meeting
    if m.started is None:
        return ""
    parts = [f"started {meeting_time(m.started, m, review)}"]
    if m.paused_since is not None:
        parts.append(f"paused since {meeting_time(m.paused_since, m, review)}")
    if m.ended is not None:
        parts.append(f"ended {meeting_time(m.ended, m, review)}")
    breaks = sum(e.action is MeetingAction.PAUSED for e in m.log)
    if breaks > 0:
        parts.append(f"{breaks} break{'s' if breaks > 1 else ''}")
    zone = f" ({zone_name(review)})" if review is not None else ""
    return ", ".join(parts).capitalize() + zone + "."


def clock_html(clock: MeetingClock, agenda: Sequence[AgendaItem] = (), review: Review | None = None) -> str:
    """The elapsed time and its warning, when the meeting started/paused/ended, the open topic, and the
    agenda with the time spent on each topic."""
    state = clock.state()
    head = (f'<div class="rl-clock rl-{state}" style="font-size:1.2em;font-weight:bold;color:{STATE_COLOUR[state]}">'
            f"{esc(clock.message())}</div>")
    when = when_text(clock, review)
    head += f'<div class="rl-clock-when" style="color:#555">{esc(when)}</div>' if when else ""
    if clock.started is not None and state not in ("ended", "held"):
        head += f'<div class="rl-topic" style="font-weight:bold">{esc(clock.topic_message(agenda))}</div>'
    if not agenda:
        return head + "<div><i>No agenda picked yet (notebook 01 proposes topics from the interviews).</i></div>"
    items = []
    for slot in clock.schedule(agenda):
        planned = minutes(slot.ends - slot.starts)
        mark = {"done": "&#10003;", "now": "&#9654;", "next": "&#8226;"}[slot.state]
        style = "font-weight:bold" if slot.state == "now" else "color:#777" if slot.state == "done" else ""
        spent = f"{minutes(slot.spent)} of {planned} min" if slot.spent else f"{planned} min"
        items.append(f'<li class="rl-slot rl-slot-{slot.state}" style="{style}">{mark} {esc(slot.title)} '
                     f"<small>({spent})</small></li>")
    return head + f'<ol class="rl-agenda" style="list-style:none;padding-left:0">{"".join(items)}</ol>'


def banner_html(state: MeetingState, review: Review) -> str:
    """What the board says about the meeting itself: ended (capture closed), and every reopening."""
    parts = []
    for e in state.reopenings:
        parts.append(f'<div class="rl-meeting-reopened" style="color:#b26a00">Reopened at {esc(meeting_time(e.at, state, review))} '
                     f"by <b>{esc(e.by)}</b>: {esc(e.note)}</div>")
    if state.status == "ended" and state.ended is not None:
        spent = minutes(state.elapsed(state.ended))
        parts.append(f'<div class="rl-meeting-ended" style="font-weight:bold">Meeting ended at '
                     f"{esc(meeting_time(state.ended, state, review))} {esc(zone_name(review))}, after {spent} min. "
                     "Capture is closed; repair ideas wait in the parking lot for the planning meeting.</div>")
    elif state.status == "held":
        parts.append('<div class="rl-meeting-ended" style="font-weight:bold">Meeting held (its end was not recorded).</div>')
    return "".join(parts)


def phase_options() -> list[tuple[str, str]]:
    """The phases a facilitator can open, as (label, key)."""
    return [(title, key) for key, (title, _minutes) in PHASES.items()]
