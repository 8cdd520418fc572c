"""Split a Markdown postmortem into a title, `Label: value` lines and sections of items, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewlab.importers.headings import meta_of, section_of

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_CHECK = re.compile(r"^\[([ xX])\]\s*(.*)$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LABEL = re.compile(r"^(?P<key>[A-Za-z][^:]{0,50}?)\s*:\s*(?P<value>.*)$")


@dataclass
class Item:
    """One bullet, paragraph, or table row of a section."""

    line: int
    text: str
    cells: dict[str, str] | None = None
    checked: bool | None = None


@dataclass
class Section:
    """A part of the postmortem: its name in reviewlab's words, its heading as written, its items."""

    name: str | None
    heading: str
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Document:
    """The postmortem as blocks."""

    title: str | None = None
    title_line: int = 0
    meta: dict[str, tuple[str, int]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)


def _plain(text: str) -> str:
    return re.sub(r"(\*\*|__|`)", "", text).strip()


def _cells(line: str) -> list[str]:
    return [_plain(c) for c in line.strip().strip("|").split("|")]


def _is_date(text: str) -> bool:
    from reviewlab.importers.times import TimeProblem, find_date

    try:
        return find_date(text) is not None
    except TimeProblem:
        return True


def split_document(text: str) -> Document:
    """Read the Markdown text into a Document (headings matched loosely, labels exactly)."""
    # drop HTML comments (template hints) but keep the line count, so errors name the right line
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.DOTALL)
    lines = text.splitlines()
    doc = Document()
    current = Section(None, "", 0)
    doc.sections.append(current)
    open_item: Item | None = None
    header: list[str] | None = None
    fenced = False

    def start(name: str | None, heading: str, number: int) -> Section:
        section = Section(name, heading, number)
        doc.sections.append(section)
        return section

    skip = False
    for index, raw in enumerate(lines):
        number = index + 1
        if skip:
            skip = False
            continue
        line = raw.rstrip()
        if line.strip().startswith("```"):
            fenced = not fenced
            open_item = None
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        heading = None
        if not fenced:
            m = _ATX.match(line)
            if m:
                heading = (len(m[1]), _plain(m[2]))
            elif line.strip() and re.fullmatch(r"\s*(=+|-+)\s*", following) and not _BULLET.match(line) \
                    and open_item is None:
                heading, skip = (1 if "=" in following else 2, _plain(line)), True
        if heading is not None:
            level, words = heading
            open_item, header = None, None
            if doc.title is None and (level == 1 or section_of(words, loose=False) is None) \
                    and section_of(words, loose=False) is None:
                doc.title, doc.title_line = words, number
            else:
                current = start(section_of(words) or "unknown", words, number)
                if current.name == "unknown" and doc.sections[-2].name == "timeline" and _is_date(words):
                    # a date heading inside a timeline ("### 2015-10-21") is part of it
                    current.name = "timeline"
                    current.items.append(Item(number, words))
            continue
        if not line.strip() or _RULE.match(line) or fenced and not line.strip():
            open_item, header = None, None
            continue
        if _TABLE.match(line) and not fenced:
            if _SEPARATOR.match(line):
                continue
            if header is None:
                header = [c.lower() for c in _cells(line)]
                continue
            row = _cells(line)
            cells = dict(zip(header, row + [""] * (len(header) - len(row))))
            current.items.append(Item(number, " ".join(c for c in row if c), cells))
            open_item = None
            continue
        header = None
        bullet = _BULLET.match(line)
        if not bullet and not fenced:
            plain = _plain(line)
            label = _LABEL.match(plain)
            if label and section_of(label["key"], loose=False):
                current = start(section_of(label["key"], loose=False), label["key"], number)
                open_item = Item(number, label["value"]) if label["value"].strip() else None
                if open_item:
                    current.items.append(open_item)
                continue
            if label and meta_of(label["key"]) and current.name in (None, "ignore") and label["value"].strip():
                doc.meta.setdefault(meta_of(label["key"]) or "", (label["value"].strip(), number))
                open_item = None
                continue
            bare = plain.strip("#*_: ")
            if len(bare) < 60 and section_of(bare, loose=False):
                current = start(section_of(bare, loose=False), bare, number)
                open_item = None
                continue
        if bullet:
            text, checked = bullet[2].strip(), None
            check = _CHECK.match(text)
            if check:
                text, checked = check[2], check[1] != " "
            open_item = Item(number, _plain(text), checked=checked)
            current.items.append(open_item)
        elif open_item is not None and current.name != "timeline":
            open_item.text = f"{open_item.text} {_plain(line)}".strip()
        else:
            open_item = Item(number, _plain(line))
            current.items.append(open_item)
    return doc
