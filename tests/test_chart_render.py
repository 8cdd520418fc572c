"""How charts reach a person: every builder compiles to the Vega 5 that JupyterLab draws, and chart HTML is inert."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from reviewlab import charts
from reviewlab.charts.render import VEGA_MIMETYPE, chart_html, script_json, vega_mimebundle
from reviewlab.errors import ReviewlabError

EVIL = "</script><img src=x onerror=window.__pwned=1><!-- & \u2028"


@pytest.fixture
def themed() -> pd.DataFrame:
    rows = [("r1", "Cache", "2025-01-05", ["basket-api"], "Ana", "observation", 0, "stale cache", EVIL),
            ("r2", "Cache again", "2025-02-11", ["basket-api"], "Cy", "went_right", 0, "stale cache", "flushed"),
            ("r3", "Pager", "2025-02-20", ["notifications"], "Di", "learning", 1, "pager routing", "routing")]
    frame = pd.DataFrame(rows, columns=["review_id", "review_title", "incident_start", "services", "participant",
                                        "kind", "theme", "theme_label", "text"])
    frame["incident_start"] = pd.to_datetime(frame["incident_start"], utc=True)
    return frame


def every_chart(themed: pd.DataFrame) -> dict[str, object]:
    themes = pd.DataFrame({"theme": [0, 1], "label": ["stale cache", "pager routing"], "n_reviews": [2, 1],
                           "size": [2, 1]})
    scan = pd.DataFrame({"review_id": ["r1", "r2"], "review_title": ["a", "b"],
                         "incident_start": pd.to_datetime(["2025-01-03", "2025-02-09"], utc=True),
                         "n_contributions": [10, 5], "n_flagged": [2, 1], "share_flagged": [0.2, 0.2],
                         "share_questions_flagged": [0.5, 0.0]})
    timeline = pd.DataFrame({"contribution_id": ["c1", "c2"], "participant": ["Ana", "Bo"],
                             "kind": ["timeline_event", "timeline_event"], "text": [EVIL, "second"],
                             "event_time": pd.to_datetime(["2025-01-05T10:00", "2025-01-05T10:05"], utc=True),
                             "links_to": [None, "c1"], "private": [False, False]})
    plan = pd.DataFrame({"item_id": ["i1"], "text": [EVIL], "effort": ["S"], "reviews_reached": [3], "score": [3.0],
                         "rank": [1], "standing": ["open"], "impact": ["medium"], "status": ["open"],
                         "owner": ["Ana"], "themes": [["stale cache"]], "participant": ["Ana"]})
    return {
        "themes": charts.themes_chart(themes),
        "over_time": charts.themes_over_time_chart(themed),
        "by_service": charts.themes_by_service_chart(themed),
        "right_and_wrong": charts.right_and_wrong_chart(themed),
        "drilldown": charts.theme_drilldown_chart(themed),
        "blame": charts.blame_trend_chart(scan),
        "contributions": charts.contributions_chart(themed),
        "timeline": charts.timeline_chart(timeline),
        "similar": charts.similar_reviews_chart(pd.DataFrame({"review_id": ["r2"], "similarity": [0.8],
                                                              "shared_labels": [["stale cache"]]})),
        "impact_effort": charts.impact_effort_chart(plan),
    }


def test_every_chart_compiles_to_the_vega_5_jupyterlab_draws(themed):
    for name, chart in every_chart(themed).items():
        data, meta = vega_mimebundle(chart.to_dict())
        assert data[VEGA_MIMETYPE]["$schema"].endswith("/vega/v5.json"), name
        assert data[VEGA_MIMETYPE]["marks"], name
        assert meta[VEGA_MIMETYPE]["embed_options"]["renderer"] == "svg"


def test_the_drilldown_keeps_its_click_selection(themed):
    vega = vega_mimebundle(charts.theme_drilldown_chart(themed).to_dict())[0][VEGA_MIMETYPE]
    assert "theme_store" in {d["name"] for d in vega["data"]}  # the clicked theme filters the listing
    assert '"theme_tuple", "on": [{"events": [{"source": "scope", "type": "click"}]' in json.dumps(vega)


def test_enable_offline_renders_through_the_vega_bundle(themed):
    import altair as alt

    before = alt.renderers.active
    try:
        charts.enable_offline()
        bundle = charts.themes_chart(pd.DataFrame({"label": ["x"], "n_reviews": [1], "size": [1]}))._repr_mimebundle_()
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        assert VEGA_MIMETYPE in data and not any("html" in k or "javascript" in k for k in data)
        charts.enable_offline("svg")
        assert alt.renderers.active == "svg"
        with pytest.raises(ReviewlabError, match="unknown chart mode 'canvas'"):
            charts.enable_offline("canvas")  # type: ignore[arg-type]
    finally:
        alt.renderers.enable(before)


def test_script_json_cannot_close_its_script():
    text = script_json({"t": EVIL})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": EVIL}


def test_chart_html_holds_the_text_as_data_never_as_markup(themed, tmp_path):
    path = charts.save_chart(charts.theme_drilldown_chart(themed), tmp_path / "drill.html")
    page = path.read_text(encoding="utf-8")
    assert len(re.findall(r"</script", page, flags=re.I)) == 3  # the bundle, the data, the call: nothing more
    spec = re.search(r"<script type='application/json' id='chart-spec'>(.*?)</script>", page, flags=re.S).group(1)
    assert EVIL in json.dumps(json.loads(spec), ensure_ascii=False)
    assert "<img src=x" not in page


def test_chart_html_of_a_spec_dict():
    page = chart_html({"data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "a"}}}, title="<t>")
    assert "<title>&lt;t&gt;</title>" in page
