"""Charts are specs: checked through to_dict() (mark, encodings, data), built from small hand-made frames."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab import charts
from reviewlab.errors import MissingColumns


def data_of(spec: dict) -> list[dict]:
    """The inline rows of a chart spec (altair puts them in `datasets`)."""
    return next(iter(spec["datasets"].values()))


@pytest.fixture
def themed() -> pd.DataFrame:
    """Contributions with their theme, as contributions_frame joined with find_themes(...).assignments."""
    rows = [
        ("r1", "Cache key", "2025-01-05", ["basket-api"], "Ana", "observation", 0, "stale cache"),
        ("r1", "Cache key", "2025-01-05", ["basket-api"], "Bo", "went_right", 0, "stale cache"),
        ("r2", "Cache again", "2025-02-11", ["basket-api", "promotions"], "Cy", "observation", 0, "stale cache"),
        ("r2", "Cache again", "2025-02-11", ["basket-api", "promotions"], "Cy", "learning", 1, "pager routing"),
        ("r3", "Pager", "2025-02-20", ["notifications"], "Di", "timeline_event", 1, "pager routing"),
        ("r3", "Pager", "2025-02-20", ["notifications"], "Di", "question", -1, "(no theme)"),
    ]
    frame = pd.DataFrame(rows, columns=["review_id", "review_title", "incident_start", "services", "participant",
                                        "kind", "theme", "theme_label"])
    frame["incident_start"] = pd.to_datetime(frame["incident_start"], utc=True)
    frame["text"] = [f"said <b>{i}</b>" for i in range(len(frame))]
    return frame


@pytest.fixture
def themes() -> pd.DataFrame:
    return pd.DataFrame({
        "theme": [0, 1, -1], "label": ["stale cache", "pager routing", "outliers"], "n_reviews": [2, 2, 1],
        "size": [3, 2, 1], "keywords": [["cache", "key"], ["pager"], []],
        "first_seen": pd.to_datetime(["2025-01-05", "2025-02-11", "2025-02-20"], utc=True),
        "last_seen": pd.to_datetime(["2025-02-11", "2025-02-20", "2025-02-20"], utc=True),
    })


def test_themes_chart(themes):
    spec = charts.themes_chart(themes).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "n_reviews" and spec["encoding"]["y"]["sort"] == "-x"
    rows = data_of(spec)
    assert [r["label"] for r in rows] == ["stale cache", "pager routing"]  # outliers (theme -1) left out
    assert rows[0]["keywords"] == "cache, key" and rows[0]["first_seen"] == "2025-01-05"
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"theme_name", "keywords", "first_seen", "last_seen"}
    assert [r["theme_name"] for r in rows] == ["stale cache", "pager routing"]  # no names given: the labels


def test_themes_chart_draws_the_analysts_names(themes):
    """A catalogue's frame (id, label, display): the bars carry the analyst's name, the tooltip id and label."""
    named = themes.assign(id=["T0001", "T0002", "T0003"], display=["Cache keys without the date", "pager routing",
                                                                    "outliers"])
    spec = charts.themes_chart(named).to_dict()
    assert spec["encoding"]["y"]["field"] == "theme_name"
    rows = data_of(spec)
    assert [(r["theme_name"], r["id"], r["label"]) for r in rows] == [
        ("Cache keys without the date", "T0001", "stale cache"), ("pager routing", "T0002", "pager routing")]
    assert {t["field"] for t in spec["encoding"]["tooltip"]} >= {"theme_name", "id", "label"}


def test_themes_chart_top(themes):
    assert len(data_of(charts.themes_chart(themes, top=1).to_dict())) == 1


def test_themes_over_time_chart(themed):
    spec = charts.themes_over_time_chart(themed).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonth" and spec["encoding"]["color"]["field"] == "reviews"
    cells = {(r["theme_label"], r["month"][:7]): r["reviews"] for r in data_of(spec)}
    assert cells == {("stale cache", "2025-01"): 1, ("stale cache", "2025-02"): 1, ("pager routing", "2025-02"): 2}
    assert any("Cache again; Pager" == r["titles"] for r in data_of(spec))


def test_themes_by_service_chart_counts_each_service(themed):
    spec = charts.themes_by_service_chart(themed).to_dict()
    cells = {(r["theme_label"], r["service"]): r["reviews"] for r in data_of(spec)}
    assert cells[("stale cache", "basket-api")] == 2
    assert cells[("stale cache", "promotions")] == 1
    assert ("(no theme)", "notifications") not in cells


def test_right_and_wrong_chart_diverges(themed):
    spec = charts.right_and_wrong_chart(themed).to_dict()
    signed = {(r["theme_label"], r["side"]): r["signed"] for r in data_of(spec)}
    assert signed == {("stale cache", "went right"): 1, ("stale cache", "went wrong"): -2,
                      ("pager routing", "learned"): 1, ("pager routing", "went wrong"): -1}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["went wrong", "went right", "learned"]


def test_drilldown_selects_a_theme_and_lists_its_contributions(themed):
    spec = charts.theme_drilldown_chart(themed).to_dict()
    bars, listing = spec["hconcat"]
    assert spec["params"][0]["select"] == {"type": "point", "fields": ["theme_label"]}
    assert bars["mark"]["type"] == "bar" and listing["mark"]["type"] == "text"
    assert listing["transform"][0] == {"filter": {"param": "theme", "empty": False}}
    lines = [r["line"] for r in data_of(spec)]
    assert "observation \u00b7 Ana: said <b>0</b>" in lines
    assert {t["field"] for t in listing["encoding"]["tooltip"]} == {"review", "participant", "kind", "text"}


def test_blame_trend_chart():
    scan = pd.DataFrame({"review_id": ["r1", "r2", "r3"], "review_title": ["a", "b", "c"],
                         "incident_start": pd.to_datetime(["2025-01-03", "2025-01-20", "2025-02-09"], utc=True),
                         "n_contributions": [10, 10, 5], "n_flagged": [2, 0, 1],
                         "share_flagged": [0.2, 0.0, 0.2], "share_questions_flagged": [0.5, 0.0, 0.0]})
    spec = charts.blame_trend_chart(scan).to_dict()
    line, points = spec["layer"]
    assert line["mark"]["type"] == "line" and points["mark"]["type"] == "point"
    assert line["encoding"]["y"]["axis"]["format"] == "%"
    monthly = spec["datasets"][line["data"]["name"]]
    assert [round(r["share_flagged"], 2) for r in monthly] == [0.1, 0.2]
    spec = charts.blame_trend_chart(scan, measure="share_questions_flagged").to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "share_questions_flagged"


def test_contributions_chart_leaves_private_notes_out():
    f = pd.DataFrame({"participant": ["Ana", "Ana", "Bo"], "kind": ["observation", "observation", "went_right"],
                      "private": [False, True, False]})
    spec = charts.contributions_chart(f).to_dict()
    assert {(r["participant"], r["kind"]): r["contributions"] for r in data_of(spec)} == {
        ("Ana", "observation"): 1, ("Bo", "went_right"): 1}


@pytest.mark.parametrize("builder", [charts.themes_over_time_chart, charts.themes_by_service_chart,
                                     charts.right_and_wrong_chart, charts.theme_drilldown_chart])
def test_missing_columns_say_what_is_needed(builder):
    with pytest.raises(MissingColumns, match=r"needs columns \[.*'theme_label'.*\]; got \['text'\]"):
        builder(pd.DataFrame({"text": ["x"]}))


def test_save_chart_svg_offline(themes, tmp_path):
    path = charts.save_chart(charts.themes_chart(themes), tmp_path / "themes.svg")
    assert path.read_text().lstrip().startswith("<svg") and "stale cache" in path.read_text()


def test_similar_reviews_chart_shows_titles_and_shared_themes():
    similar = pd.DataFrame({"review_id": ["r2", "r7"], "similarity": [0.81, 0.64],
                            "shared_labels": [["stale cache"], []]})
    reviews = pd.DataFrame({"id": ["r2", "r7"], "title": ["Cache again", "Pager"]})
    spec = charts.similar_reviews_chart(similar, reviews).to_dict()
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 1]
    assert [(r["title"], r["shared"]) for r in data_of(spec)] == [("Cache again", "stale cache"), ("Pager", "")]


def test_timeline_chart_is_re_exported():
    from reviewlab.charts.timeline import timeline_chart

    assert charts.timeline_chart is timeline_chart
