"""What the theme analysis sees for planning: held reviews only, private notes never, indexed by contribution id."""

from __future__ import annotations

from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.model import Participant, Review
from reviewlab.planning import archive_themes, fixed_clock


def test_archive_themes_reads_held_reviews_without_private_notes(archive, held):
    archive.add_review(Review("live", "Still being prepared", "2025-03-10T10:00:00+00:00"), [Participant("Cy")])
    archive.add_contribution("live", "Cy", "observation", "Replica lag again, they say.", phase="interview")
    result = archive_themes(archive, model=KeywordEmbedder(), min_size=2)
    ids = set(result.assignments.index)
    assert "r9-c1" not in ids  # the private interview note
    assert set(result.assignments["review_id"]) == {"p1", "p2", "p3", "r9"}
    assert {"r9-c4", "p1-c1"} <= ids
    everything = archive_themes(archive, model=KeywordEmbedder(), min_size=2, held_only=False)
    assert "live" in set(everything.assignments["review_id"])


def test_fixed_clock_refuses_a_naive_time():
    import pytest

    from reviewlab.errors import ValidationError

    with pytest.raises(ValidationError, match="no timezone"):
        fixed_clock("2026-10-30T10:00:00")
