"""Named checks a coach rule can require (``Rule.guards``): each returns True to keep a match.

They look at the sentence around the match, beyond what one regex can say: whether "why not"
proposes something or replays the past, whether "why we ..." is a title, whether the sentence is
a question, and whether "could have" guesses at what happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewlab.coach._text import Sentences
from reviewlab.coach.rules.counterfactual import EPISTEMIC

_PROPOSAL = re.compile(r"\s+(?:not|don'?t|dont|do\s+not)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:did|was|were|had|at\s+the\s+time|back\s+then|earlier|sooner|during|yesterday|"
    r"last\s+(?:night|week|time)|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bour\s)(?<!\bthis\s)(?<!\bthat\s)\w{3,}ed|"
    r"began|saw|went|came|broke|hit|ran|took|got|fell|rose|"
    r"grew|left|made|found|knew|thought|said|told|sent|kept|lost|wrote|chose|gave|held|led|shut|"
    r"spun|threw|woke)\b", re.IGNORECASE)
_EMBEDDED = re.compile(
    r"\s+(?:we|I|it|this|that|they|he|she|the\s+\w+)\s+(?:\w+ed|chose|went|made|took|ran|built|kept|"
    r"left|split|moved|began|broke|wrote|gave|held|led|shut|set|put|use|need|run|keep|shard|pick|choose|"
    r"prefer|pin|cap|limit|host|store|cache|page|alert)\b", re.IGNORECASE)
_EPISTEMIC = re.compile(EPISTEMIC, re.IGNORECASE)


def _not_proposal(masked: str, start: int, end: int, sentences: Sentences) -> bool:
    """'why not X' / 'why don't we X' proposes something unless it replays the past."""
    if not _PROPOSAL.match(masked, end):
        return True
    _, sentence_end = sentences.span_at(start)
    return bool(_PAST.search(masked, end, sentence_end))


def _not_embedded_statement(masked: str, start: int, end: int, sentences: Sentences) -> bool:
    """'Why we rolled back: ...' is a title or explanation, not a question."""
    return sentences.is_question(start) or not _EMBEDDED.match(masked, end)


def _question(masked: str, start: int, end: int, sentences: Sentences) -> bool:
    return sentences.is_question(start)


def _not_epistemic(masked: str, start: int, end: int, sentences: Sentences) -> bool:
    return not _EPISTEMIC.search(masked, start, min(len(masked), end + 40))


GUARDS: dict[str, Callable[[str, int, int, Sentences], bool]] = {
    "question": _question,
    "not_proposal": _not_proposal,
    "not_embedded_statement": _not_embedded_statement,
    "not_epistemic": _not_epistemic,
}
"""Named checks a rule can require; each returns True to keep the match."""
