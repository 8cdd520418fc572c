"""Archive scan: how blameless are the reviews becoming? One row per review, and drill-down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewlab.coach.engine import check
from reviewlab.coach.rules import LABELS

from reviewlab.errors import MissingColumns  # noqa: F401  (re-exported by reviewlab.coach)
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import pandas as pd

NEEDED = ("contribution_id", "review_id", "review_title", "kind", "text", "incident_start")
"""Columns ``scan_frame`` and ``findings_frame`` need; ``recorded_at`` and others may be present."""

SCAN_COLUMNS = (
    "review_id", "review_title", "incident_start", "n_contributions", "n_flagged", "share_flagged",
    "n_questions", "n_questions_flagged", "share_questions_flagged", *LABELS,
)
FINDING_COLUMNS = (
    "contribution_id", "review_id", "kind", "label", "start", "end", "span", "explanation", "suggestion",
)


def _require(frame: pd.DataFrame, where: str) -> None:
    require_columns(frame, NEEDED, where, "Pass the archive's contributions frame (one row per contribution).")


def findings_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per finding in a contributions frame, for drill-down.

    Arguments:
        frame: contributions, with at least the ``NEEDED`` columns.

    Returns:
        A new frame with ``FINDING_COLUMNS``; ``span`` is the flagged wording.

    Raises:
        MissingColumns: a needed column is absent.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"contribution_id": [1], "review_id": ["r1"], "review_title": ["DNS"],
        ...     "kind": ["question"], "text": ["Why did you restart it?"], "incident_start": ["2025-01-02"]})
        >>> findings_frame(f)[["contribution_id", "label", "span"]].to_dict("records")
        [{'contribution_id': 1, 'label': 'why_question', 'span': 'Why'}]
    """
    import pandas as pd

    _require(frame, "findings_frame")
    rows = [
        (cid, rid, kind, f.label, f.start, f.end, f.text, f.explanation, f.suggestion)
        for cid, rid, kind, text in zip(frame["contribution_id"], frame["review_id"], frame["kind"],
                                        frame["text"], strict=True)
        for f in check(text)
    ]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def scan_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Share of flagged contributions and questions per review, ready for a trend chart.

    Arguments:
        frame: contributions, with at least the ``NEEDED`` columns; ``kind`` is one of
            observation, timeline_event, went_right, learning, question, repair_item.

    Returns:
        A new frame, one row per review sorted by ``incident_start``, with
        ``SCAN_COLUMNS``: counts of contributions and questions, how many are flagged,
        their shares (0 when there are none), and per label the number of
        contributions that carry it.

    Raises:
        MissingColumns: a needed column is absent.

    Examples:
        >>> import pandas as pd
        >>> f = pd.DataFrame({"contribution_id": [1, 2], "review_id": ["r1", "r1"],
        ...     "review_title": ["DNS", "DNS"], "kind": ["question", "observation"],
        ...     "text": ["Why did you restart it?", "The cache was cold."],
        ...     "incident_start": ["2025-01-02", "2025-01-02"]})
        >>> row = scan_frame(f).iloc[0]
        >>> [int(row.n_contributions), int(row.n_flagged), float(row.share_questions_flagged)]
        [2, 1, 1.0]
    """
    import pandas as pd

    _require(frame, "scan_frame")
    labels = [{f.label for f in check(text)} for text in frame["text"]]
    work = pd.DataFrame({
        "review_id": frame["review_id"].to_numpy(),
        "flagged": [bool(found) for found in labels],
        "question": (frame["kind"].astype(str) == "question").to_numpy(),
        **{label: [label in found for found in labels] for label in LABELS},
    })
    work["question_flagged"] = work["flagged"] & work["question"]
    grouped = work.groupby("review_id", sort=False)
    out = pd.DataFrame({
        "n_contributions": grouped.size(),
        "n_flagged": grouped["flagged"].sum(),
        "n_questions": grouped["question"].sum(),
        "n_questions_flagged": grouped["question_flagged"].sum(),
        **{label: grouped[label].sum() for label in LABELS},
    }).astype(int)
    first = frame.drop_duplicates("review_id").set_index("review_id")
    out["review_title"] = first["review_title"].reindex(out.index)
    out["incident_start"] = first["incident_start"].reindex(out.index)
    out["share_flagged"] = (out["n_flagged"] / out["n_contributions"]).fillna(0.0)
    out["share_questions_flagged"] = (
        out["n_questions_flagged"] / out["n_questions"].where(out["n_questions"] > 0)
    ).fillna(0.0)
    out = out.reset_index().sort_values(["incident_start", "review_id"], kind="stable", na_position="last")
    return out[list(SCAN_COLUMNS)].reset_index(drop=True)
