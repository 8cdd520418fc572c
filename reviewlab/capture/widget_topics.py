"""TopicPicker: meeting topics proposed from the interviews, ranked; the facilitator picks the agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Int

from reviewlab.capture.render import esc
from reviewlab.capture.topics import propose_topics
from reviewlab.model import AgendaItem

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.archive import Archive


class TopicPicker(widgets.VBox):
    """Propose topics from a review's interview notes and save the agenda the facilitator picks.

    Arguments:
        archive: an open archive.
        review_id: the review being prepared.
        themer: the theme finder (see `propose_topics`); None picks the default.
        minutes: the default time per topic.
    """

    agenda_size = Int(0, help="How many topics the saved agenda holds.").tag(sync=False)

    def __init__(self, archive: Archive, review_id: str, *, themer: Any = None, minutes: int = 15,
                 **kwargs: Any) -> None:
        self.archive, self.review_id, self.themer = archive, review_id, themer
        self.topics: pd.DataFrame | None = None
        self.output = widgets.Output()
        self.choices = widgets.SelectMultiple(description="Topics", rows=8, layout={"width": "95%"})
        self.minutes = widgets.BoundedIntText(value=minutes, min=1, max=90, description="Min each")
        self.refresh_button = widgets.Button(description="Propose again", icon="refresh")
        self.save_button = widgets.Button(description="Save agenda", button_style="primary", icon="save")
        self.status = widgets.HTML()
        self.refresh_button.on_click(self.output.capture()(lambda _b: self.refresh()))
        self.save_button.on_click(self.output.capture()(self._save))
        super().__init__([widgets.HTML("<h3>Proposed meeting topics</h3><i>Ranked by how many people raised "
                                       "them, then where accounts differ. Pick the agenda (ctrl-click for several).</i>"),
                          self.choices, widgets.HBox([self.minutes, self.refresh_button, self.save_button]),
                          self.status, self.output], **kwargs)
        self.refresh()

    def refresh(self) -> pd.DataFrame:
        """Group and rank the interview notes again (new notes, or theme analysis now installed)."""
        frame = self.archive.contributions_frame(self.review_id)
        options = {"cache": self.archive} if self.themer is None else {}  # notes are embedded once
        self.topics = propose_topics(frame[(frame["phase"] == "interview") & ~frame["private"]], themer=self.themer, **options)
        self.choices.options = [(self._line(row), i) for i, row in self.topics.iterrows()]
        self._show_agenda()
        return self.topics

    def pick(self, positions: list[int], minutes: int | None = None) -> list[AgendaItem]:
        """Select topics by rank and press Save, as the facilitator would."""
        if minutes is not None:
            self.minutes.value = minutes
        self.choices.value = tuple(positions)
        self.save_button.click()
        return self.archive.agenda(self.review_id)

    def table(self) -> str:
        """The proposed topics as plain text, one line each."""
        if self.topics is None or self.topics.empty:
            return "No interview notes yet."
        return "\n".join(f"{i + 1}. {self._line(row)}" for i, row in self.topics.iterrows())

    def _save(self, _button: Any) -> None:
        assert self.topics is not None
        items = [AgendaItem(self.topics.at[i, "topic"], self.minutes.value, tuple(self.topics.at[i, "contribution_ids"]))
                 for i in self.choices.value]
        self.archive.set_agenda(self.review_id, items)
        self._show_agenda()

    def _show_agenda(self) -> None:
        agenda = self.archive.agenda(self.review_id)
        self.agenda_size = len(agenda)
        total = sum(a.minutes for a in agenda)
        items = "".join(f"<li>{esc(a.title)} ({a.minutes} min)</li>" for a in agenda)
        warn = " <b style='color:#b00020'>over 90 minutes: cut topics</b>" if total > 90 else ""
        self.status.value = (f"<b>Agenda ({total} min){warn}</b><ol>{items}</ol>" if agenda
                             else "<i>No agenda saved yet.</i>")

    @staticmethod
    def _line(row: Any) -> str:
        differs = f"; {row['why']}" if row["differs"] else ""
        return f"{row['topic']}: {row['n_people']} {'person' if row['n_people'] == 1 else 'people'} ({', '.join(row['people'])}), {row['n_notes']} note{'s' if row['n_notes'] != 1 else ''}{differs}"

    def __repr__(self) -> str:
        return f"TopicPicker(review={self.review_id!r})"
