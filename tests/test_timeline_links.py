"""One rule follows timeline links (chains and cycles) and the board, the chart and the reports agree."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from reviewlab.capture.render import event_groups, timeline_html
from reviewlab.charts.timeline import timeline_chart
from reviewlab.report import review_report
from reviewlab.timeline import event_roots

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("ids", "links", "roots"), [
    (["A", "B", "C"], [None, "A", "B"], ["A", "A", "A"]),                         # a chain C -> B -> A
    (["C", "B", "A"], ["B", "A", None], ["A", "A", "A"]),                         # listed the other way round
    (["A", "B"], ["B", "A"], ["A", "A"]),                                          # a cycle
    (["B", "A"], ["A", "B"], ["B", "B"]),                                          # named by its first account
    (["T", "A", "B"], ["A", "B", "A"], ["A", "A", "A"]),                           # a tail into a cycle
    (["A", "B", "C"], [None, "A", "A"], ["A", "A", "A"]),                          # two viewpoints on one event
    (["A", "B"], [None, "private-one"], ["A", "B"]),                               # link to one not shown
    (["A", "B"], [float("nan"), "A"], ["A", "A"]),                                 # NaN from a frame
    (["A"], ["A"], ["A"]),                                                         # a link to itself
    ([], [], []),
])
def test_event_roots(ids, links, roots):
    assert event_roots(ids, links) == roots


def _review_with_links() -> dict:
    """t-full with its events linked C -> B -> A, a cycle D <-> E with F -> E, and H -> G where G is private."""
    data = json.loads((DATA / "review-pass-full.json").read_text())
    template = data["contributions"][1]
    events = {"A": None, "B": "A", "C": "B", "D": "E", "E": "D", "F": "E", "G": None, "H": "G", "K": None, "J": "K",
              "L": "J"}
    for n, (name, link) in enumerate(events.items()):
        c = copy.deepcopy(template)
        c.update(id=f"ev-{name}", text=f"account {name}", links_to=f"ev-{link}" if link else None,
                 event_time=f"2025-06-02T08:{20 + n:02d}:00+02:00", participant=["Ana", "Bo"][n % 2],
                 private=name == "G")
        if name == "J":  # an imported account with no placeable time, in the middle of a chain
            c.update(event_time=None, time_text="shortly after")
        data["contributions"].append(c)
    return data


def _partition(groups):
    return sorted(sorted(g) for g in groups)


def test_the_board_the_chart_and_the_report_agree_and_drop_nothing(archive):
    archive.import_review(_review_with_links())
    contributions = archive.contributions("t-full")
    shown = {c.id for c in contributions if c.kind.value == "timeline_event" and not c.private}
    expected = _partition([{"t-full-c2", "t-full-c3"}, {"ev-A", "ev-B", "ev-C"}, {"ev-D", "ev-E", "ev-F"},
                           {"ev-H"}, {"ev-K", "ev-J", "ev-L"}])
    board = _partition([{c.id for c in g} for g in event_groups(contributions)])
    data = timeline_chart(archive.contributions_frame("t-full")).data
    chart = _partition(data.groupby("event")["contribution_id"].apply(set))
    assert board == expected
    assert chart == _partition(g - {"ev-J"} for g in map(set, expected))  # the untimed one is not drawn
    assert set().union(*map(set, board)) == shown
    md = review_report(archive, "t-full", "md", charts=False)
    html = review_report(archive, "t-full", "html", charts=False)
    for name in "ABCDEFHJKL":
        assert f"account {name}" in md and f"account {name}" in html and f"account {name}" in timeline_html(contributions)
    assert "account G" not in md + html  # private
    section = md.split("## Timeline, with each viewpoint")[1].split("\n## ")[0]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(items) == len(expected)  # one item per event, each account under its event
    assert "  - **Bo**: account B" in section and "  - **Ana**: account C" in section
