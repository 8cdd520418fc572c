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
         r"(?:\b(?:the|a|one|its|their|our)\s+|(?:^|[.?!;:\n])\s*)(?:(?:one|single|only|sole|real|true|actual|main|"
         r"primary|underlying|ultimate|fundamental|core|original|proximate|deeper|deep|basic|key|central|chief|"
         r"principal|exact|singular|biggest|largest|overriding|dominant|number\s+one)\s+){1,3}(?:cause|culprit)s?\b|"
         r"\b(?:the|a|one|its|their|our)\s+"
         r"(?:(?:one|single|only|sole|real|true|actual|underlying|ultimate|fundamental|core|root|deeper)\s+)"
         r"{1,3}(?:problem|issue|reason|source|trigger|explanation)\b(?!\s+(?:of\s+truth|code))",
         unless_before=_NOT_ONE + r"|\bone\s+of\s+$"),
    Rule("rc_main_reason", "root_cause",  # "the main reason it went down", "the biggest problem behind the outage"
         r"\b(?:the|a|one|its|our)\s+(?:main|primary|biggest|big|key|chief|major|number\s+one)\s+(?:reason|problem|issue|"
         r"trigger|source)\s+(?:(?:that\s+|why\s+)?(?:it|this|that|we|things|everything|prod|production|the\s+[\w-]+)\s+"
         r"(?:went\s+down|broke|failed|happened|crashed|fell\s+over|died|blew\s+up|went\s+sideways|went\s+wrong|"
         r"was\s+down)|(?:for|behind|of)\s+(?:the|this|our|that)\s+(?:whole\s+)?(?:outage|incident|failure|downtime|"
         r"crash|breakage|mess))\b", unless_before=r"\bone\s+of\s+$"),
    Rule("rc_source_of", "root_cause",
         r"\bthe\s+(?:source|origin|heart)\s+of\s+(?:the|this|that|our|all\s+(?:the|this|our|that))\s+(?:whole\s+)?"
         r"(?:mess|problem|outage|incident|issue|trouble|failure|breakage|downtime|chaos)s?\b|"
         r"\bthe\s+(?:cause|reason|problem|trigger),?\s+singular\b|\bthe\s+one\s+and\s+only\s+(?:cause|reason|"
         r"problem|trigger)\b|\b(?:it'?s|it\s+is)\s+always\s+(?:the\s+[\w-]+|(?-i:[A-Z]{2,}))(?=\s*(?:[.!]|$|lol|haha))",
         unless_before=_NOT_ONE),
    Rule("rc_whole_story", "root_cause",  # closing the search: "that's the whole incident", "that's what killed it"
         r"\bthat'?s\s+(?:the\s+whole|the\s+entire|all\s+there\s+is\s+to)\s+(?:incident|story|outage|thing|problem|"
         r"explanation)\b|\bthat'?s\s+the\s+(?:whole\s+)?story\b(?!\s+so\s+far)|\b(?:that|this|it)(?:'s|\s+is|\s+was)"
         r"\s+what\s+(?:really\s+|actually\s+|ultimately\s+)?(?:killed|sank|took\s+down|brought\s+down|did\s+(?:it|us\s+in)|"
         r"broke\s+(?:it|everything|prod))\b|\b(?:long\s+story\s+short|bottom\s+line|at\s+the\s+end\s+of\s+the\s+day|"
         r"tl;?dr|in\s+a\s+nutshell|in\s+the\s+end)\b[^.?!\n]{0,60}?\b(?:did\s+it|killed\s+it|took\s+(?:us|it|prod|"
         r"everything)\s+down|broke\s+(?:it|everything|prod)|(?:it|this|that)\s+(?:was|is)\b)|\b(?:it|this|that)(?:'s|"
         r"\s+is|\s+was)\s+(?:just\s+|only\s+|simply\s+|all\s+)?(?:a|an|the)\s+[\w\s-]{1,30}?,?\s+(?:nothing\s+more|"
         r"nothing\s+else|that'?s\s+all)\b",
         unless_sentence=r"\b(?:human|operator|user|people|pilot)\s+(?:error|mistake|problem|failure)"),
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
         r"down\s+to|due\s+to)\b|\b(?:(?:it|this|that)\s+all|everything|the\s+(?:whole\s+|entire\s+)?(?:thing|incident|outage|"
         r"issue|problem|failure|mess)(?:\s+all)?)\s+(?:\w+ly\s+)?(?:traces?|traced|leads?|led|goes|went)\s+back\s+to\b|"
         r"\bthe\s+(?:one|single)\s+thing\s+that\s+(?:caused|broke|took)\b"),
)
