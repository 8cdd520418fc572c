"""Planning against the theme catalogue: confirmations name theme ids, survive updates, follow merges."""

from __future__ import annotations

from datetime import datetime

from reviewlab.analysis.catalogue import load_catalogue, merge_themes, rename_theme, update_catalogue
from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.model import Participant, Review, ThemeLink
from reviewlab.planning import PlanningSession, repair_items_by_theme, repair_items_frame, status_by_theme

MODEL = KeywordEmbedder()


def past(archive, review_id: str, start: str, text: str) -> None:
    archive.add_review(Review(review_id, f"Past {review_id}", start, status="planning_done"), [Participant("Ana")])
    archive.add_contribution(review_id, "Ana", "observation", text, id=f"{review_id}-c1",
                             recorded_at=datetime.fromisoformat(start))


def with_disk_reviews(archive) -> None:
    for n, text in enumerate(["The disk filled up overnight.", "Disk filled up on the db host.",
                              "The db disk filled up again."]):
        past(archive, f"d{n}", f"2025-0{n + 1}-20T10:00:00+00:00", text)


def ids_by_word(catalogue) -> dict[str, str]:
    out = {}
    for theme in catalogue.themes("factors"):
        text = " ".join(catalogue.members_frame(theme.id)["text"]).lower()
        out["lag" if "lag" in text else "disk"] = theme.id
    return out


def test_confirmations_name_ids_and_impact_follows_merges(archive, held, clock) -> None:
    with_disk_reviews(archive)
    catalogue = update_catalogue(archive, model=MODEL).catalogue
    ids = ids_by_word(catalogue)
    assert sorted(ids) == ["disk", "lag"]
    clock.advance(5)
    session = PlanningSession(archive, "r9", themes=catalogue, now=clock, model=MODEL)
    proposals = session.proposals("r9-c4")
    assert session.proposal_keys(proposals)[0] == ids["lag"]
    link = session.confirm_theme("r9-c4", ids["lag"], by="Fay")
    assert (link.theme_id, link.theme_label) == (ids["lag"], catalogue.get(ids["lag"]).label)
    row = session.plan_frame().set_index("item_id").loc["r9-c4"]
    assert row["addressed_ids"] == [ids["lag"]]
    assert row["reviews_reached"] == 3  # p1, p2 and r9; p3 came after this incident

    # a rename and a re-analysis keep the link; a merge carries it to the theme merged into
    rename_theme(archive, ids["lag"], "Replica lag unseen")
    update_catalogue(archive, model=MODEL)
    merge_themes(archive, ids["disk"], [ids["lag"]], by="Mei")
    later = PlanningSession(archive, "r9", themes=load_catalogue(archive), now=clock, model=MODEL)
    row = later.plan_frame().set_index("item_id").loc["r9-c4"]
    assert row["addressed_ids"] == [ids["disk"]]
    assert row["reviews_reached"] == 5  # d0 and d1 joined p1, p2, r9 (d2 came after this incident)
    assert repair_items_frame(archive, "r9").set_index("item_id").loc["r9-c4", "themes"] == [ids["lag"]]
    by_theme = repair_items_by_theme(archive, load_catalogue(archive), model=MODEL).set_index("item_id")
    assert by_theme.loc["r9-c4", ["theme_id", "source"]].tolist() == [ids["disk"], "confirmed"]
    assert by_theme.loc["r9-c4", "theme_label"] == load_catalogue(archive).get(ids["disk"]).display
    status = status_by_theme(by_theme.reset_index(), load_catalogue(archive)).set_index("theme_label")
    assert status.loc[load_catalogue(archive).get(ids["disk"]).display, "n_reviews"] == 7  # every review, later ones too


def test_a_label_link_from_before_the_catalogue_is_kept_then_resolved(archive, held, clock) -> None:
    with_disk_reviews(archive)
    archive.confirm_item_theme(ThemeLink("r9-c5", "replica / lag", "Fay", clock()))
    clock.advance(5)
    unresolved = PlanningSession(archive, "r9", themes=load_catalogue(archive), now=clock, model=MODEL)
    row = unresolved.plan_frame().set_index("item_id").loc["r9-c5"]
    assert row["unmatched"] == ["replica / lag"] and row["reviews_reached"] == 1  # kept, shown, not counted
    result = update_catalogue(archive, model=MODEL)
    lag = ids_by_word(result.catalogue)["lag"]
    assert result.links_resolved == 1 and [link.theme_id for link in archive.item_themes()] == [lag]
    session = PlanningSession(archive, "r9", themes=result.catalogue, now=clock, model=MODEL)
    assert session.plan_frame().set_index("item_id").loc["r9-c5", "reviews_reached"] == 3
    session.withdraw_theme("r9-c5", lag)
    assert archive.item_themes() == []


def test_unknown_theme_is_refused_in_one_line(archive, held, clock) -> None:
    import pytest

    from reviewlab.errors import ValidationError

    catalogue = update_catalogue(archive, model=MODEL).catalogue
    clock.advance(5)
    session = PlanningSession(archive, "r9", themes=catalogue, now=clock, model=MODEL)
    with pytest.raises(ValidationError, match="no theme 'T0999' in the catalogue"):
        session.confirm_theme("r9-c4", "T0999", by="Fay")
    assert archive.item_themes() == []


def test_the_desk_offers_and_confirms_theme_ids(archive, held, clock) -> None:
    from reviewlab.capture import PlanningDesk
    from reviewlab.capture.demo import confirm_proposed

    with_disk_reviews(archive)
    catalogue = update_catalogue(archive, model=MODEL).catalogue
    lag = ids_by_word(catalogue)["lag"]
    clock.advance(5)
    desk = PlanningDesk(archive, "r9", themes=catalogue, now=clock, model=MODEL)
    desk.item.value = "r9-c4"
    assert [v for _, v in desk.proposed.options][0] == lag
    assert desk.proposed.options[0][0].startswith(f"{lag}: {catalogue.get(lag).display} (")
    assert desk.confirm("r9-c4", [lag], by="Fay") == f"Themes of r9-c4: {lag}."
    assert [(t.item_id, t.theme_id) for t in archive.item_themes()] == [("r9-c4", lag)]
    outcomes = confirm_proposed(desk, by="Fay", items=["r9-c5"])
    assert outcomes == [f"Themes of r9-c5: {lag}."]
    row = desk.plan.set_index("item_id").loc["r9-c5"]
    assert row["addressed_ids"] == [lag] and row["reviews_reached"] == 3
