"""Rewording data for suggestions: shorthand, safe edits, and templates whose grammar is safe by construction.

``suggest.py`` takes each flagged sentence through these steps:

1. ``SHORTHAND``: chat shorthand and contractions spelt out ("y did u" -> "why did you").
2. ``DELETABLE``: a flagged word that only colours the sentence is dropped where it stands
   ("obviously", minimising "just"); dropping an adverb leaves the clause as it was.
3. ``SWAPS``: a flagged noun phrase swapped for one of the same kind ("the RCA" -> "the
   incident review").
4. ``LEADS`` and ``TAGS``: fillers before and after the clause are set aside ("so um",
   "lol"); an address ("Reza,") is kept.
5. ``TEMPLATES``: the first template whose pattern matches the WHOLE remaining clause, and
   whose slots all pass their checks (``_slots.py``), gives the rewrite. A slot's kind is the
   prefix of its group name: ``subj`` a noun phrase the coach is sure of, ``vp`` a verb
   phrase starting with a known verb, ``pp`` a known participle, ``clause`` a declarative
   clause, ``thing`` a verbless phrase, ``rest`` the speaker's own words copied as typed.
   ``sv`` and ``sp`` are split into a subject and a verb phrase or predicate, and only when
   exactly one split works. Outputs name slots and filters: ``{subj:obj}`` (we -> us),
   ``{subj:poss}`` (we -> our), ``{pp:gerund}``, ``{subj:be}`` (was or were).

A template never splices words it is not sure of: when no template fits, the suggestion is
a question from the bank (``questions.toml``, ``[suggestions]``) for the label and phase.
"""

from __future__ import annotations

from reviewlab.coach.rules.base import PP

SHORTHAND: tuple[tuple[str, str], ...] = (
    (r"\by(?=\s+(?:did|didn'?t|didnt|do|does|doesn'?t|was|wasn'?t|wasnt|is|isn'?t|were|would|u|r|are|not)\b)", "why"),
    (r"\bu\b", "you"), (r"\br\b(?=\s+(?:you|we|they)\b)", "are"), (r"\bur\b", "your"),
    (r"\bwhy'?d\b", "why did"), (r"\by'd\b", "why did"), (r"\bwhats\b", "what's"),
    (r"\bwhy'?s\s+(?=(?:the|this|that|our|your|their|it|its|there)\b)", "why is "),
    (r"\b(did|was|is|were|does|do|could|would|should|had|has|have|are)nt\b", r"\1n't"),
    (r"\b(should|could|would)(?:'ve|ve|a|\s+of)\b", r"\1 have"), (r"\bought\s+to'?ve\b", "ought to have"),
    (r"\b(should|could|would)n'?t'?ve\b", r"\1n't have"),
    (r"\b(I|we|you|they|he|she|it|that|there|someone|nobody)'d\s+have\b", r"\1 would have"),
    (r"\b(I|we|you|they|he|she|someone|nobody)'d\s+(?=(?:had|been|done|gone|seen|known|kept|made|taken|run|"
     r"\w+ed)\b)", r"\1 had "),
    (r"\bwhy\s+(?:the\s+hell|the\s+heck|on\s+earth|in\s+the\s+world|tf)\b", "why"),
    (r",\s*(?:you\s+know|like|I\s+mean),\s*", " "),
    (r"\b(do|does|did|have|has)\s+(we|you|they|he|she|it)\s+even\b", r"\1 \2"),
    (r"\b(would|will)\s+(you|we|they)\s+ever\b", r"\1 \2"),
    (r"\bwhy\s+(did|would|do)\s+(you|we|they|I|he|she|(?-i:[A-Z][a-z]+))\s+(?:decide|choose|opt|elect)\s+to\b", r"why \1 \2"), (r"\b(did|do)\s+you\s+ever\b", r"\1 you"),
)

DELETABLE: frozenset[str] = frozenset({
    "just", "simply", "obviously", "clearly", "evidently", "predictably", "naturally", "plainly",
    "of course", "duh", "trivially", "easily", "unsurprisingly", "inevitably", "literally",
})
"""Flagged words dropped where they stand (hindsight adverbs); the rest of the clause is kept."""

SWAPS: tuple[tuple[str, str], ...] = (
    (r"\b(?:root[\s-]*cause\s+analysis|RCA)(s?)\b", r"incident review\1"),
    (r"\b(do|run|did|doing|ran|hold|held|in|of|with|for|try)\s+(?:(?:a|the)\s+)?(?:five|5)[\s-]*whys?"
     r"(?:\s+(?:exercise|session|analysis))?\b", r"\1 a contributing-factors review"),
    (r"\b(the|a|our)\s+(?:five|5)[\s-]*whys?(?:\s+(?:exercise|session|analysis))?\b", r"\1 contributing-factors review"),
    (r"\b(the|a|this)\s+root[\s-]*causing\b", r"\1 contributing-factors analysis"),
)
"""Noun phrases swapped for noun phrases of the same kind: the sentence stays a sentence."""

LEADS = (
    r"^(?P<drop>(?:(?:so|and|but|ok|okay|then|well|hmm+|um+|uh+|erm|seriously|also|now|right|anyway|hey|"
    r"wait|hang\s+on|tbh|ngl|like|yeah|lol|welp|dude|man|look|listen|come\s+on|I\s+mean|in\s+hindsight|in\s+retrospect|"
    r"looking\s+back|in\s+a\s+perfect\s+world|ideally|to\s+be\s+(?:fair|honest)|not\s+gonna\s+(?:lie|sugarcoat\s+it)|let'?s\s+be\s+(?:real|honest)|honestly|"
    r"quick\s+(?:question|q)|question)\b(?:\s+for\s+@?[\w-]+)?[\s,.:;!\u2013\u2014-]*|\.\.\.\s*)*)"
    r"(?P<addr>(?:@[\w.-]+|(?-i:[A-Z][a-z]+))(?:\s*[,:\u2013\u2014-]\s*|\s+(?=(?:why|how|what)\b)))?"
    r"(?P<drop2>(?:(?:so|and|but|ok|okay|um+|uh+|like|wait)\b[\s,.:;-]+)*)"
)
"""Fillers before the clause (dropped) and an address (kept): "so um", "hang on,", "Reza,", "@priya"."""

TAGS = (
    r"(?:[\s,]+(?:though|tbh|lol|lmao|smh|haha|imo|imho|honestly|ngl|fwiw|come\s+on|full\s+stop|period|"
    r"at\s+all|really|right|\?+|!+|:\)|:\(|\.\.\.))*[\s.?!]*$"
)
"""Tags after the clause, dropped: "though", "lol", "at all"."""

_OPINION = r"(?P<lead>(?:I\s+(?:think|reckon|guess|believe)|I'?d\s+say|honestly|personally|ok\s+so|so)\s+)?"
_CAUSE_NP = (
    r"(?:the|our|its|their)\s+(?:(?:one|single|only|sole|real|true|actual|main|primary|underlying|ultimate|"
    r"fundamental|core|basic|key|chief|principal|exact|biggest|deeper|deep)\s+){0,2}(?:root\s+cause|cause|culprit|"
    r"problem|issue|reason|trigger|source|explanation|crux(?:\s+of\s+(?:it|this|the\s+matter))?)"
)
_COPULA = r"(?P<cop>is|was|'s)"
_UNTIL_CLAUSE = (  # the rest of an if-clause: up to a comma or to the clause that states the outcome
    r"(?P<rest>(?:\s+(?!(?:we|it|this|that|they|you|I|he|she|there|things)\s+(?:would|could|might|wouldn't|couldn't|"
    r"won't|will|never)\b)[^\s,]+)*)(?:\s*,.*|\s+(?:we|it|this|that|they|you|I|he|she|there|things)\s+(?:would|could|"
    r"might|wouldn't|couldn't|won't|will|never)\b.*)?"
)

TEMPLATES: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    # id, labels it rewords, pattern (matched against the whole clause), output
    # ---- why ----
    ("why_you", ("why_question",), r"why\s+(?:did|would|do)\s+you\s+(?P<vp>.+)",
     "What factored into your decision to {vp}?"),
    ("why_person", ("why_question",), r"why\s+(?:did|would)\s+(?P<subj>we|they|I|he|she|(?-i:[A-Z][a-z]+))\s+(?P<vp>.+)",
     "What factored into {subj:poss} decision to {vp}?"),
    ("why_not_you", ("why_question",), r"why\s+(?:didn't|did\s+not|wouldn't|couldn't|don't)\s+you\s+(?P<vp>.+)",
     "What were you weighing when deciding whether to {vp}?"),
    ("why_nobody", ("why_question",), r"why\s+did\s+(?:nobody|no\s+one|none\s+of\s+us)\s+(?P<vp>.+)",
     "What made it hard to {vp} at the time?"),
    ("why_not_subj", ("why_question",),
     r"why\s+(?:didn't|did\s+not|doesn't|does\s+not|don't|do\s+not|wouldn't|couldn't|can't|won't)\s+(?P<sv>.+)",
     "What made it hard for {subj:obj} to {vp}?"),
    ("why_subj_did", ("why_question",), r"why\s+(?:did|do|does)\s+(?P<sv>.+)", "How did {subj} come to {vp}?"),
    ("why_would", ("why_question",), r"why\s+would\s+(?P<sv>.+)", "What could make {subj:obj} {vp}?"),
    ("why_there", ("why_question",), r"why\s+(?:is|was|are|were)\s+there\s+(?P<rest>.+)", "What led to there being {rest}?"),
    ("why_be_not", ("why_question",), r"why\s+(?:isn't|wasn't|aren't|weren't)\s+(?P<sp>.+)",
     "What led to {subj:obj} not {be_ing}{pred}?"),
    ("why_be", ("why_question",), r"why\s+(?:is|was|are|were)\s+(?P<sp>.+)", "What led to {subj:obj} {be_ing}{pred}?"),
    ("why_have", ("why_question",), r"why\s+(?:has|have|had)(?P<neg>n't|\s+not)?\s+(?P<subj>.+?)\s+(?P<pp>\S+)(?P<rest>.*)",
     "What led to {subj:obj}{neg:not} having {pp}{rest}?"),
    ("why_not", ("why_question",), r"why\s+not\s+(?P<vp>.+)",
     "What made the option to {vp} look less attractive at the time?"),
    ("why_bare", ("why_question",), r"why", "What was going on at that point?"),
    ("why_no", ("why_question",), r"why\s+no\s+(?P<rest>.+)", "How did we end up with no {rest}?"),
    ("why_thing", ("why_question",), r"why\s+(?P<thing>.+)", "What went into choosing {thing}?"),
    ("how_come", ("why_question",), r"how\s+come\s+(?P<clause>.+)", "How did it come about that {clause}?"),
    ("why_embedded", ("why_question",),
     r"(?P<frame>(?:(?:can|could|would)\s+(?:you|someone|somebody|anyone|anybody)\s+(?:explain|walk\s+(?:me|us)\s+through|"
     r"tell\s+(?:me|us)|help\s+(?:me|us)\s+understand)|does\s+(?:anyone|anybody|someone|somebody)\s+know|"
     r"(?:please\s+)?(?:explain(?:\s+to\s+(?:me|us))?|tell\s+(?:me|us)|help\s+(?:me|us)\s+understand|walk\s+(?:me|us)\s+through)|"
     r"I'?m\s+(?:\w+\s+){0,2}(?:curious|wondering|trying\s+to\s+understand)|(?:just\s+)?wondering|I\s+wonder|"
     r"I\s+(?:want|need|'d\s+like|would\s+like|'d\s+love|would\s+love)\s+to\s+(?:understand|know|hear)|"
     r"(?:still\s+)?waiting\s+(?:on\s+(?:someone|somebody|anyone)\s+)?to\s+(?:hear|know|learn|find\s+out)|"
     r"(?:still\s+)?waiting\s+on\s+(?:someone|somebody|anyone)\s+to\s+tell\s+(?:me|us)))\s+why\s+(?P<clause>.+)",
     "{frame} {how} {clause}{end}"),
    ("reason_for", ("why_question",),
     r"what(?:'s|\s+is|\s+was)\s+(?:the|your|their|his|her|our)\s+(?:reason|reasoning|rationale|justification|"
     r"motive|motivation|thinking)\s+(?:for|behind)\s+(?P<rest>.+)", "What was the context for {rest}?"),
    ("any_reason", ("why_question",),
     r"(?:(?:is|was)\s+there\s+)?(?:any|a)\s+(?:particular\s+|specific\s+|good\s+)?reason\s+(?:that\s+|why\s+)?(?P<clause>.+)",
     "What was going on when {clause}?"),
    ("explain_yourself", ("why_question",), r"(?:explain\s+yourself|justify\s+(?:it|that|this))",
     "Can you walk us through what you saw?"),
    # ---- counterfactual ----
    ("cf_what_done", ("counterfactual",),
     r"what\s+(?:should|could|would)\s+(?P<subj>.+?)\s+have\s+done(?:\s+(?:differently|different|better|instead))?(?P<rest>.*)",
     "What options did {subj} have{rest}?"),
    ("cf_should_not", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:(?:really|definitely|probably|honestly)\s+)?(?:should|could|ought\s+to)(?:n't|\s+not|\s+never)"
     r"\s+have\s+(?P<pp>\S+)(?P<rest>.*)", "How did {subj} come to {pp:base}{rest}?"),
    ("cf_should", ("counterfactual",),
     r"(?:ideally\s+)?(?!(?:literally\s+)?(?:any|every)(?:one|body)?\b)(?P<subj>.+?)\s+(?:(?:really|definitely|probably|"
     r"honestly|totally|still|also)\s+)?(?:should|could|"
     r"would|ought\s+to)\s+(?:(?:really|definitely|probably|honestly|totally|still|also)\s+)?have\s+(?!been\b|known\s+better\b)(?P<pp>\S+)"
     r"(?P<rest>(?:(?!\b(?:if|but|and\s+(?:we|it|they|then))\b)[^,])*)(?:,.*)?",
     "What kept {subj:obj} from {pp:gerund}{rest}?"),
    ("cf_modal_question", ("counterfactual",),
     r"(?:should|could|would)(?:n't)?\s+(?P<subj>we|you|they|I|he|she|someone|(?-i:[A-Z][a-z]+)|the\s+team|"
     r"the\s+on-?call|the\s+ic)\s+(?:still\s+)?have\s+(?P<pp>\S+)(?P<rest>.*)",
     "What kept {subj:obj} from {pp:gerund}{rest}?"),
    ("cf_if_had", ("counterfactual",),
     r"(?:(?!(?:what|how|why|who|which|when|where)\b).*\s)?if\s+(?:only\s+)?(?P<subj>.+?)\s+had\s+(?P<pp>" + PP + r")"
     + _UNTIL_CLAUSE,
     "What kept {subj:obj} from {pp:gerund}{rest}?"),
    ("cf_had_inverted", ("counterfactual",), r"had\s+(?P<subj>.+?)\s+(?P<pp>" + PP + r")" + _UNTIL_CLAUSE,
     "What kept {subj:obj} from {pp:gerund}{rest}?"),
    ("cf_supposed", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:was|were)\s+(?:supposed|meant)\s+to\s+(?!be\b)(?P<vp>(?:(?!\s+and\s+|\s+but\s+)[^,])+)(?:,.*|\s+(?:and|but)\s+.*)?",
     "What made it hard for {subj:obj} to {vp}?"),
    ("cf_failed", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:failed|fail|fails)\s+to\s+(?P<vp>.+)", "What made it hard for {subj:obj} to {vp}?"),
    ("cf_missed", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:totally\s+|completely\s+)?(?:missed|overlooked)\s+(?P<rest>.+?)(?:\s+(?:entirely|completely|"
     r"totally|altogether))?",
     "What made it hard for {subj:obj} to notice {rest}?"),
    ("cf_forgot", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:totally\s+|completely\s+)?(?:forgot|did\s+not\s+remember|didn't\s+remember)\s+to\s+(?P<vp>.+)",
     "What made it hard for {subj:obj} to remember to {vp}?"),
    ("cf_nobody_remembered", ("counterfactual",),
     r"(?:nobody|no\s+one|none\s+of\s+us)\s+(?:remembered|thought)\s+to\s+(?P<vp>.+)",
     "What made it hard to remember to {vp}?"),
    ("cf_got_missed", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:got|was|were)\s+(?:missed|overlooked|forgotten)(?P<rest>.*)",
     "What made {subj} hard to keep track of{rest}?"),
    ("cf_slipped", ("counterfactual",), r"(?P<subj>.+?)\s+slipped\s+(?:through|past|by)(?P<rest>.*)",
     "How did {subj} get through{rest}?"),
    ("cf_radar", ("counterfactual",),
     r"(?P<subj>.+?)\s+(?:totally\s+|completely\s+)?(?:fell|dropped|slipped|went)\s+off\s+(?:the|our|my|your|his|her|"
     r"their|everyone's|everybody's)\s+radar", "What pulled attention away from {subj}?"),
    ("cf_do_over", ("counterfactual",),
     r"(?:.*,\s*)?what\s+would\s+you\s+(?:have\s+)?(?:do|done|change|changed)\s+(?:differently|different)?.*",
     "What would help you in a similar situation next time?"),
    # ---- blame ----
    ("blame_thinking", ("blame",),
     r"what\s+(?:on\s+earth\s+|the\s+hell\s+|the\s+heck\s+)?(?:was|were)\s+(?P<subj>.+?)\s+(?:even\s+)?thinking(?:\s+.*)?",
     "What did {subj} know at the time?"),
    # ---- hindsight ----
    ("hs_all_had_to", ("hindsight",),
     r"all\s+(?:you|they|he|she|we|I|someone|anyone|it|(?-i:[A-Z][a-z]+))\s+(?:had|needed|has|have|needs|need)\s+to\s+do\s+"
     r"(?:was|is)\s+(?:to\s+)?(?P<vp>.+)", "One option was to {vp}. What made that option hard to see at the time?"),
    ("hs_only_had_to", ("hindsight",),
     r"(?:[^,]*,\s*)?(?P<subj>[^,]+?)\s+(?:only\s+|just\s+)?(?:had|needed)\s+to\s+(?P<vp>.+)",
     "One option was to {vp}. What made that option hard to see at the time?"),
    ("hs_obvious_that", ("hindsight",),
     r"(?:it's|it\s+is|it\s+was|that's|that\s+was)\s+(?:(?:pretty|so|very|super|really|quite|totally|painfully|blindingly|"
     r"crystal)\s+)?(?:obvious|clear|plain)\s+(?:in\s+hindsight\s+|now\s+)?(?:that\s+)?(?P<clause>.+)",
     "How visible was it at the time that {clause}?"),
    ("hs_right_there", ("hindsight",),
     r"(?P<subj>.+?)\s+(?:was|were|is|are)\s+(?:all\s+)?right\s+there\s+(?P<prep>in|on)\s+(?P<np>.+)",
     "How visible {subj:be} {subj} {prep} {np} at the time?"),
    # ---- root cause ----
    ("rc_what_cause", ("root_cause",),
     r"what(?:'s|\s+is|\s+was)\s+" + _CAUSE_NP + r"(?P<rest>(?:\s+here)?(?:,.*)?)", "What were the contributing factors{rest}?"),
    ("rc_cause_is", ("root_cause",),
     _OPINION + r"(?:" + _CAUSE_NP + r"|(?:main|real|true|root|primary)\s+(?:cause|culprit|problem|issue|reason))"
     r"(?:\s+here|\s+(?:that\s+|why\s+)?(?:it|this|we|things|everything|prod|the\s+[\w-]+)\s+(?:went\s+down|broke|"
     r"failed|happened|crashed|fell\s+over|died|went\s+wrong))?(?:\s+" + _COPULA + r"|\s*:)\s+(?P<cause>.+)",
     "{lead} one contributing factor {cop:is} {cause}. What else contributed?"),
    ("rc_comes_down", ("root_cause",),
     _OPINION + r"(?:it|this|that|everything|the\s+(?:whole\s+)?(?:thing|incident|outage|issue|problem|failure|mess))"
     r"(?:\s+all|\s+really|\s+ultimately|\s+just)?\s+(?:boils|boiled|comes|came|traces|traced|goes|went|leads|led)\s+"
     r"(?:down|back)\s+to\s+(?P<cause>.+)", "{lead} one factor was {cause}. What else contributed?"),
)
"""Rewrites, tried in order; the first whose whole pattern and every slot fit wins."""
