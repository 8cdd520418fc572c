"""Detection rules of the question coach, kept as data: one module per label.

Each :class:`Rule` is a regular expression plus optional guards. Edit the word lists
in these modules to change what the coach flags; ``engine.py`` holds no wording.
A rule's span is its first named group starting with ``hit`` that took part in the
match, else the whole match. Guards are regexes tested around the span
(``unless_before`` must match the end of the text before it, ``unless_after`` the
start of the text after it, ``unless_sentence`` anywhere in its sentence), regexes
that must occur somewhere in the span's sentence (``if_sentence``) or match the end
of the text before the span (``if_before``: cheaper than starting a pattern with a
long alternation such as a person's name), or named checks in ``engine.GUARDS``
(``guards``).

Examples:
    >>> sorted({rule.label for rule in RULES}) == sorted(LABELS)
    True
"""

from __future__ import annotations

from reviewlab.coach.rules.base import ADOPTION_AFTER, ADOPTION_BEFORE, EXPLANATIONS, LABELS, Rule
from reviewlab.coach.rules.blame import BLAME_RULES
from reviewlab.coach.rules.counterfactual import COUNTERFACTUAL_RULES
from reviewlab.coach.rules.hindsight import HINDSIGHT_RULES
from reviewlab.coach.rules.root_cause import ROOT_CAUSE_RULES
from reviewlab.coach.rules.why import WHY_RULES

RULES: tuple[Rule, ...] = (
    WHY_RULES + COUNTERFACTUAL_RULES + BLAME_RULES + HINDSIGHT_RULES + ROOT_CAUSE_RULES
)

__all__ = ["ADOPTION_AFTER", "ADOPTION_BEFORE", "EXPLANATIONS", "LABELS", "RULES", "Rule"]
