"""Rules for the ``blame`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import Rule, NEG, PERSON

_PERSON_ACT = (  # what a person did, when that act is offered as the explanation
    r"(?:did\s*n[o']?t|didnt|never|failed|forgot|neglected|skipped|ignored|missed|broke|pushed|made|ran|wrote|"
    r"deployed|merged|approved|changed|did|wasn'?t|chose|decided|typed|mistyped|deleted|dropped|removed|"
    r"disabled|left|overrode|rushed|bypassed|fat-?fingered|misconfigured|clicked|hit|put|set|took|"
    r"restarted|rebooted|killed|applied|edited|copied|pasted|force-?pushed|shipped|let|assumed)"
)
SARCASTIC = (  # mock titles for whoever did it
    r"(?:genius(?:es)?|bright\s+spark|brainiac|einstein|clown|wise\s*guy|smart\s*alec\w*|rocket\s+"
    r"scientist|mastermind|joker|muppet|numpty|comedian|hotshot|cowboy)"
)
BLAME_RULES: tuple[Rule, ...] = (
    Rule("blame_character", "blame",
         r"\b(?:careless(?:ly|ness)?|sloppy|sloppily|sloppiness|lazy|lazily|laziness|"
         r"negligen(?:t|tly|ce)|reckless(?:ly|ness)?|incompeten(?:t|ce|tly)|irresponsibl[ey]|"
         r"irresponsibility|clueless|boneheaded|thoughtless(?:ly)?|inattentive|half-?assed|"
         r"amateur(?:ish)?|cowboy|idiot(?:s|ic)?|moron(?:s|ic)?|shoddy|shoddily|slapdash|complacen(?:t|cy|ce)|"
         r"inept(?:itude|ly)?)\b",
         unless_after=r"[\s-]+(?:load\w*|init\w*|eval\w*|import\w*|instantiat\w*|fetch\w*|"
         r"comput\w*|creat\w*|delet\w*|iterat\w*|sequence|val|propert\w*|connection\w*|hydrat\w*)"),
    Rule("blame_mistake", "blame",
         r"\b(?:rookie|stupid|dumb|silly|basic|amateur|newbie|noob|schoolboy|beginner'?s?)\s+"
         r"(?:mistake|error|move|stuff|blunder)s?\b|\bfat[\s-]?finger(?:ed|ing|s)?\b|"
         r"\b(?:screwed|messed|f\w*ked|cocked|botched)\s+(?:it\s+|this\s+|that\s+)?up\b|\bbotched\b|"
         r"\b(?:screw|cock|balls|f\w*k|mess)-?ups?\b"),
    Rule("blame_know_better", "blame", r"\b(?:know|knew|known|knows)\s+better\b",
         unless_before=r"\b(?:now|we|today)\s+$", unless_after=r"\s+(?:how|what|now|today|where|when)\b"),
    Rule("blame_competent", "blame",
         r"\b(?:any|a|every|an)\s+(?:competent|careful|decent|good|responsible|reasonable|"
         r"experienced|sensible|proper|half-?decent|diligent|attentive|conscientious|real)\s+"
         r"(?:engineer|operator|developer|dev|sre|person|admin|sysadmin|on-?call(?:\s+engineer)?|"
         r"professional|reviewer|dba)s?\s+(?:would|wouldn'?t|should|shouldn'?t|could|knows?|"
         r"has|never)\b"),
    Rule("blame_fault", "blame",
         r"\b(?:\w+'s|\w+s'|my|your|his|her|their|our|whose)\s+fault\b(?![\s-]*(?:toleran\w*|domain|"
         r"injection|isolation|line|code|handler|detection))|\b(?:\w+'s|\w+s'|your|his|her|their)\s+(?:\w+\s+)?"
         r"(?:mistake|blunder|screw-?up|cock-?up|f\w*k-?up|doing)s?\b|\bat\s+fault\b|\bfault\s+(?:lies|lay)\s+with\b|"
         r"\b(?:that|this|it)(?:\s+one)?(?:'s|\s+is|\s+was)\s+(?:all\s+|totally\s+|squarely\s+)?on\s+"
         r"(?:him|her|them|(?-i:[A-Z][a-z]+))\b(?!\s+(?:call|duty|shift|leave|holiday|PTO|vacation))",
         unless_before=NEG),
    Rule("blame_blame", "blame",
         r"\b(?:to\s+blame|the\s+blame|blame\s+game|(?:assign|place|put|pin|lay|shift)(?:ing|ed|s)?\s+"
         r"(?:the\s+)?blame|blam(?:e|es|ed|ing)\s+(?:him|her|them|you|me|us|someone|somebody|anyone|"
         r"people|the\s+(?:on-?call|engineer|operator|developer|dev|team|intern|new\s+hire|reviewer|ic)|"
         r"(?-i:[A-Z][a-z]+)))\b|\b(?:pin|hang)(?:ned|ning|s|ing)?\s+(?:it|this|that|the\s+\w+)(?:\s+(?:one|"
         r"outage|incident|whole\s+thing|mess))?\s+on\s+" + PERSON + r"\b|\blay(?:s|ing)?\s+(?:it|this|that)\s+"
         r"(?:squarely\s+)?at\s+(?:the\s+feet\s+of|\w+'s\s+(?:door|feet))|\bscapegoat\w*\b",
         unless_before=NEG),
    Rule("blame_human_error", "blame",
         r"\b(?:human|operator|user|engineer|people|personnel|admin|developer|pilot)\s+"
         r"(?:error|mistake|failure|fault)s?\b(?!\s+(?:rate|rates|count|budget|page|message|code|"
         r"handling|log|response))|\bPEBKAC\b|\bPEBCAK\b|\bID-?10-?T\b|\blayer\s*8\b"),
    Rule("blame_effort", "blame",
         r"\b(?:did\s*n[o']?t|didnt|never|couldn'?t\s+be|can'?t\s+be|not\s+even)\s+(?:even\s+)?"
         r"bother(?:ed)?\b|(?:\bnot|n't|\bnever|\bnobody|\bno\s+one)\s+(?:\w+\s+)?paying\s+attention\b|"
         r"\b(?:anyone|anybody|someone|somebody|people|whoever)\s+(?:who\s+(?:was|were|is)\s+)?"
         r"(?:actually\s+|even\s+|remotely\s+)?paying\s+attention\b|\basleep\s+at\s+the\s+"
         r"(?:wheel|switch)\b|\b(?:zoned|spaced)\s+out\b|\bdropp(?:ed|ing)\s+the\s+ball\b|"
         r"\bdrops\s+the\s+ball\b|\b(?:nobody|no\s+one|no-one|none\s+of\s+(?:us|them|you))\s+(?:even\s+)?"
         r"(?:bothered|could\s+be\s+bothered)\b"),
    Rule("blame_culprit", "blame",
         r"\bwho(?:'s|\s+is|\s+was|\s+were)?\s+(?:\w+\s+)?(?:responsible|accountable|the\s+culprit|"
         r"at\s+fault|to\s+blame)\b|\bwho\b[^.?!\n]{0,30}?\b(?:broke|caused|messed|screwed|botched)\b|"
         r"\bwho\s+(?:\w+\s+){0,2}?(?:pushed|merged|deployed|shipped|approved|wrote|committed|"
         r"introduced|made|changed|did|let)\s+(?:\w+\s+){0,2}?(?:broken|bad|faulty|buggy|wrong|"
         r"offending|breaking|busted|garbage|crappy|crap|stupid|dodgy)\b|\b(?:tell|show|find|"
         r"figure\s+out|find\s+out)\s+(?:me|us)?\s*who\b[^.?!\n]{0,40}\b(?:wrote|did|pushed|broke|"
         r"merged|changed|made|caused|approved|added|introduced|committed|shipped|removed|deleted|"
         r"disabled|authored|touched)\b|\bwhose\s+(?:\w+\s+)?idea\b|"
         r"\b(?:who|which)(?:'s|\s+is|\s+was|\s+were)?\s+(?:(?:the|our|this|that|some)\s+)?(?:(?:absolute|"
         r"total|real|resident|evil|little)\s+)?" + SARCASTIC + r"\b|\b(?:some|our\s+resident|the\s+resident)\s+"
         + SARCASTIC + r"\s+(?:\w+\s+)?(?:who|that|decided|thought|figured|merged|pushed|deployed|shipped|"
         r"approved|changed|ran|wrote|turned|disabled|deleted|removed)\b|\bwho\s+in\s+(?:their|his|her|your)\s+"
         r"right\s+mind\b|\bwho\s+(?:on\s+earth|the\s+hell|the\s+heck|in\s+the\s+world)\s+(?:\w+\s+)?"
         r"(?:thought|decided|approved|merged|pushed|deployed|shipped|wrote|did|ran|changed|let|signed)\b|"
         r"\bwho\s+(?:thought|decided)\s+(?:it|this|that)\s+(?:was|would\s+be)\s+an?\s+(?:good|great|smart|"
         r"brilliant|bright|clever|fine)\s+idea\b"
         ),
    Rule("blame_rhetorical", "blame",
         r"\bwhat\s+(?:on\s+earth\s+|the\s+hell\s+|the\s+heck\s+|in\s+the\s+world\s+)?(?:were|was|are|is)"
         r"\s+(?:you|they|he|she|u|y'?all|(?-i:[A-Z][a-z]+)|the\s+\w+(?:\s+\w+)?)\s+thinking\b|"
         r"\bwhat\s+possessed\b|\bhow\s+could\s+(?:you|he|she|they|u)\b(?!\s+(?:have\s+)?"
         r"(?:known|know|tell|see|seen|have\s+seen|guess|predict|expect))"),
    Rule("blame_vigilance", "blame",
         r"\b(?:be|being|get|stay|remain|are)\s+(?:a\s+lot\s+|much\s+|way\s+|a\s+bit\s+|even\s+)?more\s+"
         r"(?:careful|vigilant|attentive|diligent|disciplined|thorough|cautious|mindful|focused|"
         r"alert|rigorous)\b|\bpay\s+(?:more|closer|better)\s+attention\b|\b(?:careful|vigilant)\s+"
         r"next\s+time\b|\b(?:stay|stays|remain|remains|be|being|keep)\s+(?:extra\s+|very\s+|super\s+|ever\s+)?"
         r"(?:vigilant|on\s+(?:their|your|our|his|her)\s+toes)\b|\b(?:people|everyone|everybody|engineers|devs|"
         r"developers|operators|the\s+team|on-?calls?|folks|we\s+all|you\s+all|staff)\s+(?:just\s+)?(?:need\s+to|"
         r"needs\s+to|must|should|have\s+to|has\s+to|gotta|to)\s+(?:be|stay|remain)\s+(?:\w+\s+)?(?:careful|"
         r"attentive|diligent|thorough|cautious|mindful)\b|\btry(?:ing)?\s+harder\b|\bdouble-?check\s+(?:their|your|his|her|our)\s+(?:own\s+)?(?:work|changes|diffs?|configs?|commands|"
         r"PRs?|code|typing)\b"),
    Rule("blame_root_person", "blame",  # one person's act made THE explanation of the incident
         r"(?:\broot[\s-]*cause|\b(?:the|one|its)\s+(?:(?:one|single|only|sole|real|true|actual|main|primary|"
         r"underlying|ultimate|fundamental|core|basic|key|chief|principal|whole)\s+){1,2}(?:cause|culprit|"
         r"problem|issue|reason|explanation|trigger|story))(?:\s+(?:here|of\s+(?:the|this|it|our)(?:\s+\w+)?))?"
         r"\s*(?:\bis\b|\bwas\b|'s\b|:|\s-|\u2013|\u2014|=)\s*(?:(?:that|simply|just|really|basically|honestly|"
         r"ultimately)\s+)*(?P<hit>" + PERSON + r"\s+(?:\w+ly\s+)?" + _PERSON_ACT + r")\b|"
         r"\b(?:(?:all|really|ultimately|simply|just)\s+)?(?:comes?|came|boils?|boiled)\s+down\s+to\s+"
         r"(?P<hit_2>" + PERSON + r"\s+(?:not\s+|never\s+)?\w+ing)\b|\b(?:it|this|that|everything)(?:\s+was|'s|\s+is)\s+"
         r"all\s+(?:because|down\s+to|due\s+to)\s+(?:of\s+)?(?P<hit_3>" + PERSON + r"\s+(?:not\s+|never\s+)?"
         r"(?:\w+ing|" + _PERSON_ACT + r"))\b"),
    Rule("blame_neglected", "blame", r"\bneglect(?:ed|s|ing)\b"),
)
