"""Corrections and withdrawals: what was said is never deleted, only superseded or hidden, with who and when.

A `Revision` is one change to a contribution after it was recorded. A correction keeps the version it
replaced (participant, kind, text, event time); a withdrawal hides the contribution; a restore undoes a
withdrawal. The archive holds each contribution's current version and every revision, so the history of
any contribution can be read back (`versions`).

Examples:
    >>> from datetime import datetime, timezone
    >>> t = datetime(2025, 1, 2, 10, 0, tzinfo=timezone.utc)
    >>> now = Contribution("c1", "r1", "Ana", "observation", "The queue stalled at 10:20.", t)
    >>> fix = Revision("c1", "corrected", "Fay", t, "typo", old_participant="Ana", old_kind="observation",
    ...                old_text="The queue stalld at 10:20.")
    >>> [(v.number, v.contribution.text) for v in versions(now, [fix])]
    [(1, 'The queue stalld at 10:20.'), (2, 'The queue stalled at 10:20.')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from reviewlab.errors import ValidationError
from reviewlab.model import Contribution, Kind, check_id, check_text, coerce_enum, coerce_time


class RevisionAction(StrEnum):
    """What a revision did to a contribution."""

    CORRECTED = "corrected"
    WITHDRAWN = "withdrawn"
    RESTORED = "restored"
    """A withdrawal undone."""


@dataclass(frozen=True)
class Revision:
    """One change to a contribution: who made it, when, why, and (for a correction) the version it replaced."""

    contribution_id: str
    action: RevisionAction
    by: str
    at: datetime
    reason: str = ""
    old_participant: str | None = None
    old_kind: Kind | None = None
    old_text: str | None = None
    old_event_time: datetime | None = None

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "contribution_id", check_id(self.contribution_id, "contribution id"))
        s(self, "action", coerce_enum(RevisionAction, self.action, "revision action"))
        s(self, "by", check_text(self.by, "who made the change (by)", limit=100))
        s(self, "at", coerce_time(self.at, "revision time (at)"))
        s(self, "reason", (self.reason or "").strip())
        old = (self.old_participant, self.old_kind, self.old_text, self.old_event_time)
        if self.action is RevisionAction.CORRECTED:
            if self.old_participant is None or self.old_kind is None or self.old_text is None:
                msg = (f"the correction of {self.contribution_id} must keep the version it replaced: "
                       "old_participant, old_kind and old_text are required")
                raise ValidationError(msg)
            s(self, "old_participant", check_text(self.old_participant, "old_participant", limit=100))
            s(self, "old_kind", coerce_enum(Kind, self.old_kind, "old_kind"))
            s(self, "old_text", check_text(self.old_text, "old_text"))
            s(self, "old_event_time", coerce_time(self.old_event_time, "old_event_time", optional=True))
        elif any(v is not None for v in old):
            msg = f"a {self.action.value} revision of {self.contribution_id} carries no old_* values (only a correction does)"
            raise ValidationError(msg)

    def replaced(self, current: Contribution) -> Contribution:
        """The version this correction replaced, given the version that followed it."""
        if self.action is not RevisionAction.CORRECTED:
            return current
        return replace(current, participant=self.old_participant, kind=self.old_kind, text=self.old_text,
                       event_time=self.old_event_time)


@dataclass(frozen=True)
class Version:
    """One version of a contribution: as recorded (number 1) or as a correction left it."""

    number: int
    contribution: Contribution
    since: datetime
    by: str
    """The participant for the first version; who corrected it for later ones."""
    reason: str = ""


def versions(current: Contribution, revisions: Iterable[Revision]) -> list[Version]:
    """Every version of a contribution, oldest first, from its current version and its revisions (in order)."""
    fixes = [r for r in revisions if r.contribution_id == current.id and r.action is RevisionAction.CORRECTED]
    texts = [current]
    for fix in reversed(fixes):
        texts.append(fix.replaced(texts[-1]))
    texts.reverse()
    out = [Version(1, replace(texts[0], withdrawn=False), texts[0].recorded_at, texts[0].participant)]
    for n, (fix, version) in enumerate(zip(fixes, texts[1:]), start=2):
        out.append(Version(n, replace(version, withdrawn=False), fix.at, fix.by, fix.reason))
    return out


def withdrawn_by(revisions: Iterable[Revision]) -> dict[str, bool]:
    """For each contribution with a withdrawal or restore, whether the latest one leaves it withdrawn."""
    state: dict[str, bool] = {}
    for r in revisions:
        if r.action is not RevisionAction.CORRECTED:
            state[r.contribution_id] = r.action is RevisionAction.WITHDRAWN
    return state


def correction_of(current: Contribution, *, participant: str | None = None, kind: str | None = None,
                  text: str | None = None, event_time: datetime | None = None) -> Contribution:
    """The corrected version (checked); a kind other than timeline_event drops the event time.

    Raises:
        ValidationError: the correction changes nothing, or leaves the contribution invalid.
    """
    new_kind = coerce_enum(Kind, kind, "kind") if kind is not None else current.kind
    when = event_time if event_time is not None else current.event_time
    new = replace(current, participant=participant if participant is not None else current.participant,
                  kind=new_kind, text=text if text is not None else current.text,
                  event_time=when if new_kind is Kind.TIMELINE_EVENT else None)
    if new.kind is Kind.TIMELINE_EVENT and new.event_time is None and not new.time_text:
        msg = "a timeline_event needs an event_time (when it happened, with a timezone)"
        raise ValidationError(msg)
    if (new.participant, new.kind, new.text, new.event_time) == (current.participant, current.kind, current.text,
                                                                 current.event_time):
        msg = f"the correction of {current.id} changes nothing; change who, the kind, the words or the time"
        raise ValidationError(msg)
    return new


def changes_note(contributions: Iterable[Contribution], revisions: Iterable[Revision]) -> str:
    """One sentence for a report: how many shared contributions were corrected or withdrawn ('' if none)."""
    revisions = list(revisions)
    shown = {c.id for c in contributions if not c.private}
    corrected = {r.contribution_id for r in revisions if r.action is RevisionAction.CORRECTED} & shown
    withdrawn = {cid for cid, gone in withdrawn_by(revisions).items() if gone} & shown
    parts = [f"{len(ids)} {word}" for ids, word in ((corrected, "corrected"), (withdrawn, "withdrawn")) if ids]
    if not parts:
        return ""
    return (f"Contributions {' and '.join(parts)} during the review: shown here as last corrected, withdrawn ones "
            "left out; every version is kept in the archive and the review's JSON.")
