"""Rules for the ``why_question`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import Rule, CLAUSE_START, WHY_REQUEST

_WHY_EXPLAINS = (
    r"(?:that'?s|that\s+is|this\s+is|which\s+is|which\s+was|that\s+was|here'?s|here\s+is|"
    r"is\s+that|was\s+that|is\s+this|explains?|explained|explaining|reason|reasons|five|5|"
    r"the|asked|asking|wondered|wanted\s+to\s+know|know|knew|idea|sure|unclear|understand)"
    r"\s+$"
)
_WHY_OPEN = (
    r"\s+(?:is|was|remains?|it\s+happened\s+is)\s+(?:still\s+)?(?:unclear|unknown|a\s+mystery|"
    r"an\s+open\s+(?:question|item)|not\s+(?:yet\s+)?(?:clear|known|understood))"
)
WHY_RULES: tuple[Rule, ...] = (
    Rule("why_start", "why_question", CLAUSE_START + r"(?P<hit>why(?:'d|d\b|'s\b|s\b|'re\b)?|y'd)\b",
         unless_after=_WHY_OPEN, guards=("not_proposal", "not_embedded_statement")),
    Rule("why_shorthand", "why_question",
         CLAUSE_START + r"(?P<hit>y)\s+(?:did|didn'?t|didnt|do|does|doesn'?t|was|wasn'?t|wasnt|"
         r"is|isn'?t|were|weren'?t|would|wouldn'?t|u|r|are|have|haven'?t|has|hasn'?t|not)\b",
         guards=("not_proposal",)),
    Rule("why_how_come", "why_question", r"\bhow\s+come\b|\bhow(?:'s|\s+is|\s+was)\s+it\s+that\b"),
    Rule("why_request", "why_question", WHY_REQUEST + r"[^.?!\n]{0,60}?\b(?P<hit>why)\b",
         unless_before=r"(?:that'?s|which\s+is|here'?s)\s+$"),
    Rule("why_in_question", "why_question", r"\b(?P<hit>why)\b", unless_before=_WHY_EXPLAINS,
         guards=("question", "not_proposal")),
    Rule("why_reason", "why_question",
         r"\b(?:what(?:'s|\s+is|\s+was|\s+were|'re)|whats)\s+(?:the|your|their|his|her|our|its)\s+"
         r"(?:reason|reasons|reasoning|rationale|justification|excuse|motive|motivation|thinking\s+(?:behind|for))\b|"
         r"\bfor\s+what\s+reason\b|\bexplain\s+yourself\b|\bjustify\s+(?:your|that|this|the|it|why)\b|"
         r"\bany\s+(?:particular\s+|specific\s+|good\s+)?reason\s+(?:you|u|we|they|he|she|for|that)\b|"
         r"\b(?:is|was)\s+there\s+(?:a|any)\s+(?:particular\s+|specific\s+|good\s+)?reason\b"),
)
