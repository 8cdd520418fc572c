"""Checks at the DataFrame boundary: one place that says which columns a function needs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reviewlab.errors import MissingColumns

if TYPE_CHECKING:
    import pandas as pd


def require_columns(frame: pd.DataFrame, needed: Iterable[str], where: str, hint: str = "") -> None:
    """Raise MissingColumns naming what `where` needs, what the frame has, and (optionally) what to do.

    Examples:
        >>> import pandas as pd
        >>> require_columns(pd.DataFrame({"text": []}), ["text"], "f")
        >>> require_columns(pd.DataFrame({"text": []}), ["kind", "text"], "f")
        Traceback (most recent call last):
        ...
        reviewlab.errors.MissingColumns: f needs columns ['kind']; got ['text']
    """
    missing = sorted(set(needed) - set(frame.columns))
    if missing:
        msg = f"{where} needs columns {missing}; got {sorted(map(str, frame.columns))}"
        raise MissingColumns(f"{msg}. {hint}" if hint else msg)
