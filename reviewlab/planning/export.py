"""The repair plan as Markdown (for people) and CSV (for trackers and spreadsheets)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlab.exports import safe_csv
from reviewlab.frames import require_columns
from reviewlab.planning.rules import PLAN_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

CSV_COLUMNS = ["rank", "item_id", "text", "participant", "effort", "impact", "reviews_reached", "score", "themes",
               "owner", "due", "status", "merged_into", "note"]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def _plain(value: Any) -> str:
    import pandas as pd

    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _status(row: Any) -> str:
    if isinstance(row.get("merged_into"), str) and row.get("merged_into"):
        return f"merged into {row['merged_into']}"
    return str(row.get("status", "")).replace("_", " ")


def plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan as people read it: headings of `PLAN_COLUMNS`, lists joined, merged items said so."""
    import pandas as pd

    require_columns(plan, [c for c in PLAN_COLUMNS if c != "themes"] + ["addressed"], "plan_table")
    rows = []
    for _, row in plan.iterrows():
        values = {c: _plain(row[c]) for c in PLAN_COLUMNS if c in row.index and c != "themes"}
        values["themes"] = _plain(row["addressed"])
        values["status"] = _status(row)
        rows.append([values[c] or "-" for c in PLAN_COLUMNS])
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS.values()))


def _cell(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def plan_markdown(plan: pd.DataFrame, *, title: str = "Repair plan") -> str:
    """The ranked plan as a Markdown table under a heading; every text is escaped.

    Arguments:
        plan: from `PlanningSession.plan_frame()` (ranked, with impact).
        title: the heading.
    """
    table = plan_table(plan)
    lines = [f"# {_cell(title)}", "",
             "Ranked by impact per effort: reviews its recurring themes reach, per effort point (S 1, M 2, L 4, XL 8).",
             "", "| " + " | ".join(table.columns) + " |", "|" + " --- |" * len(table.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def plan_csv(plan: pd.DataFrame, path: str | Path | None = None) -> str:
    """The ranked plan as CSV (`CSV_COLUMNS`, lists joined with '; '); also written to `path` if given.

    A text that starts like a formula (= + - @) gets a leading ' (`reviewlab.exports.safe_cell`)."""
    require_columns(plan, [c for c in CSV_COLUMNS if c != "themes"] + ["addressed"], "plan_csv")
    data = plan.assign(themes=plan["addressed"])[CSV_COLUMNS].copy()
    for column in data.columns:
        data[column] = data[column].map(_plain)
    return safe_csv(data, path)  # cells a spreadsheet would run as formulas get a leading 
