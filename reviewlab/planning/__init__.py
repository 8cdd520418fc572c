"""Repair planning, kept apart from the review: the soak gate, items, impact from themes, ranking, export.

Practice 4: repair items are parked during the review meeting and planned in a separate meeting a
day or two later, favouring the items that take least energy for most impact. No ipywidgets here;
the planning desk in `reviewlab.capture.widget_planning` is a thin layer over `PlanningSession`.

Examples:
    >>> from reviewlab.planning import rank_items, soak_gate
"""

from __future__ import annotations

from reviewlab.planning.by_theme import repair_items_by_theme, status_by_theme
from reviewlab.planning.export import plan_csv, plan_markdown, plan_table
from reviewlab.planning.gate import SoakGate, duration_text, fixed_clock, soak_gate
from reviewlab.planning.impact import add_impact, archive_themes, impact_level, propose_themes, theme_reach
from reviewlab.planning.items import repair_items_frame
from reviewlab.planning.rank import rank_items
from reviewlab.planning.session import PlanningSession

__all__ = [
    "PlanningSession",
    "SoakGate",
    "add_impact",
    "archive_themes",
    "duration_text",
    "fixed_clock",
    "impact_level",
    "plan_csv",
    "plan_markdown",
    "plan_table",
    "propose_themes",
    "rank_items",
    "repair_items_by_theme",
    "repair_items_frame",
    "soak_gate",
    "status_by_theme",
    "theme_reach",
]
