"""The embedding layer: cache hits and misses, model keys, bad embedders."""

from __future__ import annotations

import numpy as np
import pytest

from reviewlab.analysis import EmbeddingError, MemoryCache, embed, model_key, text_hash
from reviewlab.analysis.testing import KeywordEmbedder


def test_each_text_embedded_once_ever(fake_model: KeywordEmbedder) -> None:
    cache = MemoryCache()
    first = embed(["disk full", "pager late", "disk full"], fake_model, cache=cache)
    assert fake_model.calls == 2  # the duplicate is embedded once
    assert cache.misses == 2 and cache.hits == 0
    again = embed(["pager late", "disk full", "new text"], fake_model, cache=cache)
    assert fake_model.calls == 3  # only the new text
    assert cache.hits == 2
    np.testing.assert_array_equal(again[1], first[0])


def test_archive_is_a_cache(archive, fake_model: KeywordEmbedder) -> None:
    embed(["a config change", "a pager alert"], fake_model, cache=archive)
    stored = archive.get_embeddings(model_key(fake_model), [text_hash("a config change")])
    assert list(stored) == [text_hash("a config change")]
    embed(["a config change"], fake_model, cache=archive)
    assert fake_model.calls == 2


def test_cache_is_per_model(fake_model: KeywordEmbedder) -> None:
    cache = MemoryCache()
    embed(["x y z"], fake_model, cache=cache)
    other = KeywordEmbedder(dim=16)
    assert embed(["x y z"], other, cache=cache).shape == (1, 16)
    assert other.calls == 1


def test_empty_input(fake_model: KeywordEmbedder) -> None:
    assert embed([], fake_model).shape == (0, 64)


def test_bad_embedder_is_explained() -> None:
    class Broken:
        reviewlab_key = "broken"

        def encode(self, texts):
            return np.ones((len(texts) + 1, 3))

    with pytest.raises(EmbeddingError, match="one vector per text"):
        embed(["a"], Broken())
    with pytest.raises(EmbeddingError, match="encode"):
        embed(["a"], object())


def test_real_model_key_and_offline(real_model) -> None:
    assert model_key(real_model) == "all-MiniLM-L6-v2-384"
    vectors = embed(["the disk filled up"], real_model)
    assert vectors.shape == (1, 384) and vectors.dtype == np.float32
