"""Writing what leaves reviewlab: CSV that a spreadsheet can't run, files written where asked or a clear error.

A participant's words may start with `=`, `+`, `-` or `@`; a spreadsheet opening a CSV export would
run such a cell as a formula (CSV injection). Following OWASP's rule, every exported text cell that
starts with one of those, a tab or a carriage return (or their full-width forms, which some
spreadsheets also read as formulas) gets a leading `'`, which spreadsheets show as text. Plain
numbers such as -3 or +1.5 are left as they are. This happens in exports only: the archive keeps
the text as it was written.

Examples:
    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-1"), safe_cell("- a list item"), safe_cell("ok")
    ('\\'=HYPERLINK("http://x")', '-1', "'- a list item", 'ok')
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlab.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """A text cell made inert for spreadsheets (a leading ' before a formula start); other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame, path: str | Path | None = None, *, lineterminator: str = "\n") -> str:
    """The frame as CSV with every text cell made inert (see `safe_cell`); also written to `path` if given."""
    data = frame.copy()
    for column in data.columns:
        if data[column].dtype == object or str(data[column].dtype) in ("string", "str"):
            data[column] = data[column].map(safe_cell)
    text = data.to_csv(index=False, lineterminator=lineterminator)
    if path is not None:
        write_file(path, text)
    return text


def write_file(path: str | Path, text: str) -> Path:
    """Write text (UTF-8) to `path`; a missing folder or a refused write is an OutputError saying so."""
    path = Path(path)
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist; create it first or pick another path"
        raise OutputError(msg)
    try:
        path.expanduser().write_text(text, encoding="utf-8")
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise OutputError(msg) from err
    return path
