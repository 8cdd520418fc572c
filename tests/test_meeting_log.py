"""The meeting's state in the archive: start, pauses, end, reopening, the open topic; the soak time from the end."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from reviewlab.errors import ImportFormatError, MeetingClosed, ValidationError
from reviewlab.planning.gate import soak_gate

T0 = datetime(2025, 3, 6, 13, 0, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_whole_meeting_is_stored_and_read_back(archive, review):
    archive.start_meeting("r1", by="Fay", at=at(0))
    archive.open_topic("r1", "detection", by="Fay", at=at(1))
    archive.pause_meeting("r1", by="Fay", at=at(40))
    archive.resume_meeting("r1", by="Fay", at=at(50))
    archive.open_phase("r1", "went_right", by="Fay", at=at(60))
    state = archive.end_meeting("r1", by="Fay", at=at(84))
    assert state.status == "ended" and state.elapsed(at(500)) == timedelta(minutes=74)
    assert state.time_on("detection", at(500)) == timedelta(minutes=49)  # 1-40 and 50-60
    assert state.time_on("went_right", at(500)) == timedelta(minutes=24)
    review = archive.get_review("r1")
    assert (review.meeting_at, review.meeting_ended_at, review.status.value) == (at(0), at(84), "meeting_held")
    again = archive.meeting_state("r1")
    assert (again.status, again.ended, again.current) == ("ended", at(84), None)
    assert [e.by for e in archive.meeting_log("r1")] == ["Fay"] * 6


def test_soak_time_counts_from_the_end(archive, review):
    archive.start_meeting("r1", at=at(0))
    archive.end_meeting("r1", at=at(80))
    review = archive.get_review("r1")
    assert soak_gate(review, at(0) + timedelta(hours=24, minutes=30)).state == "soaking"
    assert soak_gate(review, at(80) + timedelta(hours=24)).state == "open"
    assert soak_gate(review, at(80) + timedelta(hours=24)).ready_at == at(80) + timedelta(hours=24)


def test_reopening_records_who_and_why_and_the_gate_waits_again(archive, review):
    archive.start_meeting("r1", at=at(0))
    archive.end_meeting("r1", at=at(60))
    with pytest.raises(ValidationError, match="who reopens it .by. and why"):
        archive.reopen_meeting("r1", by="Fay", why=" ", at=at(70))
    state = archive.reopen_meeting("r1", by="Fay", why="Bo joined late with the pager log", at=at(70))
    assert state.status == "running" and state.reopenings[0].note == "Bo joined late with the pager log"
    review = archive.get_review("r1")
    assert review.meeting_ended_at is None and review.status.value == "meeting"
    assert soak_gate(review, at(60) + timedelta(days=3)).state == "not_held"
    archive.add_contribution("r1", "Bo", "observation", "The pager log shows 10:01.")
    archive.end_meeting("r1", at=at(80))
    assert archive.meeting_state("r1").elapsed(at(999)) == timedelta(minutes=70)


def test_capture_is_closed_after_the_end(archive, review):
    archive.start_meeting("r1", at=at(0))
    archive.end_meeting("r1", at=at(30))
    with pytest.raises(MeetingClosed, match="ended at 2025-03-06 13:30 .UTC.; capture is closed.*reopen"):
        archive.add_contribution("r1", "Ana", "observation", "Too late.")
    # interview notes and planning items are other phases: not the meeting's capture
    archive.add_contribution("r1", "Ana", "repair_item", "Plan this.", phase="planning")


@pytest.mark.parametrize(("presses", "message"), [
    (["paused"], "has not started yet"),
    (["started", "started"], "already started"),
    (["started", "resumed"], "is not paused"),
    (["started", "paused", "paused"], "already paused"),
    (["started", "reopened"], "has not ended"),
    (["started", "ended", "paused"], "has ended; reopen it first"),
])
def test_presses_out_of_order_are_refused(archive, review, presses, message):
    *before, last = presses
    for i, action in enumerate(before):
        archive.record_meeting("r1", action, at=at(i))
    with pytest.raises(ValidationError, match=message):
        archive.record_meeting("r1", last, by="Fay", note="why", at=at(10))
    assert len(archive.meeting_log("r1")) == len(before)


def test_the_meeting_log_round_trips_through_the_review_json(archive, review):
    archive.start_meeting("r1", by="Fay", at=at(0))
    archive.open_topic("r1", "detection", by="Fay", at=at(2))
    archive.end_meeting("r1", by="Fay", at=at(30))
    archive.reopen_meeting("r1", by="Fay", why="one more voice", at=at(35))
    archive.end_meeting("r1", by="Fay", at=at(45))
    archive.update_review("r1", timezone="Europe/Berlin")
    data = archive.export_review("r1")
    assert data["review"]["timezone"] == "Europe/Berlin"
    assert data["review"]["meeting_ended_at"] == at(45).isoformat()
    assert [e["action"] for e in data["meeting_log"]] == ["started", "opened_topic", "ended", "reopened", "ended"]
    archive.import_review(data, overwrite=True)
    assert archive.export_review("r1") == data
    data["review"]["meeting_ended_at"] = at(50).isoformat()
    with pytest.raises(ImportFormatError, match="do not match its meeting log"):
        archive.import_review(data, overwrite=True)


def test_the_report_says_when_the_meeting_ran_and_who_reopened_it(archive, review):
    from reviewlab.report import review_report

    archive.update_review("r1", timezone="Europe/Berlin")
    archive.start_meeting("r1", at=at(0))
    archive.end_meeting("r1", at=at(40))
    archive.reopen_meeting("r1", by="Fay", why="Bo had the pager log", at=at(50))
    archive.end_meeting("r1", at=at(60))
    md = review_report(archive, "r1")
    assert ("**Review meeting**: 2025-03-06 14:00 CET to 15:00 (50 min); reopened 2025-03-06 14:50 by Fay: "
            "Bo had the pager log") in md
