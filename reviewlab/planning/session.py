"""One review's planning meeting: the only way repair plans are written, behind the soak gate.

The session adds repair items (phase "planning"), merges duplicates, sets effort, owner, due date
and status, and records which themes an item addresses. It never edits what was said in the review:
contributions of the interviews and the meeting are only read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reviewlab.errors import DuplicateError, NotFound, ValidationError
from reviewlab.model import Contribution, Kind, Phase, RepairPlan, Review, Status, ThemeLink, utcnow
from reviewlab.planning.gate import SoakGate, soak_gate
from reviewlab.planning.impact import add_impact, impact_level
from reviewlab.planning.items import merge_root, repair_items_frame
from reviewlab.planning.rank import rank_items

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.analysis import ThemeResult
    from reviewlab.analysis.catalogue import Catalogue
    from reviewlab.archive import Archive

_UNSET: Any = object()


class PlanningSession:
    """Plan the repair items of one review, a day or two after its review meeting.

    Arguments:
        archive: an open archive (the session never opens or closes one).
        review_id: the review whose repairs are planned.
        themes: the archive's theme catalogue (`reviewlab.analysis.catalogue.update_catalogue(archive)
            .catalogue`, or `load_catalogue`) for proposals and impact: confirmations then name theme
            ids, which survive re-analysis and follow merges. None plans without theme impact. A
            `ThemeResult` (`archive_themes`) still works the older way: confirmations name its labels
            (the catalogue's next update gives them ids where a label names a theme).
        now: the clock, injectable so tests and notebooks can fix the time.
        model: the model the catalogue was updated with, for proposals (None: the bundled model, or
            the ThemeResult's).

    Examples:
        >>> from reviewlab import open_archive
        >>> from reviewlab.model import Review, Participant
        >>> a = open_archive(":memory:")
        >>> _ = a.add_review(Review("r1", "Queue stall", "2025-01-02T10:00:00+00:00", status="meeting_held",
        ...                         meeting_at="2025-01-03T14:00:00+00:00"), [Participant("Ana")])
        >>> s = PlanningSession(a, "r1", now=lambda: datetime.fromisoformat("2025-01-04T09:00:00+00:00"))
        >>> s.gate().state
        'soaking'
    """

    def __init__(self, archive: Archive, review_id: str, *, themes: Catalogue | ThemeResult | None = None,
                 now: Callable[[], datetime] = utcnow, model: Any = None) -> None:
        from reviewlab.analysis.catalogue import Catalogue

        self.archive = archive
        self.review_id = archive.get_review(review_id).id
        self.themes = themes
        self.by_id = isinstance(themes, Catalogue)
        """Confirmations name catalogue theme ids (True) or, with a ThemeResult, its labels."""
        self.model = model
        self._centres: Any = None
        self.now = now

    @property
    def review(self) -> Review:
        """The review as it is in the archive now."""
        return self.archive.get_review(self.review_id)

    # -- the soak gate ------------------------------------------------------------------------
    def gate(self) -> SoakGate:
        """The soak gate read now."""
        return soak_gate(self.review, self.now)

    def override(self, reason: str) -> SoakGate:
        """Go ahead before the soak time is over, recording why (on the review, for everyone to see).

        Raises:
            ValidationError: no reason given.
            MeetingNotHeld: the meeting has not been held (no reason opens that).
        """
        reason = (reason or "").strip()
        if not reason:
            msg = "say why planning cannot wait for the soak time; the reason is recorded with the review"
            raise ValidationError(msg)
        gate = self.gate()
        if gate.state == "not_held":
            gate.require_open()
        self.archive.update_review(self.review_id, planning_override=reason)
        return self.gate()

    def _ready(self) -> None:
        self.gate().require_open()
        if self.review.planning_at is None:
            self.archive.update_review(self.review_id, planning_at=self.now())

    # -- the items ----------------------------------------------------------------------------
    def items(self) -> pd.DataFrame:
        """The review's repair items with plan and confirmed themes (`repair_items_frame`)."""
        return repair_items_frame(self.archive, self.review_id)

    def plan_frame(self) -> pd.DataFrame:
        """The items with their impact (reviews reached), ranked by impact per effort, best first."""
        return rank_items(add_impact(self.items(), self.themes, self.review_id, until=self.review.incident_start))

    def add_item(self, participant: str, text: str, *, id: str | None = None) -> Contribution:
        """Add a repair item raised in the planning meeting (kind repair_item, phase planning).

        With an `id` that already holds this very item, it is returned as it is (re-running a notebook
        adds nothing twice).
        """
        self._ready()
        if id is not None:
            try:
                found = self.archive.get_contribution(id)
            except NotFound:
                found = None
            if found is not None:
                if (found.review_id, found.kind, found.phase, found.text, found.participant) == (
                        self.review_id, Kind.REPAIR_ITEM, Phase.PLANNING, text.strip(), participant):
                    return found
                msg = f"contribution id {id!r} is already used for something else; leave id out for a fresh one"
                raise DuplicateError(msg)
        return self.archive.add_contribution(self.review_id, participant, Kind.REPAIR_ITEM.value, text,
                                             phase=Phase.PLANNING.value, recorded_at=self.now(), id=id)

    def _item(self, item_id: str) -> Contribution:
        try:
            c = self.archive.get_contribution(item_id)
        except NotFound as err:
            msg = f"no repair item {item_id!r} in review {self.review_id}"
            raise ValidationError(msg) from err
        if c.review_id != self.review_id or c.kind is not Kind.REPAIR_ITEM:
            msg = f"{item_id} is not a repair item of review {self.review_id}; only repair items are planned"
            raise ValidationError(msg)
        return c

    def _plans(self) -> dict[str, RepairPlan]:
        return {p.item_id: p for p in self.archive.plans(self.review_id)}

    def plan(self, item_id: str, *, effort: str | None = _UNSET, owner: str | None = _UNSET,
             due: date | str | None = _UNSET, status: str = _UNSET, note: str = _UNSET) -> RepairPlan:
        """Set what the planning meeting decided for one item; fields left out keep their value.

        The plan's impact level follows from the reviews its themes reach (`impact_level`).
        """
        self._ready()
        self._item(item_id)
        old = self._plans().get(item_id) or RepairPlan(item_id)
        changes = {k: v for k, v in (("effort", effort), ("owner", owner), ("due", due), ("status", status),
                                     ("note", note)) if v is not _UNSET}
        new = replace(old, **changes, planned_at=self.now())
        return self.archive.set_plan(replace(new, impact=self._impact(item_id)))

    def _impact(self, item_id: str) -> str:
        frame = add_impact(self.items(), self.themes, self.review_id, until=self.review.incident_start)
        row = frame[frame["item_id"] == item_id]
        return impact_level(int(row["reviews_reached"].iloc[0])) if len(row) else "low"

    def merge(self, duplicate: str, into: str) -> RepairPlan:
        """Merge a duplicate item into another; the duplicate's confirmed themes count for the one kept.

        Raises:
            ValidationError: merging an item into itself, or into one already merged into it.
        """
        self._ready()
        self._item(duplicate)
        self._item(into)
        if duplicate == into:
            msg = f"repair item {duplicate} cannot be merged into itself; pick the item it duplicates"
            raise ValidationError(msg)
        plans = self._plans()
        root = merge_root(plans, into)
        if root == duplicate:
            msg = f"{into} is already merged into {duplicate}; merge the other way round or unmerge first"
            raise ValidationError(msg)
        old = plans.get(duplicate) or RepairPlan(duplicate)
        return self.archive.set_plan(replace(old, merged_into=root, planned_at=self.now()))

    def unmerge(self, item_id: str) -> RepairPlan:
        """Undo a merge: the item stands on its own again."""
        self._ready()
        old = self._plans().get(item_id) or RepairPlan(self._item(item_id).id)
        return self.archive.set_plan(replace(old, merged_into=None, planned_at=self.now()))

    # -- themes -------------------------------------------------------------------------------
    def proposals(self, item_id: str | None = None) -> pd.DataFrame:
        """Themes the analysis proposes (one item, or all), for a person to confirm: item_id, theme (its
        catalogue id; with a ThemeResult its number), theme_label (its name, else its label),
        similarity, n_reviews. `proposal_keys` gives what `confirm_theme` takes."""
        import pandas as pd

        from reviewlab.planning.impact import PROPOSAL_COLUMNS

        from reviewlab.planning.impact import CatalogueCentres, propose_from_catalogue

        items = self.items()
        if item_id is not None:
            items = items[items["item_id"] == item_id]
        if self.themes is None:
            return pd.DataFrame(columns=PROPOSAL_COLUMNS)
        if not self.by_id:
            from reviewlab.planning.impact import propose_themes

            return propose_themes(self.themes, items, cache=self.archive)
        if self._centres is None:
            self._centres = CatalogueCentres(self.themes, self.archive, self.model)
        return propose_from_catalogue(self._centres, items)

    def proposal_keys(self, proposals: pd.DataFrame) -> list[str]:
        """What `confirm_theme` takes for each proposal: the theme id, or with a ThemeResult its label."""
        return [str(k) for k in proposals["theme" if self.by_id else "theme_label"]]

    def _theme_id(self, theme: str, item_id: str) -> str:
        """The catalogue id a theme is given by: its id (merges followed), or its exact name or label."""
        assert self.themes is not None
        try:
            return self.themes.resolve(theme)
        except NotFound:
            pass
        named = [t.id for side in ("factors", "repairs") for t in self.themes.themes(side, include_hidden=True)
                 if theme in (t.name, t.label)]
        if named:
            return named[0]
        msg = (f"no theme {theme!r} in the catalogue; pick one of the proposals (`proposals({item_id!r})`), "
               "by id such as T0003")
        raise ValidationError(msg)

    def confirm_theme(self, item_id: str, theme: str, by: str) -> ThemeLink:
        """A person confirms the item addresses a theme (its catalogue id, or its name or label); its
        impact and plan follow. Without a catalogue (themes=None) the text is kept as a label.

        Raises:
            ValidationError: a theme the catalogue does not know.
        """
        self._ready()
        self._item(item_id)
        if self.themes is None:
            link = ThemeLink(item_id, theme, by, self.now())
        elif not self.by_id:
            if theme not in set(self.themes.themes["label"]):
                msg = f"no theme {theme!r} in this analysis; pick one of the proposals (`proposals({item_id!r})`)"
                raise ValidationError(msg)
            link = ThemeLink(item_id, theme, by, self.now())
        else:
            theme_id = self._theme_id(theme, item_id)
            link = ThemeLink(item_id, self.themes.get(theme_id).display, by, self.now(), theme_id=theme_id)
        link = self.archive.confirm_item_theme(link)
        self._refresh_impact(item_id)
        return link

    def withdraw_theme(self, item_id: str, theme: str) -> None:
        """Take back a confirmed theme (its id, or the label of a link made before the catalogue)."""
        self._ready()
        self.archive.remove_item_theme(self._item(item_id).id, theme)
        self._refresh_impact(item_id)

    def _refresh_impact(self, item_id: str) -> None:
        plans = self._plans()
        root = merge_root(plans, item_id)
        if root in plans:
            self.archive.set_plan(replace(plans[root], impact=self._impact(root)))

    def finish(self) -> Review:
        """Mark the review planning_done."""
        self._ready()
        return self.archive.update_review(self.review_id, status=Status.PLANNING_DONE)

    def __repr__(self) -> str:
        return f"PlanningSession({self.review_id!r})"
