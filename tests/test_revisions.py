"""Corrections and withdrawals in the archive: never deleted, recorded with who and when, followed by
every default read (lists, frames, reports, analysis input), kept in the review JSON."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from reviewlab.errors import ImportFormatError, NotFound, ValidationError
from reviewlab.model import RepairPlan
from reviewlab.report import review_report
from reviewlab.revisions import RevisionAction

AT = datetime(2025, 3, 6, 14, 0, tzinfo=timezone.utc)


@pytest.fixture
def said(archive, review):
    """Three contributions of r1: a typo, a double press and an event."""
    typo = archive.add_contribution("r1", "Ana", "observation", "The pool was saturatd.")
    once = archive.add_contribution("r1", "Bo", "went_right", "The rollback took two minutes.")
    twice = archive.add_contribution("r1", "Bo", "went_right", "The rollback took two minutes.")
    event = archive.add_contribution("r1", "Bo", "timeline_event", "Errors began", event_time="2025-03-04T10:02:00+00:00")
    return typo, once, twice, event


def test_a_correction_supersedes_and_keeps_the_old_version(archive, said):
    typo = said[0]
    fixed = archive.correct_contribution(typo.id, by="Fay", reason="typo", text="The pool was saturated.", at=AT)
    assert fixed.text == "The pool was saturated." and fixed.recorded_at == typo.recorded_at
    assert archive.get_contribution(typo.id).text == "The pool was saturated."
    [rev] = archive.revisions("r1")
    assert (rev.action, rev.by, rev.at, rev.reason, rev.old_text) == (
        RevisionAction.CORRECTED, "Fay", AT, "typo", "The pool was saturatd.")
    versions = archive.history(typo.id)
    assert [(v.number, v.contribution.text, v.by) for v in versions] == [
        (1, "The pool was saturatd.", "Ana"), (2, "The pool was saturated.", "Fay")]
    assert versions[1].since == AT


def test_correct_who_kind_and_time_and_again(archive, said):
    event = said[3]
    archive.correct_contribution(event.id, by="Fay", participant="Ana", event_time="2025-03-04T10:05:00+00:00")
    archive.correct_contribution(event.id, by="Fay", kind="observation", text="Errors began after the deploy.")
    now = archive.get_contribution(event.id)
    assert (now.participant, now.kind.value, now.event_time) == ("Ana", "observation", None)
    history = archive.history(event.id)
    assert [(v.contribution.participant, v.contribution.kind.value, v.contribution.event_time and
             v.contribution.event_time.strftime("%H:%M")) for v in history] == [
        ("Bo", "timeline_event", "10:02"), ("Ana", "timeline_event", "10:05"), ("Ana", "observation", None)]


def test_corrections_that_make_no_sense_are_refused(archive, said):
    typo, _once, _twice, event = said
    with pytest.raises(ValidationError, match="changes nothing"):
        archive.correct_contribution(typo.id, by="Fay", text=" The pool was saturatd. ")
    with pytest.raises(ValidationError, match="not on the roster"):
        archive.correct_contribution(typo.id, by="Fay", participant="Zed")
    with pytest.raises(ValidationError, match="needs an event_time"):
        archive.correct_contribution(typo.id, by="Fay", kind="timeline_event")
    with pytest.raises(ValidationError, match="by"):
        archive.correct_contribution(typo.id, by="  ", text="x")
    with pytest.raises(NotFound):
        archive.correct_contribution("r1-ghost", by="Fay", text="x")
    assert archive.revisions("r1") == []


def test_withdraw_hides_everywhere_and_undo_brings_it_back(archive, said):
    twice = said[2]
    archive.withdraw_contribution(twice.id, by="Fay", reason="double press", at=AT)
    assert twice.id not in [c.id for c in archive.contributions("r1")]
    assert twice.id not in set(archive.contributions_frame()["contribution_id"])
    assert int(archive.reviews_frame().loc[0, "n_contributions"]) == 3
    assert archive.get_contribution(twice.id).withdrawn
    full = archive.contributions_frame("r1", include_withdrawn=True)
    assert full.set_index("contribution_id").loc[twice.id, "withdrawn"]
    assert [c.id for c in archive.contributions("r1", include_withdrawn=True)][2] == twice.id
    assert review_report(archive, "r1").count("The rollback took two minutes.") == 1
    with pytest.raises(ValidationError, match="already withdrawn"):
        archive.withdraw_contribution(twice.id, by="Fay")
    with pytest.raises(ValidationError, match="is withdrawn; undo the withdrawal"):
        archive.correct_contribution(twice.id, by="Fay", text="x")
    archive.restore_contribution(twice.id, by="Fay", reason="not a duplicate after all")
    assert twice.id in [c.id for c in archive.contributions("r1")]
    assert [r.action.value for r in archive.revisions(contribution_id=twice.id)] == ["withdrawn", "restored"]


def test_report_uses_the_latest_version_and_says_what_changed(archive, said):
    typo, _once, twice, _event = said
    archive.correct_contribution(typo.id, by="Fay", text="The pool was saturated.")
    archive.withdraw_contribution(twice.id, by="Fay")
    md = review_report(archive, "r1")
    assert "The pool was saturated." in md and "saturatd" not in md
    assert "Contributions 1 corrected and 1 withdrawn during the review" in md


def test_a_planned_repair_item_stays_a_repair_item(archive, review):
    item = archive.add_contribution("r1", "Ana", "repair_item", "Add an alert on pool saturation.")
    archive.set_plan(RepairPlan(item.id, effort="S"))
    with pytest.raises(ValidationError, match="stays a repair item"):
        archive.correct_contribution(item.id, by="Fay", kind="observation")
    assert archive.correct_contribution(item.id, by="Fay", text="Alert on pool saturation over 90%.").kind.value == \
        "repair_item"


def test_history_round_trips_through_the_review_json(archive, said, tmp_path):
    typo, _once, twice, event = said
    archive.correct_contribution(typo.id, by="Fay", reason="typo", text="The pool was saturated.", at=AT)
    archive.withdraw_contribution(twice.id, by="Fay", reason="double press", at=AT)
    data = archive.export_review("r1", tmp_path / "r1.json")
    assert [r["action"] for r in data["revisions"]] == ["corrected", "withdrawn"]
    assert data["revisions"][0]["old_text"] == "The pool was saturatd."
    assert [c.get("withdrawn", False) for c in data["contributions"]] == [False, False, True, False]
    archive.import_review(tmp_path / "r1.json", overwrite=True)
    assert archive.export_review("r1") == json.loads((tmp_path / "r1.json").read_text())
    assert [v.contribution.text for v in archive.history(typo.id)] == ["The pool was saturatd.", "The pool was saturated."]
    assert twice.id not in [c.id for c in archive.contributions("r1")]


def test_import_refuses_a_withdrawal_nobody_recorded(archive, said, tmp_path):
    data = archive.export_review("r1")
    data["contributions"][2]["withdrawn"] = True
    with pytest.raises(ImportFormatError, match="withdrawn, but its revisions say nothing of who withdrew it"):
        archive.import_review(data, overwrite=True)
    data["contributions"][2]["withdrawn"] = False
    data["revisions"] = [{"contribution_id": "r1-nope", "action": "withdrawn", "by": "Fay", "at": AT.isoformat()}]
    with pytest.raises(ImportFormatError, match="r1-nope, which is not in review r1"):
        archive.import_review(data, overwrite=True)
    data["revisions"] = [{"contribution_id": said[0].id, "action": "corrected", "by": "Fay", "at": AT.isoformat()}]
    with pytest.raises(ImportFormatError, match="must keep the version it replaced"):
        archive.import_review(data, overwrite=True)


def test_a_misspelt_history_field_is_refused_not_dropped(archive, said):
    data = archive.export_review("r1")
    data["revision"] = [{"contribution_id": said[0].id, "action": "withdrawn", "by": "Fay", "at": AT.isoformat()}]
    with pytest.raises(ImportFormatError, match="unknown field.s. revision;"):
        archive.import_review(data, overwrite=True)


def test_an_older_export_does_not_silently_drop_later_corrections(archive, said):
    from reviewlab.errors import WouldRemoveWork

    older = archive.export_review("r1")
    archive.correct_contribution(said[0].id, by="Fay", text="The pool was saturated.")
    archive.start_meeting("r1", by="Fay")
    with pytest.raises(WouldRemoveWork, match=r"2 recorded change\(s\): corrected r1-c-\w+, meeting started"):
        archive.import_review(older, overwrite=True)
    assert archive.get_contribution(said[0].id).text == "The pool was saturated."
