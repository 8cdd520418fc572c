"""Fixtures shared by every test: in-memory archives and the sample archive."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from reviewlab import open_archive  # noqa: E402
from reviewlab.archive import Archive  # noqa: E402
from reviewlab.model import Participant, Review  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive() -> Iterator[Archive]:
    """An empty, migrated, in-memory archive."""
    with open_archive(":memory:") as a:
        yield a


@pytest.fixture
def review(archive: Archive) -> Review:
    """One review with a neutral facilitator and two responders, in `archive`."""
    r = Review("r1", "Checkout latency", "2025-03-04T10:00:00+00:00", incident_end="2025-03-04T11:30:00+00:00",
               severity="SEV2", services=("checkout-api",), facilitator="Fay")
    return archive.add_review(r, [Participant("Fay", "facilitator", responded=False),
                                  Participant("Ana", "incident_commander"), Participant("Bo", "responder")])


@pytest.fixture(scope="session")
def sample_archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample archive built once per session from data/ (tests must not write to it)."""
    from reviewlab.sample import build_sample

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with open_archive(path) as a:
        build_sample(a)
    return path


@pytest.fixture
def sample_archive(sample_archive_path: Path) -> Iterator[Archive]:
    """The sample archive, opened (read it; copy it before writing)."""
    with open_archive(sample_archive_path) as a:
        yield a
