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
