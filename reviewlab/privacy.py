"""The one rule for private interview notes: no shared surface shows them unless a person asks by name.

A note taken in a one-to-one interview may be marked private when the person asks that it stay off
the meeting board. Every surface that others see (the archive's frames, `reviewlab show`, reports,
`reviewlab analyze`, charts, CSV exports, the notebooks) passes what it shows through `visible()`;
only an explicit `include_private=True` (`--include-private` on the command line) lets them through,
and then the output says so (`included_note`) and marks each one (`PRIVATE_MARK`).

Examples:
    >>> from reviewlab.model import Contribution
    >>> at = "2025-01-02T10:00:00+00:00"
    >>> said = [Contribution("c1", "r1", "Ana", "observation", "Seen by all.", at),
    ...         Contribution("c2", "r1", "Bo", "observation", "Only for the facilitator.", at, "interview", private=True)]
    >>> [c.participant for c in visible(said)], count_private(said)
    (['Ana'], 1)
    >>> included_note(1)
    'including 1 private interview note(s), marked [private]: keep this output to yourself'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.model import Contribution

PRIVATE_MARK = "[private]"
T = TypeVar("T")


def _private_column(frame: pd.DataFrame) -> pd.Series:
    return frame["private"].fillna(False).astype(bool)


@overload
def visible(items: pd.DataFrame, *, include_private: bool = False) -> pd.DataFrame: ...
@overload
def visible(items: Iterable[Contribution], *, include_private: bool = False) -> list[Contribution]: ...


def visible(items: Any, *, include_private: bool = False) -> Any:
    """What a shared surface may show: `items` without private notes, unless `include_private`.

    Arguments:
        items: a frame (rows with a true `private` column are private; a frame without that column
            holds no private notes) or contributions (their `.private`).
        include_private: a person asked for the private notes by name.
    """
    if hasattr(items, "columns"):
        if include_private or "private" not in items.columns:
            return items
        return items[~_private_column(items)]
    items = list(items)
    return items if include_private else [c for c in items if not getattr(c, "private", False)]


def count_private(items: Any) -> int:
    """How many private notes `items` (a frame or contributions) holds."""
    if hasattr(items, "columns"):
        return int(_private_column(items).sum()) if "private" in items.columns else 0
    return sum(bool(getattr(c, "private", False)) for c in items)


def included_note(count: int) -> str:
    """What an output says when private notes were asked for."""
    return f"including {count} private interview note(s), marked {PRIVATE_MARK}: keep this output to yourself"


def hidden_note(count: int, how: str = "") -> str:
    """What an output says about the private notes it left out (`how`: the way to ask for them)."""
    return f"{count} private interview note(s) left out" + (f" ({how})" if how else "") + "."
