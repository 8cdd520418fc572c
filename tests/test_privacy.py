"""The privacy rule, walked surface by surface: private interview notes reach none unless asked for by name.

The surfaces: the archive's frames, `reviewlab show`, reports (Markdown, HTML with charts), charts,
the planning exports (Markdown, CSV), `reviewlab analyze` (CSV, JSON, per contribution, its theme
report), and the committed notebooks' outputs.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from reviewlab import charts, open_archive
from reviewlab.cli import cli
from reviewlab.model import Participant, Review
from reviewlab.privacy import PRIVATE_MARK
from reviewlab.sample import sample_files

ROOT = Path(__file__).resolve().parent.parent
SECRET = "I did not dare to say the deploy scared me"


def private_texts_of_the_sample() -> set[str]:
    texts = set()
    for path in sample_files():
        for c in json.loads(path.read_text(encoding="utf-8"))["contributions"]:
            if c.get("private"):
                texts.add(c["text"])
    return texts


@pytest.fixture
def sample_copy(sample_archive_path, tmp_path) -> Path:
    path = tmp_path / "sample.db"
    shutil.copy(sample_archive_path, path)
    return path


def cli_run(*args: object) -> tuple[str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_the_sample_has_private_notes_to_keep():
    assert len(private_texts_of_the_sample()) >= 20


def test_frames_leave_private_notes_out_unless_asked(sample_archive):
    secret = private_texts_of_the_sample()
    default = sample_archive.contributions_frame()
    assert not default["private"].any() and not secret & set(default["text"])
    asked = sample_archive.contributions_frame(include_private=True)
    assert secret <= set(asked["text"])
    assert not secret & set(sample_archive.contributions_frame("r01")["text"])


def test_show_leaves_them_out_and_says_so_and_includes_them_marked_when_asked(sample_copy):
    secret = {t for t in private_texts_of_the_sample()}
    out, _ = cli_run("show", "r01", "--archive", sample_copy)
    assert not any(t in out for t in secret)
    assert "private interview note(s) left out (add --include-private)." in out
    out, _ = cli_run("show", "r01", "--archive", sample_copy, "--include-private")
    shown = [line for line in out.splitlines() if any(t in line for t in secret)]
    assert shown and all(PRIVATE_MARK in line for line in shown)
    assert "including " in out and "private interview note(s), marked [private]" in out


def test_reports_leave_them_out(sample_copy):
    secret = private_texts_of_the_sample()
    with open_archive(sample_copy) as archive:
        ids = sorted({c["review_id"] for c in [{"review_id": r.id} for r in archive.reviews()]})
    for review_id in ids:
        out, _ = cli_run("report", review_id, "--archive", sample_copy, "--format", "md")
        assert not any(t in out for t in secret), review_id
    html, _ = cli_run("report", "r01", "--archive", sample_copy, "--format", "html")  # with its charts
    assert "<img alt=" in html and not any(t in html for t in secret)
    assert "private interview note(s) left out." in html


def test_charts_leave_them_out_whatever_frame_they_are_given(sample_archive):
    secret = private_texts_of_the_sample()
    frame = sample_archive.contributions_frame(include_private=True)
    assert secret <= set(frame["text"])
    themed = frame.assign(theme=0, theme_label="everything", similarity=1.0)
    built = [charts.contributions_chart(frame), charts.timeline_chart(frame), charts.themes_over_time_chart(themed),
             charts.themes_by_service_chart(themed), charts.right_and_wrong_chart(themed),
             charts.theme_drilldown_chart(themed, top=50, rows=5000)]
    for chart in built:
        spec = json.dumps(chart.to_dict(), ensure_ascii=False)
        assert not any(t in spec for t in secret)


def test_planning_exports_leave_them_out(archive):
    from reviewlab.planning import PlanningSession, plan_csv, plan_markdown

    meeting = datetime(2025, 3, 6, 14, 0, tzinfo=timezone.utc)
    archive.add_review(Review("r9", "Deploy", "2025-03-04T10:00:00+00:00", status="meeting_held", meeting_at=meeting),
                       [Participant("Ana"), Participant("Bo")])
    archive.add_contribution("r9", "Bo", "repair_item", SECRET, phase="interview", private=True)
    archive.add_contribution("r9", "Ana", "repair_item", "Alert when the deploy queue stalls.")
    session = PlanningSession(archive, "r9", now=lambda: meeting + timedelta(days=2))
    plan = session.plan_frame()
    assert list(plan["text"]) == ["Alert when the deploy queue stalls."]
    assert SECRET not in plan_markdown(plan) and SECRET not in plan_csv(plan)


@pytest.mark.slow
def test_analyze_leaves_them_out_and_says_what_it_includes_when_asked(tmp_path):
    sample_copy = tmp_path / "three.db"
    with open_archive(sample_copy) as archive:  # three sample reviews with private notes: the real model, quickly
        for path in [p for p in sample_files() if p.stem in ("r01", "r02", "r04")]:
            archive.import_review(path)
        secret = set(archive.contributions_frame(include_private=True).query("private")["text"])
    assert len(secret) >= 3
    for args in (["--format", "csv"], ["--format", "json", "--contributions"]):
        out, _ = cli_run("analyze", "--archive", sample_copy, *args, "--report", tmp_path / "themes.html")
        assert not any(t in out for t in secret), args
        assert not any(t in (tmp_path / "themes.html").read_text(encoding="utf-8") for t in secret)
    out, err = cli_run("analyze", "--archive", sample_copy, "--format", "json", "--contributions",
                       "--include-private")
    rows = json.loads(out)
    assert secret <= {r["text"] for r in rows}
    assert f"including {len(secret)} private interview note(s), marked [private]" in err


def test_the_committed_notebooks_show_no_private_note():
    from reviewlab.capture.demo import DEMO_INTERVIEWS

    secret = private_texts_of_the_sample() | {text for _, _, text, _, private in DEMO_INTERVIEWS if private}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        outputs = json.dumps([c.get("outputs", []) for c in json.loads(path.read_text())["cells"]], ensure_ascii=False)
        assert not [t for t in secret if t in outputs], path.name


def test_notebook_03_reads_the_frame_without_asking_for_private_notes():
    cells = json.loads((ROOT / "notebooks" / "03_explore_themes.ipynb").read_text())["cells"]
    source = "\n".join("".join(c["source"]) for c in cells)
    assert "contributions_frame(" in source and "include_private" not in source


def test_a_frame_without_a_private_column_is_left_as_it_is():
    from reviewlab.privacy import count_private, visible

    frame = pd.DataFrame({"text": ["a"]})
    assert visible(frame) is frame and count_private(frame) == 0
