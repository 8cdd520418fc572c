"""Rules for the ``blame`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import NEG, OTHER_PERSON, PERSON, Rule

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
_BY_PERSON = r"\b(?:" + OTHER_PERSON + r")\s+(?:\w+ly\s+|just\s+)?$"  # a person right before the span
_NAME_ONLY = OTHER_PERSON[OTHER_PERSON.index("(?!(?:We|I)"):-1]
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
         r"\b(?:screwed|messed|f\w*ked|cocked|botched)\s+(?:(?:it|this|that|the|whole|one|thing|rollout|deploy|"
         r"change|migration|config|release|upgrade)\s+){0,3}up\b|\bbotched\b|"
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
         r"(?:mistake|blunder|screw-?up|cock-?up|f\w*k-?up|doing|mess)s?\b|\bat\s+fault\b|\bfault\s+(?:lies|lay)\s+with\b|"
         r"\b(?:that|this|it|the)(?:\s+(?:one|outage|incident|mess|thing|failure|breakage|whole\s+thing))?(?:'s|\s+is|"
         r"\s+was)\s+(?:all\s+|totally\s+|squarely\s+|100%\s+|entirely\s+)?on\s+"
         r"(?:him|her|them|(?-i:[A-Z][a-z]+))\b(?!\s+(?:call|duty|shift|leave|holiday|PTO|vacation))",
         unless_before=NEG),
    Rule("blame_blame", "blame",
         r"\b(?:to\s+blame|the\s+blame|blame\s+game|(?:assign|place|put|pin|lay|shift)(?:ing|ed|s)?\s+"
         r"(?:the\s+)?blame|blam(?:e|es|ed|ing)\s+(?:him|her|them|you|me|us|someone|somebody|anyone|"
         r"people|the\s+(?:on-?call|engineer|operator|developer|dev|team|intern|new\s+hire|reviewer|ic)|"
         r"(?-i:[A-Z][a-z]+)))\b|\b(?:pin|hang)(?:ned|ning|s|ing)?\s+(?:it|this|that|the\s+\w+)(?:\s+(?:one|"
         r"outage|incident|whole\s+thing|mess))?\s+on\s+" + PERSON + r"\b|\blay(?:s|ing)?\s+(?:it|this|that)\s+"
         r"(?:squarely\s+)?at\s+(?:the\s+feet\s+of|\w+'s\s+(?:door|feet))|\bscapegoat\w*\b",
         unless_before=NEG.replace("{0,3}", "{0,5}")),
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
         r"disabled|authored|touched|deployed|ran|configured|applied|edited|rolled)\b|\bwhose\s+(?:\w+\s+)?idea\b|"
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
         r"\s+(?:you|they|he|she|u|y'?all|(?-i:[A-Z][a-z]+)|the\s+\w+(?:\s+\w+)?)\s+(?:even\s+|actually\s+|possibly\s+|"
         r"honestly\s+|really\s+)?thinking\b|\bwhat\s+(?:on\s+earth|the\s+hell|the\s+heck|in\s+the\s+world|the\s+f\w*)\s+"
         r"(?:were|was|are|is)\s+(?:you|they|he|she|u|y'?all|(?-i:[A-Z][a-z]+)|the\s+\w+(?:\s+\w+)?)\s+(?:even\s+)?doing\b|"
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
    Rule("blame_better_people", "blame",  # the fix is other people: "we need better engineers, not more process"
         r"\b(?:need|needs|needed|hire|hiring|hired|get|getting|want|wanted|having)\s+(?:some\s+)?(?:better|smarter|"
         r"more\s+competent|competent|real|proper|grown-?up|actual)\s+(?:engineers|people|devs|developers|operators|"
         r"sres|admins|staff|folks|hires|reviewers|humans)\b|\b(?:need|needs|hire|hiring|get|getting|want)(?:\s+is|\s+are)?\s+(?:people|"
         r"engineers|devs|developers|operators|folks|someone|somebody|staff)\s+who\s+(?:actually\s+|really\s+|can\s+)?"
         r"(?:know|knows|read|reads|understand|understands|test|tests|check|checks|think|thinks|care|cares|pay|pays|"
         r"can|listen|listens|follow|follows)\b",
         if_sentence=r"\b(?:better|smarter|competent|proper|actually|not\s+(?:more|another|adding|a\s+new)|instead\s+of|"
         r"rather\s+than)\b"),
    Rule("blame_took_down", "blame",  # pinning the outage on a person: "Devi took prod down", "Sam broke prod"
         r"\b(?:broke|nuked|tanked|trashed|wrecked|torched|killed|blew\s+up|took\s+down|brought\s+down|took|brought)\s+"
         r"(?:prod|production|the\s+site|everything|it\s+all|us|the\s+whole\s+(?:site|thing|platform|cluster))"
         r"(?:\s+down)?\b",
         if_before=_BY_PERSON, unless_before=r"\b(?:when|after|before|as|once|while|then)\s+" + _BY_PERSON),
    Rule("blame_remind_person", "blame",  # action items aimed at a person's vigilance: "remind Felix to double-check"
         r"\b(?:remind|tell|ask|make\s+sure|ensure|get)\s+(?:" + OTHER_PERSON + r"|everyone|everybody|people|"
         r"the\s+team)\s+(?:to\s+)?(?:always\s+|really\s+)?(?:(?:double|triple)[\s-]?checks?|be\s+(?:\w+\s+)?"
         r"(?:careful|vigilant|cautious|mindful|attentive)|pays?\s+(?:more\s+|closer\s+)?attention)\b"),
    Rule("blame_person_must", "blame",  # "Theo to be extra careful", "devs need to test their stuff properly"
         r"\b(?:to|needs?\s+to|has\s+to|have\s+to|must|should|gotta|will|'ll)\s+(?:always\s+|really\s+|just\s+)?"
         r"(?:(?:double|triple)[\s-]?check|be\s+(?:extra|more|very|super|really|way\s+more)\s+(?:careful|vigilant|"
         r"cautious|mindful|attentive)|stay\s+on\s+top\s+of|pay\s+(?:more|closer|better)\s+attention)\b|"
         r"\b(?:need\s+to|needs\s+to|must|should|have\s+to|has\s+to|gotta)\s+(?:\w+\s+){1,4}?(?:properly|"
         r"more\s+carefully|carefully|thoroughly|with\s+(?:more\s+)?care|more\s+closely)\b",
         if_before=r"\b(?:" + OTHER_PERSON + r"|everyone|everybody|people|devs|engineers|folks)\s+(?:just\s+)?$",
         unless_before=r"\b(?:asks?|prompts?|forces?|makes?|lets?|requires?|wants?)\s+(?:you|u|them|people|users|everyone|"
         r"the\s+\w+)\s+$"),
    Rule("blame_double_check_own", "blame",  # "everybody double check their yaml"
         r"\b(?:double|triple)[\s-]?check(?:s|ing)?\s+(?:their|your|his|her)\s+(?:own\s+)?[\w-]+",
         unless_before=r"\b(?:I'?ll|I\s+will|let\s+me|lemme|I'?m\s+going\s+to|we'?ll)\s+(?:\w+\s+)?$"),
    Rule("blame_attention", "blame",  # accusations about attention and effort
         r"(?:\bdid\s*n[o']?t|\bdidnt|\bdid\s+not|\bnever|\bnot)\s+even\s+(?:look|read|open|check|test|glance|review|"
         r"notice|watch|skim|think|care|ask|bother|try\s+to)\b|\b(?:were|was|are|is)\s+(?:you|u|they|he|she|y'?all|anyone|"
         r"anybody|(?-i:[A-Z][a-z]+)|the\s+[\w-]+)\s+even\s+(?:watching|looking|paying|reading|awake|there|listening|"
         r"checking|testing|around|online)\b|\b(?:did|does|do)\s+(?:you|u|they|he|she|y'?all|anyone|anybody|"
         r"(?-i:[A-Z][a-z]+)|the\s+[\w-]+)\s+even\s+(?:look|read|check|test|open|glance|review|notice|watch|bother|"
         r"think|care|try)\b|\brubber[\s-]?stamp(?:ed|ing)\b|\bhalf[\s-]?(?:asleep|awake)\b|\bon\s+autopilot\b|"
         r"(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?doing\s+(?:their|his|her|your|my|our)\s+(?:\w+\s+)?job\b"),
    Rule("blame_clearly_didnt", "blame",  # "someone clearly didn't read the diff"
         r"\b(?:clearly|obviously|evidently|apparently)\s+(?:did\s*n[o']?t|didnt|did\s+not|never|wasn'?t|weren'?t|"
         r"couldn'?t)\s+(?:\w+\s+)?(?:read|look|check|test|open|review|bother|care|think|notice|pay|listen|paying|"
         r"looking|reading|watching)\b", if_before=_BY_PERSON),
    Rule("blame_judgement", "blame",  # competence judgements in talk
         r"\b(?:this|that)(?:'s|\s+is|\s+was)\s+what\s+(?:happens|you\s+get)\s+when\s+(?:you|u|we|people|someone|"
         r"somebody|they|devs|engineers|juniors|interns|ops|nobody|no\s+one|folks|(?-i:[A-Z][a-z]+))\b|"
         r"\b(?:classic|typical)\s+(?:" + _NAME_ONLY + r")(?:'s)?(?:\s+(?:move|mistake|thing|behaviou?r|style)|(?=\s*(?:[.!]|$|"
         r"lol|lmao|smh|tbh|haha)))|\b(?:I\s+want|give\s+me|get\s+me)\s+(?:a|the|some)\s+names?(?=\s*(?:[.!?,]|$))|"
         r"\bname\s+names\b|\bhold(?:s|ing)?\s+(?:\w+\s+){1,2}?accountable\b|\b(?:be|being|get|getting)\s+held\s+"
         r"accountable\b|\bif\s+(?:you|u|they|he|she|someone|somebody|people|devs?|engineers)\s+(?:can'?t|cannot|"
         r"don'?t\s+know\s+how\s+to)\s+(?:even\s+)?\w+[^.?!\n]{0,40}\b(?:shouldn'?t|should\s+not|have\s+no\s+business|"
         r"got\s+no\s+business)\b|\b(?:needs?|has|have)\s+to\s+learn\s+(?:how\s+)?to\s+(?:read|use|write|test|check|"
         r"think|do|follow|count)\b|\b(?:should|must|needs?\s+to|ought\s+to|to|gonna|will)\s+(?:be|get)\s+(?:fired|"
         r"sacked|let\s+go|written\s+up|disciplined|punished|reprimanded|demoted)\b",
         unless_before=NEG),
    Rule("blame_ignored", "blame",  # another person's act framed as disregard
         r"\b(?:ignores|ignored|ignoring|blew\s+off|brushed\s+off|shrugged\s+off)\b", if_before=_BY_PERSON),
    Rule("blame_people_problem", "blame",  # error as the explanation, without the word "error"
         r"\b(?:people|human|personnel|skills?|competence|training)\s+(?:problem|issue|failure|thing)s?\b",
         unless_before=NEG + r"|\bnot\s+(?:just\s+)?(?:a|an)\s+$"),
)
