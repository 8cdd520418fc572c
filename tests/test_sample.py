"""The sample archive holds what data/README.md promises: a realistic 18 months of reviews."""

from __future__ import annotations

import re
from itertools import combinations

import pandas as pd
import pytest

from reviewlab.model import Kind
from reviewlab.sample import planted_themes, sample_files


@pytest.fixture(scope="module")
def frame(sample_archive_path):
    from reviewlab import open_archive

    with open_archive(sample_archive_path) as a:
        return a.contributions_frame(include_private=True), a.reviews_frame(), [a.participants(r.id) for r in a.reviews()], a.reviews()


def test_about_forty_reviews_over_about_eighteen_months(frame):
    _, reviews, _, _ = frame
    assert 36 <= len(reviews) <= 45
    assert len(reviews) == len(sample_files())
    span = reviews["incident_start"].max() - reviews["incident_start"].min()
    assert pd.Timedelta(days=400) <= span <= pd.Timedelta(days=600)
    assert reviews["severity"].nunique() >= 3
    assert len({s for services in reviews["services"] for s in services}) >= 10


def test_rosters_and_contribution_counts(frame):
    contributions, reviews, rosters, _ = frame
    assert all(3 <= len(r) <= 8 for r in rosters)
    counts = contributions.groupby("review_id").size()
    assert counts.between(10, 40).all(), counts[~counts.between(10, 40)]


def test_every_kind_and_what_went_right_everywhere(frame):
    contributions, _, _, _ = frame
    assert set(contributions["kind"]) == {k.value for k in Kind}
    per_review = contributions.groupby("review_id")["kind"].agg(set)
    assert all({"went_right", "learning"} <= kinds for kinds in per_review)


def test_facilitators_mostly_neutral_with_a_few_that_responded(frame):
    _, _, rosters, reviews = frame
    responded = [r.id for r, roster in zip(reviews, rosters)
                 if any(p.name == r.facilitator and p.responded for p in roster)]
    assert 1 <= len(responded) <= 3
    assert all(r.facilitator_override for r in reviews if r.id in responded)


def test_interviews_viewpoints_and_plans(frame):
    contributions, reviews, _, _ = frame
    assert contributions.loc[contributions["phase"] == "interview", "review_id"].nunique() >= 10
    assert contributions["private"].any()
    linked = contributions[contributions["kind"].eq("timeline_event") & contributions["links_to"].notna()]
    assert linked["review_id"].nunique() >= 15
    assert (reviews["status"] == "planning_done").sum() >= 10
    assert contributions.loc[contributions["kind"] == "repair_item", "review_id"].nunique() >= 30


def test_no_two_contributions_are_the_same(frame):
    contributions, _, _, _ = frame
    normal = contributions["text"].str.lower().str.replace(r"\W+", " ", regex=True).str.strip()
    assert normal.is_unique


def test_planted_themes_recur_and_paraphrases_differ(frame):
    contributions, _, _, _ = frame
    planted = planted_themes()
    assert set(planted["contribution_id"]) <= set(contributions["contribution_id"])
    assert planted["contribution_id"].is_unique
    merged = planted.merge(contributions, on="contribution_id")
    reviews_per_theme = merged.groupby("theme")["review_id"].nunique()
    assert (reviews_per_theme >= 4).all(), reviews_per_theme
    assert sum(t.startswith("cf_") for t in reviews_per_theme.index) >= 6
    assert sum(t.startswith("wr_") for t in reviews_per_theme.index) >= 4
    assert len(planted) < 0.5 * len(contributions)  # many contributions belong to no theme
    words = lambda text: set(re.findall(r"[a-z']+", text.lower()))  # noqa: E731
    for theme, group in merged.groupby("theme"):
        pairs = [len(words(a) & words(b)) / len(words(a) | words(b)) for a, b in combinations(group["text"], 2)]
        assert sum(p > 0.5 for p in pairs) <= 0.05 * len(pairs), theme
