"""The notebooks' demo cells: a fictional review (Larkspur Fresh, like the sample archive) and the demo switch.

Demo cells press the buttons for you, and only in the sample workspace: `reviewlab lab` on the
sample archive (and the tests) set $REVIEWLAB_DEMO=1. On your own archive a demo cell says so and
does nothing, so Run All never adds demo entries to a real review.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from reviewlab.config import ENV_DEMO, demo_enabled
from reviewlab.errors import ReviewNotFound
from reviewlab.model import Participant, Review

if TYPE_CHECKING:
    from reviewlab.archive import Archive
    from reviewlab.capture.widget_choose import ReviewChooser
    from reviewlab.capture.widget_planning import PlanningDesk
    from reviewlab.capture.widget_review import ReviewSetup

DEMO_REVIEW_ID = "demo-basket"
DEMO_REVIEW = {
    "review_id": DEMO_REVIEW_ID,
    "title": "Basket totals wrong after a delayed price feed",
    "incident_start": "2025-11-18T09:40:00+00:00",
    "incident_end": "2025-11-18T10:55:00+00:00",
    "severity": "SEV3",
    "services": "pricing-feed, basket-api",
    "summary": "The overnight price feed landed 40 minutes late; baskets showed yesterday's prices until it did.",
}
DEMO_ROSTER: list[tuple[str, str, bool]] = [
    ("Nadia Flores", "facilitator", False),
    ("Sam Ito", "incident_commander", True),
    ("Maya Chen", "responder", True),
    ("Leo Brandt", "subject_matter_expert", True),
    ("Ines Duarte", "stakeholder", False),
]
"""(name, role, responded) for each person on the demo roster."""
DEMO_INTERVIEWS: list[tuple[str, str, str, str, bool]] = [
    ("Sam Ito", "observation", "The price feed alert paged me 40 minutes after the feed was due.", "", False),
    ("Maya Chen", "observation", "The feed alert only fired long after the basket prices had gone stale.", "", False),
    ("Leo Brandt", "timeline_event", "The price feed landed at 10:20.", "10:20", False),
    ("Maya Chen", "timeline_event", "I think the price feed landed closer to 10:35 on my dashboard.", "10:35", False),
    ("Sam Ito", "went_right", "Flushing the basket cache brought the right prices back within minutes.", "", False),
    ("Leo Brandt", "went_right", "Clearing the basket cache put correct totals back quickly.", "", False),
    ("Maya Chen", "observation", "I didn't feel I could say in the channel that the totals looked off.", "", True),
]
"""(participant, kind, text, event time, private) of the demo's interview notes."""


def ensure_demo_review(archive: Archive) -> Review:
    """The demo review, created with its roster and a neutral facilitator if it is not there yet."""
    try:
        return archive.get_review(DEMO_REVIEW_ID)
    except ReviewNotFound:
        pass
    d = DEMO_REVIEW
    review = Review(DEMO_REVIEW_ID, d["title"], d["incident_start"], incident_end=d["incident_end"],
                    severity=d["severity"], services=tuple(s.strip() for s in d["services"].split(",")),
                    summary=d["summary"], facilitator="Nadia Flores")
    return archive.add_review(review, [Participant(n, r, responded=x) for n, r, x in DEMO_ROSTER])


SKIPPED = (f"Demo cell skipped: demo cells run only on the sample archive (`reviewlab lab` without --archive, "
           f"or ${ENV_DEMO}=1). Nothing was added to your archive.")


def demo_ready(chooser: ReviewChooser, review_id: str = DEMO_REVIEW_ID, *, setup: ReviewSetup | None = None) -> bool:
    """For the first line of a demo cell: open the demo review in the chooser and say True, or say why not.

    With the demo switch off it prints `SKIPPED` and returns False: the cell does nothing. With it on,
    the demo review (`review_id`, the fictional demo-basket unless another sample review is named) is
    opened in the chooser, as a person would; demo-basket is created first if missing, through the
    chooser's form and the roster form of `setup` when given.
    """
    if not demo_enabled():
        print(SKIPPED)
        return False
    known = {r.id for r in chooser.archive.reviews()}
    if review_id == DEMO_REVIEW_ID and review_id not in known:
        if setup is None:
            ensure_demo_review(chooser.archive)
        else:
            chooser.create_review(**DEMO_REVIEW)
            for name, role, responded in DEMO_ROSTER:
                setup.add_person(name, role, responded)
    elif review_id not in known:
        print(f"Demo cell skipped: the sample review {review_id} is not in this archive.")
        return False
    if chooser.review_id != review_id:
        chooser.open_review(review_id)
    return True


DEMO_PLANNING_AT = {"r40": "2026-10-30T10:00:00+00:00"}
"""When the sample's planning meetings are held in the demo (the notebook's outputs do not move with today)."""


def planning_clock(review_id: str) -> Callable[[], datetime]:
    """The planning desk's clock: fixed for a sample review in the demo, the real clock otherwise."""
    from reviewlab.model import utcnow
    from reviewlab.planning import fixed_clock

    if demo_enabled() and review_id in DEMO_PLANNING_AT:
        return fixed_clock(DEMO_PLANNING_AT[review_id])
    return utcnow


def confirm_proposed(desk: PlanningDesk, by: str, items: list[str] | None = None) -> list[str]:
    """Demo: for each item standing (or each of `items`), tick the analysis' first proposal and press Confirm themes."""
    outcomes = []
    standing = desk.plan.loc[~desk.plan["standing"].isin(["merged", "dropped"]), "item_id"].tolist()
    for item_id in items if items is not None else standing:
        proposals = desk.session.proposals(item_id)
        if proposals.empty:
            continue
        outcomes.append(desk.confirm(item_id, desk.session.proposal_keys(proposals)[:1], by=by))
    return outcomes
