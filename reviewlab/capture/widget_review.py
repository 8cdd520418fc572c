"""ReviewSetup: the roster of the chosen review (roles, who responded) and a neutral facilitator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Unicode

from reviewlab.capture.facilitator import FacilitatorCheck, assign_facilitator, check_facilitator
from reviewlab.capture.render import esc
from reviewlab.capture.roles import follow_role
from reviewlab.capture.widget_choose import ReviewChooser
from reviewlab.errors import ReviewlabError
from reviewlab.model import Participant, Review, Role

if TYPE_CHECKING:
    from reviewlab.archive import Archive

_OK = "color:#1b5e20"
_BAD = "color:#b00020"


class ReviewSetup(widgets.VBox):
    """Prepare a review: its roster (roles, who responded) and the facilitator (neutral, or a recorded reason).

    The review is the one chosen in a `ReviewChooser` (open or create); without one given, the form
    holds its own chooser at its top.

    Arguments:
        archive: an open archive; every button writes to it at once.
        chooser: the chooser at the top of the notebook.
    """

    review_id = Unicode("", help="The id of the review open in the form ('' before one is).").tag(sync=False)

    def __init__(self, archive: Archive, chooser: ReviewChooser | None = None, **kwargs: Any) -> None:
        self.archive = archive
        own = chooser is None
        self.chooser = chooser or ReviewChooser(archive)
        self.output = widgets.Output()
        self.person = widgets.Text(description="Name")
        self.role = widgets.Dropdown(description="Role", options=[r.value for r in Role], value="responder")
        self.responded = widgets.Checkbox(description="took part in the response", value=True, indent=False)
        self.role_note = follow_role(self.role, self.responded)  # a role that didn't respond unticks it, visibly
        self.add_button = widgets.Button(description="Add to roster", icon="user-plus")
        self.roster = widgets.HTML()
        self.roster_status = widgets.HTML()
        self.facilitator = widgets.Dropdown(description="Facilitator", options=[])
        self.override = widgets.Text(description="Reason", placeholder="only if they responded: why go ahead anyway",
                                     layout={"width": "70%"})
        self.facilitator_button = widgets.Button(description="Set facilitator", icon="user-check")
        self.facilitator_status = widgets.HTML()
        for button, handler in ((self.add_button, self._add), (self.facilitator_button, self._set_facilitator)):
            button.on_click(self.output.capture()(handler))
        self.facilitator.observe(self.output.capture()(self._facilitator_changed), "value")
        self.chooser.observe(self.output.capture()(lambda change: self._follow(change["new"])), "review_id")
        super().__init__([
            *([widgets.HTML("<h3>Review</h3>"), self.chooser] if own else []),
            widgets.HTML("<h3>Roster</h3>"), widgets.HBox([self.person, self.role, self.responded, self.add_button]),
            self.role_note, self.roster_status, self.roster,
            widgets.HTML("<h3>Facilitator</h3><i>Someone who was not involved in the response.</i>"),
            self.facilitator, self.override, self.facilitator_button, self.facilitator_status, self.output], **kwargs)
        self.add_class("rl-setup")
        self._follow(self.chooser.review_id)

    # the chooser's form, reachable from here as before
    new_id = property(lambda self: self.chooser.new_id)
    title = property(lambda self: self.chooser.title)
    incident_start = property(lambda self: self.chooser.incident_start)
    create_button = property(lambda self: self.chooser.create_button)
    review_status = property(lambda self: self.chooser.review_status)

    # -- for notebooks and tests: press the buttons as a person would -------------------------
    def open_or_create(self, review_id: str, title: str, incident_start: str, **fields: Any) -> Review:
        """Open the review if it exists, else fill the chooser's form and press Create."""
        return self.chooser.open_or_create(review_id, title, incident_start, **fields)

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
    def _follow(self, review_id: str) -> None:
        self.review_id = review_id
        self.roster_status.value = ""
        self.facilitator_status.value = ""
        self._show_roster()

    def _add(self, _button: Any) -> None:
        if not self.review_id:
            self.roster_status.value = f"<span style='{_BAD}'>Open or create a review first.</span>"
            return
        try:
            self.archive.add_participant(self.review_id, Participant(self.person.value, self.role.value,
                                                                     self.responded.value))
        except ReviewlabError as err:
            self.roster_status.value = f"<span class='rl-error' style='{_BAD}'>Not added: {esc(err)}</span>"
            return
        self.roster_status.value = f"<span style='{_OK}'>Added {esc(self.person.value)}.</span>"
        self.person.value = ""
        self._show_roster()
        self.chooser.roster_version += 1

    def _facilitator_changed(self, change: dict[str, Any]) -> None:
        if change["new"] and self.review_id:
            check = check_facilitator(self.archive.participants(self.review_id), change["new"])
            self.facilitator_status.value = f"<span style='{_OK if check.neutral else _BAD}'>{esc(check)}</span>"

    def _set_facilitator(self, _button: Any) -> None:
        name = self.facilitator.value
        if not name or not self.review_id:
            return
        try:
            review = assign_facilitator(self.archive, self.review_id, name, override=self.override.value)
        except ReviewlabError as err:
            self.facilitator_status.value = f"<span class='rl-not-neutral' style='{_BAD}'>Not set. {esc(err)}</span>"
            return
        note = f" Override recorded: {esc(review.facilitator_override)}" if review.facilitator_override else ""
        self.facilitator_status.value = (f"<span class='rl-facilitator-set' style='{_OK}'>{esc(name)} facilitates "
                                         f"this review.{note}</span>")

    # -- helpers ------------------------------------------------------------------------------
    def _show_roster(self) -> None:
        if not self.review_id:
            self.roster.value = "<i class='rl-choose-first'>Choose or create a review above.</i>"
            self.facilitator.options = []
            return
        people = self.archive.participants(self.review_id)
        rows = "".join(f"<tr><td>{esc(p.name)}</td><td>{esc(p.role.value)}</td>"
                       f"<td>{'responded' if p.responded else 'not involved'}</td></tr>" for p in people)
        self.roster.value = f"<table class='rl-roster'>{rows}</table>" if rows else "<i>No one on the roster yet.</i>"
        facilitator = self.archive.get_review(self.review_id).facilitator
        self.facilitator.options = [p.name for p in people]
        self.facilitator.value = facilitator if facilitator in self.facilitator.options else None

    def __repr__(self) -> str:
        return f"ReviewSetup(review={self.review_id!r})"
