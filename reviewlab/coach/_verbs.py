"""Small English inflection helpers for rewriting counterfactuals into questions.

Heuristics, not a lemmatiser: good enough for the verbs of incident reviews.
"""

from __future__ import annotations

import re

IRREGULAR = {
    "been": "be", "was": "be", "were": "be", "known": "know", "knew": "know", "seen": "see",
    "saw": "see", "gone": "go", "went": "go", "done": "do", "did": "do", "had": "have",
    "caught": "catch", "run": "run", "ran": "run", "made": "make", "taken": "take",
    "took": "take", "given": "give", "gave": "give", "written": "write", "wrote": "write",
    "broken": "break", "broke": "break", "thought": "think", "brought": "bring",
    "built": "build", "sent": "send", "spent": "spend", "set": "set", "put": "put",
    "let": "let", "cut": "cut", "shut": "shut", "hit": "hit", "read": "read", "found": "find",
    "held": "hold", "kept": "keep", "left": "leave", "lost": "lose", "met": "meet",
    "paid": "pay", "said": "say", "told": "tell", "understood": "understand",
    "begun": "begin", "chosen": "choose", "driven": "drive", "fallen": "fall",
    "forgotten": "forget", "gotten": "get", "got": "get", "grown": "grow", "hidden": "hide",
    "shown": "show", "spoken": "speak", "stood": "stand", "thrown": "throw", "led": "lead",
    "fed": "feed", "spun": "spin", "come": "come", "came": "come", "become": "become",
    "dealt": "deal", "meant": "mean", "heard": "hear", "felt": "feel", "won": "win",
    "frozen": "freeze", "withdrawn": "withdraw", "overridden": "override",
    "rewritten": "rewrite", "rebuilt": "rebuild", "rerun": "rerun", "reset": "reset",
    "undone": "undo", "split": "split", "spread": "spread", "sought": "seek",
    "taught": "teach", "stuck": "stick", "torn": "tear", "slept": "sleep", "fought": "fight",
    "bound": "bind", "hung": "hang", "drawn": "draw", "proven": "prove", "needed": "need",
    "focused": "focus", "opened": "open", "happened": "happen", "listened": "listen",
    "edited": "edit", "visited": "visit", "limited": "limit", "targeted": "target",
    "synced": "sync", "fell": "fall", "ate": "eat", "sank": "sink", "rang": "ring", "drove": "drive",
    "froze": "freeze", "hid": "hide", "rode": "ride", "shook": "shake", "stole": "steal", "swore": "swear",
    "tore": "tear", "wore": "wear", "woke": "wake", "blew": "blow", "grew": "grow",
    "aliased": "alias", "biased": "bias", "agreed": "agree", "freed": "free",
}
_OBJECT = {"i": "me", "we": "us", "they": "them", "he": "him", "she": "her", "who": "whom"}
_VOWELS = "aeiou"
# stems that lost a final "e" before "-ed": escalat(e)d, configur(e)d, chang(e)d, disabl(e)d ...
_E_STEM = re.compile(
    r"(?:[^aeiou]at|iz|is|ur|ut|v|c|[nrd]g|[bpdtgkfz]l|[^aeiou]in|ok|os|as|us|ir|[^aeiou]id|ud|"
    r"ys|yz|[^aeiou]ag)$"
)


def _single_cvc(word: str) -> bool:
    """One short vowel between consonants at the end of a one-syllable word: hop, stop."""
    groups = re.findall(r"[aeiouy]+", word[1:]) if word else []
    return (
        len(groups) == 1 and len(groups[0]) == 1 and len(word) >= 2
        and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
        and (len(word) < 3 or word[-3] not in _VOWELS)
    )


def base_of(word: str) -> str:
    """Return the base form of a past participle or past tense verb.

    Examples:
        >>> [base_of(w) for w in ["checked", "stopped", "noticed", "escalated", "caught"]]
        ['check', 'stop', 'notice', 'escalate', 'catch']
    """
    low = word.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if not low.endswith("ed") or len(low) < 4:
        return low
    if low.endswith("ied"):
        return low[:-3] + "y"
    stem = low[:-2]
    from reviewlab.coach._lexicon import BASE_VERBS  # known verbs first: "looked" -> "look", "invoked" -> "invoke"

    for known in (stem, stem + "e", stem[:-1]):
        if known in BASE_VERBS and (known != stem[:-1] or (len(stem) >= 3 and stem[-1] == stem[-2])):
            return known
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + _VOWELS:
        return stem[:-1]
    if _E_STEM.search(stem) or _single_cvc(stem):
        return stem + "e"
    return stem


def gerund_of(base: str) -> str:
    """Return the ``-ing`` form of a base verb.

    Examples:
        >>> [gerund_of(w) for w in ["be", "roll", "stop", "notice", "see", "tie"]]
        ['being', 'rolling', 'stopping', 'noticing', 'seeing', 'tying']
    """
    low = base.lower()
    if low in ("be", "see", "free", "agree", "flee"):
        return low + "ing"
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")) and len(low) > 2:
        return low[:-1] + "ing"
    if _single_cvc(low) and len(low) <= 4:
        return low + low[-1] + "ing"
    return low + "ing"


def object_form(subject: str) -> str:
    """Return a subject pronoun in object form (``we`` -> ``us``); other words unchanged.

    Examples:
        >>> object_form("We"), object_form("the on-call")
        ('us', 'the on-call')
    """
    return _OBJECT.get(subject.lower(), subject)
