"""The theme catalogue's storage: themes with stable ids, their members, pins and curation decisions.

Plain rows in and out; the logic (matching, curation) is `reviewlab.analysis.catalogue`. Every write
of the catalogue is one transaction: a state and the decision that made it land together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reviewlab.archive.connection import Connection, to_text
from reviewlab.model import utcnow

THEME_FIELDS = ("id", "side", "label", "name", "status", "merged_into", "curated", "n_reviews", "first_seen",
                "last_seen", "created_at", "updated_at")
UPDATE_COUNTS = ("contributions", "kept", "joined", "moved", "left_out", "new_themes")


class ThemesMixin(Connection):
    """The catalogue tables of migration 10 (themes, theme_members, theme_pins, theme_decisions)."""

    def catalogue_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str | None]]:
        """(themes, members, pins): every theme row by id, every member row, pinned contribution -> theme id."""
        themes = self._rows("SELECT * FROM themes ORDER BY id")
        members = self._rows("SELECT * FROM theme_members ORDER BY contribution_id")
        pins = {r["contribution_id"]: r["theme_id"] for r in self._rows("SELECT * FROM theme_pins")}
        return themes, members, pins

    def write_catalogue(self, themes: Iterable[dict[str, Any]], members: Iterable[tuple[str, str, str, str]], *,
                        decision: tuple[str, str | None, dict[str, Any], str | None] | None = None,
                        pin: tuple[str, str | None, str | None] | None = None,
                        update: dict[str, Any] | None = None) -> None:
        """Replace the catalogue's state in one transaction.

        Arguments:
            themes: every theme row (keys `THEME_FIELDS`); rows are upserted, never deleted (ids stay taken).
            members: (contribution_id, theme_id, text_hash, since) for every member now.
            decision: (action, theme_id, detail, made_by) recorded with the state it made.
            pin: (contribution_id, theme_id or None for "out of any theme", made_by) to store.
            update: counts of an update (`UPDATE_COUNTS` and model) to record.
        """
        now = to_text(utcnow())
        with self.atomic() as conn:
            for row in themes:
                values = [row.get(f) for f in THEME_FIELDS]
                conn.execute(f"INSERT OR REPLACE INTO themes ({', '.join(THEME_FIELDS)}) VALUES "
                             f"({', '.join('?' * len(THEME_FIELDS))})", values)
            conn.execute("DELETE FROM theme_members")
            conn.executemany("INSERT INTO theme_members VALUES (?,?,?,?)", list(members))
            if pin is not None:
                conn.execute("INSERT OR REPLACE INTO theme_pins VALUES (?,?,?,?)", (*pin, now))
            if decision is not None:
                action, theme_id, detail, by = decision
                conn.execute("INSERT INTO theme_decisions (action, theme_id, detail, made_by, at) VALUES (?,?,?,?,?)",
                             (action, theme_id, json.dumps(detail, ensure_ascii=False, sort_keys=True), by, now))
            if update is not None:
                conn.execute(f"INSERT INTO catalogue_updates (at, model, {', '.join(UPDATE_COUNTS)}) VALUES "
                             f"(?, ?, {', '.join('?' * len(UPDATE_COUNTS))})",
                             (now, update.get("model", ""), *(int(update.get(k, 0)) for k in UPDATE_COUNTS)))

    def theme_decisions(self, theme_id: str | None = None) -> list[dict[str, Any]]:
        """The curation decisions, oldest first (all, or those naming one theme): seq, action, theme_id,
        detail (a dict), made_by, at."""
        rows = self._rows("SELECT * FROM theme_decisions" + (" WHERE theme_id = ?" if theme_id else "") + " ORDER BY seq",
                          (theme_id,) if theme_id else ())
        for row in rows:
            row["detail"] = json.loads(row["detail"])
        return rows

    def catalogue_updates(self) -> list[dict[str, Any]]:
        """Every update of the catalogue, oldest first, with its counts."""
        return self._rows("SELECT * FROM catalogue_updates ORDER BY seq")
