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

from reviewlab.archive.themes import ThemesMixin
from reviewlab.archive.transfer import TransferMixin
from reviewlab.archive.views import FRAME_COLUMNS, ViewsMixin
from reviewlab.errors import ArchiveError, ArchiveNotNamed

__all__ = ["FRAME_COLUMNS", "Archive", "open_archive"]


class Archive(TransferMixin, ViewsMixin, ThemesMixin):
    """One archive file. Use as a context manager, or call close().

    Its methods come in layers, one module each: connection (open, migrate, transactions),
    records (reviews, rosters, contributions), planning (plans, confirmed themes, agendas),
    transfer (JSON in and out), views (frames, embedding cache), themes (the theme catalogue's tables).
    """

    def describe(self) -> str:
        """Which archive this is and what it holds, in one line (notebooks print it first)."""
        where = "in memory" if self.path == ":memory:" else str(Path(self.path).resolve())
        reviews = self.reviews()
        return f"Archive {where}: {len(reviews)} review(s)"


def open_archive(path_or_url: str | Path | None = None, *, create: bool | None = None,
                 read_only: bool = False) -> Archive:
    """Open (and migrate) an archive; create a new one only when asked.

    Arguments:
        path_or_url: a file path, ``sqlite:///path/to/file.db``, or ``":memory:"``; by default the
            archive named by ``$REVIEWLAB_ARCHIVE`` (``reviewlab lab`` sets it). With no name and no
            ``$REVIEWLAB_ARCHIVE`` nothing is opened, and nothing is created in the current folder.
        create: make the file when it does not exist. By default a file named here is created (you
            asked for it by name) and one named by ``$REVIEWLAB_ARCHIVE`` must exist already.
        read_only: open an existing archive so that nothing can be written (writes raise ArchiveReadOnly).

    Raises:
        ArchiveNotNamed: no archive named and ``$REVIEWLAB_ARCHIVE`` unset.
        ArchiveError: a missing file not to be created, or a server URL (not supported yet);
            NotAnArchive for a file that is not a reviewlab archive (it is left as it was).
    """
    from reviewlab.config import ENV_ARCHIVE, named_archive

    named_here = path_or_url is not None
    if path_or_url is None:
        path_or_url = named_archive()
        if path_or_url is None:
            msg = ("no archive named: pass one, e.g. open_archive('~/reviews.db', create=True) for a new file, "
                   f"or set ${ENV_ARCHIVE} (`reviewlab lab` sets it for its notebooks); "
                   "nothing was created in the current folder")
            raise ArchiveNotNamed(msg)
    if create is None:
        create = named_here
    text = str(path_or_url)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):] or ":memory:"
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        msg = (f"archive URL scheme {scheme!r} is not supported yet; use a file path or sqlite:///path "
               "(a server database can come later without changing callers)")
        raise ArchiveError(msg)
    if not create and text != ":memory:" and not Path(text).expanduser().exists():
        source = "" if named_here else f" (named by ${ENV_ARCHIVE})"
        msg = (f"no archive at {Path(text).expanduser()}{source}; create it with `reviewlab init --archive {text}` "
               f"(add --sample for the sample reviews) or open_archive({text!r}, create=True)")
        raise ArchiveError(msg)
    return Archive(text, read_only=read_only)
