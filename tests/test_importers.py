"""Importers: JSON, CSV and Markdown postmortems; clear file:line errors; nothing half-imported."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from reviewlab.errors import DuplicateError, ImportFormatError
from reviewlab.importers import DOCUMENT, import_paths, read_file
from reviewlab.importers.headings import section_of

DATA = Path(__file__).parent / "data"
NOW = datetime(2025, 10, 1, 12, 0, tzinfo=timezone.utc)
PASS = sorted(p.name for p in DATA.glob("*-pass-*") if p.suffix in {".md", ".csv", ".json"})
FAIL = {
    "postmortem-fail-empty.md": r"postmortem-fail-empty.md: is empty; a postmortem needs a title and some prose",
    "postmortem-fail-headings-only.md": r"headings-only.md: has no prose \(no paragraph, list item or table row\)",
    "postmortem-fail-binary.md": r"postmortem-fail-binary.md: is a binary file \(it holds NUL bytes\)",
    "contributions-fail-missing-column.csv": r"missing-column.csv:1: missing column\(s\) kind; required:",
    "contributions-fail-unknown-kind.csv": r"unknown-kind.csv:3: kind 'rant' is not known; allowed:",
    "contributions-fail-naive-time.csv": r"naive-time.csv:2: review csv-09: incident_start .* has no timezone",
    "contributions-fail-titles-disagree.csv": r"disagree.csv:3: review_title 'Logout loop' differs from 'Login loop'",
}


def kinds(bundle):
    return Counter(c.kind.value for c in bundle.contributions)


@pytest.mark.parametrize("name", PASS)
def test_good_files_import(archive, name):
    parsed = import_paths(archive, [DATA / name], now=NOW)
    ids = [b.review.id for p in parsed for b in p.bundles]
    assert ids and sorted(ids) == sorted(r.id for r in archive.reviews())


@pytest.mark.parametrize("name", sorted(FAIL))
def test_bad_files_name_the_file_line_and_problem(archive, name):
    with pytest.raises(ImportFormatError, match=FAIL[name]) as caught:
        import_paths(archive, [DATA / name])
    assert "\n" not in str(caught.value)  # one line
    assert archive.reviews() == []


def test_every_fail_fixture_has_an_expected_message():
    assert {p.name for p in DATA.glob("*-fail-*") if p.suffix in {".md", ".csv"}} == set(FAIL)


def test_every_markdown_fixture_imports_with_no_flags(archive):
    files = sorted(DATA.glob("postmortem-pass-*.md"))
    assert len(files) >= 15
    parsed = import_paths(archive, files, now=NOW)
    assert len(archive.reviews()) == len(files)
    for item in parsed:
        assert item.bundles[0].contributions, item.path


def test_google_sre_postmortem_maps_sections_to_kinds():
    parsed = read_file(DATA / "postmortem-pass-google-sre.md", now=NOW)
    b = parsed.bundles[0]
    assert b.review.title == "Basket totals wrong after a promotions cache rollout (incident #118)"
    assert (b.review.severity.value, b.review.services) == ("SEV2", ("promotions-svc", "basket-api"))
    assert b.review.summary.startswith("For 47 minutes basket totals ignored")
    assert b.review.incident_start == datetime(2025, 3, 14, 9, 12, tzinfo=timezone.utc)  # OUTAGE BEGINS
    assert b.review.incident_end == datetime(2025, 3, 14, 9, 59, tzinfo=timezone.utc)  # OUTAGE ENDS
    assert kinds(b) == {"timeline_event": 5, "observation": 8, "repair_item": 3, "went_right": 2}
    tags = Counter(t for c in b.contributions for t in c.tags)
    assert tags["went_wrong"] == 2 and tags["lucky"] == 1 and tags["contributing_factor"] == 1
    assert tags["Root Causes"] == 1  # the heading as written beside reviewlab's tag
    assert [c.time_text for c in b.contributions if c.kind.value == "timeline_event"][0] == "09:12"
    assert {p.name for p in b.participants} == {DOCUMENT, "Mira Castell", "Joel Ndiaye"}
    assert {c.participant for c in b.contributions} == {DOCUMENT}
    plans = {p.owner: p.status.value for p in b.plans}
    assert plans == {"Joel Ndiaye": "done", "Mira Castell": "open"}
    assert all(c.recorded_at == NOW for c in b.contributions)


def test_headings_that_vary_are_matched_loosely():
    b = read_file(DATA / "postmortem-pass-headings-vary.md", now=NOW).bundles[0]
    assert b.review.severity.value == "SEV1"  # "P1"
    assert b.review.facilitator == "Anke Vos"
    assert str(b.review.incident_start.tzinfo) == "Europe/Berlin"
    assert kinds(b) == {"timeline_event": 4, "observation": 5, "went_right": 2, "repair_item": 3, "learning": 1,
                        "question": 1}
    appendix = [c.text for c in b.contributions if "Appendix" in c.tags]
    assert appendix == ["Logs are in the incident folder."]  # nothing is dropped, not even an appendix
    done = [p for p in b.plans if p.status.value == "done"]
    assert [p.owner for p in done] == ["Lena Park"]
    item = next(c for c in b.contributions if c.id == done[0].item_id)
    assert item.text == "Renew the routing certificate automatically"


@pytest.mark.parametrize(("heading", "section"), [
    ("## 3. What Didn't Go Well", "went_wrong"), ("Things that went right", "went_well"),
    ("Root Causes & Contributing Factors", "causes"), ("Follow-up actions", "actions"),
    ("Where we got lucky", "lucky"), ("Detailed timeline (UTC)", "timeline"), ("Mitigation steps", "resolution"),
    ("Lessons", "lessons"), ("Random notes", None),
])
def test_section_names(heading, section):
    assert section_of(heading) == section


def test_timeline_crossing_midnight_moves_to_the_next_day(tmp_path):
    path = tmp_path / "night.md"
    path.write_text("# Night batch\n\nSeverity: SEV4\n\n## Timeline\n\n2025-01-05 (all times UTC)\n\n"
                    "- 23:50 Batch starts late.\n- 00:20 Batch finishes.\n  It took 30 minutes.\n")
    b = read_file(path).bundles[0]
    times = [c.event_time.isoformat() for c in b.contributions]
    assert times == ["2025-01-05T23:50:00+00:00", "2025-01-06T00:20:00+00:00"]
    assert b.contributions[1].text == "Batch finishes. It took 30 minutes."


def test_a_text_over_the_limit_is_kept_in_pieces_with_a_note(tmp_path):
    path = tmp_path / "long.md"
    sentence = "The queue grew without bound while the consumers waited on a lock. "
    path.write_text("# Long\n\nSeverity: SEV4\nIncident start: 2025-01-05T10:00:00+00:00\n\n## What went well\n\n"
                    + sentence * 120 + "\n")
    b = read_file(path).bundles[0]
    pieces = [c.text for c in b.contributions]
    assert len(pieces) == 2 and all(len(p) <= 5000 for p in pieces)
    assert " ".join(pieces) == (sentence * 120).strip()
    assert any(n.code == "split" and n.line == 8 for n in b.notes)


def test_unknown_sections_become_observations_tagged_with_their_heading(tmp_path):
    path = tmp_path / "odd.md"
    path.write_text("# Odd\n\nSeverity: SEV4\nIncident start: 2025-01-05T10:00:00+00:00\n\n## Random notes\n\n"
                    "Something.\n\n## What went well\n\n- The pager worked.\n")
    b = read_file(path).bundles[0]
    assert kinds(b) == {"went_right": 1, "observation": 1}
    odd = next(c for c in b.contributions if c.kind.value == "observation")
    assert (odd.text, odd.tags) == ("Something.", ("Random notes",))


def test_a_bad_file_among_good_ones_imports_nothing(archive):
    with pytest.raises(ImportFormatError, match="headings-only"):
        import_paths(archive, [DATA / "contributions-pass-two-reviews.csv", DATA / "postmortem-fail-headings-only.md"])
    assert archive.reviews() == []


def test_dry_run_imports_nothing_and_describes(archive):
    parsed = import_paths(archive, [DATA / "contributions-pass-two-reviews.csv"], dry_run=True)
    assert archive.reviews() == []
    assert parsed[0].describe()[0].startswith("csv-01: Substitutions picked from the wrong store (3 participant(s);")


def test_existing_review_needs_overwrite(archive):
    import_paths(archive, [DATA / "review-pass-full.json"])
    with pytest.raises(DuplicateError, match=r"review-pass-full.json: review 't-full' is already in .*--overwrite"):
        import_paths(archive, [DATA / "review-pass-full.json", DATA / "contributions-pass-two-reviews.csv"])
    assert [r.id for r in archive.reviews()] == ["t-full"]
    import_paths(archive, [DATA / "review-pass-full.json"], overwrite=True)


def test_a_folder_imports_its_files(archive, tmp_path):
    for name in ("postmortem-pass-google-sre.md", "contributions-pass-two-reviews.csv", "review-pass-full.json"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("not imported")
    import_paths(archive, [tmp_path])
    assert len(archive.reviews()) == 4


def test_same_review_in_two_files_is_refused(archive, tmp_path):
    shutil.copy(DATA / "review-pass-full.json", tmp_path / "a.json")
    shutil.copy(DATA / "review-pass-full.json", tmp_path / "b.json")
    with pytest.raises(ImportFormatError, match=re.escape("b.json: review 't-full' is also in")):
        import_paths(archive, [tmp_path])


def test_unsupported_suffix(archive, tmp_path):
    (tmp_path / "x.docx").write_text("")
    with pytest.raises(ImportFormatError, match=r"x.docx: cannot import a .docx; use .json, .csv, .md"):
        import_paths(archive, [tmp_path / "x.docx"])
