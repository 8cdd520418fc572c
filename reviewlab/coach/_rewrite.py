"""Rewriting one flagged sentence: spell out shorthand, drop or swap flagged words, fit a template.

The data is in ``rewrites.py`` and the slot checks in ``_slots.py``; ``suggest.py`` decides
between a rewrite, the speaker's edited sentence and a bank question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewlab.coach import _slots
from reviewlab.coach._text import normalise
from reviewlab.coach.rewrites import DELETABLE, LEADS, SHORTHAND, SWAPS, TAGS, TEMPLATES
from reviewlab.coach.wellformed import well_formed

Hit = tuple[str, int, int, str]
Detector = Callable[[str], list[Hit]]

_FLAGS = re.IGNORECASE
_SHORTHAND = tuple((re.compile(p, _FLAGS), r) for p, r in SHORTHAND)
_SWAPS = tuple((re.compile(p, _FLAGS), r) for p, r in SWAPS)
_TEMPLATES = tuple((tid, labels, re.compile(p, _FLAGS), out) for tid, labels, p, out in TEMPLATES)
LEADS_RE = re.compile(LEADS, _FLAGS)
_TAGS = re.compile(TAGS, _FLAGS)
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_NAME_WORD = re.compile(r"(?<![\w@'])([A-Z][a-z]+)\b(?!')")
_ASKING = re.compile(r"(?:can|could|would|does|do|did|will)\b", _FLAGS)
_NEGATED = re.compile(r"n't\b|\b(?:not|never|nobody|no\s+one|none)\b", _FLAGS)
_NEW_CLAUSE = re.compile(r",\s*(?:it|it's|that|that's|this|which|but|so|and|we|they|he|she|I|there|there's)\b", _FLAGS)
CLOSER = re.compile(r"(?:that'?s\s+(?:it|all)|end\s+of\s+story|full\s+stop|period|simple\s+as\s+that|case\s+closed)"
                     r"[\s.!]*", _FLAGS)
QUESTION_WORDS = frozenset("what who whom whose which when where how can could would will do does did is are was were "
                            "should has have".split())


def sure_name(sentence: str) -> str | None:
    """A person's name in ``sentence`` the coach is sure of, or ``None``.

    A capitalised word counts if it is not software, a day, a month or a common word, and
    either stands inside the sentence or opens it as an address ("Reza, ...", "Pat's ...").

    Examples:
        >>> sure_name("not gonna sugarcoat it, Devi took prod down"), sure_name("Honestly it was DNS")
        ('Devi', None)
    """
    for match in _NAME_WORD.finditer(sentence):
        word = match.group(1)
        if not _slots.is_name(word):
            continue
        before = sentence[: match.start()].strip(" \t\"'(")
        after = sentence[match.end() : match.end() + 3]
        if before or re.match(r"\s*[,:\u2013\u2014-]|'s\b", after):
            return word
    return None


def _split(value: str, verb: bool) -> tuple[str, str] | None:
    """Split ``value`` into a subject and a verb phrase (``verb``) or a predicate; only if exactly one split works."""
    ws = value.split()
    found = []
    for i in range(1, min(5, len(ws))):
        subj = _slots.noun_phrase(" ".join(ws[:i]))
        rest = ws[i:]
        if subj is None:
            continue
        if verb and _slots.is_verb(rest[0]):
            found.append((subj, " ".join(rest), len(rest) > 1 and _slots.is_verb(rest[1])))
        elif not verb and (_slots.starts_predicate(rest) or (len(rest) == 1 and _slots.plain_word(rest[0]))):
            found.append((subj, " ".join(rest), False))
    if len(found) > 1:
        found = [f for f in found if not f[2]]
    return (found[0][0], found[0][1]) if len(found) == 1 else None


def _slot_values(match: re.Match[str]) -> dict[str, str] | None:
    values: dict[str, str] = {}
    for name, raw in match.groupdict().items():
        kind = name.rstrip("0123456789")
        value = (raw or "").rstrip() if kind == "rest" else (raw or "").strip()
        if kind in ("sv", "sp"):
            split = _split(value, verb=kind == "sv")
            if split is None:
                return None
            values["subj"], tail = split
            values["vp" if kind == "sv" else "pred"] = tail
            if kind == "sp":
                values["be_ing"] = "" if re.match(r"\w+ing\b", tail) else "being "
            continue
        check = _slots.CHECKS.get(kind)
        if value and check is not None:
            checked = check(value)
            if checked is None:
                return None
            value = checked
        values[name] = value
    return values


def _filter(value: str, name: str | None) -> str:
    if name == "not":
        return " not" if value else ""
    if name == "is":
        return "is" if value in ("'s", "is", "") else value
    if not value:
        return ""
    return _slots.FILTERS[name](value) if name else value


def _render(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda f: _filter(values.get(f.group(1), ""), f.group(2)), template)


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    text = re.sub(r"([?!.])[?!.]+", r"\1", text)
    text = re.sub(r",([?.!])", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


def expand(sentence: str) -> str:
    out = normalise(sentence)
    for pattern, repl in _SHORTHAND:
        out = pattern.sub(repl, out)
    return re.sub(r"\s+", " ", out).strip()


def edit(sentence: str, detect: Detector) -> tuple[str, set[str]]:
    """Drop flagged hindsight adverbs where they stand; swap flagged noun phrases for safe ones.

    Returns the edited sentence and the labels an edit was made for."""
    edited: set[str] = set()
    for label, start, end, _ in sorted(detect(sentence), key=lambda h: -h[1]):
        if label == "hindsight" and sentence[start:end].lower() in DELETABLE:
            after = re.match(r",?\s*", sentence[end:])
            sentence = sentence[:start] + sentence[end + (after.end() if after else 0) :]
            edited.add(label)
    for pattern, repl in _SWAPS:
        sentence, n = pattern.subn(repl, sentence)
        if n:
            edited.add("root_cause")
    return re.sub(r"\s+", " ", sentence).strip(" ,"), edited


def templated(core: str, addr: str, detect: Detector) -> tuple[str, str, tuple[str, ...]] | None:
    for tid, labels, pattern, output in _TEMPLATES:
        match = pattern.fullmatch(core)
        values = _slot_values(match) if match else None
        if values is None:
            continue
        values["end"] = "?" if _ASKING.match(values.get("frame", "")) else "."
        values["how"] = "what was going on when" if _NEGATED.search(values.get("clause", "")) else "how"
        text = tidy(_render(output, values))
        if addr:
            text = f"{addr.strip(' ,:-')}, {text[:1].lower()}{text[1:]}" if not _slots.is_name(text.split()[0]) \
                else f"{addr.strip(' ,:-')}, {text}"
        if not detect(text) and well_formed(text):
            return text, tid, labels
    return None


def split_lead(sentence: str) -> tuple[str, str, str]:
    """``(address, clause, tags)``: the fillers before the clause dropped, an address kept."""
    lead = LEADS_RE.match(sentence)
    start = lead.end() if lead else 0
    tags = _TAGS.search(sentence, start)
    end = tags.start() if tags else len(sentence)
    return (lead.group("addr") or "") if lead else "", sentence[start:end].strip(" ,"), sentence[end:]


def first_clause(core: str) -> str:
    """The clause before a comma and a second clause ("..., it's obviously the first step"): a rewrite leaves the
    second one out, since it often carries the same frame. A short lead ("nothing fancy, ...") is not cut."""
    cut = _NEW_CLAUSE.search(core)
    return core[: cut.start()] if cut and len(core[: cut.start()].split()) >= 3 else core


