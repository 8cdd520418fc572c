"""The analyst's frame helpers: filter contributions, join their themes, drill into one theme, export tables.

Frames in, frames out; the widgets of notebook 03 (reviewlab.capture.widget_filters) and the
`reviewlab analyze` command call these.

Examples:
    >>> import pandas as pd
    >>> f = pd.DataFrame({"kind": ["observation", "went_right"], "severity": ["SEV2", "SEV3"],
    ...                   "services": [["api"], ["web"]],
    ...                   "incident_start": pd.to_datetime(["2025-01-02", "2025-03-04"], utc=True)})
    >>> len(filter_frame(f, kinds=["went_right"])), len(filter_frame(f, services=["api"], start="2025-01-01"))
    (1, 1)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import pandas as pd

DRILL_COLUMNS = ["review_id", "review_title", "incident_start", "participant", "kind", "text", "similarity"]


def filter_frame(frame: pd.DataFrame, *, start: date | datetime | str | None = None,
                 end: date | datetime | str | None = None, services: Iterable[str] = (),
                 severities: Iterable[str] = (), kinds: Iterable[str] = ()) -> pd.DataFrame:
    """Contributions whose incident started in [start, end] (dates inclusive), touching any of `services`,
    of any of `severities` and `kinds`; an empty choice keeps everything. A review whose start is known
    only to the day is filtered by that day; one whose day is unknown is left out by a date range."""
    import pandas as pd

    rows = frame
    if start is not None or end is not None:
        require_columns(frame, ["incident_start"], "filter_frame")
        day = pd.to_datetime(rows["incident_start"], utc=True).dt.tz_localize(None).dt.normalize()
        if "incident_date" in rows.columns:  # a review whose start is known only to the day
            day = day.fillna(pd.to_datetime(rows["incident_date"]).dt.normalize())
        keep = pd.Series(True, index=rows.index)
        if start is not None:
            keep &= day >= pd.Timestamp(start).tz_localize(None).normalize()
        if end is not None:
            keep &= day <= pd.Timestamp(end).tz_localize(None).normalize()
        rows = rows[keep]
    for column, wanted in (("severity", severities), ("kind", kinds)):
        wanted = list(wanted)
        if wanted:
            require_columns(frame, [column], "filter_frame")
            rows = rows[rows[column].astype(str).isin(wanted)]
    services = set(services)
    if services:
        require_columns(frame, ["services"], "filter_frame")
        rows = rows[rows["services"].map(lambda s: bool(services.intersection(s or ())))]
    return rows


def with_themes(frame: pd.DataFrame, result: Any) -> pd.DataFrame:
    """The frame with theme, theme_label and similarity from `find_themes(frame).assignments` (same index)."""
    cols = [c for c in ("theme", "theme_label", "similarity") if c in result.assignments.columns]
    return frame.drop(columns=[c for c in cols if c in frame.columns]).join(result.assignments[cols])


def with_catalogue(frame: pd.DataFrame, catalogue: Any, side: str = "factors") -> pd.DataFrame:
    """The frame with each contribution's catalogue theme: theme_id and theme_label (the theme's `display`:
    the analyst's name where given, else its generated label); contributions of no shown theme (none, or a
    hidden one) get neither. The theme charts (over time, by service, drill-down) then draw the names.

    Examples:
        >>> import pandas as pd
        >>> from types import SimpleNamespace as T
        >>> cat = T(themes=lambda side: [T(id="T0001", display="Cache keys", members=("c1",))])
        >>> with_catalogue(pd.DataFrame({"contribution_id": ["c1", "c2"]}), cat)["theme_label"].tolist()
        ['Cache keys', None]
    """
    require_columns(frame, ["contribution_id"], "with_catalogue")
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for theme in catalogue.themes(side):  # active themes only: hidden ones stay out of charts and reports
        for member in theme.members:
            ids[member], names[member] = theme.id, theme.display
    out = frame.drop(columns=[c for c in ("theme", "theme_id", "theme_label", "similarity") if c in frame.columns])
    contribution = out["contribution_id"].astype(str)
    return out.assign(theme_id=contribution.map(ids).astype(object).where(contribution.isin(ids), None),
                      theme_label=contribution.map(names).astype(object).where(contribution.isin(names), None))


def catalogue_themes(catalogue: Any, side: str = "factors", *, representatives: int = 3) -> pd.DataFrame:
    """The catalogue's shown themes (`Catalogue.frame`) with a few member texts each (`representatives`,
    private notes left out): what `themes_report` and `charts.themes_chart` take, by the analyst's names."""
    from reviewlab.privacy import visible

    table = catalogue.frame(side).copy()
    table["representatives"] = [visible(catalogue.members_frame(t))["text"].head(representatives).tolist()
                                for t in table["id"]]
    return table


def theme_contributions(frame: pd.DataFrame, theme: int | str) -> pd.DataFrame:
    """The contributions of one theme (its number, label or name, or its catalogue id), most typical first:
    review, participant, kind, text."""
    require_columns(frame, ["theme_label", "text"], "theme_contributions")
    if isinstance(theme, str):
        mask = frame["theme_label"] == theme
        if "theme_id" in frame.columns:
            mask |= frame["theme_id"] == theme
    else:
        require_columns(frame, ["theme"], "theme_contributions")
        mask = frame["theme"] == theme
    rows = frame[mask]
    if "similarity" in rows.columns:
        rows = rows.sort_values("similarity", ascending=False, kind="stable")
    return rows[[c for c in DRILL_COLUMNS if c in rows.columns]].reset_index(drop=True)


def themes_table(frame: pd.DataFrame, result: Any, *, contributions: bool = False, flat: bool = False) -> pd.DataFrame:
    """What `reviewlab analyze` writes: one row per theme, or (contributions=True) one per contribution.

    `flat` joins lists into text for CSV: keywords with '; ', representatives with ' | '.
    """
    if contributions:
        joined = with_themes(frame, result)
        keep = [c for c in ("contribution_id", "review_id", "review_title", "participant", "kind", "theme",
                            "theme_label", "similarity", "text") if c in joined.columns]
        return joined[keep].reset_index(drop=True)
    table = result.themes.drop(columns=[c for c in ("representative_ids",) if c in result.themes.columns]).copy()
    if flat:
        for column, sep in (("keywords", "; "), ("representatives", " | ")):
            if column in table.columns:
                table[column] = table[column].map(lambda v, s=sep: s.join(map(str, v)) if isinstance(v, list) else v)
        if "kinds" in table.columns:
            table["kinds"] = table["kinds"].map(lambda v: json.dumps(v) if isinstance(v, dict) else v)
    return table
