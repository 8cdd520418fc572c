"""The planning session: items, merges, plans, confirmed themes; and it never edits what was said."""

from __future__ import annotations

import pytest

from reviewlab.errors import DuplicateError, ValidationError
from reviewlab.model import Kind, Phase, Status, ThemeLink
from reviewlab.planning import PlanningSession


@pytest.fixture
def session(archive, held, clock, themes):
    clock.advance(24)  # the day after the soak time
    return PlanningSession(archive, "r9", themes=themes, now=clock)


def test_items_are_the_parked_ones_private_notes_left_out(session):
    items = session.items()
    assert items["item_id"].tolist() == ["r9-c4", "r9-c5", "r9-c6"]
    assert set(items["status"]) == {"not_planned"} and set(items["phase"]) == {"meeting"}


def test_a_new_item_is_a_planning_repair_item_added_once(archive, session, clock):
    c = session.add_item("Fay", "Review alert routing quarterly.", id="r9-p1")
    assert (c.kind, c.phase, c.recorded_at) == (Kind.REPAIR_ITEM, Phase.PLANNING, clock())
    assert session.add_item("Fay", "Review alert routing quarterly.", id="r9-p1") == c  # re-run: nothing twice
    with pytest.raises(DuplicateError, match="already used"):
        session.add_item("Fay", "Something else.", id="r9-p1")
    with pytest.raises(ValidationError, match="not on the roster"):
        session.add_item("Zed", "Another.")
    assert session.items()["item_id"].tolist()[-1] == "r9-p1"


def test_plan_keeps_what_is_not_given_and_takes_impact_from_themes(archive, session, clock):
    session.plan("r9-c4", effort="S", owner="Ana", due="2025-03-20")
    plan = session.plan("r9-c4", status="in_progress")
    assert (plan.effort.value, plan.owner, plan.due.isoformat(), plan.status.value) == ("S", "Ana", "2025-03-20",
                                                                                        "in_progress")
    assert plan.impact.value == "low"  # no confirmed theme: this review only
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    [link] = archive.item_themes("r9")
    assert link == ThemeLink("r9-c4", "replica lag", "Fay", clock())
    assert archive.plans("r9")[0].impact.value == "medium"  # p1, p2 and r9; p3 came later
    with pytest.raises(ValidationError, match="no theme 'nonsense'"):
        session.confirm_theme("r9-c4", "nonsense", "Fay")
    session.withdraw_theme("r9-c4", "replica lag")
    assert archive.item_themes("r9") == [] and archive.plans("r9")[0].impact.value == "low"


def test_only_repair_items_of_this_review_are_planned(session):
    for other in ("r9-c2", "p1-c1", "nope"):
        with pytest.raises(ValidationError, match="repair item"):
            session.plan(other, effort="S")


def test_merge_duplicates(session):
    session.confirm_theme("r9-c5", "replica lag", "Fay")
    plan = session.merge("r9-c5", "r9-c4")
    assert plan.merged_into == "r9-c4"
    ranked = session.plan_frame().set_index("item_id")
    assert ranked.at["r9-c4", "addressed"] == ["replica lag"] and ranked.at["r9-c4", "reviews_reached"] == 3
    assert ranked.at["r9-c5", "standing"] == "merged"
    with pytest.raises(ValidationError, match="already merged into"):
        session.merge("r9-c4", "r9-c5")
    with pytest.raises(ValidationError, match="into itself"):
        session.merge("r9-c4", "r9-c4")
    session.merge("r9-c6", "r9-c5")  # into a duplicate: goes to the item it was merged into
    assert session._plans()["r9-c6"].merged_into == "r9-c4"
    assert session.unmerge("r9-c6").merged_into is None


def test_ranked_plan_prefers_the_energy_efficient(session):
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    session.plan("r9-c4", effort="M")   # 3 reviews / 2
    session.plan("r9-c6", effort="S")   # 1 review / 1
    session.plan("r9-c5", effort="XL")  # 1 / 8
    plan = session.plan_frame()
    assert plan["item_id"].tolist() == ["r9-c4", "r9-c6", "r9-c5"]
    assert plan["rank"].tolist() == [1, 2, 3]


def test_proposals_need_a_person_to_confirm(archive, session):
    proposals = session.proposals("r9-c4")
    assert proposals["theme_label"].tolist() == ["replica lag"]  # not the went_right theme, nor the repair-only one
    assert archive.item_themes("r9") == []  # proposing stores nothing


def test_finish_marks_planning_done(archive, session):
    assert session.finish().status is Status.PLANNING_DONE


def test_planning_never_edits_what_was_said(archive, session):
    said = [c for c in archive.contributions("r9")]
    session.add_item("Fay", "Review alert routing quarterly.")
    session.plan("r9-c4", effort="S", owner="Ana", status="done", note="shipped")
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    session.merge("r9-c5", "r9-c4")
    session.finish()
    after = archive.contributions("r9")
    assert after[:len(said)] == said  # every interview and meeting contribution exactly as it was
    assert [(c.phase, c.kind) for c in after[len(said):]] == [(Phase.PLANNING, Kind.REPAIR_ITEM)]


def test_confirmed_themes_go_with_their_review(archive, session):
    session.confirm_theme("r9-c4", "replica lag", "Fay")
    with pytest.raises(ValidationError, match="not a repair_item"):
        archive.confirm_item_theme(ThemeLink("r9-c2", "replica lag", "Fay", session.now()))
    archive.delete_review("r9")
    assert archive.item_themes() == []
