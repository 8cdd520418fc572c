"""The sample archive: about 40 reviews at a fictional grocery-delivery company, kept as JSON in data/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reviewlab.errors import ReviewlabError

if TYPE_CHECKING:
    import pandas as pd

    from reviewlab.archive import Archive

ENV_DATA = "REVIEWLAB_DATA"
"""Environment variable naming the folder that holds reviews/*.json (default: the data shipped with reviewlab)."""


def sample_dir() -> Path:
    """The folder of the sample archive's JSON files: $REVIEWLAB_DATA, else the data shipped with reviewlab."""
    from reviewlab.resources import bundled

    folder = Path(os.environ[ENV_DATA]) if os.environ.get(ENV_DATA) else bundled("data")
    if not (folder / "reviews").is_dir():
        msg = (f"the sample archive is not at {folder}/reviews; set {ENV_DATA} to the folder that holds "
               "reviews/*.json, or unset it to use the sample shipped with reviewlab")
        raise ReviewlabError(msg)
    return folder


def sample_files() -> list[Path]:
    """The sample review files, in id order."""
    return sorted((sample_dir() / "reviews").glob("*.json"))


def build_sample(archive: Archive, *, progress: bool = False) -> int:
    """Import every sample review into `archive` (each all or nothing); returns how many."""
    files = sample_files()
    iterator = files
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="sample reviews", unit="review")
    for path in iterator:
        archive.import_review(path)
    return len(files)


def build_sample_file(path: str | Path, *, progress: bool = False) -> int:
    """Build a new sample archive file at `path` (which must not exist); returns how many reviews.

    It is built under a temporary name and moved in place, so an interrupted build leaves no half archive.
    """
    import shutil

    from reviewlab.archive import open_archive

    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    with open_archive(partial, create=True) as archive:
        count = build_sample(archive, progress=progress)
        archive.checkpoint()
    shutil.move(str(partial), target)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return count


def planted_themes() -> pd.DataFrame:
    """Ground truth of the themes planted in the sample: columns contribution_id, theme."""
    import pandas as pd

    return pd.read_csv(sample_dir() / "sample_planted_themes.csv")
