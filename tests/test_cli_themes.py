"""`reviewlab themes`: list the catalogue, curate it by id, one-line errors (stand-in model for the
catalogue, the real model in the slow test)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.analysis.catalogue import load_catalogue, update_catalogue
from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.cli import cli
from tests.analysis.test_catalogue import build, by_topic


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWLAB_ARCHIVE", str(tmp_path / "reviews.db"))
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def catalogued(tmp_path):
    with open_archive(tmp_path / "reviews.db", create=True) as archive:
        build(archive)
        update_catalogue(archive, model=KeywordEmbedder())
        return by_topic(load_catalogue(archive))


def test_list_as_table_and_json(run, catalogued):
    table = run("themes", "--no-update").output
    assert table.startswith("Contributing factors (3 theme(s))\nid     name  label")
    assert "What went right (2 theme(s))" in table and "Recurring repairs (2 theme(s))" in table
    rows = json.loads(run("themes", "--no-update", "--format", "json", "--side", "factors").output)
    assert sorted(r["id"] for r in rows) == sorted(catalogued.values())
    assert all(set(r) >= {"id", "name", "label", "size", "n_reviews", "first_seen", "last_seen", "members"}
               for r in rows)
    assert all(len(r["members"]) == r["size"] for r in rows)


def test_curation_by_id(run, catalogued, tmp_path):
    disk, pager, config = catalogued["disk"], catalogued["pager"], catalogued["config"]
    assert run("themes", "rename", disk.lower(), "Disks fill up", "--by", "Mei").output == f"{disk}: Disks fill up\n"
    assert run("themes", "merge", pager, config).output.startswith(f"merged {config} into {pager}: ")
    assert run("themes", "hide", disk).exit_code == 0
    assert run("themes", "pin", "r00-c1", disk).output == f"r00-c1 pinned to {disk}\n"
    assert run("themes", "pin", "r00-c0", "--out").output == "r00-c0 pinned out of any theme\n"
    rows = json.loads(run("themes", "--no-update", "--format", "json", "--hidden", "--side", "factors").output)
    named = {r["id"]: r for r in rows}
    assert named[disk]["name"] == "Disks fill up" and named[disk]["status"] == "hidden"
    assert "r00-c1" in named[disk]["members"] and config not in named
    assert run("themes", "unhide", disk).exit_code == 0
    with open_archive(tmp_path / "reviews.db") as archive:
        actions = [(d["action"], d["made_by"]) for d in archive.theme_decisions()]
    assert actions == [("rename", "Mei"), ("merge", None), ("hide", None), ("pin", None), ("pin", None),
                       ("unhide", None)]


@pytest.mark.parametrize("args, message", [
    (("rename", "T9999", "x"), "Error: no theme 'T9999' in the catalogue; known ids include T"),
    (("hide", "W0099"), "Error: no theme 'W0099' in the catalogue"),
    (("merge", "T0001", "T0001"), "Error: theme T0001 cannot be merged into itself"),
    (("pin", "r00-c3", "T0001"), "Error: contribution 'r00-c3' is not in the theme analysis"),
    (("pin", "nope", "--out"), "Error: contribution 'nope' is not in the theme analysis"),
])
def test_bad_ids_are_one_line_errors(run, catalogued, args, message):
    result = run("themes", *args)
    assert result.exit_code == 1 and result.output.startswith(message), result.output
    assert len(result.output.strip().splitlines()) == 1


def test_before_any_update_the_error_says_what_to_run(run, tmp_path):
    open_archive(tmp_path / "reviews.db", create=True).close()
    result = run("themes", "rename", "T0001", "x")
    assert result.output.strip() == ("Error: no theme 'T0001' in the catalogue; the catalogue is empty: "
                                     "run `reviewlab themes` (or update_catalogue) first")


@pytest.mark.slow
def test_update_and_split_with_the_real_model(run, tmp_path):
    assert run("init", "--sample").exit_code == 0
    result = run("themes", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["members"] for r in rows)
    again = json.loads(run("themes", "--format", "json").stdout)
    assert [(r["id"], r["members"]) for r in again] == [(r["id"], r["members"]) for r in rows]
    biggest = max(rows, key=lambda r: r["size"])
    split = run("themes", "split", biggest["id"])
    assert split.exit_code == 0 and split.output.startswith(f"{biggest['id']}: ")
    assert len(split.output.strip().splitlines()) == 2
