"""EntryForm: who is speaking, what kind of contribution, the words; Submit (or Enter) saves at once.

The same form corrects an earlier entry (`begin_correction`): it is filled with the entry, and Submit
saves the correction instead (the old version is kept in the archive). A save that fails, for any reason,
says so and leaves the words in the box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from reviewlab.capture import coaching
from reviewlab.capture.correcting import KINDS, CorrectionMode
from reviewlab.capture.guard import failure_html
from reviewlab.capture.render import esc, hints_html
from reviewlab.capture.rules import PARK_HINT, WENT_RIGHT_PROMPTS
from reviewlab.capture.session import CaptureSession
from reviewlab.meeting import capture_closed
from reviewlab.model import Contribution, Kind, Phase
from reviewlab.timezones import clock_text, zone_name
from reviewlab.typed_times import ACCEPTED

NEW_EVENT = "(a new event)"


class EntryForm(CorrectionMode, widgets.VBox):
    """Capture one contribution at a time for a session; every Submit is on disk when it returns.

    Arguments:
        session: the capture session (archive, review, phase, clock).
        coach: the question coach; None uses `reviewlab.coach`.
    """

    saved_count = Int(0, help="How many contributions this form has saved.").tag(sync=False)
    last_saved_id = Unicode("", help="The id of the contribution saved last.").tag(sync=False)
    correcting = Unicode("", help="The id of the entry being corrected ('' when capturing new ones).").tag(sync=False)
    coach_phase = Unicode("", help="The phase the coach reads in: the meeting phase open, else the session's.").tag(
        sync=False)

    def __init__(self, session: CaptureSession, *, coach: Any = None, **kwargs: Any) -> None:
        self.session = session
        self.coach = coach
        self._on_saved: list[Callable[[Contribution], None]] = []
        self.coach_phase = self._phase_now()
        self.output = widgets.Output(layout={"max_height": "160px", "overflow": "auto"})
        full = {"width": "98%"}
        self.participant = widgets.Dropdown(description="Who", options=self._names())
        self.kind = widgets.Dropdown(description="Kind", options=KINDS, value="observation")
        self.event_time = widgets.Text(description="When", placeholder=f"{ACCEPTED.replace(' or ', ', ')}",
                                       tooltip=f"a time of day ({ACCEPTED}) on the incident's day, or a date and time",
                                       layout={"display": "none"})
        self.zone_note = widgets.HTML(layout={"display": "none"})
        self.same_event = widgets.Dropdown(description="Same event", options=[NEW_EVENT],
                                           layout={"display": "none", "width": "60%"})
        self.private = widgets.Checkbox(description="private (keep off the meeting board)", indent=False,
                                        layout={"display": "" if session.phase is Phase.INTERVIEW else "none"})
        self.text = widgets.Text(placeholder="What was said, in their words (Enter saves)", layout=full)
        self.submit_button = widgets.Button(description="Submit", button_style="primary", icon="check")
        self.park_button = widgets.Button(description="Park as repair idea", icon="car", layout={"width": "auto"},
                                          tooltip="Park it for the planning meeting; not discussed here")
        self.use_suggestion = widgets.Button(description="Use suggestion", icon="magic",
                                             layout={"display": "none"})
        self.cancel_button = widgets.Button(description="Cancel correction", icon="times",
                                            layout={"display": "none", "width": "auto"})
        self.reason = widgets.Text(placeholder="why the correction (optional)", layout={"display": "none", "width": "40%"})
        self.correcting_note = widgets.HTML()
        self.closed_note = widgets.HTML()
        self.hints = widgets.HTML()
        self.status = widgets.HTML()
        self.openers = widgets.Dropdown(description="Ask", options=[""] + self._openers(),
                                        layout={"width": "98%"})
        self.prompts = widgets.ToggleButtons(options=[("what went right?", "")] + [(p, p) for p in WENT_RIGHT_PROMPTS[:3]],
                                             value="", style={"button_width": "auto"})
        self.submit_button.on_click(self.output.capture()(self._submit_clicked))
        self.park_button.on_click(self.output.capture()(self._park_clicked))
        self.cancel_button.on_click(self.output.capture()(lambda _b: self.cancel_correction()))
        self.use_suggestion.on_click(self.output.capture()(self._use_suggestion))
        self.text.on_msg(self.output.capture()(self._text_msg))
        self.text.observe(self.output.capture()(self._text_changed), "value")
        self.kind.observe(self.output.capture()(self._kind_changed), "value")
        self.openers.observe(self.output.capture()(self._ask), "value")
        self.prompts.observe(self.output.capture()(self._ask), "value")
        self._suggestion: str | None = None
        self._shown_time = ""
        rows = [self.closed_note, self.correcting_note, widgets.HBox([self.participant, self.kind]),
                widgets.HBox([self.event_time, self.zone_note, self.same_event]), self.text,
                widgets.HBox([self.submit_button, self.park_button, self.cancel_button, self.reason,
                              self.use_suggestion, self.private]),
                self.hints, self.status, self.openers, self.prompts, self.output]
        super().__init__(rows, **kwargs)
        self.add_class("rl-entry")
        self.refresh_state()

    # -- actions ------------------------------------------------------------------------------
    def on_saved(self, callback: Callable[[Contribution], None]) -> None:
        """Call `callback(contribution)` after each save."""
        self._on_saved.append(callback)

    def save(self, kind: str | None = None) -> Contribution | None:
        """Save the form as it stands (as `kind` if given), or the correction being made; show the outcome.

        On success the words are cleared for the next entry; on any failure the form says what failed and
        keeps everything typed.
        """
        if self.correcting:
            return self._save_correction()
        self.status.value = ""
        try:
            c = self.session.submit(self.participant.value or "", kind or self.kind.value, self.text.value,
                                    event_time=self.event_time.value if self.kind.value == "timeline_event" else None,
                                    links_to=self._link(kind), private=self.private.value)
        except Exception as err:  # noqa: BLE001 - shown in the form, the words kept (a full disk, a closed meeting)
            self.status.value = failure_html(err)
            self.refresh_state()
            return None
        note = ""
        with self.session.reading():
            twin = self.session.duplicate_of(c)
        if twin is not None:
            note = (f' <span class="rl-duplicate" style="color:#b26a00">The same words as an entry recorded at '
                    f"{esc(clock_text(twin.recorded_at, self.session.review))}: if it was a double press, withdraw "
                    "one below.</span>")
        self.status.value = (f'<span class="rl-saved" style="color:#1b5e20">Saved ({esc(c.kind.value)}, '
                             f"{esc(c.participant)}).</span>{note}")
        self.text.value, self.event_time.value, self.private.value = "", "", False
        self._after_save(c)
        return c

    def refresh_state(self) -> None:
        """Close the form for new entries once the meeting ended (corrections stay possible), and open it again."""
        review = self.session.review
        self.zone_note.value = f"<small class='rl-zone' style='color:#555'>{esc(zone_name(review))}</small>"
        closed = capture_closed(review) if self.session.phase is Phase.MEETING else None
        ended = clock_text(review.meeting_ended_at, review, date=False) if closed else ""
        self.closed_note.value = (f'<div class="rl-closed" style="color:#b00020;font-weight:bold">Capture is closed: '
                                  f"the meeting ended at {esc(ended)}. Reopen it above (who and why) to add to it; "
                                  "corrections and withdrawals stay possible.</div>" if closed else "")
        self.submit_button.disabled = bool(closed) and not self.correcting
        self.park_button.disabled = bool(closed)
        phase = self._phase_now()
        if phase != self.coach_phase:  # a phase was opened (here or in another kernel): the coach follows it
            self.coach_phase = phase
            self.openers.options = [""] + self._openers()
            self._text_changed({"new": self.text.value})

    def _after_save(self, c: Contribution) -> None:
        self.saved_count += 1
        self.last_saved_id = c.id
        with self.session.reading():
            self.refresh_events()
            for callback in self._on_saved:
                callback(c)

    def fill(self, participant: str, kind: str, text: str, event_time: str = "") -> EntryForm:
        """Set the fields as a person would (for demos and tests); call `submit_button.click()` next."""
        self.participant.value, self.kind.value = participant, kind
        self.event_time.value, self.text.value = event_time, text
        return self

    def press_submit(self, participant: str, kind: str, text: str, event_time: str = "", *,
                     private: bool = False, same_event: str | None = None) -> Contribution | None:
        """Fill the form and press Submit as a person would; the saved contribution, or None if refused."""
        before = self.last_saved_id
        self.fill(participant, kind, text, event_time)
        self.private.value = private
        if same_event:
            self.same_event.value = same_event
        self.submit_button.click()
        if self.last_saved_id == before:
            return None
        return self.session.archive.get_contribution(self.last_saved_id)

    def hint_text(self) -> str:
        """The hints beside the text now, as plain text (for notebooks and logs)."""
        text = self.text.value
        lines = [f"{h.label}: {h.explanation}" + (f" Try: {h.suggestion}" if h.suggestion else "")
                 for h in (coaching.hints_for(text, self.coach, self.coach_phase) if self.kind.value == "question" else [])]
        if coaching.looks_like_repair(text):
            lines.append(PARK_HINT)
        return "\n".join(lines) or "No hints."

    def refresh_roster(self) -> None:
        """Reload the participant picker from the archive (after the roster changed)."""
        current = self.participant.value
        self.participant.options = self._names()
        if current in self.participant.options:
            self.participant.value = current

    def refresh_events(self) -> None:
        """Reload the 'same event' picker with this review's timeline events."""
        events = [c for c in self.session.contributions() if c.kind is Kind.TIMELINE_EVENT]
        review = self.session.review
        options = [(NEW_EVENT, NEW_EVENT)] + [
            (f"{clock_text(c.event_time, review)} {c.participant}: {c.text[:50]}", c.id) for c in events if c.event_time]
        self.same_event.options = options
        self.same_event.value = NEW_EVENT

    # -- handlers -----------------------------------------------------------------------------
    def _submit_clicked(self, _button: widgets.Button) -> None:
        self.save()

    def _park_clicked(self, _button: widgets.Button) -> None:
        self.save(kind=Kind.REPAIR_ITEM.value)

    def _text_msg(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        if content.get("event") == "submit":  # Enter in the text box
            self.save()

    def _use_suggestion(self, _button: widgets.Button) -> None:
        if self._suggestion:
            self.text.value = self._suggestion

    def _ask(self, change: dict[str, Any]) -> None:
        if not change["new"]:
            return
        facilitator = self.session.review.facilitator
        if facilitator in self.participant.options:
            self.participant.value = facilitator
        self.kind.value, self.text.value = "question", change["new"]
        change["owner"].value = ""

    def _kind_changed(self, change: dict[str, Any]) -> None:
        timeline = change["new"] == "timeline_event"
        self.event_time.layout.display = "" if timeline else "none"
        self.zone_note.layout.display = "" if timeline else "none"
        self.same_event.layout.display = "" if timeline and not self.correcting else "none"
        if timeline:
            self.refresh_events()
        self._text_changed({"new": self.text.value})

    def _text_changed(self, change: dict[str, Any]) -> None:
        text = change["new"] or ""
        hints = coaching.hints_for(text, self.coach, self.coach_phase) if self.kind.value == "question" else []
        self._suggestion = next((h.suggestion for h in hints if h.suggestion), None)
        self.use_suggestion.layout.display = "" if self._suggestion else "none"
        repair = coaching.looks_like_repair(text)
        follow = coaching.follow_ups(text, self.coach) if self.kind.value == "question" and not hints else []
        extra = "".join(f'<div class="rl-followup" style="color:#555">Follow-up: {esc(q)}</div>' for q in follow)
        self.hints.value = hints_html(hints, repair=repair, parking_hint=PARK_HINT) + extra
        self.park_button.button_style = "info" if repair else ""

    # -- helpers ------------------------------------------------------------------------------
    def _link(self, kind: str | None) -> str | None:
        if (kind or self.kind.value) != "timeline_event" or self.same_event.value == NEW_EVENT:
            return None
        return self.same_event.value

    def _names(self) -> list[str]:
        return [p.name for p in self.session.roster()]

    def _openers(self) -> list[str]:
        return coaching.openers(self.coach_phase, self.coach)

    def _phase_now(self) -> str:
        """The phase the coach reads in: the meeting phase the facilitator opened ('went_right', 'learning'),
        else the session's ('meeting' while an agenda topic or nothing is open, or 'interview')."""
        if self.session.phase is Phase.MEETING:
            current = self.session.meeting_state().current
            if current is not None and current.kind == "phase":
                return current.key
        return self.session.phase.value

    def __repr__(self) -> str:
        return f"EntryForm(review={self.session.review_id!r}, phase={self.session.phase.value!r})"
