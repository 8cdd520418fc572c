"""The question coach: flag why-questions, blame, counterfactuals, hindsight and root-cause talk.

Examples:
    >>> from reviewlab.coach import check
    >>> [(f.label, f.text) for f in check("Why did you do that?")]
    [('why_question', 'Why')]
"""

from __future__ import annotations

from reviewlab.coach.engine import Finding, check
from reviewlab.coach.rules import EXPLANATIONS, LABELS

__all__ = ["EXPLANATIONS", "LABELS", "Finding", "check"]
