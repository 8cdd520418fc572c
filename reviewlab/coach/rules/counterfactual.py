"""Rules for the ``counterfactual`` label, kept as data."""

from __future__ import annotations

from reviewlab.coach.rules.base import Rule, PP, ADV, TECH_FAIL_VERBS

_EPISTEMIC = (
    r"\s+" + ADV + r"(?:been\s+(?:the|a|an|due|related|part|from|caused|triggered|linked|"
    r"connected|there|running|happening)|started|come|originated|begun|caused|contributed|"
    r"triggered|happened|played|affected|masked|hidden|interacted)\b"
)
EPISTEMIC = r"(?:have|'ve|of|coulda)" + _EPISTEMIC
"""Searched over a 'could have' span and what follows: 'could have started' is a guess about
what happened, not an unrealised alternative."""

# what may follow an elliptical "should have": the end of the clause or a short tag
_BARE_ADV = r"(?:(?:really|definitely|obviously|clearly|certainly|totally|absolutely|probably|also|at\s+least|" \
            r"honestly|still|surely|so)\s+)*"
_BARE_END = (
    r"\s*(?:$|[.!?;:,)\u2013\u2014]|\s-\s|\s+(?:too|though|tbh|imo|imho|by\s+then|by\s+now|sooner|earlier|"
    r"first|instead|anyway|either|honestly|really|lol|smh|but|and|yet|at\s+the\s+time|back\s+then|"
    r"in\s+hindsight|right|no|yes|yeah|surely)\b)"
)
COUNTERFACTUAL_RULES: tuple[Rule, ...] = (
    Rule("cf_should_have", "counterfactual",
         r"\b(?:should|ought\s+to)(?:\s*n'?t|nt|\s+not)?\s+" + ADV + r"(?:have|of|'ve)\s+" + ADV + PP
         + r"|\b(?:should(?:n'?t|nt)?|ought\s+to)'?ve\s+" + ADV + PP + r"|\bshoulda\s+\w+"),
    Rule("cf_bare_should_have", "counterfactual",  # elliptical: "They should have." "we really ought to've"
         r"\b(?:(?:should|would)(?:\s*n'?t|nt|\s+not)?|ought\s+to)\s+" + _BARE_ADV + r"(?:have|'ve)\b"
         r"|\b(?:should|would)(?:n'?t|nt)?'ve\b|\bought\s+to'?ve\b",
         unless_after=r"(?!" + _BARE_END + r")", unless_before=r"(?:\bwhat|\bwhich|\bhow\s+many)\s+(?:\w+\s+){0,3}$"),
    Rule("cf_would_have", "counterfactual",
         r"\b(?:would(?:\s*n'?t|nt|\s+not)?\s+" + ADV + r"(?:have|of)|would(?:n'?t|nt)?'?ve|woulda|"
         r"(?:I|we|you|they|he|she|it|that|there|who|someone|nobody)'d\s+" + ADV + r"have)\s+"
         + ADV + PP),
    Rule("cf_could_have", "counterfactual",
         r"\b(?P<hit>(?:could(?:\s*n'?t|nt|\s+not)?\s+" + ADV + r"(?:have|of)|could(?:n'?t|nt)?'?ve|"
         r"coulda)\s+" + ADV + PP + ")", unless_after=None, guards=("not_epistemic",)),
    Rule("cf_might_have", "counterfactual",
         r"\b(?:might|may)\s+" + ADV + r"have\s+(?:been\s+)?(?:avoided|prevented|caught|helped|"
         r"saved|stopped|spotted|noticed|averted|mitigated)\b"),
    Rule("cf_inverted", "counterfactual",  # with "could", only a person: "could the disk have filled?" is a guess
         r"\b(?:should|would)(?:n'?t)?\s+(?:you|we|they|he|she|I|anyone|someone|somebody|"
         r"anybody|u|y'?all|it|this|that|things|the\s+[\w-]+(?:\s+[\w-]+)?|our\s+[\w-]+(?:\s+[\w-]+)?|"
         r"(?-i:[A-Z][\w-]*))\s+" + ADV + r"have\s+" + ADV + PP + r"|\bcould(?:n'?t)?\s+(?:you|we|they|he|she|I|anyone|"
         r"someone|somebody|anybody|u|y'?all|the\s+(?:team|on-?call|ic|incident\s+commander|reviewer|operator|engineer|"
         r"release\s+manager|author|dba|sre|lead|support)|(?-i:[A-Z][a-z]+))\s+" + ADV + r"have\s+" + ADV + PP,
         guards=("not_epistemic",)),
    Rule("cf_if_had", "counterfactual",
         r"\bif\b(?:\s+only)?[^.?!;\n]{0,80}?\b(?:had(?:\s*n'?t|nt|\s+not)?|'d)\s+" + ADV + PP,
         unless_before=r"(?:\bas|\beven\s+as|\bask(?:ed|ing)?|\bcheck(?:ed|ing)?|\bsee|\bsaw|"
         r"\bknow|\bknew|\bwonder(?:ed|ing)?|\bsure|\bverif(?:y|ied)|\bconfirm(?:ed)?|\btell)\s+$"),
    Rule("cf_if_only", "counterfactual", r"\bif\s+only\b"),
    Rule("cf_had_inverted", "counterfactual",
         r"(?:^|[.?!;:\n]\s*)(?P<hit>had(?:n'?t)?\s+(?:we|you|they|he|she|I|someone|anyone|"
         r"the\s+\w+(?:\s+\w+){0,2}|our\s+\w+(?:\s+\w+)?|(?-i:[A-Z][a-z]+))\s+" + ADV + PP + r")"),
    Rule("cf_supposed", "counterfactual",
         r"\b(?:was|were|wasn'?t|weren'?t|was\s+not|were\s+not)\s+" + ADV
         + r"(?:supposed|meant)\s+to\b"),
    Rule("cf_fail_to", "counterfactual",
         r"\b(?:fail(?:ed|s|ing)?|failure)\s+to\s+(?!(?:" + TECH_FAIL_VERBS + r")\b)\w+"),
    Rule("cf_person_failed", "counterfactual",
         r"\b(?:we|you|they|he|she|I|someone|somebody|nobody|team|on-?call|engineers?|operators?|"
         r"reviewers?|developers?|devs?|ops|sres?|dbas?|ic|commander|manager|lead|support|"
         r"responders?|(?-i:[A-Z][a-z]+))\s+" + ADV + r"(?P<hit>failed|fails|failing)\s+to\b"),
    Rule("cf_missed", "counterfactual", r"\bmissed\b",
         unless_before=r"\b(?:a|the|any|no|those|these)\s+$",
         unless_after=r"\s+(?:\w+\s+){0,2}?(?:heartbeats?|health\s*checks?|pings?|packets?|polls?|"
         r"scrapes?|deadlines?|slots?|ticks?|calls?|the\s+(?:start|beginning|first\s+part|meeting)|"
         r"standup)\b", unless_sentence=r"\b(?:sorry|apologies|apologi[sz]e)\b"),
    Rule("cf_overlooked", "counterfactual", r"\boverlook(?:ed|s)\b"),
    Rule("cf_forgot", "counterfactual", r"\b(?:forgot|forgotten|forgets|forgetting)\b",
         unless_before=r"(?:\bnot|n't|\bnever)\s+$"),
    Rule("cf_slip", "counterfactual",
         r"\b(?:slip(?:ped|s|ping)?\s+(?:through|past|by|(?:my|his|her|their|our|your|\w+'s)\s+mind)|"
         r"fell\s+through\s+the\s+cracks|let\s+(?:\w+\s+){0,3}slip|(?:fell|fallen|dropped|slipped|went)\s+off\s+"
         r"(?:the|our|my|your|his|her|their|everyone'?s|everybody'?s|\w+'s)\s+radar|never\s+occurred\s+to)\b"),
    Rule("cf_not_remember", "counterfactual",
         r"\b(?:did\s*n[o']?t|didnt|never)\s+remember(?:ed)?\s+to\b|"
         r"\b(?:nobody|no\s+one|no-one|none\s+of\s+us)\s+(?:remembered|thought)\s+to\b"),
    Rule("cf_neglected", "counterfactual", r"\bneglect(?:ed|s|ing)\b"),
    Rule("cf_do_over", "counterfactual",  # the past replayed with another choice, in any tense
         r"\bif\s+(?:you|u|we|they|I|he|she|y'?all)\s+(?:could|got\s+to|were\s+to|had\s+to)\s+(?:\w+\s+)?"
         r"(?:redo|re-?run|replay|go\s+back|do\s+(?:it|that|this|things|(?:the|last)\s+[\w-]+)\s+(?:all\s+)?"
         r"(?:over|again))\b|\b(?:given|with|if\s+(?:you|u|we|they|I)\s+(?:had|got))\s+(?:another|a\s+second|one\s+more|"
         r"a)\s+(?:chance|go|shot|try|crack|do-?over)(?:\s+at\s+(?:it|this|that|the\s+[\w-]+))?\b|"
         r"\b(?:with|given)\s+a\s+do-?over\b|\bif\s+(?:you|u|we|they|I|he|she)\s+(?:could|got\s+to)\s+"
         r"(?:do|live)\s+(?:it|that|this|last\s+\w+)\s+(?:all\s+)?(?:over|again)\b|"
         r"\b(?:would|could|will)\s+(?:you|u|we|they|I|he|she|y'?all)\s+(?:still\s+)?(?:do|handle|approach|play)\s+"
         r"(?:\w+\s+){0,3}?different(?:ly)?\b",
         unless_sentence=r"\b(?:next\s+time|going\s+forward|in\s+(?:the\s+)?future|from\s+now\s+on|tomorrow|"
         r"next\s+(?:week|quarter|release|deploy|rollout))\b"),
    Rule("cf_differently", "counterfactual",
         r"\b(?:what|anything)\s+(?:would|could|should)\s+(?:\w+\s+){0,2}have\s+(?:been\s+)?done\s+"
         r"differently\b"),
)
