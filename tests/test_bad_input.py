"""Issue 14's bad input, file by file: each case is refused with one line naming the file and the place,
through the library and through the `reviewlab` command, and the archive is unchanged afterwards."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.cli import cli
from reviewlab.errors import ImportFormatError, ReviewlabError
from reviewlab.importers import import_paths, read_file

DATA = Path(__file__).parent / "data"
BASE = json.loads((DATA / "review-pass-full.json").read_text(encoding="utf-8"))


def _set(path: list, value):
    def change(data):
        data = copy.deepcopy(data)
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    return change


def _raw(old: str, new: str | bytes):
    def change(data):
        text = json.dumps(data, ensure_ascii=False)
        assert old in text, old
        if isinstance(new, bytes):
            return text.encode("utf-8").replace(old.encode("utf-8"), new, 1)
        return text.replace(old, new, 1).encode("utf-8")
    return change


def _rename(old: str, new: str):
    def change(data):
        return json.dumps({(new if k == old else k): v for k, v in data.items()}).encode("utf-8")
    return change


# case: (how the file is made from the good one, what the one-line error must say after the file name)
JSON_CASES = {
    "number where text belongs (summary: 5)": (_set(["review", "summary"], 5),
                                               r"review: summary must be text, got a number \(5\)"),
    "number as a tag": (_set(["contributions", 1, "tags"], [1]),
                        r"contributions\[1\]: tags\[0\] must be text, got a number \(1\)"),
    "number as a plan owner": (_set(["plans", 0, "owner"], 7), r"plans\[0\]: owner must be text, got a number \(7\)"),
    "list as facilitator": (_set(["review", "facilitator"], ["Fay Neutral"]),
                            r"review: facilitator must be text, got a list"),
    "list as planning_override": (_set(["review", "planning_override"], ["we", "waited"]),
                                  r"review: planning_override must be text, got a list"),
    "number as a review id": (_set(["review", "id"], 42), r"review: review id a number \(42\) is not a valid id"),
    "agenda minutes 1e999": (_raw('"minutes": 20', '"minutes": 1e999'),
                             r"agenda\[0\]: minutes must be a whole number from 1 to 90, got inf"),
    "agenda minutes 12.9 (not truncated)": (_set(["agenda", 0, "minutes"], 12.9),
                                            r"agenda\[0\]: minutes must be a whole number from 1 to 90, got 12.9"),
    "agenda minutes as text": (_set(["agenda", 0, "minutes"], "12"),
                               r"agenda\[0\]: minutes must be a whole number from 1 to 90, got text '12'"),
    "NaN": (_raw('"minutes": 20', '"minutes": NaN'), r":\d+: NaN is not a number JSON allows"),
    "lone surrogate \\ud800 in a text": (_raw("Swapping the alias", "Swapping \\ud800 the alias"),
                                        r"contributions\[3\]: text holds a lone surrogate \(\\ud800\)"),
    "year 1 at +14:00 on a timeline event": (_set(["contributions", 1, "event_time"], "0001-01-01T00:00:00+14:00"),
                                             r"contributions\[1\]: event_time 0001-01-01T00:00:00\+14:00 is out of range"),
    "10,000 nested brackets": (_raw('"summary": "An alias', '"summary": ' + "[" * 10_000 + "]" * 10_000 + ', "x": "'),
                               r"nested (too deeply|more than 32 levels)"),
    "40 nested brackets": (_set(["review", "summary"], json.loads("[" * 40 + "]" * 40)),
                           r"review\.summary\[0\]\.\.\.: nested more than 32 levels"),
    "invalid UTF-8 byte": (_raw("Swapping the alias", b"Swapping \xff the alias"),
                           r":\d+: byte 0xff at column \d+ is not UTF-8"),
    "responded 'false' (text, not a boolean)": (_set(["participants", 0, "responded"], "false"),
                                                r"participants\[0\]: responded must be true or false, got text 'false'"),
    "private 'false' (text, not a boolean)": (_set(["contributions", 1, "private"], "false"),
                                              r"contributions\[1\]: private must be true or false, got text 'false'"),
    "private 0 (a number, not a boolean)": (_set(["contributions", 1, "private"], 0),
                                            r"contributions\[1\]: private must be true or false, got a number \(0\)"),
    "duplicate key": (_raw('"private": false', '"private": false, "private": true'),
                      r"contributions\[1\]: key 'private' is given twice"),
    "NUL in a text": (_set(["contributions", 3, "text"], "one\x00two"),
                      r"contributions\[3\]: text holds the control character U\+0000 \(NUL\) at character 4"),
    "escape character in a title": (_set(["review", "title"], "Search \x1b[31mred"),
                                    r"review: title holds the control character U\+001B"),
    "review id '..'": (_set(["review", "id"], ".."), r"review: review id '\.\.' is not a valid id"),
    "contribution id with a slash": (_set(["contributions", 0, "id"], "../etc"),
                                     r"contributions\[0\]: contribution id '\.\./etc' is not a valid id"),
    "misspelt top-level field": (_rename("contributions", "contributons"),
                                 r"unknown field\(s\) contributons; known: format, version, review"),
    "incident_end as a number": (_set(["review", "incident_end"], 1717), r"review: incident_end must be an ISO 8601 time"),
    "severity as a list": (_set(["review", "severity"], ["SEV1"]), r"review: severity must be one of SEV1, SEV2"),
    "participant name over two lines": (_set(["participants", 2, "name"], "Bo\nB"),
                                        r"participants\[2\]: participant name 'Bo\\nB' must be one line"),
}


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "reviews.db"
    with open_archive(path) as a:
        import_paths(a, [DATA / "contributions-pass-two-reviews.csv"])
        before = a.content_hash()
    return path, before


def _cli(archive: Path, *args) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, [*map(str, args), "--archive", str(archive)], catch_exceptions=False)
    return result.exit_code, result.output.strip().splitlines()


@pytest.mark.parametrize("case", JSON_CASES)
def test_bad_json_is_one_line_naming_file_and_place_and_changes_nothing(case, filled, tmp_path):
    archive_path, before = filled
    make, pattern = JSON_CASES[case]
    bad = tmp_path / "bad-review.json"
    bad.write_bytes(make(BASE))
    with open_archive(archive_path) as a:
        with pytest.raises(ImportFormatError, match=r"bad-review\.json.*" + pattern):
            import_paths(a, [bad])
        assert a.content_hash() == before
    code, lines = _cli(archive_path, "import", bad)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith("Error: ") and "bad-review.json" in lines[0] and "unexpected" not in lines[0]
    with open_archive(archive_path) as a:
        assert a.content_hash() == before


def test_the_good_file_still_imports(filled):
    archive_path, _ = filled
    code, lines = _cli(archive_path, "import", DATA / "review-pass-full.json")
    assert code == 0, lines


def test_json_with_a_bom_is_read_like_csv_and_markdown(tmp_path, archive):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "review-pass-full.json").read_bytes())
    parsed = read_file(path)
    assert parsed.bundles[0].review.id == "t-full"
    assert parsed.warnings == [f"{path}: a byte order mark (BOM) at the start was left out"]
    archive.import_review(path)  # the API reads it too
    assert archive.get_review("t-full").title == "Search results empty after index swap"


def test_booleans_stay_booleans(archive):
    archive.import_review(copy.deepcopy(BASE))
    assert [c.private for c in archive.contributions("t-full")][:2] == [True, False]
    assert archive.participants("t-full")[0].responded is False


# -- CSV ---------------------------------------------------------------------------------------
HEADER = "review_id,review_title,incident_start,participant,kind,text"
ROW = "q1,Queue,2025-01-02T10:00:00+00:00,{who},observation,{text}"


def _csv(tmp_path: Path, *rows: str, header: str = HEADER, raw: bytes | None = None) -> Path:
    path = tmp_path / "contributions.csv"
    path.write_bytes(raw if raw is not None else "\n".join([header, *rows, ""]).encode("utf-8"))
    return path


CSV_CASES = {
    "unclosed quote to the end of the file": (
        [ROW.format(who="Ana", text='"The queue backed up'), ROW.format(who="Bo", text="Bo saw it"),
         ROW.format(who="Cy", text="Cy saw it"), ROW.format(who="Di", text="Di saw it")],
        r"contributions\.csv:2: a quote \(\"\) opened in this row is never closed"),
    "unclosed quote closed rows later": (
        [ROW.format(who="Ana", text='"The queue backed up'), ROW.format(who="Bo", text="Bo saw it"),
         ROW.format(who="Cy", text='Cy saw it"'), ROW.format(who="Di", text="Di saw it")],
        r"contributions\.csv:2: a quoted value runs over line 3, which reads as a row of its own"),
    "stray quote after a quoted text": ([ROW.format(who="Ana", text='"The queue" backed up')],
                                       r"contributions\.csv:2: not valid CSV: .*write a quote inside"),
    "row shorter than the header": (["q1,Queue,2025-01-02T10:00:00+00:00,Ana,observation"],
                                    r"contributions\.csv:2: 5 values but 6 columns \(text missing\)"),
    "private 'maybe'": ([ROW.format(who="Ana", text="x") + ",maybe"],
                        r"contributions\.csv:2: private 'maybe' is not yes/no"),
    "id '..'": (["..,Queue,2025-01-02T10:00:00+00:00,Ana,observation,x"],
                r"contributions\.csv:2: review id '\.\.' is not a valid id"),
}


@pytest.mark.parametrize("case", CSV_CASES)
def test_bad_csv_is_refused_with_the_line(case, tmp_path, archive):
    rows, pattern = CSV_CASES[case]
    header = HEADER + (",private" if case == "private 'maybe'" else "")
    path = _csv(tmp_path, *rows, header=header)
    before = archive.content_hash()
    with pytest.raises(ImportFormatError, match=pattern):
        import_paths(archive, [path])
    assert archive.content_hash() == before
    code, lines = _cli(tmp_path / "cli.db", "import", path)
    assert code == 1 and len(lines) == 1 and lines[0].startswith("Error: ") and "unexpected" not in lines[0], lines


def test_a_duplicate_column_is_refused_even_under_another_spelling(tmp_path):
    path = _csv(tmp_path, ROW.format(who="Ana", text="first") + ",second", header=HEADER + ",Text")
    with pytest.raises(ImportFormatError, match=r"contributions\.csv:1: column\(s\) given twice: text \('text', 'Text'\)"):
        read_file(path)


def test_invalid_utf8_in_csv_names_line_and_column(tmp_path):
    path = _csv(tmp_path, raw=(HEADER + "\n" + ROW.format(who="Ana", text="caf\xe9")).encode("latin-1"))
    column = len(ROW.format(who="Ana", text="caf")) + 1
    with pytest.raises(ImportFormatError, match=rf"contributions\.csv:2: byte 0xe9 at column {column} is not UTF-8"):
        read_file(path)


def test_csv_bom_crlf_and_control_characters_are_normalised_and_noted(tmp_path):
    body = "\r\n".join([HEADER, ROW.format(who="Ana", text="line\x07 one"), ROW.format(who="Bo", text="two"), ""])
    path = _csv(tmp_path, raw=b"\xef\xbb\xbf" + body.encode("utf-8"))
    parsed = read_file(path)
    assert [c.text for c in parsed.bundles[0].contributions] == ["line one", "two"]
    assert parsed.warnings == [f"{path}: a byte order mark (BOM) at the start was left out",
                               f"{path}: line endings CRLF (Windows) were read as plain line breaks",
                               f"{path}: 1 stray control character(s) (U+0007) were removed"]


def test_multi_line_text_in_csv_is_still_read(tmp_path):
    path = _csv(tmp_path, ROW.format(who="Ana", text='"first line\nsecond, with a comma"'), ROW.format(who="Bo", text="b"))
    texts = [c.text for c in read_file(path).bundles[0].contributions]
    assert texts == ["first line\nsecond, with a comma", "b"]


# -- Markdown ----------------------------------------------------------------------------------
def test_markdown_bom_crlf_and_bad_bytes_are_read_and_noted_by_the_same_rule(tmp_path):
    """Markdown is read by issue 15's importer: the same normalisation, its notes kept with the review."""
    good = (DATA / "postmortem-pass-google-sre.md").read_bytes()
    path = tmp_path / "pm.md"
    path.write_bytes(b"\xef\xbb\xbf" + good.replace(b"\n", b"\r\n"))
    parsed = read_file(path)
    assert parsed.bundles[0].review.title == read_file(DATA / "postmortem-pass-google-sre.md").bundles[0].review.title
    notes = [n.text for n in parsed.bundles[0].notes]
    assert notes[:2] == ["the file starts with a byte order mark (utf-8); it was removed",
                         "line endings CRLF (Windows) were read as plain line breaks"]
    path.write_bytes(good.replace(b"## ", b"## \xc3(", 1))
    assert "it was read as Windows-1252" in read_file(path).bundles[0].notes[0].text


# -- the API, with text typed or pasted into a widget ------------------------------------------
@pytest.mark.parametrize(("text", "pattern"), [
    ("pasted \ud800 here", r"text holds a lone surrogate \(\\ud800\) at character 8"),
    ("a NUL \x00", r"text holds the control character U\+0000"),
    (5, r"text must be text, got a number \(5\)"),
])
def test_the_archive_api_refuses_what_the_model_cant_hold(review, archive, text, pattern):
    before = archive.content_hash()
    with pytest.raises(ReviewlabError, match=pattern):
        archive.add_contribution("r1", "Ana", "observation", text)
    assert archive.content_hash() == before


def test_report_into_a_missing_folder_is_one_line(filled, tmp_path):
    archive_path, _ = filled
    code, lines = _cli(archive_path, "report", "csv-01", "-o", tmp_path / "missing" / "r.md")
    assert code == 1 and len(lines) == 1
    assert lines[0] == f"Error: cannot write {tmp_path / 'missing' / 'r.md'}: folder {tmp_path / 'missing'} does not exist; " \
                       "create it first or pick another path"


# -- the command's last line of defence ----------------------------------------------------------
def test_any_error_reaching_the_command_is_one_line_and_debug_shows_the_traceback(monkeypatch):
    import sqlite3

    import click

    from reviewlab.cli_errors import Group

    @click.group(cls=Group)
    def demo():
        pass

    for name, error in (("bug", ValueError("a\nb")), ("disk", PermissionError(13, "Permission denied", "/x/y")),
                        ("db", sqlite3.OperationalError("database is locked"))):
        demo.command(name)(lambda error=error: (_ for _ in ()).throw(error))
    runner = CliRunner()
    for name, says in (("bug", "Error: unexpected ValueError: a b (a bug in reviewlab: run again with REVIEWLAB_DEBUG=1"),
                       ("disk", "Error: /x/y: Permission denied"), ("db", "Error: archive: database is locked")):
        result = runner.invoke(demo, [name])
        assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, result.output
        assert result.output.startswith(says), result.output
    monkeypatch.setenv("REVIEWLAB_DEBUG", "1")
    result = runner.invoke(demo, ["bug"])
    assert isinstance(result.exception, ValueError)  # the traceback is there for whoever asks
