"""ClockPanel: elapsed meeting time, the 60-minute warning, the 90-minute stop, the agenda's time per topic."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import Unicode

from reviewlab.capture.render import clock_html
from reviewlab.capture.session import CaptureSession


class ClockPanel(widgets.VBox):
    """The meeting clock for a session; a browser-side ticker refreshes it while the page is open.

    Arguments:
        session: a meeting-phase capture session (its clock is injectable for tests).
        tick_ms: how often the page asks for a refresh.
    """

    state = Unicode("not_started", help="not_started, running, warn (past 60 min) or stop (90 min).").tag(sync=False)

    def __init__(self, session: CaptureSession, *, tick_ms: int = 10_000, **kwargs: Any) -> None:
        self.session = session
        self.output = widgets.Output()
        self.display = widgets.HTML()
        self.start_button = widgets.Button(description="Start meeting", icon="play", button_style="success")
        self.end_button = widgets.Button(description="End meeting", icon="stop")
        # ticks in the browser, so no kernel thread is needed; each tick refreshes the clock
        self.ticker = widgets.Play(interval=tick_ms, max=10**9, show_repeat=False, layout={"width": "1px",
                                   "visibility": "hidden"})
        self.start_button.on_click(self.output.capture()(self._start))
        self.end_button.on_click(self.output.capture()(self._end))
        self.ticker.observe(self.output.capture()(lambda _c: self.refresh()), "value")
        super().__init__([widgets.HBox([self.start_button, self.end_button, self.ticker]), self.display, self.output],
                         **kwargs)
        if session.review.meeting_at is not None:
            session.start_meeting()
            self.ticker.playing = True
        self.refresh()

    def refresh(self) -> None:
        """Redraw the clock and the agenda from the archive and the session's clock."""
        clock = self.session.clock
        self.state = clock.state()
        self.display.value = clock_html(clock, self.session.archive.agenda(self.session.review_id))
        self.start_button.disabled = clock.started is not None

    def _start(self, _button: widgets.Button) -> None:
        self.session.start_meeting()
        self.ticker.playing = True
        self.refresh()

    def _end(self, _button: widgets.Button) -> None:
        self.session.end_meeting()
        self.ticker.playing = False
        self.refresh()
        self.display.value += "<div class='rl-ended'><b>Meeting marked as held.</b> Repair ideas wait in the " \
                              "parking lot for the planning meeting.</div>"
