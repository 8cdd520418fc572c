"""The `reviewlab` command end to end through CliRunner: help with examples, one-line errors, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.cli import cli

DATA = Path(__file__).parent / "data"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Invoke the command with the archive in tmp_path (through $REVIEWLAB_ARCHIVE, as users set it)."""
    monkeypatch.setenv("REVIEWLAB_ARCHIVE", str(tmp_path / "reviews.db"))
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def filled(run, tmp_path):
    result = run("import", DATA / "review-pass-full.json", DATA / "postmortem-pass-google-sre.md",
                 DATA / "contributions-pass-two-reviews.csv")
    assert result.exit_code == 0, result.output
    return tmp_path / "reviews.db"


def test_every_command_has_help_with_an_example(run):
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0
        assert command.help and "Example: reviewlab " + name in command.help, name
        assert "Example:" in result.output


def test_archive_option_everywhere_it_is_needed():
    for name, command in cli.commands.items():
        if name != "coach":  # checks text only
            assert "archive_path" in {p.name for p in command.params}, name


def test_import_then_list_and_show(run, filled):
    listed = run("list").output.splitlines()
    assert [line.split()[0] for line in listed] == ["postmortem-pass-google-sre", "t-full", "csv-01", "csv-02"]
    shown = run("show", "csv-01").output
    assert "[went_right] Sam Reyes: The pickers flagged it at once" in shown


def test_list_and_show_state_the_zone_and_show_times_in_it(run, tmp_path):
    from datetime import datetime, timezone

    from reviewlab.model import Participant, Review

    with open_archive(tmp_path / "reviews.db") as archive:  # late evening in UTC is the next day in Berlin
        archive.add_review(Review("tz1", "Night job stalled", "2025-11-18T23:30:00+00:00", timezone="Europe/Berlin",
                                  facilitator="Fay"), [Participant("Ana"), Participant("Fay", "facilitator")])
        archive.add_review(Review("tz2", "Offset only", "2025-11-18T08:00:00+05:30"), [Participant("Bo")])
        at = datetime(2025, 11, 20, 9, 0, tzinfo=timezone.utc)
        archive.start_meeting("tz1", by="Fay", at=at)
        slip = archive.add_contribution("tz1", "Ana", "timeline_event", "Job paused.",
                                        event_time="2025-11-18T23:45:00+00:00", recorded_at=at)
        archive.correct_contribution(slip.id, by="Fay", text="Job stopped.", reason="she said stopped")
        twice = archive.add_contribution("tz1", "Ana", "observation", "Pager silent.", recorded_at=at)
        archive.withdraw_contribution(twice.id, by="Fay", reason="double press")
        archive.end_meeting("tz1", by="Fay", at=datetime(2025, 11, 20, 10, 14, tzinfo=timezone.utc))
    listed = {line.split()[0]: line.split()[1:3] for line in run("list").output.splitlines()}
    assert listed == {"tz1": ["2025-11-19", "Europe/Berlin"], "tz2": ["2025-11-18", "UTC+05:30"]}
    shown = run("show", "tz1").output
    assert "incident start 2025-11-19 00:30 CET;" in shown
    assert "  times in Europe/Berlin\n" in shown
    assert "  review meeting: 2025-11-20 10:00 CET to 11:14 (74 min)\n" in shown
    assert "[timeline_event 00:45] Ana: Job stopped." in shown and "Job paused." not in shown
    assert "Pager silent." not in shown and "1 corrected and 1 withdrawn" in shown
    assert "times in UTC+05:30 (the incident start's offset)" in run("show", "tz2").output


def test_import_reports_what_it_did(run, tmp_path):
    result = run("import", DATA / "contributions-pass-two-reviews.csv", "--archive", tmp_path / "other.db")
    assert result.exit_code == 0
    assert "  csv-01: Substitutions picked from the wrong store (3 participant(s);" in result.output
    assert result.output.rstrip().endswith("imported 2 review(s) from 1 file(s)")
    assert len(open_archive(tmp_path / "other.db").reviews()) == 2


def test_import_dry_run_writes_nothing(run, tmp_path):
    result = run("import", DATA / "postmortem-pass-headings-vary.md", "--dry-run")
    assert result.exit_code == 0
    assert "would import 1 review(s) from 1 file(s) (dry run: nothing written)" in result.output
    assert "postmortem-pass-headings-vary: Incident report: Driver app could not load routes" in result.output
    assert not (tmp_path / "reviews.db").exists()


def test_bad_file_is_one_line_error_and_nothing_imported(run, filled):
    result = run("import", DATA / "contributions-pass-two-reviews.csv", DATA / "postmortem-fail-binary.md",
                 "--overwrite")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith("Error: ") and "postmortem-fail-binary.md: is a binary file" in lines[0]
    assert len(run("list").output.splitlines()) == 4


def test_import_twice_says_to_overwrite(run, filled):
    result = run("import", DATA / "review-pass-full.json")
    assert result.exit_code == 1 and "reviewlab import --overwrite" in result.output
    assert run("import", DATA / "review-pass-full.json", "--overwrite").exit_code == 0


def test_report_markdown_to_stdout(run, filled):
    result = run("report", "t-full")
    assert result.exit_code == 0
    assert result.output.startswith("# t-full: Search results empty after index swap\n")
    assert r"\<script\>alert(1)\</script\>" in result.output


def test_report_html_to_file(run, filled, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "csv-01", "--format", "html", "-o", out, "--no-charts")
    assert result.exit_code == 0 and f"wrote {out}" in result.stderr
    assert out.read_text().startswith("<!DOCTYPE html>") and "Substitutions picked from the wrong store" in out.read_text()


def test_report_unknown_review_says_what_to_do(run, filled):
    result = run("report", "r404")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no review 'r404'") and "Try: reviewlab list" in result.output


def test_coach_flags_and_suggests(run):
    result = run("coach", "Why didn't you roll back sooner?")
    assert result.exit_code == 0
    assert result.output.startswith('why_question at 0-3: "Why"')
    assert "  try: " in result.output


def test_coach_clean_json_strict_and_stdin(run):
    assert run("coach", "What factored into your decision?").output.startswith("Nothing flagged")
    found = json.loads(run("coach", "Why did you restart it?", "--json").output)
    assert found[0]["label"] == "why_question" and found[0]["span"] == [0, 3]
    assert run("coach", "Why did you restart it?", "--strict").exit_code == 1
    assert run("coach", "-", input="Why did you restart it?").output.startswith("why_question")


def test_analyze_on_an_empty_archive_says_what_to_do(run, tmp_path):
    assert run("init", "--archive", tmp_path / "empty.db").exit_code == 0
    result = run("analyze", "--archive", tmp_path / "empty.db")
    assert result.exit_code == 1
    assert "no contributions to analyze; import reviews first: reviewlab import PATH" in result.output


def test_analyze_with_a_missing_model_is_one_line(run, filled, tmp_path):
    result = run("analyze", "--model", tmp_path / "no-such-model")
    assert result.exit_code == 1 and result.output.startswith("Error: could not load embedding model")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_analyze_writes_themes_and_a_report(run, filled, tmp_path):
    result = run("analyze", "--min-size", 2, "-o", tmp_path / "themes.csv", "--report", tmp_path / "themes.md")
    assert result.exit_code == 0, result.output
    header = (tmp_path / "themes.csv").read_text().splitlines()[0]
    assert header == "theme,label,keywords,size,n_reviews,first_seen,last_seen,representatives,kinds"
    assert (tmp_path / "themes.md").read_text().startswith("# Themes across reviews")
    result = run("analyze", "--min-size", 2, "--format", "json", "--contributions", "--kind", "went_right")
    rows = json.loads(result.stdout)
    assert rows and {r["kind"] for r in rows} == {"went_right"}
    assert {"contribution_id", "review_id", "theme", "theme_label", "text"} <= set(rows[0])


def test_analyze_representation_options(run, filled):
    plain = run("analyze", "--min-size", 2, "--format", "json", "--contributions",
                "--names-weight", 0, "--no-kind-centring")
    assert plain.exit_code == 0, plain.output
    default = run("analyze", "--min-size", 2, "--format", "json", "--contributions")
    assert json.loads(plain.stdout) != json.loads(default.stdout)  # the options reach find_themes
    refused = run("analyze", "--names-weight", 2)
    assert refused.exit_code == 2 and "0<=x<=1" in refused.output


def test_analyze_says_when_it_leaves_the_names_view_out(run, tmp_path):
    assert run("import", DATA / "contributions-pass-german.csv").exit_code == 0
    result = run("analyze", "--min-size", 2, "-o", tmp_path / "themes.csv")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "probably not in English" in notes[0]
    quiet = run("analyze", "--min-size", 2, "--names-weight", 0, "-o", tmp_path / "themes.csv")
    assert "note:" not in quiet.stderr


def test_reading_commands_refuse_a_missing_archive_instead_of_creating_one(tmp_path):
    from click.testing import CliRunner

    from reviewlab.cli import cli

    missing = tmp_path / "typo.db"
    for args in (["list"], ["show", "r01"], ["report", "r01"], ["analyze"]):
        result = CliRunner().invoke(cli, [*args, "--archive", str(missing)])
        assert result.exit_code == 1, args
        assert f"no archive at {missing}; create one with: reviewlab init" in result.output
    assert not missing.exists()
