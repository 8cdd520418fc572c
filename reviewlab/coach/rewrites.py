"""Rewording data for suggestions: phrase swaps, sentence templates, tails, fallbacks.

``suggest.py`` applies, to each flagged sentence: ``SHORTHAND``, then ``PHRASES``
(ordered regex swaps, grouped by the label they undo; only the groups of the labels
flagged in the sentence run, in the order of this dict), then the first matching ``TEMPLATES`` entry, then a ``TAILS``
question for statements. Templates name groups and may filter them:
``{subj:obj}`` (we -> us), ``{pp:base}``, ``{pp:gerund}``, ``{verb:gerund}``.
If the result still trips the coach, ``FALLBACKS`` gives a question about the topic.
"""

from __future__ import annotations

from reviewlab.coach.rules.base import PP
from reviewlab.coach.rules.blame import SARCASTIC

SHORTHAND: tuple[tuple[str, str], ...] = (
    (r"\by(?=\s+(?:did|didn'?t|didnt|do|does|was|wasn'?t|wasnt|is|isn'?t|were|would|u|not)\b)", "why"),
    (r"\bu\b", "you"), (r"\bwhy'?d\b", "why did"), (r"\by'd\b", "why did"), (r"\bwhats\b", "what's"),
    (r"\bwhy'?s\s+(?=(?:the|this|that|our|your|their|it|its|there)\b)", "why is "),
    (r"\b(did|was|is|were|does|do|could|would|should|had|has|have)nt\b", r"\1n't"),
    (r"\b(should|could|would)(?:'ve|ve|a|\s+of)\b", r"\1 have"), (r"\bought\s+to'?ve\b", "ought to have"),
    (r"\b(should|could|would)n'?t'?ve\b", r"\1n't have"),
    (r"\b(I|we|you|they|he|she|it|that|there|someone)'d\s+have\b", r"\1 would have"),
)

_INTENSIFIER = r"(?:(?:really|very|so|pretty|totally|incredibly|extremely|a\s+bit|too)\s+)?"
_BLAME_ADJ = (
    r"(?:careless|sloppy|lazy|negligent|reckless|incompetent|irresponsible|clueless|boneheaded|"
    r"thoughtless|inattentive|half-?assed|amateurish|amateur|cowboy|idiotic|moronic|shoddy|slapdash|"
    r"complacent|inept)"
)
PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "root_cause": (
    (r"\b(?:what|which)\s+(?:is|was)\s+the\s+root[\s-]*cause\s+of\b", "what were the contributing factors to"),
    (r"\bthe\s+root[\s-]*cause\s+(?:here\s+)?(is|was)\b", r"one contributing factor \1"),
    (r"\b(is|was|be)\s+the\s+root[\s-]*cause\b", r"\1 a contributing factor"),
    (r"\broot[\s-]*caus(?:e|ing)\s+analysis\b|\bRCAs?\b", "incident review"),
    (r"\broot[\s-]*causing(?=\s+(?:the|a|an|this|that|our|their|it)\b)", "mapping the contributing factors behind"),
    (r"\broot[\s-]*causing\b", "mapping the contributing factors"),
    (r"\b(?:the|a|one)\s+(?:(?:one|single|only|sole|real|true|actual|main|underlying|ultimate|fundamental|core)\s+)"
     r"{1,3}reasons?\b(?!\s+(?:for|of|behind))", "a factor in how"),
    (r"\b(?:the|a|one)\s+root[\s-]*causes?\b|\broot[\s-]*causes\b", "the contributing factors"),
    (r"\broot[\s-]*cause\b", "contributing factor"),
    (r"\b(?:an?\s+|the\s+)?(?:five|5)[\s-]*whys?(?:\s+(?:exercise|session|analysis))?\b", "a contributing-factors review"),
    (r"\b(?:the|a|one|its|their|our)\s+(?:(?:one|single|only|sole|real|true|actual|main|primary|"
     r"underlying|ultimate|fundamental|core|original|proximate|deeper|deep|basic|key|central|chief|"
     r"principal|exact|singular)\s+){1,3}(?:cause|culprit|problem|issue|reason|source|trigger|"
     r"explanation)s?\b", "a contributing factor"),
    (r"(?-i:\bTHE\s+(cause|reason|problem))\b|[*_]{1,2}the[*_]{1,2}\s+(cause|reason)\b", r"a \1\2"),
    (r"\b(?:the\s+)?root\s+of\b", "the contributing factors to"),
    (r"\bthe\s+(?:likely\s+|obvious\s+|clear\s+)?culprit\b", "one contributing factor"),
    (r"\bthe\s+crux\s+of\b", "one factor in"),
    (r"\b(?:(?:it|this|that)\s+all|everything)\s+(?:traces?|traced|leads?|led|goes|went)\s+back\s+to\b",
     "one factor was"),
    (r"\b(?:the|this|that)\s+((?:whole\s+)?(?:thing|incident|outage|issue|problem|mess|failure))\s+(?:all\s+|\w+ly\s+|"
     r"really\s+|ultimately\s+|simply\s+|just\s+)?(?:boils?|boiled|comes?|came)\s+down\s+to\b", r"one factor in the \1 was"),
    (r"\b(?:it|this|that|everything)?\s*(?:all\s+|\w+ly\s+|really\s+|ultimately\s+|simply\s+|just\s+)?"
     r"(?:boils?|boiled|comes?|came)\s+down\s+to\b|\b(?:it\s+was|it'?s)\s+all\s+(?:because\s+of|"
     r"down\s+to|due\s+to)\b|\b(?:this|that|everything)(?:\s+was|'s|\s+is)\s+all\s+(?:because\s+of|down\s+to|"
     r"due\s+to)\b", "one factor was"),
    ),
    "blame": (
    (r"\b(?:should|ought\s+to)\s+have\s+known\s+better\s+than\s+to\b", "chose to"),
    (r"\b(?:should|ought\s+to)\s+have\s+known\s+better\b", "had what they had"),
    (r"\b(?:an?\s+|the\s+)?(human|operator|user|engineer|developer|admin|people)\s+(?:error|mistake|"
     r"failure|fault)s?\b", r"the \1's action"),
    (r"\b(?:what\s+(?:on\s+earth\s+|the\s+hell\s+|the\s+heck\s+)?(?:were|was)\s+([\w'-]+(?:\s+[\w-]+)?)"
     r"\s+thinking)\b", r"what did \1 know at the time"),
    (r"\b(?:this|it|that)(?:'s|\s+is|\s+was)\s+(?:all\s+)?([\w-]+)'s\s+fault\b", r"this involved \1's work"),
    (r"\b([\w-]+)'s\s+fault\b", r"\1's part"),
    (r"\b([\w-]+)'s\s+(?:\w+\s+)?(?:mistake|blunder|screw-?up|cock-?up|doing)s?\b", r"\1's part"),
    (r"\b(?:that|this|it)(?:\s+one)?(?:'s|\s+is|\s+was)\s+(?:all\s+|totally\s+|squarely\s+)?on\s+"
     r"((?-i:[A-Z][a-z]+)|him|her|them)\b", r"this involved \1's work"),
    (r"\b(?:pin|hang)(?:ned|ning|s|ing)?\s+(?:it|this|that|the\s+\w+)(?:\s+(?:one|outage|incident|whole\s+thing|"
     r"mess))?\s+on\b", "looking at the work of"),
    (r"\b(?:nobody|no\s+one|no-one)\s+(?:even\s+)?bothered\s+to\b", "nobody got to"),
    (r"\b(?:who|which)(?:'s|\s+is|\s+was|\s+were)?\s+(?:(?:the|our|this|that|some)\s+)?(?:(?:absolute|total|real|"
     r"resident|evil|little)\s+)?" + SARCASTIC + r"\s+(?:(?:who|that)\s+)?", "what was going on when someone "),
    (r"\b(?:some|our\s+resident|the\s+resident)\s+" + SARCASTIC + r"\b(?:\s+(?:who|that)\b)?", "someone"),
    (r"\bwho\s+(?:in\s+(?:their|his|her|your)\s+right\s+mind|on\s+earth|the\s+hell|the\s+heck|in\s+the\s+world)"
     r"\s+(?:would\s+)?", "what was going on when someone "),
    (r"\bwho\s+(?:thought|decided)\s+(?:it|this|that)\s+(?:was|would\s+be)\s+an?\s+(?:good|great|smart|brilliant|"
     r"bright|clever|fine)\s+idea\b", "what made it look reasonable"),
    (r"\b(?:a\s+(?:bit\s+of\s+a\s+)?)?(?:screw|cock|balls|f\w*k|mess)-?ups?\b", "a slip"),
    (r"\b(?:stay|stays|remain|remains|be|being|keep)\s+(?:extra\s+|very\s+|super\s+|ever\s+)?(?:vigilant|"
     r"on\s+(?:their|your|our|his|her)\s+toes)\b", "have better guardrails"),
    (r"\b(be|stay|remain)\s+(?:\w+\s+)?(?:careful|attentive|diligent|thorough|cautious|mindful)\b", "have better guardrails"),
    (r"\bdouble-?check\s+(their|your|his|her|our)\s+(?:own\s+)?", r"have better checks on \1 "),
    (r"\b(was|were)\s+" + _INTENSIFIER + _BLAME_ADJ + r"\s+(?:with|about|in)\b", r"\1 working on"),
    (r"\b(was|were|is|are)\s+" + _INTENSIFIER + _BLAME_ADJ + r"\b", r"\1 under pressure"),
    (r"\b(got|get|gets|became|become|grew)\s+" + _INTENSIFIER + _BLAME_ADJ + r"\s+(?:about|with)\b",
     r"\1 used to the state of"),
    (_INTENSIFIER + r"\b(?:careless|sloppy|lazy|negligent|reckless|irresponsible|thoughtless)ly\b\s*", ""),
    (_INTENSIFIER + r"\b" + _BLAME_ADJ + r"\b\s*", ""),
    (r"\b(?:rookie|stupid|dumb|silly|basic|amateur|newbie|noob|schoolboy)\s+(mistake|error|move)s?\b", "slip"),
    (r"\bfat[\s-]?finger(?:ed|ing|s)?\b", "mistyped"),
    (r"\b(?:screwed|messed|botched|f\w*ked)\s+(?:it\s+|this\s+|that\s+)?up\b|\bbotched\b", "handled"),
    (r"\b(?:did\s*n[o']?t|never)\s+(?:even\s+)?bother(?:ed)?\s+to\b", "did not"),
    (r"\b(was|were)(?:n't|\s+not)\s+(?:even\s+)?paying\s+attention(?:\s+to)?\b", r"\1 focused on other things than"),
    (r"\bdropp(?:ed|ing)\s+the\s+ball\s+on\b", "was handling"),
    (r"\bdropp(?:ed|ing)\s+the\s+ball\b", "was stretched"),
    (r"\bwho(?:'s|\s+is|\s+was)\s+responsible\s+for\b", "how we got to"),
    (r"\b(?:be|being|get|stay|remain)\s+(?:a\s+lot\s+|much\s+|even\s+)?more\s+(?:careful|vigilant|attentive|"
     r"diligent|disciplined|thorough|cautious|mindful|focused|alert|rigorous)\b", "have better guardrails"),
    (r"\bpay\s+(?:more|closer|better)\s+attention\b", "get better signals"),
    (r"\bneglect(?:ed|s)\s+to\b", "did not"),
    (r"\b(nobody|no\s+one|no-one|none\s+of\s+us)\s+(?:remembered|thought|bothered)\s+to\b", r"\1 got to"),
    ),
    "counterfactual": (
    (r"\b(was|were)(?:\s+not|n't)?\s+(?:supposed|meant)\s+to\b", r"\1 going to"),
    (r"\b(?:failed|fails)\s+to\b", "did not"),
    (r"\b(?:fail|failing|failure)\s+to\b", "not"),
    (r"\bforg(?:ot|otten)\s+to\b", "did not"),
    (r"\bforg(?:ot|otten)\s+(?:about\s+)?", "lost track of "),
    (r"\b(?:did\s*n[o']?t|never)\s+remember(?:ed)?\s+to\b", "did not"),
    (r"\b(?:missed|overlooked)\s+(.+?)\s+(?:entirely|completely|totally)\b", r"did not pick up \1"),
    (r"\b(?:missed|overlooked)\b", "did not pick up"),
    (r"\bslip(?:ped|s)?\s+(?:through|past|by)\b", "got through"),
    (r"\bfell\s+through\s+the\s+cracks\b", "went unhandled"),
    (r"\b(?:fell|fallen|dropped|slipped|went)\s+off\s+(\S+)\s+radar\b", r"was not on \1 radar"),
    (r"\bslip(?:ped|s)?\s+(my|his|her|their|our|your|[\w-]+'s)\s+mind\b", r"was not on \1 mind"),
    ),
    "hindsight": (
    (r"\b(?:it'?s|it\s+is|it\s+was|that'?s|that\s+was)\s+(?:\w+\s+)?(?:plain|clear|obvious|evident)\s+that\b",
     "we now know that"),
    (r",?\s*\bplain\s+and\s+simple\b", ""), (r"\bplain\s+to\s+see\b", "visible"),
    (r"\b(?:crystal[\s-]clear|(?:clear|plain)\s+as\s+day)\b", "visible"),
    (r"\b(?:obviously|clearly|evidently|plainly|predictably|unsurprisingly|not\s+surprisingly|of\s+course|"
     r"trivially|inevitably|simply)\b,?\s*", ""),
    (r"\b(?:obvious|evident|self-evident|inevitable)\b", "visible"),
    (r"\b(?:glaring(?:ly)?|easily|naturally,?)\s*", ""),
    (r"\b(?:stuck|sticks|stick|stood|stands|stand)\s+out\s+(?:like\s+a\s+sore\s+thumb|a\s+mile)\b", "showed up"),
    (r"\bdead\s+giveaway\b", "signal"),
    (r"\b(was|were|is|are)\s+(?:all\s+)?right\s+there\b", r"\1 present"),
    (r"\bstraightforward\s+(?=\w)", ""),
    (r"\b(?:signs|signals|warnings|red\s+flags|clues|symptoms|indicators)\s+(?:were|was)\s+(?:all\s+)?"
     r"(?:there|right\s+there|everywhere|obvious|staring)\b", "signals were present"),
    (r"\ball\s+(?:you|they|he|she|we|I|someone|anyone|it)\s+(?:had|needed|need|needs|has|have)\s+to\s+do\s+"
     r"(?:was|is)\b(?:\s+to\b)?", "one option was to"),
    (r"\ball\s+it\s+(?:took|takes|needed)\b", "what it took"),
    (r"\bonly\s+(had|needed|need|needs|have|has)\s+to\b", r"\1 to"),
    (r"\b(?:only|just)\s+(needed|required|needs|requires)\b", r"\1"),
    (r"\b(it|this|that)(?:'s|\s+is|\s+was)\s+(?:\w+\s+)?clear\s+(from|in|on|at)\b", r"\1 was visible \2"),
    (r"\b(?:(?:dead|super|really|pretty|very)\s+)?easy\s+to\b", "possible to"),
    (r"\ban?\s+(?:simple|easy|trivial|quick)\s+(?=(?:\w+\s+)?\w)", "a "),
    (r"\b(?:simple|easy|trivial|quick)\s+(?=(?:\w+\s+)?\w)", ""),
    (r"\beasy\s+to\b", "possible to"), (r"\b(?:simple|easy|trivial)\b", "possible"),
    (r"\bno[\s-]brainer\b", "reasonable option"), (r"\bnot\s+rocket\s+science\b", "learnable"),
    (r"\bjust\s+(?!(?:after|before|about|around|over|under|now|then|as|when|in\s+time|a\s+(?:few|couple|"
     r"bit|little|moment|minute|second))\b)", ""),
    ),
}

_LEAD = r"^(?P<lead>(?:(?:so|and|but|ok|okay|then|well|honestly|seriously|also|now|right|anyway|hey|" \
        r"(?-i:[A-Z][a-z]+)),?\s+)*)"
_REST = r"(?P<rest>[^?.!]*?)\s*[?.!]*\s*$"
_SUBJ = (r"(?P<subj>anyone|anybody|someone|somebody|no\s+one|nobody|we|they|he|she|I|it|this|that|"
         r"the\s+[\w-]+(?:\s+[\w-]+(?=\s+(?!(?:it|the|a|an|this|that|these|those|them|him|her|us|me|our|"
         r"their|his|its|my|your|back|up|down|out|off|over|in|on|any|anything|everything|to)\b)\w))?|our\s+[\w-]+|"
         r"(?-i:[A-Z][\w-]*))")
_NP_STOP = (r"(?:not|never|only|so|still|just|in|on|at|for|to|from|by|with|during|after|before|always|"
            r"already|also|being|left|running|down|up|off|missing|able|allowed|there|\w+ly|" + PP[3:-3] + r")")
_NP = (r"(?P<subj>(?:(?:the|a|an|this|that|these|those|our|your|their|its|his|her|my)\s+)?(?!" + _NP_STOP + r"\b)[\w'%-]+"
       r"(?:\s+(?!" + _NP_STOP + r"\b)[\w'%-]+){0,3})")
_MODAL_SUBJ = (r"(?P<subj>(?:the|a|an|this|that|our|your|their|his|her|its|we|you|they|he|she|I|it|someone|"
               r"somebody|anyone|nobody|everyone|support|ops|(?-i:[A-Z][\w-]*))(?:\s+[\w'-]+){0,3}?)")
TEMPLATES: tuple[tuple[str, str], ...] = (
    (_LEAD + r"why\s+(?:did|would|do)\s+you\s+(?:ever\s+)?" + _REST, "{lead}what factored into your decision to {rest}?"),
    (_LEAD + r"why\s+(?:didn't|did\s+not|wouldn't|couldn't|don't)\s+you\s+" + _REST,
     "{lead}what were you weighing when deciding whether to {rest}?"),
    (_LEAD + r"why\s+(?:didn't|did\s+not|doesn't|does\s+not|don't|do\s+not|wouldn't|couldn't|can't|won't)\s+"
     + _SUBJ + r"\s+" + _REST, "{lead}what made it hard for {subj:obj} to {rest}?"),
    (_LEAD + r"why\s+(?:hasn't|haven't|hadn't|has\s+not|have\s+not|had\s+not)\s+" + _NP + r"\s+" + _REST,
     "{lead}what led to {subj:obj} not having {rest}?"),
    (_LEAD + r"why\s+(?:has|have|had)\s+" + _NP + r"\s+" + _REST, "{lead}what led to {subj:obj} having {rest}?"),
    (_LEAD + r"why\s+(?:was|were|is|are)(?P<neg>n't|\s+not)?\s+" + _NP + r"(?P<neg2>\s+not)?\s+" + _REST,
     "{lead}what led to {subj:obj}{neg:not}{neg2:not} being {rest}?"),
    (_LEAD + r"why\s+(?:was|were|is|are)(?P<neg>n't|\s+not)?\s+" + _NP + r"\s*[?.!]*\s*$",
     "{lead}what led to {subj:obj}{neg:not} being that way?"),
    (_LEAD + r"why\s+(?P<aux>did|does|do|would|will|could|can|should)\s+" + _REST, "{lead}how {aux} {rest}?"),
    (_LEAD + r"why\s+not\s+" + _REST, "{lead}what made the option to {rest} look less attractive at the time?"),
    (_LEAD + r"why\s*[?.!]*\s*$", "{lead}what was going on at that point?"),
    (_LEAD + r"why\s+" + _REST, "{lead}what led to {rest}?"),
    (r"\bhow\s+come\s+" + _REST, "what was going on when {rest}?"),
    (r"\bhow(?:'s|\s+is|\s+was)\s+it\s+that\s+" + _REST, "what was going on when {rest}?"),
    (r"\bwhy\s+(?P<rest>[^?.!]*?)\s*(?P<end>[?.!]*)\s*$", "what was going on when {rest}{end}"),
    (r"\bwhat(?:'s|\s+is|\s+was|\s+were)\s+(?:the|your|their|his|her|our)\s+(?:reason|reasons|reasoning|"
     r"rationale|justification|excuse|motive|motivation)\s+(?:for|behind)\s+", "what was the context for "),
    (r"\b(?:what(?:'s|\s+is|\s+was|\s+were)\s+(?:the|your|their|his|her|our)\s+(?:reason|reasons|reasoning|"
     r"rationale|justification|excuse|motive|motivation)|any\s+(?:particular\s+)?reason|(?:is|was)\s+there\s+"
     r"(?:a|any)\s+(?:particular\s+)?reason)(?:\s+(?:that|why))?\s+", "what was going on when "),
    (r"\b(?:explain\s+yourself|justify\s+(?:it|that|this))\b", "walk us through what you saw"),
    (r"^(?P<lead>.*?)\bif\s+(?:only\s+)?" + _MODAL_SUBJ + r"\s+(?:had\s+not|hadn't|had\s+never|would\s+not\s+have)"
     r"\s+(?P<pp>" + PP + r")(?P<rest>[^,;.?!]*).*$", "{lead}how did {subj} come to {pp:base} {rest}?"),
    (r"^.*?\bif\s+(?:only\s+)?" + _MODAL_SUBJ + r"\s+(?:had|would\s+have)\s+(?P<pp>" + PP
     + r")(?P<rest>[^,;.?!]*).*$", "what kept {subj:obj} from {pp:gerund} {rest}?"),
    (r"^(?P<lead>(?:[\w-]+,\s+)?)(?:had\s+)" + _MODAL_SUBJ + r"\s+(?P<pp>" + PP + r")(?P<rest>[^,;.?!]*).*$",
     "{lead}what kept {subj:obj} from {pp:gerund} {rest}?"),
    (r"^(?P<lead>(?:[\w-]+,\s+)?)" + _MODAL_SUBJ + r"\s+(?:(?:really|definitely|certainly|totally|absolutely|"
     r"probably|also|honestly|still|surely|so)\s+)*(?:(?:should|would)(?:n't|\s+not)?|ought\s+to)\s*(?:\s(?:\w+ly\s+)*"
     r"have|'ve)\b(?!\s+[\w-]+\b(?<!too)(?<!though)(?<!by)(?<!but)(?<!and)(?<!yet)(?<!first)(?<!either)(?<!instead))"
     r"(?:\s+(?:too|though|either|first|instead))?\s*(?P<end>[^\w\s].*)?$", "{lead}what did {subj} know at the time?"),
    (r"^(?P<lead>(?:[\w-]+,\s+)?)" + _MODAL_SUBJ + r"\s+(?:should|could|would|ought\s+to)(?:n't|\s+not|\s+never)"
     r"\s+have\s+(?P<pp>" + PP + r")" + _REST, "{lead}how did {subj} come to {pp:base} {rest}?"),
    (r"^(?P<lead>(?:[\w-]+,\s+)?)" + _MODAL_SUBJ + r"\s+(?:should|could|ought\s+to)\s+have\s+(?P<pp>" + PP + r")"
     + _REST, "{lead}what kept {subj:obj} from {pp:gerund} {rest}?"),
    (_LEAD + r"(?:could|should|would)(?:n't)?\s+" + _SUBJ + r"\s+have\s+(?P<pp>" + PP + r")" + _REST,
     "{lead}what kept {subj:obj} from {pp:gerund} {rest}?"),
    (r"^(?P<lead>.*?)\b(?:what|anything)\s+(?:would|could|should)\s+(?P<subj>\w+(?:\s+\w+)?)\s+have\s+(?:been\s+)?"
     r"done\s+differently\b.*$", "{lead}what would help {subj:obj} in a similar situation next time?"),
)

TAILS: dict[str, str] = {
    "counterfactual": "What did that look like at the time?",
    "blame": "What about the tools and context made that make sense at the time?",
    "hindsight": "What was visible at the time?",
    "root_cause": "What else contributed?",
}

FALLBACKS: dict[str, str] = {
    "why_question": "What was going on around {topic} at the time?",
    "counterfactual": "What did {topic} look like at the time, and what shaped the choices made then?",
    "blame": "What about the tools, workload and context around {topic} shaped the actions taken?",
    "hindsight": "What was visible about {topic} at the time, and how did it stand out?",
    "root_cause": "What were the contributing factors around {topic}?",
}
LAST_RESORT = "What did the situation look like to the people involved at the time?"
