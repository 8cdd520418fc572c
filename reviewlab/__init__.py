"""reviewlab: a Jupyter workbench for post-incident reviews.

Facilitate a review live, coach the questions, park repairs for a separate planning meeting, and
find the themes that keep coming back across many reviews. Importing this package is light:
torch, sentence-transformers and altair load only where they are used.

Examples:
    >>> import reviewlab
    >>> archive = reviewlab.open_archive(":memory:")
    >>> archive.reviews()
    []
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from reviewlab.archive import Archive, open_archive
from reviewlab.errors import ReviewlabError, ValidationError
from reviewlab.model import Contribution, Kind, Participant, Phase, RepairPlan, Review, Role, Status

try:
    __version__ = version("reviewlab")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Archive",
    "Contribution",
    "Kind",
    "Participant",
    "Phase",
    "RepairPlan",
    "Review",
    "ReviewlabError",
    "Role",
    "Status",
    "ValidationError",
    "open_archive",
]
