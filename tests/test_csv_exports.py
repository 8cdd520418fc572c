"""CSV exports of the command line: `analyze --contributions --format csv` never hands a spreadsheet a formula."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from click.testing import CliRunner

from reviewlab import open_archive
from reviewlab.cli import cli
from reviewlab.exports import safe_cell, safe_csv
from reviewlab.model import Participant, Review


@pytest.mark.parametrize(("value", "out"), [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("＝1", "'＝1"), ("-3", "-3"), ("+1.5", "+1.5"), ("-1e3", "-1e3"), ("a = b", "a = b"),
    ("", ""), (-1, -1), (None, None),
])
def test_safe_cell(value, out):
    assert safe_cell(value) == out


def test_safe_csv_leaves_numbers_and_touches_only_text():
    frame = pd.DataFrame({"theme": [-1, 2], "text": ["=cmd", "fine"], "score": [-0.5, 1.0]})
    assert safe_csv(frame) == "theme,text,score\n-1,'=cmd,-0.5\n2,fine,1.0\n"
    assert frame["text"].tolist() == ["=cmd", "fine"]  # the frame itself is left as it was


@pytest.mark.slow
def test_analyze_contributions_csv_is_neutralised(tmp_path):
    path = tmp_path / "a.db"
    with open_archive(path) as a:
        for n in range(3):
            a.add_review(Review(f"r{n}", f"Review {n}", f"2025-0{n + 1}-02T10:00:00+00:00"), [Participant("Ana")])
            a.add_contribution(f"r{n}", "Ana", "observation", f'=HYPERLINK("http://x/{n}","the queue backed up")')
            a.add_contribution(f"r{n}", "Ana", "observation", "-the disk filled with logs again")
            a.add_contribution(f"r{n}", "Ana", "observation", "@oncall was paged about the queue")
    result = CliRunner().invoke(cli, ["analyze", "--contributions", "--format", "csv", "--archive", str(path),
                                      "--min-size", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9
    assert {r["text"][:2] for r in rows} == {"'=", "'-", "'@"}
    with open_archive(path) as a:
        assert a.get_contribution(a.contributions("r0")[0].id).text.startswith("=HYPERLINK")
