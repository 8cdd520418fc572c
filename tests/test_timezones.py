"""One named time zone per review, and times as people type them."""

from __future__ import annotations

import pytest

from reviewlab.errors import ValidationError
from reviewlab.model import Review
from reviewlab.report import review_report
from reviewlab.timezones import check_timezone, clock_text, zone_label
from reviewlab.typed_times import event_time


def berlin(**changes) -> Review:
    fields = {"incident_start": "2025-11-18T08:05:00+01:00", "incident_end": "2025-11-18T09:30:00+01:00",
              "timezone": "Europe/Berlin", **changes}
    return Review("r1", "Basket totals", **fields)


@pytest.mark.parametrize(("given", "stored"), [
    ("Europe/Berlin", "Europe/Berlin"), ("europe/berlin", "Europe/Berlin"), ("America/New York", "America/New_York"),
    ("UTC", "UTC"), ("z", "UTC"), ("+01:00", "+01:00"), ("UTC+1", "+01:00"), ("-0530", "-05:30"), ("", None),
    (None, None),
])
def test_zone_names_and_offsets(given, stored):
    assert check_timezone(given) == stored


@pytest.mark.parametrize("bad", ["Mars/Olympus", "+15:00", "CEST+", "../etc/passwd", 3])
def test_unknown_zones_are_refused_with_what_is_accepted(bad):
    with pytest.raises(ValidationError, match="Europe/Berlin"):
        Review("r1", "x", "2025-01-01T10:00:00+00:00", timezone=bad)


def test_without_a_zone_the_incident_start_offset_is_used_and_said():
    r = Review("r1", "x", "2025-06-02T08:15:00+02:00")
    assert zone_label(r) == "UTC+02:00 (the incident start's offset)"
    assert clock_text(r.incident_start, r) == "08:15"
    assert zone_label(berlin()) == "Europe/Berlin"


@pytest.mark.parametrize("typed", ["08:20", "8:20", "8.20", "0820", "820", "8h20", "8:20am", "8:20 a.m.", "08:20:00"])
def test_morning_as_people_type_it(typed):
    assert event_time(typed, berlin()).isoformat() == "2025-11-18T08:20:00+01:00"


@pytest.mark.parametrize("typed", ["20:20", "8:20pm", "8.20 PM", "2020"])
def test_evening_as_people_type_it(typed):
    r = berlin(incident_end="2025-11-18T23:00:00+01:00")
    assert event_time(typed, r).isoformat() == "2025-11-18T20:20:00+01:00"


def test_after_midnight_when_the_incident_crossed_it():
    r = berlin(incident_start="2025-11-18T23:10:00+01:00", incident_end="2025-11-19T01:30:00+01:00")
    assert event_time("23:40", r).isoformat() == "2025-11-18T23:40:00+01:00"
    assert event_time("00:20", r).isoformat() == "2025-11-19T00:20:00+01:00"
    assert event_time("23:05", r).isoformat() == "2025-11-18T23:05:00+01:00"  # just before the start
    open_ended = berlin(incident_start="2025-11-18T23:10:00+01:00", incident_end=None)
    assert event_time("0:20", open_ended).isoformat() == "2025-11-19T00:20:00+01:00"


def test_a_day_time_is_not_moved_to_the_next_day():
    r = berlin(incident_end=None)
    assert event_time("07:50", r).date().isoformat() == "2025-11-18"
    assert event_time("23:00", r).date().isoformat() == "2025-11-18"


def test_the_zone_is_the_reviews_not_the_incident_offset():
    r = Review("r1", "x", "2025-03-29T21:00:00+00:00", incident_end="2025-03-30T04:00:00+00:00",
               timezone="Europe/Berlin")  # start given in UTC; Berlin changes to summer time that night
    assert event_time("22:30", r).isoformat() == "2025-03-29T22:30:00+01:00"
    assert event_time("03:30", r).isoformat() == "2025-03-30T03:30:00+02:00"
    with pytest.raises(ValidationError, match="02:30 does not exist on 2025-03-30 in Europe/Berlin"):
        event_time("02:30", r)


def test_full_times_keep_their_offset_or_take_the_zone():
    r = berlin()
    assert event_time("2025-11-18T07:20:00+00:00", r).isoformat() == "2025-11-18T07:20:00+00:00"
    assert event_time("2025-11-18 08:20", r).isoformat() == "2025-11-18T08:20:00+01:00"


@pytest.mark.parametrize(("typed", "says"), [
    ("half past eight", "is not a time I can read. Type the time of day as 08:20, 8:20, 8.20, 0820, 8:20pm or 20:20 "
                        r"\(on the incident's day, 2025-11-18, Europe/Berlin\)"),
    ("8", "is not a time I can read"),
    ("25:70", "hours run 0-23 and minutes 0-59"),
    ("13pm", "with am/pm the hour runs from 1 to 12"),
])
def test_refusals_say_what_is_accepted(typed, says):
    with pytest.raises(ValidationError, match=says):
        event_time(typed, berlin())


def test_report_shows_times_in_the_zone_and_names_it(archive):
    from reviewlab.model import Participant

    archive.add_review(Review("z1", "Feed late", "2025-11-18T07:05:00+00:00", timezone="Europe/Berlin",
                              incident_end="2025-11-18T08:30:00+00:00"), [Participant("Ana")])
    archive.add_contribution("z1", "Ana", "timeline_event", "Feed landed", event_time="2025-11-18T07:20:00+00:00")
    md = review_report(archive, "z1")
    assert "**Times in**: Europe/Berlin" in md
    assert "2025-11-18 08:05 CET to 2025-11-18 09:30 CET" in md
    assert "- 08:20 · **Ana**: Feed landed" in md


def test_a_review_that_knows_only_its_day_takes_times_in_its_named_zone():
    day_only = Review("r1", "t", incident_date="2025-05-06", timezone="Europe/Berlin")
    assert event_time("14:04", day_only).isoformat() == "2025-05-06T14:04:00+02:00"
    with pytest.raises(ValidationError, match="does not know; write the full time with its offset"):
        event_time("14:04", Review("r1", "t", incident_date="2025-05-06"))  # no zone: never guessed
    with pytest.raises(ValidationError, match="records no time zone"):
        event_time("2025-05-06 14:04", Review("r1", "t", incident_date="2025-05-06"))
    assert zone_label(Review("r1", "t")) == "UTC (no time zone recorded)"
