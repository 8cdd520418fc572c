"""Impact from the archive: the recurring themes a repair item addresses and how many reviews they reach.

Themes come from `reviewlab.analysis.find_themes` over the archive. For each item the analysis
*proposes* themes (the nearest theme centres); a person *confirms* the ones it really addresses,
and only confirmed themes count. An item's impact is the number of reviews its themes reach up to
this incident, this review included: an item that addresses nothing recurring still reaches one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reviewlab.planning.rules import IMPACT_LEVELS, PROPOSE_MIN_SIMILARITY, PROPOSE_TOP, REPAIR_KINDS_EXCLUDED

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from reviewlab.analysis import ThemeResult
    from reviewlab.archive import Archive

PROPOSAL_COLUMNS = ["item_id", "theme", "theme_label", "similarity", "n_reviews"]


def archive_themes(archive: Archive, *, model: Any = None, held_only: bool = True, **options: Any) -> ThemeResult:
    """Themes across the archive (private interview notes left out), embeddings cached in it.

    The result is indexed by contribution id, so an item's theme is ``result.assignments.loc[item_id]``.

    Arguments:
        archive: the archive (also the embedding cache).
        model: None for the bundled all-MiniLM-L6-v2, or any object with ``.encode(texts)``.
        held_only: only reviews whose meeting was held (meeting_held, planning_done): a review still
            being prepared or run is not yet what was said, and should not move the themes.
        **options: passed to `find_themes` (min_size, threshold, ...).
    """
    from reviewlab.analysis import find_themes

    frame = archive.contributions_frame()
    keep = ~frame["private"]
    if held_only:
        keep &= frame["review_status"].isin(["meeting_held", "planning_done"])
    frame = frame[keep].set_index("contribution_id", drop=False)
    options.setdefault("progress", False)
    return find_themes(frame, model=model, cache=archive, **options)


def repair_themes(result: ThemeResult) -> pd.DataFrame:
    """The themes a repair can address: contributing factors, not patterns of what went right.

    Leaves out themes made mostly of went_right texts (`REPAIR_KINDS_EXCLUDED`) and themes made
    mostly of repair items themselves (those say what was proposed, not what happened).
    """
    themes = result.themes

    def addressable(kinds: Any) -> bool:
        if not isinstance(kinds, dict) or not kinds:
            return True
        total = sum(kinds.values())
        other = sum(n for k, n in kinds.items() if k in (*REPAIR_KINDS_EXCLUDED, "repair_item"))
        return other * 2 < total

    return themes[themes["kinds"].map(addressable)].reset_index(drop=True)


def _centres(result: ThemeResult, themes: Iterable[int]) -> tuple[list[int], np.ndarray]:
    import numpy as np

    a = result.assignments
    kinds = a["kind"].astype(str).to_numpy() if "kind" in a else np.full(len(a), "")
    ids, rows = [], []
    for t in themes:
        members = (a["theme"].to_numpy() == t) & (kinds != "repair_item")
        if not members.any():
            continue
        centre = result.embeddings[members].sum(axis=0)
        rows.append(centre / max(float(np.linalg.norm(centre)), 1e-12))
        ids.append(int(t))
    dim = result.embeddings.shape[1] if result.embeddings.ndim == 2 else 0
    return ids, np.array(rows, dtype=np.float32).reshape(len(rows), dim)


def _item_vectors(result: ThemeResult, items: pd.DataFrame, cache: Any) -> np.ndarray:
    import numpy as np

    index = {key: i for i, key in enumerate(result.assignments.index)}
    out = np.zeros((len(items), result.embeddings.shape[1]), dtype=np.float32)
    missing = [i for i, item_id in enumerate(items["item_id"]) if item_id not in index]
    for i, item_id in enumerate(items["item_id"]):
        if item_id in index:
            out[i] = result.embeddings[index[item_id]]
    if missing and result.model is not None:  # items added since the analysis: embed them the same way
        out[missing] = result.embed_like([str(items["text"].iloc[i]) for i in missing], cache=cache)
    return out


def propose_themes(result: ThemeResult, items: pd.DataFrame, *, cache: Any = None, top: int = PROPOSE_TOP,
                   min_similarity: float = PROPOSE_MIN_SIMILARITY) -> pd.DataFrame:
    """Themes the analysis proposes for each repair item: the nearest theme centres, for a person to confirm.

    Arguments:
        result: `archive_themes` (or `find_themes` on a frame indexed by contribution id).
        items: needs item_id and text (`repair_items_frame`).
        cache: embedding cache for items added after the analysis (they are embedded with its model).
        top: themes proposed per item, at most.
        min_similarity: least cosine similarity to a theme's centre.

    Returns:
        One row per proposal: item_id, theme, theme_label, similarity, n_reviews; best first per item.
    """
    import numpy as np
    import pandas as pd

    from reviewlab.frames import require_columns

    require_columns(items, ("item_id", "text"), "propose_themes")
    themes = repair_themes(result)
    ids, centres = _centres(result, themes["theme"])
    if items.empty or not ids:
        return pd.DataFrame(columns=PROPOSAL_COLUMNS)
    sims = _item_vectors(result, items, cache) @ centres.T
    info = themes.set_index("theme")
    rows = []
    for i, item_id in enumerate(items["item_id"]):
        for j in np.lexsort((np.arange(len(ids)), -sims[i]))[:top]:
            if sims[i, j] >= min_similarity:
                t = ids[j]
                rows.append({"item_id": item_id, "theme": t, "theme_label": info.at[t, "label"],
                             "similarity": round(float(sims[i, j]), 3), "n_reviews": int(info.at[t, "n_reviews"])})
    return pd.DataFrame(rows, columns=PROPOSAL_COLUMNS)


def theme_reach(result: ThemeResult, labels: Iterable[str], *, until: Any = None) -> set[str]:
    """The reviews in which any of these themes appears, seen no later than `until` (all when None)."""
    import pandas as pd

    a = result.assignments
    wanted = set(labels)
    rows = a[(a["theme"] >= 0) & a["theme_label"].isin(wanted)]
    if until is not None:
        rows = rows[rows["seen_at"].isna() | (rows["seen_at"] <= pd.Timestamp(until))]
    return {str(r) for r in rows["review_id"]}


def impact_level(reviews_reached: int) -> str:
    """The plan's impact level for a number of reviews reached (`IMPACT_LEVELS`).

    Examples:
        >>> impact_level(1), impact_level(3), impact_level(9)
        ('low', 'medium', 'high')
    """
    return next(level for least, level in IMPACT_LEVELS if reviews_reached >= least)


def add_impact(items: pd.DataFrame, result: ThemeResult | None, review_id: str, until: Any = None) -> pd.DataFrame:
    """Each item's impact from its confirmed themes (and those of the duplicates merged into it).

    Adds: addressed (confirmed labels, merged duplicates' included), unmatched (confirmed labels the
    analysis no longer finds), reviews_reached (int, at least 1: this review) and reached (review ids).
    """
    items = items.copy()
    known = set(result.themes["label"]) if result is not None else set()
    addressed: dict[str, set[str]] = {i: set(t) for i, t in zip(items["item_id"], items["themes"], strict=True)}
    into = {i: m for i, m in zip(items["item_id"], items["merged_into"], strict=True) if isinstance(m, str)}
    for item_id in list(addressed):
        root = item_id
        while root in into and into[root] in addressed and into[root] != item_id:
            root = into[root]
        if root != item_id:
            addressed[root] |= addressed[item_id]
    reach, unmatched = [], []
    for item_id in items["item_id"]:
        labels = addressed[item_id]
        reviews = theme_reach(result, labels, until=until) if result is not None and labels else set()
        reach.append(sorted(reviews | {review_id}))
        unmatched.append(sorted(labels - known))
    items["addressed"] = [sorted(addressed[i]) for i in items["item_id"]]
    items["unmatched"] = unmatched
    items["reached"] = reach
    items["reviews_reached"] = [len(r) for r in reach]
    return items
