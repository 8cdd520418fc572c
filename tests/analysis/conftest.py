"""Fixtures of the analysis tests: the real model once per session, a stand-in, the sample frame."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from typing import Any  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from reviewlab.analysis.testing import KeywordEmbedder  # noqa: E402


@pytest.fixture(scope="session")
def real_model() -> Any:
    """The bundled all-MiniLM-L6-v2, loaded once per test session (never skipped)."""
    from reviewlab.analysis import load_model

    return load_model()


@pytest.fixture
def fake_model() -> KeywordEmbedder:
    """A deterministic stand-in embedder that counts what it encodes."""
    return KeywordEmbedder()


@pytest.fixture(scope="session")
def sample_frame(sample_archive_path: Any) -> pd.DataFrame:
    """All contributions of the sample archive."""
    from reviewlab import open_archive

    with open_archive(sample_archive_path) as archive:
        return archive.contributions_frame()


@pytest.fixture(scope="session")
def planted(sample_frame: pd.DataFrame) -> pd.Series:
    """The planted theme of each sample contribution ("none" where nothing was planted)."""
    from reviewlab.sample import planted_themes, sample_dir

    try:
        truth = planted_themes()
    except FileNotFoundError:  # while the sample is being written its parts are separate
        truth = pd.concat([pd.read_csv(p) for p in sorted((sample_dir() / "planted").glob("*.csv"))])
    return sample_frame["contribution_id"].map(dict(zip(truth["contribution_id"], truth["theme"], strict=True))
                                                ).fillna("none")


@pytest.fixture(scope="session")
def sample_result(sample_frame: pd.DataFrame, real_model: Any) -> Any:
    """Themes of the sample archive found with the real model."""
    from reviewlab.analysis import MemoryCache, find_themes

    return find_themes(sample_frame, model=real_model, cache=MemoryCache())
