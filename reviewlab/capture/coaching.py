"""The coach as the capture widgets see it: hints on a question, openers, and repair wording.

`reviewlab.coach` is imported when first needed; anything with the same functions can be passed
instead (tests pass a fake).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reviewlab.capture.rules import REPAIR_PATTERNS

_REPAIR = [re.compile(p, re.IGNORECASE) for p in REPAIR_PATTERNS]


@dataclass(frozen=True)
class Hint:
    """One coach finding on a piece of text, ready to show."""

    label: str
    explanation: str
    suggestion: str | None = None


def load_coach(coach: Any = None) -> Any:
    """The given coach, else the `reviewlab.coach` module (imported on first use)."""
    if coach is not None:
        return coach
    import reviewlab.coach

    return reviewlab.coach


def hints_for(text: str, coach: Any = None, phase: str | None = None) -> list[Hint]:
    """The coach's findings on `text` (empty text has none), read in `phase`: the meeting phase open
    ('went_right', 'learning'), or the session's ('meeting', 'interview'); the coach picks the question
    that fits it when no safe rewording does."""
    if not text.strip():
        return []
    findings = load_coach(coach).check(text, phase=phase)
    return [Hint(str(getattr(f, "label", "")), str(getattr(f, "explanation", "")),
                 getattr(f, "suggestion", None) or None) for f in findings]


def suggestion_for(text: str, coach: Any = None, phase: str | None = None) -> str | None:
    """The first rewording the coach offers for `text` (in `phase`), if any."""
    return next((h.suggestion for h in hints_for(text, coach, phase) if h.suggestion), None)


def _as_text(question: Any) -> str:
    return str(getattr(question, "text", question))


def openers(phase: str, coach: Any = None, limit: int = 8) -> list[str]:
    """Question-bank openers for a phase ('interview', 'meeting', or a meeting phase: 'went_right', 'learning')."""
    coach = load_coach(coach)
    return [_as_text(q) for q in coach.questions_for(phase)][:limit]


def follow_ups(text: str, coach: Any = None, limit: int = 3) -> list[str]:
    """Follow-up questions the question bank offers after `text`."""
    coach = load_coach(coach)
    if not text.strip():
        return []
    return [_as_text(q) for q in coach.follow_ups(text)][:limit]


def looks_like_repair(text: str) -> bool:
    """True when `text` proposes a fix ("we should add an alert..."): a candidate for the parking lot.

    Examples:
        >>> looks_like_repair("We should add an alert on the queue depth.")
        True
        >>> looks_like_repair("The queue depth alert fired at 14:02.")
        False
    """
    return any(p.search(text) for p in _REPAIR)
