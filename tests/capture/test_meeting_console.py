"""The meeting console driven without a browser: set values, click, assert on the archive."""

from __future__ import annotations

import pytest

from reviewlab import open_archive
from reviewlab.capture import MeetingConsole, ensure_demo_review
from reviewlab.errors import MeetingClosed
from reviewlab.model import Kind, Phase

INJECTIONS = ["<script>window.pwned=1</script>", '<img src=x onerror="window.pwned=1">']


@pytest.fixture
def console(archive, demo, coach, clock):
    return MeetingConsole(archive, demo.id, now=clock, coach=coach, chart=False)


def test_submit_button_persists_at_once(archive, demo, console):
    console.entry.fill("Sam Ito", "observation", "The basket totals looked a day old.")
    console.entry.submit_button.click()
    [c] = archive.contributions(demo.id)
    assert (c.participant, c.kind, c.phase, c.text) == ("Sam Ito", Kind.OBSERVATION, Phase.MEETING,
                                                         "The basket totals looked a day old.")
    assert console.entry.text.value == ""  # ready for the next one
    assert "Saved" in console.entry.status.value
    assert "The basket totals looked a day old." in console.board.columns.value


def test_enter_in_the_text_box_submits(archive, demo, console):
    console.entry.fill("Maya Chen", "learning", "The feed has no arrival check.")
    console.entry.text._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter
    assert [c.text for c in archive.contributions(demo.id)] == ["The feed has no arrival check."]


def test_refused_input_is_said_plainly_and_nothing_saved(archive, demo, console):
    console.entry.fill("Sam Ito", "observation", "   ")
    console.entry.submit_button.click()
    console.entry.fill("Sam Ito", "timeline_event", "first ticket", event_time="")
    console.entry.submit_button.click()
    assert "needs an event_time" in console.entry.status.value
    assert archive.contributions(demo.id) == []


def test_timeline_viewpoints_side_by_side(archive, demo, console):
    first = console.say("Sam Ito", "timeline_event", "First ticket about wrong totals.", "09:40")
    second = console.say("Maya Chen", "timeline_event", "I saw it on the dashboard at 09:52.", "09:52",
                         same_event=first.id)
    assert second.links_to == first.id
    assert second.event_time.isoformat() == "2025-11-18T09:52:00+00:00"
    html = console.board.timeline.value
    assert html.count("<tr>") == 1 and "Sam Ito" in html and "Maya Chen" in html and "times differ" in html


def test_went_right_prompts_and_column(archive, demo, console):
    prompts = [value for _label, value in console.entry.prompts.options if value]
    assert "How did the team recover?" in prompts and "What helped?" in prompts
    console.entry.prompts.value = "How did the team recover?"  # one click asks it
    assert console.entry.text.value == "How did the team recover?"
    assert (console.entry.participant.value, console.entry.kind.value) == ("Nadia Flores", "question")
    console.say("Leo Brandt", "went_right", "Flushing the cache fixed totals in minutes.")
    assert "What went right (1)" in console.board.columns.value


def test_coach_hint_and_one_click_suggestion(archive, demo, console):
    console.entry.fill("Nadia Flores", "question", "Why did you flush the cache?")
    assert "why_question" in console.entry.hints.value
    assert console.entry.use_suggestion.layout.display == ""
    console.entry.use_suggestion.click()
    assert console.entry.text.value == "What factored into did you flush the cache?"
    console.entry.submit_button.click()
    assert archive.contributions(demo.id)[0].text.startswith("What factored")


def test_real_coach_hints_on_a_why_question(archive, demo):
    console = MeetingConsole(archive, demo.id, chart=False)  # reviewlab.coach
    console.entry.fill("Nadia Flores", "question", "Why didn't you check the feed?")
    assert "rl-hint" in console.entry.hints.value


def test_fix_proposal_is_offered_for_the_parking_lot(archive, demo, console):
    console.entry.fill("Leo Brandt", "observation", "We should add an alert on the feed arrival time.")
    assert "rl-park-hint" in console.entry.hints.value and console.entry.park_button.button_style == "info"
    console.entry.park_button.click()
    [item] = archive.contributions(demo.id)
    assert (item.kind, item.phase) == (Kind.REPAIR_ITEM, Phase.MEETING)
    assert archive.plans(demo.id) == []  # no effort, owner or due date here
    assert "alert on the feed arrival" in console.board.parking.value


def test_park_an_earlier_contribution_from_the_board(archive, demo, console):
    console.say("Sam Ito", "observation", "The totals were a day old.")
    fix = console.say("Leo Brandt", "observation", "Let's add a check that the feed arrived before 06:00.")
    assert console.board.to_park.options[0][1] == fix.id  # fixes are offered first
    console.board.to_park.value = fix.id
    console.board.park_button.click()
    parked = archive.contributions(demo.id, kind="repair_item")
    assert [(p.links_to, p.participant) for p in parked] == [(fix.id, "Leo Brandt")]
    assert fix.id not in dict(console.board.to_park.options).values()


def test_balance_of_voices(archive, demo, console):
    assert "Not heard yet: Sam Ito, Maya Chen, Leo Brandt, Ines Duarte" in console.board.balance.value
    for text in ("one", "two", "three"):
        console.say("Sam Ito", "observation", f"Point {text}.")
    console.say("Maya Chen", "observation", "My point.")
    console.say("Nadia Flores", "question", "How did you know?")  # the facilitator is not counted
    balance = console.session.balance()
    assert balance.dominant == "Sam Ito" and balance.counts["Sam Ito"] == 3
    assert balance.silent == ("Leo Brandt", "Ines Duarte")
    assert "Sam Ito holds 75%" in console.board.balance.value


@pytest.mark.parametrize("payload", INJECTIONS)
def test_html_in_a_contribution_is_shown_as_text(archive, demo, console, payload):
    console.say("Maya Chen", "observation", payload)
    console.say("Maya Chen", "timeline_event", payload, "10:00")
    for html in (console.board.columns.value, console.board.timeline.value, console.board.balance.value):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in console.board.columns.value or "&lt;img" in console.board.columns.value
    # dropdown labels are set as text by the browser (textContent), so they keep the raw words
    assert console.board.to_park.options[0][0] == f"Maya Chen: {payload}"[:71]


def test_everything_is_there_after_close_and_reopen(tmp_path, coach, clock):
    path = tmp_path / "meeting.db"
    with open_archive(path) as archive:
        review = ensure_demo_review(archive)
        console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
        console.clock.start_button.click()
        console.say("Sam Ito", "observation", "Saved before the kernel died.")
        console.entry.fill("Leo Brandt", "observation", "We should add an alert.").park_button.click()
    with open_archive(path) as archive:  # a new kernel
        console = MeetingConsole(archive, review.id, now=clock, coach=coach, chart=False)
        assert "Saved before the kernel died." in console.board.columns.value
        assert "We should add an alert." in console.board.parking.value
        assert console.clock.start_button.disabled


def test_chart_draws_offline_as_svg(archive, demo, coach, clock):
    console = MeetingConsole(archive, demo.id, now=clock, coach=coach)
    assert console.board.chart.value == ""
    console.say("Sam Ito", "timeline_event", "First ticket <b>x</b>.", "09:40")
    assert "<svg" in console.board.chart.value and "<b>x" not in console.board.chart.value


def test_end_meeting_marks_it_held_and_closes_capture(archive, demo, console, clock):
    assert console.clock.end_button.disabled  # nothing to end before the start
    console.clock.start_button.click()
    console.say("Sam Ito", "observation", "Said before the end.")
    clock.advance(45)
    console.end()
    review = archive.get_review(demo.id)
    assert review.status.value == "meeting_held" and review.meeting_ended_at == clock()
    assert "Meeting ended at 13:45 UTC, after 45 min" in console.board.banner.value
    assert "Capture is closed: the meeting ended at 13:45" in console.entry.closed_note.value
    assert console.entry.submit_button.disabled
    assert console.entry.park_button.disabled
    assert console.board.park_button.disabled and console.board.to_park.disabled  # the board's Park too
    # Enter in the box still reaches save(): it is refused, said plainly, and the words stay
    console.entry.fill("Maya Chen", "observation", "One more thing after the end.")
    console.entry.text._handle_custom_msg({"event": "submit"}, [])
    assert "ended at 2025-11-20 13:45 (UTC); capture is closed" in console.entry.status.value
    assert "reopen the meeting" in console.entry.status.value
    assert console.entry.text.value == "One more thing after the end."
    assert [c.text for c in archive.contributions(demo.id)] == ["Said before the end."]
    with pytest.raises(MeetingClosed):
        archive.add_contribution(demo.id, "Maya Chen", "observation", "Straight to the archive.")
    assert repr(console) == "MeetingConsole(review='demo-basket')"


def test_reopened_meeting_takes_entries_and_the_board_says_who_and_why(archive, demo, console, clock):
    console.clock.start_button.click()
    clock.advance(30)
    console.end()
    clock.advance(3)
    console.reopen("Nadia Flores", "Ines remembered the store-side tickets")
    assert "Reopened at 13:33 by <b>Nadia Flores</b>: Ines remembered the store-side tickets" in console.board.banner.value
    assert not console.entry.submit_button.disabled and console.entry.closed_note.value == ""
    assert not console.board.park_button.disabled
    assert console.say("Ines Duarte", "observation", "Stores called at 09:45.") is not None


def test_a_tick_shows_what_another_kernel_wrote(tmp_path, coach, clock):
    path = tmp_path / "shared.db"
    with open_archive(path) as mine, open_archive(path) as theirs:
        review = ensure_demo_review(mine)
        console = MeetingConsole(mine, review.id, now=clock, coach=coach, chart=False)
        theirs.add_contribution(review.id, "Ines Duarte", "observation", "Typed in my own notebook.")
        console.clock.ticker.value += 1
        assert "Typed in my own notebook." in console.board.columns.value


def test_capture_refuses_the_planning_phase():
    """Planning is another meeting with its own session: the capture layer will not write plans."""
    import pytest

    from reviewlab import open_archive
    from reviewlab.capture import CaptureSession, ensure_demo_review
    from reviewlab.errors import ValidationError

    with open_archive(":memory:") as archive:
        review = ensure_demo_review(archive)
        with pytest.raises(ValidationError, match="repair planning has its own session"):
            CaptureSession(archive, review.id, phase="planning")


def test_opening_a_phase_sets_the_kind_captured_next(archive, demo, console):
    console.clock.start_button.click()
    console.open_topic("learning")
    assert console.entry.kind.value == "learning"
    assert "Now: What do you know now that you didn&#x27;t know before?, 0 of 10 min." in console.clock.display.value
    console.open_topic("went_right")
    assert console.entry.kind.value == "went_right"
    assert archive.meeting_state(demo.id).current.title == "What went right"


def test_the_coach_reads_a_question_in_the_phase_the_facilitator_opened(archive, demo, clock):
    """The real coach: with no safe rewording, its suggestion and the Ask list fit the phase that is open."""
    console = MeetingConsole(archive, demo.id, now=clock, chart=False)  # reviewlab.coach itself, no fake
    entry = console.entry
    console.clock.start_button.click()
    entry.fill("Nadia Flores", "question", "Looking back it was obvious.")
    assert entry.coach_phase == "meeting"
    assert "Try: What did the signals look like at that point?" in entry.hint_text()  # walking the timeline
    assert "What were you seeing on your screens at that point?" in entry.openers.options
    console.open_topic("learning")  # one click on the phase: the kind follows it; the facilitator asks a question
    entry.kind.value = "question"
    assert entry.coach_phase == "learning"
    assert 'rl-suggestion">What do we know now that we didn&#x27;t know then?<' in entry.hints.value  # redrawn, not retyped
    assert "What do you know now that you didn't know before?" in entry.openers.options
    entry.use_suggestion.click()
    assert entry.text.value == "What do we know now that we didn't know then?"
    console.open_topic("went_right")
    assert entry.coach_phase == "went_right" and "How did the team recover the systems?" in entry.openers.options
    entry.fill("Nadia Flores", "question", "That should not have happened, what a mess.")
    assert "Try: What did the situation look like at the time?" in entry.hint_text()  # the bank has no went_right one


def test_a_phase_opened_in_another_kernel_reaches_the_coach_on_a_tick(tmp_path, coach, clock):
    path = tmp_path / "shared.db"
    with open_archive(path) as mine, open_archive(path) as theirs:
        review = ensure_demo_review(mine)
        console = MeetingConsole(mine, review.id, now=clock, coach=coach, chart=False)
        console.clock.start_button.click()
        theirs.open_phase(review.id, "went_right", by="Nadia Flores")
        assert console.entry.coach_phase == "meeting"
        console.clock.ticker.value += 1  # the browser's tick
        assert console.entry.coach_phase == "went_right"
        assert console.entry.openers.options[1:] == ("went_right opener one", "went_right opener two")


@pytest.mark.parametrize("payload", INJECTIONS)
def test_html_in_a_reason_or_topic_is_shown_as_text(archive, demo, console, payload):
    from reviewlab.model import AgendaItem

    archive.set_agenda(demo.id, [AgendaItem(payload, 10)])
    console.clock.refresh()
    console.clock.start_button.click()
    console.open_topic(payload)
    assert "<script>" not in console.clock.display.value and "<img" not in console.clock.display.value
    console.end()
    console.reopen(payload, payload)
    for html in (console.board.banner.value, console.clock.display.value):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;" in console.board.banner.value


def test_a_tick_shows_a_pause_and_an_end_pressed_in_another_kernel(tmp_path, coach, clock):
    path = tmp_path / "shared.db"
    with open_archive(path) as mine, open_archive(path) as theirs:
        review = ensure_demo_review(mine)
        console = MeetingConsole(mine, review.id, now=clock, coach=coach, chart=False)
        console.clock.start_button.click()
        clock.advance(20)
        theirs.pause_meeting(review.id, by="Nadia Flores", at=clock())
        console.clock.ticker.value += 1
        assert console.clock.state == "paused" and console.clock.pause_button.description == "Resume"
        theirs.resume_meeting(review.id, by="Nadia Flores", at=clock())
        theirs.end_meeting(review.id, by="Nadia Flores", at=clock())
        console.clock.ticker.value += 1
        assert console.clock.state == "ended" and console.entry.submit_button.disabled
        assert "Meeting ended at" in console.board.banner.value
