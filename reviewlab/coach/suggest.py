"""Suggestions a facilitator would say aloud: a rewrite whose grammar is safe by construction, or a bank question.

Each flagged sentence goes through the steps in ``rewrites.py``. The result is a list of
``Part``s, each a sentence with its source: ``kept`` (an unflagged sentence of the speaker's,
as typed), ``edit`` (the speaker's sentence with a flagged adverb dropped or a noun phrase
swapped), ``template:<id>`` (a rewrite), ``bank:<label>`` or ``tail:<label>`` (a question
from ``questions.toml``). A generated part is offered only if it passes the coach and keeps
the construction rules in ``wellformed.py``; otherwise the bank question takes its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reviewlab.coach import _slots
from reviewlab.coach._rewrite import (
    CLOSER, LEADS_RE, QUESTION_WORDS, edit, expand, first_clause, split_lead, templated, tidy, sure_name,
)
from reviewlab.coach._text import Sentences, mask, normalise
from reviewlab.coach.questions import suggestion_question
from reviewlab.coach.rules import LABELS
from reviewlab.coach.wellformed import sentences as wf_sentences
from reviewlab.coach.wellformed import well_formed

Hit = tuple[str, int, int, str]
Detector = Callable[[str], list[Hit]]

WHOLE_LINE_CHARS = 600
"""Lines up to this long get one suggestion for the whole line; longer texts per sentence."""
REWRITTEN_SENTENCES = 100
"""In a longer text, this many flagged sentences get a rewrite; later ones get the bank question."""
_MAX_SENTENCE = 400  # longer sentences get the bank question instead of a rewrite
BANK_ORDER = ("blame", "counterfactual", "hindsight", "why_question", "root_cause")
"""Which label's bank question a sentence with several labels gets: the frame that hurts most first."""
LAST_RESORT = "What did the situation look like to the people involved at the time?"


@dataclass(frozen=True)
class Part:
    """One sentence of a suggestion and where it came from (``kept``, ``edit``, ``template:<id>``, ``bank:<label>``,
    ``tail:<label>``)."""

    text: str
    source: str


def _bank(label: str, rule: str, person: str | None, phase: str | None, kind: str = "question") -> Part:
    source = f"tail:{label}" if kind == "tail" else f"bank:{label}"
    return Part(suggestion_question(label, phase, person=person, rule=rule, kind=kind), source)


def _edited_statement(edited: str, labels: list[str], made: set[str], detect: Detector,
                      phase: str | None, rules: dict[str, str]) -> list[Part] | None:
    """The speaker's own sentence with the flagged words edited out, when edits alone cleared every label."""
    if not set(labels) <= made or detect(edited):
        return None
    addr, core, tags = split_lead(edited)
    core = first_clause(core)
    words = core.split()
    if not words or _slots.is_verb(words[0]):  # an imperative: "Restart the pod" is an order, not an observation
        return None
    question = re.split(r"'", words[0].lower())[0] in QUESTION_WORDS or "?" in tags
    if not question and _slots.clause(core) is None:  # a statement needs a subject and a verb
        return None
    text = tidy(f"{addr.strip(' ,:-') + ', ' if addr else ''}{core}{'?' if question else '.'}")
    if detect(text) or not well_formed(text):
        return None
    parts = [Part(text, "edit")]
    if not question and "hindsight" in made:
        parts.append(_bank("hindsight", rules.get("hindsight", ""), None, phase, kind="tail"))
    return parts


def suggest_sentence(sentence: str, hits: Sequence[Hit], detect: Detector, phase: str | None = None) -> list[Part]:
    """The parts of the suggestion for one flagged sentence (``hits`` are its findings, in any coordinates)."""
    labels = [label for label in LABELS if any(h[0] == label for h in hits)]
    rules = {h[0]: h[3] for h in reversed(hits)}
    person = sure_name(sentence)
    if len(sentence) > _MAX_SENTENCE:
        return [_bank(labels[0], rules[labels[0]], person, phase)]
    edited, made = edit(expand(sentence), detect)
    left = detect(edited)
    addr, core, _ = split_lead(edited)
    core = first_clause(core)
    done = templated(core, addr, detect) if core else None
    if done is not None:
        text, tid, handled = done
        rest = [h for h in left if h[0] not in handled]
        if not rest:
            return [Part(text, f"template:{tid}")]
        own = wf_sentences(text)  # a second sentence of the template gives way to the remaining label's question
        return [Part(own[0], f"template:{tid}"), _bank(rest[0][0], rest[0][3], person, phase)]
    statement = _edited_statement(edited, labels, made, detect, phase, rules)
    if statement:
        return statement
    remaining = {h[0] for h in left} or set(labels)
    label = next(label for label in BANK_ORDER if label in remaining)
    return [_bank(label, rules.get(label, ""), person, phase)]


def _kept(sentence: str) -> Part | None:
    """An unflagged sentence of the speaker's, capitalised and closed; fillers or a closer alone are dropped."""
    lead = LEADS_RE.match(sentence)
    if lead and not sentence[lead.end():].strip(" .,!?") or CLOSER.fullmatch(sentence.strip()):
        return None
    text = sentence[:1].upper() + sentence[1:]
    return Part(text if text[-1:] in ".?!" else text + ".", "kept")


def suggest_parts(text: str, hits: Sequence[Hit], detect: Detector, phase: str | None = None,
                  span: tuple[int, int] | None = None) -> list[Part]:
    """The parts of the suggestion for ``text[span]`` (the whole text by default): flagged sentences reworded,
    unflagged ones before them kept as typed, and those after a flagged one left out (they go on with its frame)."""
    unit_start, unit_end = span or (0, len(text))
    sentences = Sentences(mask(normalise(text[unit_start:unit_end])))
    parts: list[Part] = []
    for start, end in sentences.spans():
        inside = [h for h in hits if unit_start + start <= h[1] < unit_start + end]
        sentence = text[unit_start + start : unit_start + end].strip()
        if not inside and any(p.source != "kept" for p in parts):
            continue  # a sentence after a flagged one goes on with its frame ("I want a name. Who ran it?")
        if inside:
            new = suggest_sentence(sentence, inside, detect, phase)
            if any(p.text.endswith("?") for p in parts):  # one question is enough; no tail after it
                new = [p for p in new if not p.source.startswith("tail:")] or new
            parts += new
        elif (kept := _kept(sentence)) is not None:
            parts.append(kept)
    if not parts or detect(" ".join(p.text for p in parts)):
        flagged = [h for h in hits if unit_start <= h[1] < unit_end] or list(hits)
        label = flagged[0][0] if flagged else "why_question"
        part = _bank(label, flagged[0][3] if flagged else "", None, phase)
        return [part] if not detect(part.text) else [Part(LAST_RESORT, "bank:last_resort")]
    return parts


def suggest(text: str, hits: Sequence[Hit], detect: Detector, phase: str | None = None) -> dict[int, str]:
    """Build a suggestion for every hit, keyed by the hit's start offset.

    Arguments:
        text: the checked text.
        hits: ``(label, start, end, rule)`` tuples from ``detect``.
        detect: the coach's detector, used to make sure every suggestion passes.
        phase: the review's phase, to pick the bank question that fits it.

    Returns:
        ``{start: suggestion}``. Hits in the same unit (the whole line when it is
        short, else the sentence) share one suggestion.

    Examples:
        >>> from reviewlab.coach.engine import detect
        >>> suggest("Why did you do that?", detect("Why did you do that?"), detect)
        {0: 'What factored into your decision to do that?'}
    """
    if len(text) <= WHOLE_LINE_CHARS:
        whole = " ".join(p.text for p in suggest_parts(text, hits, detect, phase))
        return {start: whole for _, start, _, _ in hits}
    sentences = Sentences(mask(normalise(text)))
    cache: dict[tuple[int, int], str] = {}
    out: dict[int, str] = {}
    for label, start, _, rule in hits:
        span = sentences.span_at(start)
        if span not in cache:
            if len(cache) < REWRITTEN_SENTENCES:
                cache[span] = " ".join(p.text for p in suggest_parts(text, hits, detect, phase, span))
            else:  # bound the work on pasted documents: the bank question for the label
                cache[span] = suggestion_question(label, phase, rule=rule)
        out[start] = cache[span]
    return out
