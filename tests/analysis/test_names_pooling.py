"""Names-out pooling: both views of a text from one forward pass (`theme_vectors`, THEMES.md round 6)."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewlab.analysis import MemoryCache, embed, model_key, text_hash, theme_vectors
from reviewlab.analysis.embed import NAMES_OUT_SUFFIX, TwoPassWarning, names_pooling_fits
from reviewlab.analysis.names import name_spans, strip_names
from reviewlab.analysis.testing import KeywordEmbedder

TEXTS = [
    "I called Dana at 02:40 because the Redis runbook in #sre-oncall was empty.",
    "PagerDuty paged the engineer: checkout-api errors above 4% after payments.yaml merged.",
    "A bad config caused all of their edge routers to crash, taking down all of Cloudflare.",
    "The disk filled up and nobody saw the warning.",  # no names: one view
    "Dana",  # nothing but a name: the text itself
]


@given(st.text(max_size=200))
def test_name_spans_are_what_strip_names_drops(text: str) -> None:
    spans = name_spans(text)
    assert (spans == []) == (strip_names(text) == text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        previous = end


def test_name_spans_examples() -> None:
    text = TEXTS[0]
    assert [text[a:b] for a, b in name_spans(text)] == ["Dana", "Redis", "#sre-oncall"]
    assert name_spans(TEXTS[3]) == [] and name_spans(TEXTS[4]) == []


def test_stand_ins_use_two_passes_silently() -> None:
    model = KeywordEmbedder()
    fits, why = names_pooling_fits(model)
    assert not fits and "only .encode" in why
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        auto = theme_vectors(TEXTS, model)
    np.testing.assert_allclose(auto, theme_vectors(TEXTS, KeywordEmbedder(), pooling="two-pass"))
    with pytest.raises(ValueError, match="not possible with this model"):
        theme_vectors(TEXTS, model, pooling="one-pass")
    with pytest.raises(ValueError, match="pooling must be one of"):
        theme_vectors(TEXTS, model, pooling="once")


class Counting:
    """Wraps a real SentenceTransformer's encode to count the texts that go through the model."""

    def __init__(self, model: Any) -> None:
        self.model, self.texts = model, 0
        self.original = model.encode

    def __enter__(self) -> Counting:
        def encode(texts: Any, *args: Any, **kwargs: Any) -> Any:
            self.texts += len(texts)
            return self.original(texts, *args, **kwargs)

        self.model.encode = encode
        return self

    def __exit__(self, *exc: object) -> None:
        del self.model.encode


@pytest.mark.slow
def test_one_forward_pass_per_text_and_both_views_cached(real_model: Any) -> None:
    assert names_pooling_fits(real_model) == (True, "")
    cache = MemoryCache()
    with Counting(real_model) as counted:
        first = theme_vectors(TEXTS, real_model, cache=cache)
    assert counted.texts == len(TEXTS)  # the two-pass path would also embed the 3 stripped texts
    with Counting(real_model) as counted:
        again = theme_vectors(TEXTS, real_model, cache=cache)
    assert counted.texts == 0
    np.testing.assert_array_equal(first, again)
    key = model_key(real_model)
    hashes = [text_hash(t) for t in TEXTS]
    assert len(cache.get_embeddings(key, hashes)) == len(TEXTS)
    # the three texts with names have a names-out vector; the nameless one and the all-name one an
    # empty one (so that a re-analysis need not read them for names again); no stripped text was embedded
    out = cache.get_embeddings(key + NAMES_OUT_SUFFIX, hashes)
    assert set(out) == set(hashes)
    assert [out[h].shape for h in hashes] == [(384,)] * 3 + [(0,)] * 2
    assert cache.get_embeddings(key, [text_hash(strip_names(t)) for t in TEXTS[:3]]) == {}


@pytest.mark.slow
def test_a_re_analysis_reads_no_text_for_names(real_model: Any, monkeypatch: pytest.MonkeyPatch, archive) -> None:
    theme_vectors(TEXTS, real_model, cache=archive)  # the archive stores empty vectors too
    import reviewlab.analysis.names as names

    def no_reading(text: str) -> list:
        raise AssertionError(f"read {text!r} for names again")

    monkeypatch.setattr(names, "name_spans", no_reading)
    again = theme_vectors(TEXTS, real_model, cache=archive)
    assert again.shape == (len(TEXTS), 384)


@pytest.mark.slow
def test_pooled_views_against_the_model_and_the_two_pass_vectors(real_model: Any) -> None:
    written = theme_vectors(TEXTS, real_model, names_weight=0)
    bare = real_model.encode(TEXTS, show_progress_bar=False)
    # the text as written is exactly what encode gives (it is encode's own output)
    np.testing.assert_allclose(written, bare / np.linalg.norm(bare, axis=1, keepdims=True), atol=1e-6)

    # at weight 0.5 the one-pass blend steps 2 x 0.5 of the way: it is the names-out pooled view
    pooled = theme_vectors(TEXTS, real_model, names_weight=0.5, pooling="one-pass")
    stripped = theme_vectors(TEXTS, real_model, names_weight=1, pooling="two-pass")
    # the names-out view is the mean of the model's own token vectors without the names' tokens
    tokens = real_model.encode(TEXTS[:1], output_value="token_embeddings", show_progress_bar=False)[0]
    enc = real_model.tokenizer(TEXTS[:1], return_offsets_mapping=True, truncation=True)
    keep = [not (b > a and any(a < e and b > s for s, e in name_spans(TEXTS[0])))
            for a, b in enc["offset_mapping"][0]]
    by_hand = tokens[np.asarray(keep)].mean(dim=0).numpy()
    np.testing.assert_allclose(pooled[0], by_hand / np.linalg.norm(by_hand), atol=1e-5)
    for i in (3, 4):  # no names: every view is the text as written
        np.testing.assert_allclose(pooled[i], written[i], atol=1e-6)
    # against the two-pass view (the stripped text embedded on its own): the pooled view is much
    # nearer to it than the text as written is, though not equal (the names still spoke to the
    # other tokens through attention)
    for i in range(3):
        assert pooled[i] @ stripped[i] > written[i] @ stripped[i]
    # the default blend is nearer to the two-pass blend than the text as written is, on every
    # text with names
    blended_one = theme_vectors(TEXTS, real_model)
    blended_two = theme_vectors(TEXTS, real_model, pooling="two-pass")
    np.testing.assert_allclose(blended_one, pooled, atol=1e-6)
    near = np.sum(blended_one * blended_two, axis=1)
    assert np.all(near[:3] > np.sum(written * blended_two, axis=1)[:3])
    assert np.min(near) > 0.9


@pytest.mark.slow
def test_other_architectures_fall_back_with_a_reason(real_model: Any) -> None:
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import Pooling

    cls = SentenceTransformer(modules=[real_model[0], Pooling(384, pooling_mode="cls")], device="cpu")
    fits, why = names_pooling_fits(cls)
    assert not fits and "cls" in why
    with pytest.warns(TwoPassWarning, match="second pass: the model pools by cls"):
        auto = theme_vectors(TEXTS, cls)
    np.testing.assert_allclose(auto, theme_vectors(TEXTS, cls, pooling="two-pass"), atol=1e-6)
    with pytest.raises(ValueError, match="pools by cls"):
        theme_vectors(TEXTS, cls, pooling="one-pass")
    assert embed(TEXTS[:1], cls).shape == (1, 384)
