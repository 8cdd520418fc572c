"""A postmortem's blocks grouped into its title, its `Label: value` facts and its sections, each
section named in reviewlab's words (see headings.py) with its headings as written kept for tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewlab.importers.blocks import Block, Parsed
from reviewlab.importers.headings import meta_of, section_of
from reviewlab.importers.times import read_when
from reviewlab.importers.timeline import zone_statement
from reviewlab.unknowns import ImportNote

_LABEL = re.compile(r"^(?P<key>[^\W\d_][^:\uff1a]{0,50}?)\s*[:\uff1a]\s*(?P<value>.*)$")
_PLACEHOLDER = re.compile(r"^(?:\[[^\]]{3,}\]|\{\{.*\}\}|<[^>]{3,}>|tbd|todo|n/?a|\.\.\.|\u2026)\.?$", re.IGNORECASE)
LABEL_LEVEL = 7
"""A section started by a label line ('Impact: ...') nests under any real heading."""
_FACTS = ("preamble", "meta", "summary")


@dataclass
class Section:
    """A part of the postmortem, its blocks as (index in the document, block)."""

    name: str
    """A SECTIONS name, or 'preamble' (before any heading), 'meta', 'other' or 'footnotes'."""
    heading: str
    line: int
    level: int
    tags: tuple[str, ...] = ()
    meta_key: str | None = None
    blocks: list[tuple[int, Block]] = field(default_factory=list)


@dataclass
class Outline:
    """The postmortem's title (and where it came from), facts and sections."""

    title: str | None = None
    title_line: int = 0
    title_source: str = ""
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)


def _named(text: str) -> bool:
    return bool(section_of(text, loose=False) or meta_of(text))


def _title(parsed: Parsed, stem: str, notes: list[ImportNote]) -> tuple[str, int, str, int | None]:
    headings = [(i, b) for i, b in enumerate(parsed.blocks) if b.kind == "heading" and b.text.strip()]
    first_h1 = next(((i, b) for i, b in headings if b.level == 1 and not _named(b.text)), None)
    if first_h1:
        return first_h1[1].text, first_h1[1].line, "h1", first_h1[0]
    front = parsed.front.text("title")
    if front:
        notes.append(ImportNote("title", "the title comes from the front matter (the document has no '# Title' "
                                         "heading)", 1))
        return front, 1, "front matter", None
    first = next(((i, b) for i, b in headings if not _named(b.text)), None)
    if first:
        notes.append(ImportNote("title", f"the title is the first heading, '{first[1].text}' (level "
                                         f"{first[1].level}); the document has no '# Title' heading", first[1].line))
        return first[1].text, first[1].line, "heading", first[0]
    for block in parsed.blocks:
        for offset, line in enumerate(block.text.split("\n") if block.kind == "para" else ()):
            m = _LABEL.match(line.strip())
            if m and meta_of(m["key"]) == "title" and m["value"].strip():
                notes.append(ImportNote("title", f"the title comes from the '{m['key']}:' line (the document has no "
                                                 "title heading)", block.line + offset))
                return m["value"].strip(), block.line + offset, "label", None
    name = re.sub(r"[-_]+", " ", stem).strip() or stem
    notes.append(ImportNote("title", f"the document has no title heading; the file name '{stem}' was used"))
    return name, 0, "file", None


def outline(parsed: Parsed, stem: str, notes: list[ImportNote]) -> Outline:
    """Group the blocks into sections; read label lines into facts."""
    out = Outline()
    out.title, out.title_line, out.title_source, skip = _title(parsed, stem, notes)
    stack: list[Section] = []
    current = Section("preamble", "", 0, 0)
    out.sections.append(current)
    footnotes: Section | None = None
    for index, block in enumerate(parsed.blocks):
        if index == skip:  # the text right after the title is the introduction, whatever came before
            stack.clear()
            current = Section("preamble", "", block.line, 0)
            out.sections.append(current)
            continue
        if block.kind == "footnote":
            if footnotes is None:
                footnotes = Section("other", "Footnotes", block.line, 1, ("footnotes",))
            footnotes.blocks.append((index, block))
            continue
        if block.kind == "heading":
            while stack and stack[-1].level >= block.level:
                stack.pop()
            parent = stack[-1] if stack else None
            if parent and parent.name == "timeline" and not section_of(block.text, loose=False):
                parent.blocks.append((index, block))  # a day or time heading inside the timeline
                stack.append(Section("timeline", block.text, block.line, block.level, parent.tags, None, parent.blocks))
                current = stack[-1]
                continue
            current = _section(block, parent)
            stack.append(current)
            out.sections.append(current)
            continue
        current = _text(out, current, stack, index, block)
    if footnotes is not None:
        out.sections.append(footnotes)
    return out


def _section(block: Block, parent: Section | None) -> Section:
    key = meta_of(block.text)
    if key in ("id", "title"):
        key = None
    name = section_of(block.text) if key is None or section_of(block.text, loose=False) else None
    if name is None and key:
        return Section("meta", block.text, block.line, block.level, (block.text,), key)
    if name:
        return Section(name, block.text, block.line, block.level, (block.text,))
    if parent is not None and parent.name not in ("meta", "contents"):
        return Section(parent.name, block.text, block.line, block.level, (*parent.tags, block.text))
    return Section("other", block.text, block.line, block.level, (block.text,))


def _text(out: Outline, current: Section, stack: list[Section], index: int, block: Block) -> Section:
    """Add a text block to the current section, reading its label lines first; returns the section
    the text after them belongs to."""
    if block.kind == "row" or current.name == "timeline" and current.level < LABEL_LEVEL:
        current.blocks.append((index, block))
        return current
    if current.name == "meta" and current.meta_key:
        value = " ".join(block.text.split())
        key = current.meta_key
        old = out.meta.get(key)
        out.meta[key] = (f"{old[0]}, {value}" if old else value, old[1] if old else block.line)
        current.blocks.append((index, block))
        return current
    kept: list[str] = []
    first = block.line
    for offset, line in enumerate(block.text.split("\n")):
        number = block.line + offset
        m = _LABEL.match(line.strip()) if block.kind == "para" else None
        key = m["key"] if m else ""
        meta = meta_of(key) if m else None
        named = section_of(key, loose=False) if m else None
        if meta and named is None and m["value"].strip() and (current.name in _FACTS or current.level == LABEL_LEVEL):
            out.meta.setdefault(meta, (m["value"].strip(), number))
            continue
        if named and current.name != "timeline" and not kept:
            while stack and stack[-1].level >= LABEL_LEVEL:
                stack.pop()
            current = Section(named, key, number, LABEL_LEVEL, (key,))
            stack.append(current)
            out.sections.append(current)
            if m["value"].strip():
                kept.append(m["value"].strip())
                first = number
            continue
        if not kept:
            first = number
        kept.append(line)
    if kept:
        text = "\n".join(kept).strip()
        if text:
            current.blocks.append((index, Block(block.kind, first, text, block.level, block.parent, block.cells,
                                                block.header, block.checked, block.quoted)))
    return current


def placeholder(text: str) -> bool:
    """Template text left in: '[Describe the impact]', '{{ summary }}', 'TBD'."""
    return bool(_PLACEHOLDER.match(" ".join(text.split())))


def zone_lines(parsed: Parsed) -> list[tuple[str, str, int]]:
    """Lines outside any timeline that state a zone for the document's times: (zone, line text, line)."""
    found = []
    for block in parsed.blocks:
        for offset, line in enumerate(block.text.split("\n")):
            zone = zone_statement(line)
            if zone and not read_when(line.strip()):
                found.append((zone, line.strip(), block.line + offset))
    return found
