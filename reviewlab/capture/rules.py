"""Data the capture widgets work from: kinds and their labels, prompts, time limits, repair wording.

Kept apart from the logic so a facilitator can edit wording without touching code.
"""

from __future__ import annotations

from datetime import timedelta

WARN_AFTER = timedelta(minutes=60)
"""Meetings, not marathons: the console warns at 60 minutes..."""
STOP_AT = timedelta(minutes=90)
"""...and says stop at 90."""

DOMINANCE_SHARE = 0.5
"""One person holding more than this share of the contributions is flagged."""

ENTRY_KINDS: dict[str, str] = {
    "observation": "Observation",
    "timeline_event": "Timeline event",
    "went_right": "What went right",
    "learning": "Learning (know now, didn't before)",
    "question": "Question",
}
"""The kinds a facilitator records in interviews and the meeting (repair ideas are parked instead)."""

BOARD_COLUMNS: dict[str, str] = {
    "observation": "Observations",
    "went_right": "What went right",
    "learning": "Learnings",
    "question": "Questions",
}
"""The board's columns (timeline events and parked repairs have their own panels)."""

WENT_RIGHT_PROMPTS: tuple[str, ...] = (
    "How did the team recover?",
    "What helped?",
    "What do you know now that you didn't know before?",
    "Was there a moment when someone shared something that unlocked the puzzle? Where did it come from?",
)

REPAIR_PATTERNS: tuple[str, ...] = (
    r"\b(we|they|you|someone|somebody|the team)\s+(should|could|need to|needs to|must|ought to)\s+"
    r"(add|build|create|write|introduce|automate|fix|change|set up|put|make|move|switch|stop|start)\b",
    r"\blet'?s\s+(add|build|create|write|introduce|automate|fix|change|set up|put|make)\b",
    r"\b(add|create|introduce|write|set up)\s+(an?\s+|more\s+|another\s+|better\s+)?"
    r"(alert|alarm|runbook|test|check|dashboard|monitor|guard|canary|limit)s?\b",
    r"\baction items?\b",
    r"\b(repair|follow-?up|remediation) (item|ticket|task)\b",
)
"""Wording that proposes a fix: such a contribution is offered for the parking lot."""

PARK_HINT = ("This sounds like a repair idea. Park it for the planning meeting (a day or two from now) "
             "rather than discuss it here.")

TIMELINE_TOLERANCE = timedelta(minutes=5)
"""Two accounts of one event further apart than this are shown as differing."""

DIFFERING_WORDS: tuple[str, ...] = (
    "actually", "i'd put it", "i would put it", "i think it was", "wasn't", "didn't see", "not what",
    "disagree", "from where i sat", "for me it", "my view", "i remember it differently", "earlier than",
    "later than",
)
"""Wording that marks an account differing from another one."""

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our ours out over own same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours i'd i'm it's we'd we'll didn't wasn't don't there's that's
""".split())

