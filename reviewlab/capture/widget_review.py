"""ReviewSetup: create or open a review, its roster (roles, who responded) and a neutral facilitator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Unicode

from reviewlab.capture.facilitator import FacilitatorCheck, assign_facilitator, check_facilitator
from reviewlab.capture.render import esc
from reviewlab.errors import ReviewlabError
from reviewlab.model import Participant, Review, Role, Severity
from reviewlab.unknowns import severity_text

if TYPE_CHECKING:
    from reviewlab.archive import Archive

_OK = "color:#1b5e20"
_BAD = "color:#b00020"


class ReviewSetup(widgets.VBox):
    """Prepare a review: incident details, the roster, and the facilitator (neutral, or a recorded reason).

    Arguments:
        archive: an open archive; every button writes to it at once.
    """

    review_id = Unicode("", help="The id of the review open in the form ('' before one is).").tag(sync=False)

    def __init__(self, archive: Archive, **kwargs: Any) -> None:
        self.archive = archive
        self.output = widgets.Output()
        self.existing = widgets.Dropdown(description="Open", options=self._review_options(), layout={"width": "70%"})
        self.open_button = widgets.Button(description="Open", icon="folder-open")
        self.new_id = widgets.Text(description="New id", placeholder="inc-42")
        self.title = widgets.Text(description="Title", layout={"width": "70%"})
        self.incident_start = widgets.Text(description="Started", placeholder="2025-05-06T14:02:00+00:00")
        self.incident_end = widgets.Text(description="Ended", placeholder="(optional) with offset")
        self.severity = widgets.Dropdown(description="Severity", options=[s.value for s in Severity], value="SEV3")
        self.services = widgets.Text(description="Services", placeholder="checkout-api, payments")
        self.summary = widgets.Textarea(description="Summary", layout={"width": "70%"})
        self.create_button = widgets.Button(description="Create review", button_style="primary", icon="plus")
        self.review_status = widgets.HTML()
        self.person = widgets.Text(description="Name")
        self.role = widgets.Dropdown(description="Role", options=[r.value for r in Role], value="responder")
        self.responded = widgets.Checkbox(description="took part in the response", value=True, indent=False)
        self.add_button = widgets.Button(description="Add to roster", icon="user-plus")
        self.roster = widgets.HTML()
        self.facilitator = widgets.Dropdown(description="Facilitator", options=[])
        self.override = widgets.Text(description="Reason", placeholder="only if they responded: why go ahead anyway",
                                     layout={"width": "70%"})
        self.facilitator_button = widgets.Button(description="Set facilitator", icon="user-check")
        self.facilitator_status = widgets.HTML()
        for button, handler in ((self.open_button, self._open), (self.create_button, self._create),
                                (self.add_button, self._add), (self.facilitator_button, self._set_facilitator)):
            button.on_click(self.output.capture()(handler))
        self.facilitator.observe(self.output.capture()(self._facilitator_changed), "value")
        super().__init__([
            widgets.HTML("<h3>Review</h3>"), widgets.HBox([self.existing, self.open_button]),
            widgets.HTML("<i>or a new one:</i>"), self.new_id, self.title,
            widgets.HBox([self.incident_start, self.incident_end]), widgets.HBox([self.severity, self.services]),
            self.summary, self.create_button, self.review_status,
            widgets.HTML("<h3>Roster</h3>"), widgets.HBox([self.person, self.role, self.responded, self.add_button]),
            self.roster, widgets.HTML("<h3>Facilitator</h3><i>Someone who was not involved in the response.</i>"),
            self.facilitator, self.override, self.facilitator_button, self.facilitator_status, self.output], **kwargs)

    # -- for notebooks and tests: press the buttons as a person would -------------------------
    def open_or_create(self, review_id: str, title: str, incident_start: str, *, severity: str = "SEV3",
                       services: str = "", summary: str = "", incident_end: str = "") -> Review:
        """Open the review if it exists, else fill the form and press Create."""
        if review_id in dict(self._review_options()).values():
            self.existing.value = review_id
            self.open_button.click()
        else:
            self.new_id.value, self.title.value, self.incident_start.value = review_id, title, incident_start
            self.incident_end.value, self.severity.value, self.services.value = incident_end, severity, services
            self.summary.value = summary
            self.create_button.click()
        return self.archive.get_review(review_id)

    def add_person(self, name: str, role: str = "responder", responded: bool = True) -> None:
        """Fill the roster row and press Add (someone already on the roster is left as they are)."""
        if any(p.name == name for p in self.archive.participants(self.review_id)):
            return
        self.person.value, self.role.value, self.responded.value = name, role, responded
        self.add_button.click()

    def choose_facilitator(self, name: str, override: str = "") -> FacilitatorCheck:
        """Pick a facilitator and press Set; returns the check (its message says whether it was saved)."""
        self.facilitator.value, self.override.value = name, override
        self.facilitator_button.click()
        return check_facilitator(self.archive.participants(self.review_id), name)

    # -- handlers -----------------------------------------------------------------------------
    def _open(self, _button: Any) -> None:
        if self.existing.value:
            self._show(self.existing.value, "Opened")

    def _create(self, _button: Any) -> None:
        try:
            review = Review(self.new_id.value.strip(), self.title.value, self.incident_start.value,
                            severity=self.severity.value, incident_end=self.incident_end.value or None,
                            services=tuple(s.strip() for s in self.services.value.split(",") if s.strip()),
                            summary=self.summary.value)
            self.archive.add_review(review)
        except ReviewlabError as err:
            self.review_status.value = f"<span style='{_BAD}'>Not created: {esc(err)}</span>"
            return
        self.existing.options = self._review_options()
        self._show(review.id, "Created")

    def _add(self, _button: Any) -> None:
        if not self.review_id:
            self.review_status.value = f"<span style='{_BAD}'>Open or create a review first.</span>"
            return
        try:
            self.archive.add_participant(self.review_id, Participant(self.person.value, self.role.value,
                                                                     self.responded.value))
        except ReviewlabError as err:
            self.review_status.value = f"<span style='{_BAD}'>Not added: {esc(err)}</span>"
            return
        self.person.value = ""
        self._show_roster()

    def _facilitator_changed(self, change: dict[str, Any]) -> None:
        if change["new"]:
            check = check_facilitator(self.archive.participants(self.review_id), change["new"])
            self.facilitator_status.value = f"<span style='{_OK if check.neutral else _BAD}'>{esc(check)}</span>"

    def _set_facilitator(self, _button: Any) -> None:
        name = self.facilitator.value
        if not name:
            return
        try:
            review = assign_facilitator(self.archive, self.review_id, name, override=self.override.value)
        except ReviewlabError as err:
            self.facilitator_status.value = f"<span class='rl-not-neutral' style='{_BAD}'>Not set. {esc(err)}</span>"
            return
        note = f" Override recorded: {esc(review.facilitator_override)}" if review.facilitator_override else ""
        self.facilitator_status.value = f"<span style='{_OK}'>{esc(name)} facilitates this review.{note}</span>"

    # -- helpers ------------------------------------------------------------------------------
    def _show(self, review_id: str, verb: str) -> None:
        self.review_id = review_id
        review = self.archive.get_review(review_id)
        self.existing.value = review_id
        self.review_status.value = (f"<span style='{_OK}'>{verb} {esc(review.id)}: {esc(review.title)} "
                                    f"({esc(severity_text(review))}, {esc(review.status.value)}).</span>")
        self._show_roster()

    def _show_roster(self) -> None:
        people = self.archive.participants(self.review_id)
        rows = "".join(f"<tr><td>{esc(p.name)}</td><td>{esc(p.role.value)}</td>"
                       f"<td>{'responded' if p.responded else 'not involved'}</td></tr>" for p in people)
        self.roster.value = f"<table class='rl-roster'>{rows}</table>" if rows else "<i>No one on the roster yet.</i>"
        facilitator = self.archive.get_review(self.review_id).facilitator
        self.facilitator.options = [p.name for p in people]
        self.facilitator.value = facilitator if facilitator in self.facilitator.options else None

    def _review_options(self) -> list[tuple[str, str]]:
        return [(f"{r.id}: {r.title[:60]}", r.id) for r in reversed(self.archive.reviews())]

    def __repr__(self) -> str:
        return f"ReviewSetup(review={self.review_id!r})"
