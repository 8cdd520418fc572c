"""Front matter of a Markdown postmortem: YAML between `---` lines or TOML between `+++` lines, read
with PyYAML and tomllib into plain values; front matter that cannot be read is kept in a note."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reviewlab.unknowns import ImportNote

_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class FrontMatter:
    """What the front matter said, as text values by lower-case key, and where it ended."""

    values: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None
    lines: int = 0

    def text(self, *keys: str) -> str | None:
        """The first of these keys that has a value, as text (a list joined with commas)."""
        for key in keys:
            value = self.values.get(key)
            if value in (None, "", [], {}):
                continue
            if isinstance(value, (list, tuple)):
                return ", ".join(_name(v) for v in value if v not in (None, ""))
            if isinstance(value, dict):
                continue
            return value.isoformat() if isinstance(value, (date, datetime)) else str(value).strip()
        return None


def _name(value: Any) -> str:
    if isinstance(value, dict):  # authors: [{name: ..., email: ...}]
        return str(value.get("name") or next(iter(value.values()), ""))
    return str(value).strip()


def strip_toml(text: str, notes: list[ImportNote]) -> tuple[str, FrontMatter]:
    """Read and blank out TOML front matter (`+++`), keeping the line count so line numbers hold."""
    m = _TOML.match(text)
    if not m:
        return text, FrontMatter()
    lines = m.group(0).count("\n") + (0 if m.group(0).endswith("\n") else 1)
    front = FrontMatter(kind="toml", lines=lines)
    try:
        front.values = {k.lower(): v for k, v in tomllib.loads(m[1]).items()}
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as err:
        notes.append(ImportNote("front_matter", f"the TOML front matter could not be read ({err}); it was "
                                                f"left out: {m[1].strip()[:1500]}", 1))
    return "\n" * m.group(0).count("\n") + text[m.end():], front


def read_yaml(content: str, end_line: int, notes: list[ImportNote]) -> FrontMatter | None:
    """YAML front matter's values, or None (with a note) when it is not a YAML mapping."""
    import yaml

    try:
        values = yaml.safe_load(content)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:  # a '2025-13-45' date raises ValueError
        where = getattr(err, "problem_mark", None)
        notes.append(ImportNote("front_matter", f"the front matter between '---' lines is not YAML "
                                                f"({getattr(err, 'problem', None) or err}"
                                                f"{f' at its line {where.line + 1}' if where else ''}); it was read "
                                                "as part of the document", 1))
        return None
    if not isinstance(values, dict):
        return None
    return FrontMatter({str(k).lower(): v for k, v in values.items()}, "yaml", end_line)
