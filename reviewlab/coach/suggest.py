"""Suggestions: reword flagged sentences so they keep their topic and pass the coach."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reviewlab.coach._text import Sentences, mask, normalise
from reviewlab.coach._verbs import base_of, gerund_of, object_form
from reviewlab.coach.rewrites import FALLBACKS, LAST_RESORT, PHRASES, SHORTHAND, TAILS, TEMPLATES

Hit = tuple[str, int, int, str]
Detector = Callable[[str], list[Hit]]

WHOLE_LINE_CHARS = 600
"""Lines up to this long get one suggestion for the whole line; longer texts per sentence."""
REWRITTEN_SENTENCES = 100
"""In a longer text, this many flagged sentences get a rewrite; later ones get ``QUICK``."""
_MAX_SENTENCE = 400  # longer sentences get a fallback question instead of a rewrite

_FLAGS = re.IGNORECASE
_SHORTHAND = tuple((re.compile(p, _FLAGS), r) for p, r in SHORTHAND)
_PHRASES = {label: tuple((re.compile(p, _FLAGS), r) for p, r in pairs) for label, pairs in PHRASES.items()}
_TEMPLATES = tuple((re.compile(p, _FLAGS), t) for p, t in TEMPLATES)
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_TOPIC = re.compile(
    r"\b(?:the|this|that|our|their|your|its)\s+[\w-]+(?:\s+(?!(?:and|or|but|was|were|is|are|to|"
    r"for|before|after|when|because|so|if|in|on|at|by|with|from|of)\b)[\w-]+){0,3}", _FLAGS)


_FUNCTION_WORDS = {"the", "a", "an", "our", "your", "their", "this", "that", "we", "they", "he", "she",
                   "it", "anyone", "anybody", "someone", "somebody", "nobody", "everyone", "you"}


QUICK: dict[str, str] = {label: fallback.format(topic="this") for label, fallback in FALLBACKS.items()}
"""The suggestion per label for flagged sentences past ``REWRITTEN_SENTENCES`` (tests check they pass)."""


def _filter(value: str, name: str | None) -> str:
    first, _, rest = value.partition(" ")
    if first.lower() in _FUNCTION_WORDS:
        value = f"{first.lower()} {rest}".strip()
    if name == "obj":
        return object_form(value)
    if name == "base":
        return base_of(value)
    if name == "gerund":
        return gerund_of(base_of(value))
    if name == "not":
        return " not" if value else ""
    return value


def _render(template: str, match: re.Match[str]) -> str:
    groups = match.groupdict()
    return _FIELD.sub(lambda f: _filter((groups.get(f.group(1)) or "").strip()
                                        if f.group(1) != "lead" else groups.get("lead") or "",
                                        f.group(2)), template)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    text = re.sub(r"^[,;:\s\u2013\u2014-]+", "", text)
    text = re.sub(r"([?!.])[?!.]+", r"\1", text)
    text = re.sub(r",([?.!])", r"\1", text)
    text = re.sub(r"\b(a)\s+(?=[aeiou])(?!one|uni|use|eu)", r"\1n ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bto\s+to\b", "to", text)
    return text[:1].upper() + text[1:] if text else text


def _rewrite_sentence(sentence: str, labels: set[str]) -> str:
    out = normalise(sentence)
    for pattern, repl in _SHORTHAND:
        out = pattern.sub(repl, out)
    for label, phrases in _PHRASES.items():
        if label in labels:
            for pattern, repl in phrases:
                out = pattern.sub(repl, out)
    for pattern, template in _TEMPLATES:
        match = pattern.search(out)
        if match:
            out = out[: match.start()] + _render(template, match) + out[match.end() :]
            break
    out = _tidy(out)
    if out and out[-1] not in ".?!" and re.match(r"(?:what|how)\b", out, _FLAGS):
        out += "?"  # a rewrite into a question that lost its end mark
    if out and not out.endswith("?"):
        tail = next((TAILS[label] for label in TAILS if label in labels), "")
        if tail:
            out = f"{out}{'' if out[-1] in '.!' else '.'} {tail}"
    return out


def _fallback(sentence: str, labels: Sequence[str], detect: Detector) -> str:
    label = labels[0] if labels else "why_question"
    for topic in [m.group(0) for m in _TOPIC.finditer(mask(normalise(sentence)))] + ["this"]:
        topic = topic.strip()
        candidate = FALLBACKS[label].format(topic=topic[:1].lower() + topic[1:])
        if not detect(candidate):
            return candidate
    return LAST_RESORT


def _rewrite_unit(text: str, span: tuple[int, int], hits: Sequence[Hit], detect: Detector) -> str:
    """Reword the flagged sentences of ``text[span[0]:span[1]]``; keep the others as they are."""
    unit_start, unit_end = span
    sentences = Sentences(mask(normalise(text[unit_start:unit_end])))
    pieces: list[str] = []
    for start, end in sentences.spans():
        labels = [h[0] for h in hits if unit_start + start <= h[1] < unit_start + end]
        sentence = text[unit_start + start : unit_start + end]
        if not labels:
            pieces.append(sentence.strip())
            continue
        rewritten = _rewrite_sentence(sentence, set(labels)) if len(sentence) <= _MAX_SENTENCE else ""
        if not rewritten or detect(rewritten):
            rewritten = _fallback(sentence, labels, detect)
        pieces.append(rewritten)
    result = " ".join(p for p in pieces if p)
    if not result or (len(pieces) > 1 and detect(result)):
        return LAST_RESORT
    return result


def suggest(text: str, hits: Sequence[Hit], detect: Detector) -> dict[int, str]:
    """Build a suggestion for every hit, keyed by the hit's start offset.

    Arguments:
        text: the checked text.
        hits: ``(label, start, end, rule)`` tuples from ``detect``.
        detect: the coach's detector, used to make sure every suggestion passes.

    Returns:
        ``{start: suggestion}``. Hits in the same unit (the whole line when it is
        short, else the sentence) share one suggestion.

    Examples:
        >>> from reviewlab.coach.engine import detect
        >>> suggest("Why did you do that?", detect("Why did you do that?"), detect)
        {0: 'What factored into your decision to do that?'}
    """
    if len(text) <= WHOLE_LINE_CHARS:
        whole = _rewrite_unit(text, (0, len(text)), hits, detect)
        return {start: whole for _, start, _, _ in hits}
    sentences = Sentences(mask(normalise(text)))
    cache: dict[tuple[int, int], str] = {}
    out: dict[int, str] = {}
    for label, start, _, _ in hits:
        span = sentences.span_at(start)
        if span not in cache:
            if len(cache) < REWRITTEN_SENTENCES:
                cache[span] = _rewrite_unit(text, span, hits, detect)
            else:  # bound the work on pasted documents: a fixed question that passes the coach
                cache[span] = QUICK[label]
        out[start] = cache[span]
    return out
