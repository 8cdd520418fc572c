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
"""Environment variable naming the folder that holds reviews/*.json (default: the repo's data/)."""


def sample_dir() -> Path:
    """The folder of the sample archive's JSON files (data/ beside the package, or $REVIEWLAB_DATA)."""
    folder = Path(os.environ.get(ENV_DATA) or Path(__file__).resolve().parent.parent / "data")
    if not (folder / "reviews").is_dir():
        msg = (f"the sample archive is not at {folder}/reviews; run from a clone of reviewlab "
               f"or set {ENV_DATA} to the folder that holds reviews/*.json")
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


def planted_themes() -> pd.DataFrame:
    """Ground truth of the themes planted in the sample: columns contribution_id, theme."""
    import pandas as pd

    return pd.read_csv(sample_dir() / "sample_planted_themes.csv")
