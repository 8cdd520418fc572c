"""The one boundary where outside values become model values: strict checks, one message style.

Every model object checks its fields with these functions when it is built, whether the values come
from a JSON file, a CSV row, a Markdown postmortem, a widget or the archive. Each failure is a
`ValidationError` that names the field, what was received and what is allowed; importers prefix the
file and the line or the place in the file. Nothing is guessed or silently converted:

- text is a `str` (a number or a list is refused), valid Unicode (no lone surrogates), without NUL
  or control characters other than line breaks and tabs (a CR or CRLF line ending becomes a line break);
- a flag is a real boolean (the text "false" is refused, never taken as true);
- a whole number is an int, or a float with nothing after the point; never NaN, infinite or truncated;
- an id is 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit (so never '..');
- a time carries a timezone and lies between TIME_MIN and TIME_MAX.

Examples:
    >>> check_text("  Queue backed up.\\r\\n", "text")
    'Queue backed up.'
    >>> check_flag("false", "private")
    Traceback (most recent call last):
    ...
    reviewlab.errors.ValidationError: private must be true or false, got text 'false'
    >>> check_whole(12.9, "minutes", 1, 90)
    Traceback (most recent call last):
    ...
    reviewlab.errors.ValidationError: minutes must be a whole number from 1 to 90, got 12.9
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Any, TypeVar

from reviewlab.errors import ValidationError

MAX_TEXT = 5_000
"""The longest contribution text, in characters after trimming (about a page)."""
MAX_NAME = 100
"""The longest name of a person, service or tag."""
TIME_MIN = datetime(1900, 1, 1, tzinfo=timezone.utc)
TIME_MAX = datetime(2200, 1, 1, tzinfo=timezone.utc)
"""Times outside [TIME_MIN, TIME_MAX) are refused: they are typos, and the analysis frames can't hold them."""
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab (\\x09) and line feed (\\x0a); CR is turned into a line feed first."""
ID_RULE = "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"

E = TypeVar("E", bound=StrEnum)


def describe(value: Any) -> str:
    """What a value is, in the words of a JSON user: text 'x', a number (5), a list, an object, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"text {shown!r}"
    if isinstance(value, numbers.Number):
        return f"a number ({value!r})"
    if isinstance(value, (list, tuple)):
        return f"a list ({len(value)} item(s))"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def check_chars(text: str, field_name: str) -> str:
    """Refuse text that is not valid Unicode or holds control characters other than line breaks and tabs."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(text[err.start])
        msg = (f"{field_name} holds a lone surrogate (\\u{code:04x}) at character {err.start + 1}, which is "
               "not valid Unicode; remove it or paste the text again")
        raise ValidationError(msg) from None
    bad = _CONTROL.search(text)
    if bad:
        char = bad.group()
        name = unicodedata.name(char, "") or {"\x00": "NUL", "\x7f": "DELETE"}.get(char, "control character")
        msg = (f"{field_name} holds the control character U+{ord(char):04X} ({name}) at character {bad.start() + 1}; "
               "text may hold line breaks and tabs but no other control characters")
        raise ValidationError(msg)
    return text


def check_text(value: Any, field_name: str = "text", *, limit: int = MAX_TEXT, required: bool = True,
               one_line: bool = False) -> str:
    """Trim text and check it: a str of valid characters, 1 (or 0 if not `required`) to `limit` long."""
    if not isinstance(value, str):
        msg = f"{field_name} must be text, got {describe(value)}"
        raise ValidationError(msg)
    text = check_chars(value.replace("\r\n", "\n").replace("\r", "\n").strip(), field_name)
    if not text and required:
        msg = f"{field_name} is empty; write what was said (1 to {limit:,} characters)"
        raise ValidationError(msg)
    if len(text) > limit:
        msg = f"{field_name} has {len(text):,} characters; the limit is {limit:,}. Split it into several contributions."
        raise ValidationError(msg)
    if one_line and ("\n" in text or "\t" in text):
        msg = f"{field_name} {text!r} must be one line (no line breaks or tabs)"
        raise ValidationError(msg)
    return text


def optional_text(value: Any, field_name: str, *, limit: int = MAX_TEXT, one_line: bool = False) -> str | None:
    """Text or None: None, '' and blanks become None."""
    if value is None:
        return None
    return check_text(value, field_name, limit=limit, required=False, one_line=one_line) or None


def text_list(value: Any, field_name: str, *, limit: int = MAX_NAME) -> tuple[str, ...]:
    """A list of short one-line texts (services, tags); blanks are dropped, one text alone is a list of one."""
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (list, tuple)):
        msg = f"{field_name} must be a list of texts, got {describe(value)}"
        raise ValidationError(msg)
    out = []
    for i, item in enumerate(value):
        text = check_text(item, f"{field_name}[{i}]", limit=limit, required=False, one_line=True)
        if text:
            out.append(text)
    return tuple(out)


def check_flag(value: Any, field_name: str) -> bool:
    """A real boolean (True/False; numpy's bool too); text such as 'false' is refused, never guessed."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    msg = f"{field_name} must be true or false, got {describe(value)}"
    raise ValidationError(msg)


def parse_flag(value: str, field_name: str) -> bool:
    """A yes/no word of a text format (CSV, Markdown): true/false, yes/no, y/n, 1/0, x or empty (no)."""
    low = value.strip().lower()
    if low in {"true", "yes", "y", "1", "x"}:
        return True
    if low in {"false", "no", "n", "0", ""}:
        return False
    msg = f"{field_name} {value!r} is not yes/no (true, false, yes, no, 1, 0)"
    raise ValidationError(msg)


def check_whole(value: Any, field_name: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`: an int, or a float with nothing after the point."""
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        ok = True
    if not ok or not low <= int(value) <= high:
        got = f"{value!r}" if isinstance(value, numbers.Number) and not isinstance(value, bool) else describe(value)
        msg = f"{field_name} must be a whole number from {low} to {high}, got {got}"
        raise ValidationError(msg)
    return int(value)


def check_id(value: Any, field_name: str) -> str:
    """Check an identifier: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        got = f"{value!r}" if isinstance(value, str) else describe(value)
        msg = f"{field_name} {got} is not a valid id: use {ID_RULE}"
        raise ValidationError(msg)
    return value


def optional_id(value: Any, field_name: str) -> str | None:
    """An id or None."""
    return None if value is None else check_id(value, field_name)


def coerce_enum(enum: type[E], value: Any, field_name: str) -> E:
    """Return `value` as a member of `enum` (case, spaces and dashes don't matter), or list what is allowed."""
    if isinstance(value, enum):
        return value
    allowed = ", ".join(m.value for m in enum)
    if not isinstance(value, str):
        msg = f"{field_name} must be one of {allowed}; got {describe(value)}"
        raise ValidationError(msg)
    text = value.strip()
    for candidate in (text, text.lower(), text.upper(), text.lower().replace(" ", "_").replace("-", "_")):
        try:
            return enum(candidate)
        except ValueError:
            continue
    msg = f"{field_name} {value!r} is not known; allowed: {allowed}"
    raise ValidationError(msg)


def coerce_time(value: Any, field_name: str, *, optional: bool = False) -> datetime | None:
    """Parse an ISO 8601 string or check a datetime; refuse naive times and times out of range."""
    if value is None or value == "":
        if optional:
            return None
        msg = f"{field_name} is required (an ISO 8601 time with an offset, e.g. 2025-05-06T14:02:00+00:00)"
        raise ValidationError(msg)
    if isinstance(value, str):
        check_chars(value, field_name)
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError as err:
            msg = f"{field_name} {value!r} is not an ISO 8601 time (e.g. 2025-05-06T14:02:00+00:00)"
            raise ValidationError(msg) from err
    if not isinstance(value, datetime):
        msg = f"{field_name} must be an ISO 8601 time (text) or a datetime, got {describe(value)}"
        raise ValidationError(msg)
    if value.tzinfo is None or value.utcoffset() is None:
        msg = (f"{field_name} {value.isoformat()} has no timezone; give an offset such as +00:00 "
               "(reviewlab never guesses a timezone)")
        raise ValidationError(msg)
    try:
        inside = TIME_MIN <= value < TIME_MAX
    except OverflowError:  # pragma: no cover - comparisons of aware datetimes do not overflow in CPython
        inside = False
    if not inside:
        msg = (f"{field_name} {value.isoformat()} is out of range; times must lie between "
               f"{TIME_MIN:%Y-%m-%d} and {TIME_MAX:%Y-%m-%d} (UTC)")
        raise ValidationError(msg)
    return value


def coerce_date(value: Any, field_name: str) -> date | None:
    """Parse an ISO date (or take a date); None and '' stay None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        check_chars(value, field_name)
        try:
            value = date.fromisoformat(value.strip())
        except ValueError as err:
            msg = f"{field_name} {value!r} is not a date like 2025-05-30"
            raise ValidationError(msg) from err
    elif not isinstance(value, date):
        msg = f"{field_name} must be a date like 2025-05-30, got {describe(value)}"
        raise ValidationError(msg)
    if not TIME_MIN.date() <= value < TIME_MAX.date():
        msg = f"{field_name} {value.isoformat()} is out of range ({TIME_MIN:%Y-%m-%d} to {TIME_MAX:%Y-%m-%d})"
        raise ValidationError(msg)
    return value


def check_ids(value: Any, field_name: str) -> tuple[str, ...]:
    """A list of ids (one id alone is a list of one)."""
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (list, tuple)):
        msg = f"{field_name} must be a list of ids, got {describe(value)}"
        raise ValidationError(msg)
    return tuple(check_id(v, f"{field_name}[{i}]") for i, v in enumerate(value))


def unique(names: Iterable[str], what: str) -> None:
    """Refuse a name given twice (a JSON key, a CSV column)."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            msg = f"{what} {name!r} is given twice; give it once"
            raise ValidationError(msg)
        seen.add(name)
