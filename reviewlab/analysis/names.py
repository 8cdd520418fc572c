"""Names out of a text: people, companies, products, hosts, files, channels, flags.

Two postmortems are alike in what *happened* (a config change reached every region at once, one
person knew the system), but a sentence embedding also encodes *whose* and *which*: the company, the
service, the engineer, the file. Those names make texts of one review or one system look alike and
texts of one kind of failure look different. `strip_names` removes them, by form only (no list of
names, no model):

- identifiers: a token with a letter and a digit, or with ``- _ . / = : @ #`` inside it
  (``checkout-api``, ``payments.yaml``, ``replica-1``, ``max_db_connections=100``, ``#sre``, ``k8s``,
  ``S3``). By form, ``on-call`` and ``read-only`` are identifiers too and leave the stripped view;
  the text as written keeps them (measured both ways: keeping hyphenated words lost 0.03 AMI on
  the sample, THEMES.md round 4);
- capitalised words that do not start a sentence (``Dana``, ``Cloudflare``, ``Argo``, ``Friday``),
  and words with a capital inside them (``PagerDuty``, ``GitHub``) wherever they are. Words in
  capitals only (``DNS``, ``BGP``, ``TLS``, ``IC``) are kept: in incident writing they are mostly
  technical terms. "I" and its contractions are kept.

`find_themes` embeds each text twice, as written and without its names, and averages the two
unit vectors (`reviewlab.analysis.embed.theme_vectors`); benchmarks/THEMES.md (round 4) has the
measurements. A text with no names is embedded once: its stripped form is itself.

The rules are for English. In a language that capitalises every noun (German), the stripped view
would lose most nouns: pass ``names_weight=0`` to `find_themes` for such archives.
"""

from __future__ import annotations

import re

__all__ = ["strip_names"]

_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")
_EDGE = "\"'()[]{}<>,;:!?.*`“”‘’"
_INNER_MARK = re.compile(r"[A-Za-z].*[-_./=:@#]|[-_./=:@#].*[A-Za-z]")
_I_WORDS = re.compile(r"^I(?:['’](?:m|d|ve|ll))?$")


def _is_name(core: str, starts_sentence: bool) -> bool:
    if not core or not re.search(r"[A-Za-z]", core):
        return False
    if core[0] in "#@":
        return True
    if re.search(r"\d", core) or _INNER_MARK.search(core.strip("-")):
        return True
    if _I_WORDS.match(core):
        return False
    letters = re.sub(r"[^A-Za-z]", "", core)
    if letters.isupper():
        return False
    if re.search(r"[a-z][A-Z]", core):  # camel case: PagerDuty, GitHub
        return True
    return core[0].isupper() and not starts_sentence


def strip_names(text: str) -> str:
    """The text without the names in it (see the module docstring for what counts as a name).

    Returns the text unchanged when it has no names, and the text itself rather than an empty
    string when it is nothing but names.

    Examples:
        >>> strip_names("I called Dana at 02:40 because the Redis runbook in #sre-oncall was empty.")
        'I called at 02:40 because the runbook in was empty.'
        >>> strip_names("A bad config caused all of their edge routers to crash, taking down all of Cloudflare.")
        'A bad config caused all of their edge routers to crash, taking down all of.'
        >>> strip_names("PagerDuty paged the engineer: checkout-api errors above 4% after payments.yaml merged.")
        'paged the engineer: errors above 4% after merged.'
        >>> strip_names("DNS failed. Nobody knew.")
        'DNS failed. Nobody knew.'
        >>> strip_names("Dana")
        'Dana'
    """
    words = text.split()
    kept: list[str] = []
    starts_sentence = True
    changed = False
    for word in words:
        core = word.strip(_EDGE)
        if _is_name(core, starts_sentence):
            changed = True
            if _SENTENCE_END.search(word) and kept:  # keep the sentence's end on the previous word
                kept[-1] = kept[-1].rstrip(",;") + word[len(word.rstrip(".!?:;\"')]")):]
        else:
            kept.append(word)
        starts_sentence = bool(_SENTENCE_END.search(word)) or (starts_sentence and not core)
    if not changed or not kept:
        return text
    return " ".join(kept)
