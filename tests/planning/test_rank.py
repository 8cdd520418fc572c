"""Ranking by impact per effort, and impact from confirmed themes (only past reviews count)."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab.errors import MissingColumns
from reviewlab.planning import add_impact, impact_level, rank_items, theme_reach


def frame(**columns):
    n = len(next(iter(columns.values())))
    base = {"item_id": [f"i{k}" for k in range(n)], "status": ["open"] * n, "merged_into": [None] * n}
    return pd.DataFrame({**base, **columns})


def test_least_energy_for_most_impact_first():
    f = frame(effort=["XL", "S", "M", "L"], reviews_reached=[9, 2, 6, 4])
    out = rank_items(f)
    # scores: 9/8=1.125, 2/1=2, 6/2=3, 4/4=1
    assert out["item_id"].tolist() == ["i2", "i1", "i0", "i3"]
    assert out["rank"].tolist() == [1, 2, 3, 4]
    assert out["score"].tolist() == [3.0, 2.0, 1.125, 1.0]


def test_ties_go_to_more_reach_then_less_effort_then_first_raised():
    f = frame(effort=["M", "S", "L", "S"], reviews_reached=[4, 2, 8, 2])
    # all score 2: i2 reaches 8, then i0 (4), then the two S items in the order raised
    assert rank_items(f)["item_id"].tolist() == ["i2", "i0", "i1", "i3"]


def test_unsized_dropped_and_merged_come_last_unnumbered():
    f = frame(effort=[None, "S", "S", "M"], reviews_reached=[9, 1, 5, 2])
    f.loc[2, "status"] = "dropped"
    f.loc[3, "merged_into"] = "i1"
    out = rank_items(f)
    assert out["item_id"].tolist() == ["i1", "i0", "i2", "i3"]
    assert out["standing"].tolist() == ["ranked", "no_effort", "dropped", "merged"]
    assert out["rank"].iloc[0] == 1 and out["rank"].iloc[1:].isna().all()


def test_empty_and_missing_columns():
    assert rank_items(frame(effort=[], reviews_reached=[])).empty
    with pytest.raises(MissingColumns, match="reviews_reached"):
        rank_items(pd.DataFrame({"item_id": ["a"], "effort": ["S"]}))


def test_reach_counts_past_reviews_only(themes):
    assert theme_reach(themes, ["replica lag"]) == {"p1", "p2", "p3", "r9"}
    assert theme_reach(themes, ["replica lag"], until=pd.Timestamp("2025-03-04T10:00Z")) == {"p1", "p2", "r9"}
    assert theme_reach(themes, []) == set()


def test_impact_from_confirmed_themes_and_merged_duplicates(themes):
    items = pd.DataFrame({"item_id": ["r9-c4", "r9-c5", "r9-c6"], "themes": [[], ["replica lag"], ["gone"]],
                          "merged_into": [None, "r9-c4", None]})
    out = add_impact(items, themes, "r9", until=pd.Timestamp("2025-03-04T10:00Z"))
    # the duplicate's confirmed theme counts for the item it was merged into
    assert out["reviews_reached"].tolist() == [3, 3, 1]
    assert out["addressed"].tolist() == [["replica lag"], ["replica lag"], ["gone"]]
    assert out["unmatched"].tolist() == [[], [], ["gone"]]
    assert add_impact(items, None, "r9")["reviews_reached"].tolist() == [1, 1, 1]


def test_impact_levels():
    assert [impact_level(n) for n in (1, 2, 3, 4, 12)] == ["low", "medium", "medium", "high", "high"]
