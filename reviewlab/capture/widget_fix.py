"""FixPanel: correct or withdraw an earlier entry, and undo a withdrawal; nothing is ever deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from reviewlab.capture.guard import guarded
from reviewlab.capture.render import esc
from reviewlab.capture.session import CaptureSession
from reviewlab.capture.widget_entry import EntryForm
from reviewlab.model import Contribution, Review
from reviewlab.timezones import clock_text

_OK = "color:#1b5e20"


def _said(c: Contribution, limit: int = 80) -> str:
    """'Sam Ito, “The feed alert paged me.”', escaped, cut with an ellipsis: last in a line, so the words' own
    full stop is the line's (no '..')."""
    text = c.text if len(c.text) <= limit else c.text[: limit - 1].rstrip() + "\u2026"
    return f"{esc(c.participant)}, \u201c{esc(text)}\u201d"


class FixPanel(widgets.VBox):
    """Pick an entry to correct (it opens in the entry form) or withdraw; undo a withdrawal.

    Arguments:
        session: the capture session.
        entry: the entry form the correction is made in.
    """

    def __init__(self, session: CaptureSession, entry: EntryForm, **kwargs: Any) -> None:
        self.session = session
        self.entry = entry
        self._on_changed: list[Callable[[Contribution], None]] = []
        self.output = widgets.Output()
        self.status = widgets.HTML()
        self.entries = widgets.Dropdown(description="Entry", options=[], layout={"width": "70%"})
        self.correct_button = widgets.Button(description="Correct", icon="pencil",
                                             tooltip="open it in the form above; the old version is kept")
        self.withdraw_button = widgets.Button(description="Withdraw", icon="eye-slash",
                                              tooltip="hide it everywhere (a duplicate, a slip); it is kept")
        self.reason = widgets.Text(description="Why", placeholder="optional: duplicate, wrong person, ...",
                                   layout={"width": "50%"})
        self.withdrawn = widgets.Dropdown(description="Withdrawn", options=[], layout={"width": "70%"})
        self.undo_button = widgets.Button(description="Undo withdrawal", icon="undo")
        show = self._show
        for button, handler in ((self.correct_button, self._correct), (self.withdraw_button, self._withdraw),
                                (self.undo_button, self._undo)):
            button.on_click(self.output.capture()(guarded(show, "Not done")(handler)))
        self.undo_row = widgets.HBox([self.withdrawn, self.undo_button])
        entry.observe(self._correcting_changed, "correcting")
        super().__init__([widgets.HTML("<b>Fix an entry</b> <small>(corrections and withdrawals are kept with who "
                                       "and when)</small>"),
                          widgets.HBox([self.entries, self.correct_button]),
                          widgets.HBox([self.reason, self.withdraw_button]), self.undo_row, self.status, self.output],
                         **kwargs)
        self.add_class("rl-fix")
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Reload the entries (newest first) and the withdrawn ones from the archive."""
        current = select or self.entries.value
        said = list(reversed(self.session.contributions()))
        review = self.session.review
        options = self._options(said, review)
        if list(self.entries.options) != options:  # unchanged on a tick: leave a half-made choice alone
            self.entries.options = options
        if current in {c.id for c in said}:
            self.entries.value = current
        elif said:
            self.entries.value = said[0].id  # nothing picked: the newest, the likeliest to fix
        gone = self.session.withdrawn()
        options = self._options(gone, review)
        if list(self.withdrawn.options) != options:
            self.withdrawn.options = options
            self.withdrawn.value = gone[0].id if gone else None
        self.undo_row.layout.display = "" if gone else "none"

    @classmethod
    def _options(cls, entries: list[Contribution], review: Review) -> list[tuple[str, str]]:
        """(label, id) per entry; entries whose labels would read the same (a double press within the
        minute) carry the second they were recorded, so a person can tell which one they pick."""
        labels = [cls._label(c, review) for c in entries]
        twins = {label for label in labels if labels.count(label) > 1}
        return [(cls._label(c, review, seconds=True) if label in twins else label, c.id)
                for c, label in zip(entries, labels, strict=True)]

    @staticmethod
    def _label(c: Contribution, review: Review, *, seconds: bool = False) -> str:
        when = clock_text(c.event_time, review) + " " if c.event_time else ""
        said = clock_text(c.recorded_at, review, date=False)
        if seconds:
            said += f":{c.recorded_at.second:02d}"
        return f"{said} {c.participant} · {c.kind.value}: {when}{c.text[:60]}"

    def _correcting_changed(self, change: dict[str, Any]) -> None:
        if not change["new"]:
            self.status.value = ""  # the correction was saved or cancelled: the hint no longer applies

    def _show(self, html: str) -> None:
        self.status.value = html

    def _correct(self, _button: widgets.Button) -> None:
        if not self.entries.value:
            return
        self.entry.begin_correction(self.entries.value)
        self.status.value = "<span style='color:#1565c0'>Correct it in the form above, then press Save correction.</span>"

    def _withdraw(self, _button: widgets.Button) -> None:
        if not self.entries.value:
            return
        c = self.session.withdraw(self.entries.value, self.reason.value)
        self.reason.value = ""
        self.status.value = (f"<span class='rl-withdrawn-note' style='{_OK}'>Withdrawn, kept (Undo withdrawal brings "
                             f"it back): {_said(c)}</span>")
        self.entry.refresh_events()
        self._changed(c)

    def _undo(self, _button: widgets.Button) -> None:
        if not self.withdrawn.value:
            return
        c = self.session.restore(self.withdrawn.value, self.reason.value)
        self.reason.value = ""
        self.status.value = f"<span class='rl-restored-note' style='{_OK}'>Back on the board: {_said(c)}</span>"
        self.entry.refresh_events()
        self._changed(c)

    def on_changed(self, callback: Callable[[Contribution], None]) -> None:
        """Call `callback(contribution)` after each withdrawal or undo."""
        self._on_changed.append(callback)

    def _changed(self, c: Contribution) -> None:
        self.refresh()
        for callback in self._on_changed:
            callback(c)
