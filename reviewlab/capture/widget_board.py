"""Board: what was said by kind, the timeline with viewpoints side by side, the parking lot, the balance of voices."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import Int

from reviewlab.capture.coaching import looks_like_repair
from reviewlab.capture.guard import guarded
from reviewlab.capture.render import balance_html, board_html, esc, parking_html, timeline_html
from reviewlab.capture.render_meeting import banner_html
from reviewlab.capture.session import CaptureSession
from reviewlab.meeting import capture_closed
from reviewlab.model import Kind


class Board(widgets.VBox):
    """The meeting board of a session, redrawn from the archive by `refresh()`.

    Arguments:
        session: the capture session whose review is shown (private interview notes never are).
        chart: draw the Altair timeline chart (as SVG, offline) when timeline events change.
    """

    shown = Int(0, help="How many contributions the board shows.").tag(sync=False)

    def __init__(self, session: CaptureSession, *, chart: bool = True, **kwargs: Any) -> None:
        self.session = session
        self.draw_chart = chart
        self.output = widgets.Output()
        self.banner = widgets.HTML()
        self.columns = widgets.HTML()
        self.timeline = widgets.HTML()
        self.chart = widgets.HTML()
        self.parking = widgets.HTML()
        self.balance = widgets.HTML()
        self.to_park = widgets.Dropdown(description="Park", options=[], layout={"width": "70%"},
                                        tooltip="a contribution that proposes a fix")
        self.park_button = widgets.Button(description="Park it", icon="car")
        self.park_status = widgets.HTML()
        self.park_button.on_click(self.output.capture()(guarded(self._show_park, "Not parked")(self._park)))
        self._events_seen: tuple[object, ...] | None = None

        def section(title: str, *children: widgets.Widget) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<h3 style='margin:6px 0'>{esc(title)}</h3>"), *children])

        super().__init__([
            self.banner,
            section("Board", self.columns),
            section("Timeline: each account side by side", self.timeline, self.chart),
            widgets.HBox([
                section("Parking lot (repair ideas, planned in a separate meeting)", self.parking,
                        widgets.HBox([self.to_park, self.park_button]), self.park_status),
                section("Balance of voices", self.balance)]),
            self.output], **kwargs)
        self.add_class("rl-board-panel")
        self.refresh()

    def refresh(self) -> None:
        """Redraw every panel from the archive: latest versions, withdrawn entries left out."""
        said = self.session.contributions()
        review = self.session.review
        corrected = self.session.corrected_ids()
        self.shown = len(said)
        self.banner.value = banner_html(self.session.meeting_state(), review) if self.session.phase.value == "meeting" else ""
        gone = len(self.session.withdrawn())
        note = (f"<div class='rl-withdrawn-count' style='color:#777'><small>{gone} withdrawn "
                f"entr{'y' if gone == 1 else 'ies'} not shown (kept in the archive).</small></div>") if gone else ""
        self.columns.value = board_html(said, corrected) + note
        self.timeline.value = timeline_html(said, review, corrected)
        self.parking.value = parking_html(said)
        self.balance.value = balance_html(self.session.balance())
        parked = {c.links_to for c in said if c.kind is Kind.REPAIR_ITEM}
        candidates = [c for c in said if c.kind is not Kind.REPAIR_ITEM and c.id not in parked]
        candidates.sort(key=lambda c: not looks_like_repair(c.text))  # fixes first
        self.to_park.options = [(f"{c.participant}: {c.text[:60]}", c.id) for c in candidates]
        closed = self.session.phase.value == "meeting" and capture_closed(review) is not None
        self.to_park.disabled = self.park_button.disabled = closed  # parking adds to a closed meeting: refused
        events = tuple((c.id, c.participant, c.event_time, c.text) for c in said if c.kind is Kind.TIMELINE_EVENT)
        if self.draw_chart and events != self._events_seen:
            self._events_seen = events
            self.chart.value = self._chart_svg() if events else ""

    def _chart_svg(self) -> str:
        import vl_convert as vlc

        from reviewlab.charts.timeline import timeline_chart

        frame = self.session.archive.contributions_frame(self.session.review_id)
        chart = timeline_chart(frame, zone=self.session.review).properties(width=640)
        return f"<div class='rl-chart'>{vlc.vegalite_to_svg(chart.to_dict())}</div>"

    def _show_park(self, html: str) -> None:
        self.park_status.value = html

    def _park(self, _button: widgets.Button) -> None:
        if self.to_park.value:
            self.session.park(self.to_park.value)
            self.park_status.value = ""
            self.refresh()
