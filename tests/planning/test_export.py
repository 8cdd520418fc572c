"""The plan as Markdown and CSV; across the archive, repair items by theme and their status."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from reviewlab.planning import (PlanningSession, plan_csv, plan_markdown, repair_items_by_theme,
                                status_by_theme)


@pytest.fixture
def planned(archive, held, clock, themes):
    clock.advance(24)
    s = PlanningSession(archive, "r9", themes=themes, now=clock)
    s.confirm_theme("r9-c4", "replica lag", "Fay")
    s.plan("r9-c4", effort="M", owner="Ana", due="2025-03-20", status="done")
    s.plan("r9-c6", effort="S", owner="Bo | <script>x</script>")
    s.merge("r9-c5", "r9-c4")
    return s


def test_markdown_is_ranked_escaped_and_says_merges(planned):
    md = plan_markdown(planned.plan_frame(), title="Repairs of r9")
    lines = md.splitlines()
    assert lines[0] == "# Repairs of r9"
    header = lines[4]
    assert header == ("| Rank | Repair item | Raised by | Effort | Impact | Reviews reached | Themes | Owner | Due "
                      "| Status |")
    assert lines[6].startswith("| 1 | Alert on replica lag over five minutes. | Ana | M | medium | 3 | replica lag "
                               "| Ana | 2025-03-20 | done |")
    assert "Bo \\| \\<script\\>x\\</script\\>" in md  # a pipe or tag in a text cannot break the table
    assert "| merged into r9-c4 |" in lines[-1]


def test_csv_reads_back(planned, tmp_path):
    text = plan_csv(planned.plan_frame(), tmp_path / "plan.csv")
    assert (tmp_path / "plan.csv").read_text() == text
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert back.columns.tolist()[:3] == ["rank", "item_id", "text"]
    assert back[["rank", "item_id", "effort", "reviews_reached", "score", "themes", "status", "merged_into"]
                ].values.tolist() == [
        ["1", "r9-c4", "M", "3", "1.50", "replica lag", "done", ""],
        ["2", "r9-c6", "S", "1", "1.00", "", "open", ""],
        ["", "r9-c5", "", "1", "", "", "open", "r9-c4"]]


def test_status_by_theme_across_the_archive(archive, planned, themes):
    long = repair_items_by_theme(archive, themes)
    confirmed = long[long["source"] == "confirmed"]
    assert confirmed[["theme_label", "item_id", "status"]].values.tolist() == [["replica lag", "r9-c4", "done"]]
    # r9-c6 has no confirmed theme: its best proposal stands in, marked so; merged r9-c5 is left out
    assert "r9-c5" not in set(long["item_id"])
    summary = status_by_theme(long, themes).set_index("theme_label")
    assert summary.at["replica lag", "done"] == 1 and summary.at["replica lag", "n_reviews"] == 4
    assert summary.at["replica lag", "confirmed"] == 1 and summary.at["replica lag", "done_share"] == 1.0
    assert repair_items_by_theme(archive, themes, proposed=False)["source"].tolist() == ["confirmed"]
    assert status_by_theme(long.iloc[:0]).empty
