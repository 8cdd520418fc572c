"""The question coach: flag why-questions, blame, counterfactuals, hindsight and root-cause talk.

``check`` serves the facilitator live; ``questions_for`` and ``follow_ups`` draw from the
question bank; ``scan_frame`` and ``findings_frame`` serve the analyst across the archive.
Pure Python and regexes: importing this package loads no model and no pandas.

Examples:
    >>> from reviewlab.coach import check
    >>> [(f.label, f.text) for f in check("Why did you do that?")]
    [('why_question', 'Why')]
    >>> check("What factored into your decision to make that change?")
    []
"""

from __future__ import annotations

from reviewlab.coach.engine import Finding, check
from reviewlab.coach.questions import PHASES, UnknownPhase, follow_ups, questions_for
from reviewlab.coach.rules import EXPLANATIONS, LABELS
from reviewlab.coach.scan import MissingColumns, findings_frame, scan_frame

__all__ = [
    "EXPLANATIONS", "LABELS", "PHASES", "Finding", "MissingColumns", "UnknownPhase", "check",
    "findings_frame", "follow_ups", "questions_for", "scan_frame",
]
