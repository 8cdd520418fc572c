"""Where embeddings are kept: the protocol the archive fulfils, and an in-memory stand-in."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

__all__ = ["EmbeddingCache", "MemoryCache", "text_hash"]


def text_hash(text: str) -> str:
    """The cache key of one text: SHA-256 of its UTF-8 bytes, as 64 hex digits.

    Examples:
        >>> text_hash("disk full")[:12]
        '8c96d76f6202'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@runtime_checkable
class EmbeddingCache(Protocol):
    """Anything that stores vectors by model key and text hash; `reviewlab.Archive` is one."""

    def get_embeddings(self, model_key: str, text_hashes: list[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors among `text_hashes` (missing ones are simply absent)."""
        ...

    def put_embeddings(self, model_key: str, vectors: dict[str, np.ndarray]) -> None:
        """Store float32 vectors by text hash under `model_key`."""
        ...


class MemoryCache:
    """An embedding cache in a dict, for analysis without an archive (and for tests).

    It counts what it was asked, so callers can check hits and misses.

    Examples:
        >>> import numpy as np
        >>> cache = MemoryCache()
        >>> cache.put_embeddings("m", {"h1": np.ones(3)})
        >>> sorted(cache.get_embeddings("m", ["h1", "h2"]))
        ['h1']
        >>> cache.hits, cache.misses
        (1, 1)
    """

    def __init__(self) -> None:
        self._store: dict[tuple[str, str], np.ndarray] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._store)

    def __repr__(self) -> str:
        return f"MemoryCache({len(self)} vectors, hits={self.hits}, misses={self.misses})"

    def get_embeddings(self, model_key: str, text_hashes: list[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors among `text_hashes` under `model_key`."""
        out = {h: self._store[(model_key, h)] for h in dict.fromkeys(text_hashes) if (model_key, h) in self._store}
        self.hits += len(out)
        self.misses += len(set(text_hashes)) - len(out)
        return out

    def put_embeddings(self, model_key: str, vectors: dict[str, np.ndarray]) -> None:
        """Store copies of `vectors` (as float32) under `model_key`."""
        import numpy as np

        for h, v in vectors.items():
            self._store[(model_key, h)] = np.asarray(v, dtype=np.float32).ravel().copy()
