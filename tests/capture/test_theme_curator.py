"""The theme curator driven without a browser (set values, click), on a copy of the sample archive whose
catalogue was built with the keyword stand-in embedder (fast; the real model runs in notebook 03's tests).

Every action goes to the catalogue API and is read back from the archive; every refusal is said in the
widget, never raised; private interview notes never reach the widget, even pinned into a theme.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewlab import open_archive
from reviewlab.analysis.catalogue import load_catalogue, pin_contribution, update_catalogue
from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.capture.widget_themes import NO_THEME, ThemeCurator
from reviewlab.errors import ValidationError


@pytest.fixture(scope="module")
def catalogued(sample_archive_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive with its catalogue built once (keyword embedder)."""
    path = tmp_path_factory.mktemp("curator") / "catalogued.db"
    shutil.copyfile(sample_archive_path, path)
    with open_archive(path) as archive:
        update_catalogue(archive, model=KeywordEmbedder(), progress=False)
    return path


@pytest.fixture
def archive(catalogued: Path, tmp_path: Path):
    path = tmp_path / "archive.db"
    shutil.copyfile(catalogued, path)
    with open_archive(path) as a:
        yield a


@pytest.fixture
def curator(archive):
    return ThemeCurator(archive, by="Ana (analyst)", model=KeywordEmbedder())


def _ids(curator: ThemeCurator) -> list[str]:
    return [v for _, v in curator.theme.options]


def test_the_list_shows_the_catalogue(archive, curator):
    frame = load_catalogue(archive).frame("factors")
    assert len(frame) >= 3
    assert _ids(curator) == frame["id"].tolist()  # the catalogue's order: most recurring first
    assert curator.theme.value == frame["id"].iloc[0]
    for row in frame.head(5).itertuples():
        assert f"data-id='{row.id}'" in curator.table.value and f"<code>{row.id}</code>" in curator.table.value
    first = frame.iloc[0]
    assert f"<td style='padding:2px 6px;overflow-wrap:anywhere'>{first['n_reviews']}</td>" in curator.table.value
    assert "First seen" in curator.table.value and "Status" in curator.table.value
    assert curator.members.value.count("class='rl-member'") == min(len(load_catalogue(archive).get(first["id"]).members), 40)
    # the pickers open on something, not blank: the theme's first contribution, the first other theme
    assert curator.contribution.value == load_catalogue(archive).members_frame(first["id"])["contribution_id"].iloc[0]
    assert curator.pin_target.value == frame["id"].iloc[1]


def test_rename_is_kept_and_listed(archive, curator):
    theme_id = _ids(curator)[1]
    label = load_catalogue(archive).get(theme_id).label
    out = curator.rename(theme_id, "Cache keys without the date")
    assert out == f"Renamed {theme_id} to \u201cCache keys without the date\u201d."
    assert "rl-saved" in curator.status.value and curator.saved_count == 1
    theme = load_catalogue(archive).get(theme_id)
    assert (theme.name, theme.label, theme.display) == ("Cache keys without the date", label, "Cache keys without the date")
    assert "Cache keys without the date" in curator.names()
    assert "Cache keys without the date" in curator.table.value and "generated: " in curator.table.value
    assert curator.theme.value == theme_id and curator.new_name.value == "Cache keys without the date"
    # a second curator on the same archive (a later session) sees the name
    assert "Cache keys without the date" in ThemeCurator(archive).names()


def test_refusals_are_said_not_raised(archive, curator):
    theme_id = _ids(curator)[0]
    assert curator.rename(theme_id, "   ") == "Not saved: type the theme's new name first"
    curator.others.value = ()
    curator.merge_button.click()
    assert curator.outcome() == "Not saved: tick the themes to merge into this one first"
    assert curator.merge(theme_id, ["T9999"]).startswith("Not saved: T9999 is not in the list")
    assert "rl-error" in curator.status.value and curator.saved_count == 0
    assert load_catalogue(archive).get(theme_id).name is None  # nothing was written


def test_merge_two_themes(archive, curator):
    keep, other = _ids(curator)[0], _ids(curator)[2]
    before = load_catalogue(archive)
    expected = set(before.get(keep).members) | set(before.get(other).members)
    out = curator.merge(keep, [other])
    assert out.startswith(f"Merged {other} into {keep}"), out
    after = load_catalogue(archive)
    assert set(after.get(keep).members) >= expected
    assert after.get(other).status == "merged" and after.resolve(other) == keep
    assert other not in _ids(curator) and curator.theme.value == keep
    assert f"{len(after.get(keep).members)} contributions" in out


def test_split_a_theme(archive, curator):
    big = max(_ids(curator), key=lambda t: len(load_catalogue(archive).get(t).members))
    members = set(load_catalogue(archive).get(big).members)
    out = curator.split(big)
    assert out.startswith(f"Split {big} into "), out
    parts = [t for t in load_catalogue(archive).themes("factors") if set(t.members) & members]
    assert len(parts) >= 2
    assert all(t.id in _ids(curator) for t in parts)


def test_hide_then_unhide(archive, curator):
    theme_id = _ids(curator)[0]
    out = curator.hide(theme_id)
    assert out.startswith(f"Hidden {theme_id}"), out
    assert load_catalogue(archive).get(theme_id).status == "hidden"
    assert theme_id not in _ids(curator)  # hidden themes leave the list
    curator.show_hidden.value = True
    assert theme_id in _ids(curator) and "hidden</td>" in curator.table.value
    curator.theme.value = theme_id
    assert curator.hide_button.description == "Un-hide"
    out = curator.hide(theme_id)
    assert out.startswith(f"Un-hidden {theme_id}") and load_catalogue(archive).get(theme_id).status == "active"


def test_pin_into_another_theme_and_out_of_any(archive, curator):
    source, target = _ids(curator)[0], _ids(curator)[1]
    moved = load_catalogue(archive).get(source).members[0]
    assert curator.pin(moved, target).startswith(f"Pinned {moved} into {target}")
    catalogue = load_catalogue(archive)
    assert catalogue.theme_of(moved) == target and moved not in catalogue.get(source).members
    assert curator.theme.value == source  # the analyst stays on the theme being cleaned up
    assert moved not in {v for _, v in curator.contribution.options}
    out = curator.pin(moved, None)
    assert out == f"Pinned {moved} out of any theme."
    assert load_catalogue(archive).theme_of(moved) is None
    assert (NO_THEME, "") in curator.pin_target.options


def test_decisions_survive_a_new_analysis(archive, curator):
    theme_id = _ids(curator)[0]
    curator.rename(theme_id, "Alerts nobody reads")
    update_catalogue(archive, model=KeywordEmbedder(), progress=False)
    curator.refresh()
    assert load_catalogue(archive).get(theme_id).display == "Alerts nobody reads"
    assert "Alerts nobody reads" in curator.names()


def test_analyse_again_button(archive):
    curator = ThemeCurator(archive, model=KeywordEmbedder())
    assert curator.reanalyse_button.layout.display == ""
    curator.reanalyse_button.click()
    assert curator.outcome().startswith("Catalogue updated ("), curator.outcome()
    assert ThemeCurator(archive).reanalyse_button.layout.display == "none"  # no model given: no button


def test_private_notes_never_shown(archive, curator):
    """Private interview notes are in no theme's list, and pinning one into a theme is refused, not done."""
    everything = archive.contributions_frame(include_private=True)
    private = everything[everything["private"]]
    assert len(private) > 0
    texts = [t[:40] for t in private["text"]]
    for theme_id in _ids(curator):
        curator.theme.value = theme_id
        shown = curator.members.value + str([label for label, _ in curator.contribution.options])
        assert not [t for t in texts if t in shown], theme_id
    assert not set(private["contribution_id"]) & {c for t in load_catalogue(archive).themes("factors") for c in t.members}
    with pytest.raises(ValidationError, match="not in the theme analysis"):
        pin_contribution(archive, private["contribution_id"].iloc[0], _ids(curator)[0])


def test_clearing_the_name_brings_back_the_label(archive, curator):
    theme_id = _ids(curator)[0]
    curator.rename(theme_id, "Alerts nobody reads")
    label = load_catalogue(archive).get(theme_id).label
    assert curator.rename(theme_id, "") == f"Name cleared: {theme_id} shows its generated label \u201c{label}\u201d again."
    assert load_catalogue(archive).get(theme_id).name is None


def test_text_is_escaped(archive, curator):
    theme_id = _ids(curator)[0]
    curator.rename(theme_id, "<img src=x onerror=alert(1)>")
    assert "<img" not in curator.table.value and "&lt;img src=x" in curator.table.value
    assert "&lt;img" in curator.status.value


def test_an_archive_without_a_catalogue(tmp_path):
    with open_archive(tmp_path / "empty.db") as empty:
        curator = ThemeCurator(empty)
        assert curator.theme.options == () and "No themes in this catalogue yet" in curator.table.value
        assert "run the catalogue" in curator.members.value
        curator.rename_button.click()
        assert curator.outcome() == "Not saved: choose a theme first"


def test_charts_and_report_follow_the_curation(archive, curator):
    """After a rename and a hide in the widget: the contributions' theme, the themes chart and the report
    carry the name; the hidden theme is in none of them; no private note reaches the report."""
    from reviewlab import charts, explore
    from reviewlab.report import themes_report

    named_id, hidden_id = _ids(curator)[0], _ids(curator)[1]
    curator.rename(named_id, "Alerts nobody reads")
    hidden_label = load_catalogue(archive).get(hidden_id).display
    curator.hide(hidden_id)
    catalogue = load_catalogue(archive)
    frame = archive.contributions_frame()
    named = explore.with_catalogue(frame, catalogue)
    members = set(catalogue.get(named_id).members)
    assert set(named.loc[named["theme_id"] == named_id, "contribution_id"]) == members
    assert (named.loc[named["contribution_id"].isin(members), "theme_label"] == "Alerts nobody reads").all()
    assert not named["theme_id"].eq(hidden_id).any()
    assert len(explore.theme_contributions(named, named_id)) == len(members)  # by id
    assert len(explore.theme_contributions(named, "Alerts nobody reads")) == len(members)  # or by name
    rows = next(iter(charts.themes_chart(catalogue.frame()).to_dict()["datasets"].values()))
    assert rows[0]["theme_name"] == "Alerts nobody reads" and hidden_label not in {r["theme_name"] for r in rows}
    over_time = next(iter(charts.themes_over_time_chart(named).to_dict()["datasets"].values()))
    assert "Alerts nobody reads" in {r["theme_label"] for r in over_time}
    report = themes_report(explore.catalogue_themes(catalogue), top=40)
    assert f"| Alerts nobody reads | {named_id} |" in report and f"| {hidden_id} |" not in report
    private = archive.contributions_frame(include_private=True)
    assert not [t for t in private.loc[private["private"], "text"] if t[:40] in report]


def test_the_other_catalogues(archive, curator):
    """What went right and recurring repairs have catalogues of their own, listed by their own ids."""
    curator.side.value = "went_right"
    assert _ids(curator) and all(t.startswith("W") for t in _ids(curator))
    assert _ids(curator) == load_catalogue(archive).frame("went_right")["id"].tolist()
    curator.side.value = "repairs"
    assert _ids(curator) and all(t.startswith("R") for t in _ids(curator))
    kinds = set(load_catalogue(archive).members_frame(_ids(curator)[0])["kind"])
    assert kinds == {"repair_item"}
