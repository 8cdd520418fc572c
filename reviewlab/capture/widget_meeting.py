"""MeetingConsole: the clock, the entry form and the board of one review meeting, in one widget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from reviewlab.capture.session import CaptureSession
from reviewlab.capture.widget_board import Board
from reviewlab.capture.widget_clock import ClockPanel
from reviewlab.capture.widget_entry import EntryForm
from reviewlab.model import Contribution, Phase, utcnow

if TYPE_CHECKING:
    from reviewlab.archive import Archive


class MeetingConsole(widgets.VBox):
    """Run a review meeting live: every Submit is on disk at once, and the board follows.

    Arguments:
        archive: an open archive.
        review_id: the review whose meeting this is.
        now: the clock (inject a fake in tests to move time).
        coach: the question coach; None uses `reviewlab.coach`.
        chart: draw the timeline chart on the board.

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
                 coach: Any = None, chart: bool = True, **kwargs: Any) -> None:
        self.session = CaptureSession(archive, review_id, phase=Phase.MEETING, now=now)
        self.clock = ClockPanel(self.session)
        self.entry = EntryForm(self.session, coach=coach)
        self.board = Board(self.session, chart=chart)
        self.entry.on_saved(lambda _c: self._saved())
        # each browser tick also picks up what other kernels or notebooks wrote to this review
        self.clock.ticker.observe(self.clock.output.capture()(lambda _c: self.board.refresh()), "value")
        review = self.session.review
        title = widgets.HTML(f"<h2 style='margin:4px 0'>Review meeting: {_esc(review.title)} "
                             f"<small>({_esc(review.id)}, facilitator {_esc(review.facilitator or 'not chosen')})</small></h2>")
        super().__init__([title, self.clock, self.entry, self.board], **kwargs)
        self.add_class("rl-console")

    def _saved(self) -> None:
        self.board.refresh()
        self.clock.refresh()

    def say(self, participant: str, kind: str, text: str, event_time: str = "",
            same_event: str | None = None) -> Contribution | None:
        """Fill the form and press Submit, as the facilitator would; returns what was saved (None if refused).

        Arguments:
            participant: who speaks.
            kind: observation, timeline_event, went_right, learning or question.
            text: their words.
            event_time: for a timeline event, "HH:MM" on the incident day or an ISO time.
            same_event: for a timeline event, the id of another account of the same event.
        """
        return self.entry.press_submit(participant, kind, text, event_time, same_event=same_event)

    def summary(self) -> str:
        """Plain text for a notebook: meeting contributions by kind and the balance of voices."""
        counts = self.session.describe()
        kinds = ", ".join(f"{k}: {n}" for k, n in counts.items()) or "nothing yet"
        return f"{sum(counts.values())} meeting contributions ({kinds}). {self.session.balance().message()}"

    def __repr__(self) -> str:
        return f"MeetingConsole(review={self.session.review_id!r})"


def _esc(text: str) -> str:
    from reviewlab.capture.render import esc

    return esc(text)
