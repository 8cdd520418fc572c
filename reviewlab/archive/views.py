"""Read-only views for analysis (DataFrames) and the embedding cache keyed by model and text hash."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from reviewlab.archive.connection import Connection
from reviewlab.privacy import visible

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

FRAME_COLUMNS = [
    "contribution_id", "review_id", "review_title", "participant", "role", "responded", "kind", "phase",
    "text", "recorded_at", "event_time", "links_to", "private", "tags", "services", "severity",
    "incident_start", "incident_end", "review_status", "incident_date", "time_text",
]


class ViewsMixin(Connection):
    """Frames across reviews, and cached embeddings."""

    # -- analysis views -----------------------------------------------------------------------
    def contributions_frame(self, review_id: str | None = None, *, include_private: bool = False,
                            include_withdrawn: bool = False) -> pd.DataFrame:
        """One row per contribution across reviews, in its current version: the input of all analysis.

        Private interview notes are left out unless `include_private` (`reviewlab.privacy`). Corrections
        are applied and withdrawn contributions left out (with `include_withdrawn`, they are kept and a
        `withdrawn` column is added). Columns: contribution_id, review_id, review_title, participant,
        role, responded, kind, phase, text, recorded_at, event_time, links_to, private, tags, services,
        severity, incident_start, incident_end, review_status, incident_date, time_text. Times are pandas
        UTC timestamps; services and tags are lists. What an imported postmortem did not say is missing,
        never filled in: a timeline event without a placeable time has no event_time (its time as written
        is in time_text), a review whose start is known only to the day has no incident_start but an
        incident_date (the day, as a timestamp at midnight without zone), and an unknown severity is None.
        """
        import pandas as pd

        extra = ", c.withdrawn" if include_withdrawn else ""
        sql = f"""
            SELECT c.id AS contribution_id, c.review_id, r.title AS review_title, c.participant, p.role,
                   p.responded, c.kind, c.phase, c.text, c.recorded_at, c.event_time, c.links_to, c.private,
                   c.tags, r.services, r.severity, r.incident_start, r.incident_end, r.status AS review_status,
                   r.incident_date, c.time_text{extra}
            FROM contributions c JOIN reviews r ON r.id = c.review_id
            LEFT JOIN participants p ON p.review_id = c.review_id AND p.name = c.participant
        """
        where = [w for w, wanted in (("c.review_id = ?", review_id), ("c.withdrawn = 0", not include_withdrawn)) if wanted]
        columns = FRAME_COLUMNS + (["withdrawn"] if include_withdrawn else [])
        rows = self._rows(sql + (" WHERE " + " AND ".join(where) if where else "")
                          + " ORDER BY COALESCE(r.incident_start, r.incident_date, r.document_date), c.rowid",
                          (review_id,) if review_id else ())
        frame = pd.DataFrame(rows, columns=columns)
        for column in ("recorded_at", "event_time", "incident_start", "incident_end"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        frame["incident_date"] = pd.to_datetime(frame["incident_date"], format="ISO8601")
        for column in ("services", "tags"):
            frame[column] = frame[column].map(json.loads)
        frame["private"] = frame["private"].astype(bool)
        if include_withdrawn:
            frame["withdrawn"] = frame["withdrawn"].astype(bool)
        frame["responded"] = frame["responded"].astype("boolean")
        return visible(frame, include_private=include_private).reset_index(drop=True)

    def reviews_frame(self) -> pd.DataFrame:
        """One row per review with its counts of participants and contributions."""
        import pandas as pd

        rows = self._rows("""
            SELECT r.*, (SELECT COUNT(*) FROM participants p WHERE p.review_id = r.id) AS n_participants,
                   (SELECT COUNT(*) FROM contributions c WHERE c.review_id = r.id AND c.withdrawn = 0)
                   AS n_contributions
            FROM reviews r ORDER BY COALESCE(r.incident_start, r.incident_date, r.document_date), r.id""")
        frame = pd.DataFrame(rows)
        if frame.empty:
            return pd.DataFrame(columns=["id", "title", "incident_start", "severity", "status", "n_contributions"])
        for column in ("incident_start", "incident_end", "meeting_at", "planning_at", "meeting_ended_at"):
            frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
        for column in ("incident_date", "document_date"):
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
        frame["services"] = frame["services"].map(json.loads)
        return frame

    # -- embedding cache ----------------------------------------------------------------------
    def get_embeddings(self, model_key: str, text_hashes: list[str]) -> dict[str, np.ndarray]:
        """Cached vectors for these text hashes under one model key (missing ones are left out)."""
        import numpy as np

        out: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(text_hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                cur = self._conn.execute(
                    f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})",
                    (model_key, *chunk))
                for text_hash, blob in cur.fetchall():
                    out[text_hash] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_embeddings(self, model_key: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors (float32) by text hash under one model key."""
        import numpy as np

        rows = []
        for text_hash, vector in vectors.items():
            v = np.asarray(vector, dtype=np.float32).ravel()
            rows.append((model_key, text_hash, int(v.shape[0]), v.tobytes()))
        with self.atomic() as conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?)", rows)
