r"""An outside file's text, read the same way by the CSV and JSON importers: strict UTF-8, then normalised and noted.

`read_source(path)` reads the bytes, refuses what is not UTF-8 (naming the line and column of the
first bad byte), and then normalises what a text editor or a spreadsheet adds without anyone
meaning it, saying so in `notes`, one line each: a byte order mark (BOM) at the start is left out;
then, by the same rule as Markdown postmortems (`importers/text.normalise`), CRLF, CR and other
line breaks become line breaks and control characters other than line breaks and tabs are removed.

What remains is text the model can hold. `reviewlab.boundary` refuses the rest (a JSON string with
an escaped NUL or lone surrogate, for instance, is refused there with the field named). Markdown
files are read by `importers/text.read_text`, which also takes other encodings, with an import note.

Examples:
    >>> text, notes = normalise("\ufeffTitle\r\nline\x07 two\r\n", "pm.csv")
    >>> text
    'Title\nline two\n'
    >>> notes
    ['pm.csv: a byte order mark (BOM) at the start was left out', 'pm.csv: line endings CRLF (Windows) were read as plain line breaks', 'pm.csv: 1 stray control character(s) (U+0007) were removed']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewlab.importers.common import fail
from reviewlab.importers.text import normalise as unify  # the one rule for line breaks and stray characters


@dataclass
class Source:
    """A file's text, normalised, with a note for each change made to it."""

    path: Path
    text: str
    notes: list[str] = field(default_factory=list)


def read_source(path: str | Path, *, clean: bool = True) -> Source:
    """Read `path` as strict UTF-8 and normalise it (see the module); errors name the file and line.

    Arguments:
        clean: also unify line breaks and remove stray control characters (JSON keeps it off: its
            parser refuses raw control characters inside strings, with the line, and reads CRLF as space).

    Raises:
        ImportFormatError: the file can't be read, or is not UTF-8.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise fail(path, None, f"cannot read it ({err.strerror or err})", err) from err
    text = decode_utf8(raw, path)
    text, notes = normalise(text, str(path), clean=clean)
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


def normalise(text: str, where: str, *, clean: bool = True) -> tuple[str, list[str]]:
    """Leave out a BOM; with `clean`, unify line breaks and remove stray control characters; note each."""
    notes: list[str] = []
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append(f"{where}: a byte order mark (BOM) at the start was left out")
    if clean:
        found: list = []
        text = unify(text, found)
        notes += [f"{where}: {note.text}" for note in found]
    return text, notes
