"""FilterPanel: the analyst's filters (date range, service, severity, kind) over a contributions frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from reviewlab.explore import filter_frame

if TYPE_CHECKING:
    import pandas as pd


class FilterPanel(widgets.VBox):
    """Date pickers and multi-selects; `filtered()` is the frame as chosen (nothing chosen keeps all).

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"review_id": ["r1", "r2"], "kind": ["observation", "went_right"], "severity": ["SEV2", "SEV3"],
        ...     "services": [["api"], ["web"]], "incident_start": pd.to_datetime(["2025-01-02", "2025-03-04"], utc=True)})
        >>> panel = FilterPanel(f)
        >>> panel.kinds.value = ("went_right",)
        >>> len(panel.filtered()), panel.summary.value
        (1, '1 of 2 contributions, 1 of 2 reviews')
    """

    def __init__(self, frame: pd.DataFrame, on_change: Callable[[pd.DataFrame], Any] | None = None) -> None:
        import pandas as pd

        self.frame = frame
        self.on_change = on_change
        days = pd.to_datetime(frame["incident_start"], utc=True).dt.date if len(frame) else pd.Series([], dtype=object)
        self.start = widgets.DatePicker(description="from", value=days.min() if len(days) else None)
        self.end = widgets.DatePicker(description="to", value=days.max() if len(days) else None)
        services = sorted({s for row in frame.get("services", []) for s in (row or ())})
        self.services = widgets.SelectMultiple(options=services, description="services", rows=6)
        self.severities = widgets.SelectMultiple(options=sorted(frame["severity"].dropna().unique()),
                                                 description="severity", rows=4)
        self.kinds = widgets.SelectMultiple(options=sorted(frame["kind"].dropna().unique()), description="kind",
                                            rows=6)
        self.summary = widgets.Label()
        for w in (self.start, self.end, self.services, self.severities, self.kinds):
            w.observe(self._changed, names="value")
        super().__init__([widgets.HBox([self.start, self.end]),
                          widgets.HBox([self.services, self.severities, self.kinds]), self.summary])
        self._changed()

    def filtered(self) -> pd.DataFrame:
        """The contributions that pass the filters as they are set now."""
        return filter_frame(self.frame, start=self.start.value, end=self.end.value, services=self.services.value,
                            severities=self.severities.value, kinds=self.kinds.value)

    def _changed(self, _change: Any = None) -> None:
        rows = self.filtered()
        reviews = rows["review_id"].nunique() if "review_id" in rows else 0
        total = self.frame["review_id"].nunique() if "review_id" in self.frame else 0
        self.summary.value = f"{len(rows)} of {len(self.frame)} contributions, {reviews} of {total} reviews"
        if self.on_change is not None:
            self.on_change(rows)
