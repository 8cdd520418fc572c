"""The theme catalogue on the sample archive with the real model (slow, never skipped)."""

from __future__ import annotations

import shutil

import pytest

from reviewlab import open_archive
from reviewlab.analysis.catalogue import SIDES, update_catalogue

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def catalogued(sample_archive_path, tmp_path_factory, real_model):
    """A copy of the sample archive with its catalogue updated twice (the second from the cache)."""
    path = tmp_path_factory.mktemp("catalogue") / "sample.db"
    shutil.copy(sample_archive_path, path)
    with open_archive(path) as archive:
        first = update_catalogue(archive, model=real_model)
        second = update_catalogue(archive, model=real_model)
        frame = archive.contributions_frame().set_index("contribution_id")
    return first, second, frame


def test_no_theme_is_mostly_questions(catalogued):
    """On main, the theme in the second most reviews was 24 questions of 32 members."""
    _, second, frame = catalogued
    themes = [t for side in SIDES for t in second.catalogue.themes(side, include_hidden=True)]
    assert len(themes) >= 10
    for theme in themes:
        kinds = frame.loc[list(theme.members), "kind"]
        assert (kinds == "question").sum() * 2 <= len(kinds), (theme.id, theme.label)
    assert all((frame.loc[list(t.members), "kind"] != "question").all() for t in themes)


def test_sides_hold_their_kinds_and_an_update_without_news_changes_nothing(catalogued):
    first, second, frame = catalogued
    allowed = {"factors": {"observation", "timeline_event", "learning"}, "went_right": {"went_right"},
               "repairs": {"repair_item"}}
    for side in SIDES:
        found = second.catalogue.themes(side)
        assert found, side
        for theme in found:
            assert set(frame.loc[list(theme.members), "kind"]) <= allowed[side], theme.id
    assert (second.new_themes, second.joined, second.moved, second.left_out) == (0, 0, 0, 0)
    assert second.kept == sum(t.size for side in SIDES for t in first.catalogue.themes(side, include_hidden=True))
