"""Is this file one of our archives? Answered by reading only, so a file that is not is never changed.

New archives carry reviewlab's application id in the SQLite header (`PRAGMA application_id`).
Archives made before it existed are recognised by their `schema_version` table, whose first
migration has reviewlab's name, beside a `reviews` table; they get the id the next time they are
opened for writing. A 0-byte file, a file that is not SQLite, an empty SQLite database and
someone else's SQLite database are refused with an `ArchiveError` saying which.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewlab.errors import ArchiveError, NotAnArchive
from reviewlab.schema import LATEST, MIGRATIONS

APPLICATION_ID = 0x52564C42
"""'RVLB' in the SQLite header's application id field: this file is a reviewlab archive."""


def check_file(path: Path) -> None:
    """Refuse, before SQLite opens it, a path that can't be an archive: a folder, or a file of 0 bytes.

    The file is only stat()-ed, never opened here: closing a descriptor of a database file would
    drop the POSIX locks this process's other connections hold on it (SQLite's own warning).
    """
    if path.is_dir():
        msg = f"{path} is a folder, not an archive file; pass the archive's file, e.g. {path / 'reviews.db'}"
        raise NotAnArchive(msg)
    try:
        empty = path.stat().st_size == 0
    except OSError as err:
        msg = f"cannot read archive {path}: {err.strerror or err}"
        raise ArchiveError(msg) from err
    if empty and not Path(f"{path}-wal").exists():
        msg = (f"{path} is an empty file (0 bytes), not a reviewlab archive; remove it or pick another path "
               f"(reviewlab init --archive {path} creates an archive)")
        raise NotAnArchive(msg)


def check_identity(conn: sqlite3.Connection, path: str) -> None:
    """Refuse a SQLite database that is not ours; reads only. Raises NotAnArchive naming what it is."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.DatabaseError as err:
        if "not a database" not in str(err):
            raise
        msg = f"{path} is not a reviewlab archive (not a SQLite database at all); it was left as it was"
        raise NotAnArchive(msg) from err
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        msg = (f"{path} is not a reviewlab archive: it is another program's SQLite database "
               f"(application id {app_id:#x}); it was left as it was")
        raise NotAnArchive(msg)
    tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    if not tables:
        msg = (f"{path} is an empty SQLite database, not a reviewlab archive; remove it or pick another path "
               f"(reviewlab init --archive {path} creates an archive)")
        raise NotAnArchive(msg)
    if {"schema_version", "reviews"} <= set(tables):
        try:
            first = conn.execute("SELECT name FROM schema_version WHERE version = 1").fetchone()
        except sqlite3.OperationalError:  # a schema_version table of another shape
            first = None
        if first is not None and first[0] == MIGRATIONS[0][1]:
            return  # ours, made before archives carried the application id
    shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
    msg = (f"{path} is not a reviewlab archive: it is a SQLite database with other tables ({shown}); "
           "it was left as it was. Pass a reviewlab archive, or a new path to create one")
    raise NotAnArchive(msg)


def schema_version(conn: sqlite3.Connection) -> int:
    """The newest migration recorded in the archive (0 when none)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone():
        return 0
    return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


def check_not_newer(conn: sqlite3.Connection, path: str) -> int:
    """Refuse an archive made by a newer reviewlab (its schema has migrations this one does not know)."""
    version = schema_version(conn)
    if version > LATEST:
        msg = (f"archive {path} was made by a newer reviewlab (schema version {version}; this one knows up to "
               f"{LATEST}); upgrade reviewlab to open it. It was left as it was")
        raise NotAnArchive(msg)
    return version


def mark(conn: sqlite3.Connection) -> None:
    """Write reviewlab's application id into the header (a new archive, or one made before the id existed)."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
