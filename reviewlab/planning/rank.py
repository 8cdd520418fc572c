"""Rank repair items by impact per effort: the "energy-efficient" ones (least energy, most impact) first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.frames import require_columns
from reviewlab.planning.rules import EFFORT_POINTS

if TYPE_CHECKING:
    import pandas as pd

NEEDED = ("item_id", "effort", "reviews_reached", "status", "merged_into")
_GROUPS = {"ranked": 0, "no_effort": 1, "dropped": 2, "merged": 3}


def rank_items(items: pd.DataFrame) -> pd.DataFrame:
    """Sort repair items by impact per effort and number them.

    Score = reviews reached / effort points (S 1, M 2, L 4, XL 8). Ties go to the item reaching more
    reviews, then the smaller one, then the one raised first. Items without an effort yet, dropped
    items and duplicates merged into another come after the ranked ones, unnumbered.

    Arguments:
        items: needs item_id, effort, reviews_reached, status, merged_into (`add_impact`).

    Returns:
        A new frame, best first, adding effort_points, score (NaN when unranked), rank (nullable
        int) and standing ('ranked', 'no_effort', 'dropped' or 'merged').

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"item_id": ["a", "b", "c"], "effort": ["L", "S", None], "reviews_reached": [6, 2, 9],
        ...                   "status": ["open"] * 3, "merged_into": [None] * 3})
        >>> rank_items(f)[["item_id", "score", "rank"]].values.tolist()
        [['b', 2.0, 1], ['a', 1.5, 2], ['c', nan, <NA>]]
    """
    import pandas as pd

    require_columns(items, NEEDED, "rank_items")
    out = items.copy()
    out["effort_points"] = out["effort"].map(lambda e: EFFORT_POINTS.get(e) if isinstance(e, str) else None)
    out["effort_points"] = out["effort_points"].astype("Int64")

    def standing(row: pd.Series) -> str:
        if isinstance(row["merged_into"], str) and row["merged_into"]:
            return "merged"
        if row["status"] == "dropped":
            return "dropped"
        return "no_effort" if pd.isna(row["effort_points"]) else "ranked"

    out["standing"] = out.apply(standing, axis=1) if len(out) else pd.Series(dtype="object")
    ranked = out["standing"] == "ranked"
    out["score"] = float("nan")
    out.loc[ranked, "score"] = (out.loc[ranked, "reviews_reached"].astype(float)
                                / out.loc[ranked, "effort_points"].astype(float))
    out["_group"] = out["standing"].map(_GROUPS)
    out["_order"] = range(len(out))
    out["_points"] = out["effort_points"].astype("float").fillna(99)
    out = out.sort_values(["_group", "score", "reviews_reached", "_points", "_order"],
                          ascending=[True, False, False, True, True], na_position="last", kind="stable")
    out = out.drop(columns=["_group", "_order", "_points"]).reset_index(drop=True)
    n = int((out["standing"] == "ranked").sum())
    out["rank"] = pd.array(list(range(1, n + 1)) + [pd.NA] * (len(out) - n), dtype="Int64")
    return out
