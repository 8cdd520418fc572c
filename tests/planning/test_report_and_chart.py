"""The plan shows in the review's report; the impact-effort chart is a spec checked through to_dict()."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab.charts.planning import impact_effort_chart
from reviewlab.errors import MissingColumns
from reviewlab.planning import PlanningSession
from reviewlab.report import review_report


@pytest.fixture
def session(archive, held, clock, themes):
    clock.advance(24)
    return PlanningSession(archive, "r9", themes=themes, now=clock)


def test_report_says_not_planned_until_the_planning_meeting(archive, held):
    md = review_report(archive, "r9", "md")
    assert "## Repair items parked for planning" in md and "Not planned yet." in md


def test_report_shows_the_plan(archive, session):
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    session.plan("r9-c4", effort="M", owner="Ana", due="2025-03-20", status="in_progress")
    session.merge("r9-c5", "r9-c4")
    session.add_item("Fay", "Review lag alerts each quarter.")
    md = review_report(archive, "r9", "md")
    assert "The plan from the planning meeting:" in md
    assert "| Alert on replica lag over five minutes. | Ana | M | medium | Ana | 2025-03-20 | in progress |" in md
    assert "| Page someone when replica lag grows. (merged into r9-c4) | Bo |" in md
    assert "| Review lag alerts each quarter. | Fay | - | - | - | - | not planned |" in md
    assert "I thought the lag alert was muted." not in md  # the private interview note stays out


def test_impact_effort_chart(session):
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    session.plan("r9-c4", effort="M", status="done")
    session.plan("r9-c6", effort="S")
    session.merge("r9-c5", "r9-c4")
    spec = impact_effort_chart(session.plan_frame()).to_dict()
    assert spec["mark"]["type"] == "circle"
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]) == ("effort", "reviews_reached", "status")
    assert enc["x"]["scale"]["domain"] == ["S", "M", "L", "XL", "not sized"]
    rows = next(iter(spec["datasets"].values()))
    assert [(r["item_id"], r["effort"], r["reviews_reached"], r["rank"]) for r in rows] == [
        ("r9-c4", "M", 3, 1.0), ("r9-c6", "S", 1, 2.0)]  # the merged duplicate is left out
    assert rows[0]["themes"] == "replica lag"


def test_chart_needs_its_columns():
    with pytest.raises(MissingColumns, match="reviews_reached"):
        impact_effort_chart(pd.DataFrame({"item_id": ["a"], "text": ["x"], "effort": ["S"]}))
