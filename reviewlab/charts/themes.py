"""Recurring themes: a bar per theme by the number of reviews it appears in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("label", "n_reviews", "size")


def themes_chart(themes: pd.DataFrame, *, top: int = 15) -> alt.Chart:
    """The themes that recur in most reviews, longest bar first.

    Arguments:
        themes: one row per theme (`find_themes(...).themes`, or the catalogue's `Catalogue.frame()`): label,
            n_reviews, size, and where present keywords, first_seen, last_seen for the tooltip. A catalogue's
            frame is drawn by `display` (the analyst's name where given, else the generated label), with
            its theme id and generated label in the tooltip.
        top: how many themes to show.

    Examples:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"label": ["stale config", "pager noise"], "n_reviews": [7, 3], "size": [12, 4]})
        >>> themes_chart(t).to_dict()["encoding"]["x"]["field"]
        'n_reviews'
        >>> named = t.assign(id=["T0001", "T0002"], display=["Config drift", "pager noise"])
        >>> spec = themes_chart(named).to_dict()
        >>> next(iter(spec["datasets"].values()))[0]["theme_name"]
        'Config drift'
    """
    import altair as alt

    require_columns(themes, NEEDED, "themes_chart")
    data = themes.copy()
    if "theme" in data.columns:
        data = data[data["theme"].fillna(-1).astype(int) >= 0]
    data = data.sort_values(["n_reviews", "size"], ascending=False).head(top)
    data["theme_name"] = data["display"] if "display" in data.columns else data["label"]  # the analyst's name first
    tooltip = [alt.Tooltip("theme_name:N", title="theme"), alt.Tooltip("n_reviews:Q", title="reviews"),
               alt.Tooltip("size:Q", title="contributions")]
    if "id" in data.columns:
        tooltip += [alt.Tooltip("id:N", title="theme id"), alt.Tooltip("label:N", title="generated label")]
    if "keywords" in data.columns:
        data["keywords"] = data["keywords"].map(lambda k: ", ".join(k) if isinstance(k, (list, tuple)) else k)
        tooltip.append(alt.Tooltip("keywords:N"))
    for column in ("first_seen", "last_seen"):
        if column in data.columns:
            data[column] = data[column].map(lambda t: None if t is None or t != t else str(t)[:10])
            tooltip.append(alt.Tooltip(f"{column}:N", title=column.replace("_", " ")))
    keep = [c for c in ("theme_name", "id", "label", "n_reviews", "size", "keywords", "first_seen", "last_seen")
            if c in data.columns]
    return alt.Chart(data[keep]).mark_bar().encode(
        x=alt.X("n_reviews:Q", title="reviews it came up in"),
        y=alt.Y("theme_name:N", title=None, sort="-x"),
        color=alt.Color("size:Q", title="contributions", scale=alt.Scale(scheme="blues")),
        tooltip=tooltip,
    ).properties(title="Themes that keep coming back", width=480)
