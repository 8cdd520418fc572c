"""Re-execute the committed notebooks so their stored outputs show the features working (`make notebooks`).

Each notebook runs in a fresh kernel on its own fresh copy of the sample archive, with the demo cells
on, in a scratch folder (nothing is written beside the notebooks but the notebooks themselves), as
nbval will run it. Usage: python tests/execute_notebooks.py [NAME ...]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def main(names: list[str]) -> None:
    from reviewlab.sample import build_sample_file

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if names:
        paths = [p for p in paths if any(n in p.name for n in names)]
    with tempfile.TemporaryDirectory(prefix="reviewlab-execute-") as tmp:
        pristine = Path(tmp) / "sample.db"
        build_sample_file(pristine)
        for path in paths:
            copy = Path(tmp) / f"{path.stem}.db"
            shutil.copyfile(pristine, copy)
            os.environ.update(REVIEWLAB_ARCHIVE=str(copy), REVIEWLAB_DEMO="1")
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, timeout=900, kernel_name="python3",
                           resources={"metadata": {"path": tmp}}).execute()
            nbformat.write(notebook, path)
            print(f"executed {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
