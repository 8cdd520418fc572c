"""The repair items of one review with their plans and confirmed themes, as one frame.

Parked items come from the meeting and the interviews; new ones are added in the planning meeting
(phase "planning"). Private interview notes stay out, as on the meeting board and in the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.errors import ValidationError
from reviewlab.model import Kind, RepairPlan

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.archive import Archive

ITEM_COLUMNS = ["item_id", "review_id", "text", "participant", "phase", "recorded_at", "links_to", "effort", "impact",
                "owner", "due", "status", "merged_into", "note", "planned_at", "themes", "theme_labels",
                "confirmed_by"]


def repair_items_frame(archive: Archive, review_id: str) -> pd.DataFrame:
    """One row per repair item of a review, in the order raised, with its plan and confirmed themes.

    Columns: item_id, review_id, text, participant, phase, recorded_at, links_to, effort, impact, owner,
    due, status ("not_planned" until planned), merged_into, note, planned_at, themes (confirmed themes,
    a list: each the theme's catalogue id, or the label of a link made before the catalogue that no
    update has resolved yet), theme_labels (how each read when confirmed) and confirmed_by (who
    confirmed them, a list).

    Examples:
        >>> from reviewlab import open_archive
        >>> from reviewlab.model import Review, Participant
        >>> a = open_archive(":memory:")
        >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
        >>> _ = a.add_contribution("r1", "Ana", "repair_item", "Alert on queue depth.", id="r1-c1")
        >>> repair_items_frame(a, "r1")[["item_id", "status"]].values.tolist()
        [['r1-c1', 'not_planned']]
    """
    import pandas as pd

    archive.get_review(review_id)
    items = [c for c in archive.contributions(review_id, kind=Kind.REPAIR_ITEM.value) if not c.private]
    plans = {p.item_id: p for p in archive.plans(review_id)}
    links: dict[str, list[tuple[str, str, str]]] = {}
    for link in archive.item_themes(review_id):
        links.setdefault(link.item_id, []).append((link.theme_id or link.theme_label, link.theme_label,
                                                   link.confirmed_by))
    rows = []
    for c in items:
        p = plans.get(c.id)
        mine = links.get(c.id, [])
        rows.append({
            "item_id": c.id, "review_id": c.review_id, "text": c.text, "participant": c.participant,
            "phase": c.phase.value, "recorded_at": c.recorded_at, "links_to": c.links_to,
            "effort": p.effort.value if p and p.effort else None, "impact": p.impact.value if p and p.impact else None,
            "owner": p.owner if p else None, "due": p.due if p else None,
            "status": p.status.value if p else "not_planned", "merged_into": p.merged_into if p else None,
            "note": p.note if p else "", "planned_at": p.planned_at if p else None,
            "themes": [key for key, _, _ in mine], "theme_labels": [label for _, label, _ in mine],
            "confirmed_by": [who for _, _, who in mine],
        })
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)


def merge_root(plans: dict[str, RepairPlan], item_id: str) -> str:
    """The item that `item_id` was finally merged into (itself when not merged).

    Raises:
        ValidationError: the merges form a loop.
    """
    seen = [item_id]
    while plans.get(seen[-1]) is not None and plans[seen[-1]].merged_into:
        nxt = plans[seen[-1]].merged_into
        if nxt in seen:
            msg = f"repair items {' -> '.join([*seen, nxt])} are merged in a loop; unmerge one of them"
            raise ValidationError(msg)
        seen.append(nxt)
    return seen[-1]
