"""Themes by service: which services keep running into which themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.charts._frames import themed
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("theme_label", "review_id", "services")


def themes_by_service_chart(frame: pd.DataFrame, *, top: int = 12) -> alt.Chart:
    """Theme by service (a review counts for each service it names), coloured by the number of reviews.

    Arguments:
        frame: contributions with their theme: theme_label, review_id and services (a list per row).
        top: the themes raised in most reviews are shown.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"theme_label": ["dns"], "review_id": ["r1"], "services": [["api", "web"]]})
        >>> sorted(themes_by_service_chart(f).to_dict()["encoding"])
        ['color', 'tooltip', 'x', 'y']
    """
    import altair as alt

    require_columns(frame, NEEDED, "themes_by_service_chart")
    rows = themed(frame).explode("services").dropna(subset=["services"])
    keep = rows.groupby("theme_label")["review_id"].nunique().sort_values(ascending=False).head(top).index
    rows = rows[rows["theme_label"].isin(keep)]
    cells = rows.groupby(["theme_label", "services"])["review_id"].nunique().reset_index(name="reviews")
    cells = cells.rename(columns={"services": "service"})
    return alt.Chart(cells).mark_rect().encode(
        x=alt.X("service:N", title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("theme_label:N", title=None, sort=list(keep)),
        color=alt.Color("reviews:Q", title="reviews", scale=alt.Scale(scheme="purples")),
        tooltip=[alt.Tooltip("theme_label:N", title="theme"), "service:N", "reviews:Q"],
    ).properties(title="Themes by service")
