"""Whole reviews as JSON: a lossless round trip, and clear all-or-nothing import errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewlab.errors import DuplicateError, ImportFormatError

DATA = Path(__file__).parent / "data"
FULL = DATA / "review-pass-full.json"


def test_export_import_round_trip_is_lossless(archive, tmp_path):
    original = json.loads(FULL.read_text())
    archive.import_review(FULL)
    exported = archive.export_review("t-full", tmp_path / "out.json")
    assert exported == original
    assert json.loads((tmp_path / "out.json").read_text()) == original
    archive.import_review(tmp_path / "out.json", overwrite=True)
    assert archive.export_review("t-full") == original


def test_import_twice_needs_overwrite(archive):
    archive.import_review(FULL)
    with pytest.raises(DuplicateError, match="pass overwrite=True"):
        archive.import_review(FULL)


def broken(tmp_path, change):
    data = json.loads(FULL.read_text())
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data))
    return path


CASES = {
    "unknown kind": (lambda d: d["contributions"][5].update(kind="vent"),
                     r"broken.json: contributions\[5\]: kind 'vent' is not known; allowed:"),
    "time as written on an observation": (lambda d: d["contributions"][0].update(kind="observation", time_text="~9:00"),
                                          r"contributions\[0\]: time_text is for timeline events"),
    "import note without text": (lambda d: d.update(import_notes=[{"code": "zone", "text": " ", "line": 3}]),
                                 r"import_notes\[0\]: import note is empty"),
    "import note of unknown code": (lambda d: d.update(import_notes=[{"code": "hunch", "text": "x"}]),
                                    r"import_notes\[0\]: import note code 'hunch' is not known"),
    "naive time": (lambda d: d["contributions"][3].update(recorded_at="2025-06-04T13:20:00"),
                   r"contributions\[3\]: recorded_at .* has no timezone"),
    "not on roster": (lambda d: d["contributions"][6].update(participant="Mallory"),
                      r"from 'Mallory', who is not on the roster"),
    "missing review": (lambda d: d.pop("review"), r"broken.json: field 'review' is missing"),
    "unknown field": (lambda d: d["participants"][0].update(mood="happy"),
                      r"participants\[0\]: unknown field\(s\) mood"),
    "missing text": (lambda d: d["contributions"][0].pop("text"), r"contributions\[0\]: .*'text'"),
    "dangling link": (lambda d: d["contributions"][2].update(links_to="t-full-c99"),
                      r"links to t-full-c99, which is not in review"),
    "plan for observation": (lambda d: d["plans"][0].update(item_id="t-full-c1"),
                             r"plan for t-full-c1: review t-full has no repair item"),
    "duplicate names": (lambda d: d["participants"].append({"name": "Ana", "role": "observer", "responded": False}),
                        r"participant 'Ana' appears twice"),
    "contributions not a list": (lambda d: d.update(contributions={}), r"field 'contributions' must be a list"),
    "empty text": (lambda d: d["contributions"][1].update(text="   "), r"contributions\[1\]: text is empty"),
}


@pytest.mark.parametrize("case", CASES)
def test_malformed_review_names_file_and_field_and_writes_nothing(archive, tmp_path, case):
    change, pattern = CASES[case]
    with pytest.raises(ImportFormatError, match=pattern):
        archive.import_review(broken(tmp_path, change))
    assert archive.reviews() == [] and archive.contributions() == []


def test_invalid_json_names_line_and_column(archive, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"review": {"id": "x",\n  oops}')
    with pytest.raises(ImportFormatError, match=r"bad.json: not valid JSON at line 2 column 3"):
        archive.import_review(path)


def test_missing_file(archive, tmp_path):
    with pytest.raises(ImportFormatError, match="cannot read"):
        archive.import_review(tmp_path / "nope.json")


def test_a_failure_inside_the_write_leaves_nothing(archive, tmp_path):
    archive.import_review(FULL)
    # a second review reusing a contribution id passes validation but clashes in the store
    path = broken(tmp_path, lambda d: d["review"].update(id="t-other"))
    with pytest.raises(DuplicateError, match="contribution ids already used"):
        archive.import_review(path)
    assert [r.id for r in archive.reviews()] == ["t-full"]
    assert len(archive.contributions()) == 8


def test_agenda_travels_with_the_review(archive):
    archive.import_review(FULL)
    assert [a.title for a in archive.agenda("t-full")] == ["How the empty index went unnoticed",
                                                           "What made the swap back quick"]


def test_agenda_pointing_outside_the_review_is_refused(archive, tmp_path):
    path = broken(tmp_path, lambda d: d["agenda"][0].update(contribution_ids=["elsewhere-c1"]))
    with pytest.raises(ImportFormatError, match="agenda topic .* refers to elsewhere-c1"):
        archive.import_review(path)
    assert archive.reviews() == []


def test_confirmed_item_themes_travel_with_the_review(archive):
    archive.import_review(FULL)
    [link] = archive.item_themes("t-full")
    assert (link.item_id, link.theme_label, link.confirmed_by) == ("t-full-c7", "search / alias / index", "Bo")


def test_theme_link_to_a_non_repair_item_is_refused(archive, tmp_path):
    path = broken(tmp_path, lambda d: d["item_themes"][0].update(item_id="t-full-c1"))
    with pytest.raises(ImportFormatError, match="theme link for t-full-c1: review t-full has no repair item"):
        archive.import_review(path)
    assert archive.reviews() == []
