"""What replacing a stored review with an imported one would remove or change, said before it happens.

An older export imported with `--overwrite` would drop every contribution, plan and agenda topic
recorded after it. `compare(stored, incoming)` lists those, so that the import can refuse without
`force` and a dry run can say what a forced import would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewlab.bundle import ReviewBundle
    from reviewlab.model import Contribution

LISTED = 3


@dataclass
class Replacement:
    """The difference between the archive's version of a review and the one that would replace it."""

    review_id: str
    removed_contributions: list[Contribution] = field(default_factory=list)
    removed_plans: list[str] = field(default_factory=list)
    removed_agenda: list[str] = field(default_factory=list)
    removed_item_themes: list[str] = field(default_factory=list)
    removed_participants: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def removes(self) -> bool:
        """True when replacing would remove something the archive holds (work recorded there)."""
        return bool(self.removed_contributions or self.removed_plans or self.removed_agenda
                    or self.removed_item_themes or self.removed_participants)

    def describe(self, *, done: bool = False) -> str:
        """One line: what would be (or, if `done`, was) removed, each kind counted and the first few named,
        and what would change."""
        parts = []
        if self.removed_contributions:
            cs = sorted(self.removed_contributions, key=lambda c: c.recorded_at)
            named = ", ".join(f"{c.id} ({c.kind.value} by {c.participant}, recorded {c.recorded_at:%Y-%m-%d %H:%M})"
                              for c in cs[-LISTED:][::-1])
            more = f" and {len(cs) - LISTED} more" if len(cs) > LISTED else ""
            parts.append(f"{len(cs)} contribution(s): {named}{more}")
        for items, what in ((self.removed_plans, "plan(s) of"), (self.removed_item_themes, "confirmed theme(s)"),
                            (self.removed_agenda, "agenda topic(s)"), (self.removed_participants, "participant(s)")):
            if items:
                more = f" and {len(items) - LISTED} more" if len(items) > LISTED else ""
                parts.append(f"{len(items)} {what} {', '.join(items[:LISTED])}{more}")
        remove, change = ("removed", "changed") if done else ("would remove", "would change")
        line = f"review {self.review_id}: replacing it {remove} " + ("; ".join(parts) if parts else "nothing")
        if self.changed:
            line += f"; it {change} {', '.join(self.changed)}"
        return line


def compare(stored: ReviewBundle, incoming: ReviewBundle) -> Replacement:
    """What `incoming` replacing `stored` removes (by id, name or title) and changes (counted)."""
    out = Replacement(stored.review.id)
    new = {c.id: c for c in incoming.contributions}
    out.removed_contributions = [c for c in stored.contributions if c.id not in new]
    plans = {p.item_id: p for p in incoming.plans}
    out.removed_plans = [p.item_id for p in stored.plans if p.item_id not in plans]
    titles = {a.title for a in incoming.agenda}
    out.removed_agenda = [repr(a.title) for a in stored.agenda if a.title not in titles]
    links = {(t.item_id, t.theme_label) for t in incoming.item_themes}
    out.removed_item_themes = [f"{t.theme_label!r} of {t.item_id}" for t in stored.item_themes
                               if (t.item_id, t.theme_label) not in links]
    names = {p.name for p in incoming.participants}
    out.removed_participants = [repr(p.name) for p in stored.participants if p.name not in names]
    review_fields = [f for f in stored.review.__dataclass_fields__
                     if getattr(stored.review, f) != getattr(incoming.review, f)]
    if review_fields:
        out.changed.append(f"the review's {', '.join(review_fields)}")
    changed_c = sum(1 for c in stored.contributions if c.id in new and new[c.id] != c)
    changed_p = sum(1 for p in stored.plans if p.item_id in plans and plans[p.item_id] != p)
    out.changed += [f"{n} {what}" for n, what in ((changed_c, "contribution(s)"), (changed_p, "plan(s)")) if n]
    return out
