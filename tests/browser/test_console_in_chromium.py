"""The meeting console a facilitator can trust (issue 13), from the facilitator's seat in Debian's Chromium.

`reviewlab lab --archive mine.db` (a copy of the sample, as a team's archive would be; the demo cells stay
off) with a review of the facilitator's own, prepared as notebook 01 leaves it (roster, a neutral
facilitator, an agenda, its zone Europe/Berlin). In notebook 02, Run All, choose it, and as a person would:
start the meeting, open an agenda topic, take entries (one with a slip, one pressed twice), correct the slip
through the Fix panel, withdraw the wrong entry by mistake and undo that, withdraw the double press, watch the
clock tick past a minute in the page, pause for a break; then Kernel > Restart Kernel and Run All again (a
new kernel process): the clock shows the paused meeting at its minute (not a fresh clock), the open topic,
and the board the corrected words without the withdrawn entry. Resume, end the meeting: capture is closed
("ended at N min", Submit, Enter and Park refused); one more restart and the clock still says the meeting
ended at the same minute.
Every step is checked in the page, and in the archive; screenshots land in artifacts/screenshots/.
"""

from __future__ import annotations

import re
import shutil

import pytest

from reviewlab import open_archive
from reviewlab.model import AgendaItem, Participant, Review

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.notebook, pytest.mark.timeout(1800)]

REVIEW = "inc-88"
NOTEBOOK = "02_facilitate_review.ipynb"
SLIP = "The price board showed yesterday's prices until 09:50."
FIXED = "The price board showed yesterday's prices until 08:50."
TWICE = "Ana's rerun of the import brought the prices back quickly."
ROSTER = (("Fay Quinn", "facilitator", False), ("Ana Ruiz", "incident_commander", True),
          ("Bo Lind", "responder", True))
AGENDA = (AgendaItem("Detection", 20), AgendaItem("Recovery", 20))


@pytest.fixture(scope="module")
def console_tab(tmp_path_factory, sample_archive_path, lab_on, new_tab):
    folder = tmp_path_factory.mktemp("console")
    mine = folder / "mine.db"
    shutil.copy(sample_archive_path, mine)
    with open_archive(mine, create=False) as archive:  # prepared as notebook 01 leaves a review (its own journey)
        archive.add_review(Review(REVIEW, "Prices late after the import job stalled", "2026-11-02T08:10:00+00:00",
                                  facilitator="Fay Quinn", timezone="Europe/Berlin"),
                           [Participant(n, r, responded=x) for n, r, x in ROSTER])
        archive.set_agenda(REVIEW, AGENDA)
    lab = lab_on(folder / "workspace", archive=mine)
    tab = new_tab(lab, height=2200)
    tab.open(NOTEBOOK, view="console")
    yield tab, mine
    tab.close()


def _console(tab):
    return tab.panel().locator(".rl-console").first


def _run_and_choose(tab):
    """Run All, nothing on error, then open the review in the chooser; the console that follows it."""
    from playwright.sync_api import expect

    tab.run_all()
    assert tab.error_outputs() == []
    # fresh outputs: no console until a review is chosen (after a restart, not the old kernel's views)
    expect(_console(tab)).to_have_count(0)
    expect(tab.panel().locator(".rl-chooser .rl-chosen")).to_have_count(0)
    tab.choose(REVIEW)
    expect(tab.panel().locator(".rl-chooser .rl-chosen-zone")).to_have_text("Times in Europe/Berlin.")
    console = _console(tab)
    console.locator(".rl-clock").wait_for(timeout=30_000)
    return console


def _pick(select, contains: str, options: int) -> None:
    """Pick the option whose label holds `contains` (ipywidgets writes spaces as no-break spaces), once the
    picker lists `options` entries: a Dropdown sends the index picked, so pick from the list the kernel has."""
    from playwright.sync_api import expect

    expect(select.locator("option")).to_have_count(options, timeout=15_000)
    labels = select.locator("option").all_text_contents()
    select.select_option(label=next(o for o in labels if contains in o.replace("\xa0", " ")))


def _wait_picked(tab, select, contains: str) -> None:
    """Wait until the picker shows an option holding `contains` as picked (the kernel picked it)."""
    tab.page.wait_for_function("([s, t]) => (s.options[s.selectedIndex]?.text || '').replace(/\\u00a0/g, ' ').includes(t)",
                               arg=[select.element_handle(), contains], timeout=15_000)


def _board_texts(console) -> list[str]:
    return [t.replace("\xa0", " ") for t in console.locator(".rl-board .rl-item").all_text_contents()]


def test_correct_withdraw_restart_and_end_a_meeting(console_tab):
    from playwright.sync_api import expect

    tab, mine = console_tab
    console = _run_and_choose(tab)
    clock = console.locator(".rl-clock-panel")
    expect(clock.locator(".rl-clock")).to_have_text(re.compile("^Not started"))

    # start, open an agenda topic
    clock.get_by_role("button", name="Start meeting").click()
    expect(clock.locator(".rl-clock.rl-running")).to_have_text("0 min elapsed of 90.", timeout=15_000)
    expect(clock.locator(".rl-clock-when")).to_contain_text("(Europe/Berlin)")
    clock.locator(".widget-toggle-buttons").get_by_role("button", name="Detection", exact=True).click()
    expect(clock.locator(".rl-topic")).to_have_text(re.compile(r"^Now: Detection, 0 of 20 min"), timeout=15_000)
    expect(clock.locator(".rl-slot-now")).to_contain_text("Detection")

    # entries: a slip (the wrong time in the words), a timeline event as people type times, a double press
    entry = console.locator(".rl-entry")
    who, kind = entry.locator("select").nth(0), entry.locator("select").nth(1)
    text = entry.get_by_placeholder("What was said")
    saved = entry.locator(".rl-saved")
    who.select_option(label="Ana Ruiz")
    kind.select_option(label="Observation")
    text.fill(SLIP)
    text.press("Enter")
    expect(console.locator(".rl-board").get_by_text(SLIP)).to_be_visible(timeout=15_000)
    who.select_option(label="Bo Lind")
    kind.select_option(label="Timeline event")
    entry.locator(".widget-text:has(> label:text-is('When')) input").fill("8.20")
    text.fill("The import job stopped retrying and went quiet.")
    entry.get_by_role("button", name="Submit").click()
    expect(console.locator(".rl-timeline")).to_contain_text("went quiet", timeout=15_000)
    kind.select_option(label="What went right")
    for _press in range(2):  # the double press of the issue
        text.fill(TWICE)
        entry.get_by_role("button", name="Submit").click()
        expect(saved).to_be_visible(timeout=15_000)
        expect(text).to_have_value("", timeout=15_000)
    expect(entry.locator(".rl-duplicate")).to_contain_text("withdraw one below")
    expect(console.locator(".rl-col-went_right h4")).to_have_text("What went right (2)", timeout=15_000)

    # correct the slip through the Fix panel: it opens in the form, Save correction
    fix = console.locator(".rl-fix")
    entries = fix.locator(".widget-dropdown:has(> label:text-is('Entry')) select")
    _pick(entries, SLIP[:40], 4)
    fix.get_by_role("button", name="Correct").click()
    expect(entry.locator(".rl-correcting")).to_contain_text("Correcting Ana Ruiz", timeout=15_000)
    expect(text).to_have_value(SLIP)
    text.fill(FIXED)
    entry.get_by_placeholder("why the correction").fill("it was 08:50, not 09:50")
    entry.get_by_role("button", name="Save correction").click()
    expect(saved).to_contain_text("Corrected (observation, Ana Ruiz)", timeout=15_000)
    expect(console.locator(".rl-board").get_by_text(FIXED)).to_be_visible()
    expect(console.locator(".rl-board").get_by_text(SLIP)).to_have_count(0)
    expect(console.locator(".rl-board .rl-item", has_text=FIXED).locator(".rl-corrected")).to_have_text("(corrected)")
    expect(entry.get_by_role("button", name="Submit")).to_be_visible()  # back to taking new entries

    # withdraw the wrong entry by mistake, undo it; then withdraw the double press
    expect(entries.locator("option", has_text=FIXED[:40])).to_have_count(1, timeout=15_000)
    _pick(entries, "went quiet", 4)
    fix.get_by_role("button", name="Withdraw").click()
    expect(fix.locator(".rl-withdrawn-note")).to_contain_text("Withdrawn, kept (Undo withdrawal brings it back): Bo Lind, \u201cThe import job", timeout=15_000)
    expect(console.locator(".rl-board-panel")).not_to_contain_text("went quiet")  # the list, the chart, the Park picker
    fix.get_by_role("button", name="Undo withdrawal").click()
    expect(fix.locator(".rl-restored-note")).to_contain_text("Back on the board: Bo Lind", timeout=15_000)
    expect(console.locator(".rl-timeline")).to_contain_text("went quiet")
    _wait_picked(tab, entries, "went quiet")  # the entry back on the board is picked, ready to fix
    _pick(entries, TWICE[:40], 4)  # the newest of the two: the second press
    fix.locator(".widget-text:has(> label:text-is('Why')) input").fill("double press")
    fix.get_by_role("button", name="Withdraw").click()
    expect(fix.locator(".rl-withdrawn-note")).to_contain_text(f"Bo Lind, \u201c{TWICE}\u201d", timeout=15_000)
    expect(console.locator(".rl-col-went_right h4")).to_have_text("What went right (1)", timeout=15_000)
    expect(console.locator(".rl-withdrawn-count")).to_contain_text("1 withdrawn entry not shown")

    # the clock ticks in the page (no press needed); then a break
    expect(clock.locator(".rl-clock.rl-running")).to_have_text("1 min elapsed of 90.", timeout=80_000)
    expect(clock.locator(".rl-topic")).to_have_text(re.compile(r"^Now: Detection, 1 of 20 min"))
    clock.get_by_role("button", name="Pause").click()
    expect(clock.locator(".rl-clock.rl-paused")).to_have_text(re.compile(r"^Paused at 1 min"), timeout=15_000)
    expect(clock.get_by_role("button", name="Resume")).to_be_visible()
    paused_text = clock.locator(".rl-clock").text_content()
    tab.shot("console-1-before-restart", console)

    # Kernel > Restart Kernel mid-meeting, Run All again: the stored meeting, not a fresh clock
    pid = tab.kernel_pid()
    tab.restart_kernel()
    assert tab.kernel_pid() != pid  # a new kernel process: nothing of the meeting is left in memory
    console = _run_and_choose(tab)
    clock = console.locator(".rl-clock-panel")
    expect(clock.locator(".rl-clock.rl-paused")).to_have_text(paused_text, timeout=15_000)
    expect(clock.locator(".rl-clock-when")).to_contain_text("paused since")
    expect(clock.get_by_role("button", name="Resume")).to_be_visible()
    expect(clock.get_by_role("button", name="Start meeting")).to_be_disabled()
    expect(clock.locator(".rl-topic")).to_have_text(re.compile(r"^Now: Detection, 1 of 20 min"))
    expect(clock.locator(".widget-toggle-buttons button.mod-active")).to_have_text("Detection")
    board = _board_texts(console)
    assert any(FIXED in t and "(corrected)" in t for t in board), board
    assert not any(SLIP in t for t in board), board
    assert sum(TWICE in t for t in board) == 1, board
    expect(console.locator(".rl-timeline")).to_contain_text("went quiet")
    expect(console.locator(".rl-withdrawn-count")).to_contain_text("1 withdrawn entry not shown")
    expect(console.locator(".rl-timeline")).to_contain_text("08:20")  # 8.20 as typed, in Europe/Berlin
    tab.shot("console-2-after-restart", console)

    # back from the break; the end closes capture
    clock.get_by_role("button", name="Resume").click()
    expect(clock.locator(".rl-clock.rl-running")).to_be_visible(timeout=15_000)
    clock.get_by_role("button", name="End meeting").click()
    ended = re.compile(r"^Meeting ended at ([12]) min\. Capture is closed")
    expect(clock.locator(".rl-clock.rl-ended")).to_have_text(ended, timeout=15_000)
    expect(console.locator(".rl-meeting-ended")).to_contain_text("Capture is closed")
    expect(console.locator(".rl-meeting-ended")).to_contain_text("Europe/Berlin")
    entry = console.locator(".rl-entry")
    expect(entry.locator(".rl-closed")).to_contain_text("Capture is closed: the meeting ended at")
    expect(entry.get_by_role("button", name="Submit")).to_be_disabled()
    expect(entry.get_by_role("button", name="Park as repair idea")).to_be_disabled()
    expect(console.locator(".rl-board-panel").get_by_role("button", name="Park it")).to_be_disabled()
    entry.get_by_placeholder("What was said").fill("Said after the end.")
    entry.get_by_placeholder("What was said").press("Enter")  # Enter is refused too, the words kept
    expect(entry.locator(".rl-error")).to_contain_text("Not saved", timeout=15_000)
    expect(entry.get_by_placeholder("What was said")).to_have_value("Said after the end.")
    ended_text = clock.locator(".rl-clock").text_content()
    tab.shot("console-3-ended", console)

    # one more restart: still ended at the same minute, not a live clock
    tab.restart_kernel()
    console = _run_and_choose(tab)
    clock = console.locator(".rl-clock-panel")
    expect(clock.locator(".rl-clock.rl-ended")).to_have_text(ended_text, timeout=15_000)
    expect(clock.get_by_role("button", name="End meeting")).to_be_disabled()
    expect(clock.get_by_role("button", name="Reopen meeting")).to_be_visible()
    expect(console.locator(".rl-entry .rl-closed")).to_be_visible()
    tab.shot("console-4-ended-after-restart", console)

    with open_archive(mine, create=False) as archive:
        said = archive.contributions(REVIEW, phase="meeting")
        assert "Said after the end." not in {c.text for c in said}
        assert [c.text for c in said if not c.withdrawn].count(TWICE) == 1
        assert FIXED in {c.text for c in said} and SLIP not in {c.text for c in said}
        actions = [(r.action.value, r.by, r.reason) for r in archive.revisions(REVIEW)]
        assert actions == [("corrected", "Fay Quinn", "it was 08:50, not 09:50"), ("withdrawn", "Fay Quinn", ""),
                           ("restored", "Fay Quinn", ""), ("withdrawn", "Fay Quinn", "double press")]
        fixed = next(c for c in said if c.text == FIXED)
        assert [(v.contribution.text, v.by) for v in archive.history(fixed.id)] == [(SLIP, "Ana Ruiz"), (FIXED, "Fay Quinn")]
        log = [e.action.value for e in archive.meeting_log(REVIEW)]
        assert log == ["started", "opened_topic", "paused", "resumed", "ended"]
        review = archive.get_review(REVIEW)
        assert review.status.value == "meeting_held" and review.meeting_ended_at is not None
        state = archive.meeting_state(REVIEW)
        assert int(ended.match(ended_text).group(1)) == int(state.elapsed(state.ended).total_seconds() // 60)
    assert tab.errors == []
