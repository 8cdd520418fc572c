"""`import --overwrite` of an older export says what it would remove and needs --force to drop later work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.cli import cli
from reviewlab.errors import WouldRemoveWork
from reviewlab.model import RepairPlan

DATA = Path(__file__).parent / "data"


def _cli(*args) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def later_work(tmp_path):
    """t-full exported with its 8 contributions, then 5 more recorded and a plan changed in the archive."""
    path = tmp_path / "a.db"
    old = tmp_path / "t-full-old.json"
    with open_archive(path) as a:
        a.import_review(DATA / "review-pass-full.json")
        a.export_review("t-full", old)
        for i in range(5):
            a.add_contribution("t-full", "Bo", "observation", f"later note {i}", id=f"t-full-late{i}",
                               recorded_at=f"2025-06-0{5 + i % 3}T10:00:00+00:00")
        a.set_plan(RepairPlan("t-full-c7", effort="S", status="done", owner="Bo"))
        assert len(a.contributions("t-full")) == 13
        before = a.content_hash()
    return path, old, before


def test_overwrite_refuses_to_drop_later_contributions_and_says_which(later_work):
    path, old, before = later_work
    for extra in ((), ("--dry-run",)):
        code, out = _cli("import", old, "--overwrite", *extra, "--archive", path)
        assert code == 1, out
        lines = out.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith(f"Error: {old}: review t-full: replacing it would remove 5 contribution(s): "
                                   "t-full-late2 (observation by Bo, recorded 2025-06-07 10:00), t-full-late4")
        assert "and 2 more" in lines[0] and "it would change 1 plan(s)" in lines[0]
        assert lines[0].endswith("nothing was imported. Add --force (force=True) to replace it anyway")
    with open_archive(path) as a:
        assert a.content_hash() == before and len(a.contributions("t-full")) == 13
        with pytest.raises(WouldRemoveWork, match="replacing it would remove 5 contribution"):
            a.import_review(old, overwrite=True)
        assert a.content_hash() == before


def test_force_drops_them_and_says_what_was_removed(later_work):
    path, old, _ = later_work
    code, out = _cli("import", old, "--overwrite", "--force", "--dry-run", "--archive", path)
    assert code == 0 and "note: " in out and "replacing it would remove 5 contribution(s)" in out
    code, out = _cli("import", old, "--overwrite", "--force", "--archive", path)
    assert code == 0, out
    assert "replacing it removed 5 contribution(s)" in out and "it changed 1 plan(s)" in out
    with open_archive(path) as a:
        assert len(a.contributions("t-full")) == 8


def test_overwrite_that_removes_nothing_needs_no_force(later_work, tmp_path):
    path, _, _ = later_work
    current = tmp_path / "current.json"
    with open_archive(path) as a:
        data = a.export_review("t-full", current)
    data["review"]["summary"] = "Rewritten summary."
    current.write_text(json.dumps(data))
    code, out = _cli("import", current, "--overwrite", "--archive", path)
    assert code == 0, out
    assert "replacing it removed nothing; it changed the review's summary" in out
    with open_archive(path) as a:
        assert a.get_review("t-full").summary == "Rewritten summary."
        assert len(a.contributions("t-full")) == 13
