"""The real path once: the bundled all-MiniLM-L6-v2 proposes themes for the sample's latest reviews."""

from __future__ import annotations

from datetime import datetime

import pytest

from reviewlab import open_archive
from reviewlab.planning import PlanningSession, archive_themes


@pytest.fixture(scope="module")
def small(sample_archive_path):
    """Reviews r30 to r40 of the sample archive, in memory (about 300 texts: quick to embed)."""
    with open_archive(sample_archive_path) as sample:
        bundles = [sample.bundle(f"r{n}") for n in range(30, 41)]
    archive = open_archive(":memory:")
    archive.import_reviews(bundles)
    yield archive
    archive.close()


def test_real_model_proposes_themes_and_new_items_are_embedded_alike(small):
    result = archive_themes(small)  # the bundled model, offline; embeddings cached in the archive
    assert result.model_key.startswith("all-MiniLM-L6-v2")
    assert small._rows("SELECT COUNT(*) AS n FROM embeddings")[0]["n"] > 250
    s = PlanningSession(small, "r40", themes=result, now=lambda: datetime.fromisoformat("2026-10-30T10:00:00+00:00"))
    proposals = s.proposals()
    assert set(proposals["item_id"]) >= {"r40-c27", "r40-c28"}
    assert set(proposals["theme_label"]) <= set(result.themes["label"])
    assert proposals["similarity"].between(0.3, 1.0).all()
    new = s.add_item("Ravi Shah", "Load test the slot service at eight times the Saturday peak.")
    assert not s.proposals(new.id).empty  # not in the analysis: embedded with its model
    mine = proposals[proposals["item_id"] == "r40-c27"].sort_values("n_reviews", ascending=False)
    label = mine["theme_label"].iloc[0]  # the most recurring of its proposals
    s.confirm_theme("r40-c27", label, "Femi Adeyemi")
    s.plan("r40-c27", effort="L")
    row = s.plan_frame().set_index("item_id").loc["r40-c27"]
    assert row["rank"] == 1 and row["reviews_reached"] >= 2
