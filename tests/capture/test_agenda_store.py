"""The meeting agenda in the archive (schema v4): replaced whole, kept in order, gone with its review."""

from __future__ import annotations

import pytest

from reviewlab.errors import ReviewNotFound, ValidationError
from reviewlab.model import AgendaItem


def test_agenda_round_trip_and_replace(archive, review):
    archive.set_agenda(review.id, [AgendaItem("detection", 20, ("c1",)), AgendaItem("recovery", 15)])
    assert [(a.title, a.minutes, a.contribution_ids) for a in archive.agenda(review.id)] == [
        ("detection", 20, ("c1",)), ("recovery", 15, ())]
    archive.set_agenda(review.id, [AgendaItem("recovery", 30)])
    assert [a.title for a in archive.agenda(review.id)] == ["recovery"]


def test_agenda_goes_with_its_review(archive, review):
    archive.set_agenda(review.id, [AgendaItem("detection")])
    archive.delete_review(review.id)
    assert archive._rows("SELECT COUNT(*) AS n FROM agenda_items")[0]["n"] == 0
    with pytest.raises(ReviewNotFound):
        archive.agenda_items = archive.set_agenda("nope", [])


@pytest.mark.parametrize("minutes", [0, 91, "ten"])
def test_agenda_item_minutes_are_checked(minutes):
    with pytest.raises(ValidationError, match="minutes"):
        AgendaItem("detection", minutes)
