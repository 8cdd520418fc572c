"""pytest plugin: every notebook under nbval starts on its own fresh copy of the sample archive.

Notebooks write (the demo cells press real buttons), so sharing one archive would make each
notebook's stored outputs depend on which notebooks ran before it. The sample is built once per
session, copied per notebook, and `$REVIEWLAB_ARCHIVE` points the notebook's kernel at the copy
only while that kernel starts. Loaded by `make test` with `-p tests.nbval_archive`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_state: dict[str, Path] = {}


def _pristine() -> Path:
    if "pristine" not in _state:
        from reviewlab import open_archive
        from reviewlab.sample import build_sample

        folder = Path(tempfile.mkdtemp(prefix="reviewlab-nbval-"))
        _state["folder"] = folder
        _state["pristine"] = folder / "sample.db"
        with open_archive(_state["pristine"]) as archive:
            build_sample(archive)
            archive.checkpoint()
    return _state["pristine"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    notebook = item.parent
    if not str(getattr(item, "path", "")).endswith(".ipynb") or getattr(notebook, "_reviewlab_archive", None):
        yield
        return
    copy = _pristine().with_name(f"{Path(str(item.path)).stem}.db")
    shutil.copyfile(_pristine(), copy)
    notebook._reviewlab_archive = copy
    old = os.environ.get("REVIEWLAB_ARCHIVE")
    os.environ["REVIEWLAB_ARCHIVE"] = str(copy)
    try:
        yield  # nbval starts this notebook's kernel here, with the environment above
    finally:
        if old is None:
            os.environ.pop("REVIEWLAB_ARCHIVE", None)
        else:
            os.environ["REVIEWLAB_ARCHIVE"] = old


def pytest_sessionfinish(session: pytest.Session) -> None:
    if "folder" in _state:
        shutil.rmtree(_state["folder"], ignore_errors=True)
