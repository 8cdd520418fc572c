"""A journey through the page for a review of your own, without editing a cell, in Debian's Chromium.

`reviewlab lab --archive mine.db` (a copy of the sample, as a team's archive with past reviews would
be): the demo cells stay off. In one tab: 01 creates a review, its roster and a neutral facilitator,
and takes an interview note; 02 opens it, starts the meeting, takes entries for two people (Enter,
and the Submit button), parks a repair idea and ends the meeting; 04 opens it, goes ahead before the
soak time with a reason, confirms a theme the analysis proposes, plans the item, and sees it ranked by
impact. Every step is checked in the archive; the source notebooks are left as they were.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from reviewlab import open_archive

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.notebook, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parents[2]
REVIEW = "inc-77"
PARKED = "We should alert when the price import is more than ten minutes late."


def _source_notebooks() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}


@pytest.fixture(scope="module")
def journey(tmp_path_factory, sample_archive_path, lab_on, new_tab):
    folder = tmp_path_factory.mktemp("journey")
    mine = folder / "mine.db"
    shutil.copy(sample_archive_path, mine)
    lab = lab_on(folder / "workspace", archive=mine)
    tab = new_tab(lab)
    tab.open("01_prepare_review.ipynb", view="journey")
    yield tab, mine
    tab.close()


def _open(tab, name: str) -> None:
    tab.page.evaluate(f"window.jupyterapp.commands.execute('docmanager:open', {{path: '{name}'}}).then(() => true)")
    tab.page.wait_for_function(f"window.jupyterapp.shell.currentWidget?.context?.path === '{name}'", timeout=180_000)
    tab.wait_idle()


def _panel(tab):
    return tab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def _text_input(scope, label: str):
    return scope.locator(f".widget-text:has(> label:text-is('{label}')) input, "
                         f".widget-textarea:has(> label:text-is('{label}')) textarea").first


def _choose(tab, review_id: str) -> None:
    chooser = _panel(tab).locator(".rl-chooser").first
    select = chooser.locator(".widget-dropdown select").first
    label = next(o for o in select.locator("option").all_text_contents() if o.startswith(f"{review_id}:"))
    select.select_option(label=label)
    chooser.get_by_role("button", name="Open").click()
    chooser.locator(".rl-chosen").get_by_text(f"Opened {review_id}").wait_for(timeout=30_000)


def test_a_review_of_your_own_from_preparation_to_a_ranked_plan(journey):
    from playwright.sync_api import expect

    tab, mine = journey
    before = _source_notebooks()
    page = tab.page

    # 01: Run All changes nothing in your archive; then create the review, roster, facilitator, an interview note
    tab.run_all()
    assert tab.error_outputs() == []
    assert "Demo cell skipped" in tab.text_of(tab.cell_of("# Demo: create the demo review"))
    chooser = _panel(tab).locator(".rl-chooser").first
    chooser.get_by_placeholder("inc-42").fill(REVIEW)
    _text_input(chooser, "Title").fill("Prices late after the import job stalled")
    chooser.get_by_placeholder("2025-05-06T14:02:00+00:00").fill("2026-11-02T08:10:00+00:00")
    chooser.get_by_role("button", name="Create review").click()
    expect(chooser.locator(".rl-chosen")).to_contain_text(f"Created {REVIEW}", timeout=30_000)
    setup = _panel(tab).locator(".rl-setup").first
    for name, role, responded in (("Fay Quinn", "facilitator", False), ("Ana Ruiz", "incident_commander", True),
                                  ("Bo Lind", "responder", True)):
        _text_input(setup, "Name").fill(name)
        setup.locator(".widget-dropdown:has(> label:text-is('Role')) select").select_option(label=role)
        box = setup.locator(".widget-checkbox input[type=checkbox]").first
        if box.is_checked() != responded:
            box.click()
        setup.get_by_role("button", name="Add to roster").click()
        expect(setup.locator(".rl-roster")).to_contain_text(name, timeout=15_000)
    setup.locator(".widget-dropdown:has(> label:text-is('Facilitator')) select").select_option(label="Fay Quinn")
    setup.get_by_role("button", name="Set facilitator").click()
    expect(setup.get_by_text("Fay Quinn facilitates this review.")).to_be_visible(timeout=15_000)
    desk = _panel(tab).locator(".rl-follow .rl-entry").first
    desk.locator("select").nth(0).select_option(label="Bo Lind")
    desk.get_by_placeholder("What was said").fill("The import job retried silently for forty minutes.")
    desk.get_by_role("button", name="Submit").click()
    expect(_panel(tab).get_by_text("The import job retried silently for forty minutes.").first).to_be_visible(
        timeout=15_000)
    tab.shot("journey-01-prepared", _panel(tab).locator(".rl-setup").first)
    with open_archive(mine, create=False) as archive:
        review = archive.get_review(REVIEW)
        assert review.facilitator == "Fay Quinn"
        assert [c.participant for c in archive.contributions(REVIEW, phase="interview")] == ["Bo Lind"]
        assert "demo-basket" not in {r.id for r in archive.reviews()}

    # 02: the meeting, for two people (Enter, then the Submit button), a parked repair idea, the end
    _open(tab, "02_facilitate_review.ipynb")
    tab.run_all()
    assert tab.error_outputs() == []
    _choose(tab, REVIEW)
    console = _panel(tab).locator(".rl-console").first
    expect(console).to_be_visible(timeout=30_000)
    console.get_by_role("button", name="Start meeting").click()
    entry = console.locator(".rl-entry")
    who, kind, text = entry.locator("select").nth(0), entry.locator("select").nth(1), entry.get_by_placeholder("What was said")
    who.select_option(label="Ana Ruiz")
    kind.select_option(label="Observation")
    text.fill("The price board showed yesterday's prices until 08:50.")
    text.press("Enter")
    expect(console.locator(".rl-board-panel").get_by_text("yesterday's prices until 08:50").first).to_be_visible(timeout=15_000)
    who.select_option(label="Bo Lind")
    kind.select_option(label="What went right")
    text.fill("Ana's rerun of the import brought the prices back quickly.")
    entry.get_by_role("button", name="Submit").click()
    expect(console.locator(".rl-col-went_right").get_by_text("brought the prices back")).to_be_visible(timeout=15_000)
    who.select_option(label="Bo Lind")
    kind.select_option(label="Observation")
    text.fill(PARKED)
    entry.get_by_role("button", name="Park as repair idea").click()
    expect(console.locator(".rl-board-panel").get_by_text(PARKED).first).to_be_visible(timeout=15_000)
    console.get_by_role("button", name="End meeting").click()
    tab.shot("journey-02-meeting", console)
    with open_archive(mine, create=False) as archive:
        meeting = {(c.participant, c.kind.value) for c in archive.contributions(REVIEW, phase="meeting")}
        assert {("Ana Ruiz", "observation"), ("Bo Lind", "went_right"), ("Bo Lind", "repair_item")} <= meeting
        page.wait_for_timeout(500)
        assert archive.get_review(REVIEW).status.value == "meeting_held"

    # 04: before the soak time is over, go ahead with a reason; confirm a proposed theme; plan; ranked by impact
    _open(tab, "04_plan_repairs.ipynb")
    tab.run_all()
    assert tab.error_outputs() == []
    _choose(tab, REVIEW)
    desk = _panel(tab).locator(".rl-planning").first
    expect(desk.locator(".rl-gate.rl-soaking")).to_be_visible(timeout=30_000)
    desk.get_by_placeholder("Why planning cannot wait for the soak time").fill(
        "The price import runs unattended over the holiday; plan its alert today.")
    desk.get_by_role("button", name="Go ahead anyway").click()
    expect(desk.locator(".rl-gate.rl-overridden")).to_be_visible(timeout=15_000)
    item = desk.locator(".widget-dropdown:has(> label:text-is('Item')) select").first
    labels = item.locator("option").all_text_contents()  # ipywidgets writes their spaces as no-break spaces
    item.select_option(label=next(o for o in labels if PARKED[:30] in o.replace("\xa0", " ")))
    themes = desk.locator(".widget-select-multiple select").first
    expect(themes.locator("option").first).to_be_attached(timeout=15_000)
    offered = themes.locator("option").all_text_contents()
    proposed = next((o for o in offered if "alert" in o), offered[0])  # the one that fits, as a person would pick
    themes.select_option(label=proposed)
    desk.get_by_role("button", name="Confirm themes").click()
    expect(desk.locator(".rl-saved")).to_contain_text("Themes of", timeout=15_000)
    desk.get_by_role("button", name="S", exact=True).click()
    desk.get_by_role("button", name="Save plan").click()
    expect(desk.locator(".rl-saved")).to_contain_text("Saved plan", timeout=15_000)
    row = desk.locator(".rl-plan .rl-plan-row").first
    expect(row).to_contain_text(PARKED[:40])
    tab.shot("journey-04-plan", desk)
    with open_archive(mine, create=False) as archive:
        review = archive.get_review(REVIEW)
        assert review.planning_override.startswith("The price import runs unattended")
        plans = archive.plans(REVIEW)
        assert [p.effort.value for p in plans] == ["S"] and plans[0].impact.value in ("medium", "high")
        assert proposed is not None
        assert "r40-p01" not in {c.id for c in archive.contributions("r40")}  # no demo entry anywhere

    assert tab.errors == []
    assert _source_notebooks() == before  # your work is in the workspace, not in reviewlab's notebooks
