"""Checks that a template slot holds the kind of words the template needs, and the filters that inflect them.

A slot check returns the cleaned slot text, or ``None`` when the coach is not sure of it;
one ``None`` sends the sentence to the question bank (``suggest.py``). Slot kinds are told
apart by the group name's prefix in ``rewrites.TEMPLATES`` (``subj``, ``vp``, ``pp``, ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewlab.coach._lexicon import (
    AUX, BASE_VERBS, DETERMINERS, FUNCTION, NOT_NAMES, PEOPLE_WORDS, SUBJECT_PRONOUNS,
)
from reviewlab.coach._verbs import IRREGULAR, base_of, gerund_of
from reviewlab.coach.rules.base import NAME, PP

PAST = frozenset(IRREGULAR)
_WORD = re.compile(r"[\w'%-]+$")
_PP = re.compile(PP, re.IGNORECASE)
_NAME = re.compile(NAME)
_ADVERB = re.compile(r"\w+ly$")
_ING = re.compile(r"\w{2,}ing$")
_SENTENCE_PUNCT = re.compile(r"[.?!;\"\u201c\u201d()\[\]{}<>`*_#|]")


def words(text: str) -> list[str]:
    """Split slot text into words (whitespace-separated)."""
    return text.split()


def is_name(word: str) -> bool:
    """A capitalised word that names a person: not software, a day, a month, or a common word."""
    return bool(_NAME.fullmatch(word)) and word not in NOT_NAMES and word[1:].islower()


def is_verb(word: str) -> bool:
    """A base-form verb from the lexicon, or one with a prefix that keeps it a verb (re-enable, unpin)."""
    low = word.lower()
    return low in BASE_VERBS or any(low.startswith(p) and low[len(p):] in BASE_VERBS for p in ("re-", "pre-", "un"))


def _plain(word: str) -> bool:
    low = word.lower()
    return bool(_WORD.match(word)) and low not in FUNCTION and low not in AUX and not _ADVERB.match(low)


_DEMONSTRATIVES = frozenset(("this", "that", "these", "those"))
_PREDICATE_START = frozenset("""
not still only so too always never even already really actually also ever just in on at off out up down over
under behind from with without for to into by a an the this that our your their his her its my some all
""".split())


def plain_word(word: str) -> bool:
    """A content word: not a function word, an auxiliary or an -ly adverb."""
    return _plain(word)


def starts_predicate(ws: list[str]) -> bool:
    """Say whether words after "is/was <subject>" open a predicate: -ing, a participle, "not", a preposition ..."""
    first = ws[0].lower() if ws else ""
    return bool(first) and (first in _PREDICATE_START or bool(_ING.match(first)) or bool(_PP.fullmatch(first))
                            or bool(_ADVERB.match(first)) or first[:1].isdigit())


def noun_phrase(text: str, *, subject: bool = True) -> str | None:
    """A short noun phrase: a pronoun, a name, or a determiner and one to three plain words.

    Arguments:
        text: the slot text.
        subject: the phrase is the subject of a verb that follows it, so it may not end on a
            verb (else the split between it and the verb phrase is not sure).

    Examples:
        >>> noun_phrase("the autoscaler"), noun_phrase("the health check in"), noun_phrase("Lukas")
        ('the autoscaler', None, 'Lukas')
    """
    ws = words(text)
    if len(ws) == 1:
        w = ws[0]
        if w.lower() in SUBJECT_PRONOUNS or w.lower() in PEOPLE_WORDS or w.lower() in _DEMONSTRATIVES or is_name(w):
            return w if is_name(w) or w == "I" else w.lower()
        return w if _plain(w) and w.islower() and not _PP.fullmatch(w) and not _ING.match(w) else None
    if not ws or ws[0].lower() not in DETERMINERS or not 2 <= len(ws) <= 4:
        return None
    body = ws[1:]
    if not all(_plain(w) for w in body) or _PP.fullmatch(body[-1]):
        return None
    if subject and is_verb(body[-1]) and len(body) == 1:
        return None
    return " ".join([ws[0].lower(), *body])


def verb_phrase(text: str) -> str | None:
    """A verb phrase in the base form, starting with a verb from the lexicon and holding no new sentence."""
    ws = words(text)
    if not ws or not is_verb(ws[0]) or _SENTENCE_PUNCT.search(text):
        return None
    return text


def participle(text: str) -> str | None:
    """A past participle or past tense form of a verb the lexicon knows."""
    w = text.strip()
    return w if " " not in w and _PP.fullmatch(w) and base_of(w) in BASE_VERBS else None


def clause(text: str) -> str | None:
    """A declarative clause: it opens with a subject, not an auxiliary, and holds a verb."""
    ws = words(text)
    first = ws[0].lower() if ws else ""
    opens = first in DETERMINERS or first in SUBJECT_PRONOUNS or first in PEOPLE_WORDS or first in _DEMONSTRATIVES \
        or first in ("nobody", "no", "there", "a", "an") or is_name(ws[0]) or _plain(ws[0])
    if len(ws) < 2 or not opens or _SENTENCE_PUNCT.search(text):
        return None
    has_verb = any(w.lower() in AUX or _PP.fullmatch(w) or w.lower() in PAST or is_verb(w) or w.lower().endswith("s")
                   for w in ws[1:])
    return text if has_verb else None


def verbless(text: str) -> str | None:
    """A phrase with no verb or auxiliary in it: "friday", "40%", "the 2am window for the schema change"."""
    ws = words(text)
    if not ws or len(ws) > 8 or _SENTENCE_PUNCT.search(text):
        return None
    if any(w.lower() in AUX or is_verb(w) and i == 0 or (_PP.fullmatch(w) and w.lower() not in ("set", "put")
           and i > 0 and ws[i - 1].lower() not in DETERMINERS) for i, w in enumerate(ws)):
        return None
    if all(w.lower() in FUNCTION for w in ws):
        return None
    return text


def cause(text: str) -> str | None:
    """What a cause statement names: a noun phrase ("the expired token", "a clock skew"), a gerund phrase, or a
    that-clause; not a headline fragment such as "LB health check misconfigured"."""
    ws = words(text)
    if not ws or _SENTENCE_PUNCT.search(text):
        return None
    first, last = ws[0].lower(), ws[-1]
    opens = first in DETERMINERS or first in ("a", "an", "that", "one", "two", "three") or bool(_ING.match(first)) \
        or is_name(ws[0]) or first[:1].isdigit()
    return text if opens and (first == "that" or not _PP.fullmatch(last)) else None


def free(text: str) -> str | None:
    """Free text copied as typed: the rest of the speaker's own clause, with no new sentence in it."""
    return None if _SENTENCE_PUNCT.search(text) else text


CHECKS: dict[str, Callable[[str], str | None]] = {
    "subj": lambda t: noun_phrase(t, subject=False),
    "np": lambda t: noun_phrase(t, subject=False),
    "vp": verb_phrase,
    "pp": participle,
    "clause": clause,
    "thing": verbless,
    "rest": free,
    "cause": cause,
    "pred": free,
    "lead": lambda t: t,
    "addr": lambda t: t,
}
"""The check for each slot kind; a group named ``subj`` or ``subj2`` gets the ``subj`` check."""


def _obj(value: str) -> str:
    low = value.lower()
    return SUBJECT_PRONOUNS[low][0] if low in SUBJECT_PRONOUNS else value


def _poss(value: str) -> str:
    low = value.lower()
    if low in SUBJECT_PRONOUNS:
        return SUBJECT_PRONOUNS[low][1]
    return value + ("'" if value.endswith("s") else "'s")


def _be(value: str) -> str:
    """The past of "be" that agrees with the subject: was, or were for you/we/they and plurals."""
    low = value.lower()
    return "were" if low in ("you", "we", "they") or (low.endswith("s") and not low.endswith("ss") and " " in low) \
        else "was"


FILTERS: dict[str, Callable[[str], str]] = {
    "obj": _obj,
    "poss": _poss,
    "base": base_of,
    "gerund": lambda v: gerund_of(base_of(v)),
    "be": _be,
    "lower": lambda v: v[:1].lower() + v[1:] if not is_name(v.split()[0]) and not v.startswith("I ") else v,
}
"""Filters a template applies to a slot: ``{subj:obj}`` (we -> us), ``{subj:poss}`` (we -> our), ``{pp:gerund}``."""
