"""Fixtures of the planning tests: a review whose meeting was held, a movable clock, a hand-made theme result."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from reviewlab.archive import Archive
from reviewlab.model import Participant, Review

MEETING = datetime(2025, 3, 6, 14, 0, tzinfo=timezone.utc)


class Clock:
    """A clock tests move by hand, starting the morning after the meeting (19 hours on)."""

    def __init__(self) -> None:
        self.at = MEETING + timedelta(hours=19)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, hours: float) -> None:
        self.at += timedelta(hours=hours)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _past_review(archive: Archive, review_id: str, start: str, text: str) -> None:
    archive.add_review(Review(review_id, f"Past {review_id}", start, status="planning_done"), [Participant("Ana")])
    archive.add_contribution(review_id, "Ana", "observation", text, id=f"{review_id}-c1",
                             recorded_at=datetime.fromisoformat(start))


@pytest.fixture
def held(archive: Archive) -> Review:
    """Review r9 (meeting held on 6 March), after two past reviews and before one later review.

    r9 has interview and meeting contributions and three parked repair items, two of them duplicates.
    """
    _past_review(archive, "p1", "2025-01-10T10:00:00+00:00", "The replica lag alert paged nobody.")
    _past_review(archive, "p2", "2025-02-10T10:00:00+00:00", "Replica lag grew for an hour unseen.")
    _past_review(archive, "p3", "2025-06-10T10:00:00+00:00", "Replica lag again, after the review.")
    review = archive.add_review(
        Review("r9", "Replica lag broke search", "2025-03-04T10:00:00+00:00", incident_end="2025-03-04T11:00:00+00:00",
               status="meeting_held", meeting_at=MEETING, facilitator="Fay"),
        [Participant("Fay", "facilitator", responded=False), Participant("Ana", "incident_commander"),
         Participant("Bo", "responder")])
    at = MEETING + timedelta(minutes=5)
    add = archive.add_contribution
    add("r9", "Bo", "observation", "I thought the lag alert was muted.", phase="interview", id="r9-c1", recorded_at=at,
        private=True)
    add("r9", "Ana", "observation", "Replica lag reached forty minutes.", id="r9-c2", recorded_at=at)
    add("r9", "Bo", "went_right", "The runbook for failover was clear.", id="r9-c3", recorded_at=at)
    add("r9", "Ana", "repair_item", "Alert on replica lag over five minutes.", id="r9-c4", recorded_at=at)
    add("r9", "Bo", "repair_item", "Page someone when replica lag grows.", id="r9-c5", recorded_at=at)
    add("r9", "Bo", "repair_item", "Rewrite the search indexer.", id="r9-c6", recorded_at=at)
    return review


@pytest.fixture
def themes():
    """A hand-made theme result: 'replica lag' seen in p1, p2, r9 and (later) p3; 'indexer' only in r9."""
    import numpy as np
    import pandas as pd

    from reviewlab.analysis import ThemeResult

    ids = ["p1-c1", "p2-c1", "p3-c1", "r9-c2", "r9-c3", "r9-c4", "r9-c5", "r9-c6"]
    theme = [0, 0, 0, 0, 1, 0, 0, 2]
    labels = {0: "replica lag", 1: "runbook failover", 2: "indexer"}
    reviews = ["p1", "p2", "p3", "r9", "r9", "r9", "r9", "r9"]
    seen = pd.to_datetime(["2025-01-10T10:00Z", "2025-02-10T10:00Z", "2025-06-10T10:00Z"] + ["2025-03-04T10:00Z"] * 5,
                          utc=True)
    kinds = ["observation"] * 4 + ["went_right", "repair_item", "repair_item", "repair_item"]
    assignments = pd.DataFrame({"theme": theme, "theme_label": [labels[t] for t in theme], "similarity": 1.0,
                                "review_id": reviews, "kind": kinds, "seen_at": seen}, index=ids)
    vectors = np.eye(3, dtype=np.float32)[theme]
    rows = [{"theme": t, "label": labels[t], "size": theme.count(t),
             "n_reviews": len({r for r, x in zip(reviews, theme, strict=True) if x == t}),
             "kinds": dict(pd.Series([k for k, x in zip(kinds, theme, strict=True) if x == t]).value_counts())}
            for t in labels]
    return ThemeResult(assignments, pd.DataFrame(rows), vectors)
