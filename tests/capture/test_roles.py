"""Roles that make sense: a role that didn't respond unticks 'took part in the response', visibly (and the reverse)."""

from __future__ import annotations

from reviewlab.capture import ReviewSetup


def test_changing_the_role_follows_took_part_and_says_so(archive):
    setup = ReviewSetup(archive)
    setup.open_or_create("inc-7", "Queue stall", "2025-05-06T14:02:00+00:00")
    assert setup.role.value == "responder" and setup.responded.value
    setup.person.value = "Lin"
    setup.role.value = "subject_matter_expert"
    assert not setup.responded.value
    assert "unticked: a subject matter expert usually did not take part" in setup.role_note.value
    setup.add_button.click()
    [lin] = archive.participants("inc-7")
    assert (lin.role.value, lin.responded) == ("subject_matter_expert", False)
    setup.person.value = "Kai"
    setup.role.value = "incident_commander"  # the reverse
    assert setup.responded.value and "ticked: an incident commander takes part" in setup.role_note.value
    setup.role.value = "responder"  # already ticked: nothing to say
    assert setup.role_note.value == ""


def test_a_person_can_still_say_otherwise(archive):
    setup = ReviewSetup(archive)
    setup.open_or_create("inc-8", "Queue stall", "2025-05-06T14:02:00+00:00")
    setup.role.value = "subject_matter_expert"
    setup.responded.value = True  # this expert was on call
    assert setup.role_note.value == ""
    setup.add_person("Leo", "subject_matter_expert", True)
    setup.add_person("Ines", "stakeholder", False)
    assert [(p.name, p.responded) for p in archive.participants("inc-8")] == [("Leo", True), ("Ines", False)]
