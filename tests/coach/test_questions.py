"""The question bank: every question passes the coach; draws are deterministic."""

from __future__ import annotations

import pytest

from reviewlab.coach import PHASES, UnknownPhase, check, follow_ups, questions_for
from reviewlab.coach.questions import load_bank

ALL_QUESTIONS = [q for phase in PHASES for q in questions_for(phase)] + [
    q for f in load_bank().follow_ups for q in f.questions
]


def test_phases_from_the_issue_are_present() -> None:
    assert set(PHASES) >= {"opener", "timeline", "decisions", "expertise", "went_right", "learnings",
                           "normal_work"}
    assert all(len(questions_for(p)) >= 5 for p in PHASES)


@pytest.mark.parametrize("question", ALL_QUESTIONS)
def test_every_bank_question_passes_the_coach(question: str) -> None:
    assert check(question) == [], [(f.label, f.text) for f in check(question)]


def test_seed_questions_are_in_the_bank() -> None:
    assert "What factored into your decision to make that change?" in questions_for("decisions")
    assert "How did you know to look there?" in questions_for("expertise")
    assert "How did the team recover the systems?" in questions_for("went_right")
    assert "What do you know now that you didn't know before?" in questions_for("learnings")


def test_draws_are_deterministic_given_a_seed() -> None:
    assert questions_for("timeline", 3, seed=1) == questions_for("timeline", 3, seed=1)
    draws = {tuple(questions_for("timeline", 3, seed=s)) for s in range(10)}
    assert len(draws) > 1
    assert questions_for("timeline", 2) == list(load_bank().phases["timeline"][:2])


def test_aliases_and_unknown_phase() -> None:
    assert questions_for("interview") == questions_for("opener")
    with pytest.raises(UnknownPhase, match="Known phases: opener"):
        questions_for("retro")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("We decided to fail over to the west region.", "What factored into that decision?"),
        ("Usually the cache warms up in a minute.", "What does that usually look like, step by step?"),
        ("I knew it was the certificate.", "How did you know?"),
        ("The checkout page was broken for everyone.", "What did broken look like from where you were?"),
    ],
)
def test_follow_ups_match_triggers(text: str, first: str) -> None:
    assert follow_ups(text)[0] == first


def test_follow_ups_mix_triggers_and_handle_odd_input() -> None:
    mixed = follow_ups("I knew it was broken, so we decided to roll back.", limit=3)
    assert len(mixed) == 3 and len(set(mixed)) == 3
    assert follow_ups("The pager went off at 02:00.") == []
    assert follow_ups(None) == [] and follow_ups("") == []
