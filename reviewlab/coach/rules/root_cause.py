"""Rules for the ``root_cause`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import Rule

_NOT_ONE = (
    r"(?:\bno|\bnot\s+(?:a|one|the|any)|\bisn'?t\s+(?:a|one|any)|\bwithout\s+(?:a|one|any)|"
    r"\brather\s+than(?:\s+(?:a|one|the|any))?|\binstead\s+of(?:\s+(?:a|one|the|any))?|"
    r"\bno\s+such\s+thing\s+as(?:\s+(?:a|one))?|\bthere'?s\s+(?:no|never)(?:\s+(?:a|one))?|"
    r"\bbeyond(?:\s+(?:a|the))?|\bmyth\s+of(?:\s+(?:a|the))?)\s+(?:single\s+|simple\s+|one\s+)?$"
)
ROOT_CAUSE_RULES: tuple[Rule, ...] = (
    Rule("rc_root_cause", "root_cause", r"\broot[\s-]*caus(?:e|es|ed|ing|al)\b|\brootcause\w*\b",
         unless_before=_NOT_ONE),
    Rule("rc_rca", "root_cause", r"\bRCAs?\b"),
    Rule("rc_five_whys", "root_cause", r"\b(?:five|5)[\s-]*whys?\b"),
    Rule("rc_single_cause", "root_cause",
         r"\b(?:the|a|one|its|their|our)\s+(?:(?:one|single|only|sole|real|true|actual|main|primary|"
         r"underlying|ultimate|fundamental|core|original|proximate|deeper|deep|basic|key|central|chief|"
         r"principal|exact|singular)\s+){1,3}(?:cause|culprit)s?\b|\b(?:the|a|one|its|their|our)\s+"
         r"(?:(?:one|single|only|sole|real|true|actual|underlying|ultimate|fundamental|core|root)\s+)"
         r"{1,3}(?:problem|issue|reason|source|trigger|explanation)\b(?!\s+(?:of\s+truth|code))",
         unless_before=_NOT_ONE),
    Rule("rc_the_culprit", "root_cause",
         r"\bthe\s+(?:likely\s+|obvious\s+|clear\s+)?culprit\b|\bthe\s+crux\s+of\s+(?:the|this|it|our)\b",
         unless_before=r"\bwho(?:'s|\s+is|\s+was|\s+were)?\s+(?:\w+\s+)?$|" + _NOT_ONE),
    Rule("rc_emphatic_the", "root_cause",
         r"(?-i:\bTHE\s+(?:cause|reason|problem)\b)|[*_]{1,2}the[*_]{1,2}\s+(?:cause|reason)\b"),
    Rule("rc_root_of", "root_cause",
         r"\b(?:the\s+)?root\s+of\s+(?:the|this|all|our|it)\s*(?:problem|issue|incident|outage|evil|"
         r"trouble|failure|mess|all)?\b"),
    Rule("rc_comes_down", "root_cause",
         r"\b(?:boils?|boiled|boiling)\s+down\s+to\b|\b(?:all|really|ultimately|simply|just)\s+"
         r"(?:comes?|came)\s+down\s+to\b|\b(?<!when\s)(?:it|this|that|everything|the\s+(?:whole\s+)?(?:thing|incident|"
         r"outage|issue|problem|failure))\s+(?:\w+ly\s+)?(?:comes?|came)\s+down\s+to\b(?!\s+(?:it\b|whether\b|how\b|what\b|"
         r"which\b|who\b|if\b|priorit))|\b(?:it|this|that|everything)(?:\s+was|'s|\s+is)\s+all\s+(?:because\s+of|"
         r"down\s+to|due\s+to)\b|\b(?:(?:it|this|that)\s+all|everything)\s+(?:traces?|traced|leads?|led|goes|went)\s+"
         r"back\s+to\b|"
         r"\bthe\s+(?:one|single)\s+thing\s+that\s+(?:caused|broke|took)\b"),
)
