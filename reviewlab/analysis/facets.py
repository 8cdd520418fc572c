"""A small, general vocabulary of incident facets: "what kind of failure (or help) is this?".

Sentence embeddings mostly encode what a text is *about* (the service, the company, the words of
one review). Themes across incidents are rather *kinds* of failure: a configuration change, a
traffic spike, an expired certificate. Each facet below is a few plain descriptions; its
prototype is the mean of their embeddings (same model as the texts). Each text gets a soft
assignment over the facets (a softmax of its similarities, temperature 0.01: nearly its one or two
closest facets), and that short vector is appended, with a small weight, to the text's de-biased
embedding before clustering. Texts of one facet are thereby drawn a little closer together; the
embedding still decides most of the grouping (benchmarks/THEMES.md has the measurements, with
and without).

The list is general SRE / incident-review knowledge (causes, contributing factors and what
helped), written once; it is not fitted to any benchmark's labels. Pass ``facets=None`` to
`find_themes` to cluster on the embedding alone, or your own mapping of name -> descriptions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["FACET_TEMPERATURE", "FACET_WEIGHT", "INCIDENT_FACETS", "facet_features", "facet_prototypes"]

FACET_WEIGHT = 0.3
"""Weight of the facet vector next to the unit embedding (0 turns facets off)."""

FACET_TEMPERATURE = 0.01
"""Softmax temperature over cosine similarities to the facet prototypes."""

INCIDENT_FACETS: dict[str, tuple[str, ...]] = {
    "configuration": (
        "a bad configuration change was pushed",
        "a misconfigured setting or wrong config value",
        "an incorrect configuration file rolled out to servers",
    ),
    "deploy": (
        "a new software release introduced a bug",
        "a code deploy caused a regression",
        "a deployment was rolled out and had to be rolled back",
    ),
    "capacity": (
        "a traffic spike overloaded the servers",
        "the system ran out of capacity under load",
        "resource exhaustion of CPU, memory or connections",
    ),
    "hardware": (
        "a hardware failure of a server or disk",
        "faulty hardware components failed",
        "a broken machine, bad RAM or failed drive",
    ),
    "power": (
        "a power outage in the data center",
        "the generator or UPS failed during a power loss",
        "a cooling failure overheated the data center",
    ),
    "network": (
        "a network partition and packet loss",
        "a router or switch failure cut connectivity",
        "a BGP routing problem or fiber cut",
    ),
    "dns": (
        "DNS resolution failed",
        "DNS records were wrong or the name servers went down",
    ),
    "tls": (
        "an expired TLS certificate",
        "an SSL certificate problem broke connections",
    ),
    "time": (
        "a clock or time synchronization problem",
        "a leap second or date handling bug",
        "time zone, daylight saving or clock skew errors",
    ),
    "database": (
        "a database failover went wrong",
        "database replication lag or replica failure",
        "slow queries and locks overloaded the database",
    ),
    "storage": (
        "a storage system failure lost data",
        "the disk or filesystem filled up",
        "data corruption in storage",
    ),
    "dependency": (
        "a third-party provider had an outage",
        "an upstream dependency or cloud service failed",
    ),
    "security": (
        "a security breach or attack",
        "a DDoS attack flooded the service",
        "leaked credentials or access control mistakes",
    ),
    "concurrency": (
        "a race condition between concurrent processes",
        "a deadlock or lock contention",
        "two systems conflicted with each other",
    ),
    "software_bug": (
        "a software bug in the code",
        "an unhandled exception or memory leak crashed the service",
    ),
    "cascading": (
        "retries and timeouts caused a cascading failure",
        "one failure spread to other services",
    ),
    "human_error": (
        "an operator ran the wrong command by mistake",
        "a manual maintenance step went wrong",
    ),
    "detection": (
        "alerts were noisy or missing",
        "monitoring did not detect the problem",
        "dashboards showed what was happening",
    ),
    "knowledge": (
        "only one person knew how the system worked",
        "missing documentation or runbooks",
    ),
    "communication": (
        "communication with customers and status updates",
        "coordination between teams during the incident",
    ),
    "mitigation": (
        "a feature flag or rollback mitigated the problem",
        "a practised recovery procedure worked",
    ),
    "testing": (
        "the change was not tested before release",
        "a testing gap let the problem through",
    ),
}


def facet_prototypes(model: object, facets: Mapping[str, Sequence[str]], cache: object = None) -> np.ndarray:
    """(f, d) unit prototypes: the mean embedding of each facet's descriptions (embedded once, cached)."""
    import numpy as np

    from reviewlab.analysis.embed import embed

    phrases = [p for descriptions in facets.values() for p in descriptions]
    vectors = embed(phrases, model, cache=cache, progress=False)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    out, start = [], 0
    for descriptions in facets.values():
        out.append(vectors[start:start + len(descriptions)].mean(axis=0))
        start += len(descriptions)
    protos = np.asarray(out, dtype=np.float32)
    return protos / np.maximum(np.linalg.norm(protos, axis=1, keepdims=True), 1e-12)


def facet_features(vectors: np.ndarray, prototypes: np.ndarray, temperature: float = FACET_TEMPERATURE) -> np.ndarray:
    """(n, f) unit rows: each text's softmax over its cosine similarities to the facet prototypes.

    Examples:
        >>> import numpy as np
        >>> facet_features(np.eye(3)[:2], np.eye(3)).argmax(axis=1).tolist()
        [0, 1]
    """
    import numpy as np

    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    sims = x @ np.asarray(prototypes, dtype=np.float64).T
    z = np.exp((sims - sims.max(axis=1, keepdims=True)) / temperature)
    z /= z.sum(axis=1, keepdims=True)
    z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
    return z.astype(np.float32)
