"""The facilitator's question bank: questions by phase, and follow-ups for what people say.

The bank is data (``questions.toml`` beside this module); every question in it passes
the coach.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reviewlab.errors import ReviewlabError


class UnknownPhase(ReviewlabError, ValueError):
    """A phase name that the question bank does not have."""


@dataclass(frozen=True)
class FollowUp:
    """Questions to ask after a contribution whose text matches ``pattern``."""

    name: str
    pattern: re.Pattern[str]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class QuestionBank:
    """Questions by phase, phase titles, and follow-up triggers."""

    phases: dict[str, tuple[str, ...]]
    titles: dict[str, str]
    follow_ups: tuple[FollowUp, ...]
    aliases: dict[str, str]
    suggestions: dict[str, dict[str, tuple[str, ...]]]
    rule_suggestions: dict[str, str]


@lru_cache(maxsize=1)
def load_bank() -> QuestionBank:
    """Load the packaged question bank once.

    Examples:
        >>> "decisions" in load_bank().phases
        True
    """
    raw = tomllib.loads(resources.files(__package__).joinpath("questions.toml").read_text("utf-8"))
    phases = {name: tuple(p["questions"]) for name, p in raw["phases"].items()}
    titles = {name: p.get("title", name) for name, p in raw["phases"].items()}
    follow_ups = tuple(
        FollowUp(f["name"], re.compile(f["pattern"], re.IGNORECASE), tuple(f["questions"]))
        for f in raw.get("follow_ups", [])
    )
    aliases = {k: v for k, v in raw.get("aliases", {}).items() if v in phases}
    raw_suggestions = dict(raw.get("suggestions", {}))
    rule_suggestions = dict(raw_suggestions.pop("rules", {}))
    suggestions = {label: {k: tuple(v) for k, v in table.items()} for label, table in raw_suggestions.items()}
    return QuestionBank(phases, titles, follow_ups, aliases, suggestions, rule_suggestions)


PHASES: tuple[str, ...] = tuple(load_bank().phases)
"""Phase names in meeting order: opener, timeline, decisions, expertise, went_right, ..."""


def questions_for(phase: str, n: int | None = None, *, seed: int | None = None) -> list[str]:
    """Draw questions for one phase of the review.

    Arguments:
        phase: one of ``PHASES``, or an alias from the bank (``"interview"``,
            ``"meeting"``, ...).
        n: how many to return; ``None`` (the default) for all of them.
        seed: with a seed, a shuffled draw that is the same every time for that
            seed; without one, the first ``n`` in bank order.

    Returns:
        Questions, each of which passes the coach.

    Raises:
        UnknownPhase: ``phase`` is not in the bank.

    Examples:
        >>> questions_for("expertise", 1)
        ['How did you know to look there?']
        >>> questions_for("learnings", 2, seed=7) == questions_for("learnings", 2, seed=7)
        True
    """
    bank = load_bank()
    phase = bank.aliases.get(phase, phase)
    if phase not in bank.phases:
        msg = f"No phase {phase!r} in the question bank. Known phases: {', '.join(bank.phases)}."
        raise UnknownPhase(msg)
    pool = list(bank.phases[phase])
    if seed is not None:
        random.Random(seed).shuffle(pool)
    return pool if n is None else pool[: max(0, n)]


def follow_ups(text: object, limit: int = 3) -> list[str]:
    """Suggest follow-up questions for a contribution's text.

    Triggers are in ``questions.toml``: a decision, "usually", "I knew", "it was
    broken", "I noticed". Questions come one per matching trigger first, then the rest,
    so a text that touches several triggers gets a mix. Never raises.

    Arguments:
        text: what someone said or wrote; non-strings and ``None`` give ``[]``.
        limit: the most questions to return.

    Returns:
        Follow-up questions, without duplicates, each of which passes the coach.

    Examples:
        >>> follow_ups("I just knew it was the cache", limit=1)
        ['How did you know?']
        >>> follow_ups("")
        []
    """
    if not isinstance(text, str) or not text.strip():
        return []
    matched = [f for f in load_bank().follow_ups if f.pattern.search(text[:20_000])]
    ordered: list[str] = []
    for rank in range(max((len(f.questions) for f in matched), default=0)):
        for f in matched:
            if rank < len(f.questions) and f.questions[rank] not in ordered:
                ordered.append(f.questions[rank])
    return ordered[: max(0, limit)]


def suggestion_question(label: str, phase: str | None = None, *, person: str | None = None,
                        rule: str | None = None, kind: str = "question") -> str:
    """The bank's question for a flagged sentence that no safe rewrite fits.

    Arguments:
        label: the flagged label (one of ``LABELS``).
        phase: the phase of the review, or an alias; unknown or ``None`` uses the label's default.
        person: a name the coach is sure of; picks the label's ``person`` question if it has one.
        rule: the rule that flagged the sentence; a rule's own question wins over the others.
        kind: ``"question"``, or ``"tail"`` for the question asked after a reworded statement.

    Returns:
        A question that passes the coach.

    Examples:
        >>> suggestion_question("root_cause")
        'What were the contributing factors here?'
        >>> suggestion_question("blame", person="Dana")
        'What was going on for Dana at that point?'
    """
    bank = load_bank()
    table = bank.suggestions.get(label) or bank.suggestions["why_question"]
    if kind == "tail":
        return (table.get("tail") or table["any"])[0]
    phase = bank.aliases.get(phase or "", phase)
    if rule and rule in bank.rule_suggestions:
        return bank.rule_suggestions[rule]
    if person and table.get("person"):
        return table["person"][0].format(person=person)
    if phase and table.get(phase):
        return table[phase][0]
    return table["any"][0]
