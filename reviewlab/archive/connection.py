"""The archive's connection: opening, migrating, transactions that wait their turn, plain reads."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reviewlab.errors import ArchiveError
from reviewlab.schema import migrate

BUSY_TIMEOUT_S = 60.0


def to_text(value: datetime | date | None) -> str | None:
    """A datetime (or date) as stored: ISO 8601 with its offset (None stays None)."""
    return value.isoformat() if value is not None else None


class Connection:
    """One SQLite connection in WAL mode with foreign keys on, migrated to the latest schema."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path) if str(path) == ":memory:" else str(Path(path).expanduser())
        if self.path != ":memory:":
            parent = Path(self.path).resolve().parent
            if not parent.is_dir():
                msg = f"cannot open archive {self.path}: folder {parent} does not exist"
                raise ArchiveError(msg)
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._retry(lambda: self._conn.execute("PRAGMA journal_mode = WAL"))
            # FULL: a commit is on disk (not only in the OS cache) when the call returns
            self._conn.execute("PRAGMA synchronous = FULL")
            self._retry(lambda: migrate(self._conn))
        except sqlite3.DatabaseError as err:
            msg = f"cannot open archive {self.path}: {err}"
            raise ArchiveError(msg) from err

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    def close(self) -> None:
        """Close the connection (everything is already committed)."""
        self._conn.close()

    @staticmethod
    def _retry(fn: Any, attempts: int = 20) -> Any:
        for attempt in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err) or attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return None  # pragma: no cover

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is committed on exit, or none of it on error."""
        with self._lock:
            self._retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._retry(lambda: self._conn.execute("COMMIT"))

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self._conn.execute(sql, tuple(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying or moving it)."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def schema_version(self) -> int:
        """The newest migration applied to this archive."""
        return int(self._rows("SELECT MAX(version) AS v FROM schema_version")[0]["v"])
