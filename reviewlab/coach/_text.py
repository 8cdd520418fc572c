"""Text preparation for the coach: masking quoted text and code, and splitting sentences.

Masking replaces characters with spaces, so offsets in the masked text are offsets in
the original text. Rules run over the masked text and report spans of the original.
"""

from __future__ import annotations

import bisect
import re

from reviewlab.coach.rules import ADOPTION_AFTER, ADOPTION_BEFORE

# Straight and curly double quotes, curly single quotes, and straight single quotes that
# open after a space or bracket (so apostrophes in "didn't" or "Dana's" never open one).
_QUOTED = re.compile(
    r"""
      "[^"\n]{1,400}"
    | \u201c[^\u201d\n]{1,400}\u201d
    | \u2018[^\u2019\n]{1,400}\u2019
    | (?:(?<=^)|(?<=[\s(\[:=]))'(?=\S)[^'\n]{0,398}[^\s'\n]'(?=$|[\s.,;:!?)\]-])
    """,
    re.VERBOSE,
)
_CODE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]{1,400}`", re.DOTALL)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_ADOPT_BEFORE = re.compile(ADOPTION_BEFORE, re.IGNORECASE)
_ADOPT_AFTER = re.compile(ADOPTION_AFTER, re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\s\"')\]\u201d*_~]*$")
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"'\u201d\u2019)\]]*\s+|\n+")


def normalise(text: str) -> str:
    """Return ``text`` with curly apostrophes made straight, keeping its length.

    Examples:
        >>> normalise("didn\u2019t")
        "didn't"
    """
    return text.replace("\u2019", "'").replace("\u02bc", "'")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def mask(text: str) -> str:
    """Blank out code, URLs, block quotes and quotations the speaker does not adopt.

    Arguments:
        text: normalised input text.

    Returns:
        A string of the same length in which masked characters are spaces.

    Examples:
        >>> mask('Ticket said "why is it down?" at 10:02').split()
        ['Ticket', 'said', 'at', '10:02']
    """
    chars = list(text)
    for pattern in (_CODE, _URL, _BLOCKQUOTE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    for match in _QUOTED.finditer(text):
        before = text[max(0, match.start() - 120) : match.start()]
        after = text[match.end() : match.end() + 60]
        if _ADOPT_BEFORE.search(before) or _ADOPT_AFTER.match(after):
            continue
        _blank(chars, match.start(), match.end())
    return "".join(chars)


class Sentences:
    """Sentence boundaries of a text, for looking up the sentence around an offset.

    Examples:
        >>> s = Sentences("One. Two?")
        >>> s.span_at(6)
        (5, 9)
    """

    def __init__(self, text: str) -> None:
        """Split ``text`` at sentence-final punctuation and newlines."""
        starts = [0]
        for match in _SENTENCE_END.finditer(text):
            starts.append(match.end())
        self.text = text
        self.starts = starts
        self._cache: dict[tuple[object, int], bool] = {}

    def span_at(self, offset: int) -> tuple[int, int]:
        """Return ``(start, end)`` of the sentence that contains ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[i]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def spans(self) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` of every non-empty sentence."""
        out = []
        for i, start in enumerate(self.starts):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
        return out

    def is_question(self, offset: int) -> bool:
        """Say whether the sentence around ``offset`` ends with a question mark."""
        return self.matches(_QUESTION_END, offset)

    def matches(self, pattern: re.Pattern[str], offset: int) -> bool:
        """Say whether ``pattern`` occurs in the sentence around ``offset`` (cached)."""
        start, end = self.span_at(offset)
        key = (pattern, start)
        if key not in self._cache:
            self._cache[key] = pattern.search(self.text, start, end) is not None
        return self._cache[key]
