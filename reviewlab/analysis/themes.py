"""`find_themes`: embed a frame's texts, group them into themes, name and describe each theme."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewlab.analysis.cache import EmbeddingCache
from reviewlab.analysis.cluster import (
    CONSENSUS_CUT,
    DEFAULT_THRESHOLD,
    METHODS,
    Clustering,
    cluster_vectors,
)
from reviewlab.analysis.embed import NAMES_WEIGHT, load_model, model_key, theme_vectors
from reviewlab.analysis.errors import AnalysisError, MissingColumns
from reviewlab.analysis.facets import (
    FACET_WEIGHT,
    INCIDENT_FACETS,
    facet_features,
    facet_prototypes,
)
from reviewlab.analysis.label import keywords_per_theme, make_label, people_words
from reviewlab.analysis.names import NamesViewWarning, names_view_fits

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["APART_KINDS", "OWN_KINDS", "SIDE_KINDS", "THEME_COLUMNS", "UNTHEMED_KINDS", "ThemeResult", "default_min_size",
           "find_themes", "side_of"]

APART_KINDS = ("went_right",)
"""Kinds whose texts are clustered on their own: what helped is a different question from what contributed."""
OWN_KINDS = ("repair_item",)
"""Kinds that form themes of their own but stay in the geometry of the rest: repair items say what was
proposed, not what happened ("recurring repairs"), yet taking them out of the rest's clustering moved
the other themes (planted AMI 0.598 -> 0.562 on the sample; benchmarks/THEMES.md)."""
UNTHEMED_KINDS = ("question",)
"""Kinds that are no theme's members: a facilitator's questions share their phrasing, not a cause (the
coach scans them); on the sample they made the second most recurring theme. They stay in the geometry:
clustering without them moved the other themes (planted AMI 0.598 -> 0.539 on the sample)."""
SIDE_KINDS = {"factors": ("observation", "timeline_event", "learning"), "went_right": ("went_right",),
              "repairs": ("repair_item",)}
"""The three sides of the theme catalogue and the kinds of contribution that make each."""


def side_of(kind: str) -> str | None:
    """The catalogue side a kind of contribution belongs to, None for questions (and unknown kinds).

    Examples:
        >>> side_of("observation"), side_of("went_right"), side_of("repair_item"), side_of("question")
        ('factors', 'went_right', 'repairs', None)
    """
    return next((side for side, kinds in SIDE_KINDS.items() if kind in kinds), None)
CONTEXT_COLUMNS = ("review_id", "kind", "participant")
TIME_COLUMNS = ("incident_start", "incident_date", "event_time", "recorded_at")
"""Used when present, in this order of preference, for when a text was 'seen'."""
THEME_COLUMNS = ["theme", "label", "keywords", "size", "n_reviews", "first_seen", "last_seen",
                 "representatives", "representative_ids", "kinds"]


def default_min_size(n: int) -> int:
    """Fewest texts in a theme when not given: 3, or one in 500 texts on large archives.

    Examples:
        >>> default_min_size(190), default_min_size(10_000), default_min_size(100_000)
        (3, 20, 200)
    """
    return max(3, n // 500)


@dataclass
class ThemeResult:
    """What `find_themes` found.

    Attributes:
        assignments: indexed like the input frame: ``theme`` (int, -1 for none), ``theme_label``,
            ``similarity`` (to its theme's centre), ``seen_at`` and the context columns present
            (review_id, kind, participant).
        themes: one row per theme, largest first (columns in `THEME_COLUMNS`).
        embeddings: unit vectors of the texts, rows aligned with `assignments` (zeros for blank texts).
        model: the embedder used (to embed new text the same way).
        model_key: its cache key.
        names_weight: the weight of each text's view without names (`theme_vectors`), 0 for none.
    """

    assignments: pd.DataFrame
    themes: pd.DataFrame
    embeddings: np.ndarray = field(repr=False)
    model: Any = field(repr=False, default=None)
    model_key: str = ""
    names_weight: float = 0.0

    def __repr__(self) -> str:
        n = len(self.assignments)
        unthemed = int((self.assignments["theme"] < 0).sum()) if n else 0
        return f"ThemeResult({len(self.themes)} themes over {n} texts, {unthemed} without a theme)"

    def embed_like(self, texts: Sequence[str], *, cache: EmbeddingCache | None = None) -> np.ndarray:
        """Unit vectors of new texts, made the way this result's texts were (same model and names weight).

        Raises:
            AnalysisError: the result was made from precomputed embeddings, without a model.
        """
        if self.model is None:
            msg = "this result was made from precomputed embeddings; pass the model to find_themes to embed new text"
            raise AnalysisError(msg)
        return theme_vectors(texts, self.model, cache=cache, names_weight=self.names_weight, progress=False)

    def texts_of(self, theme: int) -> pd.DataFrame:
        """The assignment rows of one theme, most typical first."""
        rows = self.assignments[self.assignments["theme"] == theme]
        return rows.sort_values("similarity", ascending=False, kind="stable")


def _empty_themes() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype="object") for c in THEME_COLUMNS}).astype(
        {"theme": "int64", "size": "int64", "n_reviews": "int64"})


def _seen_at(frame: pd.DataFrame) -> pd.Series:
    import pandas as pd

    seen = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]")
    for column in reversed(TIME_COLUMNS):  # the preferred column wins where it has a value
        if column in frame.columns:
            values = pd.to_datetime(frame[column], utc=True, errors="coerce")
            seen = values.where(values.notna(), seen)
    return seen


def _cluster_groups(vectors: np.ndarray, kinds: np.ndarray, apart: Sequence[str], *, centre_kinds: bool,
                    unthemed: Sequence[str] = (), own: Sequence[str] = (), **options: Any) -> Clustering:
    """Cluster the texts of each `apart` kind and the rest separately; one numbering, largest first.

    The `unthemed` and `own` kinds stay in the clustering of the rest (they are part of the
    geometry: removing them moves every other text's centring) but are no theme's members there;
    groups left below min_size by that become no theme. Each `own` kind is then clustered on its own.
    """
    import numpy as np

    features = options.pop("features", None)
    masked = np.isin(kinds, [*unthemed, *own])
    groups = [(np.isin(kinds, [kind]), False) for kind in apart]
    groups.append((~np.isin(kinds, list(apart)), True))
    groups += [(np.isin(kinds, [kind]), False) for kind in own]
    groups = [(g, m) for g, m in groups if g.any()]
    if options.get("n_themes") is not None and len(groups) > 1:  # a theme count is for the whole frame
        groups = [(np.ones(len(kinds), dtype=bool), True)]
    if len(groups) == 1 and not masked.any():
        return cluster_vectors(vectors, features=features, groups=kinds if centre_kinds else None, **options)
    labels = np.full(len(vectors), -1, dtype=int)
    space = np.zeros_like(vectors)
    sizes: list[tuple[int, int, int]] = []  # (-size, first row, provisional id)
    offset = 0
    min_size = options.get("min_size", 1)
    threshold = options.get("threshold")
    for mask, drop_masked in groups:
        part = cluster_vectors(vectors[mask], features=None if features is None else features[mask],
                               groups=kinds[mask] if centre_kinds else None, **options)
        threshold = part.threshold if part.n_themes else threshold
        rows = np.flatnonzero(mask)
        if not drop_masked or not masked.any():
            space[rows] = part.space
        else:
            space[rows[~masked[rows]]] = part.space[~masked[rows]]
        kept = 0
        for t in range(part.n_themes):
            members = rows[part.labels == t]
            if drop_masked:
                members = members[~masked[members]]
                if len(members) < min_size or not len(members):
                    continue
            labels[members] = offset + kept
            sizes.append((-len(members), int(members[0]), offset + kept))
            kept += 1
        offset += kept
    rank = np.full(offset + 1, -1)
    for new, (_, _, old) in enumerate(sorted(sizes)):
        rank[old] = new
    return Clustering(rank[labels], offset, threshold, space)


def find_themes(frame: pd.DataFrame, text_column: str = "text", *, model: Any = None,
                cache: EmbeddingCache | None = None, n_themes: int | None = None, min_size: int | None = None,
                threshold: float = DEFAULT_THRESHOLD, remove_components: int = 0,
                embeddings: np.ndarray | None = None, batch_size: int = 32, progress: bool | None = None,
                top_keywords: int = 8, representatives: int = 3, random_state: int = 0,
                apart: Sequence[str] = APART_KINDS, unthemed: Sequence[str] = UNTHEMED_KINDS,
                own: Sequence[str] = OWN_KINDS, facets: Mapping[str, Sequence[str]] | None = INCIDENT_FACETS,
                facet_weight: float = FACET_WEIGHT, method: str = "linkage",
                consensus_cut: float = CONSENSUS_CUT, names_weight: float = NAMES_WEIGHT,
                centre_kinds: bool = True) -> ThemeResult:
    """Find the themes that recur across texts; deterministic for a given input.

    Arguments:
        frame: one row per text; needs `text_column`. Used when present: review_id, kind,
            participant (the participants' names are kept out of keywords and labels: a theme
            names what happened, not who was there), and incident_start / incident_date / event_time /
            recorded_at for first and last seen.
        text_column: the column of texts.
        model: None for the bundled all-MiniLM-L6-v2, a model name or folder, or any object with
            ``.encode(list_of_texts)``.
        cache: an embedding cache (a `reviewlab.Archive` or a `MemoryCache`) so each text is embedded once.
        n_themes: how many themes; None chooses automatically (see `cluster_vectors`).
        min_size: fewest texts in a theme (default `default_min_size`); smaller groups get -1.
        threshold: least mean similarity between two groups that are merged (automatic choice).
        remove_components: principal directions removed before clustering (see `debias`).
        embeddings: precomputed vectors, one row per row of `frame` (then no model is used).
        batch_size: texts per forward pass when embedding.
        progress: show progress bars; None shows them on long runs only.
        top_keywords: keywords listed per theme.
        representatives: most typical texts listed per theme.
        random_state: seed for the micro-clusters of large inputs.
        apart: kinds whose texts are clustered on their own, each kind apart (needs a ``kind`` column).
            By default went_right: what helped is a different question from what contributed, and
            mixing them lets a review's subject pull both into one theme. Ignored when n_themes is given.
        unthemed: kinds whose texts are no theme's members (theme -1). They are still embedded and
            clustered with the rest (removing them moves the other themes), then left out; a group
            left below min_size becomes no theme. By default question: questions share their
            phrasing, not a cause.
        own: kinds left out of the rest's themes like `unthemed`, then clustered on their own. By
            default repair_item: what was proposed, not what happened ("recurring repairs").
        facets: a vocabulary of incident facets (name -> short descriptions; default the general
            `reviewlab.analysis.facets.INCIDENT_FACETS`), embedded with the same model; each text's
            soft facet assignment is appended to its embedding with weight `facet_weight`, drawing
            texts of one kind of failure together. None (or facet_weight=0) clusters on the
            embedding alone. Not used with `embeddings=` and no `model`: the facets need the model.
        facet_weight: weight of the facet assignment next to the unit embedding.
        method: "linkage" (default) or "consensus": combine several cheap views (average linkage
            with and without facets at three cuts, Louvain on kNN graphs) and keep what they agree
            on (see `cluster_vectors`). An option: on the benchmarks it gains on the sample archive
            and is level on danluu (benchmarks/THEMES.md, round 3), at several times the cost.
        consensus_cut: with method="consensus", least mean share of views that agree to merge.
        names_weight: weight of each text's view without the names of people, companies, services
            and files (`reviewlab.analysis.names`), blended with the text as written
            (`reviewlab.analysis.embed.theme_vectors`), so that themes form around what happened
            rather than whose system it happened to; 0 embeds the texts as written only. Not used
            with `embeddings=`. Left out, with a `NamesViewWarning`, when the texts look like a
            language that capitalises its nouns, such as German
            (`reviewlab.analysis.names.names_view_fits`).
        centre_kinds: remove each kind's own mean direction (needs a ``kind`` column) instead of
            only the collection's: every timeline event shares its form and every learning its
            phrasing, and a theme should gather observations, events and learnings alike
            (benchmarks/THEMES.md, round 4). False centres on the collection only.

    Returns:
        A `ThemeResult` with ``.assignments`` and ``.themes``.

    Raises:
        MissingColumns: `text_column` is not in `frame`.
        AnalysisError: `embeddings` has the wrong number of rows, n_themes/min_size are not positive,
            `method` is unknown, or `names_weight` is outside 0..1.

    Examples:
        >>> import pandas as pd
        >>> from reviewlab.analysis.testing import KeywordEmbedder
        >>> frame = pd.DataFrame({"text": ["disk full on db-1", "disk full again", "the disk was full",
        ...                                "pager alert came late", "late pager alert", "alert paged late"]})
        >>> result = find_themes(frame, model=KeywordEmbedder())
        >>> result.assignments["theme"].tolist()
        [0, 0, 0, 1, 1, 1]
        >>> result.themes["label"].tolist()
        ['disk full', 'pager alert / late']
    """
    import numpy as np
    import pandas as pd

    if text_column not in frame.columns:
        msg = (f"find_themes needs a text column {text_column!r}; got columns {sorted(map(str, frame.columns))}. "
               "Pass text_column= the name of the column that holds the texts")
        raise MissingColumns(msg)
    for name, value in (("n_themes", n_themes), ("min_size", min_size)):
        if value is not None and int(value) < 1:
            msg = f"{name} must be a positive number or None; got {value!r}"
            raise AnalysisError(msg)
    if method not in METHODS:
        msg = f"method must be one of {METHODS}; got {method!r}"
        raise AnalysisError(msg)
    try:
        weight = float(names_weight)
    except (TypeError, ValueError):
        weight = float("nan")
    if not 0.0 <= weight <= 1.0:  # nan fails too
        msg = f"names_weight must be a number between 0 and 1; got {names_weight!r}"
        raise AnalysisError(msg)
    names_weight = weight
    texts = frame[text_column].fillna("").astype(str).str.strip()
    valid = (texts != "").to_numpy()
    n_valid = int(valid.sum())
    valid_texts = texts[valid].tolist()
    min_size = int(min_size) if min_size is not None else default_min_size(n_valid)

    key = ""
    if embeddings is not None:
        vectors = np.asarray(embeddings, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] != len(frame):
            msg = f"embeddings must have one row per row of the frame ({len(frame)}); got shape {vectors.shape}"
            raise AnalysisError(msg)
        vectors = vectors[valid]
        names_weight = 0.0
    elif n_valid:
        if model is None or isinstance(model, str):
            model = load_model(model)
        if names_weight > 0:
            fits, why = names_view_fits(valid_texts)
            if not fits:
                warnings.warn(f"{why}: the texts are probably not in English, so themes are found without "
                              "the names view (pass names_weight=0 to say so and silence this)",
                              NamesViewWarning, stacklevel=2)
                names_weight = 0.0
        key = model_key(model)
        vectors = theme_vectors(valid_texts, model, cache=cache, names_weight=names_weight,
                                batch_size=batch_size, progress=progress)
    else:
        vectors = np.zeros((0, 0), dtype=np.float32)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12) if len(vectors) else vectors

    features = None
    if facets and facet_weight > 0 and n_valid and model is not None:
        if isinstance(model, str):
            model = load_model(model)
        protos = facet_prototypes(model, facets, cache=cache)
        if protos.shape[1] == vectors.shape[1]:
            features = facet_features(vectors, protos)

    kinds = frame["kind"].astype(str).to_numpy()[valid] if "kind" in frame.columns else np.full(n_valid, "")
    clustering = _cluster_groups(vectors, kinds, apart, n_themes=n_themes, min_size=min_size, threshold=threshold,
                                 remove_components=remove_components, random_state=random_state,
                                 features=features, feature_weight=facet_weight, method=method,
                                 consensus_cut=consensus_cut, centre_kinds=centre_kinds, unthemed=unthemed,
                                 own=own)
    labels = np.full(len(frame), -1, dtype=int)
    labels[valid] = clustering.labels
    similarity = np.zeros(len(frame), dtype=np.float32)
    space = clustering.space
    participants = frame["participant"].dropna().unique() if "participant" in frame.columns else ()
    people = people_words(participants, valid_texts)
    keywords = keywords_per_theme(valid_texts, clustering.labels, top=top_keywords, exclude=people)
    names = {t: make_label(k) for t, k in keywords.items()}

    out = pd.DataFrame(index=frame.index)
    out["theme"] = labels
    out["theme_label"] = [names.get(t, "") for t in labels]
    seen = _seen_at(frame)
    for column in CONTEXT_COLUMNS:
        if column in frame.columns:
            out[column] = frame[column].to_numpy()
    out["seen_at"] = seen.to_numpy()

    rows = []
    positions = np.flatnonzero(valid)
    sims_valid = np.zeros(n_valid, dtype=np.float32)
    for t in range(clustering.n_themes):
        members = np.flatnonzero(clustering.labels == t)
        centre = space[members].sum(axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        sims = space[members] @ centre
        sims_valid[members] = sims
        picked, shown = [], set()
        for m in members[np.lexsort((members, -sims))]:  # most typical first, ties by position
            if valid_texts[m] not in shown:
                picked.append(m)
                shown.add(valid_texts[m])
            if len(picked) == representatives:
                break
        sub = out.iloc[positions[members]]
        rows.append({
            "theme": t, "label": names.get(t, ""), "keywords": keywords.get(t, []), "size": len(members),
            "n_reviews": int(sub["review_id"].nunique()) if "review_id" in sub else 0,
            "first_seen": sub["seen_at"].min(), "last_seen": sub["seen_at"].max(),
            "representatives": [valid_texts[m] for m in picked],
            "representative_ids": [frame.index[positions[m]] for m in picked],
            "kinds": sub["kind"].value_counts().to_dict() if "kind" in sub else {},
        })
    similarity[valid] = sims_valid
    out.insert(2, "similarity", similarity)
    themes = pd.DataFrame(rows, columns=THEME_COLUMNS) if rows else _empty_themes()
    full = np.zeros((len(frame), vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
    if n_valid:
        full[valid] = vectors
    return ThemeResult(out, themes, full, model, key, float(names_weight) if model is not None else 0.0)
