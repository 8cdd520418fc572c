"""The analyst's frame helpers and the filter panel of notebook 03."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab.explore import filter_frame, theme_contributions, themes_table, with_themes


@pytest.fixture
def frame():
    return pd.DataFrame({
        "contribution_id": ["a", "b", "c", "d"], "review_id": ["r1", "r1", "r2", "r3"],
        "kind": ["observation", "went_right", "observation", "learning"], "severity": ["SEV2", "SEV2", "SEV3", "SEV1"],
        "services": [["api"], ["api"], ["web", "api"], ["db"]], "text": ["w", "x", "y", "z"],
        "incident_start": pd.to_datetime(["2025-01-02T23:30Z", "2025-01-02T23:30Z", "2025-02-10T00:00Z",
                                         "2025-03-01T00:00Z"]),
    })


class Result:
    def __init__(self, index):
        self.assignments = pd.DataFrame({"theme": [0, 1, 0, -1], "theme_label": ["cache", "pager", "cache", ""],
                                         "similarity": [0.9, 0.8, 0.95, 0.0]}, index=index)
        self.themes = pd.DataFrame({"theme": [0, 1], "label": ["cache", "pager"], "keywords": [["a", "b"], ["c"]],
                                    "representative_ids": [[0], [1]], "kinds": [{"observation": 2}, {}]})


def test_filter_frame(frame):
    assert filter_frame(frame).equals(frame)
    assert filter_frame(frame, start="2025-01-02", end="2025-02-10")["review_id"].tolist() == ["r1", "r1", "r2"]
    assert filter_frame(frame, services=["web", "db"])["review_id"].tolist() == ["r2", "r3"]
    assert filter_frame(frame, severities=["SEV2"], kinds=["went_right"])["contribution_id"].tolist() == ["b"]


def test_with_themes_and_drill_down(frame):
    joined = with_themes(frame, Result(frame.index))
    rows = theme_contributions(joined, "cache")
    assert rows["text"].tolist() == ["y", "w"]  # most typical first
    assert theme_contributions(joined, 1)["text"].tolist() == ["x"]


def test_themes_table_flat_for_csv(frame):
    table = themes_table(frame, Result(frame.index), flat=True)
    assert table["keywords"].tolist() == ["a; b", "c"] and "representative_ids" not in table
    assert table["kinds"].tolist() == ['{"observation": 2}', "{}"]
    per_row = themes_table(frame, Result(frame.index), contributions=True)
    assert per_row.columns.tolist() == ["contribution_id", "review_id", "kind", "theme", "theme_label",
                                        "similarity", "text"]


def test_filter_panel(frame):
    from reviewlab.capture.widget_filters import FilterPanel

    seen = []
    panel = FilterPanel(frame, on_change=seen.append)
    assert panel.summary.value == "4 of 4 contributions, 3 of 3 reviews"
    panel.services.value = ("web",)
    assert panel.summary.value == "1 of 4 contributions, 1 of 3 reviews"
    assert seen[-1]["contribution_id"].tolist() == ["c"]
    panel.services.value = ()
    panel.severities.value = ("SEV1",)
    assert panel.filtered()["review_id"].tolist() == ["r3"]
