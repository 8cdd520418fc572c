"""A small deterministic stand-in embedder for tests and examples (no torch, no model files)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["KeywordEmbedder"]


class KeywordEmbedder:
    """Bag of hashed words (stems of 4 letters) in `dim` dimensions: same words, same direction.

    It counts the texts it encoded in ``calls`` so tests can tell cache hits from misses.

    Examples:
        >>> e = KeywordEmbedder(dim=16)
        >>> e.encode(["disk full", "full disk"]).round(3).tolist()[0] == e.encode(["full disk"]).round(3).tolist()[0]
        True
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.reviewlab_key = f"keyword-embedder-{dim}"
        self.calls = 0

    def get_embedding_dimension(self) -> int:
        """The vector size."""
        return self.dim

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """One unit vector per text."""
        import numpy as np

        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                if len(word) > 2:
                    out[row, zlib.crc32(word[:4].encode()) % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
        return out
