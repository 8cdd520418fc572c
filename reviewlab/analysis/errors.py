"""Exceptions of the analysis layer; each says what was wrong and what to do next."""

from __future__ import annotations

from reviewlab.errors import MissingColumns, ReviewlabError

__all__ = ["AnalysisError", "EmbeddingError", "MissingColumns", "ModelUnavailable"]


class AnalysisError(ReviewlabError):
    """Theme finding or pattern analysis was asked for something it cannot do."""


class ModelUnavailable(AnalysisError):
    """The embedding model could not be loaded (not installed, or needs a network we do not use)."""


class EmbeddingError(AnalysisError):
    """An embedder returned something that is not one vector per text of a fixed size."""
