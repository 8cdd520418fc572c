"""The review archive: a SQLite file (WAL, foreign keys on) behind a small API of model objects.

Every write is committed before the call returns, so a kernel killed right after a button press
loses nothing. Several processes may write at once: writers wait their turn (busy timeout plus a
retry) instead of surfacing "database is locked".

Examples:
    >>> from reviewlab import open_archive
    >>> with open_archive(":memory:") as archive:
    ...     len(archive.reviews())
    0
"""

from __future__ import annotations

from pathlib import Path

from reviewlab.archive.transfer import TransferMixin
from reviewlab.archive.views import FRAME_COLUMNS, ViewsMixin
from reviewlab.errors import ArchiveError

__all__ = ["FRAME_COLUMNS", "Archive", "open_archive"]


class Archive(TransferMixin, ViewsMixin):
    """One archive file. Use as a context manager, or call close().

    Its methods come in layers, one module each: connection (open, migrate, transactions),
    records (reviews, rosters, contributions), planning (plans, confirmed themes, agendas),
    transfer (JSON in and out), views (frames, embedding cache).
    """


def open_archive(path_or_url: str | Path | None = None, *, read_only: bool = False) -> Archive:
    """Open (and create or migrate) an archive.

    Arguments:
        path_or_url: a file path, ``sqlite:///path/to/file.db``, or ``":memory:"``; by default
            ``$REVIEWLAB_ARCHIVE``, else ``reviews.db`` in the current folder.
        read_only: open an existing archive so that nothing can be written (writes raise ArchiveReadOnly).

    Raises:
        ArchiveError: for a server URL (not supported yet); NotAnArchive for a file that is not a
            reviewlab archive (it is left as it was).
    """
    if path_or_url is None:
        from reviewlab.config import default_archive

        path_or_url = default_archive()
    text = str(path_or_url)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):] or ":memory:"
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        msg = (f"archive URL scheme {scheme!r} is not supported yet; use a file path or sqlite:///path "
               "(a server database can come later without changing callers)")
        raise ArchiveError(msg)
    return Archive(text, read_only=read_only)
