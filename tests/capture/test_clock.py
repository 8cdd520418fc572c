"""The meeting clock: 60-minute warning, 90-minute stop, pauses, the end, reopening, the open topic,
all stored in the archive so a new kernel shows the same meeting."""

from __future__ import annotations

import pytest

from reviewlab import open_archive
from reviewlab.capture import ClockPanel, MeetingClock, MeetingConsole, ensure_demo_review
from reviewlab.capture.session import CaptureSession
from reviewlab.model import AgendaItem

AGENDA = [AgendaItem("detection <b>late</b>", 20), AgendaItem("recovery", 15)]


def test_clock_states_follow_meetings_not_marathons(clock):
    c = MeetingClock(clock(), now=clock)
    for minutes, state in ((0, "running"), (59, "running"), (1, "warn"), (29, "warn"), (1, "stop"), (30, "stop")):
        clock.advance(minutes)
        assert c.state() == state
    assert "stop now" in c.message()
    assert MeetingClock(now=clock).state() == "not_started"


def test_clock_panel_start_is_recorded_and_warns(archive, demo, clock):
    session = CaptureSession(archive, demo.id, now=clock)
    archive.set_agenda(demo.id, AGENDA)
    panel = ClockPanel(session)
    assert "Not started" in panel.display.value and panel.pause_button.disabled and panel.end_button.disabled
    panel.start_button.click()
    assert archive.get_review(demo.id).meeting_at == clock()
    assert archive.get_review(demo.id).status.value == "meeting"
    assert panel.start_button.disabled and not panel.end_button.disabled
    clock.advance(61)
    panel.ticker.value += 1  # a tick from the browser
    assert panel.state == "warn" and "past the hour" in panel.display.value
    assert "detection &lt;b&gt;late&lt;/b&gt;" in panel.display.value
    clock.advance(30)
    panel.refresh()
    assert panel.state == "stop" and "stop now" in panel.display.value


def test_pause_stops_the_clock_and_is_stored(archive, demo, clock):
    panel = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    panel.start_button.click()
    clock.advance(30)
    panel.pause_button.click()
    assert panel.state == "paused" and panel.pause_button.description == "Resume"
    assert "Paused at 30 min" in panel.display.value
    clock.advance(15)  # the break
    again = ClockPanel(CaptureSession(archive, demo.id, now=clock))  # a restarted kernel during the break
    assert again.state == "paused" and "Paused at 30 min" in again.display.value
    again.pause_button.click()  # Resume
    clock.advance(10)
    again.refresh()
    assert again.state == "running" and "40 min elapsed" in again.display.value  # the break is left out
    assert "1 break" in again.display.value
    assert [e.action.value for e in archive.meeting_log(demo.id)] == ["started", "paused", "resumed"]


def test_end_stores_the_time_and_a_restart_shows_ended_at_74_min(tmp_path, coach, clock):
    path = tmp_path / "meeting.db"
    with open_archive(path) as archive:
        review = ensure_demo_review(archive)
        panel = ClockPanel(CaptureSession(archive, review.id, now=clock))
        panel.start_button.click()
        clock.advance(74)
        panel.end_button.click()
        assert archive.get_review(review.id).meeting_ended_at == clock()
        assert archive.get_review(review.id).status.value == "meeting_held"
    clock.advance(200)  # hours later, a new kernel
    with open_archive(path) as archive:
        panel = ClockPanel(CaptureSession(archive, review.id, now=clock))
        assert panel.state == "ended" and "Meeting ended at 74 min" in panel.display.value
        assert "14:14" in panel.display.value  # 13:00 + 74 min, in the review's zone
        assert panel.start_button.disabled and panel.end_button.disabled and panel.pause_button.disabled
        assert not panel.ticker.playing
        assert panel.reopen_row.layout.display == ""


def test_reopen_needs_who_and_why_and_both_are_kept(archive, demo, clock):
    panel = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    panel.start_button.click()
    clock.advance(50)
    panel.end_button.click()
    panel.reopen_why.value = ""
    panel.reopen_button.click()
    assert "why" in panel.status.value and panel.state == "ended"
    clock.advance(5)
    panel.reopen_by.value, panel.reopen_why.value = "Nadia Flores", "Ines had the store-side timeline"
    panel.reopen_button.click()
    state = archive.meeting_state(demo.id)
    assert panel.state == "running" and state.status == "running"
    assert [(e.by, e.note) for e in state.reopenings] == [("Nadia Flores", "Ines had the store-side timeline")]
    review = archive.get_review(demo.id)
    assert review.meeting_ended_at is None and review.status.value == "meeting"
    clock.advance(10)
    panel.refresh()
    assert "60 min elapsed" in panel.display.value  # the time between end and reopening is not meeting time


def test_open_topic_and_phase_are_stored_shown_and_timed(archive, demo, clock):
    archive.set_agenda(demo.id, AGENDA)
    panel = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    assert panel.topic.disabled
    panel.start_button.click()
    panel.open_topic("recovery")
    clock.advance(18)
    panel.refresh()
    assert archive.meeting_state(demo.id).current.key == "recovery"
    assert "Now: recovery, 18 of 15 min: 3 min over" in panel.display.value
    assert "rl-slot-now" in panel.display.value
    panel.topic.value = "phase:went_right"  # one click on the phase
    clock.advance(4)
    again = ClockPanel(CaptureSession(archive, demo.id, now=clock))  # a restarted kernel
    assert again.topic.value == "phase:went_right"
    assert "Now: What went right, 4 of 10 min." in again.display.value
    assert "recovery <small>(18 of 15 min)</small>" in again.display.value
    assert [(e.action.value, e.topic) for e in archive.meeting_log(demo.id)][1:] == [
        ("opened_topic", "recovery"), ("opened_phase", "went_right")]


def test_presses_that_make_no_sense_are_refused_plainly(archive, demo, clock):
    panel = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    panel.pause_button.disabled = False  # as if a stale page still showed it
    panel.pause_button.click()
    assert "has not started yet: press Start meeting first" in panel.status.value
    assert archive.meeting_log(demo.id) == []
    with pytest.raises(ValueError, match="neither an agenda topic nor a phase"):
        panel.open_topic("lunch")


def test_ticker_starts_once_a_page_shows_the_clock(archive, demo, clock):
    """The Play widget only ticks when its view sees `playing` turn on: a new kernel turns it on per view
    (checked in Chromium by the journey: without this, a restarted kernel's clock never ticks)."""
    CaptureSession(archive, demo.id, now=clock).start_meeting()
    panel = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    assert not panel.ticker.playing  # no page yet: nothing to tick
    sent = []
    panel.ticker.observe(lambda change: sent.append(change["new"]), "playing")
    panel.ticker._view_count = 1  # what the page reports when it draws the clock
    assert sent == [True] and panel.ticker.playing
    panel.ticker._view_count = 2  # the page reloaded: the new view must see the change too
    assert sent == [True, False, True]
    panel.pause_button.click()
    assert panel.ticker.playing  # still ticking: another kernel may resume or end the meeting


def test_meeting_held_before_the_log_shows_as_held(archive, clock):
    from reviewlab.model import Participant, Review

    archive.add_review(Review("old", "Old", "2025-01-01T10:00:00+00:00", status="meeting_held",
                              meeting_at="2025-01-02T10:00:00+00:00"), [Participant("Ana")])
    console = MeetingConsole(archive, "old", now=clock, chart=False)
    assert console.clock.state == "held" and "end was not recorded" in console.clock.display.value
    console.reopen("Fay", "add the timeline we missed")
    assert archive.meeting_state("old").status == "running"
    assert [e.action.value for e in archive.meeting_log("old")] == ["started", "ended", "reopened"]
