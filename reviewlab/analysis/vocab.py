"""Word lists for naming what helped: tools and practices. Data, not logic: edit freely."""

from __future__ import annotations

TOOLS = frozenset("""
pagerduty opsgenie slack teams zoom grafana kibana prometheus datadog new-relic newrelic splunk sentry
honeycomb jaeger elasticsearch opensearch loki statuspage jira confluence notion github gitlab jenkins
argo argocd spinnaker terraform ansible kubectl kubernetes k9s helm vault consul nomad docker
launchdarkly unleash flagsmith cloudwatch stackdriver pgbouncer patroni psql redis-cli
""".split())
"""Tool names matched as whole words (case-insensitive)."""

PRACTICES = (
    "runbook", "playbook", "rollback", "roll back", "feature flag", "flag", "kill switch", "canary",
    "staged rollout", "dashboard", "status page", "status update", "incident channel", "war room",
    "pairing", "paired", "handover", "hand-off", "game day", "drill", "practised", "practiced",
    "checklist", "on-call", "escalation", "incident commander", "failover", "backup", "restore",
    "alert", "monitoring", "load shedding", "rate limit", "circuit breaker", "fallback", "review",
    "documentation", "wiki", "postmortem", "timeline",
)
"""Practice phrases matched as whole words (case-insensitive), longest first when listed."""
