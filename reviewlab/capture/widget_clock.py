"""ClockPanel: the meeting clock (start, pause, end, reopen), the open topic or phase, the agenda's time per
topic. Everything it shows is read from the archive, so a restarted kernel shows the same meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from reviewlab.capture.guard import guarded
from reviewlab.capture.render_meeting import clock_html, phase_options
from reviewlab.capture.session import CaptureSession
from reviewlab.meeting import MeetingState

NO_TOPIC = ""


class ClockPanel(widgets.VBox):
    """The meeting clock for a session; a browser-side ticker refreshes it (and the board) while a page shows it.

    Arguments:
        session: a meeting-phase capture session (its clock is injectable for tests).
        tick_ms: how often the page asks for a refresh.
    """

    state = Unicode("not_started", help="not_started, running, warn, stop, paused, ended or held.").tag(sync=False)

    def __init__(self, session: CaptureSession, *, tick_ms: int = 10_000, **kwargs: Any) -> None:
        self.session = session
        self.output = widgets.Output()
        self.display = widgets.HTML()
        self.status = widgets.HTML()
        self.start_button = widgets.Button(description="Start meeting", icon="play", button_style="success")
        self.pause_button = widgets.Button(description="Pause", icon="pause", tooltip="a break: the clock stops")
        self.end_button = widgets.Button(description="End meeting", icon="stop",
                                         tooltip="stores the end time and closes capture")
        self.topic = widgets.ToggleButtons(options=[], style={"button_width": "auto"},
                                           tooltips=[], layout={"width": "auto"})
        self.reopen_by = widgets.Text(description="Who", value=session.operator, layout={"width": "240px"})
        self.reopen_why = widgets.Text(description="Why", placeholder="why reopen the ended meeting (required)",
                                       layout={"width": "50%"})
        self.reopen_button = widgets.Button(description="Reopen meeting", icon="undo")
        self.reopen_row = widgets.HBox([self.reopen_by, self.reopen_why, self.reopen_button],
                                       layout={"display": "none"})
        # ticks in the browser, so no kernel thread is needed; each tick re-reads the meeting from the archive. The
        # Play widget only starts ticking when its view sees `playing` turn on, so that is done per view drawn.
        self.ticker = widgets.Play(interval=tick_ms, max=10**9, show_repeat=False,
                                   layout={"width": "1px", "visibility": "hidden"})
        self.ticker._view_count = 0
        self.ticker.observe(self._views_changed, "_view_count")
        show = self._show_status
        for button, handler in ((self.start_button, self._start), (self.pause_button, self._pause),
                                (self.end_button, self._end), (self.reopen_button, self._reopen)):
            button.on_click(self.output.capture()(guarded(show, "Not done")(handler)))
        self.topic.observe(self.output.capture()(guarded(show, "Not opened")(self._topic_picked)), "value")
        self.ticker.observe(self.output.capture()(lambda _c: self.refresh()), "value")
        self._on_change: list[Callable[[MeetingState], None]] = []
        self._refreshing = False
        super().__init__([widgets.HBox([self.start_button, self.pause_button, self.end_button, self.ticker]),
                          self.display, widgets.HTML("<b>Open a topic or phase:</b>"), self.topic, self.reopen_row,
                          self.status, self.output], **kwargs)
        self.add_class("rl-clock-panel")
        self.refresh()

    # -- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw the clock, the open topic and the agenda from the archive."""
        clock = self.session.clock
        agenda = self.session.archive.agenda(self.session.review_id)
        review = self.session.review
        self.state = clock.state()
        self.display.value = clock_html(clock, agenda, review)
        status = clock.meeting.status
        self.start_button.disabled = status != "not_started"
        self.pause_button.disabled = status not in ("running", "paused")
        self.pause_button.description, self.pause_button.icon = (
            ("Resume", "play") if status == "paused" else ("Pause", "pause"))
        self.end_button.disabled = status not in ("running", "paused")
        self.reopen_row.layout.display = "" if status in ("ended", "held") else "none"
        self._show_topics(agenda, clock, status)
        if self.ticker._view_count and not self.ticker.playing:
            self.ticker.playing = True  # ticks in every state: another kernel may resume, end or reopen it

    def _show_topics(self, agenda: list[Any], clock: Any, status: str) -> None:
        options = [(item.title, f"topic:{item.title}") for item in agenda] + [
            (label, f"phase:{key}") for label, key in phase_options()]
        current = clock.current()
        value = f"{current.kind}:{current.key}" if current is not None else None
        self._refreshing = True
        try:
            if list(self.topic.options) != options:
                self.topic.options = options
            self.topic.value = value if value in dict(options).values() else None
            self.topic.disabled = status not in ("running", "paused")
        finally:
            self._refreshing = False

    # -- pressing -----------------------------------------------------------------------------
    def on_change(self, callback: Callable[[MeetingState], None]) -> None:
        """Call `callback(state)` after each press that changes the meeting (start, pause, end, topic...)."""
        self._on_change.append(callback)

    def _changed(self) -> None:
        self.status.value = ""
        self.refresh()
        state = self.session.meeting_state()
        for callback in self._on_change:
            callback(state)

    def open_topic(self, title_or_phase: str) -> None:
        """Click the topic (an agenda title) or the phase ('went_right', 'learning') as a person would."""
        values = dict(self.topic.options)
        value = values.get(title_or_phase) or next(
            (v for v in values.values() if v == f"phase:{title_or_phase}" or v == f"topic:{title_or_phase}"), None)
        if value is None:
            msg = f"{title_or_phase!r} is neither an agenda topic nor a phase here: {', '.join(values)}"
            raise ValueError(msg)
        self.topic.value = value

    def _show_status(self, html: str) -> None:
        self.status.value = html
        self.refresh()

    def _start(self, _button: widgets.Button) -> None:
        self.session.start_meeting()
        self._changed()

    def _pause(self, _button: widgets.Button) -> None:
        if self.session.meeting_state().status == "paused":
            self.session.resume_meeting()
        else:
            self.session.pause_meeting()
        self._changed()

    def _end(self, _button: widgets.Button) -> None:
        self.session.end_meeting()
        self._changed()

    def _reopen(self, _button: widgets.Button) -> None:
        self.session.reopen_meeting(self.reopen_by.value, self.reopen_why.value)
        self.reopen_why.value = ""
        self._changed()

    def _topic_picked(self, change: dict[str, Any]) -> None:
        if self._refreshing or not change["new"]:
            return
        kind, key = change["new"].split(":", 1)
        current = self.session.clock.current()
        if current is None or (current.kind, current.key) != (kind, key):
            if kind == "phase":
                self.session.open_phase(key)
            else:
                self.session.open_topic(key)
        self._changed()

    def _views_changed(self, change: dict[str, Any]) -> None:
        """A page (re)drew the clock: start its ticks (a Play view only starts on a change it sees)."""
        if (change["new"] or 0) > (change["old"] or 0):
            self.ticker.playing = False
            self.ticker.playing = True
