"""Drill down into a theme: click a theme's bar to list its contributions with review, participant and kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.charts._frames import themed
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("theme_label", "review_id", "participant", "kind", "text")


def theme_drilldown_chart(frame: pd.DataFrame, *, top: int = 12, rows: int = 25, width: int = 90) -> alt.HConcatChart:
    """Themes as bars (click one; shift-click for several) beside the list of their contributions.

    Arguments:
        frame: contributions with their theme: theme_label, review_id, participant, kind, text
            (review_title shown instead of review_id when present).
        top: how many themes to offer; rows: how many contributions to list; width: characters of text shown.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"theme_label": ["dns"], "review_id": ["r1"], "participant": ["Ana"],
        ...                   "kind": ["observation"], "text": ["resolver timed out"]})
        >>> chart = theme_drilldown_chart(f).to_dict()
        >>> chart["params"][0]["select"]["type"]
        'point'
    """
    import altair as alt

    require_columns(frame, NEEDED, "theme_drilldown_chart")
    data = themed(frame)
    keep = data.groupby("theme_label")["review_id"].nunique().sort_values(ascending=False).head(top).index
    data = data[data["theme_label"].isin(keep)]
    review = data["review_title"] if "review_title" in data.columns else data["review_id"]
    short = data["text"].str.slice(0, width) + data["text"].map(lambda t: "\u2026" if len(t) > width else "")
    table = data.assign(review=review.astype(str), line=data["kind"] + " \u00b7 " + data["participant"] + ": " + short)
    table = table[["theme_label", "review_id", "review", "participant", "kind", "line", "text"]].reset_index(drop=True)
    pick = alt.selection_point(fields=["theme_label"], name="theme", empty=False)
    bars = alt.Chart(table).mark_bar().encode(
        x=alt.X("distinct(review_id):Q", title="reviews"),
        y=alt.Y("theme_label:N", title=None, sort=list(keep)),
        color=alt.condition(pick, alt.value("#2166ac"), alt.value("#bbb")),
        tooltip=[alt.Tooltip("theme_label:N", title="theme"), alt.Tooltip("distinct(review_id):Q", title="reviews"),
                 alt.Tooltip("count():Q", title="contributions")],
    ).add_params(pick).properties(title="Click a theme", width=220)
    listing = alt.Chart(table).transform_filter(pick).transform_window(
        row="row_number()").transform_filter(f"datum.row <= {rows}").mark_text(align="left", baseline="middle").encode(
        x=alt.value(0),  # each line starts at the left edge of its panel (unset, Vega centres it and cuts it off)
        y=alt.Y("row:O", axis=None),
        text="line:N",
        color=alt.Color("kind:N", legend=None),
        tooltip=["review:N", "participant:N", "kind:N", "text:N"],
    ).properties(title="Its contributions", width=520)
    return alt.hconcat(bars, listing)
