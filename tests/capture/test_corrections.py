"""Correct and withdraw from the console: set values, click, assert on the archive and the board."""

from __future__ import annotations

import pytest

from reviewlab.capture import MeetingConsole


@pytest.fixture
def console(archive, demo, coach, clock):
    return MeetingConsole(archive, demo.id, now=clock, coach=coach, chart=False)


def test_a_double_press_is_flagged_and_withdrawn(archive, demo, console, clock):
    first = console.say("Sam Ito", "timeline_event", "The feed alert paged me.", "08:20")
    clock.advance(0.2)
    second = console.say("Sam Ito", "timeline_event", "The feed alert paged me.", "08:20")
    assert "rl-duplicate" in console.entry.status.value and "withdraw one below" in console.entry.status.value
    assert console.board.timeline.value.count("The feed alert paged me.") == 2
    assert console.fix.entries.options[0][1] == second.id and console.fix.entries.value == second.id  # ready to fix
    labels = [label for label, _id in console.fix.entries.options[:2]]  # the same minute: told apart by the second
    assert labels == ["13:00:12 Sam Ito · timeline_event: 08:20 The feed alert paged me.",
                      "13:00:00 Sam Ito · timeline_event: 08:20 The feed alert paged me."]
    console.withdraw(second.id, "double press")
    assert [c.id for c in archive.contributions(demo.id)] == [first.id]
    assert console.board.timeline.value.count("The feed alert paged me.") == 1
    assert "1 withdrawn entry not shown" in console.board.columns.value
    assert console.fix.status.value.endswith("Withdrawn, kept (Undo withdrawal brings it back): Sam Ito, "
                                             "\u201cThe feed alert paged me.\u201d</span>")
    [rev] = archive.revisions(demo.id)
    assert (rev.action.value, rev.by, rev.reason, rev.at) == ("withdrawn", "Nadia Flores", "double press", clock())
    assert console.fix.withdrawn.options[0][1] == second.id and console.fix.undo_row.layout.display == ""


def test_undo_a_withdrawal(archive, demo, console):
    c = console.say("Maya Chen", "learning", "The feed has no arrival check.")
    console.withdraw(c.id)
    assert "The feed has no arrival check." not in console.board.columns.value
    console.undo_withdrawal(c.id)
    assert "The feed has no arrival check." in console.board.columns.value
    assert "Back on the board: Maya Chen, \u201cThe feed has no arrival check.\u201d<" in console.fix.status.value and console.fix.undo_row.layout.display == "none"
    assert [r.action.value for r in archive.revisions(demo.id)] == ["withdrawn", "restored"]


def test_correct_opens_the_entry_in_the_form_and_saves_a_new_version(archive, demo, console, clock):
    c = console.say("Sam Ito", "observation", "The basket totals were a day ld.")
    console.fix.entries.value = c.id
    console.fix.correct_button.click()
    entry = console.entry
    assert entry.correcting == c.id and entry.text.value == "The basket totals were a day ld."
    assert entry.submit_button.description == "Save correction" and entry.park_button.layout.display == "none"
    assert "Correcting" in entry.correcting_note.value and "Save correction" in console.fix.status.value
    entry.text.value = "The basket totals were a day old."
    entry.participant.value = "Maya Chen"
    entry.reason.value = "typo, and it was Maya"
    clock.advance(2)
    entry.text._handle_custom_msg({"event": "submit"}, [])  # Enter saves the correction
    now = archive.get_contribution(c.id)
    assert (now.participant, now.text) == ("Maya Chen", "The basket totals were a day old.")
    assert len(archive.contributions(demo.id)) == 1  # corrected, not added
    assert [v.contribution.text for v in archive.history(c.id)] == ["The basket totals were a day ld.",
                                                                     "The basket totals were a day old."]
    [rev] = archive.revisions(demo.id)
    assert (rev.by, rev.reason, rev.at) == ("Nadia Flores", "typo, and it was Maya", clock())
    assert "Corrected (observation, Maya Chen)" in entry.status.value and entry.correcting == ""
    assert entry.submit_button.description == "Submit" and entry.text.value == ""
    assert console.fix.status.value == ""  # the hint to press Save correction is gone
    assert "a day old." in console.board.columns.value and "(corrected)" in console.board.columns.value
    assert "a day ld." not in console.board.columns.value


def test_correct_an_event_time_as_typed_and_the_chart_follows(archive, demo, coach, clock):
    console = MeetingConsole(archive, demo.id, now=clock, coach=coach)  # with the chart
    c = console.say("Leo Brandt", "timeline_event", "The price feed landed.", "1020")
    assert c.event_time.isoformat() == "2025-11-18T10:20:00+00:00"
    assert ">10:20</text>" in console.board.chart.value
    fixed = console.correct(c.id, event_time="10.35am")
    assert fixed.event_time.isoformat() == "2025-11-18T10:35:00+00:00"
    assert "10:35" in console.board.timeline.value and "10:20" not in console.board.timeline.value
    assert ">10:35</text>" in console.board.chart.value and ">10:20</text>" not in console.board.chart.value


def test_a_correction_that_changes_nothing_or_breaks_a_rule_is_refused_and_kept(archive, demo, console):
    c = console.say("Sam Ito", "timeline_event", "Paged.", "09:40")
    assert console.correct(c.id) is None
    assert "changes nothing" in console.entry.status.value and console.entry.correcting == c.id
    console.entry.event_time.value = "half past nine"
    console.entry.submit_button.click()
    assert "Type the time of day as 08:20, 8:20, 8.20, 0820, 8:20pm or 20:20" in console.entry.status.value
    assert console.entry.event_time.value == "half past nine"  # kept, to fix
    console.entry.cancel_button.click()
    assert console.entry.correcting == "" and console.entry.text.value == ""
    assert archive.revisions(demo.id) == []


def test_a_parked_repair_idea_can_be_corrected(archive, demo, console):
    console.entry.fill("Leo Brandt", "observation", "We should add an alrt on the feed.").park_button.click()
    [item] = archive.contributions(demo.id, kind="repair_item")
    fixed = console.correct(item.id, text="We should add an alert on the feed.")
    assert fixed.kind.value == "repair_item" and "alert on the feed" in console.board.parking.value
    assert [k for _label, k in console.entry.kind.options] == ["observation", "timeline_event", "went_right",
                                                               "learning", "question"]  # back to normal


def test_corrections_and_withdrawals_still_work_after_the_end(archive, demo, console, clock):
    console.clock.start_button.click()
    c = console.say("Sam Ito", "observation", "Dupe.")
    console.end()
    console.withdraw(c.id, "duplicate spotted while writing up")
    assert archive.get_contribution(c.id).withdrawn
    assert archive.revisions(demo.id)[0].at == clock()  # after the end, and says so by its time


def test_html_in_a_correction_is_shown_as_text(archive, demo, console):
    c = console.say("Maya Chen", "observation", "Fine.")
    console.correct(c.id, text="<img src=x onerror=alert(1)>")
    assert "<img" not in console.board.columns.value and "&lt;img" in console.board.columns.value
    assert "<img" not in console.entry.status.value
