"""Markdown into blocks with markdown-it-py (CommonMark with tables, footnotes and front matter):
headings, paragraphs, list items and table rows as plain text, each with its line number.

Code blocks, link targets, images' addresses and HTML tags are left out (an image keeps its alt
text, an HTML block its text); HTML comments are collected apart, since templates hide their
instructions in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from reviewlab.importers.frontmatter import FrontMatter, read_yaml
from reviewlab.unknowns import ImportNote

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_CHECK = re.compile(r"^\[([ xX])\]\s+")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)


@dataclass
class Block:
    """One heading, paragraph, list item or table row, as plain text ('\\n' between its source lines)."""

    kind: str
    """'heading', 'para', 'item', 'row' or 'footnote'."""
    line: int
    text: str
    level: int = 0
    """A heading's level (1-6); a list item's depth (0 at the top)."""
    parent: int | None = None
    """For a nested list item, the index of the item it sits under."""
    cells: dict[str, str] | None = None
    header: tuple[str, ...] = ()
    checked: bool | None = None
    quoted: bool = False


@dataclass
class Parsed:
    """A document as blocks, with its front matter and what was left out."""

    blocks: list[Block] = field(default_factory=list)
    front: FrontMatter = field(default_factory=FrontMatter)
    comments: list[tuple[int, str]] = field(default_factory=list)
    code_blocks: int = 0


@lru_cache(maxsize=2)
def _parser(front_matter: bool) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    return md.use(front_matter_plugin) if front_matter else md


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")
        elif tag in ("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append("\n")


def html_text(markup: str) -> str:
    """The text of an HTML fragment (an image's alt text kept), without its tags or comments."""
    parser = _Text()
    parser.feed(_COMMENT.sub("", markup))
    parser.close()
    return "".join(parser.parts)


def inline_text(token: Token) -> str:
    """An inline token's plain text: emphasis, link targets and footnote marks dropped, breaks as '\\n'."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "html_inline":
            out.append(html_text(child.content) if not child.content.startswith("<!--") else "")
    return "".join(out)


def parse_blocks(text: str, notes: list[ImportNote], front: FrontMatter | None = None) -> Parsed:
    """Parse Markdown `text` into blocks; YAML front matter is read unless `front` was found already."""
    tokens = _parser(front is None or front.kind is None).parse(text)
    parsed = Parsed(front=front or FrontMatter())
    if tokens and tokens[0].type == "front_matter":
        end = (tokens[0].map or [0, 1])[1]
        found = read_yaml(tokens[0].content, end, notes)
        if found is None:  # not front matter after all: read those lines as Markdown
            tokens = _parser(False).parse(text)
        else:
            parsed.front = found
            tokens = tokens[1:]
    _Walker(parsed).walk(tokens)
    return parsed


class _Walker:
    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.items: list[int | None] = []  # the open list items, innermost last (index of their block)
        self.quoted = 0
        self.footnote = 0
        self.header: list[str] = []
        self.row: list[str] = []
        self.in_head = False

    def add(self, block: Block) -> int:
        self.parsed.blocks.append(block)
        return len(self.parsed.blocks) - 1

    def walk(self, tokens: list[Token]) -> None:
        pending_heading: tuple[int, int] | None = None
        for token in tokens:
            line = (token.map[0] + 1) if token.map else 0
            kind = token.type
            if kind == "heading_open":
                pending_heading = (int(token.tag[1]), line)
            elif kind == "inline" and pending_heading is not None:
                level, at = pending_heading
                self.add(Block("heading", at, inline_text(token).strip(), level))
                pending_heading = None
            elif kind in ("list_item_open", "list_item_close"):
                self.items.append(None) if kind == "list_item_open" else self.items.pop()
            elif kind in ("blockquote_open", "blockquote_close"):
                self.quoted += 1 if kind == "blockquote_open" else -1
            elif kind in ("footnote_open", "footnote_close"):
                self.footnote += 1 if kind == "footnote_open" else -1
            elif kind == "thead_open" or kind == "thead_close":
                self.in_head = kind == "thead_open"
            elif kind == "tr_open":
                self.row = []
                self.row_line = line
            elif kind == "inline" and self._in_cell:
                self.row.append(inline_text(token).strip())
            elif kind == "tr_close":
                self._row()
            elif kind == "inline":
                self._paragraph(token, line)
            elif kind == "html_block":
                self._html(token, line)
            elif kind in ("fence", "code_block"):
                self.parsed.code_blocks += 1
            if kind in ("th_open", "td_open"):
                self._in_cell = True
            elif kind in ("th_close", "td_close"):
                self._in_cell = False

    _in_cell = False
    row_line = 0

    def _row(self) -> None:
        if self.in_head:
            self.header = self.row
            return
        header = self.header or [f"column {i + 1}" for i in range(len(self.row))]
        cells = dict(zip([h.lower() for h in header], self.row + [""] * (len(header) - len(self.row))))
        text = " \u2014 ".join(c for c in self.row if c)
        if text:
            self.add(Block("row", self.row_line, text, cells=cells, header=tuple(header), quoted=self.quoted > 0))

    def _paragraph(self, token: Token, line: int) -> None:
        text = inline_text(token).strip("\n ")
        if not text.strip():
            return
        if self.footnote:
            self.add(Block("footnote", line, text))
            return
        if self.items:
            open_index = self.items[-1]
            if open_index is not None:  # a later paragraph of the same list item
                block = self.parsed.blocks[open_index]
                block.text = f"{block.text}\n{text}"
                return
            checked = None
            m = _CHECK.match(text)
            if m:
                checked, text = m[1] != " ", text[m.end():]
            parent = next((i for i in reversed(self.items[:-1]) if i is not None), None)
            self.items[-1] = self.add(Block("item", line, text, level=len(self.items) - 1, parent=parent,
                                            checked=checked, quoted=self.quoted > 0))
            return
        self.add(Block("para", line, text, quoted=self.quoted > 0))

    def _html(self, token: Token, line: int) -> None:
        for m in _COMMENT.finditer(token.content):
            if m[1].strip():
                self.parsed.comments.append((line + token.content[:m.start()].count("\n"), m[1].strip()))
        text = html_text(token.content).strip()
        if text:
            self.add(Block("para", line, re.sub(r"\n\s*\n+", "\n", text), quoted=self.quoted > 0))
