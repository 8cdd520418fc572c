"""The timeline chart: a spec checked through to_dict(), and drawn offline."""

from __future__ import annotations

import pandas as pd
import pytest

from reviewlab.charts.timeline import event_ids, timeline_chart
from reviewlab.errors import MissingColumns


@pytest.fixture
def frame(sample_archive):
    return sample_archive.contributions_frame("r01")


def test_timeline_chart_spec(frame):
    spec = timeline_chart(frame).to_dict()
    line, points = spec["layer"]
    assert line["mark"]["type"] == "line" and line["encoding"]["detail"]["field"] == "event"
    assert points["encoding"]["x"]["field"] == "event_time" and points["encoding"]["y"]["field"] == "participant"
    rows = spec["datasets"][spec["data"]["name"]]
    assert rows and len(rows) == int((frame["kind"] == "timeline_event").sum())


def test_linked_accounts_share_an_event(frame):
    events = frame[frame["kind"] == "timeline_event"]
    roots = dict(zip(events["contribution_id"], event_ids(events)))
    linked = events.dropna(subset=["links_to"]).iloc[0]
    assert roots[linked["contribution_id"]] == roots[linked["links_to"]]


def test_renders_offline_to_svg(frame):
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(timeline_chart(frame).properties(width=500).to_dict())
    assert svg.startswith("<svg") and "Timeline" in svg


def test_missing_columns_named():
    with pytest.raises(MissingColumns, match="event_time"):
        timeline_chart(pd.DataFrame({"text": ["x"]}))
