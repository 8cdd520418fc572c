"""A postmortem's sections into contributions of the right kinds, in document order: every
paragraph, list item and table row reaches the archive (a placeholder left from a template is kept
in an import note instead), tagged with its section; action items carry a plan when an owner or a
status is given."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reviewlab.importers.blocks import Block
from reviewlab.importers.headings import KINDS
from reviewlab.importers.sections import Section, placeholder
from reviewlab.importers.timeline import Event
from reviewlab.model import MAX_TEXT
from reviewlab.unknowns import ImportNote

_OWNER = re.compile(r"\(?\b(?:owner|assignee|assigned to)\s*:\s*([^,;)]+)\)?", re.IGNORECASE)
_EMPTY = {"", "-", "n/a", "na", "tbd", "none", "?"}


@dataclass
class Draft:
    """A contribution before it has an id: its kind, words, where it was, and what goes with it."""

    line: int
    kind: str
    text: str
    tags: tuple[str, ...] = ()
    event: Event | None = None
    plan: dict[str, Any] = field(default_factory=dict)


def tags_for(section: Section) -> tuple[str, ...]:
    """The section's tag in reviewlab's words, then its headings as written (each once)."""
    tag = KINDS.get(section.name, ("", None))[1]
    out = [tag] if tag else []
    for heading in section.tags:
        if heading and heading.lower().replace(" ", "_") not in {t.lower() for t in out}:
            out.append(heading)
    return tuple(dict.fromkeys(out))


def row_text(block: Block) -> str:
    """A table row outside a timeline or action list: 'Header: value; ...' (a value alone without header)."""
    cells = block.cells or {}
    if all(h.startswith("column ") for h in cells):
        return block.text
    return "; ".join(f"{h}: {v}" if h else v for h, (_, v) in zip(block.header, cells.items()) if v)


def drafts_of(section: Section, notes: list[ImportNote]) -> list[Draft]:
    """The contributions one (non-timeline, non-summary) section makes."""
    kind, _ = KINDS.get(section.name, ("observation", None))
    tags = tags_for(section)
    out: list[Draft] = []
    for _, block in section.blocks:
        if block.kind == "heading":
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        if placeholder(text):
            notes.append(ImportNote("template", f"template text left in the document was not imported: "
                                                f"'{text[:200]}' (section '{section.heading}')", block.line))
            continue
        if kind == "repair_item":
            words, plan = action(block)
            kept = tuple(dict.fromkeys(t for t in (plan.pop("type", None), *tags) if t))
            out.append(Draft(block.line, kind, words, kept, plan=plan))
            continue
        if block.kind == "row":
            text = row_text(block)
        out.append(Draft(block.line, kind, text, tags))
    return out


def action(block: Block) -> tuple[str, dict[str, Any]]:
    """An action item's words and its plan (owner, status, type) from a table row or a list item."""
    plan: dict[str, Any] = {}
    text = " ".join(block.text.split())
    cells = block.cells or {}
    if cells:
        keys = list(cells)
        text_key = next((k for k in keys if re.search(r"action|item|task|description|title|what", k)), keys[0])
        text = cells[text_key] or text
        rest = []
        for k, v in cells.items():
            if k == text_key or not v:
                continue
            if re.search(r"owner|assignee|who|responsible", k) and v.lower() not in _EMPTY:
                plan["owner"] = v
            elif re.search(r"type|category", k):
                plan["type"] = v.lower()
            elif not re.search(r"status|state|done", k):
                rest.append(f"{k}: {v}")
        text = "; ".join([text, *rest]) if rest else text
        row = " ".join(cells.values()).lower()
    else:
        m = _OWNER.search(text)
        if m:
            plan["owner"] = m[1].strip()
            text = (text[:m.start()] + text[m.end():]).strip()
        row = text.lower()
    if block.checked is not None:
        plan["status"] = "done" if block.checked else "open"
    elif re.search(r"\bdone\b|\bcompleted?\b|\bfixed\b|\bresolved\b", row):
        plan["status"] = "done"
    elif re.search(r"in[ _]progress|\bstarted\b|\bwip\b", row):
        plan["status"] = "in_progress"
    elif re.search(r"\btodo\b|\bopen\b|\bnot started\b", row):
        plan["status"] = "open"
    return text, plan


def split_long(draft: Draft, notes: list[ImportNote]) -> list[Draft]:
    """A text over MAX_TEXT characters as several contributions cut between sentences (noted)."""
    if len(draft.text) <= MAX_TEXT:
        return [draft]
    pieces: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[.!?\u3002])\s+", draft.text):
        while len(sentence) > MAX_TEXT:  # one sentence longer than the limit: cut between words
            cut = sentence.rfind(" ", 0, MAX_TEXT) if " " in sentence[:MAX_TEXT] else MAX_TEXT
            head, sentence = sentence[:cut], sentence[cut:].strip()
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + 1 + len(sentence) > MAX_TEXT:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    notes.append(ImportNote("split", f"a text of {len(draft.text):,} characters (over the {MAX_TEXT:,} a "
                                     f"contribution holds) was kept as {len(pieces)} contributions in a row",
                            draft.line))
    return [Draft(draft.line, draft.kind, p, draft.tags, draft.event if i == 0 else None,
                  draft.plan if i == 0 else {}) for i, p in enumerate(pieces)]
