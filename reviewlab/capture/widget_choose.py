"""ReviewChooser: choose the review to work on, or create one; nothing is chosen until a person does.

It sits at the top of notebooks 01, 02 and 04. The panels below follow it (`follow`): each is built
for the chosen review when one is chosen, and rebuilt when another is, so a notebook works for your
own review without editing a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from reviewlab.capture.render import esc
from reviewlab.errors import ReviewlabError
from reviewlab.model import Review, Severity
from reviewlab.timezones import zone_label
from reviewlab.unknowns import severity_text

if TYPE_CHECKING:
    from reviewlab.archive import Archive

_OK = "color:#1b5e20"
_BAD = "color:#b00020"
NONE = "(choose a review)"


class Follow(widgets.VBox):
    """A panel built by `build(review_id)` for the chooser's review; a hint until one is chosen."""

    def __init__(self, chooser: ReviewChooser, build: Callable[[str], widgets.Widget], hint: str) -> None:
        self.build, self.hint = build, hint
        self.current: Any = None
        super().__init__()
        self.add_class("rl-follow")
        chooser.observe(chooser.output.capture()(lambda change: self._show(change["new"])), "review_id")
        chooser.observe(chooser.output.capture()(lambda _change: self._roster_changed()), "roster_version")
        self._show(chooser.review_id)

    def _roster_changed(self) -> None:
        """Someone was added to the roster: forms that pick a participant offer them too."""
        entry = getattr(self.current, "entry", None)
        if entry is not None and hasattr(entry, "refresh_roster"):
            entry.refresh_roster()

    def __repr__(self) -> str:
        return f"Follow({self.current!r})" if self.current is not None else "Follow(no review chosen yet)"

    def show(self, what: Callable[[Any], Any]) -> Any:
        """For a notebook cell: `what(current)` for the chosen review, or the hint (printed) before one is chosen."""
        if self.current is None:
            print(self.hint)
            return None
        return what(self.current)

    def _show(self, review_id: str) -> None:
        if not review_id:
            self.current = None
            self.children = [widgets.HTML(f"<i class='rl-choose-first'>{esc(self.hint)}</i>")]
            return
        try:
            self.current = self.build(review_id)
        except ReviewlabError as err:
            self.current = None
            self.children = [widgets.HTML(f"<span style='{_BAD}'>{esc(err)}</span>")]
            return
        self.children = [self.current]


class ReviewChooser(widgets.VBox):
    """Open a review of the archive, or create a new one; `review_id` is '' until a person chooses.

    Arguments:
        archive: an open archive; Create writes to it at once.
        create: offer the form for a new review.

    Examples:
        >>> import reviewlab
        >>> a = reviewlab.open_archive(":memory:")
        >>> chooser = ReviewChooser(a)
        >>> chooser.review_id, chooser.review
        ('', None)
        >>> chooser.create_review("inc-1", "Queue stall", "2025-01-02T10:00:00+00:00").id
        'inc-1'
    """

    review_id = Unicode("", help="The id of the chosen review ('' before one is).").tag(sync=False)
    roster_version = Int(0, help="Goes up when the chosen review's roster changes (panels below follow).").tag(sync=False)

    def __init__(self, archive: Archive, *, create: bool = True, **kwargs: Any) -> None:
        self.archive = archive
        self.output = widgets.Output()
        self.existing = widgets.Dropdown(description="Review", options=self._options(), value="",
                                         layout={"width": "70%"})
        self.open_button = widgets.Button(description="Open", icon="folder-open", button_style="primary")
        self.new_id = widgets.Text(description="New id", placeholder="inc-42")
        self.title = widgets.Text(description="Title", layout={"width": "70%"})
        self.incident_start = widgets.Text(description="Started", placeholder="2025-05-06T14:02:00+00:00")
        self.incident_end = widgets.Text(description="Ended", placeholder="(optional) with offset")
        self.zone = widgets.Text(description="Time zone", placeholder="(optional) Europe/Berlin",
                                 tooltip="the zone the review's times are shown in; without one, the start's offset")
        self.severity = widgets.Dropdown(description="Severity", options=[s.value for s in Severity], value="SEV3")
        self.services = widgets.Text(description="Services", placeholder="checkout-api, payments")
        self.summary = widgets.Textarea(description="Summary", layout={"width": "70%"})
        self.create_button = widgets.Button(description="Create review", icon="plus")
        self.review_status = widgets.HTML("<i>No review chosen yet.</i>")
        self.open_button.on_click(self.output.capture()(self._open))
        self.create_button.on_click(self.output.capture()(self._create))
        form = [widgets.HTML("<i>or a new one:</i>"), self.new_id, self.title,
                widgets.HBox([self.incident_start, self.incident_end, self.zone]),
                widgets.HBox([self.severity, self.services]),
                self.summary, self.create_button] if create else []
        super().__init__([widgets.HBox([self.existing, self.open_button]), *form, self.review_status, self.output],
                         **kwargs)
        self.add_class("rl-chooser")

    @property
    def review(self) -> Review | None:
        """The chosen review as it is in the archive now (None before one is chosen)."""
        return self.archive.get_review(self.review_id) if self.review_id else None

    def follow(self, build: Callable[[str], widgets.Widget],
               hint: str = "Choose or create a review above; this part follows it.") -> Follow:
        """A panel that shows `build(review_id)` for the chosen review (its widget is `.current`)."""
        return Follow(self, build, hint)

    # -- for notebooks and tests: press the buttons as a person would -------------------------
    def open_review(self, review_id: str) -> Review:
        """Pick a review and press Open."""
        self.existing.options = self._options()
        self.existing.value = review_id
        self.open_button.click()
        return self.archive.get_review(review_id)

    def create_review(self, review_id: str, title: str, incident_start: str, *, severity: str = "SEV3",
               services: str = "", summary: str = "", incident_end: str = "", timezone: str = "") -> Review:
        """Fill the form and press Create review; raises what the form says when it refuses."""
        self.new_id.value, self.title.value, self.incident_start.value = review_id, title, incident_start
        self.incident_end.value, self.severity.value, self.services.value = incident_end, severity, services
        self.summary.value, self.zone.value = summary, timezone
        self.create_button.click()
        return self.archive.get_review(review_id)

    def open_or_create(self, review_id: str, title: str, incident_start: str, **fields: Any) -> Review:
        """Open the review if it exists, else create it."""
        if review_id in {r.id for r in self.archive.reviews()}:
            return self.open_review(review_id)
        return self.create_review(review_id, title, incident_start, **fields)

    # -- handlers -----------------------------------------------------------------------------
    def _open(self, _button: Any) -> None:
        if not self.existing.value:
            self.review_status.value = f"<span style='{_BAD}'>Pick a review in the list first.</span>"
            return
        self._chosen(self.existing.value, "Opened")

    def _create(self, _button: Any) -> None:
        try:
            review = Review(self.new_id.value.strip(), self.title.value, self.incident_start.value,
                            severity=self.severity.value, incident_end=self.incident_end.value or None,
                            services=tuple(s.strip() for s in self.services.value.split(",") if s.strip()),
                            summary=self.summary.value, timezone=self.zone.value.strip() or None)
            self.archive.add_review(review)
        except ReviewlabError as err:
            self.review_status.value = f"<span class='rl-error' style='{_BAD}'>Not created: {esc(err)}</span>"
            return
        self.existing.options = self._options()
        for field in (self.new_id, self.title, self.incident_start, self.incident_end, self.zone, self.services,
                      self.summary):
            field.value = ""
        self._chosen(review.id, "Created")

    def _chosen(self, review_id: str, verb: str) -> None:
        review = self.archive.get_review(review_id)
        self.existing.value = review_id
        self.review_status.value = (f"<span class='rl-chosen' style='{_OK}'>{verb} {esc(review.id)}: "
                                    f"{esc(review.title)} ({esc(severity_text(review))}, "
                                    f"{esc(review.status.value)}).</span> <span class='rl-chosen-zone'>Times in "
                                    f"<b>{esc(zone_label(review))}</b>.</span>")
        if self.review_id == review_id:  # the same review again: let the panels below redraw
            self.review_id = ""
        self.review_id = review_id

    def _options(self) -> list[tuple[str, str]]:
        return [(NONE, ""), *((f"{r.id}: {r.title[:60]}", r.id) for r in reversed(self.archive.reviews()))]

    def __repr__(self) -> str:
        return f"ReviewChooser(review={self.review_id!r})"
