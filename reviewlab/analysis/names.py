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
would lose most nouns. `text_shares` tells: English incident writing has 4-7 % of its words taken
for names (danluu's postmortems 6.5 %, the sample archive 4.1 %) and 40-48 % English function words;
German about 22 % and 2 %. When both point away from English (`names_view_fits`), `find_themes`
leaves the names view out and says so with a `NamesViewWarning`; ``names_weight=0`` turns it off
for good.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["ENGLISH_MIN_SHARE", "NAMES_MAX_SHARE", "NamesViewWarning", "name_spans", "names_view_fits", "strip_names",
           "text_shares"]

NAMES_MAX_SHARE = 0.15
"""Share of words taken for names above which a collection may not be in English (see `text_shares`)."""

ENGLISH_MIN_SHARE = 0.2
"""Share of English function words under which a collection is probably not in English (see `text_shares`)."""

NAMES_SAMPLE = 2000
"""Texts `text_shares` reads at most (spread evenly over the collection), so that it costs little."""


class NamesViewWarning(UserWarning):
    """The names view was left out: the texts look like a language that capitalises its nouns (`names_view_fits`)."""

_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")
_EDGE = "\"'()[]{}<>,;:!?.*`“”‘’"
_INNER_MARK = re.compile(r"[A-Za-z].*[-_./=:@#]|[-_./=:@#].*[A-Za-z]")
_I_WORDS = re.compile(r"^I(?:['’](?:m|d|ve|ll))?$")


def _is_name(core: str, starts_sentence: bool) -> bool:
    if core.isalpha() and core.islower():  # most words: the rules below would say no, more slowly
        return False
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


def _scan(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The words `strip_names` keeps (sentence ends carried over) and the character spans it drops."""
    kept: list[str] = []
    spans: list[tuple[int, int]] = []
    starts_sentence = True
    for match in re.finditer(r"\S+", text):
        word = match.group()
        core = word.strip(_EDGE)
        if _is_name(core, starts_sentence):
            end = match.end()
            if _SENTENCE_END.search(word) and kept:  # keep the sentence's end on the previous word
                tail = word[len(word.rstrip(".!?:;\"')]")):]
                kept[-1] = kept[-1].rstrip(",;") + tail
                end -= len(tail)
            spans.append((match.start(), end))
        else:
            kept.append(word)
        starts_sentence = bool(_SENTENCE_END.search(word)) or (starts_sentence and not core)
    return kept, spans


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
    kept, spans = _scan(text)
    if not spans or not kept:
        return text
    return " ".join(kept)


def name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of what `strip_names` leaves out; empty when it changes nothing.

    A name that ends a sentence leaves its final mark outside the span (``strip_names`` keeps it).
    Names-out pooling (`reviewlab.analysis.embed.theme_vectors`) leaves the tokens inside these
    spans out of a text's mean.

    Examples:
        >>> text = "Traffic from Cloudflare dropped. Dana paged payments.yaml's owner."
        >>> [text[a:b] for a, b in name_spans(text)]
        ['Cloudflare', "payments.yaml's"]
        >>> name_spans("Dana"), name_spans("DNS failed.")
        ([], [])
    """
    kept, spans = _scan(text)
    return spans if kept else []


def text_shares(texts: Sequence[str]) -> tuple[float, float]:
    """(share of words that `strip_names` takes for names, share of English function words) in `texts`.

    Both are 0 when there are no words. At most `NAMES_SAMPLE` texts are read, spread evenly over
    the collection. English incident writing has 4-7 % of its words taken for names and 40-48 %
    function words (danluu's postmortems, the sample archive); German 22 % and 2 %.

    Examples:
        >>> names, english = text_shares(["The certificate expired and nobody saw the warning.", "Dana renewed it."])
        >>> round(names, 2), round(english, 2)
        (0.0, 0.45)
        >>> names, english = text_shares(["Das Zertifikat ist abgelaufen und niemand hat die Warnung gesehen."])
        >>> round(names, 2), round(english, 2)
        (0.2, 0.0)
    """
    from reviewlab.analysis.label import STOPWORDS

    step = max(1, len(texts) // NAMES_SAMPLE)
    words = kept = function = letters = 0
    for text in list(texts)[::step]:
        text = str(text)
        words += len(text.split())
        kept += len(strip_names(text).split())
        tokens = re.findall(r"[^\W\d_]+", text.lower())
        letters += len(tokens)
        function += sum(t in STOPWORDS for t in tokens)
    return (1.0 - kept / words if words else 0.0, function / letters if letters else 0.0)


def names_view_fits(texts: Sequence[str]) -> tuple[bool, str]:
    """Whether the names view suits `texts`, and if not, why (for a warning).

    It does not when many words look like names (over `NAMES_MAX_SHARE`) and few are English
    function words (under `ENGLISH_MIN_SHARE`): a language that capitalises its nouns. Many names
    in English text are still names, and a text in another language whose nouns are not capitalised
    loses little to `strip_names`; both keep the view.

    Examples:
        >>> names_view_fits(["Acme, AcmePay and AcmeShop were down: the certificate had expired"])
        (True, '')
        >>> names_view_fits(["Das Zertifikat ist abgelaufen und niemand hat die Warnung gesehen."])[0]
        False
    """
    names, english = text_shares(texts)
    if names > NAMES_MAX_SHARE and english < ENGLISH_MIN_SHARE:
        return False, (f"{names:.0%} of the words look like names and {english:.0%} are English function words "
                       "(English text: 4-7 % and about 45 %)")
    return True, ""
