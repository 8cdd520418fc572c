"""The archive's connection: opening, migrating, transactions that wait their turn, plain reads.

An existing file is checked before anything is written to it (identity.py): a file that is not a
reviewlab archive is refused and left as it was. Every SQLite failure reaches the caller as an
`ArchiveError` saying what happened and what to do (read-only, disk full, damaged file, busy), and a
failed write is rolled back whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reviewlab.archive.identity import check_file, check_identity, check_not_newer, mark
from reviewlab.errors import ArchiveDamaged, ArchiveError, ArchiveFull, ArchiveReadOnly
from reviewlab.schema import LATEST, migrate

BUSY_TIMEOUT_S = 60.0


def to_text(value: datetime | date | None) -> str | None:
    """A datetime (or date) as stored: ISO 8601 with its offset (None stays None)."""
    return value.isoformat() if value is not None else None


def archive_error(err: sqlite3.Error, path: str) -> ArchiveError:
    """SQLite's error as an ArchiveError that says what happened to the archive and what to do."""
    name, text = getattr(err, "sqlite_errorname", "") or "", str(err)
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return ArchiveReadOnly(f"archive {path} is read-only ({text}); nothing was written. "
                               "Work on a copy you can write to, or ask who owns the file")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return ArchiveFull(f"the disk holding archive {path} is full ({text}); nothing of this change was written. "
                           "Free some space and try again")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return ArchiveDamaged(f"archive {path} is damaged ({text}); restore it from a backup "
                              f"(what is still readable can be saved with: sqlite3 {path} .recover)")
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return ArchiveDamaged(f"cannot read or write archive {path}: {text}; check the disk and try again")
    if "locked" in text or "busy" in text:
        return ArchiveError(f"archive {path} stayed locked by another writer for over {BUSY_TIMEOUT_S:.0f} s; "
                            "try again when it is done")
    return ArchiveError(f"archive {path}: {text}")


class Connection:
    """One SQLite connection in WAL mode with foreign keys on, migrated to the latest schema.

    With `read_only`, the file is opened with SQLite's `mode=ro`: nothing can be written (every
    write raises ArchiveReadOnly) and the file is never migrated. An archive this user can't write
    (the file, or the folder where SQLite keeps its -wal and -shm files) is opened that way too, so
    it can still be read.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        memory = str(path) == ":memory:"
        self.path = str(path) if memory else str(Path(path).expanduser())
        self.read_only = read_only and not memory
        self._lock = threading.RLock()
        new = memory or not Path(self.path).exists()
        if not memory:
            parent = Path(self.path).resolve().parent
            if not parent.is_dir():
                msg = f"cannot open archive {self.path}: folder {parent} does not exist"
                raise ArchiveError(msg)
            if new and self.read_only:
                msg = f"no archive at {self.path} to open read-only"
                raise ArchiveError(msg)
            if not new:
                check_file(Path(self.path))
                self.read_only = self.read_only or not _writable(Path(self.path))
        try:
            target = _read_only_uri(Path(self.path)) if self.read_only else self.path
            self._conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                         check_same_thread=False, uri=self.read_only)
        except sqlite3.Error as err:
            raise archive_error(err, self.path) from err
        try:
            with self._sqlite_errors():
                self._prepare(new, memory)
        except BaseException:
            self._conn.close()
            raise

    def _prepare(self, new: bool, memory: bool) -> None:
        self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        if not new:  # reads only: a file that is not ours is refused before anything is written to it
            check_identity(self._conn, self.path)
            version = check_not_newer(self._conn, self.path)
            if self.read_only and version < LATEST:
                msg = (f"archive {self.path} has schema version {version} and needs upgrading to {LATEST}, which "
                       "writes to it; open it once without read_only (or on a copy) to upgrade it")
                raise ArchiveReadOnly(msg)
        if self.read_only:
            return
        self._retry(lambda: mark(self._conn))  # first, so an interrupted creation still leaves a file we know
        if not memory:
            self._retry(lambda: self._conn.execute("PRAGMA journal_mode = WAL"))
        # FULL: a commit is on disk (not only in the OS cache) when the call returns
        self._conn.execute("PRAGMA synchronous = FULL")
        self._retry(lambda: migrate(self._conn))

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
    def _sqlite_errors(self) -> Iterator[None]:
        """Turn SQLite's errors into ArchiveErrors (programming errors, which are bugs, pass through)."""
        try:
            yield
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise
        except sqlite3.Error as err:
            raise archive_error(err, self.path) from err

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is committed on exit, or none of it on error."""
        with self._lock, self._sqlite_errors():
            self._retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
            try:
                yield self._conn
                self._retry(lambda: self._conn.execute("COMMIT"))
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk): roll back only what is open
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:  # the first error is the one to report
                        pass
                raise

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock, self._sqlite_errors():
            cur = self._conn.execute(sql, tuple(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying or moving it)."""
        with self._lock, self._sqlite_errors():
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def schema_version(self) -> int:
        """The newest migration applied to this archive."""
        return int(self._rows("SELECT MAX(version) AS v FROM schema_version")[0]["v"])

    # -- what the archive holds, as one value ----------------------------------------------------
    def _tables(self) -> list[tuple[str, list[str]]]:
        """Every table with its primary key columns (SQLite's catalogue; PostgreSQL would read information_schema)."""
        names = [r["name"] for r in self._rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")]
        out = []
        for name in names:
            info = self._rows(f'PRAGMA table_info("{name}")')
            keys = [r["name"] for r in sorted(info, key=lambda r: r["pk"]) if r["pk"]] or [r["name"] for r in info]
            out.append((name, keys))
        return out

    def content_hash(self) -> str:
        """A SHA-256 over every table's rows, each table read with a plain SELECT ordered by its primary key.

        Two archives (or one archive before and after a failed write) hold the same content exactly
        when their hashes are equal; the SQL is plain, so the same works on PostgreSQL.
        """
        digest = hashlib.sha256()
        for table, keys in self._tables():
            order = ", ".join(f'"{k}"' for k in keys)
            rows = self._rows(f'SELECT * FROM "{table}" ORDER BY {order}')
            digest.update(json.dumps([table, rows], ensure_ascii=False, default=_plain).encode("utf-8"))
        return digest.hexdigest()

    def integrity_problems(self) -> list[str]:
        """SQLite's own check of the file (empty when sound), and foreign keys that point nowhere."""
        rows = self._rows("PRAGMA integrity_check")
        problems = [r["integrity_check"] for r in rows if r["integrity_check"] != "ok"]
        problems += [f"{r['table']} row {r['rowid']} refers to a missing {r['parent']}"
                     for r in self._rows("PRAGMA foreign_key_check")]
        return problems


def _writable(path: Path) -> bool:
    """Can this user write the file and create SQLite's -wal and -shm files beside it?"""
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def _read_only_uri(path: Path) -> str:
    """SQLite's read-only URI; on a folder no one can write, with no -wal file, also `immutable` (SQLite
    could not create the -shm file it otherwise needs, and no writer can change the file meanwhile)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK) and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)  # pragma: no cover - SQLite gives only text, numbers, bytes, NULL
