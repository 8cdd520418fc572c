"""Archive scan: one row per review with flagged shares, and the drill-down frame."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab.coach import LABELS, MissingColumns, findings_frame, scan_frame
from reviewlab.coach.scan import FINDING_COLUMNS, SCAN_COLUMNS


@pytest.fixture
def contributions() -> pd.DataFrame:
    rows = [
        (1, "r2", "Queue stall", "question", "Why did you drain the queue?", "2025-03-10"),
        (2, "r2", "Queue stall", "question", "What helped the team recover?", "2025-03-10"),
        (3, "r2", "Queue stall", "observation", "It was human error, obviously.", "2025-03-10"),
        (4, "r1", "DNS outage", "question", "What was the root cause?", "2025-01-05"),
        (5, "r1", "DNS outage", "timeline_event", "Pager fired at 02:10.", "2025-01-05"),
        (6, "r3", "Cert expiry", "learning", "We learned how renewals work.", "2025-05-01"),
        (7, "r3", "Cert expiry", "went_right", None, "2025-05-01"),
    ]
    frame = pd.DataFrame(rows, columns=["contribution_id", "review_id", "review_title", "kind", "text",
                                        "incident_start"])
    frame["incident_start"] = pd.to_datetime(frame["incident_start"], utc=True)
    frame["recorded_at"] = frame["incident_start"]
    return frame


def test_scan_frame_one_row_per_review_in_time_order(contributions: pd.DataFrame) -> None:
    scan = scan_frame(contributions)
    assert list(scan.columns) == list(SCAN_COLUMNS)
    assert list(scan["review_id"]) == ["r1", "r2", "r3"]
    r2 = scan.set_index("review_id").loc["r2"]
    assert (r2.n_contributions, r2.n_flagged, r2.n_questions, r2.n_questions_flagged) == (3, 2, 2, 1)
    assert r2.share_flagged == pytest.approx(2 / 3)
    assert r2.share_questions_flagged == pytest.approx(0.5)
    assert (r2.why_question, r2.blame, r2.hindsight, r2.root_cause) == (1, 1, 1, 0)
    r3 = scan.set_index("review_id").loc["r3"]
    assert (r3.n_flagged, r3.share_flagged, r3.n_questions, r3.share_questions_flagged) == (0, 0.0, 0, 0.0)
    assert scan["review_title"].tolist() == ["DNS outage", "Queue stall", "Cert expiry"]


def test_scan_frame_does_not_modify_input(contributions: pd.DataFrame) -> None:
    before = contributions.copy()
    scan_frame(contributions)
    pd.testing.assert_frame_equal(contributions, before)


def test_findings_frame_for_drill_down(contributions: pd.DataFrame) -> None:
    found = findings_frame(contributions)
    assert list(found.columns) == list(FINDING_COLUMNS)
    assert set(found["label"]) <= set(LABELS)
    row = found[found["contribution_id"] == 4].iloc[0]
    assert (row.label, row.span) == ("root_cause", "root cause")
    assert found[found["contribution_id"] == 3]["label"].tolist() == ["blame", "hindsight"]
    assert all(isinstance(s, str) and s for s in found["suggestion"])


def test_empty_frame_and_missing_columns(contributions: pd.DataFrame) -> None:
    empty = scan_frame(contributions.iloc[0:0])
    assert empty.empty and list(empty.columns) == list(SCAN_COLUMNS)
    with pytest.raises(MissingColumns, match=r"needs columns \['text'\]"):
        scan_frame(contributions.drop(columns=["text"]))
