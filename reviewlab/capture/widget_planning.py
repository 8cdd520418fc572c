"""PlanningDesk: the repair-planning meeting, kept apart from the review; a thin layer over `PlanningSession`.

The soak gate on top (wait a day after the review meeting, or record why not), the ranked plan,
then one form per action: plan an item, confirm the themes it addresses, merge a duplicate, add a
new item. Every button press is on disk when it returns; refused input is said plainly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Int

from reviewlab.capture.render import esc
from reviewlab.errors import ReviewlabError
from reviewlab.model import Effort, PlanStatus, utcnow
from reviewlab.planning import PlanningSession, plan_table

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.analysis import ThemeResult
    from reviewlab.analysis.catalogue import Catalogue
    from reviewlab.archive import Archive

_GATE_COLOUR = {"not_held": "#b00020", "unknown": "#b26a00", "soaking": "#b26a00", "overridden": "#b26a00", "open": "#1b5e20"}


def _text(value: Any) -> str:
    """A frame cell as form text: '' for None, NaN or NaT; dates as ISO."""
    if isinstance(value, str):
        return value
    if value is None or value != value:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def plan_html(plan: pd.DataFrame) -> str:
    """The ranked plan (`plan_table`) as an HTML table, merged and dropped items greyed; every text escaped."""
    if plan.empty:
        return "<i>No repair items parked for this review.</i>"
    table = plan_table(plan)
    head = "".join(f"<th style='text-align:left;padding:2px 6px'>{esc(h)}</th>" for h in table.columns)
    rows = []
    for item_id, standing, cells in zip(plan["item_id"], plan["standing"], table.itertuples(index=False), strict=True):
        style = "color:#888" if standing in ("merged", "dropped") else ""
        rows.append(f"<tr class='rl-plan-row' data-id='{esc(item_id)}' style='{style}'>"
                    + "".join(f"<td style='padding:2px 6px;overflow-wrap:anywhere'>{esc(c)}</td>" for c in cells)
                    + "</tr>")
    return f"<table class='rl-plan' style='border-collapse:collapse'><tr>{head}</tr>{''.join(rows)}</table>"


class PlanningDesk(widgets.VBox):
    """Plan one review's repair items, a day or two after its review meeting.

    Arguments:
        archive: an open archive.
        review_id: the review whose repairs are planned.
        themes: the archive's theme catalogue (`reviewlab.analysis.catalogue.update_catalogue(archive)
            .catalogue`) for proposals and impact; None for none (see `PlanningSession`).
        model: the model the catalogue was updated with (None: the bundled one).
        now: the clock (inject a fixed one in tests and notebooks).

    Examples:
        >>> import reviewlab
        >>> from reviewlab.model import Review, Participant
        >>> a = reviewlab.open_archive(":memory:")
        >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00"), [Participant("Ana")])
        >>> PlanningDesk(a, "r1").gate_state
        'not_held'
    """

    saved_count = Int(0, help="How many changes this desk has saved.").tag(sync=False)

    def __init__(self, archive: Archive, review_id: str, *, themes: Catalogue | ThemeResult | None = None,
                 now: Callable[[], datetime] = utcnow, model: Any = None, **kwargs: Any) -> None:
        self.session = PlanningSession(archive, review_id, themes=themes, now=now, model=model)
        self.output = widgets.Output()
        names = [p.name for p in archive.participants(review_id)]
        wide = {"width": "98%"}
        self.gate_html = widgets.HTML()
        self.reason = widgets.Text(placeholder="Why planning cannot wait for the soak time", layout={"width": "60%"})
        self.override_button = widgets.Button(description="Go ahead anyway", icon="forward", button_style="warning")
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        self.item = widgets.Dropdown(description="Item", layout=wide)
        self.effort = widgets.ToggleButtons(options=[e.value for e in Effort], description="Effort",
                                            style={"button_width": "48px"})
        self.owner = widgets.Combobox(description="Owner", options=names, placeholder="who will do it")
        self.due = widgets.Text(description="Due", placeholder="YYYY-MM-DD")
        self.plan_status = widgets.Dropdown(description="Status", options=[s.value for s in PlanStatus])
        self.note = widgets.Text(description="Note", layout=wide)
        self.save_button = widgets.Button(description="Save plan", icon="check", button_style="primary")
        self.proposed = widgets.SelectMultiple(description="Themes", layout={"width": "98%", "height": "80px"})
        self.confirmed_by = widgets.Dropdown(description="Confirmed by", options=names)
        self.confirm_button = widgets.Button(description="Confirm themes", icon="link")
        self.duplicate = widgets.Dropdown(description="Duplicate", layout=wide)
        self.merge_into = widgets.Dropdown(description="Merge into", layout=wide)
        self.merge_button = widgets.Button(description="Merge", icon="compress")
        self.new_who = widgets.Dropdown(description="Raised by", options=names)
        self.new_text = widgets.Text(placeholder="A new repair item, in a few words", layout=wide)
        self.add_button = widgets.Button(description="Add item", icon="plus")
        for button, handler in ((self.override_button, self._override), (self.save_button, self._save),
                                (self.confirm_button, self._confirm), (self.merge_button, self._merge),
                                (self.add_button, self._add)):
            button.on_click(self.output.capture()(handler))
        self.item.observe(self.output.capture()(self._item_changed), "value")
        self._select: str | None = None
        self._actions = [self.save_button, self.confirm_button, self.merge_button, self.add_button]

        def section(title: str, *children: widgets.Widget) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<h3 style='margin:6px 0'>{esc(title)}</h3>"), *children])

        review = self.session.review
        super().__init__([
            widgets.HTML(f"<h2 style='margin:4px 0'>Repair planning: {esc(review.title)} "
                         f"<small>({esc(review.id)})</small></h2>"),
            self.gate_html, widgets.HBox([self.reason, self.override_button]),
            section("The plan, least energy for most impact first", self.table),
            section("Plan an item", self.item, self.effort, widgets.HBox([self.owner, self.due, self.plan_status]),
                    self.note, self.save_button),
            section("Themes it addresses (proposed by the analysis; a person confirms)", self.proposed,
                    widgets.HBox([self.confirmed_by, self.confirm_button])),
            section("Merge a duplicate", self.duplicate, self.merge_into, self.merge_button),
            section("Add an item", widgets.HBox([self.new_who, self.add_button]), self.new_text),
            self.status, self.output], **kwargs)
        self.add_class("rl-planning")
        self.refresh()

    @property
    def gate_state(self) -> str:
        """The soak gate's state now: not_held, unknown, soaking, overridden or open."""
        return self.session.gate().state

    def refresh(self) -> None:
        """Redraw the gate, the plan and the pickers from the archive."""
        gate = self.session.gate()
        self.gate_html.value = (f"<div class='rl-gate rl-{gate.state}' style='font-weight:bold;"
                                f"color:{_GATE_COLOUR[gate.state]}'>{esc(gate.message())}</div>")
        self.reason.layout.display = self.override_button.layout.display = "" if gate.state in ("soaking", "unknown") else "none"
        for button in self._actions:
            button.disabled = not gate.open
        self.plan = self.session.plan_frame()
        self.table.value = plan_html(self.plan)
        options = [(f"{'' if rank == '-' else '#' + rank + ' '}{text[:70]}", item_id) for rank, text, item_id in
                   zip(plan_table(self.plan)["Rank"], self.plan["text"], self.plan["item_id"], strict=True)]
        current, self._select = self._select or self.item.value, None
        self.item.options = options
        self.duplicate.options = options
        self.merge_into.options = options
        if current in self.plan["item_id"].tolist():
            self.item.value = current
        elif options:  # a desk opens on the best-ranked item, its proposals shown (ipywidgets leaves None)
            self.item.value = options[0][1]
        self._item_changed({"new": self.item.value})

    # -- what a person does, for demos and tests: fill the form, press the button --------------
    def decide(self, item_id: str, effort: str, owner: str = "", due: str = "", status: str = "open",
               note: str = "") -> str:
        """Plan one item as the facilitator would (fill, press Save plan); returns the outcome as plain text."""
        self.item.value = item_id
        self.effort.value, self.owner.value, self.due.value = effort, owner, due
        self.plan_status.value, self.note.value = status, note
        self.save_button.click()
        return self.outcome()

    def confirm(self, item_id: str, labels: list[str], by: str) -> str:
        """Tick the themes an item addresses (theme ids; others are unticked) and press Confirm themes."""
        self.item.value = item_id
        offered = {value for _, value in self.proposed.options}
        self.proposed.options = [*self.proposed.options, *[(t, t) for t in labels if t not in offered]]
        self.proposed.value, self.confirmed_by.value = tuple(labels), by
        self.confirm_button.click()
        return self.outcome()

    def merge(self, duplicate: str, into: str) -> str:
        """Pick a duplicate and the item it repeats, press Merge."""
        self.duplicate.value, self.merge_into.value = duplicate, into
        self.merge_button.click()
        return self.outcome()

    def outcome(self) -> str:
        """The last outcome (saved, or why not) as plain text."""
        import html
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.status.value))

    def _item_changed(self, change: dict[str, Any]) -> None:
        row = self.plan[self.plan["item_id"] == change["new"]]
        if row.empty:
            self.proposed.options = []
            return
        r = row.iloc[0]
        self.effort.value = _text(r["effort"]) or None
        self.owner.value = _text(r["owner"])
        self.due.value = _text(r["due"])
        self.plan_status.value = r["status"] if r["status"] != "not_planned" else PlanStatus.OPEN.value
        self.note.value = _text(r["note"])
        proposals = self.session.proposals(r["item_id"])
        keys = self.session.proposal_keys(proposals)
        labels = [(f"{t}: {name} ({n} reviews)" if t != name else f"{t} ({n} reviews)", t)
                  for t, name, n in zip(keys, proposals["theme_label"], proposals["n_reviews"], strict=True)]
        labels += [(f"{t}: {name} (confirmed)" if t != name else f"{t} (confirmed)", t)
                   for t, name in zip(r["themes"], r["theme_labels"], strict=True) if t not in set(keys)]
        self.proposed.options = labels
        self.proposed.value = tuple(t for _, t in labels if t in r["themes"])

    def _done(self, text: str) -> None:
        self.status.value = f'<span class="rl-saved" style="color:#1b5e20">{esc(text)}</span>'
        self.saved_count += 1
        self.refresh()

    def _refused(self, err: ReviewlabError) -> None:
        self.status.value = f'<span class="rl-error" style="color:#b00020">Not saved: {esc(err)}</span>'

    def _run(self, action: Callable[[], str]) -> None:
        try:
            text = action()
        except ReviewlabError as err:
            self._refused(err)
            return
        self._done(text)

    def _override(self, _button: widgets.Button) -> None:
        self._run(lambda: f"Going ahead early; reason recorded: {self.session.override(self.reason.value).override}")

    def _save(self, _button: widgets.Button) -> None:
        item = self.item.value
        self._run(lambda: "Saved plan ({}).".format(self.session.plan(
            item, effort=self.effort.value, owner=self.owner.value or None, due=self.due.value or None,
            status=self.plan_status.value, note=self.note.value).item_id))

    def _confirm(self, _button: widgets.Button) -> None:
        item, chosen, by = self.item.value, set(self.proposed.value), self.confirmed_by.value

        def action() -> str:
            row = self.plan[self.plan["item_id"] == item]
            before = set(row.iloc[0]["themes"]) if len(row) else set()
            for label in sorted(chosen - before):
                self.session.confirm_theme(item, label, by or "")
            for label in sorted(before - chosen):
                self.session.withdraw_theme(item, label)
            return f"Themes of {item}: {', '.join(sorted(chosen)) or 'none'}."

        self._run(action)

    def _merge(self, _button: widgets.Button) -> None:
        duplicate, into = self.duplicate.value, self.merge_into.value
        self._run(lambda: f"Merged {duplicate} into {self.session.merge(duplicate, into).merged_into}.")

    def _add(self, _button: widgets.Button) -> None:
        def action() -> str:
            c = self.session.add_item(self.new_who.value or "", self.new_text.value)
            self.new_text.value = ""
            self._select = c.id
            return f"Added {c.id}: plan it below."

        self._run(action)

    def __repr__(self) -> str:
        return f"PlanningDesk(review={self.session.review_id!r})"
