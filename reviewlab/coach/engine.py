"""The coach's matcher: compile the rules, find spans, build findings."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from reviewlab.coach._text import Sentences, mask, normalise
from reviewlab.coach.guards import GUARDS
from reviewlab.coach.rules import EXPLANATIONS, LABELS, RULES, Rule
from reviewlab.coach.rules.keywords import KEYWORDS
from reviewlab.coach.suggest import suggest

MAX_FINDINGS = 500
"""Findings kept per text; pasted logs can hold thousands of matches."""
LONG_TEXT = 5_000
"""Texts longer than this are scanned around keyword sentences, front to back (see ``detect``)."""
_LONG_STEP = 4_000  # characters the front-to-back scan of a long text advances at a time
_MAX_MATCHES_PER_RULE = 2 * MAX_FINDINGS  # bounds the time spent on pathological input

Hit = tuple[str, int, int, str]
_FLAGS = re.IGNORECASE | re.MULTILINE
_WINDOW = 80  # characters of context the guards look at on each side of a span


@dataclass(frozen=True)
class Finding:
    """One piece of wording the coach flags.

    Attributes:
        label: one of ``LABELS``.
        start: offset of the span in the checked text.
        end: offset just past the span, so ``text[start:end] == finding.text``.
        text: the wording that triggered the finding.
        explanation: why this wording hurts a review.
        suggestion: the sentence (or short line) reworded; it passes the coach.
        rule: id of the rule that matched, for debugging and tuning.

    Examples:
        >>> f = check("Why did you restart it?")[0]
        >>> (f.label, f.text)
        ('why_question', 'Why')
    """

    label: str
    start: int
    end: int
    text: str
    explanation: str
    suggestion: str
    rule: str = ""

    @property
    def span(self) -> tuple[int, int]:
        """The ``(start, end)`` offsets of the flagged wording."""
        return (self.start, self.end)


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    keywords: tuple[str, ...]
    pattern: re.Pattern[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    required: re.Pattern[str] | None
    required_before: re.Pattern[str] | None


def _opt(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern, _FLAGS) if pattern else None


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Compiled, ...]:
    return tuple(
        _Compiled(rule, KEYWORDS.get(rule.id, ()), re.compile(rule.pattern, _FLAGS), _opt(rule.unless_before),
                  _opt(rule.unless_after), _opt(rule.unless_sentence), _opt(rule.if_sentence),
                  _opt(rule.if_before))
        for rule in RULES
    )


@lru_cache(maxsize=1)
def _all_keywords() -> tuple[str, ...]:
    return tuple(sorted({k for c in _compiled() for k in c.keywords}))


def _keywords_in(folded: str) -> set[str]:
    """The prefilter keywords that occur in ``folded`` (one substring search each)."""
    return {k for k in _all_keywords() if k in folded}


def _span(match: re.Match[str]) -> tuple[int, int]:
    for name, value in match.groupdict().items():
        if name.startswith("hit") and value is not None:
            return match.span(name)
    return match.span()


def _keep(c: _Compiled, masked: str, start: int, end: int, sentences: Sentences) -> bool:
    # cheapest checks first: named guards and sentence checks are cached per sentence
    if not all(GUARDS[name](masked, start, end, sentences) for name in c.rule.guards):
        return False
    if c.sentence and sentences.matches(c.sentence, start):
        return False
    if c.required and not sentences.matches(c.required, start):
        return False
    if c.after and c.after.match(masked[end : end + _WINDOW]):
        return False
    if c.required_before and not c.required_before.search(masked[max(0, start - _WINDOW) : start]):
        return False
    return not (c.before and c.before.search(masked[max(0, start - _WINDOW) : start]))


def _hits(c: _Compiled, masked: str, sentences: Sentences,
          runs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, Hit]]:
    """Yield ``(match start, hit)`` for one rule over ``runs`` of the text, front to back."""
    n = 0
    for lo, hi in runs:
        for match in c.pattern.finditer(masked, lo, hi):
            start, end = _span(match)
            if end > start and _keep(c, masked, start, end, sentences):
                yield match.start(), (c.rule.label, start, end, c.rule.id)
                n += 1
                if n >= _MAX_MATCHES_PER_RULE:
                    return


@lru_cache(maxsize=1)
def _rule_order() -> dict[str, int]:
    return {rule.id: i for i, rule in enumerate(RULES)}


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per label for overlapping spans; sort by position."""
    order = _rule_order()
    hits = sorted(hits, key=lambda h: (LABELS.index(h[0]), h[1], -(h[2] - h[1]), order[h[3]]))
    kept: list[Hit] = []
    for hit in hits:
        last = kept[-1] if kept else None
        if last and last[0] == hit[0] and hit[1] < last[2]:
            continue  # same label, overlapping span: keep the first, longest one
        kept.append(hit)
    kept.sort(key=lambda h: (h[1], LABELS.index(h[0])))
    return kept


class _KeywordIndex:
    """Which sentences of a long text hold each keyword, found with fast substring search.

    Keywords are matched the way the prefilter matches them: case folded, with any run of
    whitespace standing for a space.
    """

    _SPACE = str.maketrans({c: " " for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029"})

    def __init__(self, masked: str, sentences: Sentences) -> None:
        lowered = masked.lower()
        self.exact = len(lowered) == len(masked)  # lower() can change lengths in rare scripts
        self.text = lowered.translate(self._SPACE) if self.exact else masked
        self.single_spaced = self.exact and "  " not in self.text and masked.isascii()
        self.starts = sentences.starts
        self.found: dict[str, set[int]] = {}

    def sentences_with(self, keyword: str) -> set[int]:
        """Indices of the sentences in which ``keyword`` starts (one search per sentence)."""
        if keyword in self.found:
            return self.found[keyword]
        text = self.text
        if self.exact and (" " not in keyword or self.single_spaced):
            def search(pos: int) -> int:
                return text.find(keyword, pos)
        else:
            pattern = re.compile(re.escape(keyword).replace(r"\ ", r"\s+"), re.IGNORECASE)

            def search(pos: int) -> int:
                match = pattern.search(text, pos)
                return match.start() if match else -1
        out: set[int] = set()
        starts = self.starts
        at = search(0)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            out.add(i)
            if i + 1 >= len(starts):
                break
            at = search(starts[i + 1])
        self.found[keyword] = out
        return out


def _runs(c: _Compiled, masked: str, sentences: Sentences, index: _KeywordIndex) -> list[tuple[int, int]]:
    """Stretches of the text where a rule can match: sentences with one of its keywords, and their neighbours."""
    if not c.keywords:
        return [(0, len(masked))]
    ids: set[int] = set()
    for keyword in c.keywords:
        ids |= index.sentences_with(keyword)
    last = len(sentences.starts) - 1
    runs: list[tuple[int, int]] = []
    for i in sorted(ids):
        lo = sentences.starts[max(0, i - 1)]
        hi = sentences.starts[i + 2] if i + 2 <= last else len(masked)
        if runs and lo <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], hi))
        else:
            runs.append((lo, hi))
    return runs


def _detect_long(masked: str, sentences: Sentences, rules: list[_Compiled]) -> list[Hit]:
    """Scan a long text front to back around keyword sentences; stop once the first
    ``MAX_FINDINGS`` findings can no longer change."""
    index = _KeywordIndex(masked, sentences)
    streams = [_hits(c, masked, sentences, _runs(c, masked, sentences, index)) for c in rules]
    pending = [next(stream, None) for stream in streams]
    hits: list[Hit] = []
    frontier = 0
    while True:
        frontier = min(len(masked), frontier + _LONG_STEP)
        for i, stream in enumerate(streams):
            while pending[i] is not None and pending[i][0] < frontier:
                hits.append(pending[i][1])
                pending[i] = next(stream, None)
        kept = _dedupe(hits)
        if frontier >= len(masked) or sum(1 for h in kept if h[1] < frontier) >= MAX_FINDINGS:
            return kept[:MAX_FINDINGS]


def detect(text: str, *, prefilter: bool = True, windowed: bool = True) -> list[Hit]:
    """Find flagged spans without building suggestions.

    Arguments:
        text: the text to check; must already be a ``str``.
        prefilter: skip rules whose keywords are absent (``rules/keywords.py``); only
            tests turn this off, to check that it changes nothing.
        windowed: scan texts longer than ``LONG_TEXT`` only around sentences holding a
            rule's keywords, front to back, stopping once ``MAX_FINDINGS`` are certain;
            only tests turn this off, to check that it changes nothing.

    Returns:
        ``(label, start, end, rule_id)`` tuples sorted by position, at most one per
        label for overlapping spans, and at most ``MAX_FINDINGS`` of them.

    Examples:
        >>> detect("The root cause was DNS.")
        [('root_cause', 4, 14, 'rc_root_cause')]
    """
    masked = mask(normalise(text))
    if not masked.strip():
        return []
    sentences = Sentences(masked)
    folded = " ".join(masked.lower().split())
    if prefilter:
        present = _keywords_in(folded)
        rules = [c for c in _compiled() if not c.keywords or not present.isdisjoint(c.keywords)]
    else:
        rules = list(_compiled())
    if prefilter and windowed and len(masked) > LONG_TEXT:
        return _detect_long(masked, sentences, rules)
    hits = [hit for c in rules for _, hit in _hits(c, masked, sentences, [(0, len(masked))])]
    return _dedupe(hits)[:MAX_FINDINGS]


def _coerce(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    if isinstance(text, bytes | bytearray):
        return bytes(text).decode("utf-8", errors="replace")
    return text if isinstance(text, str) else str(text)


def check(text: object, *, phase: str | None = None) -> list[Finding]:
    """Flag why-questions, counterfactuals, blame, hindsight and root-cause wording.

    Never raises: ``None``, NaN, bytes and other objects are read as text, and
    anything empty gives ``[]``.

    Arguments:
        text: what a facilitator or participant typed; one or more sentences.
        phase: the phase of the review (``PHASES`` or an alias), to pick the question-bank
            suggestion that fits it when no safe rewrite does; ``None`` for the default.

    Returns:
        Findings in order of position. Findings in the same sentence share its
        suggestion; for lines of up to 600 characters one suggestion covers the line
        (see ``suggest.py``: a rewrite safe by construction, or a bank question).

    Examples:
        >>> [f.label for f in check("Why wasn't this caught in canary?")]
        ['why_question']
        >>> check("That's why we rolled back.")
        []
    """
    try:
        text = _coerce(text)
    except Exception:  # a __str__ that raises is still not our caller's problem
        return []
    hits = detect(text)
    if not hits:
        return []
    seen: dict[str, list[Hit]] = {text: hits}

    def detect_once(candidate: str) -> list[Hit]:  # suggestions check the same wording more than once
        if candidate not in seen:
            seen[candidate] = detect(candidate)
        return seen[candidate]

    suggestions = suggest(text, hits, detect_once, phase)
    return [
        Finding(label, start, end, text[start:end], EXPLANATIONS[label], suggestions[start], rule)
        for label, start, end, rule in hits
    ]
