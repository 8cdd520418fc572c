"""Data the planning meeting works from: the soak time, effort points, impact levels, theme proposals.

Kept apart from the logic so a team can change its numbers without touching code.
"""

from __future__ import annotations

from datetime import timedelta

SOAK_TIME = timedelta(hours=24)
"""Least time between the review meeting and the planning meeting ("a day or two later")."""

EFFORT_POINTS: dict[str, int] = {"S": 1, "M": 2, "L": 4, "XL": 8}
"""Energy an item takes, by T-shirt size: each size about twice the one before."""

IMPACT_LEVELS: tuple[tuple[int, str], ...] = ((4, "high"), (2, "medium"), (1, "low"))
"""Reviews an item's themes reach (this one included) -> the impact level written on its plan."""

PROPOSE_TOP = 3
"""Themes proposed per repair item, at most."""
PROPOSE_MIN_SIMILARITY = 0.3
"""Least cosine similarity between an item and a theme's centre for the theme to be proposed."""
REPAIR_KINDS_EXCLUDED: tuple[str, ...] = ("went_right",)
"""Themes made mostly of these kinds are patterns of what helped, not contributing factors to repair."""

PLAN_COLUMNS: dict[str, str] = {
    "rank": "Rank", "text": "Repair item", "participant": "Raised by", "effort": "Effort", "impact": "Impact",
    "reviews_reached": "Reviews reached", "themes": "Themes", "owner": "Owner", "due": "Due", "status": "Status",
}
"""Columns of the exported plan (Markdown and CSV), in order, with their headings."""
