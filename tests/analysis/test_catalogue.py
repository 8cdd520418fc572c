"""The theme catalogue: stable ids across updates, curation that lasts, sides, links by id (stand-in model).

The real model runs on the sample in test_catalogue_sample.py (slow).
"""

from __future__ import annotations

import pytest

from reviewlab import open_archive
from reviewlab.analysis.catalogue import (
    UnknownTheme,
    hide_theme,
    load_catalogue,
    merge_themes,
    pin_contribution,
    rename_theme,
    split_theme,
    update_catalogue,
)
from reviewlab.analysis.testing import KeywordEmbedder
from reviewlab.errors import ValidationError
from reviewlab.model import Participant, Review, ThemeLink

TOPICS = {
    "disk": ["disk full on the db host", "the disk was full again", "disk full alert on db",
             "db disk full overnight"],
    "pager": ["pager came late at night", "late pager for the on-call", "the pager paged late",
              "pager late again"],
    "config": ["config change rolled to all regions", "config change hit every region",
               "region wide config change", "config change in all regions"],
}
RIGHT = [["rollback practised and quick", "quick practised rollback", "practised rollback saved us",
          "the practised rollback"],
         ["status page updated early", "early status page update", "status page kept customers told",
          "status page told customers early"]]
REPAIRS = [["add disk alert runbook", "write disk alert runbook", "disk alert runbook for hosts",
            "runbook for the disk alert"],
           ["route pager through backup provider", "backup pager provider route", "pager backup provider",
            "add backup provider for the pager"]]
QUESTIONS = ["what did you know then", "what did you know then about it", "what did you know then really"]


def add_review(archive, n: int, texts: list[tuple[str, str]], *, held: bool = True) -> None:
    rid = f"r{n:02d}"
    archive.add_review(Review(rid, f"Incident {n}", f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}T10:00:00+00:00",
                              status="meeting_held" if held else "interviewing",
                              meeting_at=f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}T12:00:00+00:00" if held else None),
                       [Participant("Ana"), Participant("Ben")])
    for j, (kind, text) in enumerate(texts):
        archive.add_contribution(rid, "Ana" if j % 2 else "Ben", kind, text, id=f"{rid}-c{j}")


def build(archive, reviews: int = 4) -> None:
    for n in range(reviews):
        texts = [("observation", TOPICS[t][n % 4]) for t in ("disk", "pager")]
        texts += [("timeline_event", TOPICS["config"][n % 4]), ("question", QUESTIONS[n % 3]),
                  ("went_right", RIGHT[0][n % 4]), ("repair_item", REPAIRS[0][n % 4]),
                  ("went_right", RIGHT[1][n % 4]), ("repair_item", REPAIRS[1][n % 4])]
        add_review(archive, n, texts)


@pytest.fixture
def archive():
    a = open_archive(":memory:")
    build(a)
    yield a
    a.close()


def update(archive, **options):
    return update_catalogue(archive, model=KeywordEmbedder(), **options)


def by_topic(catalogue) -> dict[str, str]:
    out = {}
    for theme in catalogue.themes("factors"):
        texts = " ".join(catalogue.members_frame(theme.id)["text"])
        topic = next((t for t in TOPICS if t in texts), None)
        if topic is not None:
            out[topic] = theme.id
    return out


def test_first_update_makes_the_sides_and_leaves_questions_out(archive) -> None:
    result = update(archive)
    cat = result.catalogue
    assert result.new_themes == len(result.new_ids) == 7
    assert sorted(by_topic(cat)) == ["config", "disk", "pager"]
    assert all(t.id.startswith("T") for t in cat.themes("factors"))
    assert [t.id[0] for t in cat.themes("went_right")] == ["W", "W"]
    assert [t.id[0] for t in cat.themes("repairs")] == ["R", "R"]
    frame = archive.contributions_frame().set_index("contribution_id")
    themed = {c for side in ("factors", "went_right", "repairs") for t in cat.themes(side) for c in t.members}
    assert not any(frame.at[c, "kind"] == "question" for c in themed)
    assert all(cat.theme_of(c) is None for c in frame.index[frame["kind"] == "question"])
    for t in cat.themes("factors"):
        assert set(cat.members_frame(t.id)["kind"]) <= {"observation", "timeline_event", "learning"}
    assert load_catalogue(archive).frame()["id"].tolist() == cat.frame()["id"].tolist()


def test_an_empty_or_never_updated_catalogue(archive) -> None:
    cat = load_catalogue(archive)
    assert cat.themes() == [] and cat.frame().empty
    with pytest.raises(UnknownTheme, match="catalogue is empty"):
        cat.get("T0001")
    empty = open_archive(":memory:")
    assert update(empty).catalogue.themes() == []


def test_ids_stay_and_new_contributions_join_or_form_new_themes(archive) -> None:
    first = update(archive).catalogue
    ids = by_topic(first)
    members = {t.id: set(t.members) for t in first.themes("factors")}
    add_review(archive, 10, [("observation", "disk full on db again"), ("observation", "pager late at night again"),
                             ("observation", "cert expired on the edge"), ("observation", "the cert expired"),
                             ("observation", "edge cert expired again")])
    result = update(archive)
    cat = result.catalogue
    assert by_topic(cat) == ids  # every theme keeps its id
    for theme_id, before in members.items():
        assert before <= set(cat.get(theme_id).members)  # and its members
    assert cat.theme_of("r10-c0") == ids["disk"] and cat.theme_of("r10-c1") == ids["pager"]
    cert = {cat.theme_of(f"r10-c{i}") for i in (2, 3, 4)}
    assert len(cert) == 1 and cert.pop() in result.new_ids  # a genuinely new group: a new id
    assert result.kept == 4 * 7  # everything themed before kept its theme (factors, went right, repairs)
    assert result.joined >= 2 and result.moved == 0
    again = update(archive)
    assert (again.new_themes, again.joined, again.moved) == (0, 0, 0)


def test_deterministic_for_the_same_archive_and_history() -> None:
    runs = []
    for _ in range(2):
        a = open_archive(":memory:")
        build(a, 3)
        update(a)
        add_review(a, 5, [("observation", "disk full again on db"), ("observation", "pager late once more")])
        update(a)
        runs.append([(t.id, t.label, t.members) for side in ("factors", "went_right", "repairs")
                     for t in load_catalogue(a).themes(side)])
    assert runs[0] == runs[1]


def test_withdrawn_and_unheld_contributions_leave(archive) -> None:
    cat = update(archive).catalogue
    disk = by_topic(cat)["disk"]
    archive.withdraw_contribution("r00-c0", by="Ana", reason="duplicate")
    result = update(archive)
    assert "r00-c0" not in result.catalogue.get(disk).members and result.left_out == 1
    add_review(archive, 20, [("observation", "disk full on db host again")], held=False)
    assert update(archive).catalogue.theme_of("r20-c0") is None  # its meeting has not been held


def test_rename_merge_hide_last_through_updates(archive) -> None:
    ids = by_topic(update(archive).catalogue)
    rename_theme(archive, ids["disk"], "  Disks fill up ", by="Mei")
    merged = merge_themes(archive, ids["pager"], [ids["config"]], by="Mei")
    assert merged.id == ids["pager"] and merged.curated
    hide_theme(archive, ids["disk"], by="Mei")
    add_review(archive, 11, [("observation", "disk full on db again"), ("timeline_event", "config change to all regions")])
    cat = update(archive).catalogue
    disk = cat.get(ids["disk"])
    assert (disk.name, disk.display, disk.status) == ("Disks fill up", "Disks fill up", "hidden")
    assert ids["disk"] not in [t.id for t in cat.themes()] and ids["disk"] in [t.id for t in cat.themes(include_hidden=True)]
    assert cat.theme_of("r11-c0") == ids["disk"]  # hidden themes still hold what fits them
    assert cat.get(ids["config"]).status == "merged" and cat.resolve(ids["config"]) == ids["pager"]
    assert cat.theme_of("r11-c1") == ids["pager"]  # new config talk joins the merged theme
    assert all(cat.theme_of(c) == ids["pager"] for c in ("r00-c2", "r01-c2", "r00-c1"))
    assert [d["action"] for d in archive.theme_decisions()] == ["rename", "merge", "hide"]
    assert all(d["made_by"] == "Mei" and d["at"] for d in archive.theme_decisions())
    hide_theme(archive, ids["disk"], hidden=False)
    assert update(archive).catalogue.get(ids["disk"]).status == "active"


def test_pins_hold(archive) -> None:
    ids = by_topic(update(archive).catalogue)
    pin_contribution(archive, "r00-c0", ids["pager"], by="Mei")   # a disk text pinned to pager
    pin_contribution(archive, "r01-c1", None, by="Mei")           # a pager text pinned out
    for _ in range(2):
        cat = update(archive).catalogue
        assert cat.theme_of("r00-c0") == ids["pager"] and cat.theme_of("r01-c1") is None
    with pytest.raises(ValidationError, match="not in the theme analysis"):
        pin_contribution(archive, "r00-c3", ids["pager"])  # a question
    went_right = load_catalogue(archive).themes("went_right")[0].id
    with pytest.raises(ValidationError, match="factors contribution"):
        pin_contribution(archive, "r00-c0", went_right)


def test_split_parts_keep_apart(archive) -> None:
    ids = by_topic(update(archive).catalogue)
    merge_themes(archive, ids["disk"], ids["pager"])
    parts = split_theme(archive, ids["disk"], model=KeywordEmbedder(), by="Mei")
    assert parts[0].id == ids["disk"] and len(parts) >= 2 and not {p.id for p in parts[1:]} & set(ids.values())
    texts = [" ".join(load_catalogue(archive).members_frame(p.id)["text"]) for p in parts]
    assert all(("disk" in t) != ("pager" in t) for t in texts)  # each part is one of the two merged topics
    add_review(archive, 12, [("observation", "disk full on db again"), ("observation", "pager late at night again")])
    cat = update(archive).catalogue
    assert {cat.theme_of("r12-c0"), cat.theme_of("r12-c1")} <= {p.id for p in parts}
    assert cat.theme_of("r12-c0") != cat.theme_of("r12-c1")
    assert all(set(cat.get(p.id).members) >= set(p.members) for p in parts)


def test_clear_errors(archive) -> None:
    update(archive)
    with pytest.raises(UnknownTheme, match="no theme 'T9999' in the catalogue; known ids include T"):
        rename_theme(archive, "T9999", "x")
    ids = by_topic(load_catalogue(archive))
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        merge_themes(archive, ids["disk"], [ids["disk"]])
    with pytest.raises(ValidationError, match="only themes of one side"):
        merge_themes(archive, ids["disk"], [load_catalogue(archive).themes("repairs")[0].id])
    merge_themes(archive, ids["disk"], [ids["pager"]])
    with pytest.raises(ValidationError, match=f"merged into {ids['disk']}"):
        rename_theme(archive, ids["pager"], "x")
    with pytest.raises(ValidationError, match="at most 120"):
        rename_theme(archive, ids["disk"], "x" * 121)
    assert [d["action"] for d in archive.theme_decisions()] == ["merge"]  # refusals record nothing


def test_label_links_resolve_on_the_first_update(archive) -> None:
    item = "r00-c5"
    archive.confirm_item_theme(ThemeLink(item, "disk full", "Mei", "2025-02-01T10:00:00+00:00"))
    archive.confirm_item_theme(ThemeLink(item, "quota / inventory-svc / pods", "Mei", "2025-02-01T10:00:00+00:00"))
    result = update(archive)
    disk = by_topic(result.catalogue)["disk"]
    links = {link.theme_label: link.theme_id for link in archive.item_themes()}
    assert links == {"disk full": disk, "quota / inventory-svc / pods": None}  # never dropped
    assert result.links_resolved == 1 and result.links_unresolved == [(item, "quota / inventory-svc / pods")]


def test_an_archive_from_before_the_catalogue_keeps_its_label_links(tmp_path) -> None:
    """Migration 10 on an archive at version 9: the catalogue does not exist yet, so a confirmed
    theme keeps its label (theme_id empty) and the first update resolves it where it can."""
    import sqlite3

    path = tmp_path / "old.db"
    with open_archive(path) as archive:
        build(archive)
    # take the archive back to version 9's shape, with links as version 9 wrote them
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM schema_version WHERE version >= 10")
    for table in ("themes", "theme_members", "theme_pins", "theme_decisions", "catalogue_updates"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE repair_item_themes DROP COLUMN theme_id")
    conn.execute("INSERT INTO repair_item_themes VALUES ('r00-c5', 'disk full', 'Mei', '2025-02-01T10:00:00+00:00')")
    conn.execute("INSERT INTO repair_item_themes VALUES ('r00-c5', 'quota / pods', 'Mei', '2025-02-01T10:00:00+00:00')")
    conn.close()
    with open_archive(path) as archive:
        assert [(t.theme_label, t.theme_id) for t in archive.item_themes()] == [("disk full", None),
                                                                              ("quota / pods", None)]
        result = update(archive)
        disk = by_topic(result.catalogue)["disk"]
        assert [(t.theme_label, t.theme_id) for t in archive.item_themes()] == [("disk full", disk),
                                                                              ("quota / pods", None)]
