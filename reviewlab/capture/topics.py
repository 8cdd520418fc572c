"""Proposed meeting topics from the interview notes: grouped, then ranked by voices and differences."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from reviewlab.capture.rules import DIFFERING_WORDS, STOPWORDS, TIMELINE_TOLERANCE
from reviewlab.frames import require_columns

if TYPE_CHECKING:
    import pandas as pd

TOPIC_COLUMNS = ["topic", "n_people", "differs", "n_notes", "people", "why", "contribution_ids", "texts"]
NEEDED = {"contribution_id", "participant", "kind", "text", "event_time", "links_to"}
_WORD = re.compile(r"[a-z][a-z0-9'_-]{2,}")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 3}


def _label(texts: list[str]) -> str:
    counts = Counter(w for t in texts for w in _words(t))
    top = [w for w, _ in counts.most_common(3)]
    return ", ".join(top) if top else texts[0][:40]


def _theme_groups(frame: pd.DataFrame, themer: Any, options: dict[str, Any]) -> tuple[list[Any], dict[Any, str]]:
    """Group with theme analysis: `themer(frame, text_column="text", **options)` returning `.assignments`."""
    result = themer(frame.reset_index(drop=True), text_column="text", **options)
    assignments = result.assignments.reset_index(drop=True)
    themes = list(assignments["theme"])
    label_col = "theme_label" if "theme_label" in assignments else "theme"
    labels = dict(zip(assignments["theme"], assignments[label_col].astype(str)))
    # an outlier (theme -1) is a topic of its own
    groups = [t if t != -1 else f"solo-{i}" for i, t in enumerate(themes)]
    return groups, labels


def _differs(rows: pd.DataFrame) -> str:
    """Why accounts in one topic differ ('' if they do not)."""
    if rows["participant"].nunique() < 2:
        return ""
    times = rows.dropna(subset=["event_time"])
    if times["participant"].nunique() >= 2 and times["event_time"].max() - times["event_time"].min() > TIMELINE_TOLERANCE:
        return "times differ"
    ids = set(rows["contribution_id"])
    by_id = dict(zip(rows["contribution_id"], rows["participant"]))
    for cid, link, who in zip(rows["contribution_id"], rows["links_to"], rows["participant"]):
        if link in ids and by_id[link] != who and cid != link:
            return "a second viewpoint"
    lowered = rows["text"].str.lower()
    if any(any(w in t for w in DIFFERING_WORDS) for t in lowered):
        return "accounts differ"
    return ""


def propose_topics(frame: pd.DataFrame, *, themer: Any = None, min_size: int = 2, **options: Any) -> pd.DataFrame:
    """Group interview notes into topics and rank them for the meeting agenda.

    Arguments:
        frame: contributions (columns of `Archive.contributions_frame`), usually one review's interview notes.
        themer: the theme finder, called as `themer(frame, text_column="text", min_size=..., **options)`;
            None uses `reviewlab.analysis.find_themes` (the bundled embedding model).
        min_size: fewest notes in a topic; a note that fits no topic is a topic of its own.
            One review has few notes, so unless ``n_themes`` is given, about one topic per three
            notes is asked for (the automatic choice is tuned for whole archives).
        options: passed on to the theme finder (e.g. ``cache=archive`` so notes are embedded once).

    Returns:
        One row per topic, ranked by how many people raised it, then by whether accounts differ:
        topic, n_people, differs, n_notes, people, why, contribution_ids, texts.

    Raises:
        MissingColumns: the frame lacks a needed column.
    """
    import pandas as pd

    require_columns(frame, NEEDED, "propose_topics")
    frame = frame.reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=TOPIC_COLUMNS)
    if themer is None:
        from reviewlab.analysis import find_themes as themer
    options.setdefault("n_themes", max(1, round(len(frame) / 3)))
    groups, labels = _theme_groups(frame, themer, {"min_size": min_size, **options})
    frame = frame.assign(_group=[str(g) for g in groups])
    rows = []
    for key, part in frame.groupby("_group", sort=False):
        original = next(g for g in groups if str(g) == key)
        why = _differs(part)
        people = list(dict.fromkeys(part["participant"]))
        rows.append({
            "topic": labels.get(original) or _label(list(part["text"])),
            "n_people": len(people), "differs": bool(why), "n_notes": len(part), "people": people,
            "why": why, "contribution_ids": list(part["contribution_id"]), "texts": list(part["text"]),
        })
    out = pd.DataFrame(rows, columns=TOPIC_COLUMNS)
    return out.sort_values(["n_people", "differs", "n_notes"], ascending=False, kind="stable").reset_index(drop=True)

