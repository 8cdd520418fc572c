"""Balance of voices: who has spoken how often, who holds the floor, who has not spoken yet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewlab.capture.rules import DOMINANCE_SHARE
from reviewlab.model import Contribution, Participant, Phase, Role


@dataclass(frozen=True)
class VoiceBalance:
    """Contributions per participant in one phase, the facilitator left out."""

    counts: dict[str, int]
    total: int
    dominant: str | None
    """Someone who holds more than half of the contributions, if anyone does."""
    silent: tuple[str, ...]

    def message(self) -> str:
        """One plain sentence about the balance."""
        parts = []
        if self.dominant is not None:
            share = self.counts[self.dominant] / self.total
            parts.append(f"{self.dominant} holds {share:.0%} of the contributions: invite other voices.")
        if self.silent:
            parts.append(f"Not heard yet: {', '.join(self.silent)}.")
        return " ".join(parts) or "Everyone has spoken and no one holds more than half."


def balance_of_voices(roster: Sequence[Participant], contributions: Iterable[Contribution], *,
                      phase: Phase | str = Phase.MEETING, facilitator: str | None = None) -> VoiceBalance:
    """Count who has contributed in `phase`, ignoring the facilitator and repair items parked for them.

    Examples:
        >>> from datetime import datetime, timezone
        >>> t = datetime(2025, 1, 1, tzinfo=timezone.utc)
        >>> said = [Contribution(f"c{i}", "r1", "Ana", "observation", "x", t) for i in range(3)]
        >>> b = balance_of_voices([Participant("Ana"), Participant("Bo")], said)
        >>> b.dominant, b.silent
        ('Ana', ('Bo',))
    """
    phase = Phase(phase)
    speakers = [p.name for p in roster if p.name != facilitator and p.role is not Role.FACILITATOR]
    counts = Counter({name: 0 for name in speakers})
    for c in contributions:
        if c.phase is phase and c.participant in counts:
            counts[c.participant] += 1
    total = sum(counts.values())
    top = max(counts, key=lambda n: counts[n], default=None)
    dominant = top if total >= 3 and top is not None and counts[top] > DOMINANCE_SHARE * total else None
    silent = tuple(name for name in speakers if counts[name] == 0)
    return VoiceBalance(dict(counts), total, dominant, silent)
