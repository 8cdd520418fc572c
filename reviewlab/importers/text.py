"""A file's bytes as clean text: what is not a text document is refused in one line; what is merely
untidy (a BOM, CRLF or CR line endings, stray control characters, an encoding other than UTF-8) is
cleaned and recorded as an import note."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from reviewlab.importers.common import fail
from reviewlab.unknowns import ImportNote

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_KEEP = {"\n", "\t"}


def read_text(path: Path) -> tuple[str, list[ImportNote]]:
    """The file's text with LF line endings and no control characters, and a note for each change.

    Raises:
        ImportFormatError: the file cannot be read, is empty, or is binary (not a text document).
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise fail(path, None, f"cannot read it ({err.strerror or err})", err) from err
    notes: list[ImportNote] = []
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8000]:
        raise fail(path, None, "is a binary file (it holds NUL bytes), not a Markdown postmortem; nothing imported")
    if encoding is not None:
        text = data.decode(encoding)
        notes.append(ImportNote("text", f"the file starts with a byte order mark ({encoding.replace('-sig', '')}); "
                                        "it was removed"))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text = _legacy(data)
            notes.append(ImportNote("text", f"the file is not UTF-8 (byte {err.start} is not valid UTF-8); it was "
                                            "read as Windows-1252 (Western European): check accented letters"))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise fail(path, None, "is empty; a postmortem needs a title and some prose; nothing imported")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _KEEP and ch != "\r")
    if controls > max(8, len(text) // 50):
        raise fail(path, None, f"looks binary ({controls} control characters), not a Markdown postmortem; "
                               "nothing imported")
    return normalise(text, notes), notes


def _legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: Latin-1 reads every byte
        return data.decode("latin-1")


def normalise(text: str, notes: list[ImportNote]) -> str:
    """LF line endings, no control characters but tab and newline, no BOM inside; notes say what changed."""
    kinds = {m.group(0) for m in _LINE_BREAKS.finditer(text)}
    if kinds:
        names = {"\r\n": "CRLF (Windows)", "\r": "CR (old Mac)", "\u2028": "Unicode line separators",
                 "\u2029": "Unicode paragraph separators", "\x85": "NEL", "\x0b": "vertical tabs", "\x0c": "form feeds"}
        written = ", ".join(sorted(names[k] for k in kinds))
        notes.append(ImportNote("text", f"line endings {written} were read as plain line breaks"))
        text = _LINE_BREAKS.sub("\n", text)
    stray = [ch for ch in text if (unicodedata.category(ch) == "Cc" and ch not in _KEEP) or ch == "\ufeff"]
    if stray:
        shown = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in stray}))
        notes.append(ImportNote("text", f"{len(stray)} stray control character(s) ({shown}) were removed"))
        text = "".join(ch for ch in text if not ((unicodedata.category(ch) == "Cc" and ch not in _KEEP)
                                                 or ch == "\ufeff"))
    return text
