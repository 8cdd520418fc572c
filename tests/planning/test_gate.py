"""The soak gate, read from an injected clock: wait a day after the meeting, or record why not."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reviewlab.errors import MeetingNotHeld, SoakTimeNotOver, ValidationError
from reviewlab.model import Review
from reviewlab.planning import PlanningSession, duration_text, soak_gate
from tests.planning.conftest import MEETING


def test_the_morning_after_says_how_long_to_wait(archive, held, clock):
    gate = soak_gate(archive.get_review("r9"), clock)
    assert (gate.state, gate.open, gate.remaining) == ("soaking", False, timedelta(hours=5))
    assert gate.message().startswith("The review meeting was 19 h 0 min ago. Let it soak 5 h 0 min more, "
                                     "until 2025-03-07 14:00 UTC")
    assert "Please wait" in gate.message() and "record a reason" in gate.message()


def test_a_day_after_the_meeting_the_gate_opens(archive, held, clock):
    clock.advance(5)  # exactly 24 hours
    gate = soak_gate(archive.get_review("r9"), clock)
    assert gate.state == "open" and gate.open and gate.remaining == timedelta(0)
    assert "soak time is over" in gate.message()


def test_nothing_is_written_while_soaking(archive, held, clock):
    session = PlanningSession(archive, "r9", now=clock)
    for action in (lambda: session.plan("r9-c4", effort="S"), lambda: session.add_item("Ana", "A new one."),
                   lambda: session.merge("r9-c5", "r9-c4"), lambda: session.confirm_theme("r9-c4", "x", "Fay"),
                   session.finish):
        with pytest.raises(SoakTimeNotOver, match="Let it soak 5 h 0 min more"):
            action()
    assert archive.plans("r9") == [] and archive.item_themes("r9") == []
    assert len(archive.contributions("r9")) == 6 and archive.get_review("r9").planning_at is None


def test_an_override_needs_a_reason_and_is_recorded(archive, held, clock):
    session = PlanningSession(archive, "r9", now=clock)
    with pytest.raises(ValidationError, match="say why"):
        session.override("   ")
    gate = session.override("The same fault may recur at the weekend sale.")
    assert gate.state == "overridden" and gate.open
    assert "reason recorded: The same fault may recur" in gate.message()
    assert archive.get_review("r9").planning_override == "The same fault may recur at the weekend sale."
    plan = session.plan("r9-c4", effort="S")
    assert plan.planned_at == clock() and archive.get_review("r9").planning_at == clock()
    # a new session (a new kernel) sees the override
    assert PlanningSession(archive, "r9", now=clock).gate().state == "overridden"


def test_planning_waits_for_the_meeting_itself(archive, review, clock):
    session = PlanningSession(archive, "r1", now=clock)
    assert session.gate().state == "not_held"
    assert "has not been held yet" in session.gate().message()
    with pytest.raises(MeetingNotHeld):
        session.override("in a hurry")
    with pytest.raises(MeetingNotHeld):
        session.add_item("Ana", "Something.")


def test_a_meeting_time_without_status_held_is_not_held(clock):
    r = Review("x", "t", "2025-03-01T10:00:00+00:00", status="interviewing", meeting_at=MEETING)
    assert soak_gate(r, clock).state == "not_held"


def test_planning_done_reviews_stay_open(clock):
    r = Review("x", "t", "2025-03-01T10:00:00+00:00", status="planning_done", meeting_at=MEETING - timedelta(days=3))
    assert soak_gate(r, clock()).state == "open"  # a plain time works as well as a clock


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=1), "1 min"), (timedelta(minutes=40), "40 min"), (timedelta(hours=5, seconds=59), "5 h 1 min"),
    (timedelta(days=1, hours=20), "1 d 20 h"), (timedelta(0), "0 min"), (timedelta(minutes=-3), "0 min")])
def test_duration_text(delta, text):
    assert duration_text(delta) == text
