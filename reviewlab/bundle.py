"""A whole review as one value (review, roster, contributions, plans) and its JSON form.

`ReviewBundle.check()` holds the rules that span several objects: names on the roster, links
inside the review, plans only for repair items. `bundle_from_dict` turns JSON into a bundle and
names the file and the field of the first thing that is wrong. docs/review-json.md is the format.
"""

from __future__ import annotations

import warnings
from dataclasses import MISSING, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reviewlab.boundary import describe
from reviewlab.errors import ImportFormatError, ValidationError
from reviewlab.meeting import MeetingEvent, MeetingState
from reviewlab.model import AgendaItem, Contribution, Kind, Participant, RepairPlan, Review, ThemeLink
from reviewlab.unknowns import ImportNote
from reviewlab.revisions import Revision, RevisionAction, withdrawn_by

FORMAT = "reviewlab/review"
VERSION = 1
TOP_LEVEL = ("format", "version", "review", "participants", "contributions", "plans", "agenda", "item_themes",
             "import_notes", "revisions", "meeting_log")
"""The fields of a review JSON file; any other is refused (a misspelt key must not drop its contents)."""


class EventTimeWarning(UserWarning):
    """A timeline event's time lies far outside the incident window (kept, but worth a look)."""


@dataclass
class ReviewBundle:
    """One review with everything said in it."""

    review: Review
    participants: list[Participant] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    plans: list[RepairPlan] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    item_themes: list[ThemeLink] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)
    """What an importer assumed or could not read exactly (empty for a review captured live)."""
    revisions: list[Revision] = field(default_factory=list)
    """Corrections, withdrawals and restores, in order (contributions hold their current versions)."""
    meeting_log: list[MeetingEvent] = field(default_factory=list)

    def check(self) -> list[str]:
        """Check the cross-object rules; raise ValidationError, return warnings (also emitted)."""
        names: set[str] = set()
        for p in self.participants:
            if p.name in names:
                msg = f"participant {p.name!r} appears twice in review {self.review.id}; names must be unique in a review"
                raise ValidationError(msg)
            names.add(p.name)
        if self.review.facilitator and self.review.facilitator not in names:
            msg = f"facilitator {self.review.facilitator!r} is not on the roster of review {self.review.id}; add them as a participant"
            raise ValidationError(msg)
        ids: dict[str, Contribution] = {}
        notes: list[str] = []
        for c in self.contributions:
            if c.review_id != self.review.id:
                msg = f"contribution {c.id} belongs to review {c.review_id}, not {self.review.id}"
                raise ValidationError(msg)
            if c.id in ids:
                msg = f"contribution id {c.id} appears twice in review {self.review.id}"
                raise ValidationError(msg)
            if c.participant not in names:
                msg = (f"contribution {c.id} is from {c.participant!r}, who is not on the roster of review "
                       f"{self.review.id} (roster: {', '.join(sorted(names)) or 'empty'})")
                raise ValidationError(msg)
            ids[c.id] = c
            if c.outside_window(self.review):
                notes.append(event_warning(c, self.review))
        for c in self.contributions:
            if c.links_to is not None and c.links_to not in ids:
                msg = f"contribution {c.id} links to {c.links_to}, which is not in review {self.review.id}"
                raise ValidationError(msg)
        planned: set[str] = set()
        for plan in self.plans:
            item = ids.get(plan.item_id)
            if item is None or item.kind is not Kind.REPAIR_ITEM:
                msg = f"plan for {plan.item_id}: review {self.review.id} has no repair item with that id"
                raise ValidationError(msg)
            if plan.merged_into is not None and plan.merged_into not in ids:
                msg = f"plan for {plan.item_id} is merged into {plan.merged_into}, which is not in review {self.review.id}"
                raise ValidationError(msg)
            if plan.item_id in planned:
                msg = f"repair item {plan.item_id} is planned twice in review {self.review.id}"
                raise ValidationError(msg)
            planned.add(plan.item_id)
        for link in self.item_themes:
            item = ids.get(link.item_id)
            if item is None or item.kind is not Kind.REPAIR_ITEM:
                msg = f"theme link for {link.item_id}: review {self.review.id} has no repair item with that id"
                raise ValidationError(msg)
        for item in self.agenda:
            unknown = [cid for cid in item.contribution_ids if cid not in ids]
            if unknown:
                msg = f"agenda topic {item.title!r} refers to {', '.join(unknown)}, not in review {self.review.id}"
                raise ValidationError(msg)
        self._check_revisions(ids, names)
        self._check_meeting_log()
        for note in notes:
            warnings.warn(note, EventTimeWarning, stacklevel=3)
        return notes

    def _check_revisions(self, ids: dict[str, Contribution], names: set[str]) -> None:
        for r in self.revisions:
            if r.contribution_id not in ids:
                msg = f"a revision refers to {r.contribution_id}, which is not in review {self.review.id}"
                raise ValidationError(msg)
            if r.action is RevisionAction.CORRECTED and r.old_participant not in names:
                msg = f"a correction of {r.contribution_id} names {r.old_participant!r}, who is not on the roster"
                raise ValidationError(msg)
        state = withdrawn_by(self.revisions)
        for c in self.contributions:
            if c.withdrawn != state.get(c.id, False):
                msg = (f"contribution {c.id} is {'' if c.withdrawn else 'not '}withdrawn, but its revisions say "
                       f"{'otherwise' if c.id in state else 'nothing of who withdrew it, or when'}")
                raise ValidationError(msg)

    def _check_meeting_log(self) -> None:
        if not self.meeting_log:
            return
        state = MeetingState.from_log(self.meeting_log)
        if (state.started, state.ended) != (self.review.meeting_at, self.review.meeting_ended_at):
            msg = (f"review {self.review.id}: meeting_at and meeting_ended_at do not match its meeting log "
                   f"(the log says started {state.started}, ended {state.ended})")
            raise ValidationError(msg)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (docs/review-json.md)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "review": _plain(self.review),
            "participants": [_plain(p) for p in self.participants],
            "contributions": [_plain(c, drop=("review_id",)) for c in self.contributions],
            "plans": [_plain(p) for p in self.plans],
            "agenda": [_plain(a) for a in self.agenda],
            "item_themes": [_plain(t) for t in self.item_themes],
            "import_notes": [_plain(n) for n in self.notes],
            **({"revisions": [_plain(r) for r in self.revisions]} if self.revisions else {}),
            **({"meeting_log": [_plain(e) for e in self.meeting_log]} if self.meeting_log else {}),
        }


def event_warning(c: Contribution, review: Review) -> str:
    """The warning text for a timeline event far outside the incident window."""
    assert c.event_time is not None
    return (f"contribution {c.id}: event_time {c.event_time.isoformat()} is more than a day outside the "
            f"incident window starting {review.incident_start.isoformat()}; check the date")


_WRITTEN_WHEN_SET = {"timezone", "meeting_ended_at", "withdrawn", "theme_id"}
"""Fields added to the format later: written only when they hold something, so older files round-trip."""


def _plain(obj: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in obj.__dataclass_fields__:
        if name in drop:
            continue
        value = getattr(obj, name)
        if name in _WRITTEN_WHEN_SET and not value:
            continue
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        elif hasattr(value, "value"):  # enums
            value = value.value
        out[name] = value
    return out


def _build(cls: type, data: Any, where: str, extra: dict[str, Any] | None = None) -> Any:
    if not isinstance(data, dict):
        msg = f"{where}: expected an object, got {describe(data)}"
        raise ImportFormatError(msg)
    fields = cls.__dataclass_fields__
    unknown = sorted(str(k) for k in data if k not in fields)
    if unknown:
        msg = f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(fields))}"
        raise ImportFormatError(msg)
    values = {**data, **(extra or {})}
    required = [n for n, f in fields.items()
                if f.default is MISSING and f.default_factory is MISSING and n not in (extra or {})]
    missing = [repr(n) for n in required if n not in values]
    if missing:
        msg = f"{where}: field(s) {', '.join(missing)} missing; required: {', '.join(required)}"
        raise ImportFormatError(msg)
    try:
        return cls(**values)
    except ValidationError as err:
        msg = f"{where}: {err}"
        raise ImportFormatError(msg) from err


def bundle_from_dict(data: Any, source: str = "<data>") -> ReviewBundle:
    """Build and check a bundle from parsed JSON; errors name `source` and the field."""
    if not isinstance(data, dict):
        msg = f"{source}: expected a JSON object with 'review', 'participants' and 'contributions'"
        raise ImportFormatError(msg)
    version = data.get("version", VERSION)
    if data.get("format", FORMAT) != FORMAT or isinstance(version, bool) or version != VERSION:
        msg = (f"{source}: format {describe(data.get('format'))} version {describe(data.get('version'))} "
               f"is not {FORMAT!r} version {VERSION}")
        raise ImportFormatError(msg)
    unknown = sorted(str(k) for k in data if k not in TOP_LEVEL)
    if unknown:
        msg = f"{source}: unknown field(s) {', '.join(unknown)}; known: {', '.join(TOP_LEVEL)}"
        raise ImportFormatError(msg)
    if "review" not in data:
        msg = f"{source}: field 'review' is missing"
        raise ImportFormatError(msg)
    for key in ("participants", "contributions", "plans", "agenda", "item_themes", "import_notes", "revisions",
                "meeting_log"):
        if not isinstance(data.get(key, []), list):
            msg = f"{source}: field '{key}' must be a list, got {describe(data[key])}"
            raise ImportFormatError(msg)
    review = _build(Review, data["review"], f"{source}: review")
    bundle = ReviewBundle(
        review=review,
        participants=[_build(Participant, p, f"{source}: participants[{i}]") for i, p in enumerate(data.get("participants", []))],
        contributions=[
            _build(Contribution, c, f"{source}: contributions[{i}]", {"review_id": review.id})
            for i, c in enumerate(data.get("contributions", []))
        ],
        plans=[_build(RepairPlan, p, f"{source}: plans[{i}]") for i, p in enumerate(data.get("plans", []))],
        agenda=[_build(AgendaItem, a, f"{source}: agenda[{i}]") for i, a in enumerate(data.get("agenda", []))],
        item_themes=[_build(ThemeLink, t, f"{source}: item_themes[{i}]")
                     for i, t in enumerate(data.get("item_themes", []))],
        notes=[_build(ImportNote, n, f"{source}: import_notes[{i}]") for i, n in enumerate(data.get("import_notes", []))],
        revisions=[_build(Revision, r, f"{source}: revisions[{i}]") for i, r in enumerate(data.get("revisions", []))],
        meeting_log=[_build(MeetingEvent, e, f"{source}: meeting_log[{i}]")
                     for i, e in enumerate(data.get("meeting_log", []))],
    )
    try:
        bundle.check()
    except ValidationError as err:
        msg = f"{source}: {err}"
        raise ImportFormatError(msg) from err
    return bundle


def load_bundle(path: str | Path) -> ReviewBundle:
    """Read one review JSON file (strict: see importers/jsonfile.py); a bad file raises ImportFormatError naming it."""
    from reviewlab.importers.jsonfile import load_json

    data, _notes = load_json(path)
    return bundle_from_dict(data, str(path))
