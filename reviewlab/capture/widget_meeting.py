"""MeetingConsole: the clock, the entry form, corrections and the board of one review meeting, in one widget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from reviewlab.capture.guard import guarded
from reviewlab.capture.render import esc
from reviewlab.capture.session import CaptureSession
from reviewlab.capture.widget_board import Board
from reviewlab.capture.widget_clock import ClockPanel
from reviewlab.capture.widget_entry import EntryForm
from reviewlab.capture.widget_fix import FixPanel
from reviewlab.meeting import MeetingState
from reviewlab.model import Contribution, Phase, utcnow
from reviewlab.timezones import zone_label

if TYPE_CHECKING:
    from reviewlab.archive import Archive


class MeetingConsole(widgets.VBox):
    """Run a review meeting live: every press is on disk at once, and the board follows.

    Arguments:
        archive: an open archive.
        review_id: the review whose meeting this is.
        now: the clock (inject a fake in tests to move time).
        coach: the question coach; None uses `reviewlab.coach`.
        chart: draw the timeline chart on the board.
        by: who works the console (recorded with corrections and meeting presses); the facilitator by default.

    Examples:
        >>> import reviewlab
        >>> from reviewlab.model import Review, Participant
        >>> a = reviewlab.open_archive(":memory:")
        >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
        >>> console = MeetingConsole(a, "r1", chart=False)
        >>> console.say("Ana", "observation", "The queue stalled.").kind.value
        'observation'
    """

    def __init__(self, archive: Archive, review_id: str, *, now: Callable[[], datetime] = utcnow,
                 coach: Any = None, chart: bool = True, by: str | None = None, **kwargs: Any) -> None:
        self.session = CaptureSession(archive, review_id, phase=Phase.MEETING, now=now, by=by)
        self.clock = ClockPanel(self.session)
        self.entry = EntryForm(self.session, coach=coach)
        self.fix = FixPanel(self.session, self.entry)
        self.board = Board(self.session, chart=chart)
        self.entry.on_saved(self._saved)
        self.fix.on_changed(self._saved)
        self.clock.on_change(self._meeting_changed)
        # each browser tick also picks up what other kernels or notebooks wrote to this review
        self.clock.ticker.observe(self.clock.output.capture()(lambda _c: self._tick()), "value")
        review = self.session.review
        self.title = widgets.HTML(f"<h2 style='margin:4px 0'>Review meeting: {esc(review.title)} "
                                  f"<small>({esc(review.id)}, facilitator {esc(review.facilitator or 'not chosen')})"
                                  "</small></h2>")
        self.zone_text = widgets.HTML()
        self.zone = widgets.Text(placeholder="Europe/Berlin, or +01:00", layout={"width": "200px"})
        self.zone_button = widgets.Button(description="Set time zone", icon="globe", layout={"width": "auto"})
        self.zone_status = widgets.HTML()
        self.zone_button.on_click(self.clock.output.capture()(guarded(self._show_zone, "Not set")(self._set_zone)))
        zone_row = widgets.HBox([self.zone_text, self.zone, self.zone_button, self.zone_status])
        super().__init__([self.title, zone_row, self.clock, self.entry, self.fix, self.board], **kwargs)
        self.add_class("rl-console")
        self._show_zone("")

    # -- pressing the buttons, as the facilitator would (demos and tests) ---------------------
    def say(self, participant: str, kind: str, text: str, event_time: str = "",
            same_event: str | None = None) -> Contribution | None:
        """Fill the form and press Submit, as the facilitator would; returns what was saved (None if refused).

        Arguments:
            participant: who speaks.
            kind: observation, timeline_event, went_right, learning or question.
            text: their words.
            event_time: for a timeline event, the time as typed ("08:20", "8.20pm") or a date and time.
            same_event: for a timeline event, the id of another account of the same event.
        """
        return self.entry.press_submit(participant, kind, text, event_time, same_event=same_event)

    def correct(self, contribution_id: str, *, participant: str | None = None, kind: str | None = None,
                text: str | None = None, event_time: str | None = None, reason: str = "") -> Contribution | None:
        """Pick the entry under Fix, press Correct, change the fields given, press Save correction."""
        self.fix.refresh(select=contribution_id)
        self.fix.entries.value = contribution_id
        self.fix.correct_button.click()
        if self.entry.correcting != contribution_id:
            return None
        if participant is not None:
            self.entry.participant.value = participant
        if kind is not None:
            self.entry.kind.value = kind
        if text is not None:
            self.entry.text.value = text
        if event_time is not None:
            self.entry.event_time.value = event_time
        self.entry.reason.value = reason
        before = self.entry.saved_count
        self.entry.submit_button.click()
        return self.session.archive.get_contribution(contribution_id) if self.entry.saved_count > before else None

    def withdraw(self, contribution_id: str, reason: str = "") -> None:
        """Pick the entry under Fix, give the reason, press Withdraw."""
        self.fix.refresh(select=contribution_id)
        self.fix.entries.value = contribution_id
        self.fix.reason.value = reason
        self.fix.withdraw_button.click()

    def undo_withdrawal(self, contribution_id: str) -> None:
        """Pick the withdrawn entry and press Undo withdrawal."""
        self.fix.withdrawn.value = contribution_id
        self.fix.undo_button.click()

    def pause(self) -> None:
        """Press Pause (or Resume, when paused)."""
        self.clock.pause_button.click()

    def end(self) -> None:
        """Press End meeting."""
        self.clock.end_button.click()

    def reopen(self, by: str, why: str) -> None:
        """Fill who and why, press Reopen meeting."""
        self.clock.reopen_by.value, self.clock.reopen_why.value = by, why
        self.clock.reopen_button.click()

    def open_topic(self, topic_or_phase: str) -> None:
        """Click an agenda topic (by its title) or a phase ('went_right', 'learning')."""
        self.clock.open_topic(topic_or_phase)

    def summary(self) -> str:
        """Plain text for a notebook: meeting contributions by kind and the balance of voices."""
        counts = self.session.describe()
        kinds = ", ".join(f"{k}: {n}" for k, n in counts.items()) or "nothing yet"
        return f"{sum(counts.values())} meeting contributions ({kinds}). {self.session.balance().message()}"

    # -- keeping the panels in step -----------------------------------------------------------
    def _saved(self, c: Contribution | None = None) -> None:
        with self.session.reading():
            self.board.refresh()
            self.fix.refresh(select=c.id if c is not None and not c.withdrawn else None)  # the latest, ready to fix
            self.clock.refresh()

    def _tick(self) -> None:
        with self.session.reading():
            self.board.refresh()
            self.entry.refresh_state()

    def _meeting_changed(self, state: MeetingState) -> None:
        self.entry.refresh_state()
        topic = state.current
        if topic is not None and topic.kind == "phase" and not self.entry.correcting:
            self.entry.kind.value = topic.key  # opening a phase sets the kind of what is captured next
        self.board.refresh()

    def _show_zone(self, html: str) -> None:
        self.zone_text.value = f"<span class='rl-zone-label'>Times in <b>{esc(zone_label(self.session.review))}</b></span>"
        self.zone_status.value = html

    def _set_zone(self, _button: widgets.Button) -> None:
        self.session.archive.update_review(self.session.review_id, timezone=self.zone.value)
        self.zone.value = ""
        self._show_zone("<span style='color:#1b5e20'>Saved.</span>")
        self.board._events_seen = None  # redraw the chart in the new zone
        self._saved()
        self.entry.refresh_events()
        self.entry.refresh_state()

    def __repr__(self) -> str:
        return f"MeetingConsole(review={self.session.review_id!r})"
