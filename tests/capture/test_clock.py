"""The meeting clock: 60-minute warning, 90-minute stop, time per agenda topic."""

from __future__ import annotations

from reviewlab.capture import ClockPanel, MeetingClock
from reviewlab.capture.session import CaptureSession
from reviewlab.model import AgendaItem


def test_clock_states_follow_meetings_not_marathons(clock):
    c = MeetingClock(now=clock)
    assert c.state() == "not_started"
    c.start()
    for minutes, state in ((0, "running"), (59, "running"), (1, "warn"), (29, "warn"), (1, "stop"), (30, "stop")):
        clock.advance(minutes)
        assert c.state() == state
    assert "stop now" in c.message()


def test_schedule_marks_the_topic_now(clock):
    c = MeetingClock(clock(), now=clock)
    clock.advance(20)
    slots = c.schedule([AgendaItem("detection", 15), AgendaItem("recovery", 15), AgendaItem("learning", 10)])
    assert [s.state for s in slots] == ["done", "now", "next"]
    assert [int(s.ends.total_seconds() // 60) for s in slots] == [15, 30, 40]


def test_clock_panel_start_is_recorded_and_warns(archive, demo, clock):
    session = CaptureSession(archive, demo.id, now=clock)
    archive.set_agenda(demo.id, [AgendaItem("detection <b>late</b>", 20)])
    panel = ClockPanel(session)
    assert "Not started" in panel.display.value
    panel.start_button.click()
    assert archive.get_review(demo.id).meeting_at == clock()
    assert panel.start_button.disabled
    clock.advance(61)
    panel.ticker.value += 1  # a tick from the browser
    assert panel.state == "warn" and "past the hour" in panel.display.value
    assert "detection &lt;b&gt;late&lt;/b&gt;" in panel.display.value
    clock.advance(30)
    panel.refresh()
    assert panel.state == "stop" and "stop now" in panel.display.value


def test_reopened_clock_continues_from_the_recorded_start(archive, demo, clock):
    ClockPanel(CaptureSession(archive, demo.id, now=clock)).start_button.click()
    clock.advance(75)
    again = ClockPanel(CaptureSession(archive, demo.id, now=clock))
    assert again.state == "warn" and "75 min elapsed" in again.display.value
