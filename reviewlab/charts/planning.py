"""Repair items: impact (reviews their themes reach) against effort, the energy-efficient ones top left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("item_id", "text", "effort", "reviews_reached")
EFFORT_ORDER = ["S", "M", "L", "XL", "not sized"]


def impact_effort_chart(frame: pd.DataFrame) -> alt.Chart:
    """One point per repair item: effort across, reviews reached up; the rank written on hover.

    Arguments:
        frame: `PlanningSession.plan_frame()` (or any frame with item_id, text, effort, reviews_reached;
            rank, status, owner, addressed and merged_into are used when present). Duplicates merged
            into another item are left out; items with no effort yet sit under "not sized".

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"item_id": ["a"], "text": ["Alert on lag"], "effort": ["S"], "reviews_reached": [5]})
        >>> impact_effort_chart(f).to_dict()["encoding"]["y"]["field"]
        'reviews_reached'
    """
    import altair as alt

    require_columns(frame, NEEDED, "impact_effort_chart")
    data = frame.copy()
    if "merged_into" in data.columns:
        data = data[~data["merged_into"].map(lambda m: isinstance(m, str) and bool(m))]
    data["effort"] = data["effort"].map(lambda e: e if isinstance(e, str) and e else "not sized")
    data["rank"] = data["rank"].astype("float") if "rank" in data.columns else float("nan")
    if "addressed" in data.columns:
        data["themes"] = data["addressed"].map(lambda t: ", ".join(t) if isinstance(t, (list, tuple)) else "")
    if "status" not in data.columns:
        data["status"] = "not_planned"
    keep = [c for c in ("item_id", "text", "effort", "reviews_reached", "rank", "status", "owner", "themes")
            if c in data.columns]
    data = data[keep]
    if "owner" in data.columns:
        data["owner"] = data["owner"].fillna("-")
    tooltip = [alt.Tooltip("text:N", title="repair item"), alt.Tooltip("rank:Q"),
               alt.Tooltip("reviews_reached:Q", title="reviews reached"), alt.Tooltip("effort:O"),
               alt.Tooltip("status:N")]
    tooltip += [alt.Tooltip(f"{c}:N") for c in ("owner", "themes") if c in data.columns]
    return alt.Chart(data).mark_circle(size=220, opacity=0.8).encode(
        x=alt.X("effort:O", title="effort (T-shirt size)", sort=EFFORT_ORDER, scale=alt.Scale(domain=EFFORT_ORDER)),
        xOffset=alt.XOffset("item_id:N"),
        y=alt.Y("reviews_reached:Q", title="reviews its recurring themes reach", scale=alt.Scale(zero=True)),
        color=alt.Color("status:N", title="status"),
        tooltip=tooltip,
    ).properties(title="Repair items: least energy for most impact is top left", width=420, height=280)
