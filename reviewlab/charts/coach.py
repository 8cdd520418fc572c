"""The blame-language trend from the coach's archive scan: share of flagged contributions, review by review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from reviewlab.charts._frames import month
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("review_id", "incident_start")
TITLES = {"share_flagged": "share of contributions flagged",
          "share_questions_flagged": "share of questions flagged (why / blame)"}


def blame_trend_chart(scan: pd.DataFrame,
                      measure: Literal["share_flagged", "share_questions_flagged"] = "share_flagged") -> alt.LayerChart:
    """A point per review (hover for title and counts) and a line of the monthly mean.

    Arguments:
        scan: the coach's one-row-per-review frame (`scan_frame(...)`): review_id, incident_start and
            the measure; review_title, n_contributions, n_flagged are shown in the tooltip when present.
        measure: share_flagged (all contributions) or share_questions_flagged (questions only).

    Examples:
        >>> import pandas as pd
        >>> s = pd.DataFrame({"review_id": ["r1", "r2"], "share_flagged": [0.2, 0.1],
        ...     "incident_start": pd.to_datetime(["2025-01-03", "2025-02-09"], utc=True)})
        >>> [layer["mark"]["type"] for layer in blame_trend_chart(s).to_dict()["layer"]]
        ['line', 'point']
    """
    import altair as alt

    require_columns(scan, (*NEEDED, measure), "blame_trend_chart")
    data = scan.assign(start=lambda f: f["incident_start"].astype(str).str.slice(0, 10),
                       month=lambda f: month(f["incident_start"]))
    extra = [c for c in ("review_title", "n_contributions", "n_flagged", "n_questions", "n_questions_flagged")
             if c in data.columns]
    points_data = data[["review_id", "start", "month", measure, *extra]].copy()
    points_data["day"] = points_data["start"]
    monthly = data.groupby("month")[measure].mean().reset_index()
    y = alt.Y(f"{measure}:Q", title=TITLES[measure], axis=alt.Axis(format="%"))
    line = alt.Chart(monthly).mark_line(color="#b2182b", interpolate="monotone").encode(
        x=alt.X("yearmonth(month):T", title="month of the incident"), y=y,
        tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), alt.Tooltip(f"{measure}:Q", format=".0%")])
    points = alt.Chart(points_data).mark_point(filled=True, opacity=0.6, color="#4d4d4d").encode(
        x=alt.X("day:T"), y=y,
        tooltip=[alt.Tooltip(c) for c in ("review_id", *extra)] + [alt.Tooltip(f"{measure}:Q", format=".0%")])
    return alt.layer(line, points).properties(title="Blame language over time", width=560)
