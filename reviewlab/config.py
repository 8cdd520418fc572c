"""Where the archive is when no one says: $REVIEWLAB_ARCHIVE, else reviews.db here."""

from __future__ import annotations

import os

ENV_ARCHIVE = "REVIEWLAB_ARCHIVE"
DEFAULT_ARCHIVE = "reviews.db"


def default_archive() -> str:
    """The archive path or URL to use when none is given."""
    return os.environ.get(ENV_ARCHIVE) or DEFAULT_ARCHIVE
