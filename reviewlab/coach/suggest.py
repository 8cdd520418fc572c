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
from reviewlab.coach._text import Sentences, mask, normalise
from reviewlab.coach.questions import suggestion_question
from reviewlab.coach.rewrites import DELETABLE, LEADS, SHORTHAND, STATEMENT_TAIL, SWAPS, TAGS, TEMPLATES
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

_FLAGS = re.IGNORECASE
_SHORTHAND = tuple((re.compile(p, _FLAGS), r) for p, r in SHORTHAND)
_SWAPS = tuple((re.compile(p, _FLAGS), r) for p, r in SWAPS)
_TEMPLATES = tuple((tid, labels, re.compile(p, _FLAGS), out) for tid, labels, p, out in TEMPLATES)
_LEADS = re.compile(LEADS, _FLAGS)
_TAGS = re.compile(TAGS, _FLAGS)
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_NAME_WORD = re.compile(r"(?<![\w@'])([A-Z][a-z]+)\b(?!')")
_ASKING = re.compile(r"(?:can|could|would|does|do|did|will)\b", _FLAGS)
_NEGATED = re.compile(r"n't\b|\b(?:not|never|nobody|no\s+one|none)\b", _FLAGS)
_NEW_CLAUSE = re.compile(r",\s*(?:it|it's|that|that's|this|which|but|so|and|we|they|he|she|I|there|there's)\b", _FLAGS)
_CLOSER = re.compile(r"(?:that'?s\s+(?:it|all)|end\s+of\s+story|full\s+stop|period|simple\s+as\s+that|case\s+closed)"
                     r"[\s.!]*", _FLAGS)
_QUESTION_WORDS = frozenset("what who whom whose which when where how can could would will do does did is are was were "
                            "should has have".split())


@dataclass(frozen=True)
class Part:
    """One sentence of a suggestion and where it came from (``kept``, ``edit``, ``template:<id>``, ``bank:<label>``,
    ``tail:<label>``)."""

    text: str
    source: str


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


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    text = re.sub(r"([?!.])[?!.]+", r"\1", text)
    text = re.sub(r",([?.!])", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


def _expand(sentence: str) -> str:
    out = normalise(sentence)
    for pattern, repl in _SHORTHAND:
        out = pattern.sub(repl, out)
    return re.sub(r"\s+", " ", out).strip()


def _edit(sentence: str, detect: Detector) -> tuple[str, set[str]]:
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


def _templated(core: str, addr: str, detect: Detector) -> tuple[str, str, tuple[str, ...]] | None:
    for tid, labels, pattern, output in _TEMPLATES:
        match = pattern.fullmatch(core)
        values = _slot_values(match) if match else None
        if values is None:
            continue
        values["end"] = "?" if _ASKING.match(values.get("frame", "")) else "."
        values["how"] = "what was going on when" if _NEGATED.search(values.get("clause", "")) else "how"
        text = _tidy(_render(output, values))
        if addr:
            text = f"{addr.strip(' ,:-')}, {text[:1].lower()}{text[1:]}" if not _slots.is_name(text.split()[0]) \
                else f"{addr.strip(' ,:-')}, {text}"
        if not detect(text) and well_formed(text):
            return text, tid, labels
    return None


def _bank(label: str, rule: str, person: str | None, phase: str | None, kind: str = "question") -> Part:
    return Part(suggestion_question(label, phase, person=person, rule=rule, kind=kind), f"{kind[:4]}:{label}"
                if kind == "tail" else f"bank:{label}")


def _split_lead(sentence: str) -> tuple[str, str, str]:
    """``(address, clause, tags)``: the fillers before the clause dropped, an address kept."""
    lead = _LEADS.match(sentence)
    start = lead.end() if lead else 0
    tags = _TAGS.search(sentence, start)
    end = tags.start() if tags else len(sentence)
    return (lead.group("addr") or "") if lead else "", sentence[start:end].strip(" ,"), sentence[end:]


def _first_clause(core: str) -> str:
    """The clause before a comma and a second clause ("..., it's obviously the first step"): a rewrite leaves the
    second one out, since it often carries the same frame. A short lead ("nothing fancy, ...") is not cut."""
    cut = _NEW_CLAUSE.search(core)
    return core[: cut.start()] if cut and len(core[: cut.start()].split()) >= 3 else core


def _edited_statement(edited: str, labels: list[str], made: set[str], detect: Detector,
                      phase: str | None, rules: dict[str, str]) -> list[Part] | None:
    """The speaker's own sentence with the flagged words edited out, when edits alone cleared every label."""
    if not set(labels) <= made or detect(edited):
        return None
    addr, core, tags = _split_lead(edited)
    core = _first_clause(core)
    words = core.split()
    if not words or _slots.is_verb(words[0]):  # an imperative: "Restart the pod" is an order, not an observation
        return None
    question = re.split(r"'", words[0].lower())[0] in _QUESTION_WORDS or "?" in tags
    if not question and _slots.clause(core) is None:  # a statement needs a subject and a verb
        return None
    text = _tidy(f"{addr.strip(' ,:-') + ', ' if addr else ''}{core}{'?' if question else '.'}")
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
    edited, made = _edit(_expand(sentence), detect)
    left = detect(edited)
    addr, core, _ = _split_lead(edited)
    core = _first_clause(core)
    done = _templated(core, addr, detect) if core else None
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
    lead = _LEADS.match(sentence)
    if lead and not sentence[lead.end():].strip(" .,!?") or _CLOSER.fullmatch(sentence.strip()):
        return None
    text = sentence[:1].upper() + sentence[1:]
    return Part(text if text[-1:] in ".?!" else text + ".", "kept")


def suggest_parts(text: str, hits: Sequence[Hit], detect: Detector, phase: str | None = None,
                  span: tuple[int, int] | None = None) -> list[Part]:
    """The parts of the suggestion for ``text[span]`` (the whole text by default): flagged sentences reworded,
    the others kept as typed."""
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
