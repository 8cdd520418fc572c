"""ThemeCurator: the analyst's hand on the theme catalogue (issue 16), a thin layer over its API.

The catalogue's themes in a table (name, id, size, reviews, first and last seen, status); pick one to
read its contributions (private interview notes are never shown) and to rename it, merge others into
it, split it, hide or un-hide it, or pin one of its contributions into another theme or out of any.
Every press calls `reviewlab.analysis.catalogue`, is on disk when it returns, says plainly what it did
or why not, and redraws the list. Every later `update_catalogue` respects these decisions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Int

from reviewlab.analysis.catalogue import (SIDES, hide_theme, load_catalogue, merge_themes, pin_contribution,
                                          rename_theme, split_theme, update_catalogue)
from reviewlab.capture.render import esc
from reviewlab.errors import ReviewlabError
from reviewlab.privacy import visible

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.analysis.catalogue import Catalogue, CatalogueTheme
    from reviewlab.archive import Archive

_OK = "color:#1b5e20"
_BAD = "color:#b00020"
SIDE_NAMES = {"factors": "Contributing factors", "went_right": "What went right", "repairs": "Recurring repairs"}
NO_THEME = "(out of any theme)"
SHOWN_MEMBERS = 40  # contributions listed for the chosen theme (the rest are counted)
# what a refused action can raise: the library's own errors, and the lookups it makes
REFUSALS = (ReviewlabError, KeyError, ValueError)


def _day(value: Any) -> str:
    return "-" if value is None or value != value or value == "" else str(value)[:10]


def themes_html(frame: pd.DataFrame, chosen: str | None = None) -> str:
    """The catalogue's themes (`Catalogue.frame`) as an HTML table; hidden ones greyed, the chosen one bold."""
    if frame.empty:
        return "<i class='rl-no-themes'>No themes in this catalogue yet.</i>"
    head = "".join(f"<th style='text-align:left;padding:2px 6px'>{h}</th>"
                   for h in ("Theme", "Id", "Size", "Reviews", "First seen", "Last seen", "Status"))
    rows = []
    for r in frame.itertuples(index=False):
        named = isinstance(r.name, str) and r.name != ""
        label = (f"<br><small style='color:#777'>generated: {esc(r.label)}</small>" if named and r.label != r.name
                 else "")
        style = "color:#888;" if r.status != "active" else ""
        style += "font-weight:bold;background:#e3f2fd;" if r.id == chosen else ""
        cells = [f"<span class='rl-theme-name'>{esc(r.display)}</span>{label}", f"<code>{esc(r.id)}</code>",
                 esc(r.size), esc(r.n_reviews), esc(_day(r.first_seen)), esc(_day(r.last_seen)), esc(r.status)]
        rows.append(f"<tr class='rl-theme-row' data-id='{esc(r.id)}' style='{style}'>"
                    + "".join(f"<td style='padding:2px 6px;overflow-wrap:anywhere'>{c}</td>" for c in cells) + "</tr>")
    return ("<div style='max-height:340px;overflow:auto'><table class='rl-themes' style='border-collapse:collapse'>"
            f"<tr>{head}</tr>{''.join(rows)}</table></div>")


def members_html(members: pd.DataFrame, *, shown: int = SHOWN_MEMBERS) -> str:
    """A theme's contributions (`Catalogue.members_frame`), private notes left out, every text escaped."""
    members = visible(members)
    if members.empty:
        return "<i>No contributions in this theme.</i>"
    items = "".join(f"<li class='rl-member' data-id='{esc(r.contribution_id)}'><code>{esc(r.contribution_id)}</code> "
                    f"<small style='color:#777'>{esc(r.review_id)} \u00b7 {esc(r.kind)}</small> {esc(r.text)}</li>"
                    for r in members.head(shown).itertuples(index=False))
    more = f"<i>and {len(members) - shown} more</i>" if len(members) > shown else ""
    return f"<ul class='rl-members' style='max-height:260px;overflow:auto;margin:2px 0'>{items}</ul>{more}"


class ThemeCurator(widgets.VBox):
    """Curate the archive's theme catalogue: rename, merge, split, hide, pin; each decision kept.

    Arguments:
        archive: an open archive whose catalogue was built (`update_catalogue`); an empty one says so.
        side: which catalogue to show first: "factors", "went_right" or "repairs".
        by: who curates (recorded with every decision).
        model: the embedding model the catalogue was updated with (Split embeds with it where the archive's
            cache lacks a text); given, an **Analyse again** button runs `update_catalogue` with it.

    Examples:
        >>> import reviewlab
        >>> ThemeCurator(reviewlab.open_archive(":memory:")).theme.options
        ()
    """

    saved_count = Int(0, help="How many decisions this curator has saved.").tag(sync=False)

    def __init__(self, archive: Archive, *, side: str = "factors", by: str | None = None, model: Any = None,
                 **kwargs: Any) -> None:
        self.archive, self.by, self.model = archive, by, model
        self.catalogue: Catalogue = load_catalogue(archive)
        self.output = widgets.Output()
        wide = {"width": "98%"}
        self.side = widgets.ToggleButtons(options=[(SIDE_NAMES[s], s) for s in SIDES], value=side,
                                          style={"button_width": "160px"})
        self.show_hidden = widgets.Checkbox(description="show hidden themes", value=False, indent=False)
        self.reanalyse_button = widgets.Button(description="Analyse again", icon="refresh",
                                               tooltip="Update the catalogue from the archive; your decisions stay")
        self.reanalyse_button.layout.display = "" if model is not None else "none"
        self.table = widgets.HTML()
        self.theme = widgets.Dropdown(description="Theme", layout=wide)
        self.members = widgets.HTML()
        self.new_name = widgets.Text(description="Name", placeholder="the analyst's name for this theme",
                                     layout={"width": "60%"})
        self.rename_button = widgets.Button(description="Rename", icon="pencil", button_style="primary")
        self.others = widgets.SelectMultiple(description="Merge in", layout={"width": "98%", "height": "110px"})
        self.merge_button = widgets.Button(description="Merge into this theme", icon="compress",
                                           layout={"width": "auto"})
        self.split_button = widgets.Button(description="Split this theme", icon="scissors", layout={"width": "auto"})
        self.hide_button = widgets.Button(description="Hide (noise)", icon="eye-slash", button_style="warning")
        labelled = {"description_width": "90px"}
        self.contribution = widgets.Dropdown(description="Contribution", layout=wide, style=labelled)
        self.pin_target = widgets.Dropdown(description="Pin into", layout=wide, style=labelled)
        self.pin_button = widgets.Button(description="Pin", icon="thumb-tack")
        self.status = widgets.HTML()
        for button, handler in ((self.rename_button, self._rename), (self.merge_button, self._merge),
                                (self.split_button, self._split), (self.hide_button, self._hide),
                                (self.pin_button, self._pin), (self.reanalyse_button, self._reanalyse)):
            button.on_click(self.output.capture()(handler))
        self.theme.observe(self.output.capture()(lambda _change: self._theme_changed()), "value")
        self.side.observe(self.output.capture()(lambda _change: self.refresh()), "value")
        self.show_hidden.observe(self.output.capture()(lambda _change: self.refresh()), "value")

        def section(title: str, *children: widgets.Widget) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<h4 style='margin:6px 0 2px'>{esc(title)}</h4>"), *children])

        super().__init__([
            widgets.HTML("<h3 style='margin:4px 0'>Theme catalogue</h3><i>Name the themes you trust, merge "
                         "duplicates, split mixtures, hide noise, move a contribution. Every decision is kept and "
                         "every later analysis respects it.</i>"),
            widgets.HBox([self.side, self.show_hidden, self.reanalyse_button]),
            self.table, self.status,
            section("The chosen theme", self.theme, self.members),
            section("Rename", widgets.HBox([self.new_name, self.rename_button])),
            section("Merge other themes into it", self.others, widgets.HBox([self.merge_button])),
            section("Split it, or hide it", widgets.HBox([self.split_button, self.hide_button])),
            section("Pin one of its contributions into another theme, or out of any",
                    self.contribution, self.pin_target, self.pin_button),
            self.output], **kwargs)
        self.add_class("rl-curator")
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        """The themes listed now (the catalogue's frame for the chosen side)."""
        return self.catalogue.frame(self.side.value, include_hidden=self.show_hidden.value)

    def chosen(self) -> CatalogueTheme | None:
        """The chosen theme as the catalogue holds it now (None when none is)."""
        return self.catalogue.get(self.theme.value) if self.theme.value else None

    def refresh(self, select: str | None = None) -> None:
        """Load the catalogue again from the archive and redraw the list and the pickers."""
        self.catalogue = load_catalogue(self.archive)
        frame = self.frame()
        self._options = [(f"{name}  ({theme_id}, {size} contributions, {n} reviews)", theme_id) for theme_id, name, size, n
                         in zip(frame["id"], frame["display"], frame["size"], frame["n_reviews"], strict=True)]
        current = select or self.theme.value
        self.theme.options = self._options
        ids = [v for _, v in self._options]
        if current in ids:
            self.theme.value = current
        elif ids:
            self.theme.value = ids[0]
        self._theme_changed()

    def _theme_changed(self) -> None:
        chosen = self.theme.value or None
        self.table.value = themes_html(self.frame(), chosen)
        others = [(label, value) for label, value in self._options if value != chosen]
        self.others.options = others
        self.pin_target.options = [*others, (NO_THEME, "")]
        self.pin_target.value = self.pin_target.options[0][1]  # ipywidgets would leave it blank
        if not chosen:
            self.members.value = ("<i>Nothing to curate yet: run the catalogue (update_catalogue) first.</i>"
                                  if not self._options else "")
            self.contribution.options = []
            self.new_name.value = ""
            return
        theme = self.catalogue.get(chosen)
        members = visible(self.catalogue.members_frame(chosen))
        self.members.value = members_html(members)
        self.contribution.options = [(f"{c}: {_short(t)}", c)
                                     for c, t in zip(members["contribution_id"], members["text"], strict=True)]
        self.contribution.value = self.contribution.options[0][1] if self.contribution.options else None
        self.new_name.value = theme.name or ""
        self.hide_button.description = "Un-hide" if theme.status == "hidden" else "Hide (noise)"
        self.hide_button.icon = "eye" if theme.status == "hidden" else "eye-slash"

    # -- what a person does, for notebooks and tests: pick, type, press --------------------------
    def choose(self, theme_id: str) -> CatalogueTheme | None:
        """Pick a theme in the list (its side and hidden filter follow)."""
        theme = self.catalogue.get(theme_id)
        if theme.status == "hidden":
            self.show_hidden.value = True
        self.side.value = theme.side
        self.theme.value = theme_id
        return self.chosen()

    def rename(self, theme_id: str, name: str) -> str:
        """Choose the theme, type its name, press Rename; returns the outcome as plain text."""
        self.choose(theme_id)
        self.new_name.value = name
        self.rename_button.click()
        return self.outcome()

    def merge(self, into: str, others: list[str]) -> str:
        """Choose the theme kept, tick the others, press Merge."""
        self.choose(into)
        offered = {v for _, v in self.others.options}
        self.others.value = tuple(o for o in others if o in offered)
        missing = [o for o in others if o not in offered]
        if missing:  # a person cannot tick what is not offered: say so as the widget would
            self._refused(f"{', '.join(missing)} is not in the list of themes to merge in")
            return self.outcome()
        self.merge_button.click()
        return self.outcome()

    def split(self, theme_id: str) -> str:
        """Choose the theme, press Split."""
        self.choose(theme_id)
        self.split_button.click()
        return self.outcome()

    def hide(self, theme_id: str) -> str:
        """Choose the theme, press Hide (or Un-hide when it is hidden)."""
        self.choose(theme_id)
        self.hide_button.click()
        return self.outcome()

    def pin(self, contribution_id: str, into: str | None) -> str:
        """Choose the contribution's theme, pick the contribution and the target (None: out of any), press Pin."""
        theme_id = self.catalogue.theme_of(contribution_id)
        if theme_id:
            self.choose(theme_id)
        if contribution_id not in {v for _, v in self.contribution.options}:
            self._refused(f"{contribution_id} is not a contribution of the chosen theme")
            return self.outcome()
        self.contribution.value = contribution_id
        self.pin_target.value = into or ""
        self.pin_button.click()
        return self.outcome()

    def outcome(self) -> str:
        """The last outcome (done, or why not) as plain text."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.status.value))

    def names(self) -> list[str]:
        """The names the list shows now, in its order."""
        return self.frame()["display"].tolist()

    # -- handlers --------------------------------------------------------------------------------
    def _done(self, text: str, select: str | None = None) -> None:
        self.saved_count += 1
        self.refresh(select)
        self.status.value = f"<span class='rl-saved' style='{_OK}'>{esc(text)}</span>"

    def _refused(self, why: object) -> None:
        text = why.args[0] if isinstance(why, KeyError) and why.args else why
        self.status.value = f"<span class='rl-error' style='{_BAD}'>Not saved: {esc(text)}</span>"

    def _run(self, action: Callable[[], tuple[str, str | None]]) -> None:
        try:
            text, select = action()
        except REFUSALS as err:
            self._refused(err)
            return
        self._done(text, select)

    def _need_theme(self) -> str:
        if not self.theme.value:
            msg = "choose a theme first"
            raise ReviewlabError(msg)
        return self.theme.value

    def _rename(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            theme_id, name = self._need_theme(), self.new_name.value.strip()
            if not name and not self.catalogue.get(theme_id).name:
                msg = "type the theme's new name first"
                raise ReviewlabError(msg)
            theme = rename_theme(self.archive, theme_id, name or None, by=self.by)
            if not name:  # an emptied name field: back to the generated label
                return f"Name cleared: {theme.id} shows its generated label \u201c{theme.label}\u201d again.", theme.id
            return f"Renamed {theme.id} to \u201c{theme.display}\u201d.", theme.id

        self._run(action)

    def _merge(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            into, others = self._need_theme(), list(self.others.value)
            if not others:
                msg = "tick the themes to merge into this one first"
                raise ReviewlabError(msg)
            theme = merge_themes(self.archive, into, others, by=self.by)
            return (f"Merged {', '.join(others)} into {theme.id} \u201c{theme.display}\u201d: "
                    f"{len(theme.members)} contributions, {theme.n_reviews} reviews."), theme.id

        self._run(action)

    def _split(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            theme_id = self._need_theme()
            parts = split_theme(self.archive, theme_id, by=self.by, model=self.model)
            listed = "; ".join(f"{t.id} \u201c{t.display}\u201d ({len(t.members)})" for t in parts)
            return f"Split {theme_id} into {len(parts)}: {listed}.", parts[0].id if parts else None

        self._run(action)

    def _hide(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            theme_id = self._need_theme()
            hidden = self.catalogue.get(theme_id).status != "hidden"
            theme = hide_theme(self.archive, theme_id, by=self.by, hidden=hidden)
            if hidden:
                return (f"Hidden {theme.id} \u201c{theme.display}\u201d: charts and reports leave it out "
                        "(tick 'show hidden themes' to see it again)."), None
            return f"Un-hidden {theme.id} \u201c{theme.display}\u201d.", theme.id

        self._run(action)

    def _pin(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            theme_id, contribution_id, target = self._need_theme(), self.contribution.value, self.pin_target.value
            if not contribution_id:
                msg = "pick one of the theme's contributions first"
                raise ReviewlabError(msg)
            pin_contribution(self.archive, contribution_id, target or None, by=self.by)
            if target:
                return f"Pinned {contribution_id} into {target} \u201c{self.catalogue.get(target).display}\u201d.", theme_id
            return f"Pinned {contribution_id} out of any theme.", theme_id

        self._run(action)

    def _reanalyse(self, _button: Any) -> None:
        def action() -> tuple[str, str | None]:
            update = update_catalogue(self.archive, model=self.model, progress=False)
            counts = ", ".join(f"{k.replace('_', ' ')} {getattr(update, k)}" for k in ("kept", "joined", "new_themes", "moved")
                               if hasattr(update, k))
            return f"Catalogue updated ({counts}); your decisions were kept.", None

        self._run(action)

    def __repr__(self) -> str:
        return f"ThemeCurator({self.side.value}: {len(self._options)} themes, chosen={self.theme.value!r})"


def _short(text: str, width: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
