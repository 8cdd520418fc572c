"""Roles that make sense: picking a role sets 'took part in the response' to what that role usually means,
and says so, so a neutral colleague is not recorded as a responder by accident (and the reverse)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from reviewlab.capture.render import esc
from reviewlab.model import Role

RESPONDING_ROLES = frozenset({Role.RESPONDER, Role.INCIDENT_COMMANDER})
"""Roles that took part in the response; the others (subject-matter expert, stakeholder, facilitator,
observer) usually did not, and are unticked when picked (tick it again for one who did)."""


def responded_by_default(role: Role | str) -> bool:
    """Whether someone in `role` usually took part in the response.

    Examples:
        >>> responded_by_default("incident_commander"), responded_by_default("subject_matter_expert")
        (True, False)
    """
    return Role(role) in RESPONDING_ROLES


def follow_role(role: widgets.Dropdown, responded: widgets.Checkbox) -> widgets.HTML:
    """Make `responded` follow `role` when the role changes; returns the note that says what changed."""
    note = widgets.HTML()
    ours = {"now": False}

    def changed(change: dict[str, Any]) -> None:
        if not change["new"]:
            return
        value = responded_by_default(change["new"])
        label = Role(change["new"]).value.replace("_", " ")
        if responded.value == value:
            note.value = ""
            return
        ours["now"] = True
        try:
            responded.value = value
        finally:
            ours["now"] = False
        what = ("ticked: an" if value else "unticked: a") + f" {label} "
        what += "takes part in the response" if value else "usually did not take part in the response"
        note.value = (f"<small class='rl-role-note' style='color:#1565c0'>'took part in the response' "
                      f"{esc(what)}. Change it if this person {'did not' if value else 'did'}.</small>")

    def ticked(_change: dict[str, Any]) -> None:
        if not ours["now"]:
            note.value = ""  # the person set it themselves: the note no longer applies

    role.observe(changed, "value")
    responded.observe(ticked, "value")
    return note
