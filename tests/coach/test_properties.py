"""Property-based tests: check() never raises, spans match the text, suggestions pass."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlab.coach import LABELS, check, follow_ups

WORDS = ["why", "Why", "did", "you", "should", "have", "checked", "root", "cause", "just", "obviously",
         "clearly", "fault", "human", "error", "if", "had", "only", "the", "canary", "failed", "to",
         "missed", "careless", "RCA", "how", "come", "what", "were", "thinking", "?", ".", ",", '"',
         "'", "`", "\n", "😀", "über", "y", "u", "not", "was", "supposed", "five", "whys", "simple",
         "fix", "who", "pushed", "broken", "of", "course", "plain"]
phrases = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
texts = st.one_of(st.text(max_size=300), phrases, st.text(alphabet="why?.' \n\"`", max_size=200))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_spans_match(text: str) -> None:
    for f in check(text):
        assert f.label in LABELS
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.explanation


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases)
def test_suggestions_pass_the_coach(text: str) -> None:
    for f in check(text):
        assert check(f.suggestion) == [], (text, f.suggestion)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_follow_ups_never_raise(text: str) -> None:
    assert isinstance(follow_ups(text), list)
