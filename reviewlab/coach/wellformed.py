"""The construction rules every suggestion sentence keeps; the suggestion builder checks them before it offers one.

A sentence is well formed when it starts with a capital (or an @address), ends with "?" or
".", holds no doubled word, no bracket or quote left open, no empty slot ("to ?"), and does
not end on a word that needs something after it ("the", "to", "and", ...).

Examples:
    >>> well_formed("What made it hard for us to fail over?")
    True
    >>> well_formed("What about the tools around the wheel during the?")
    False
"""

from __future__ import annotations

import re

_DANGLING = frozenset("""
a an the our your their his her its my and or but nor to of for with from into onto if when while because
whether than as at by about during being having not very so such
""".split())
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_ALLOWED_DOUBLES = frozenset({"that", "had", "is", "very", "bye", "ha", "no"})
_SENTENCE = re.compile(r"[^.?!]+(?:[.?!]+|$)")
_EMPTY_SLOT = re.compile(r"\s[,;:]|\s[?.!]|\b(?:to|of|the|a|an)\s*[,.?!]|,\s*[,.?!]|\{|\}")


def sentences(text: str) -> list[str]:
    """Split a suggestion into its sentences (at ". ", "? " and "! ")."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+(?=[A-Z@])", text.strip()) if s.strip()]


def _balanced(text: str) -> bool:
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack: list[str] = []
    for ch in text:
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in pairs.values() and (not stack or stack.pop() != ch):
            return False
    return not stack and text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


def problems(sentence: str) -> list[str]:
    """Name each construction rule ``sentence`` breaks (empty when it is well formed).

    Examples:
        >>> problems("what led to to the deploy")
        ['no capital at the start', 'no end mark', 'doubled word: to to']
    """
    out = []
    s = sentence.strip()
    if not s or not (s[0].isupper() or s[0] in "@0123456789"):
        out.append("no capital at the start")
    if not s.endswith(("?", ".")):
        out.append("no end mark")
    for match in _DOUBLED.finditer(s):
        if match.group(1).lower() not in _ALLOWED_DOUBLES:
            out.append(f"doubled word: {match.group(0).lower()}")
    if not _balanced(s):
        out.append("unbalanced brackets or quotes")
    if _EMPTY_SLOT.search(s):
        out.append("empty slot or stray punctuation")
    last = re.findall(r"[\w'-]+", s)
    if last and last[-1].lower() in _DANGLING:
        out.append(f"ends on '{last[-1]}'")
    return out


def well_formed(text: str) -> bool:
    """Say whether every sentence of ``text`` keeps the construction rules."""
    parts = sentences(text)
    return bool(parts) and all(not problems(p) for p in parts)
