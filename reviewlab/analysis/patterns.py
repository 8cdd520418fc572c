"""Patterns across reviews: recurring themes and their trend, what went right, similar reviews."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reviewlab.analysis.errors import AnalysisError, MissingColumns
from reviewlab.analysis.themes import ThemeResult, find_themes
from reviewlab.analysis.vocab import PRACTICES, TOOLS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["recurring_themes", "similar_reviews", "similar_to_text", "theme_trend", "went_right"]

RIGHT_KINDS = ("went_right", "learning")


def _need_reviews(result: ThemeResult, where: str) -> None:
    if "review_id" not in result.assignments.columns:
        msg = f"{where} needs a review_id column in the frame given to find_themes; got none"
        raise MissingColumns(msg)


def theme_trend(result: ThemeResult, freq: str = "MS") -> pd.DataFrame:
    """Contributions and reviews per theme and period (by the time each text was seen).

    Arguments:
        result: from `find_themes`.
        freq: a pandas period frequency ("MS" months, "W" weeks, "QS" quarters).

    Returns:
        Columns theme, label, period (start, UTC), contributions, reviews; texts without a time
        or a theme are left out.
    """
    import pandas as pd

    a = result.assignments
    a = a[(a["theme"] >= 0) & a["seen_at"].notna()]
    columns = ["theme", "label", "period", "contributions", "reviews"]
    if a.empty:
        return pd.DataFrame(columns=columns)
    period = a["seen_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(freq[0]).dt.start_time
    grouped = a.assign(period=period.dt.tz_localize("UTC")).groupby(["theme", "period"], sort=True)
    out = grouped.agg(contributions=("theme", "size"),
                      reviews=("review_id", "nunique") if "review_id" in a else ("theme", "size")).reset_index()
    out.insert(1, "label", out["theme"].map(result.themes.set_index("theme")["label"]))
    return out[columns]


def recurring_themes(result: ThemeResult, min_reviews: int = 2, freq: str = "MS") -> pd.DataFrame:
    """Themes found in at least `min_reviews` reviews, with their count per period and a trend.

    Arguments:
        result: from `find_themes` on a frame with review_id.
        min_reviews: fewest distinct reviews a theme must appear in.
        freq: period of the counts (see `theme_trend`).

    Returns:
        The rows of ``result.themes`` that recur, most reviews first, plus ``per_period``
        ({period: contributions}) and ``trend`` (least-squares slope of contributions per period;
        positive means growing).

    Raises:
        MissingColumns: the frame had no review_id.
    """
    import numpy as np

    _need_reviews(result, "recurring_themes")
    themes = result.themes[result.themes["n_reviews"] >= min_reviews].copy()
    trend = theme_trend(result, freq)
    per_period, slope = {}, {}
    for theme, rows in trend.groupby("theme"):
        per_period[theme] = {p.date().isoformat(): int(c) for p, c in zip(rows["period"], rows["contributions"],
                                                                         strict=True)}
        counts = rows.set_index("period")["contributions"]
        if len(counts) > 1:
            full = counts.resample(freq).sum() if hasattr(counts, "resample") else counts
            x = np.arange(len(full), dtype=float)
            slope[theme] = float(np.polyfit(x, full.to_numpy(dtype=float), 1)[0])
        else:
            slope[theme] = 0.0
    themes["per_period"] = themes["theme"].map(lambda t: per_period.get(t, {}))
    themes["trend"] = themes["theme"].map(lambda t: slope.get(t, 0.0))
    return themes.sort_values(["n_reviews", "size", "theme"], ascending=[False, False, True]).reset_index(drop=True)


def _named(texts: Sequence[str], people: Sequence[str]) -> dict[str, list[str]]:
    """Tools, practices and people named in texts, most mentioned first."""
    tools: Counter[str] = Counter()
    practices: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for text in texts:
        low = text.lower()
        words = set(re.findall(r"[a-z0-9][a-z0-9_.-]*[a-z0-9]", low))
        tools.update(w for w in words if w in TOOLS)
        practices.update(p for p in PRACTICES if re.search(rf"\b{re.escape(p)}", low))
        for person in people:
            first = person.split()[0]
            if re.search(rf"\b{re.escape(first)}\b", text):
                named[person] += 1
    return {"tools": [t for t, _ in tools.most_common()], "practices": [p for p, _ in practices.most_common()],
            "people": [p for p, _ in named.most_common()]}


def went_right(frame: pd.DataFrame, text_column: str = "text", *, kinds: Sequence[str] = RIGHT_KINDS,
               **options: Any) -> ThemeResult:
    """Themes among what went right and what was learned, with the tools, practices and people named.

    Arguments:
        frame: contributions with ``kind`` and `text_column` (participant is used for people).
        text_column: the column of texts.
        kinds: the kinds to look at.
        **options: passed to `find_themes` (model, cache, n_themes, min_size, ...).

    Returns:
        A `ThemeResult` over those contributions whose ``themes`` also has ``tools``,
        ``practices`` and ``people`` (lists, most mentioned first).

    Raises:
        MissingColumns: no ``kind`` column.
    """
    if "kind" not in frame.columns:
        msg = f"went_right needs a kind column; got columns {sorted(map(str, frame.columns))}"
        raise MissingColumns(msg)
    subset = frame[frame["kind"].isin(list(kinds))]
    options.setdefault("apart", ())  # all of these are answers to "what helped"; cluster together
    result = find_themes(subset, text_column, **options)
    people = sorted({str(p) for p in frame.get("participant", []) if isinstance(p, str) and p.strip()})
    extra = {"tools": [], "practices": [], "people": []}
    for theme in result.themes["theme"]:
        texts = subset.loc[result.assignments.index[result.assignments["theme"] == theme], text_column]
        for key, values in _named(texts.astype(str).tolist(), people).items():
            extra[key].append(values)
    for key, values in extra.items():
        result.themes[key] = values if len(result.themes) else []
    return result


def _review_vectors(result: ThemeResult) -> tuple[list[str], np.ndarray]:
    import numpy as np

    a = result.assignments
    ids = [str(r) for r in dict.fromkeys(a["review_id"].tolist())]
    position = {r: i for i, r in enumerate(ids)}
    sums = np.zeros((len(ids), result.embeddings.shape[1]), dtype=np.float64)
    np.add.at(sums, [position[str(r)] for r in a["review_id"]], result.embeddings)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return ids, (sums / np.maximum(norms, 1e-12)).astype(np.float32)


def _rank(result: ThemeResult, ids: list[str], scores: np.ndarray, top: int, exclude: str | None,
          shared_with: set[int] | None) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    a = result.assignments
    themes_of = a[a["theme"] >= 0].groupby("review_id")["theme"].agg(lambda s: set(s.tolist()))
    label = result.themes.set_index("theme")["label"].to_dict() if len(result.themes) else {}
    rows = []
    for i in np.lexsort((np.arange(len(ids)), -scores)):
        if ids[i] == exclude:
            continue
        shared = sorted(themes_of.get(ids[i], set()) & shared_with) if shared_with is not None else []
        rows.append({"review_id": ids[i], "similarity": float(scores[i]), "shared_themes": shared,
                     "shared_labels": [label.get(t, "") for t in shared]})
        if len(rows) == top:
            break
    return pd.DataFrame(rows, columns=["review_id", "similarity", "shared_themes", "shared_labels"])


def similar_reviews(result: ThemeResult, review_id: str, top: int = 5) -> pd.DataFrame:
    """Past reviews most like one review (cosine of their mean embeddings), with shared themes.

    Raises:
        AnalysisError: `review_id` is not among the analysed reviews.
    """
    _need_reviews(result, "similar_reviews")
    ids, vectors = _review_vectors(result)
    if str(review_id) not in ids:
        known = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        msg = f"no review {review_id!r} in this analysis; known ids: {known}"
        raise AnalysisError(msg)
    me = vectors[ids.index(str(review_id))]
    a = result.assignments
    mine = set(a.loc[(a["review_id"].astype(str) == str(review_id)) & (a["theme"] >= 0), "theme"].tolist())
    return _rank(result, ids, vectors @ me, top, str(review_id), mine)


def similar_to_text(result: ThemeResult, text: str, top: int = 5, *, cache: Any = None) -> pd.DataFrame:
    """Past reviews most like free text describing a new incident (embedded with the result's model).

    Each review scores the mean of its best three contributions' similarities to the text, so one
    matching observation counts even in a long review. ``best_match`` is the closest contribution.
    """
    import numpy as np

    _need_reviews(result, "similar_to_text")
    query = result.embed_like([text], cache=cache)[0]  # AnalysisError for a result without a model
    sims = result.embeddings @ query
    a = result.assignments.assign(_sim=sims, _pos=np.arange(len(sims)))
    ids = [str(r) for r in dict.fromkeys(a["review_id"].tolist())]
    scores = np.array([np.sort(a.loc[a["review_id"].astype(str) == r, "_sim"].to_numpy())[::-1][:3].mean()
                       for r in ids])
    out = _rank(result, ids, scores, top, None, None).drop(columns=["shared_themes", "shared_labels"])
    best = a.sort_values("_sim", ascending=False, kind="stable").groupby(a["review_id"].astype(str)).head(1)
    best_pos = dict(zip(best["review_id"].astype(str), best["_pos"], strict=True))
    out["best_match_index"] = [result.assignments.index[best_pos[r]] for r in out["review_id"]]
    out["best_match_theme"] = [int(result.assignments["theme"].iloc[best_pos[r]]) for r in out["review_id"]]
    return out
