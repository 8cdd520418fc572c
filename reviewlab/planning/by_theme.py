"""Across the archive: repair items by recurring theme and their status, so an analyst sees what was done.

Confirmed themes (a person said the item addresses them) count first; for items nobody has linked
yet, the analysis's best proposal can stand in, marked "proposed".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.model import Kind

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.analysis import ThemeResult
    from reviewlab.analysis.catalogue import Catalogue
    from reviewlab.archive import Archive

STATUSES = ["not_planned", "open", "in_progress", "done", "dropped"]
LONG_COLUMNS = ["theme_label", "item_id", "review_id", "text", "status", "source", "theme_id"]


def repair_items_by_theme(archive: Archive, result: Catalogue | ThemeResult | None = None, *,
                          proposed: bool = True, model: object = None) -> pd.DataFrame:
    """One row per (theme, repair item) across the archive, with the item's status.

    Arguments:
        archive: the archive.
        result: the archive's theme `Catalogue` (or a `ThemeResult` of `archive_themes`); needed for proposals.
        proposed: for items with no confirmed theme, use the analysis's best proposal (source "proposed").
        model: with a Catalogue, the model it was updated with (for proposals; None: the bundled one).

    Returns:
        Columns theme_label (with a Catalogue: the theme's name, else its label, merges followed),
        item_id, review_id, text, status ("not_planned" until planned), source ("confirmed" or
        "proposed"), theme_id (None for a ThemeResult, or a link made before the catalogue that names
        no theme). Duplicates merged into another item and private notes are left out.
    """
    import pandas as pd

    from reviewlab.analysis.catalogue import Catalogue
    from reviewlab.errors import NotFound
    from reviewlab.planning.impact import CatalogueCentres, propose_from_catalogue, propose_themes

    plans = {p.item_id: p for p in archive.plans()}
    items = [c for c in archive.contributions(kind=Kind.REPAIR_ITEM.value)
             if not c.private and not (c.id in plans and plans[c.id].merged_into)]
    by_id = {c.id: c for c in items}
    rows = []
    linked = set()
    catalogue = result if isinstance(result, Catalogue) else None
    for link in archive.item_themes():
        if link.item_id in by_id:
            linked.add(link.item_id)
            label, theme_id = link.theme_label, None
            if catalogue is not None and link.theme_id is not None:
                try:
                    theme_id = catalogue.resolve(link.theme_id)
                    label = catalogue.get(theme_id).display
                except NotFound:
                    theme_id = None
            rows.append((label, link.item_id, "confirmed", theme_id))
    if proposed and result is not None:
        rest = [c for c in items if c.id not in linked]
        frame = pd.DataFrame({"item_id": [c.id for c in rest], "text": [c.text for c in rest]})
        if catalogue is not None:
            best = propose_from_catalogue(CatalogueCentres(catalogue, archive, model), frame, top=1)
            keys = best["theme"]
        else:
            best = propose_themes(result, frame, cache=archive, top=1)
            keys = [None] * len(best)
        rows += [(label, item_id, "proposed", key)
                 for label, item_id, key in zip(best["theme_label"], best["item_id"], keys, strict=True)]
    out = [{"theme_label": label, "item_id": item_id, "review_id": by_id[item_id].review_id,
            "text": by_id[item_id].text,
            "status": plans[item_id].status.value if item_id in plans else "not_planned", "source": source,
            "theme_id": theme_id}
           for label, item_id, source, theme_id in rows]
    return pd.DataFrame(out, columns=LONG_COLUMNS)


def status_by_theme(by_theme: pd.DataFrame, result: Catalogue | ThemeResult | None = None) -> pd.DataFrame:
    """Per theme: how many repair items address it and how far they have got.

    Arguments:
        by_theme: from `repair_items_by_theme`.
        result: the analysis, for the number of reviews each theme appears in.

    Returns:
        One row per theme: theme_label, n_reviews (0 when unknown), items, one column per status
        (not_planned, open, in_progress, done, dropped), done_share (done / items not dropped),
        confirmed and proposed counts; themes reaching most reviews first.
    """
    import pandas as pd

    if by_theme.empty:
        return pd.DataFrame(columns=["theme_label", "n_reviews", "items", *STATUSES, "done_share",
                                     "confirmed", "proposed"])
    counts = pd.crosstab(by_theme["theme_label"], by_theme["status"]).reindex(columns=STATUSES, fill_value=0)
    source = pd.crosstab(by_theme["theme_label"], by_theme["source"]).reindex(columns=["confirmed", "proposed"],
                                                                              fill_value=0)
    out = counts.join(source)
    out.insert(0, "items", counts.sum(axis=1))
    live = (out["items"] - out["dropped"]).clip(lower=1)
    out.insert(len(STATUSES) + 1, "done_share", (out["done"] / live).round(2))
    from reviewlab.analysis.catalogue import Catalogue

    if isinstance(result, Catalogue):
        reviews = pd.Series({t.display: t.n_reviews for t in result.themes("factors", include_hidden=True)},
                            dtype="int64")
    else:
        reviews = (result.themes.drop_duplicates("label").set_index("label")["n_reviews"]
                   if result is not None and len(result.themes) else pd.Series(dtype="int64"))
    out.insert(0, "n_reviews", out.index.map(lambda label: int(reviews.get(label, 0))))
    out = out.reset_index().rename(columns={"index": "theme_label"})
    out.columns.name = None
    return out.sort_values(["n_reviews", "items", "theme_label"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)
