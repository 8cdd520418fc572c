"""Who said what kind of thing in one review: a bar per participant, stacked by kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.frames import require_columns
from reviewlab.privacy import visible

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

NEEDED = ("participant", "kind")
KIND_ORDER = ["observation", "timeline_event", "went_right", "learning", "question", "repair_item"]


def contributions_chart(frame: pd.DataFrame) -> alt.Chart:
    """Contributions per participant, stacked by kind: did every voice get heard?

    Arguments:
        frame: contributions with columns participant and kind (e.g. `contributions_frame(review_id)`);
            private rows are left out when there is a `private` column.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"participant": ["Ana", "Ana", "Bo"], "kind": ["observation", "went_right", "learning"]})
        >>> contributions_chart(f).to_dict()["mark"]["type"]
        'bar'
    """
    import altair as alt

    require_columns(frame, NEEDED, "contributions_chart")
    data = visible(frame)
    counts = data.groupby(["participant", "kind"]).size().reset_index(name="contributions")
    return alt.Chart(counts).mark_bar().encode(
        x=alt.X("contributions:Q", title="contributions"),
        y=alt.Y("participant:N", title=None, sort="-x"),
        color=alt.Color("kind:N", sort=KIND_ORDER, scale=alt.Scale(domain=KIND_ORDER)),
        order=alt.Order("kind:N"),
        tooltip=["participant:N", "kind:N", "contributions:Q"],
    ).properties(title="Who said what kind of thing", width=480)
