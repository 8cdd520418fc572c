"""Review JSON files read strictly: UTF-8 with or without a BOM, no duplicate keys, no NaN, bounded nesting.

Python's `json` module takes the last of two equal keys, reads NaN and Infinity, and overflows its
stack on deep nesting; each of those is refused here with the file and the place named. Field values
are checked by the model (`reviewlab.boundary`) when the bundle is built.

Examples:
    >>> parse_json('{"review": {"id": "r1", "id": "r2"}}', "r.json")
    Traceback (most recent call last):
    ...
    reviewlab.errors.ImportFormatError: r.json: review: key 'id' is given twice; give each field once
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reviewlab.bundle import ReviewBundle, bundle_from_dict
from reviewlab.importers.common import ParsedFile, fail
from reviewlab.importers.source import read_source

MAX_DEPTH = 32
"""Deepest nesting of lists and objects accepted; a review file needs 4."""
_CONSTANT = re.compile(r"(?<![\"\w])(-?Infinity|NaN)(?![\"\w])")


class _Refused(ValueError):
    pass


class _Duplicate(dict):
    """An object in which a key was given twice (kept to find where it is)."""

    key = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            marked = _Duplicate(out)
            marked.key = key
            return marked
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise _Refused(name)


def _where(path: list[str]) -> str:
    return "".join(p if p.startswith("[") else (f".{p}" if i else p) for i, p in enumerate(path)) or "top level"


def _check_tree(data: Any, source: str) -> None:
    """Refuse a duplicate key or nesting deeper than MAX_DEPTH, naming the place (iteratively: no recursion)."""
    stack: list[tuple[Any, list[str]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise fail(source, None, f"{_where(path[:3])}...: nested more than {MAX_DEPTH} levels deep; "
                                     "a review file needs 4 (see docs/review-json.md)")
        if isinstance(value, _Duplicate):
            raise fail(source, None, f"{_where(path)}: key {value.key!r} is given twice; give each field once")
        if isinstance(value, dict):
            stack.extend((v, [*path, str(k)]) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, [*path, f"[{i}]"]) for i, v in reversed(list(enumerate(value))))


def parse_json(text: str, source: str | Path) -> Any:
    """Parse JSON text strictly; every problem is an ImportFormatError naming `source` and the place."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as err:
        raise fail(source, None, f"not valid JSON at line {err.lineno} column {err.colno}: {err.msg}", err) from None
    except _Refused as err:
        found = _CONSTANT.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        raise fail(source, line, f"{err.args[0]} is not a number JSON allows; write a number or null") from None
    except RecursionError:
        raise fail(source, None, f"nested too deeply to read; a review file needs 4 levels (at most {MAX_DEPTH})") from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise fail(source, None, f"not readable as JSON: {err}") from None
    _check_tree(data, str(source))
    return data


def load_json(path: str | Path) -> tuple[Any, list[str]]:
    """Read a JSON file: its parsed value and the notes on what was normalised (a BOM)."""
    src = read_source(path, clean=False)
    return parse_json(src.text, src.path), src.notes


def load_bundle(path: str | Path) -> ReviewBundle:
    """Read one review JSON file (strict) into a checked bundle; a bad file raises ImportFormatError naming it."""
    data, _notes = load_json(path)
    return bundle_from_dict(data, str(path))


def read_json(path: str | Path) -> ParsedFile:
    """Read one review JSON file (docs/review-json.md) into a checked bundle, with its notes."""
    data, notes = load_json(path)
    return ParsedFile(Path(path), "json", [bundle_from_dict(data, str(path))], notes)
