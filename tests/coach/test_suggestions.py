"""Suggestions: safe rewrites, bank questions by label, phase, rule and name, and the construction rules."""

from __future__ import annotations

import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlab.coach import LABELS, check
from reviewlab.coach.engine import detect
from reviewlab.coach.questions import load_bank, suggestion_question
from reviewlab.coach.rewrites import SWAPS, TEMPLATES
from reviewlab.coach.suggest import Part, suggest_parts
from reviewlab.coach.wellformed import problems, sentences, well_formed

DATA = pathlib.Path(__file__).parent / "data"


def _pairs(name: str) -> list[tuple[str, str]]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [tuple(part.strip() for part in line.split(" => ")) for line in lines
            if line.strip() and not line.startswith("#")]  # type: ignore[misc]


def _parts(text: str, phase: str | None = None) -> list[Part]:
    return suggest_parts(text, detect(text), detect, phase)


@pytest.mark.parametrize(("text", "expected"), _pairs("suggest-rewrite.txt"))
def test_flagged_line_gets_its_safe_rewrite(text: str, expected: str) -> None:
    findings = check(text)
    assert findings, text
    assert findings[0].suggestion == expected
    assert any(p.source.startswith(("template:", "edit")) for p in _parts(text))


@pytest.mark.parametrize(("text", "expected"), _pairs("suggest-bank.txt"))
def test_line_no_rewrite_fits_gets_the_bank_question(text: str, expected: str) -> None:
    assert check(text)[0].suggestion == expected
    assert [p.source.split(":")[0] for p in _parts(text)] == ["bank"]


def test_bank_question_follows_the_phase() -> None:
    text = "the 5xx alert that should've fired never fired"
    assert check(text, phase="decisions")[0].suggestion == "What options were on the table at that point?"
    assert check(text, phase="timeline")[0].suggestion == "What were people seeing at that point?"
    assert check(text, phase="meeting")[0].suggestion == "What were people seeing at that point?"  # alias
    assert check(text, phase="no such phase")[0].suggestion == check(text)[0].suggestion


def test_a_rewrite_does_not_depend_on_the_phase() -> None:
    text = "Why did you page the storage team first?"
    assert check(text, phase="learnings")[0].suggestion == check(text)[0].suggestion


def test_only_a_name_the_coach_is_sure_of_goes_into_a_question() -> None:
    assert check("that outage is on Kwame, full stop")[0].suggestion == "What was going on for Kwame at that point?"
    # "Honestly" opens the sentence and is not a name; "Friday" and "Redis" are not people
    for text in ("Honestly that was a careless change.", "the Friday deploy was careless",
                 "Redis was set up carelessly"):
        assert "going on for" not in check(text)[0].suggestion, text


def test_second_label_gets_its_own_question_after_a_rewrite() -> None:
    parts = _parts("The root cause is that Ari skipped the dry run.")
    assert [p.source for p in parts] == ["template:rc_cause_is", "bank:blame"]


def test_unflagged_sentences_are_kept_and_fillers_dropped() -> None:
    parts = _parts("Thanks for the timeline. so like... why'd it take three of us to find the dashboard")
    assert parts[0] == Part("Thanks for the timeline.", "kept")
    assert [p.source for p in parts] == ["kept", "template:why_subj_did"]


def test_every_suggestion_in_the_bank_passes_the_coach() -> None:
    bank = load_bank()
    questions = [q.format(person="Dana") for table in bank.suggestions.values() for qs in table.values() for q in qs]
    questions += list(bank.rule_suggestions.values())
    assert set(bank.suggestions) == set(LABELS)
    for question in questions:
        assert check(question) == [] and well_formed(question), question


def test_construction_rules_name_what_is_wrong() -> None:
    assert "ends on 'the'" in problems("What about the tools, workload and context around the wheel during the?")
    assert "doubled word: to to" in problems("What led to to the deploy?")
    assert problems("What made it hard for us to fail over?") == []
    assert not well_formed("what was visible about that the BGP session")
    assert suggestion_question("hindsight", kind="tail") == "What was visible at the time?"


# ---- property: every suggestion passes the coach and keeps the construction rules ----------------------

_NAMES = ["Dana", "Ravi", "Mia", "Kofi"]
_SUBJECTS = ["we", "you", "they", "the on-call", "the canary", "nobody", "the team", "Dana", "the alert", "it"]
_VERBS = ["roll back", "page the DBA", "check the diff", "restart the primary", "drain the node",
          "notice the disk", "fail over", "read the runbook", "catch it"]
_PPS = ["rolled back", "paged the DBA", "checked the diff", "restarted the primary", "drained the node",
        "noticed the disk", "caught it", "known better"]
_FRAMES = [
    "why did {s} {v}", "why didn't {s} {v}", "y did u {v}", "why'd {s} {v}", "how come {s} {pp}",
    "{s} should have {pp}", "{s} shoulda {pp}", "if {s} had {pp} we'd have been fine", "had {s} {pp}, fine",
    "{s} failed to {v}", "{s} forgot to {v}", "{s} missed the alert", "all {s} had to do was {v}",
    "{s} just had to {v}", "obviously {s} {pp}", "the root cause was {s}", "it all comes down to {s}",
    "{n}'s fault", "{n} broke prod", "remind {n} to double-check the diff", "what was {n} thinking",
    "why is {s} {pp}", "why wasn't {s} {pp}", "why {s}", "help me understand why {s} {pp}",
    "what should {s} have done", "{s} was supposed to {v}", "who {pp}", "clearly {s} {pp}", "let's do an RCA on {s}",
]
_LEADS = ["", "so ", "um ", "ok but ", "tbh ", "{n}, ", "@{n} ", "honestly "]
_TAGS = ["", "?", ".", " lol", " though", "!", " tbh?", ", full stop"]


@st.composite
def talk(draw: st.DrawFn) -> str:
    frame = draw(st.sampled_from(_FRAMES))
    text = (draw(st.sampled_from(_LEADS)) + frame + draw(st.sampled_from(_TAGS))).format(
        s=draw(st.sampled_from(_SUBJECTS)), v=draw(st.sampled_from(_VERBS)), pp=draw(st.sampled_from(_PPS)),
        n=draw(st.sampled_from(_NAMES)))
    if draw(st.booleans()):
        text = text.lower()
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Thanks.", "The pager went off at 02:10."])) + " " + text
    return text


_BANK = {q.format(person=n) for table in load_bank().suggestions.values() for qs in table.values() for q in qs
         for n in _NAMES + [n.lower() for n in _NAMES]} | set(load_bank().rule_suggestions.values())
_OUTPUTS = {tid: out for tid, _, _, out in TEMPLATES}
_SWAPPED = {w for _, repl in SWAPS for w in re.findall(r"[\w']+", repl.replace("\\1", " "))}


def _shape(output: str) -> re.Pattern[str]:
    """The template's output with each slot standing for one or more words, for any first-letter case."""
    pieces = re.split(r"(\{\w+(?::\w+)?\})", output)
    body = "".join(r"\s*[\w@'%:,.-]*(?:\s+[\w@'%:,.-]+)*?\s*" if p.startswith("{") else re.escape(p) for p in pieces)
    return re.compile(r"(?:@?[\w-]+,\s+)?" + body.replace(r"\ ", r"\s*"), re.IGNORECASE)


def _keeps_construction_rules(part: Part, text: str) -> bool:
    kind = part.source.split(":")[0]
    source_words = set(re.findall(r"[\w']+", text.lower()))
    if kind == "kept":  # the speaker's own sentence, only capitalised and closed
        return all(w in source_words for w in re.findall(r"[\w']+", part.text.lower()))
    if not well_formed(part.text):
        return False
    if kind in ("bank", "tail"):
        return part.text in _BANK or part.text == "What did the situation look like to the people involved at the time?"
    if kind == "edit":  # the speaker's words, with flagged words dropped or swapped for noun phrases
        return all(w in source_words or w in _SWAPPED for w in re.findall(r"[\w']+", part.text.lower()))
    if kind == "template":
        shape = _shape(_OUTPUTS[part.source.split(":", 1)[1]])
        return bool(shape.fullmatch(part.text))
    return False


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(talk())
def test_every_suggestion_passes_the_coach_and_keeps_the_construction_rules(text: str) -> None:
    findings = check(text)
    for finding in findings:
        assert check(finding.suggestion) == [], (text, finding.suggestion)
        assert all(s[:1].isupper() or s[:1] == "@" for s in sentences(finding.suggestion)), finding.suggestion
    if findings and len(text) <= 600:
        parts = _parts(text)
        assert " ".join(p.text for p in parts) == findings[0].suggestion
        for part in parts:
            assert _keeps_construction_rules(part, text), (text, part)


def test_cli_coach_takes_the_phase() -> None:
    from click.testing import CliRunner

    from reviewlab.cli import cli

    result = CliRunner().invoke(cli, ["coach", "the alert that should've fired never did", "--phase", "decisions"])
    assert result.exit_code == 0
    assert "try: What options were on the table at that point?" in result.output
