"""Themes over time: a heatmap of theme by month, coloured by how many reviews raised it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.charts._frames import month, themed
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("theme_label", "review_id", "incident_start")


def themes_over_time_chart(frame: pd.DataFrame, *, top: int = 12) -> alt.Chart:
    """Theme by month of the incident, coloured by the number of reviews; hover for the review titles.

    Arguments:
        frame: contributions with their theme (contributions_frame joined with `find_themes(...).assignments`):
            theme_label, review_id, incident_start; review_title is used in the tooltip when present.
        top: the themes raised in most reviews are shown.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"theme_label": ["dns", "dns"], "review_id": ["r1", "r2"],
        ...     "incident_start": pd.to_datetime(["2025-01-03", "2025-02-09"], utc=True)})
        >>> themes_over_time_chart(f).to_dict()["mark"]["type"]
        'rect'
    """
    import altair as alt
    import pandas as pd

    require_columns(frame, NEEDED, "themes_over_time_chart")
    rows = themed(frame)
    when = pd.to_datetime(rows["incident_start"], utc=True)
    if "incident_date" in rows.columns:  # a start known only to the day still has its month
        when = when.fillna(pd.to_datetime(rows["incident_date"]).dt.tz_localize("UTC"))
    rows = rows.assign(month=month(when))
    keep = rows.groupby("theme_label")["review_id"].nunique().sort_values(ascending=False).head(top).index
    rows = rows[rows["theme_label"].isin(keep)]
    titles = "review_title" if "review_title" in rows.columns else "review_id"
    cells = rows.groupby(["theme_label", "month"]).agg(
        reviews=("review_id", "nunique"),
        titles=(titles, lambda s: "; ".join(sorted(set(map(str, s))))),
    ).reset_index()
    return alt.Chart(cells).mark_rect().encode(
        x=alt.X("yearmonth(month):T", title="month of the incident"),
        y=alt.Y("theme_label:N", title=None, sort=list(keep)),
        color=alt.Color("reviews:Q", title="reviews", scale=alt.Scale(scheme="oranges")),
        tooltip=[alt.Tooltip("theme_label:N", title="theme"), alt.Tooltip("yearmonth(month):T", title="month"),
                 alt.Tooltip("reviews:Q"), alt.Tooltip("titles:N", title="reviews")],
    ).properties(title="Themes by month", width=560)
