"""An outside file's text, read the same way by every importer: strict UTF-8, then normalised and noted.

`read_source(path)` reads the bytes, refuses what is not UTF-8 (naming the line and column of the
first bad byte), and then normalises what a text editor or a spreadsheet adds without anyone
meaning it, saying so in `notes`, one line each:

- a byte order mark (BOM) at the start is left out;
- Windows (CRLF) and old Mac (CR) line endings become line breaks;
- control characters other than line breaks and tabs (NUL, bell, escape, ...) are left out.

What remains is text the model can hold. `reviewlab.boundary` refuses the rest (a JSON string with
an escaped NUL or lone surrogate, for instance, is refused there with the field named).

Examples:
    >>> text, notes = normalise("\\ufeffTitle\\r\\nline\\x07 two\\r\\n", "pm.md")
    >>> text
    'Title\\nline two\\n'
    >>> notes[0], notes[2]
    ('pm.md: a byte order mark (BOM) at the start was left out', 'pm.md:2: control character U+0007 left out')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewlab.importers.common import fail

_STRAY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and line feed (CR is handled as a line ending first)."""
MAX_LISTED = 5


@dataclass
class Source:
    """A file's text, normalised, with a note for each change made to it."""

    path: Path
    text: str
    notes: list[str] = field(default_factory=list)


def read_source(path: str | Path, *, line_endings: bool = True, controls: bool = True) -> Source:
    """Read `path` as strict UTF-8 and normalise it (see the module); errors name the file and line.

    Arguments:
        line_endings, controls: normalise those too (JSON keeps both off: its parser refuses raw
            control characters inside strings, with the line, and reads CRLF as spaces).

    Raises:
        ImportFormatError: the file can't be read, or is not UTF-8.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise fail(path, None, f"cannot read it ({err.strerror or err})", err) from err
    text = decode_utf8(raw, path)
    text, notes = normalise(text, str(path), line_endings=line_endings, controls=controls)
    return Source(path, text, notes)


def decode_utf8(raw: bytes, path: str | Path) -> str:
    """The bytes as UTF-8, or an ImportFormatError naming the line and column of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        problem = (f"byte 0x{raw[err.start]:02x} at column {column} is not UTF-8 ({err.reason}); "
                   "save the file as UTF-8 and import it again")
        raise fail(path, line, problem, err) from None


def normalise(text: str, where: str, *, line_endings: bool = True, controls: bool = True) -> tuple[str, list[str]]:
    """Leave out a BOM, turn CRLF and CR into line breaks, leave out stray control characters; note each."""
    notes: list[str] = []
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append(f"{where}: a byte order mark (BOM) at the start was left out")
    if line_endings and "\r" in text:
        crlf = text.count("\r\n")
        text = text.replace("\r\n", "\n")
        cr = text.count("\r")
        text = text.replace("\r", "\n")
        kinds = " and ".join(k for k, n in (("Windows (CRLF)", crlf), ("old Mac (CR)", cr)) if n)
        notes.append(f"{where}: {kinds} line endings read as line breaks")
    if controls and _STRAY.search(text):
        found = [(text.count("\n", 0, m.start()) + 1, m.group()) for m in _STRAY.finditer(text)]
        for line, char in found[:MAX_LISTED]:
            notes.append(f"{where}:{line}: control character U+{ord(char):04X} left out")
        if len(found) > MAX_LISTED:
            notes.append(f"{where}: {len(found) - MAX_LISTED} more control character(s) left out")
        text = _STRAY.sub("", text)
    return text, notes
