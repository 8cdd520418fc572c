"""The planning desk driven without a browser (set values, click), and its separation from the review meeting."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest

from reviewlab.capture import MeetingConsole, ensure_demo_review
from reviewlab.capture.rules import ENTRY_KINDS
from reviewlab.capture.widget_planning import PlanningDesk
from reviewlab.model import Kind, Phase
from tests.capture.conftest import FakeCoach

ROOT = Path(__file__).resolve().parents[2]
PLANNING_WORDS = ("effort", "owner", "due", "plan", "impact", "merge")


@pytest.fixture
def coach() -> FakeCoach:
    return FakeCoach()


@pytest.fixture
def desk(archive, held, clock, themes):
    return PlanningDesk(archive, "r9", themes=themes, now=clock)


def test_the_morning_after_the_desk_asks_to_wait(archive, desk):
    assert desk.gate_state == "soaking"
    assert "Let it soak 5 h 0 min more" in desk.gate_html.value and "rl-soaking" in desk.gate_html.value
    assert desk.override_button.layout.display == "" and desk.save_button.disabled
    desk.item.value, desk.effort.value = "r9-c4", "S"
    desk.save_button.click()  # a click that slips through is still refused by the session
    assert "Not saved" in desk.status.value and archive.plans("r9") == []


def test_override_with_a_reason_then_plan(archive, desk, clock):
    desk.override_button.click()
    assert "say why" in desk.status.value and desk.gate_state == "soaking"
    desk.reason.value = "The weekend sale starts Friday."
    desk.override_button.click()
    assert desk.gate_state == "overridden" and not desk.save_button.disabled
    assert desk.override_button.layout.display == "none"
    assert archive.get_review("r9").planning_override == "The weekend sale starts Friday."
    desk.item.value = "r9-c4"
    desk.effort.value, desk.owner.value, desk.due.value = "M", "Ana", "2025-03-20"
    desk.save_button.click()
    [plan] = archive.plans("r9")
    assert (plan.item_id, plan.effort.value, plan.owner, plan.due.isoformat()) == ("r9-c4", "M", "Ana", "2025-03-20")
    assert "Saved plan (r9-c4)" in desk.status.value and "rl-plan-row" in desk.table.value


def test_confirm_merge_and_add_by_clicks(archive, desk, clock):
    clock.advance(5)
    desk.refresh()
    assert desk.gate_state == "open" and desk.override_button.layout.display == "none"
    desk.item.value = "r9-c5"
    assert [v for _, v in desk.proposed.options] == ["replica lag"]
    desk.proposed.value = ("replica lag",)
    desk.confirmed_by.value = "Fay"
    desk.confirm_button.click()
    assert [(t.item_id, t.theme_label, t.confirmed_by) for t in archive.item_themes("r9")] == [
        ("r9-c5", "replica lag", "Fay")]
    desk.duplicate.value, desk.merge_into.value = "r9-c5", "r9-c4"
    desk.merge_button.click()
    assert "Merged r9-c5 into r9-c4" in desk.status.value
    assert desk.plan.set_index("item_id").at["r9-c4", "reviews_reached"] == 3
    desk.new_who.value, desk.new_text.value = "Bo", "Check lag in the <b>weekly</b> review."
    desk.add_button.click()
    new = archive.contributions("r9")[-1]
    assert (new.kind, new.phase, desk.item.value) == (Kind.REPAIR_ITEM, Phase.PLANNING, new.id)
    assert "&lt;b&gt;weekly&lt;/b&gt;" in desk.table.value and "<b>weekly" not in desk.table.value
    desk.proposed.value = ()
    desk.item.value = "r9-c5"
    desk.proposed.value = ()
    desk.confirm_button.click()  # unticking withdraws the confirmation
    assert archive.item_themes("r9") == []


def _descriptions(widget):
    out = [str(getattr(widget, name, "")) for name in ("description", "placeholder", "tooltip")]
    for child in getattr(widget, "children", ()):
        out += _descriptions(child)
    return out


def test_the_meeting_console_has_no_planning_fields(archive, coach, clock):
    review = ensure_demo_review(archive)
    console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
    words = " ".join(_descriptions(console)).lower()
    assert not [w for w in PLANNING_WORDS if w in words.replace("planning meeting", "")]
    assert "repair_item" not in ENTRY_KINDS  # repair ideas are parked, never entered as plans
    assert not any(hasattr(console, name) or hasattr(console.session, name)
                   for name in ("plan", "set_plan", "merge", "confirm_theme"))


def test_a_parked_item_has_no_plan(archive, coach, clock):
    review = ensure_demo_review(archive)
    console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
    console.entry.fill("Leo Brandt", "observation", "We should add an alert when the price feed is late.")
    console.entry.park_button.click()
    [item] = archive.contributions(review.id, kind="repair_item")
    assert item.phase is Phase.MEETING and archive.plans(review.id) == []


def test_the_meeting_notebook_does_no_planning():
    cells = json.loads((ROOT / "notebooks" / "02_facilitate_review.ipynb").read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    for call in ("set_plan", "PlanningSession", "PlanningDesk", "reviewlab.planning", "effort", "confirm_theme"):
        assert call not in code


def test_the_desk_only_adds_repair_items(desk):
    kinds = [w for w in _walk(desk) if isinstance(w, widgets.Dropdown) and w.description == "Kind"]
    assert kinds == []  # no way to record an observation or a timeline event here


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
