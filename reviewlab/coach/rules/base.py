"""Shared pieces of the coach rules: the Rule record, labels, explanations, regex fragments.
"""

from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = ("why_question", "counterfactual", "blame", "hindsight", "root_cause")

EXPLANATIONS: dict[str, str] = {
    "why_question": "A 'why' asks people to justify themselves: it puts them on the defensive "
    "and reads as judgement. Ask 'how' or 'what' to get the context instead.",
    "counterfactual": "This measures the past against what should or could have happened. "
    "It hides what the situation looked like to people at the time.",
    "blame": "This judges or singles out a person. People stop sharing details when they "
    "expect blame; look at the conditions, tools and workload around them instead.",
    "hindsight": "This claims, from today's vantage point, that it was obvious or easy. "
    "It was not at the time, and the wording makes people feel judged.",
    "root_cause": "This assumes one cause. Incidents in complex systems have several "
    "contributing factors, and the search for one stops the learning early.",
}


@dataclass(frozen=True)
class Rule:
    """One pattern that flags one label.

    Examples:
        >>> Rule("rc_rca", "root_cause", r"\\bRCA\\b").label
        'root_cause'
    """

    id: str
    label: str
    pattern: str
    unless_before: str | None = None
    unless_after: str | None = None
    unless_sentence: str | None = None
    guards: tuple[str, ...] = ()
    if_sentence: str | None = None
    if_before: str | None = None


# Shared fragments ------------------------------------------------------------------
PP = (  # past participles: regular -ed and the common irregular ones
    r"(?:\w+ed|been|known|seen|done|gone|had|caught|run|made|taken|given|written|broken|"
    r"thought|brought|built|sent|spent|set|put|let|cut|shut|hit|read|found|held|kept|left|"
    r"lost|met|paid|said|told|understood|begun|chosen|driven|fallen|forgotten|gotten|got|"
    r"grown|hidden|shown|spoken|stood|thrown|led|fed|spun|come|become|dealt|meant|heard|"
    r"felt|won|frozen|woken|withdrawn|overridden|rewritten|rebuilt|rerun|reset|undone|"
    r"split|spread|sought|taught|stuck|torn|slept|fought|bound|hung|drawn|proven)\b"
)
ADV = (
    r"(?:(?:not|never|just|simply|really|definitely|probably|certainly|easily|already|also|"
    r"at\s+least|maybe|perhaps|totally|obviously|clearly|actually|honestly|even|ever|still|"
    r"at\s+the\s+very\s+least|at\s+some\s+point)\s+)*"
)
NEG = r"(?:\bnot|\bno|\bnever|\bwithout|n't|\bnobody|\bnor|\bhardly)(?:\s+\S+){0,3}\s*$"
NEG_NEAR = (  # negation directly before a word: "wasn't obvious", "not at all clear"
    r"(?:\bnot|n't|\bnever|\bhardly|\bnothing|\bno)\s+(?:(?:at\s+all|immediately|particularly|very|"
    r"that|so|really|entirely|exactly|all\s+that|remotely|necessarily|always|initially|yet|quite|"
    r"super|terribly|especially)\s+)*$"
)
CLAUSE_START = (
    r"(?:^|[.?!;:(\n]|\s[-\u2013\u2014]\s|,)\s*"
    r"(?:(?:so|and|but|ok|okay|then|well|hmm+|um+|uh+|honestly|seriously|also|now|again|"
    r"right|anyway|sorry|wait|yeah|yes|no|hey|like|just|really|genuinely)\W+)*"
    # a chat or spoken address before the question: "@priya why ...", "Rui why'd you ...", "Anya - why ..."
    r"(?:(?:@[\w.-]+|(?!(?:That|This|Which|Here|Explains|Reason|Unclear|Exactly|Not|No|Idk|Dunno|Wondering|"
    r"Asking|Ask|Knowing|Know|Guess|Understand|See|Figure|Clarify|Document|Note|Record|The|A|An|Our|Its|Their|"
    r"Your|My|His|Her|Some|Any|Every|Each|Whatever)\b)(?-i:[A-Z][a-z]+))"
    r"\s*[,:\u2013\u2014-]?\s+)?"
)
OTHER_PERSON = (  # someone other than the speaker's own "we" or "I": a name, a role, a pronoun
    r"(?:(?:the\s+)?(?:on-?call(?:\s+engineer)?|engineer|operator|developer|dev|intern|new\s+(?:hire|guy|girl|person)|"
    r"reviewer|ic|incident\s+commander|dba|sre|release\s+manager|author|deployer|junior|contractor)|someone|somebody|"
    r"he|she|they|you|u|(?:the\s+)?(?:\w+\s+)?team|qa|ops|(?!(?:We|I)\b)" + "{name})"
)
PERSON = (
    r"(?:the\s+)?(?:on-?call(?:\s+engineer)?|engineer|operator|developer|dev|intern|"
    r"new\s+hire|reviewer|ic|incident\s+commander|dba|sre|release\s+manager|author|"
    r"deployer|someone|somebody|he|she|they|we|I|you|team|(?!" + r"(?:" + r"|".join((
        # capitalised names of software and vendors, which are not people
        "Redis", "Kafka", "Postgres", "Mysql", "Mongo", "Nginx", "Envoy", "Istio", "Consul", "Vault", "Terraform",
        "Ansible", "Jenkins", "Helm", "Grafana", "Prometheus", "Kubernetes", "Docker", "Linux", "Java", "Python",
        "Node", "Cloudflare", "Akamai", "Fastly", "Google", "Amazon", "Azure", "Github", "Gitlab", "Slack",
        "Pagerduty", "Opsgenie", "Datadog", "Splunk", "Sentry", "Elastic", "Elasticsearch", "Cassandra",
        "Zookeeper", "Etcd", "Memcached", "Rabbit", "Celery", "Airflow", "Spark", "Lambda", "Chrome", "Ubuntu",
        "Debian", "Argo", "Spinnaker", "Bazel", "Gradle", "Maven", "Django", "Rails", "Spring", "Haproxy",
        "Traefik", "Apache", "Tomcat", "Varnish", "Okta", "Stripe", "Twilio", "Heroku", "Nomad", "Puppet",
        "Chef", "Calico", "Cilium", "Karpenter", "Ceph", "Vitess", "Patroni", "Pgbouncer", "Sidekiq", "Flink",
        "This", "That", "There", "Then", "Everything", "Nothing", "Our", "Their", "One", "Something",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Prod",
        "Production", "Staging", "Canary",
    )) + r")\b)(?-i:[A-Z][a-z]+(?<!The)(?<!It)))"
)
NAME = PERSON[PERSON.index("(?!(?:Redis"):-1]  # a capitalised name that is not software, a day or a month
OTHER_PERSON = OTHER_PERSON.replace("{name}", NAME)
TECH_FAIL_VERBS = (
    r"connect|reach|start|load|resolve|parse|bind|authenticate|respond|complete|acquire|"
    r"allocate|open|read|write|mount|boot|compile|build|install|fetch|pull|download|upload|"
    r"sync|register|initiali[sz]e|launch|spawn|come\s+up|establish|obtain|send|receive|"
    r"renew|refresh|apply|execute|run|finish|converge|schedule|provision|attach|detach|"
    r"serialize|deserialize|decode|encode|lock|unlock|elect|join|drain|terminate|stop|"
    r"restart|deploy|roll\s+out|propagate|replicate|create|delete|save|flush|commit|"
    r"return|produce|consume|publish|subscribe|listen|negotiate|decrypt|encrypt|sign|"
    r"bootstrap|match|locate|map|spin\s+up|scale|resize|persist|shut\s+down|exit|close|"
    r"keep\s+up|heal|recover|stabili[sz]e|answer|page|notify|deliver|emit|scrape|export|ingest"
)
WHY_REQUEST = (  # frames that turn an embedded "why" into a request aimed at people
    r"(?:\b(?:can|could|would|will|do|does|did)\s+(?:you|u|someone|somebody|anyone|anybody|"
    r"we|y'?all|everyone|you\s+all|you\s+guys|either\s+of\s+you)\b|\bhelp\s+(?:me|us)\b|"
    r"\bI'?d\s+(?:like|love|want)\b|\bI\s+(?:want|need)\b|\bI'?m\s+(?:curious|wondering|"
    r"trying\s+to|keen)\b|\bI\s+wonder\b|\bcurious\b|\bany\s+(?:idea|thoughts|clue)s?\b|"
    r"(?:^|[.?!;:\n]\s*|,\s*)(?:(?:just|was|I\s+was)\s+)?wondering\b|"
    r"\bkeen\s+to\s+(?:know|understand|hear)\b|\b(?:would|'d)\s+(?:like|love)\s+to\s+(?:know|understand|hear)\b|"
    r"(?:^|[.?!;:\n]\s*)(?:please\s+)?(?:explain|tell|walk|remind|say)\b|"
    r"\b(?:tell|explain\s+to|show)\s+(?:me|us)\b|\bwaiting\s+(?:on\s+\w+\s+|for\s+\w+\s+)?to\s+(?:hear|know|learn|"
    r"find\s+out|understand)\b|\b(?:want|need|like|love)\s+to\s+(?:know|hear|understand|find\s+out|learn)\b|"
    r"\btrying\s+to\s+(?:understand|figure\s+out|work\s+out|find\s+out)\b)"
)

# Speakers adopt a quotation with these frames; adopted quotes are not masked.
ADOPTION_BEFORE = (
    r"(?:\bI\s+(?:fully\s+|totally\s+|completely\s+)?agree\b|\bagreed?\s+with\b|\+1\b|"
    r"\bexactly\s+(?:as|what|like)\b|\bas\s+\w+\s+(?:said|put\s+it|wrote)\b|\b\w+\s+was\s+"
    r"right\b|\blike\s+\w+\s+said\b|\bI\s+stand\s+by\b|\bI'?d\s+say\b|\bnailed\s+it\b)"
    r"[^.?!\n]{0,60}$"
)
ADOPTION_AFTER = r"\s*[-\u2013\u2014,.]?\s*(?:I\s+agree|exactly|agreed|that'?s\s+right|spot\s+on|\+1|100%)"
