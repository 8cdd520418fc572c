"""Altair charts built from the analysis DataFrames; each `*_chart` returns a chart, never shows it.

altair is imported inside each builder, so `import reviewlab.charts` stays light. Save a chart with
`save_chart(chart, "themes.png")` (PNG, SVG or HTML, offline, text never run as code); after
`enable_offline()` JupyterLab draws charts itself, offline, interactive, and again after a reload.

Examples:
    >>> import pandas as pd
    >>> from reviewlab.charts import themes_chart
    >>> t = pd.DataFrame({"label": ["stale config"], "n_reviews": [7], "size": [12]})
    >>> themes_chart(t).to_dict()["mark"]["type"]
    'bar'
"""

from __future__ import annotations

from reviewlab.charts.coach import blame_trend_chart
from reviewlab.charts.drilldown import theme_drilldown_chart
from reviewlab.charts.planning import impact_effort_chart
from reviewlab.charts.render import enable_offline, save_chart
from reviewlab.charts.review import contributions_chart
from reviewlab.charts.right_and_wrong import right_and_wrong_chart
from reviewlab.charts.similar import similar_reviews_chart
from reviewlab.charts.themes import themes_chart
from reviewlab.charts.themes_by_service import themes_by_service_chart
from reviewlab.charts.themes_over_time import themes_over_time_chart
from reviewlab.charts.timeline import timeline_chart

__all__ = [
    "blame_trend_chart",
    "contributions_chart",
    "enable_offline",
    "impact_effort_chart",
    "right_and_wrong_chart",
    "save_chart",
    "similar_reviews_chart",
    "theme_drilldown_chart",
    "themes_by_service_chart",
    "themes_chart",
    "themes_over_time_chart",
    "timeline_chart",
]
