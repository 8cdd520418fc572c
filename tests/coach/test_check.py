"""check(): labels, spans, suggestions, and the sentences that must stay unflagged."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

from reviewlab.coach import LABELS, Finding, check
from reviewlab.coach.engine import detect
from reviewlab.coach.rules import RULES
from reviewlab.coach.rules.keywords import KEYWORDS

DATA = pathlib.Path(__file__).parent / "data"


def _lines(pattern: str) -> list[tuple[str, str]]:
    out = []
    for path in sorted(DATA.glob(pattern)):
        expected = path.stem.split("-")[-1]
        out += [(expected, line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


FAIL = _lines("coach-fail-*.txt")
PASS = _lines("coach-pass-*.txt")


def test_fixture_files_cover_every_label() -> None:
    assert {label for label, _ in FAIL} == set(LABELS)
    assert len(PASS) >= 40


@pytest.mark.parametrize(("label", "text"), FAIL)
def test_flagged_sentences_get_their_label(label: str, text: str) -> None:
    findings = check(text)
    assert label in {f.label for f in findings}, [(f.label, f.text) for f in findings]


@pytest.mark.parametrize(("label", "text"), FAIL)
def test_suggestions_pass_the_coach(label: str, text: str) -> None:
    for finding in check(text):
        assert finding.suggestion
        assert check(finding.suggestion) == [], finding.suggestion


@pytest.mark.parametrize(("outcome", "text"), PASS)
def test_fine_sentences_are_not_flagged(outcome: str, text: str) -> None:
    assert check(text) == [], [(f.label, f.text) for f in check(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Why did you do that?", [("why_question", 0, 3, "Why")]),
        ("Kofi, why'd you restart it", [("why_question", 6, 11, "why'd")]),
        ("We should have paged Ana.", [("counterfactual", 3, 20, "should have paged")]),
        ("It was Bo's fault.", [("blame", 7, 17, "Bo's fault")]),
        ("It was obviously DNS.", [("hindsight", 7, 16, "obviously")]),
        ("Let's do an RCA.", [("root_cause", 12, 15, "RCA")]),
        ("The root cause was that Sam skipped the test.",
         [("root_cause", 4, 14, "root cause"), ("blame", 24, 35, "Sam skipped")]),
    ],
)
def test_labels_and_spans(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    got = [(f.label, f.start, f.end, f.text) for f in check(text)]
    assert got == expected
    for f in check(text):
        assert text[f.start : f.end] == f.text


def test_seed_examples_get_how_what_suggestions() -> None:
    (f,) = check("Why did you do that?")
    assert f.suggestion == "What factored into your decision to do that?"
    (g,) = check("Why wasn't this caught in canary?")
    assert g.suggestion.startswith("What") and "canary" in g.suggestion


def test_finding_fields() -> None:
    (f,) = check("That was a careless change.")
    assert isinstance(f, Finding)
    assert f.span == (11, 19) and f.text == "careless" and f.rule == "blame_character"
    assert "person" in f.explanation


def test_multiple_sentences_keep_the_clean_one() -> None:
    (f,) = check("Thanks for the timeline. Why did you restart the primary?")
    assert f.suggestion.startswith("Thanks for the timeline. What factored into your decision")


def test_adopted_quote_counts_but_reported_quote_does_not() -> None:
    assert check('Ana wrote "obviously the cache" in chat.') == []
    adopted = check('I agree with what Ana wrote: "this was human error."')
    assert [f.label for f in adopted] == ["blame"]


def test_code_and_urls_are_ignored() -> None:
    assert check("Ran `git log --grep 'why did'` and https://wiki/why-did-it-fail") == []
    assert check("```\nwhy did you\n```") == []


@pytest.mark.parametrize("bad", [None, "", "   \n\t", float("nan"), 42, b"Why did you?", "🔥🔥🔥"])
def test_odd_input_never_raises(bad: object) -> None:
    findings = check(bad)
    assert isinstance(findings, list)


def test_bytes_are_decoded() -> None:
    assert [f.label for f in check(b"Why did you?")] == ["why_question"]


def test_prefilter_never_changes_results() -> None:
    assert set(KEYWORDS) == {rule.id for rule in RULES}
    texts = [text for _, text in FAIL + PASS]
    texts += [line for line in (DATA.parent.parent.parent / "benchmarks" / "coach_heldout.jsonl")
              .read_text("utf-8").splitlines()]
    for text in texts:
        assert detect(text) == detect(text, prefilter=False), text


def test_long_text_is_bounded() -> None:
    # how fast is measured by benchmarks/coach_speed.py, not asserted here
    text = ("Why did you just restart it? The root cause was obviously DNS. " * 2000)[:100_000]
    findings = check(text)
    assert 0 < len(findings) <= 500


def _long_texts() -> list[str]:
    import random

    texts = [text for _, text in FAIL + PASS]
    texts += (DATA.parent.parent.parent / "benchmarks" / "coach_heldout.jsonl").read_text("utf-8").splitlines()
    rng = random.Random(7)
    out = []
    for joiner in (" ", "\n", "\n\n", "  "):
        for n in (60, 400):
            rng.shuffle(texts)
            out.append(joiner.join(texts[:n]))
    out.append(" ".join(texts).lower().replace(".", ""))
    return out


@pytest.mark.parametrize("text", _long_texts())
def test_windowed_scan_of_long_text_never_changes_results(text: str) -> None:
    assert detect(text) == detect(text, windowed=False)


def test_long_texts_take_the_windowed_path() -> None:
    from reviewlab.coach.engine import LONG_TEXT

    assert sum(len(text) > LONG_TEXT for text in _long_texts()) >= 5


def test_sentences_past_the_rewrite_limit_get_the_bank_question() -> None:
    from reviewlab.coach.questions import suggestion_question
    from reviewlab.coach.suggest import REWRITTEN_SENTENCES

    text = " ".join(f"Why did you restart node {i}?" for i in range(REWRITTEN_SENTENCES + 20))
    findings = check(text)
    assert "node 0" in findings[0].suggestion
    assert findings[-1].suggestion == suggestion_question("why_question", rule="why_start")


def test_import_is_light() -> None:
    code = ("import sys, reviewlab.coach; "
            "assert not {'torch', 'sentence_transformers', 'pandas'} & set(sys.modules), sys.modules.keys()")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_minimising_adjective_counts_only_next_to_a_counterfactual() -> None:
    # "if_sentence": a rule that needs other wording in the same sentence
    assert "hindsight" in {f.label for f in check("A tiny lock would have prevented the race.")}
    assert check("A tiny lock guards the cache refresh.") == []
    assert check("It was easily fixed once we found it. Could the lock have caused it?") == []
