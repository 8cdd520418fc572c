"""What an imported review does not know, shown honestly on every surface: list, show, dry run,
report, timeline chart and soak gate; and archives made before the change keep every review."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive, schema
from reviewlab.cli import cli
from reviewlab.errors import SoakTimeNotOver
from reviewlab.importers import import_paths, read_file
from reviewlab.model import Contribution, Review
from reviewlab.planning import soak_gate
from reviewlab.report import review_report
from reviewlab.unknowns import incident_day, incident_when, timeline_order

DATA = Path(__file__).parent / "data"
NOW = datetime(2025, 10, 1, 12, 0, tzinfo=timezone.utc)
UNTIMED = DATA / "postmortem-pass-no-timezone.md"  # start known only to the day, times without a zone
UNTITLED = DATA / "postmortem-pass-untitled.md"  # no severity, no title
RETRO = DATA / "postmortem-pass-blameless-retro.md"  # one entry without a time, in the middle of the night


def event(cid, when=None, written=None):
    return Contribution(cid, "r1", "Ana", "timeline_event", cid, NOW, event_time=when, time_text=written)


def test_an_event_without_a_time_keeps_its_place():
    t = lambda h: datetime(2025, 1, 1, h, tzinfo=timezone.utc)  # noqa: E731
    order = timeline_order([event("a", t(9)), event("late", t(11)), event("b", None, "~?"), event("c", t(10)),
                            event("after_c", None, "later")])
    assert [c.id for c in order] == ["a", "c", "after_c", "late", "b"]
    assert [c.id for c in timeline_order([event("x", None, "?"), event("y", t(8))])] == ["x", "y"]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWLAB_ARCHIVE", str(tmp_path / "reviews.db"))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_dry_run_shows_kinds_timeline_counts_and_notes(run, tmp_path):
    result = run("import", UNTIMED, "--dry-run")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "postmortem-pass-no-timezone: Payment retries doubled charges (1 participant(s); 2 timeline_event)" in out
    assert "timeline: 2 entries, 0 with a time, 2 without (kept as written)" in out
    assert "import notes (3):" in out and "import with --timezone" in out
    assert not (tmp_path / "reviews.db").exists()
    placed = run("import", UNTIMED, "--dry-run", "--timezone", "UTC").output
    assert "timeline: 2 entries, 2 with a time, 0 without" in placed


def test_list_and_show_say_what_is_unknown(run):
    assert run("import", UNTIMED, RETRO, UNTITLED).exit_code == 0
    listed = run("list").output.splitlines()
    assert [line.split()[0] for line in listed] == ["postmortem-pass-untitled", "postmortem-pass-no-timezone",
                                                    "postmortem-pass-blameless-retro"]
    assert listed[0].split()[1:4] == ["2025-04-02", "UTC", "?"] and listed[0].endswith("[4 import note(s)]")
    assert listed[1].split()[1:4] == ["2025-05-19", "?", "SEV2"] and listed[1].endswith("[3 import note(s)]")
    assert "severity unknown; incident start 2025-04-02 18:02 UTC" in run("show", "postmortem-pass-untitled").output
    shown = run("show", "postmortem-pass-no-timezone").output
    assert "severity SEV2; incident start 2025-05-19 (start time unknown)" in shown
    assert "[timeline_event 11:04 (time unknown)] written postmortem: Retry settings deployed." in shown
    assert "import notes (3):" in shown and "- line 12: timeline entries kept as written" in shown
    retro = run("show", "postmortem-pass-blameless-retro").output
    assert "[timeline_event 00:20] written postmortem: Engineer finds" not in retro  # another day than the start
    assert "[timeline_event 2025-06-14 00:20] written postmortem: Engineer finds" in retro
    assert "[timeline_event time unknown] written postmortem: Somewhere after 02:00" in retro


def test_the_report_says_what_is_unknown_and_lists_the_notes(archive):
    import_paths(archive, [UNTIMED, RETRO, UNTITLED], now=NOW)
    assert "- **Severity**: unknown" in review_report(archive, "postmortem-pass-untitled", "md")
    md = review_report(archive, "postmortem-pass-no-timezone", "md")
    assert "- **Incident**: 2025-05-19 (start time unknown) to -" in md
    assert "- 11:04 (time unknown) \u00b7 **written postmortem**: Retry settings deployed." in md
    assert "2 of 2 timeline event(s) have no placeable time" in md
    assert md.index("## Import notes") > md.index("## Repair items parked for planning")
    assert "- line 12: timeline entries kept as written, without a time: no time zone is given" in md
    html = review_report(archive, "postmortem-pass-blameless-retro", "html", charts=False)
    assert "<h2>Import notes</h2>" in html and "time unknown" in html
    retro = review_report(archive, "postmortem-pass-blameless-retro", "md")
    lines = [line for line in retro.splitlines() if "\u00b7 **written postmortem**" in line]
    assert "00:31" in lines[5] and "Somewhere after 02:00" in lines[6]  # kept in its place, after 00:31


def test_the_timeline_chart_says_how_many_events_it_cannot_draw(archive):
    from reviewlab.charts.timeline import timeline_chart

    import_paths(archive, [RETRO], now=NOW)
    spec = timeline_chart(archive.contributions_frame("postmortem-pass-blameless-retro")).to_dict()
    assert spec["title"]["subtitle"] == ["1 event(s) without a placeable time are not drawn; "
                                         "the report lists them in place"]


def test_the_soak_gate_judges_an_imported_review_by_its_dates():
    old = Review("r1", "t", status="meeting_held", document_date="2024-07-08")
    gate = soak_gate(old, NOW)
    assert gate.open and gate.state == "open"
    assert "is not recorded (imported); the latest date it carries is 2024-07-08" in gate.message()
    recent = Review("r2", "t", status="meeting_held", incident_date="2025-10-01")
    gate = soak_gate(recent, NOW)
    assert (gate.state, gate.open) == ("unknown", False)
    assert "record when the meeting was held (meeting_at), or a reason to go ahead now" in gate.message()
    with pytest.raises(SoakTimeNotOver):
        gate.require_open()
    undated = Review("r3", "t", status="meeting_held", planning_override="Imported; the review was last year.")
    assert soak_gate(undated, NOW).state == "overridden"
    assert soak_gate(Review("r4", "t"), NOW).state == "not_held"


def test_wording_of_unknowns():
    assert incident_when(Review("r1", "t")) == "unknown"
    assert incident_day(Review("r1", "t", document_date="2024-07-08")) == "~2024-07-08"
    assert incident_day(Review("r1", "t")) == "unknown"


def test_a_csv_without_severity_keeps_it_unknown(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("review_id,review_title,incident_start,participant,kind,text\n"
                    "c1,Cache miss storm,2025-01-02T10:00:00+00:00,Ana,observation,The cache emptied.\n")
    assert read_file(path).bundles[0].review.severity is None


def test_an_archive_made_before_keeps_its_reviews_and_learns_the_unknowns(tmp_path, monkeypatch):
    version = next(v for v, _, apply in schema.MIGRATIONS if apply is schema._import_unknowns)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    monkeypatch.setattr(schema, "MIGRATIONS", [m for m in schema.MIGRATIONS if m[0] < version])
    schema.migrate(conn)
    conn.execute("INSERT INTO reviews (id, title, incident_start, severity, status) VALUES "
                 "('r1', 'Old one', '2025-03-04T23:30:00-08:00', 'SEV2', 'meeting_held')")
    conn.execute("INSERT INTO participants VALUES ('r1', 'Ana', 'responder', 1, 0)")
    conn.execute("INSERT INTO contributions (id, review_id, participant, phase, kind, text, recorded_at, event_time)"
                 " VALUES ('r1-c1', 'r1', 'Ana', 'meeting', 'timeline_event', 'Paged', '2025-03-05T08:00:00+00:00',"
                 " '2025-03-04T23:31:00-08:00')")
    conn.close()
    monkeypatch.undo()
    with open_archive(path) as archive:
        assert archive.schema_version() == schema.LATEST
        old = archive.get_review("r1")
        assert (old.severity.value, old.incident_date) == ("SEV2", date(2025, 3, 4))
        assert archive.contributions("r1")[0].time_text is None
        import_paths(archive, [UNTIMED], now=NOW)  # a review with no start and no severity fits now
        assert [r.id for r in archive.reviews()] == ["r1", "postmortem-pass-no-timezone"]
        assert archive.get_review("postmortem-pass-no-timezone").incident_start is None
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_review_known_only_to_the_day_keeps_its_place_in_filters_and_months(archive):
    from reviewlab.charts.themes_over_time import themes_over_time_chart
    from reviewlab.explore import filter_frame

    import_paths(archive, [UNTIMED, RETRO], now=NOW)
    frame = archive.contributions_frame()
    may = filter_frame(frame, start="2025-05-01", end="2025-05-31")
    assert set(may["review_id"]) == {"postmortem-pass-no-timezone"}  # its start is known only to the day
    assert may["incident_start"].isna().all()
    themed = frame.assign(theme_label="billing")
    cells = themes_over_time_chart(themed).to_dict()["datasets"]
    months = sorted(row["month"][:7] for rows in cells.values() for row in rows)
    assert months == ["2025-05", "2025-06"]


def test_the_meeting_board_timeline_shows_an_imported_review(archive):
    from reviewlab.capture.render import timeline_html

    import_paths(archive, [RETRO], now=NOW)
    page = timeline_html(archive.contributions("postmortem-pass-blameless-retro"))
    assert page.count("<tr>") == 7 and "time unknown" in page
    assert page.index("00:31") < page.index("Somewhere after 02:00")


def test_a_live_time_on_a_review_with_an_unknown_start_asks_for_a_full_time():
    from reviewlab.capture.session import parse_event_time
    from reviewlab.errors import ValidationError

    with pytest.raises(ValidationError, match="does not know; write the full time with its offset"):
        parse_event_time("14:04", Review("r1", "t", incident_date="2025-05-06"))
    assert parse_event_time("2025-05-06T14:04:00+02:00", Review("r1", "t")).hour == 14


def test_opening_an_imported_review_in_the_setup_form_says_its_severity_is_unknown(archive):
    from reviewlab.capture.widget_review import ReviewSetup

    import_paths(archive, [UNTITLED], now=NOW)
    setup = ReviewSetup(archive)
    setup.open_or_create("postmortem-pass-untitled", "ignored", "")
    assert "postmortem pass untitled (unknown, meeting_held)" in setup.review_status.value
