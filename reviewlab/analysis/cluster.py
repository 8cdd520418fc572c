"""Grouping vectors into themes: de-biased cosine space, micro-clusters, average linkage, a cut.

The method, and why (benchmarks/THEMES.md has the measurements):

1. Every text of one collection shares a common direction (all are about incidents), which
   makes raw cosine similarities high and alike. We remove the collection's mean and
   renormalise, so that a cosine of 0 means "as related as two random texts of this
   collection". Removing top principal directions as well ("all-but-the-top", Mu & Viswanath
   2018) is a parameter (`remove_components`, 0 by default: it was unstable and, with few
   themes, removed the theme axis itself). With `groups` (find_themes passes each text's kind),
   each group's own mean is removed instead: every timeline event shares a form ("14:02 ..."),
   every learning a phrasing ("what I know now..."), and themes should cut across kinds.
2. Above `exact_limit` texts, spherical k-means first makes `exact_limit` micro-clusters; the
   clustering then works on their sums, so time and memory grow linearly with the texts.
3. Average linkage on cosine is exact on sums of unit vectors: the mean similarity between
   groups A and B is sum(A)·sum(B) / (|A||B|). We merge greedily, most similar pair first.
4. The cut: merging stops when the mean similarity between two groups falls below
   `threshold` (by default 0.05: clearly above chance, which is 0). Groups smaller than
   `min_size` are "no theme" (-1). With `n_themes`, the cut is the one that leaves that many
   themes of `min_size` or more instead.
5. Optional `features` (the incident facets of `facets.py`) are appended with a small weight
   to the de-biased vectors before grouping; similarities reported stay in embedding space.
6. ``method="consensus"`` (an option, not the default; benchmarks/THEMES.md, round 3): several
   cheap label-free partitions of the same micro-clusters (average linkage with and without the
   features at cuts 0 / 0.05 / 0.1; Louvain on kNN graphs, k = 5 / 8 / 10 / 15 / 20, seeds 0-2)
   are combined into a co-association ("how many views put these two together", linkage views
   weighted 0.55 and graph views 0.45), and the co-association's average-linkage tree is cut
   where the mean agreement falls below `consensus_cut` (0.5). Louvain sees micro-clusters as
   single nodes (their sizes are not weighted). Each view is a one-hot block, so
   the co-association is a dot product and the same group-sum linkage applies: still linear in n.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["METHODS", "Clustering", "cluster_vectors", "debias"]

DEFAULT_THRESHOLD = 0.05
EXACT_LIMIT = 1500
METHODS = ("linkage", "consensus")
GROUP_PRIOR = 10
"""`debias` with groups: how many texts' worth of the collection's mean each group's mean is shrunk to."""
CONSENSUS_CUT = 0.5
"""Least mean agreement (share of views, weighted) between two groups that consensus merges."""
CONSENSUS_CUTS = (0.0, 0.05, 0.1)
"""Cuts of the average-linkage views (with and without features) in the consensus."""
CONSENSUS_KNN = (5, 8, 10, 15, 20)
"""Neighbours of the kNN graphs of the Louvain views in the consensus."""
CONSENSUS_SEEDS = (0, 1, 2)
"""Seeds of each Louvain view."""
CONSENSUS_GRAPH_SHARE = 0.45
"""Weight of all Louvain views together in the co-association (the linkage views share the rest)."""


def debias(vectors: np.ndarray, remove: int = 1, groups: np.ndarray | None = None) -> np.ndarray:
    """Unit vectors with the collection's mean and top `remove` principal directions taken out.

    Arguments:
        vectors: (n, d) embeddings.
        remove: how many principal directions to remove after centring.
        groups: optional label per row; each group's own mean (shrunk towards the collection's by
            `GROUP_PRIOR` texts, so that a small group is not centred on its few members) is removed
            instead of the collection's.

    Returns:
        (n, d) float32 unit vectors (rows of zeros stay zero).

    Examples:
        >>> import numpy as np
        >>> x = np.array([[1, 0, 1.], [0, 1, 1.], [1, 0, -1.], [0, 1, -1.]] * 50)  # topics x, y; forms +z, -z
        >>> z = debias(x, 0, groups=np.array(["a", "a", "b", "b"] * 50))
        >>> z[:4].astype(float).round(2).tolist()  # the forms are nearly gone, the topics stay
        [[0.7, -0.7, 0.13], [-0.7, 0.7, 0.13], [0.7, -0.7, -0.13], [-0.7, 0.7, -0.13]]
    """
    import numpy as np

    x = np.asarray(vectors, dtype=np.float32)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    overall = x.mean(axis=0, keepdims=True)
    if groups is None:
        x = x - overall
    else:
        # each group's mean, shrunk towards the collection's by GROUP_PRIOR texts' worth: a kind
        # with hundreds of texts is centred on its own mean, a kind with two on nearly the collection's
        _, inverse = np.unique(np.asarray(groups), return_inverse=True)
        sums = _group_sums(x, inverse, int(inverse.max()) + 1)
        counts = np.bincount(inverse)[:, None]
        means = (sums + GROUP_PRIOR * overall) / (counts + GROUP_PRIOR)
        x = x - means.astype(np.float32)[inverse]
    if remove > 0 and x.shape[0] > remove + 1:
        # the d x d covariance is cheap whatever n is; eigh is deterministic
        cov = (x.T.astype(np.float64) @ x.astype(np.float64))
        _, vecs = np.linalg.eigh(cov)
        top = vecs[:, ::-1][:, :remove].astype(np.float32)
        # fix each direction's sign so results never depend on the solver's choice
        top *= np.sign(top[np.abs(top).argmax(axis=0), np.arange(remove)])
        x = x - (x @ top) @ top.T
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


@dataclass(frozen=True)
class Clustering:
    """The outcome of `cluster_vectors`: labels (-1 = no theme), ordered by theme size."""

    labels: np.ndarray
    n_themes: int
    threshold: float | None
    space: np.ndarray = field(repr=False, default=None)  # the debiased unit vectors clustered


def _nearest(x: np.ndarray, centres: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """Index of the most similar centre for each row, in chunks so memory stays small."""
    import numpy as np

    out = np.empty(x.shape[0], dtype=np.int64)
    for start in range(0, x.shape[0], chunk):
        out[start:start + chunk] = (x[start:start + chunk] @ centres.T).argmax(axis=1)
    return out


def _group_sums(x: np.ndarray, owner: np.ndarray, groups: int) -> np.ndarray:
    """Sum of the rows of each group, through a sparse one-hot product (np.add.at is slow)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    onehot = csr_matrix((np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
                        shape=(groups, len(owner)))
    return np.asarray(onehot @ x, dtype=np.float64)


def _micro(x: np.ndarray, limit: int, random_state: int, rounds: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Each text's micro-cluster (identity at or below `limit` texts) and the micro-cluster sums.

    Spherical k-means with a seeded random start and a few rounds: micro-clusters only need to
    be small and tight, not optimal, and this is several times faster than k-means++ seeding.
    """
    import numpy as np

    n = x.shape[0]
    if n <= limit:
        return np.arange(n), x.astype(np.float64)
    rng = np.random.default_rng(random_state)
    centres = x[np.sort(rng.choice(n, size=limit, replace=False))].copy()
    for _ in range(rounds):
        owner = _nearest(x, centres)
        sums = _group_sums(x, owner, limit)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-12)).astype(np.float32)
    owner = _nearest(x, centres)
    sums = _group_sums(x, owner, limit)
    used = np.unique(owner)  # drop empty micro-clusters, keep ids dense
    remap = np.full(limit, -1)
    remap[used] = np.arange(len(used))
    return remap[owner], sums[used]


def _average_linkage(sums: np.ndarray, counts: np.ndarray) -> list[tuple[int, int, float]]:
    """All merges of exact average linkage (cosine), most similar first: (kept, absorbed, similarity)."""
    import numpy as np

    m = len(counts)
    s = sums.astype(np.float64).copy()
    c = counts.astype(np.float64).copy()
    sim = (s @ s.T) / np.outer(c, c)
    np.fill_diagonal(sim, -np.inf)
    best = sim.argmax(axis=1)
    best_val = sim[np.arange(m), best]
    active = np.ones(m, dtype=bool)
    merges: list[tuple[int, int, float]] = []
    for _ in range(m - 1):
        i = int(best_val.argmax())
        j = int(best[i])
        value = float(best_val[i])
        if i > j:  # keep the lower id: merges then do not depend on which side was found first
            i, j = j, i
        merges.append((i, j, value))
        s[i] += s[j]
        c[i] += c[j]
        active[j] = False
        sim[j, :] = -np.inf
        sim[:, j] = -np.inf
        best_val[j] = -np.inf
        row = (s @ s[i]) / (c * c[i])
        row[~active] = -np.inf
        row[i] = -np.inf
        sim[i, :] = row
        sim[:, i] = row
        best[i] = int(row.argmax())
        best_val[i] = row[best[i]]
        stale = np.flatnonzero(active & ((best == i) | (best == j)))
        for k in stale[stale != i]:
            best[k] = int(sim[k].argmax())
            best_val[k] = sim[k, best[k]]
        better = active & (row > best_val)
        best[better] = i
        best_val[better] = row[better]
    return merges


def _replay(merges: list[tuple[int, int, float]], counts: np.ndarray, steps: int) -> np.ndarray:
    """The group of each micro-cluster after the first `steps` merges."""
    import numpy as np

    parent = np.arange(len(counts))
    for i, j, _ in merges[:steps]:
        parent[parent == j] = i
    return parent


def _steps_for(merges: list[tuple[int, int, float]], counts: np.ndarray, min_size: int,
               threshold: float | None, n_themes: int | None) -> int:
    """How many merges to apply: by similarity threshold, or to leave `n_themes` big groups."""
    if n_themes is None:
        return sum(1 for _, _, v in merges if v >= threshold)
    size = {k: int(v) for k, v in enumerate(counts)}
    big = sum(1 for v in size.values() if v >= min_size)
    best_step, best_gap = 0, abs(big - n_themes)
    for step, (i, j, _) in enumerate(merges, start=1):
        before = (size[i] >= min_size) + (size[j] >= min_size)
        size[i] += size.pop(j)
        big += (size[i] >= min_size) - before
        gap = abs(big - n_themes)
        if gap <= best_gap:  # the latest cut with the closest count: fewest texts left unthemed
            best_step, best_gap = step, gap
    return best_step


def _louvain(units: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Louvain communities (networkx, seeded) of the kNN graph of unit rows: an id per row."""
    import networkx as nx
    import numpy as np

    m = len(units)
    sim = units @ units.T
    np.fill_diagonal(sim, -np.inf)
    k = min(k, m - 1)
    near = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    graph = nx.Graph()
    graph.add_nodes_from(range(m))
    for i in range(m):
        for j in near[i]:
            graph.add_edge(i, int(j), weight=max(float(sim[i, j]), 0.0) + 1e-6)
    communities = nx.community.louvain_communities(graph, weight="weight", resolution=1.0, seed=seed)
    out = np.zeros(m, dtype=np.int64)
    for c, members in enumerate(sorted(communities, key=min)):
        out[sorted(members)] = c
    return out


def _consensus_merges(x_sums: np.ndarray, z_sums: np.ndarray, counts: np.ndarray,
                      min_size: int) -> list[tuple[int, int, float]]:
    """Average-linkage merges of the co-association of several label-free views of the units.

    `x_sums` / `z_sums`: per unit, the sum of its rows without / with features. Views: average
    linkage on each at `CONSENSUS_CUTS`, Louvain on kNN graphs of the unit directions (without
    features). A unit's view vector is a one-hot of its group in each view, scaled so that the dot
    product of two units is their weighted share of agreeing views (1 with itself).
    """
    import numpy as np

    m = len(counts)
    linkage_views = []
    for sums in (x_sums, z_sums):
        merges = _average_linkage(sums, counts)
        for cut in CONSENSUS_CUTS:
            linkage_views.append(_replay(merges, counts, _steps_for(merges, counts, min_size, cut, None)))
    units = x_sums / np.maximum(np.linalg.norm(x_sums, axis=1, keepdims=True), 1e-12)
    graph_views = [_louvain(units, k, seed) for k in CONSENSUS_KNN for seed in CONSENSUS_SEEDS] if m > 2 else []
    share = CONSENSUS_GRAPH_SHARE if graph_views else 0.0
    blocks = []
    for views, weight in ((linkage_views, 1.0 - share), (graph_views, share)):
        for view in views:
            _, inverse = np.unique(view, return_inverse=True)
            block = np.zeros((m, int(inverse.max()) + 1))
            block[np.arange(m), inverse] = np.sqrt(weight / len(views))
            blocks.append(block)
    vectors = np.hstack(blocks)
    return _average_linkage(vectors * counts[:, None], counts)


def cluster_vectors(vectors: np.ndarray, *, n_themes: int | None = None, min_size: int = 3,
                    threshold: float = DEFAULT_THRESHOLD, remove_components: int = 0,
                    exact_limit: int = EXACT_LIMIT, random_state: int = 0,
                    features: np.ndarray | None = None, feature_weight: float = 0.3,
                    method: str = "linkage", consensus_cut: float = CONSENSUS_CUT,
                    groups: np.ndarray | None = None) -> Clustering:
    """Group embeddings into themes; deterministic for a given input.

    Arguments:
        vectors: (n, d) embeddings, one row per text.
        n_themes: how many themes to find; None chooses by `threshold`.
        min_size: fewest texts in a theme; texts of smaller groups get -1.
        threshold: least mean cosine similarity (after `debias`) between two groups merged.
        remove_components: principal directions removed by `debias`.
        exact_limit: above this many texts, cluster micro-clusters of spherical k-means.
        random_state: seed of the micro-clusters' start.
        features: optional (n, f) unit rows appended, times `feature_weight`, to the de-biased
            vectors before grouping (the incident facets of `reviewlab.analysis.facets`); the
            returned ``space`` stays the de-biased vectors.
        feature_weight: weight of `features` next to the unit vectors.
        method: "linkage" (the default: average linkage cut at `threshold`) or "consensus"
            (average linkage of the co-association of several views, cut at `consensus_cut`;
            `threshold` is then unused; see the module docstring and benchmarks/THEMES.md).
        consensus_cut: least mean share of agreeing views between two groups merged by consensus.
        groups: optional label per row (the texts' kinds) whose own means `debias` removes.

    Returns:
        A `Clustering`: label per row (0 = biggest theme, -1 = no theme).

    Examples:
        >>> import numpy as np
        >>> rng = np.random.default_rng(0)
        >>> a, b = rng.normal(size=8), rng.normal(size=8)
        >>> x = np.vstack([a + rng.normal(0, .1, (5, 8)), b + rng.normal(0, .1, (4, 8))])
        >>> cluster_vectors(x).labels.tolist()
        [0, 0, 0, 0, 0, 1, 1, 1, 1]
    """
    import numpy as np

    if method not in METHODS:
        msg = f"method must be one of {METHODS}; got {method!r}"
        raise ValueError(msg)
    n = int(np.asarray(vectors).shape[0])
    if n < max(min_size, 2):
        return Clustering(np.full(n, -1, dtype=int), 0, None if n_themes else threshold,
                          np.zeros_like(np.asarray(vectors, dtype=np.float32)))
    x = debias(vectors, remove_components, groups)
    z = x
    if features is not None and feature_weight > 0 and np.asarray(features).shape[1]:
        z = debias(np.hstack([x, feature_weight * np.asarray(features, dtype=np.float32)]), 0)
    owner, sums = _micro(z, exact_limit, random_state)
    counts = np.bincount(owner, minlength=len(sums)).astype(float)
    if method == "consensus":
        x_sums = sums if z is x else _group_sums(x, owner, len(counts))
        merges = _consensus_merges(x_sums, sums, counts, min_size)
        threshold = consensus_cut
    else:
        merges = _average_linkage(sums, counts)
    steps = _steps_for(merges, counts, min_size, threshold, n_themes)
    group = _replay(merges, counts, steps)[owner]
    ids, inverse, sizes = np.unique(group, return_inverse=True, return_counts=True)
    keep = sizes >= min_size
    # order themes by size (largest first), ties by first appearance: stable across runs
    first = np.full(len(ids), n)
    np.minimum.at(first, inverse, np.arange(n))
    order = [k for k in sorted(range(len(ids)), key=lambda k: (-sizes[k], first[k])) if keep[k]]
    rank = np.full(len(ids), -1)
    rank[order] = np.arange(len(order))
    return Clustering(rank[inverse].astype(int), len(order), None if n_themes else threshold, x)
