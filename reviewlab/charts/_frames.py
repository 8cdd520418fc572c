"""Shared by the chart builders: the required-columns check and the outlier rule for theme frames."""

from __future__ import annotations

from typing import TYPE_CHECKING


if TYPE_CHECKING:
    import pandas as pd


def themed(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows that belong to a theme: theme_label set and, when there is a `theme` column, theme >= 0.

    Private interview notes are left out (`reviewlab.privacy`), whatever frame a chart is given.

    Theme finding marks contributions that fit no theme with theme -1 (outliers); charts of themes
    leave them out.
    """
    from reviewlab.privacy import visible

    rows = visible(frame)
    rows = rows[rows["theme_label"].notna() & (rows["theme_label"].astype(str) != "")]
    if "theme" in rows.columns:
        rows = rows[rows["theme"].fillna(-1).astype(int) >= 0]
    return rows


def month(series: pd.Series) -> pd.Series:
    """UTC timestamps -> the first day of their month, as naive dates (Vega-Lite reads them plainly)."""
    import pandas as pd

    values = pd.to_datetime(series, utc=True).dt.tz_localize(None)
    return values.dt.to_period("M").dt.to_timestamp()
