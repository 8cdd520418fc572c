"""Impact from the archive: the recurring themes a repair item addresses and how many reviews they reach.

Themes are the archive's theme catalogue (`reviewlab.analysis.catalogue`: stable ids, the analyst's
names and merges), its contributing-factor side. For each item the analysis *proposes* themes (the
nearest theme centres); a person *confirms* the ones it really addresses, and only confirmed themes
count. A confirmation names the theme's id, so it survives re-analysis, and a merge carries it to
the theme merged into. An item's impact is the number of reviews its themes reach up to this
incident, this review included: an item that addresses nothing recurring still reaches one.
`archive_themes` and the ThemeResult forms of `propose_themes` and `theme_reach` remain for
analyses outside the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reviewlab.planning.rules import IMPACT_LEVELS, PROPOSE_MIN_SIMILARITY, PROPOSE_TOP, REPAIR_KINDS_EXCLUDED

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from reviewlab.analysis import ThemeResult
    from reviewlab.analysis.catalogue import Catalogue
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


class CatalogueCentres:
    """The centres of the catalogue's contributing-factor themes (hidden ones left out), embedded the
    way the catalogue was (same model, cached in the archive), for proposing themes to repair items.

    Arguments:
        catalogue: `load_catalogue(archive)` or `update_catalogue(archive).catalogue`.
        archive: the archive (texts and embedding cache).
        model: None for the bundled model, or the model the catalogue was updated with.
    """

    def __init__(self, catalogue: Catalogue, archive: Archive, model: Any = None) -> None:
        import numpy as np

        from reviewlab.analysis.embed import load_model

        self.catalogue = catalogue
        self.archive = archive
        self.model = load_model(model) if model is None or isinstance(model, str) else model
        self.themes = catalogue.themes("factors")
        frame = archive.contributions_frame().set_index("contribution_id")
        rows, owners = [], []
        for i, theme in enumerate(self.themes):
            present = [c for c in theme.members if c in frame.index]
            rows += present
            owners += [i] * len(present)
        vectors = self.embed(frame.loc[rows, "text"].astype(str).tolist()) if rows else np.zeros((0, 0))
        centres = np.zeros((len(self.themes), vectors.shape[1] if rows else 0), dtype=np.float32)
        if rows:
            np.add.at(centres, np.array(owners), vectors)
            centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
        self.centres = centres

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of texts, made as the catalogue's were."""
        from reviewlab.analysis.embed import theme_vectors

        return theme_vectors(texts, self.model, cache=self.archive, progress=False)


def propose_from_catalogue(centres: CatalogueCentres, items: pd.DataFrame, *, top: int = PROPOSE_TOP,
                           min_similarity: float = PROPOSE_MIN_SIMILARITY) -> pd.DataFrame:
    """Catalogue themes proposed for each repair item: the nearest theme centres, for a person to confirm.

    Returns:
        One row per proposal: item_id, theme (the theme's id), theme_label (its name, else its label),
        similarity, n_reviews; best first per item.
    """
    import numpy as np
    import pandas as pd

    from reviewlab.frames import require_columns

    require_columns(items, ("item_id", "text"), "propose_themes")
    if items.empty or not len(centres.themes):
        return pd.DataFrame(columns=PROPOSAL_COLUMNS)
    sims = centres.embed(items["text"].astype(str).tolist()) @ centres.centres.T
    rows = []
    for i, item_id in enumerate(items["item_id"]):
        for j in np.lexsort((np.arange(len(centres.themes)), -sims[i]))[:top]:
            if sims[i, j] >= min_similarity:
                t = centres.themes[j]
                rows.append({"item_id": item_id, "theme": t.id, "theme_label": t.display,
                             "similarity": round(float(sims[i, j]), 3), "n_reviews": t.n_reviews})
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


def add_impact(items: pd.DataFrame, result: Catalogue | ThemeResult | None, review_id: str,
               until: Any = None) -> pd.DataFrame:
    """Each item's impact from its confirmed themes (and those of the duplicates merged into it).

    Arguments:
        items: `repair_items_frame` (its ``themes`` hold theme ids, or labels of links not yet resolved).
        result: the archive's `Catalogue` (or, for an analysis outside it, a `ThemeResult` whose
            labels the themes name); None for no impact from themes.
        review_id: this review (always reached).
        until: only reviews seen no later than this count.

    Adds: addressed (the themes by name or label, merged duplicates' included), addressed_ids (the
    theme ids, merges followed), unmatched (confirmed themes the catalogue does not know: links
    made before it whose label named no theme), reviews_reached (int, at least 1: this review) and
    reached (review ids).
    """
    from reviewlab.analysis.catalogue import Catalogue

    if isinstance(result, Catalogue):
        return _catalogue_impact(items, result, review_id, until)
    items = items.copy()
    known = set(result.themes["label"]) if result is not None else set()
    addressed = _roots(items)
    reach, unmatched = [], []
    for item_id in items["item_id"]:
        labels = addressed[item_id]
        reviews = theme_reach(result, labels, until=until) if result is not None and labels else set()
        reach.append(sorted(reviews | {review_id}))
        unmatched.append(sorted(labels - known))
    items["addressed"] = [sorted(addressed[i]) for i in items["item_id"]]
    items["addressed_ids"] = [[] for _ in items["item_id"]]
    items["unmatched"] = unmatched
    items["reached"] = reach
    items["reviews_reached"] = [len(r) for r in reach]
    return items


def _roots(items: pd.DataFrame) -> dict[str, set[str]]:
    """Each item's confirmed themes with those of the duplicates merged into it."""
    addressed: dict[str, set[str]] = {i: set(t) for i, t in zip(items["item_id"], items["themes"], strict=True)}
    into = {i: m for i, m in zip(items["item_id"], items["merged_into"], strict=True) if isinstance(m, str)}
    for item_id in list(addressed):
        root = item_id
        while root in into and into[root] in addressed and into[root] != item_id:
            root = into[root]
        if root != item_id:
            addressed[root] |= addressed[item_id]
    return addressed


def _catalogue_impact(items: pd.DataFrame, catalogue: Catalogue, review_id: str, until: Any) -> pd.DataFrame:
    from reviewlab.errors import NotFound

    items = items.copy()
    addressed = _roots(items)
    names, ids, unmatched, reach = [], [], [], []
    for item_id in items["item_id"]:
        mine, shown, lost = set(), set(), set()
        for key in addressed[item_id]:
            try:
                theme = catalogue.get(catalogue.resolve(key))
            except NotFound:
                lost.add(key)
                continue
            mine.add(theme.id)
            shown.add(theme.display)
        reviews = catalogue.reach(mine, until=until) if mine else set()
        names.append(sorted(shown | lost))
        ids.append(sorted(mine))
        unmatched.append(sorted(lost))
        reach.append(sorted(reviews | {review_id}))
    items["addressed"] = names
    items["addressed_ids"] = ids
    items["unmatched"] = unmatched
    items["reached"] = reach
    items["reviews_reached"] = [len(r) for r in reach]
    return items
