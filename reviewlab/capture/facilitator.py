"""Choosing a neutral facilitator: someone who did not take part in the response."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewlab.errors import FacilitatorNotNeutral, ValidationError
from reviewlab.model import Participant, Review, Role

if TYPE_CHECKING:
    from reviewlab.archive import Archive


@dataclass(frozen=True)
class FacilitatorCheck:
    """Whether a person can facilitate neutrally, said plainly."""

    name: str
    neutral: bool
    message: str

    def __str__(self) -> str:
        return self.message


def check_facilitator(roster: Sequence[Participant], name: str) -> FacilitatorCheck:
    """Check that `name` is on the roster and did not respond to the incident.

    Examples:
        >>> roster = [Participant("Fay", "facilitator", responded=False), Participant("Ana")]
        >>> check_facilitator(roster, "Ana").neutral
        False
    """
    person = next((p for p in roster if p.name == name), None)
    if person is None:
        msg = f"{name!r} is not on the roster; add them first (roster: {', '.join(p.name for p in roster) or 'empty'})"
        raise ValidationError(msg)
    if not person.responded:
        return FacilitatorCheck(name, True, f"{name} did not take part in the response: a neutral facilitator.")
    neutral = [p.name for p in roster if not p.responded and p.role is not Role.STAKEHOLDER]
    ask = (f" Ask someone neutral, e.g. {', '.join(neutral)}." if neutral
           else " Ask someone neutral who was not involved, and add them to the roster.")
    return FacilitatorCheck(name, False,
                            f"{name} took part in the response, so they cannot be seen as neutral in telling its story."
                            f"{ask} Go on with {name} only with a recorded reason.")


def assign_facilitator(archive: Archive, review_id: str, name: str, *, override: str | None = None) -> Review:
    """Make `name` the facilitator of a review; a responder needs an override reason, which is recorded.

    Raises:
        FacilitatorNotNeutral: `name` responded and no override reason was given.
    """
    check = check_facilitator(archive.participants(review_id), name)
    reason = (override or "").strip() or None
    if not check.neutral and reason is None:
        raise FacilitatorNotNeutral(check.message)
    return archive.update_review(review_id, facilitator=name, facilitator_override=None if check.neutral else reason)
