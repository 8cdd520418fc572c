"""Exceptions of reviewlab: every one says what was wrong and what to do next."""

from __future__ import annotations


class ReviewlabError(Exception):
    """Base class of every error reviewlab raises on purpose."""


class ValidationError(ReviewlabError, ValueError):
    """A value does not fit the data model (the message names the field and what is allowed)."""


class FacilitatorNotNeutral(ValidationError):
    """The chosen facilitator took part in the response and no reason to go ahead was recorded."""


class SoakTimeNotOver(ReviewlabError):
    """Planning was asked for before the soak time after the review meeting had run, with no reason recorded."""


class MeetingNotHeld(ReviewlabError):
    """Planning was asked for a review whose meeting has not been held yet."""


class MeetingClosed(ReviewlabError):
    """A meeting entry after the review meeting ended: capture is closed until someone reopens it."""


class NotFound(ReviewlabError, LookupError):
    """A review, participant or contribution that is not in the archive."""


class ReviewNotFound(NotFound):
    """No review with that id in the archive."""


class DuplicateError(ReviewlabError):
    """Something with that id or name already exists."""


class ImportFormatError(ReviewlabError):
    """A file to import is malformed; the message names the file, the field and the problem."""


class ArchiveError(ReviewlabError):
    """The archive could not be opened or written."""


class ArchiveNotNamed(ArchiveError):
    """No archive was named and $REVIEWLAB_ARCHIVE is unset: nothing is opened, nothing created."""


class NotAnArchive(ArchiveError):
    """The file is not a reviewlab archive (0 bytes, not SQLite, someone else's database, a newer schema); left as it was."""


class ArchiveReadOnly(ArchiveError):
    """The archive can't be written (opened read-only, or the file or its folder is read-only); nothing was written."""


class ArchiveFull(ArchiveError):
    """The disk (or the archive's page limit) is full; the write was rolled back, nothing of it was written."""


class ArchiveDamaged(ArchiveError):
    """The archive file is corrupt or could not be read from the disk."""


class WouldRemoveWork(DuplicateError):
    """Replacing a review would remove contributions, plans or agenda items the archive holds; force it to."""


class OutputError(ReviewlabError):
    """A report or export could not be written where it was asked to go (the message says why)."""


class MissingColumns(ReviewlabError, KeyError):
    """A DataFrame lacks columns a function needs."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else ""
