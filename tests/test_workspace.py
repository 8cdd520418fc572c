"""The workspace apart from the source: notebooks copied in when missing, never overwritten; the sample archive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab import workspace as ws
from reviewlab.cli import cli
from reviewlab.resources import bundled, notebooks

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def installed(tmp_path, monkeypatch) -> Path:
    """A stand-in for the installed notebooks, so a test can play an update of reviewlab."""
    folder = tmp_path / "installed"
    folder.mkdir()
    for path in notebooks():
        shutil.copy(path, folder)
    monkeypatch.setattr(ws, "notebooks", lambda: sorted(folder.glob("*.ipynb")))
    return folder


def test_the_shipped_notebooks_and_data_are_the_repositorys():
    assert [p.name for p in notebooks()] == [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]
    assert (bundled("data") / "reviews" / "r01.json").is_file()


def test_a_new_workspace_gets_the_notebooks_and_the_sample(tmp_path):
    report = ws.prepare_workspace(tmp_path / "w")
    assert report.copied == [p.name for p in notebooks()] and report.sample_built
    with open_archive(report.sample, create=False) as archive:
        assert len(archive.reviews()) == 40
    again = ws.prepare_workspace(tmp_path / "w")
    assert again.copied == [] and again.kept == report.copied and not again.sample_built


def test_your_edits_are_kept_and_an_installed_update_is_announced(tmp_path, installed):
    folder = tmp_path / "w"
    ws.prepare_workspace(folder, sample=False)
    mine, untouched = folder / "01_prepare_review.ipynb", folder / "02_facilitate_review.ipynb"
    mine.write_text(mine.read_text().replace("Prepare a review", "Prepare OUR review"))
    for name in (mine.name, untouched.name):  # reviewlab is updated: both notebooks change
        (installed / name).write_text((installed / name).read_text() + "\n")
    report = ws.prepare_workspace(folder, sample=False)
    assert report.newer == [mine.name] and "Prepare OUR review" in mine.read_text()
    assert report.updated == [untouched.name] and untouched.read_bytes() == (installed / untouched.name).read_bytes()
    assert any("the installed 01_prepare_review.ipynb is newer than your copy; yours is kept" in line
               for line in report.lines())


def test_a_notebook_that_was_not_given_by_reviewlab_is_left_alone(tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "00_start_here.ipynb").write_text("{}")
    report = ws.prepare_workspace(folder, sample=False)
    assert report.differs == ["00_start_here.ipynb"] and (folder / "00_start_here.ipynb").read_text() == "{}"
    assert json.loads((folder / ws.MANIFEST).read_text()).keys() >= {"01_prepare_review.ipynb"}


def test_the_lab_command_opens_the_sample_with_demos_or_your_archive_without(tmp_path, monkeypatch):
    monkeypatch.delenv("REVIEWLAB_ARCHIVE", raising=False)
    runner = CliRunner()
    out = runner.invoke(cli, ["lab", "--workspace", str(tmp_path / "w"), "--no-start"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert f"archive: {tmp_path / 'w' / 'sample.db'} (the sample: demo cells run)" in out.output
    args, env = ws.lab_command(tmp_path / "w", str(tmp_path / "w" / "sample.db"), demo=True, port=8899,
                               no_browser=True, extra=("--ServerApp.token=t",))
    assert f"--ServerApp.root_dir={tmp_path / 'w'}" in args and args[-1] == "--ServerApp.token=t"
    assert env["REVIEWLAB_ARCHIVE"].endswith("sample.db") and env["REVIEWLAB_DEMO"] == "1"
    missing = runner.invoke(cli, ["lab", "--workspace", str(tmp_path / "w"), "--no-start", "--archive",
                                  str(tmp_path / "typo.db")])
    assert missing.exit_code == 1 and "no archive at" in missing.output and not (tmp_path / "typo.db").exists()
    with open_archive(tmp_path / "mine.db"):
        pass
    out = runner.invoke(cli, ["lab", "--workspace", str(tmp_path / "w2"), "--no-start", "--archive",
                              str(tmp_path / "mine.db")], catch_exceptions=False)
    assert "(demo cells do not run)" in out.output and not (tmp_path / "w2" / "sample.db").exists()
