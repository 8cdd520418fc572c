"""Each validation rule of the data model gives a clear error that says what is allowed."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from reviewlab.errors import ValidationError
from reviewlab.model import (MAX_TEXT, Contribution, Kind, Participant, RepairPlan, Review, Role, Status,
                             coerce_time)

T0 = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)


def contribution(**changes):
    values = dict(id="r1-c1", review_id="r1", participant="Ana", kind="observation", text="The queue backed up.",
                  recorded_at=T0)
    return Contribution(**{**values, **changes})


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_or_blank_text_is_refused(text):
    with pytest.raises(ValidationError, match="text is empty"):
        contribution(text=text)


def test_text_over_the_bound_is_refused_with_the_limit():
    contribution(text="x" * MAX_TEXT)  # exactly at the bound is fine
    with pytest.raises(ValidationError, match="5,001 characters; the limit is 5,000"):
        contribution(text="x" * (MAX_TEXT + 1))


def test_text_is_trimmed():
    assert contribution(text="  said it  ").text == "said it"


def test_unknown_kind_lists_the_allowed_ones():
    with pytest.raises(ValidationError, match=r"kind 'rant' is not known; allowed: observation, timeline_event"):
        contribution(kind="rant")


def test_kinds_accept_loose_spelling():
    assert contribution(kind="Went right").kind is Kind.WENT_RIGHT


def test_unknown_phase_and_role_are_refused():
    with pytest.raises(ValidationError, match="phase 'hallway' is not known; allowed: interview, meeting, planning"):
        contribution(phase="hallway")
    with pytest.raises(ValidationError, match="role 'hero' is not known; allowed: responder"):
        Participant("Ana", role="hero")


def test_a_timeline_event_without_a_placeable_time_keeps_it_as_written():
    assert contribution(kind="timeline_event", event_time="2025-03-04T10:05:00+00:00").event_time.minute == 5
    kept = contribution(kind="timeline_event", time_text=" ~18:10 ")
    assert (kept.event_time, kept.time_text) == (None, "~18:10")
    with pytest.raises(ValidationError, match="time_text is for timeline events"):
        contribution(kind="observation", time_text="18:10")


def test_what_a_review_does_not_know_stays_unknown():
    r = Review("r1", "t")
    assert (r.incident_start, r.incident_date, r.severity) == (None, None, None)
    day_only = Review("r1", "t", incident_date="2019-01-23", document_date="2019-02-01")
    assert (day_only.incident_date, day_only.document_date) == (date(2019, 1, 23), date(2019, 2, 1))
    exact = Review("r1", "t", "2025-03-04T23:30:00-08:00")
    assert exact.incident_date == date(2025, 3, 4)  # the start's own day, in its own offset
    assert not contribution(kind="timeline_event", event_time="2025-03-09T10:00:00+00:00").outside_window(r)


def test_naive_datetimes_are_refused_not_guessed():
    with pytest.raises(ValidationError, match="has no timezone"):
        contribution(recorded_at=datetime(2025, 3, 4, 10, 0))
    with pytest.raises(ValidationError, match="has no timezone"):
        Review("r1", "t", "2025-03-04T10:00:00")


def test_bad_time_strings_say_the_expected_form():
    with pytest.raises(ValidationError, match="not an ISO 8601 time"):
        coerce_time("last tuesday", "event_time")


def test_offsets_are_kept():
    r = Review("r1", "t", "2025-03-04T10:00:00+02:00")
    assert r.incident_start.utcoffset().total_seconds() == 7200


def test_review_end_before_start_is_refused():
    with pytest.raises(ValidationError, match="incident_end .* is before incident_start"):
        Review("r1", "t", T0, incident_end="2025-03-03T10:00:00+00:00")


@pytest.mark.parametrize("bad", ["", "has space", "x" * 65, "semi;colon"])
def test_ids_are_checked(bad):
    with pytest.raises(ValidationError, match="not a valid id"):
        Review(bad, "t", T0)


def test_review_defaults_and_enums():
    r = Review("r1", "Title", T0, severity="sev1", status="meeting held")
    assert r.status is Status.MEETING_HELD and r.severity.value == "SEV1"
    assert Participant("Fay", "Facilitator", False).role is Role.FACILITATOR


def test_self_link_is_refused():
    with pytest.raises(ValidationError, match="cannot link to itself"):
        contribution(links_to="r1-c1")


def test_repair_plan_fields():
    plan = RepairPlan("r1-c9", effort="m", impact="HIGH", due="2025-04-01", status="in progress")
    assert plan.effort.value == "M" and plan.impact.value == "high" and plan.due == date(2025, 4, 1)
    with pytest.raises(ValidationError, match="effort 'huge' is not known; allowed: S, M, L, XL"):
        RepairPlan("r1-c9", effort="huge")
    with pytest.raises(ValidationError, match="not a date"):
        RepairPlan("r1-c9", due="soon")


def test_event_far_outside_the_window_is_detected():
    review = Review("r1", "t", T0, incident_end="2025-03-04T12:00:00+00:00")
    near = contribution(kind="timeline_event", event_time="2025-03-04T20:00:00+00:00")
    far = contribution(kind="timeline_event", event_time="2025-03-09T10:00:00+00:00")
    assert not near.outside_window(review)
    assert far.outside_window(review)
