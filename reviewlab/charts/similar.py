"""Similar reviews: a bar per past review by its similarity, with the themes it shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("review_id", "similarity")


def similar_reviews_chart(similar: pd.DataFrame, reviews: pd.DataFrame | None = None) -> alt.Chart:
    """The most similar reviews, most similar on top; hover for title and shared themes.

    Arguments:
        similar: `similar_reviews(...)` or `similar_to_text(...)`: review_id, similarity, and where present
            shared_labels (list) and best_match.
        reviews: `Archive.reviews_frame()` to show titles (columns id, title).

    Examples:
        >>> import pandas as pd
        >>> s = pd.DataFrame({"review_id": ["r2", "r7"], "similarity": [0.81, 0.64]})
        >>> similar_reviews_chart(s).to_dict()["encoding"]["x"]["field"]
        'similarity'
    """
    import altair as alt

    require_columns(similar, NEEDED, "similar_reviews_chart")
    data = similar.copy()
    data["title"] = data["review_id"]
    if reviews is not None and len(reviews):
        data["title"] = data["review_id"].map(dict(zip(reviews["id"], reviews["title"]))).fillna(data["review_id"])
    tooltip = ["review_id:N", "title:N", alt.Tooltip("similarity:Q", format=".2f")]
    if "shared_labels" in data.columns:
        data["shared"] = data["shared_labels"].map(lambda v: ", ".join(v) if isinstance(v, (list, tuple)) else v)
        tooltip.append(alt.Tooltip("shared:N", title="shared themes"))
    if "best_match" in data.columns:
        tooltip.append(alt.Tooltip("best_match:N", title="closest contribution"))
    keep = [c for c in ("review_id", "title", "similarity", "shared", "best_match") if c in data.columns]
    return alt.Chart(data[keep]).mark_bar().encode(
        x=alt.X("similarity:Q", scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("title:N", title=None, sort="-x"),
        tooltip=tooltip,
    ).properties(title="Most similar past reviews", width=420)
