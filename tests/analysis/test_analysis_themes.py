"""find_themes: shapes, edge cases, determinism, the automatic cut and explicit n_themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reviewlab.analysis import AnalysisError, find_themes
from reviewlab.analysis.cluster import cluster_vectors
from reviewlab.errors import MissingColumns

TEXTS = [
    "disk full on db-1", "the disk was full again", "disk full alert on the db host",
    "pager alert came late", "late pager alert at night", "the pager alert paged late",
    "config change rolled to all regions", "config change went to every region", "region wide config change",
    "lunch",
]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_inputs_give_no_themes(n: int, fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS[:n]}, index=[f"c{i}" for i in range(n)])
    result = find_themes(frame, model=fake_model)
    assert list(result.assignments.index) == list(frame.index)
    assert (result.assignments["theme"] == -1).all()
    assert result.themes.empty and "label" in result.themes.columns


def test_assignments_and_themes(fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS, "review_id": [f"r{i % 4}" for i in range(10)],
                          "incident_start": pd.date_range("2025-01-01", periods=10, freq="MS", tz="UTC")},
                         index=range(100, 110))
    result = find_themes(frame, model=fake_model)
    a = result.assignments
    assert list(a.index) == list(frame.index)
    assert a["theme"].dtype.kind == "i"
    assert sorted(set(a["theme"].iloc[:9])) == [0, 1, 2]
    assert a["theme"].iloc[9] == -1 and a["theme_label"].iloc[9] == ""
    t = result.themes
    assert list(t["theme"]) == [0, 1, 2] and (t["size"] == 3).all()
    assert {"disk", "pager", "config"} <= {w for k in t["keywords"] for w in " ".join(k).split()}
    assert (t["first_seen"] <= t["last_seen"]).all() and (t["n_reviews"] == 3).all()
    assert all(len(r) == 3 for r in t["representatives"])


def test_blank_texts_get_no_theme(fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS[:6] + ["", None, "   "]})
    result = find_themes(frame, model=fake_model)
    assert (result.assignments["theme"].iloc[6:] == -1).all()
    assert (result.assignments["theme"].iloc[:6] >= 0).all()


def test_deterministic(fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS * 3})
    one, two = find_themes(frame, model=fake_model), find_themes(frame, model=fake_model)
    pd.testing.assert_frame_equal(one.assignments, two.assignments)
    pd.testing.assert_frame_equal(one.themes, two.themes)


def test_n_themes_overrides(fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS})
    assert len(find_themes(frame, model=fake_model, n_themes=2).themes) == 2
    with pytest.raises(AnalysisError):
        find_themes(frame, model=fake_model, n_themes=0)


def test_missing_text_column_is_explained(fake_model) -> None:
    with pytest.raises(MissingColumns, match="text_column"):
        find_themes(pd.DataFrame({"body": ["x"]}), model=fake_model)


def test_large_input_goes_through_micro_clusters() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(5, 32))
    x = np.repeat(centres, 700, axis=0) + rng.normal(0, 0.3, (3500, 32))
    result = cluster_vectors(x, min_size=20, exact_limit=500)
    truth = np.repeat(np.arange(5), 700)
    from sklearn.metrics import adjusted_mutual_info_score

    assert result.n_themes == 5
    assert adjusted_mutual_info_score(truth, result.labels) > 0.95
    again = cluster_vectors(x, min_size=20, exact_limit=500)
    np.testing.assert_array_equal(result.labels, again.labels)


def test_precomputed_embeddings_need_one_row_each() -> None:
    with pytest.raises(AnalysisError, match="one row per row"):
        find_themes(pd.DataFrame({"text": ["a", "b"]}), embeddings=np.ones((3, 4)))


def test_consensus_option_finds_the_same_clear_themes(fake_model) -> None:
    frame = pd.DataFrame({"text": TEXTS * 2})
    default = find_themes(frame, model=fake_model)
    consensus = find_themes(frame, model=fake_model, method="consensus")
    assert len(consensus.themes) == len(default.themes) == 3
    np.testing.assert_array_equal(consensus.assignments["theme"], default.assignments["theme"])
    again = find_themes(frame, model=fake_model, method="consensus")
    pd.testing.assert_frame_equal(consensus.assignments, again.assignments)
    with pytest.raises(AnalysisError, match="method"):
        find_themes(frame, model=fake_model, method="louvain")


def test_consensus_on_micro_clusters_is_deterministic() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(5, 32))
    x = np.repeat(centres, 700, axis=0) + rng.normal(0, 0.3, (3500, 32))
    result = cluster_vectors(x, min_size=20, exact_limit=500, method="consensus")
    truth = np.repeat(np.arange(5), 700)
    from sklearn.metrics import adjusted_mutual_info_score

    assert result.n_themes == 5
    assert adjusted_mutual_info_score(truth, result.labels) > 0.95
    again = cluster_vectors(x, min_size=20, exact_limit=500, method="consensus")
    np.testing.assert_array_equal(result.labels, again.labels)


def test_themes_cut_across_kinds(fake_model) -> None:
    # each kind has its own form of words; the topics recur in both kinds
    rows = []
    for topic in ("disk full on the database host", "pager alert came very late"):
        for _ in range(3):
            rows.append((f"timeline event logged at night showing {topic}", "timeline_event"))
            rows.append((f"something learned afterwards about how {topic}", "learning"))
    frame = pd.DataFrame({"text": [f"{text} (note {i})" for i, (text, _) in enumerate(rows)],
                          "kind": [kind for _, kind in rows], "review_id": [f"r{i}" for i in range(len(rows))]})
    options = {"model": fake_model, "facets": None, "names_weight": 0, "min_size": 2}
    by_form = find_themes(frame, centre_kinds=False, **options).assignments["theme"].tolist()
    assert by_form == [0, 1] * 6  # without centring, the kinds' forms win
    by_topic = find_themes(frame, **options).assignments["theme"].tolist()
    assert by_topic == [0] * 6 + [1] * 6


def test_questions_never_form_themes_and_repairs_stand_apart(fake_model) -> None:
    """Questions share their phrasing, not a cause: they get no theme even when they repeat; repair
    items cluster on their own side, never mixed with what happened."""
    texts = ["what did the disk alert tell you", "what did the disk alert say", "what did the disk alert show",
             "disk full on db-1", "the disk was full again", "disk full on the db host",
             "pager came late", "late pager at night", "the pager paged late",
             "add a disk runbook", "write a disk runbook", "disk runbook for db hosts",
             "fix pager delay routing", "pager routing delay fix", "fix the pager routing delay"]
    kinds = ["question"] * 3 + ["observation"] * 6 + ["repair_item"] * 6
    frame = pd.DataFrame({"text": texts, "kind": kinds})
    a = find_themes(frame, model=fake_model).assignments
    assert (a["theme"].iloc[:3] == -1).all()
    assert (a["theme"].iloc[3:] >= 0).all()
    assert set(a["theme"].iloc[3:9]).isdisjoint(set(a["theme"].iloc[9:]))
    # the older behaviour stays available: nothing left out, nothing apart
    together = find_themes(frame, model=fake_model, unthemed=(), apart=()).assignments
    assert (together["theme"].iloc[:3] >= 0).all()
