"""What the planning meeting decides (plans, confirmed themes) and the review meeting's agenda."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reviewlab.archive.connection import to_text
from reviewlab.archive.records import RecordsMixin
from reviewlab.errors import ValidationError
from reviewlab.model import AgendaItem, RepairPlan, ThemeLink


class PlanningMixin(RecordsMixin):
    """Repair plans, themes confirmed for repair items, and meeting agendas."""

    # -- repair plans -------------------------------------------------------------------------
    def set_plan(self, plan: RepairPlan) -> RepairPlan:
        """Create or replace the plan of one repair item (planning phase; never edits the item)."""
        item = self.get_contribution(plan.item_id)
        if item.kind.value != "repair_item":
            msg = f"{plan.item_id} is a {item.kind.value}, not a repair_item: only repair items are planned"
            raise ValidationError(msg)
        if plan.merged_into is not None and self.get_contribution(plan.merged_into).review_id != item.review_id:
            msg = f"{plan.item_id} can only be merged into a repair item of the same review"
            raise ValidationError(msg)
        with self.atomic() as conn:
            conn.execute("INSERT OR REPLACE INTO repair_plans VALUES (?,?,?,?,?,?,?,?,?)", self._plan_values(plan))
        return plan

    def plans(self, review_id: str | None = None) -> list[RepairPlan]:
        """Plans of repair items, of one review or all."""
        sql = "SELECT p.* FROM repair_plans p JOIN contributions c ON c.id = p.item_id"
        rows = self._rows(sql + (" WHERE c.review_id = ?" if review_id else "") + " ORDER BY c.rowid",
                          (review_id,) if review_id else ())
        return [RepairPlan(**r) for r in rows]

    @staticmethod
    def _plan_values(p: RepairPlan) -> tuple[Any, ...]:
        return (p.item_id, p.effort.value if p.effort else None, p.impact.value if p.impact else None, p.owner,
                p.due.isoformat() if p.due else None, p.status.value, p.merged_into, p.note, to_text(p.planned_at))

    # -- themes a repair item addresses (confirmed in planning) -------------------------------
    def confirm_item_theme(self, link: ThemeLink) -> ThemeLink:
        """Record that a person confirmed a repair item addresses a theme (replaces an earlier confirmation)."""
        item = self.get_contribution(link.item_id)
        if item.kind.value != "repair_item":
            msg = f"{link.item_id} is a {item.kind.value}, not a repair_item: only repair items address themes"
            raise ValidationError(msg)
        with self.atomic() as conn:
            if link.theme_id is not None:  # one link per theme id, whatever the theme read like before
                conn.execute("DELETE FROM repair_item_themes WHERE item_id = ? AND theme_id = ?",
                             (link.item_id, link.theme_id))
            conn.execute("INSERT OR REPLACE INTO repair_item_themes (item_id, theme_label, confirmed_by, confirmed_at,"
                         " theme_id) VALUES (?,?,?,?,?)",
                         (link.item_id, link.theme_label, link.confirmed_by, to_text(link.confirmed_at), link.theme_id))
        return link

    def remove_item_theme(self, item_id: str, theme: str) -> None:
        """Withdraw a confirmed theme (its id, or the label of a link without one) from a repair item
        (nothing happens if it was not confirmed)."""
        with self.atomic() as conn:
            conn.execute("DELETE FROM repair_item_themes WHERE item_id = ? AND (theme_id = ? OR"
                         " (theme_id IS NULL AND theme_label = ?))", (item_id, theme, theme))

    def resolve_item_themes(self, ids_by_label: dict[str, str]) -> int:
        """Give links that have only a label the theme id their label names; returns how many."""
        count = 0
        with self.atomic() as conn:
            for row in conn.execute("SELECT item_id, theme_label FROM repair_item_themes WHERE theme_id IS NULL"
                                    ).fetchall():
                theme_id = ids_by_label.get(row[1])
                if theme_id is None:
                    continue
                if conn.execute("SELECT 1 FROM repair_item_themes WHERE item_id = ? AND theme_id = ?",
                                (row[0], theme_id)).fetchone():  # already linked by id: the old link is that one
                    conn.execute("DELETE FROM repair_item_themes WHERE item_id = ? AND theme_label = ?", row)
                else:
                    conn.execute("UPDATE repair_item_themes SET theme_id = ? WHERE item_id = ? AND theme_label = ?",
                                 (theme_id, *row))
                count += 1
        return count

    def item_themes(self, review_id: str | None = None) -> list[ThemeLink]:
        """Confirmed themes of repair items, of one review or all, by item then label."""
        sql = "SELECT t.* FROM repair_item_themes t JOIN contributions c ON c.id = t.item_id"
        rows = self._rows(sql + (" WHERE c.review_id = ?" if review_id else "") + " ORDER BY c.rowid, t.theme_label",
                          (review_id,) if review_id else ())
        return [ThemeLink(**r) for r in rows]

    # -- meeting agenda -----------------------------------------------------------------------
    def set_agenda(self, review_id: str, items: Iterable[AgendaItem]) -> list[AgendaItem]:
        """Replace the meeting agenda of a review (in order); it is on disk when this returns."""
        self.get_review(review_id)
        items = list(items)
        with self.atomic() as conn:
            conn.execute("DELETE FROM agenda_items WHERE review_id = ?", (review_id,))
            conn.executemany("INSERT INTO agenda_items VALUES (?,?,?,?,?)",
                             [(review_id, i, it.title, it.minutes, json.dumps(list(it.contribution_ids)))
                              for i, it in enumerate(items)])
        return items

    def agenda(self, review_id: str) -> list[AgendaItem]:
        """The meeting agenda of a review, in order (empty until the facilitator picks one)."""
        rows = self._rows("SELECT title, minutes, contribution_ids FROM agenda_items WHERE review_id = ?"
                          " ORDER BY position", (review_id,))
        return [AgendaItem(r["title"], r["minutes"], tuple(json.loads(r["contribution_ids"]))) for r in rows]
