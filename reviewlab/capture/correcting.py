"""Correction mode of the entry form: the form is filled with an earlier entry, and Submit (or Enter) saves
the correction instead of a new entry; the old version is kept in the archive with who, when and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewlab.capture.guard import failure_html
from reviewlab.capture.render import esc
from reviewlab.capture.rules import ENTRY_KINDS
from reviewlab.model import Contribution, Kind
from reviewlab.timezones import clock_text

if TYPE_CHECKING:
    from reviewlab.capture.session import CaptureSession

KINDS = [(v, k) for k, v in ENTRY_KINDS.items()]
"""The kinds the form offers (a parked repair idea is added only while one is being corrected)."""
_REPAIR_KIND = ("Repair idea (parked)", Kind.REPAIR_ITEM.value)


class CorrectionMode:
    """Mixed into EntryForm: begin, save and cancel a correction."""

    session: CaptureSession
    correcting: str
    _shown_time: str
    participant: Any
    kind: Any
    text: Any
    event_time: Any
    reason: Any
    status: Any
    submit_button: Any
    park_button: Any
    cancel_button: Any
    correcting_note: Any
    """(The widgets and `refresh_state`, `_after_save` are EntryForm's.)"""

    def begin_correction(self, contribution_id: str) -> Contribution:
        """Fill the form with an earlier entry to correct it; Submit then saves the correction."""
        c = self.session.own(contribution_id)
        review = self.session.review
        kinds = KINDS + ([_REPAIR_KIND] if c.kind is Kind.REPAIR_ITEM else [])
        if list(self.kind.options) != kinds:
            self.kind.options = kinds
        self.correcting = c.id
        self.participant.value, self.kind.value, self.text.value = c.participant, c.kind.value, c.text
        self._shown_time = clock_text(c.event_time, review) if c.event_time else ""
        self.event_time.value = self._shown_time
        self.submit_button.description, self.submit_button.icon = "Save correction", "pencil"
        self.park_button.layout.display = "none"
        self.cancel_button.layout.display = self.reason.layout.display = ""
        self.correcting_note.value = (f'<div class="rl-correcting" style="color:#1565c0">Correcting '
                                      f"<b>{esc(c.participant)}</b>: {esc(c.text[:120])}. The old version is kept."
                                      "</div>")
        self.status.value = ""
        return c

    def cancel_correction(self) -> None:
        """Leave correction mode; the form is empty again for new entries."""
        self.correcting = ""
        self.text.value, self.event_time.value, self.reason.value = "", "", ""
        if list(self.kind.options) != KINDS:
            self.kind.options = KINDS
            self.kind.value = "observation"
        self.submit_button.description, self.submit_button.icon = "Submit", "check"
        self.park_button.layout.display = ""
        self.cancel_button.layout.display = self.reason.layout.display = "none"
        self.correcting_note.value = ""
        self.refresh_state()

    def _save_correction(self) -> Contribution | None:
        when = self.event_time.value if self.kind.value == "timeline_event" else None
        if when is not None and when.strip() == self._shown_time:
            when = None  # unchanged: keep the stored time (and its seconds)
        try:
            c = self.session.correct(self.correcting, participant=self.participant.value or None, kind=self.kind.value,
                                     text=self.text.value, event_time=when, reason=self.reason.value)
        except Exception as err:  # noqa: BLE001 - shown in the form, the correction kept
            self.status.value = failure_html(err, "Not corrected")
            return None
        self.cancel_correction()
        self.status.value = (f'<span class="rl-saved" style="color:#1b5e20">Corrected ({esc(c.kind.value)}, '
                             f"{esc(c.participant)}); the earlier version is kept.</span>")
        self._after_save(c)
        return c

