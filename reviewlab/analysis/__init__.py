"""Theme finding across reviews: embed (cached) -> cluster -> label -> patterns.

Light to import: torch and sentence-transformers load only when a text is embedded.

Examples:
    >>> import pandas as pd
    >>> from reviewlab.analysis import find_themes
    >>> from reviewlab.analysis.testing import KeywordEmbedder
    >>> find_themes(pd.DataFrame({"text": []}), model=KeywordEmbedder()).themes.empty
    True
"""

from __future__ import annotations

from reviewlab.analysis.cache import EmbeddingCache, MemoryCache, text_hash
from reviewlab.analysis.cluster import cluster_vectors
from reviewlab.analysis.embed import DEFAULT_MODEL, embed, load_model, model_key, theme_vectors
from reviewlab.analysis.errors import AnalysisError, EmbeddingError, ModelUnavailable
from reviewlab.analysis.patterns import recurring_themes, similar_reviews, similar_to_text, theme_trend, went_right
from reviewlab.analysis.themes import ThemeResult, find_themes

__all__ = [
    "DEFAULT_MODEL",
    "AnalysisError",
    "EmbeddingCache",
    "EmbeddingError",
    "MemoryCache",
    "ModelUnavailable",
    "ThemeResult",
    "cluster_vectors",
    "embed",
    "find_themes",
    "load_model",
    "model_key",
    "recurring_themes",
    "similar_reviews",
    "similar_to_text",
    "text_hash",
    "theme_trend",
    "theme_vectors",
    "went_right",
]
