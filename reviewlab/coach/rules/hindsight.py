"""Rules for the ``hindsight`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import NEG, NEG_NEAR, Rule

_SPEAKING = (
    r"(?:speak|spoke|spoken|say|said|saying|explain\w*|write|wrote|written|writing|"
    r"communicat\w*|label\w*|mark\w*|document\w*|stat\w*|articulat\w*|describ\w*|repeat\w*|"
    r"see|saw|seen|think|thinking|hear|heard|read|put|phrase\w*|worded|it|that|this|talk\w*)"
    r"\s+(?:\w+\s+)?(?:more\s+|very\s+|really\s+|less\s+|so\s+)?$"
)
# "clearly" as the manner of speaking or writing, a few words after the verb and closing its clause:
# "explained the retry logic very clearly in the doc", "wrote it all up really clearly."
_MANNER_CLEARLY = (
    r"\b(?:speak|spoke|spoken|say|said|explain\w*|write|wrote|written|writing|communicat\w*|label\w*|"
    r"document\w*|stat(?:e|ed|es|ing)|articulat\w*|describ\w*|present\w*|walk\w*|laid|lay|lays|set|sets|"
    r"spell\w*|outlin\w*|summari[sz]\w*|comment\w*|annotat\w*|log\w*|flag\w*|mark\w*|show\w*|showed|"
    r"demonstrat\w*|phras\w*|word\w*|put|draw\w*|drew|diagram\w*|captur\w*|call\w*|signal\w*)"
    r"(?:\s+[\w'/-]+){0,6}?\s+(?:(?:very|really|so|super|quite|pretty|more|less|extremely|incredibly|"
    r"nice\s+and|fairly)\s+)?clearly(?=\s*(?:$|[.,;:!?)]|\s[-\u2013\u2014]|\s+(?:in|to|on|at|during|for|and|but|"
    r"so|when|while|with|from|here|there|now|today|enough|than|as|that|how|what|why|where|which|who|"
    r"this|last|yesterday|earlier|again|too|for)\b))"
)
_MINIMISED_OBJECT = (
    r"(?:fix|check|change|catch|rollback|roll-?back|revert|restart|step|thing|mistake|matter|"
    r"task|test|solution|config|toggle|flip|command|tweak|patch|question|one-?liner|one-line|"
    r"pre-\w+|\w+-deploy|read|look|glance|grep|search|query|guard|guardrail|validation|"
    r"precaution|win|call|job|update|edit)s?\b"
)
_JUST_NOT = (
    r"(?:after|before|about|around|over|under|now|then|as|when|in\s+time|in\s+case|a\s+(?:few|"
    r"couple|bit|little|moment|minute|second|sec|tad)|barely|\w+ed|saw|came|went|got|ran|heard|"
    r"had|did|sent|found|told|said|made|took|began|wrote|spoke|left|fine|ok|okay|"
    r"wanted|checking|curious|wondering|confirming|say|ask|add|note|mention|confirm|clarify|"
    r"check\s+in|flag|point|chime|jump|follow|remind|share|summari[sz]e|recap|reiterate|echo)\b"
)
_JUST_TIME = r"after|before|about|around|over|under|now|then|in\s+time|a\s+(?:few|couple|bit|little|moment)"
# counterfactual wording: a minimising adjective next to it belittles the alternative
_CF_MARKER = (
    r"\b(?:should|could|would|might|ought\s+to)(?:\s*n'?t|nt)?(?:\s+(?:\w+ly\s+)?(?:have|of)|'ve|ve)\b|"
    r"\b(?:I|we|you|they|he|she|it|that)'d\s+have\b|\bif\s+only\b|\ball\s+it\s+(?:took|needed)\b"
)
HINDSIGHT_RULES: tuple[Rule, ...] = (
    Rule("hs_obvious", "hindsight", r"\b(?:obvious(?:ly)?|evident(?:ly)?|self-evident|glaring(?:ly)?|duh|"
         r"(?:stuck|sticks|stick|stood|stands|stand)\s+out\s+(?:like\s+a\s+sore\s+thumb|a\s+mile)|"
         r"dead\s+giveaway)\b|(?:^|[.?!;:\n]\s*)(?P<hit>naturally)(?=,|\s+(?:the|it|this|that|we|they|he|she|"
         r"everything|nobody|no\s+one)\b)",
         unless_before=r"(?:non-?|\bun)$|(?:less\s+than|far\s+from|anything\s+but)\s+$|" + NEG_NEAR),
    Rule("hs_clearly", "hindsight", r"\bclearly\b", unless_before=_SPEAKING + "|" + NEG_NEAR,
         unless_after=r"\s+(?:labell?ed|marked|documented|stated|written|defined|specified|named|"
         r"explained|signposted|separated|communicated|described)\b",
         unless_sentence=_MANNER_CLEARLY),
    Rule("hs_clear_that", "hindsight",
         r"\b(?:it|this|that)(?:'s|\s+is|\s+was|\s+became|\s+should\s+have\s+been|\s+must\s+have\s+been)"
         r"\s+(?:(?:so|very|pretty|quite|totally|crystal|abundantly|perfectly|painfully|blindingly|"
         r"super|really|immediately)\s+)?clear\s+(?:that|from|the|as)\b|\bcrystal[\s-]clear\b|"
         r"\b(?:clear|plain)\s+as\s+day\b", unless_before=NEG_NEAR),
    Rule("hs_of_course", "hindsight", r"\bof\s+course\b",
         unless_before=r"(?:yes|yeah|yep|sure|oh|ok|okay)[\s,!]*$",
         unless_after=r"[\s,!.:;\u2013\u2014-]*(?:$|take|here\s+(?:you\s+go|it\s+is|they\s+are)|will\s+do|no\s+rush|"
         r"ask\s+away|go\s+for\s+it|we'?ll|I\s+will|we\s+will|I'?d\s+be|makes\s+sense|good\s+(?:point|question|call)|"
         r"on\s+it|done|my\s+pleasure|give\s+(?:me|us)|gimme|one\s+(?:sec|second|moment|min|minute)\b|just\s+a\s+"
         r"(?:sec|second|moment|min|minute)\b|whenever|any\s*time|I'?m|I\s+am|we'?re|right\s+away|coming\s+up|"
         r"(?:sending|sharing|doing|adding|pulling|posting|grabbing|updating|writing|checking|looking|dropping|"
         r"putting|getting|linking|uploading|pinging|booking|scheduling|setting|joining|fixing)\b|take|go\s+ahead|feel\s+free|please|no\s+(?:problem|worries)|happy|"
         r"you\s+can|you're|we\s+can|I\s+can|I'?ll|let's|let\s+me|thanks|thank|sure|anytime|"
         r"absolutely|glad|that's\s+fine|that\s+works|it's\s+fine)"),
    Rule("hs_plain", "hindsight",
         r"\bplain\s+and\s+simple\b|\bplain\s+to\s+see\b|\b(?:it'?s|it\s+is|it\s+was|that'?s|that\s+was|"
         r"was|is|were)\s+(?:(?:so|very|pretty|quite|perfectly|painfully|now)\s+)?plain\b(?!\s+(?:text|"
         r"http|english|language|old|json|yaml|html|sql|string))|\bplainly\b(?!\s+(?:put|stated|said))",
         unless_before=r"(?:put|stated?|said|speak\w*|spoke|written|wrote|explain\w*)\s+$"),
    Rule("hs_signs", "hindsight",
         r"\b(?:signs|signals|warnings|red\s+flags|clues|symptoms|indicators)\s+(?:were|was)\s+"
         r"(?:all\s+)?(?:there|right\s+there|everywhere|obvious|staring)\b|\bwriting\s+(?:was|is)\s+"
         r"on\s+the\s+wall\b|\bstaring\s+(?:us|you|them|him|her|everyone)\s+(?:right\s+)?in\s+the\s+"
         r"face\b|\b(?:seen|saw|see)\s+(?:it|this|that)\s+coming\b|\b(?:answer|clue|error|warning|problem|info|"
         r"information|message|fix|solution|signal|evidence|data)s?\s+(?:was|were|is|are)\s+(?:all\s+)?right\s+"
         r"there\b", unless_before=NEG),
    Rule("hs_anyone", "hindsight",
         r"\b(?:anyone|anybody|everyone|everybody|any\s+(?:engineer|fool|idiot|person|child)|"
         r"a\s+(?:child|monkey|toddler|first-year|junior|intern)|any\s+(?:one\s+)?of\s+(?:us|you|them)|all\s+of\s+us|"
         r"any\s+(?:[\w-]+\s+)?(?:engineer|sre|dev|developer|operator|person|reviewer|admin|sysadmin|dba|human|"
         r"on-?call(?:\s+engineer)?)s?)\s+(?:[\w'-]+\s+){0,5}?"
         r"(?:would|could|should|can|will)(?:'ve|\s+have|\s+of)?\s+(?:(?:easily|immediately|"
         r"instantly|obviously|clearly)\s+)?(?:seen|known|noticed|spotted|caught|realized|realised|"
         r"figured|guessed|predicted|told|see|know|notice|spot|catch|tell|figure|guess|predict)\b",
         unless_before=r"\b(?:so|so\s+that|where|until|once|when|if)\s+$"),
    Rule("hs_tiny_fix", "hindsight",  # the fix measured in seconds, characters or lines
         r"\b(?:(?:(?:a|one|1|two|2|three|3|five|5|ten|10|single|few|couple(?:\s+of)?)[\s-]+(?:minute|min|character|"
         r"char|line|letter|word|click|keystroke)|(?:one|1|two|2|five|5|ten|10|few|couple(?:\s+of)?|split)[\s-]+"
         r"(?:second|sec))s?[\s-]+(?:(?:fix|change|thing|patch|tweak|edit|diff)s?|(?:job|task)s?(?=\s+to\b|\s*[.,!?;]|\s*$))|"
         r"one[\s-]?liner)\b"),
    Rule("hs_saw_coming", "hindsight",
         r"\b(?:seen|saw|see|seeing)\s+(?:it|this|that|these|those|the)(?:\s+(?:one|whole\s+thing|[\w-]+))?\s+"
         r"(?:a\s+mile\s+(?:away|off)|coming)\b|\b(?:screams|screamed|screaming|yells|shouts)\s+(?!at\b)\w+|"
         r"\b(?:literally|practically|basically)\s+(?:tells|told|says|said|shows|showed|spells|spelled|points)\s+"
         r"(?:you|us|them|it\s+out|out)\b|\b(?:everybody|everyone|we\s+all|all\s+of\s+us|the\s+whole\s+team)\s+"
         r"(?:already\s+|totally\s+|kind\s+of\s+)?knew\b(?!\s+(?:their|his|her|our|where|who|how|what\s+to\s+do|"
         r"the\s+plan|the\s+drill|each\s+other))",
         unless_before=NEG),
    Rule("hs_inevitable", "hindsight",
         r"\b(?:inevitabl[ey]|bound\s+to\s+(?:happen|fail|break|go\s+wrong|bite)|(?:only|just)\s+a\s+"
         r"matter\s+of\s+time|accident\s+waiting\s+to\s+happen|predictably|unsurprisingly|not\s+"
         r"surprisingly|no\s+surprise\b(?!s)|no[\s-]brainer|not\s+rocket\s+science|(?:was|were|is)\s+"
         r"(?:only\s+ever|always|only)\s+going\s+to\s+(?:end|fail|break|happen|go\s+wrong|blow|fall|bite))\b"),
    Rule("hs_simply", "hindsight", r"\bsimply\b(?!\s+(?:put|wasn'?t|weren'?t|isn'?t|aren'?t|"
         r"didn'?t|couldn'?t|can'?t|not|no|had\s+no|did\s+not|could\s+not)\b)"),
    Rule("hs_simple_fix", "hindsight",
         r"\b(?:simple|easy|trivial|quick|straightforward)\s+(?:\w+\s+)?(?!(?:question|update|read|look|call|win|"
         r"check-?in|sync|note|recap)s?\b)" + _MINIMISED_OBJECT + r"|\btrivially\b|"
         r"\beasy\s+to\s+(?:spot|see|catch|notice|avoid|prevent|fix|find|detect|tell|predict|foresee|"
         r"anticipate|diagnose|identify|understand|realise|realize)\b|\bhow\s+hard\s+(?:is|was|would|"
         r"could|can|can't|it)\b|\b(?:was|is|been|it'?s|that'?s|so|really|pretty|super|very|dead|"
         r"incredibly)\s+(?:simple|easy|trivial)\b(?!\s+to\s+(?:miss|overlook|misread|confuse|get\s+"
         r"wrong|forget|mix\s+up|misinterpret|lose|make))",
         unless_before=NEG_NEAR + r"|(?:keep\s+(?:it|this|things)|too)\s+$"),
    Rule("hs_just_had_to", "hindsight", r"\b(?P<hit>just)\s+(?:had|needed|need|needs|have|has|got|gotta)\s+to\b"),
    Rule("hs_just_modal", "hindsight",
         r"\b(?:should|could|would|can|must|might|will|to|didn'?t|don'?t|doesn'?t|did\s+not|do\s+not|"
         r"why\s+not|you|u|we|they|'ll|please|gotta|let's|lets|wasn'?t|isn'?t|was|is|it's)\s+"
         r"(?:(?:literally|really|basically|honestly|like|simply)\s+)?(?P<hit>just)\s+(?!" + _JUST_NOT + r")\w+",
         unless_before=r"\b(?:I'?ll|I\s+will|I'?m|I\s+am|let\s+me|lemme|I'?d|we'?ll)\s+(?:(?:literally|really|"
         r"basically|honestly|like|simply)\s+)?$"),
    Rule("hs_just_why", "hindsight",
         r"\b(?:why|how\s+come)\b[^.?!\n]{0,50}?\b(?P<hit>just)\s+(?!" + _JUST_NOT.replace(r"|\w+ed", "") + r")\w+"),
    Rule("hs_just_perfect", "hindsight",
         r"\b(?:should|could|would|might|must)(?:\s*n'?t|nt)?(?:\s+have|'ve|ve|\s+of|a)\s+(?P<hit>just)\b"
         r"(?!\s+(?:" + _JUST_TIME + r")\b)"),
    Rule("hs_minimised_alternative", "hindsight",
         r"\b(?P<hit>simple|easy|quick|trivial|basic|cheap|tiny|straightforward)\s+[\w-]+|\b(?P<hit_2>easily|"
         r"trivially)\b",
         unless_before=NEG_NEAR + r"|(?:keep\s+(?:it|this|things)|too)\s+$",
         unless_after=r"\s+to\s+(?:miss|overlook|misread|confuse|forget|mix|lose|make)\b",
         if_sentence=_CF_MARKER),
    Rule("hs_just_if_had", "hindsight", r"\bif\b[^.?!;\n]{0,60}?\b(?:had|'d)\s+(?P<hit>just)\b"),
    Rule("hs_just_small", "hindsight",
         r"\b(?P<hit>just)\s+(?:an?\s+)?(?:one-?line|one\s+line|single|simple|small|quick|tiny|minor|"
         r"trivial|typo|config|flag|matter|question|case|restart|rollback|revert|toggle|click|button|"
         r"checkbox|command|setting|tweak)\b|\b(?P<hit_2>just)\s+(?:one|1)\s+(?:line|command|click|flag|"
         r"setting|character|config)\b"),
    Rule("hs_just_imperative", "hindsight",
         r"(?:^|[.?!;:\n]\s*)(?P<hit>just)\s+(?!" + _JUST_NOT + r"|in\b|an?\b|the\b|so\b|because\b|to\b|"
         r"fyi\b|for\b|quickly\b|out\s+of\b|one\s+(?:more|other|thing|question)\b)\w+"),
    Rule("hs_only_needed", "hindsight",
         r"\bonly\s+(?:had|needed|need|needs|have|has)\s+to\b|\b(?:only|just)\s+(?:needed|required|needs|requires)\s+"
         r"(?:a|an|one|1|two|a\s+couple)\b|\ball\s+(?:you|they|he|she|we|I|someone|"
         r"anyone|anybody|it|the\s+\w+(?:\s+\w+)?|(?-i:[A-Z][a-z]+))\s+(?:had|needed|need|needs|has|"
         r"have|'d|would\s+have\s+had)\s+to\s+do\b|\ball\s+it\s+(?:took|takes|would\s+have\s+taken|"
         r"would'?ve\s+taken|needed)\b",
         unless_sentence=r"\b(?:luckily|fortunately|thankfully|happily)\b"),
)
