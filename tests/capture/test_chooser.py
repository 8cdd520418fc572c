"""The review chooser: what it says about the review chosen, its zone among it, and the form for a new one."""

from __future__ import annotations

from datetime import datetime, timezone

from reviewlab.capture import MeetingConsole, ReviewChooser
from reviewlab.model import Participant, Review


def test_the_chosen_review_s_zone_is_stated(archive):
    archive.add_review(Review("tz1", "Night job stalled", "2025-11-18T23:30:00+00:00", timezone="Europe/Berlin"))
    archive.add_review(Review("tz2", "Offset only", "2025-11-18T08:00:00+05:30"))
    chooser = ReviewChooser(archive)
    chooser.open_review("tz1")
    assert "Opened tz1: Night job stalled" in chooser.review_status.value
    assert "<span class='rl-chosen-zone'>Times in <b>Europe/Berlin</b>.</span>" in chooser.review_status.value
    chooser.open_review("tz2")
    assert "Times in <b>UTC+05:30 (the incident start&#x27;s offset)</b>" in chooser.review_status.value


def test_a_new_review_records_its_zone_and_the_console_follows_it(archive):
    chooser = ReviewChooser(archive)
    console = chooser.follow(lambda review_id: MeetingConsole(archive, review_id, chart=False))
    review = chooser.create_review("inc-9", "Queue stall", "2025-01-02T10:00:00+00:00", timezone="America/New_York")
    assert review.timezone == "America/New_York" and chooser.zone.value == ""  # the form is empty for the next
    assert "Created inc-9" in chooser.review_status.value and "<b>America/New_York</b>" in chooser.review_status.value
    archive.add_participant("inc-9", Participant("Ana"))
    console.current.entry.refresh_roster()
    c = console.current.say("Ana", "timeline_event", "Queue stalled.", "5:10am")  # typed in New York
    assert c.event_time == datetime(2025, 1, 2, 10, 10, tzinfo=timezone.utc)


def test_a_zone_that_is_not_one_is_refused_and_the_form_kept(archive):
    chooser = ReviewChooser(archive)
    chooser.new_id.value, chooser.title.value = "inc-9", "Queue stall"
    chooser.incident_start.value, chooser.zone.value = "2025-01-02T10:00:00+00:00", "Europe/Berln"
    chooser.create_button.click()
    assert "Not created:" in chooser.review_status.value and "Europe/Berln" in chooser.review_status.value
    assert chooser.zone.value == "Europe/Berln" and chooser.title.value == "Queue stall"
    assert archive.reviews() == [] and chooser.review_id == ""
