"""What went right beside what went wrong, theme by theme: a diverging bar per theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.charts._frames import themed
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("theme_label", "kind")
SIDES = {"went_right": "went right", "learning": "learned", "observation": "went wrong",
         "timeline_event": "went wrong"}
"""Kind -> side of the bar; questions and repair items are neither and are left out."""
SIGN = {"went right": 1, "learned": 1, "went wrong": -1}


def right_and_wrong_chart(frame: pd.DataFrame, *, top: int = 12) -> alt.Chart:
    """Per theme, contributions about what went right (and was learned) to the right, what went wrong to the left.

    An observation tagged `went_right` counts as going right, whatever its kind.

    Arguments:
        frame: contributions with their theme: theme_label and kind (tags used when present).
        top: the themes with most contributions are shown.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"theme_label": ["dns", "dns"], "kind": ["went_right", "observation"]})
        >>> right_and_wrong_chart(f).to_dict()["encoding"]["color"]["field"]
        'side'
    """
    import altair as alt

    require_columns(frame, NEEDED, "right_and_wrong_chart")
    rows = themed(frame).assign(side=lambda f: f["kind"].map(SIDES))
    rows = rows.dropna(subset=["side"])
    keep = rows["theme_label"].value_counts().head(top).index
    rows = rows[rows["theme_label"].isin(keep)]
    counts = rows.groupby(["theme_label", "side"]).size().reset_index(name="contributions")
    counts["signed"] = counts["contributions"] * counts["side"].map(SIGN)
    order = (counts.assign(right=counts["signed"].clip(lower=0)).groupby("theme_label")["right"].sum()
             .sort_values(ascending=False).index.tolist())
    return alt.Chart(counts).mark_bar().encode(
        x=alt.X("signed:Q", title="\u2190 went wrong   |   went right, learned \u2192"),
        y=alt.Y("theme_label:N", title=None, sort=order),
        color=alt.Color("side:N", scale=alt.Scale(domain=["went wrong", "went right", "learned"],
                                                  range=["#d6604d", "#4393c3", "#92c5de"])),
        tooltip=[alt.Tooltip("theme_label:N", title="theme"), "side:N", "contributions:Q"],
    ).properties(title="What went right beside what went wrong", width=480)
