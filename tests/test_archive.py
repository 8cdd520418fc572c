"""The archive: roster rules, reads, frames, plans, migrations."""

from __future__ import annotations

import sqlite3
import warnings

import pytest

from reviewlab import open_archive
from reviewlab.bundle import EventTimeWarning
from reviewlab.errors import ArchiveError, DuplicateError, NotFound, ReviewNotFound, ValidationError
from reviewlab.model import Participant, RepairPlan, Review
from reviewlab.schema import LATEST


def test_contribution_from_someone_not_on_the_roster_is_refused(archive, review):
    with pytest.raises(ValidationError, match=r"'Zed' is not on the roster of review r1; add them first \(roster: Ana, Bo, Fay\)"):
        archive.add_contribution("r1", "Zed", "observation", "I saw it too.")
    assert archive.contributions("r1") == []


def test_duplicate_participant_names_are_refused(archive, review):
    with pytest.raises(DuplicateError, match="'Ana' is already on the roster"):
        archive.add_participant("r1", Participant("Ana"))
    with pytest.raises(ValidationError, match="appears twice"):
        archive.add_review(Review("r2", "t", "2025-01-01T00:00:00+00:00"), [Participant("X"), Participant("X")])
    assert [r.id for r in archive.reviews()] == ["r1"]


def test_facilitator_must_be_on_the_roster(archive):
    with pytest.raises(ValidationError, match="facilitator 'Nobody' is not on the roster"):
        archive.add_review(Review("r2", "t", "2025-01-01T00:00:00+00:00", facilitator="Nobody"), [Participant("X")])


def test_duplicate_review_id(archive, review):
    with pytest.raises(DuplicateError, match="review 'r1' already exists"):
        archive.add_review(review)


def test_unknown_review_names_recent_ids(archive, review):
    with pytest.raises(ReviewNotFound, match=r"no review 'r9' in :memory:. Recent ids: r1. Try: reviewlab list"):
        archive.get_review("r9")
    with pytest.raises(NotFound):
        archive.get_contribution("nope")


def test_contributions_round_trip_and_filter(archive, review):
    first = archive.add_contribution("r1", "Ana", "timeline_event", "Errors began", event_time="2025-03-04T10:02:00+00:00")
    second = archive.add_contribution("r1", "Bo", "timeline_event", "I saw errors at 10:05",
                                      event_time="2025-03-04T10:05:00+00:00", links_to=first.id)
    archive.add_contribution("r1", "Bo", "went_right", "The rollback took two minutes.", tags=["rollback"])
    archive.add_contribution("r1", "Ana", "observation", "Private note", phase="interview", private=True)
    assert archive.get_contribution(second.id) == second
    assert [c.text for c in archive.contributions("r1", kind="timeline_event")] == ["Errors began", "I saw errors at 10:05"]
    assert [c.private for c in archive.contributions(phase="interview")] == [True]


def test_link_must_stay_inside_the_review(archive, review):
    with pytest.raises(ValidationError, match="links_to 'ghost' is not a contribution of review r1"):
        archive.add_contribution("r1", "Ana", "observation", "x", links_to="ghost")


def test_event_far_outside_the_window_warns_but_is_kept(archive, review):
    with pytest.warns(EventTimeWarning, match="more than a day outside the incident window"):
        c = archive.add_contribution("r1", "Ana", "timeline_event", "Deploy", event_time="2025-02-01T09:00:00+00:00")
    assert archive.get_contribution(c.id).event_time.month == 2


def test_contributions_frame_has_the_analysis_columns(archive, review):
    archive.add_contribution("r1", "Ana", "observation", "Latency rose on checkout.")
    archive.add_contribution("r1", "Bo", "learning", "I did not know the pool was per node.")
    frame = archive.contributions_frame()
    needed = {"contribution_id", "review_id", "review_title", "participant", "role", "kind", "phase", "text",
              "recorded_at", "event_time", "services", "severity", "incident_start"}
    assert needed <= set(frame.columns)
    assert list(frame["role"]) == ["incident_commander", "responder"]
    assert frame.loc[0, "services"] == ["checkout-api"]
    assert str(frame["recorded_at"].dt.tz) == "UTC" and frame["event_time"].isna().all()
    assert archive.contributions_frame("nope").empty


def test_plans_only_for_repair_items(archive, review):
    obs = archive.add_contribution("r1", "Ana", "observation", "We lacked an alert.")
    item = archive.add_contribution("r1", "Ana", "repair_item", "Add an alert on pool saturation.")
    with pytest.raises(ValidationError, match="not a repair_item"):
        archive.set_plan(RepairPlan(obs.id, effort="S"))
    archive.set_plan(RepairPlan(item.id, effort="S", owner="Bo", due="2025-04-01"))
    archive.set_plan(RepairPlan(item.id, effort="M", status="done"))
    [plan] = archive.plans("r1")
    assert plan.effort.value == "M" and plan.status.value == "done"
    assert archive.get_contribution(item.id).text == "Add an alert on pool saturation."  # planning never edits it


def test_update_review(archive, review):
    updated = archive.update_review("r1", status="meeting_held", meeting_at="2025-03-06T13:00:00+00:00")
    assert archive.get_review("r1") == updated
    with pytest.raises(ValidationError, match="is not known"):
        archive.update_review("r1", status="finished")
    with pytest.raises(ValidationError, match="cannot change"):
        archive.update_review("r1", id="r2")


def test_delete_review(archive, review):
    archive.add_contribution("r1", "Ana", "repair_item", "Add an alert.")
    archive.delete_review("r1")
    assert archive.reviews() == [] and archive.contributions() == []


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "a.db"
    with open_archive(path) as a:
        assert a.schema_version() == LATEST
    with open_archive(f"sqlite:///{path}") as a:
        assert a.schema_version() == LATEST
        rows = a._rows("SELECT version FROM schema_version ORDER BY version")
    assert [r["version"] for r in rows] == list(range(1, LATEST + 1))


def test_an_old_archive_is_migrated_forward(tmp_path):
    from reviewlab.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    version, name, apply = MIGRATIONS[0]
    apply(conn)
    conn.execute("INSERT INTO schema_version VALUES (?, ?, '')", (version, name))
    conn.execute("INSERT INTO reviews (id, title, incident_start, severity, status) VALUES "
                 "('old', 'Old one', '2024-01-01T00:00:00+00:00', 'SEV3', 'planning_done')")
    conn.close()
    with open_archive(path) as a:
        assert a.schema_version() == LATEST
        assert a.get_review("old").planning_override is None


def test_wal_and_foreign_keys(tmp_path):
    with open_archive(tmp_path / "a.db") as a:
        assert a._rows("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
        assert a._rows("PRAGMA foreign_keys")[0]["foreign_keys"] == 1


def test_bad_paths_and_urls(tmp_path):
    with pytest.raises(ArchiveError, match="postgresql.* is not supported yet"):
        open_archive("postgresql://localhost/reviews")
    with pytest.raises(ArchiveError, match="does not exist"):
        open_archive(tmp_path / "missing" / "a.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ArchiveError, match="is not a reviewlab archive .not a SQLite database"):
        open_archive(junk)


def test_embedding_cache(archive):
    import numpy as np

    archive.put_embeddings("m", {"h1": np.arange(3, dtype=np.float32), "h2": np.ones(3)})
    got = archive.get_embeddings("m", ["h1", "h2", "h3", "h1"])
    assert set(got) == {"h1", "h2"} and got["h1"].tolist() == [0, 1, 2]
    assert archive.get_embeddings("other-model", ["h1"]) == {}


def test_no_warning_for_ordinary_writes(archive, review):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        archive.add_contribution("r1", "Ana", "timeline_event", "Paged", event_time="2025-03-04T10:01:00+00:00")


def test_a_home_relative_path_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    with open_archive("~/reviews.db") as a:
        assert a.path == str(tmp_path / "reviews.db")
    assert (tmp_path / "reviews.db").exists()
