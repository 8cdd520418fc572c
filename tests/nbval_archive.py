"""pytest plugin: every notebook under nbval starts on its own fresh copy of the sample archive.

Notebooks write (the demo cells press real buttons), so sharing one archive would make each
notebook's stored outputs depend on which notebooks ran before it. The sample is built once per
session, copied per notebook, and `$REVIEWLAB_ARCHIVE` points the notebook's kernel at the copy
only while that kernel starts, with `$REVIEWLAB_DEMO=1`: the demo cells run, as in `reviewlab lab` on
the sample. Notebook items are marked `notebook` and `slow` (`make test-fast` leaves them out). Charts' Vega
specs are not compared (random ids); their text line is.
Loaded by `make test` with `-p tests.nbval_archive`.
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
        from reviewlab.sample import build_sample_file

        folder = Path(tempfile.mkdtemp(prefix="reviewlab-nbval-"))
        _state["folder"] = folder
        _state["pristine"] = folder / "sample.db"
        build_sample_file(_state["pristine"])
    return _state["pristine"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    notebook = item.parent
    if not str(getattr(item, "path", "")).endswith(".ipynb") or getattr(notebook, "_reviewlab_archive", None):
        yield
        return
    # a chart's Vega spec holds random ids and data set names: its text line ("<chart: title>") is
    # compared, and the browser tests check that it draws
    notebook.skip_compare = (*notebook.skip_compare, "application/vnd.vega.v5+json")
    copy = _pristine().with_name(f"{Path(str(item.path)).stem}.db")
    shutil.copyfile(_pristine(), copy)
    notebook._reviewlab_archive = copy
    old = {name: os.environ.get(name) for name in ("REVIEWLAB_ARCHIVE", "REVIEWLAB_DEMO")}
    os.environ.update(REVIEWLAB_ARCHIVE=str(copy), REVIEWLAB_DEMO="1")
    try:
        yield  # nbval starts this notebook's kernel here, with the environment above
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if str(getattr(item, "path", "")).endswith(".ipynb"):
            item.add_marker(pytest.mark.notebook)
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if "folder" in _state:
        shutil.rmtree(_state["folder"], ignore_errors=True)
