"""Times in the console: typed as people type them, shown in the review's one named zone (list and chart)."""

from __future__ import annotations

import re

import pytest

from reviewlab.capture import MeetingConsole


@pytest.fixture
def console(archive, demo, coach, clock):
    return MeetingConsole(archive, demo.id, now=clock, coach=coach, chart=False)


@pytest.mark.parametrize("typed", ["08:20", "8:20", "8.20", "0820", "8:20am"])
def test_times_as_people_type_them(archive, demo, console, typed):
    c = console.say("Sam Ito", "timeline_event", "The feed alert paged me.", typed)
    assert c.event_time.isoformat() == "2025-11-18T08:20:00+00:00"


def test_a_time_the_console_cannot_read_says_what_it_accepts_and_keeps_it(archive, demo, console):
    console.entry.fill("Sam Ito", "timeline_event", "The feed alert paged me.", event_time="half past eight")
    console.entry.submit_button.click()
    status = console.entry.status.value
    assert "is not an ISO 8601 time" not in status
    assert "Type the time of day as 08:20, 8:20, 8.20, 0820, 8:20pm or 20:20" in status
    assert console.entry.event_time.value == "half past eight" and console.entry.text.value == "The feed alert paged me."
    assert archive.contributions(demo.id) == []


def test_the_zone_is_named_and_the_list_and_chart_agree(archive, demo, coach, clock):
    console = MeetingConsole(archive, demo.id, now=clock, coach=coach)
    assert "Times in <b>UTC (the incident start&#x27;s offset)</b>" in console.zone_text.value
    console.say("Sam Ito", "timeline_event", "First ticket about wrong totals.", "09:40")
    console.zone.value = "europe/lisbon"  # the same offset in November: the times stay, the name is said
    console.zone_button.click()
    assert archive.get_review(demo.id).timezone == "Europe/Lisbon"
    console.zone.value = "Europe/Berlin"
    console.zone_button.click()
    assert "Times in <b>Europe/Berlin</b>" in console.zone_text.value
    assert "Times in Europe/Berlin" in console.board.timeline.value
    assert "10:40" in console.board.timeline.value and "09:40" not in console.board.timeline.value
    labels = re.findall(r">([^<]{1,40})</text>", console.board.chart.value)
    assert "event time (Europe/Berlin)" in labels and "10:40" in labels and "09:40" not in labels
    # typed times now mean Berlin time, and the archive keeps the instant
    c = console.say("Maya Chen", "timeline_event", "Dashboard drift.", "10:52")
    assert c.event_time.utcoffset().total_seconds() == 3600
    assert archive.contributions_frame(demo.id)["event_time"].dt.strftime("%H:%M").tolist() == ["09:40", "09:52"]
    assert console.entry.zone_note.value.count("Europe/Berlin") == 1


def test_a_zone_that_is_not_one_is_refused(archive, demo, console):
    console.zone.value = "Berlin time"
    console.zone_button.click()
    assert "Not set" in console.zone_status.value and "Europe/Berlin" in console.zone_status.value
    assert archive.get_review(demo.id).timezone is None
