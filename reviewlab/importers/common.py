"""What every importer shares: the parsed result, file-and-line errors, ids made from names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewlab.errors import ImportFormatError

if TYPE_CHECKING:
    from reviewlab.bundle import ReviewBundle


@dataclass
class ParsedFile:
    """One file read and checked, not yet in any archive."""

    path: Path
    format: str
    bundles: list[ReviewBundle] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> list[str]:
        """Per review: id, title and contributions by kind; for one with a timeline, how many entries
        have a time and how many are kept as written; the import notes, one line each."""
        lines = []
        for b in self.bundles:
            kinds = Counter(c.kind.value for c in b.contributions)
            counts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no contributions"
            plans = f", {len(b.plans)} plan(s)" if b.plans else ""
            lines.append(f"{b.review.id}: {b.review.title} ({len(b.participants)} participant(s); {counts}{plans})")
            events = [c for c in b.contributions if c.kind.value == "timeline_event"]
            if events or self.format == "markdown":
                untimed = sum(1 for c in events if c.event_time is None)
                lines.append(f"  timeline: {len(events)} entries, {len(events) - untimed} with a time, "
                             f"{untimed} without (kept as written)")
            if b.notes:
                lines.append(f"  import notes ({len(b.notes)}):")
                lines += [f"    - {note}" for note in b.notes]
        return lines


def fail(path: str | Path, line: int | None, problem: str, cause: BaseException | None = None) -> ImportFormatError:
    """An ImportFormatError that names the file, the line and the problem (raise it)."""
    where = f"{path}:{line}" if line else str(path)
    err = ImportFormatError(f"{where}: {problem}")
    err.__cause__ = cause
    return err


def slug(text: str, limit: int = 48) -> str:
    """An id made from a name: lower case letters, digits and dashes."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:limit].rstrip("-") or "review"
