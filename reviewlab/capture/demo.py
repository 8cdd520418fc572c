"""A fictional review for the notebooks' demo cells (Larkspur Fresh, like the sample archive)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.errors import ReviewNotFound
from reviewlab.model import Participant, Review

if TYPE_CHECKING:
    from reviewlab.archive import Archive

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
