"""Preparing a review: create or open, roster, a neutral facilitator or a recorded override."""

from __future__ import annotations

import pytest

from reviewlab.capture import ReviewSetup, assign_facilitator, check_facilitator
from reviewlab.capture.demo import DEMO_REVIEW, DEMO_ROSTER
from reviewlab.errors import FacilitatorNotNeutral, ValidationError


@pytest.fixture
def setup(archive):
    form = ReviewSetup(archive)
    form.open_or_create(**DEMO_REVIEW)
    for person in DEMO_ROSTER:
        form.add_person(*person)
    return form


def test_create_review_and_roster_through_the_form(archive, setup):
    review = archive.get_review("demo-basket")
    assert review.services == ("pricing-feed", "basket-api")
    assert [p.name for p in archive.participants(review.id)] == [p[0] for p in DEMO_ROSTER]
    assert "Sam Ito" in setup.roster.value and "not involved" in setup.roster.value


def test_bad_input_says_what_is_wrong(archive):
    form = ReviewSetup(archive)
    form.new_id.value, form.title.value, form.incident_start.value = "x1", "Disk full", "2025-01-01T10:00"
    form.create_button.click()
    assert "no timezone" in form.review_status.value
    assert archive.reviews() == []


def test_open_existing_review(archive, setup):
    again = ReviewSetup(archive)
    again.open_or_create(**DEMO_REVIEW)
    assert again.review_id == "demo-basket" and "Opened" in again.review_status.value


def test_responder_as_facilitator_is_refused_without_a_reason(archive, setup):
    check = setup.choose_facilitator("Sam Ito")
    assert not check.neutral
    assert "took part in the response" in setup.facilitator_status.value
    assert "Nadia Flores" in str(check)  # someone neutral is suggested
    assert archive.get_review("demo-basket").facilitator is None


def test_override_reason_is_recorded(archive, setup):
    setup.choose_facilitator("Sam Ito", override="Only two engineers on call this week; agreed by the team.")
    review = archive.get_review("demo-basket")
    assert review.facilitator == "Sam Ito"
    assert review.facilitator_override.startswith("Only two engineers")
    setup.choose_facilitator("Nadia Flores")
    review = archive.get_review("demo-basket")
    assert (review.facilitator, review.facilitator_override) == ("Nadia Flores", None)


def test_assign_facilitator_api(archive, demo):
    with pytest.raises(FacilitatorNotNeutral, match="Ask someone neutral"):
        assign_facilitator(archive, demo.id, "Maya Chen")
    with pytest.raises(ValidationError, match="not on the roster"):
        check_facilitator(archive.participants(demo.id), "Zed")


def test_panels_that_follow_the_chooser_offer_people_added_after_they_were_built(archive):
    from reviewlab.capture import InterviewDesk, ReviewChooser

    chooser = ReviewChooser(archive)
    setup = ReviewSetup(archive, chooser)
    desk = chooser.follow(lambda review_id: InterviewDesk(archive, review_id))
    assert desk.current is None and "Choose or create a review above" in desk.children[0].value
    chooser.create_review("inc-9", "Queue stall", "2025-01-02T10:00:00+00:00")
    assert desk.current.session.review_id == "inc-9" and list(desk.current.entry.participant.options) == []
    setup.add_person("Ana", "responder", True)
    assert list(desk.current.entry.participant.options) == ["Ana"]
    assert desk.current.note("Ana", "observation", "The queue stalled at noon.") is not None
