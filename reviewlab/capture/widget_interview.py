"""InterviewDesk: one-to-one interview notes per participant, with openers and coach hints; notes can be private."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from reviewlab.capture.render import esc
from reviewlab.capture.session import CaptureSession
from reviewlab.capture.widget_entry import EntryForm
from reviewlab.model import Contribution, Phase

if TYPE_CHECKING:
    from reviewlab.archive import Archive


class InterviewDesk(widgets.VBox):
    """Capture one-to-one interviews: pick a participant, write their notes (same kinds as the meeting).

    Arguments:
        archive: an open archive.
        review_id: the review being prepared.
        coach: the question coach; None uses `reviewlab.coach`.
    """

    def __init__(self, archive: Archive, review_id: str, *, coach: Any = None, **kwargs: Any) -> None:
        self.session = CaptureSession(archive, review_id, phase=Phase.INTERVIEW)
        self.entry = EntryForm(self.session, coach=coach)
        self.notes = widgets.HTML()
        self.entry.on_saved(lambda _c: self.refresh())
        self.entry.participant.observe(lambda _c: self.refresh(), "value")
        super().__init__([widgets.HTML("<h3>One-to-one interview</h3><i>Openers from the question bank are "
                                       "under 'Ask'; private notes stay off the meeting board.</i>"),
                          self.entry, self.notes], **kwargs)
        self.refresh()

    def note(self, participant: str, kind: str, text: str, *, private: bool = False,
             event_time: str = "") -> Contribution | None:
        """Fill the form and press Submit, as the interviewer would; returns the saved note."""
        return self.entry.press_submit(participant, kind, text, event_time, private=private)

    def refresh(self) -> None:
        """Show the notes taken so far with the participant picked."""
        who = self.entry.participant.value
        notes = [c for c in self.session.contributions(include_private=True, phases=("interview",))
                 if c.participant == who]
        items = "".join(f"<li>{'&#128274; ' if c.private else ''}<small>{esc(c.kind.value)}</small> {esc(c.text)}</li>"
                        for c in notes)
        self.notes.value = f"<b>Notes with {esc(who or '...')}</b><ul>{items or '<li><i>none yet</i></li>'}</ul>"

    def __repr__(self) -> str:
        return f"InterviewDesk(review={self.session.review_id!r})"
