"""Where the notebooks and the sample data are: inside the installed package, or beside it in a clone.

An installed reviewlab holds them as package data (reviewlab/_notebooks, reviewlab/_data; see
setup.py); a clone or an editable install reads the repository's notebooks/ and data/ folders,
which stay the source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from reviewlab.errors import ReviewlabError

_PACKAGE = Path(__file__).resolve().parent
_INSIDE = {"notebooks": "_notebooks", "data": "_data"}


def bundled(name: Literal["notebooks", "data"]) -> Path:
    """The folder of the shipped notebooks or sample data.

    Raises:
        ReviewlabError: neither the package nor a clone holds it (a broken install).
    """
    for folder in (_PACKAGE / _INSIDE[name], _PACKAGE.parent / name):
        if folder.is_dir():
            return folder
    msg = (f"reviewlab's {name} are missing: not in {_PACKAGE / _INSIDE[name]} nor {_PACKAGE.parent / name}; "
           "reinstall reviewlab (pip install --force-reinstall reviewlab)")
    raise ReviewlabError(msg)


def notebooks() -> list[Path]:
    """The shipped notebooks, in order."""
    return sorted(bundled("notebooks").glob("*.ipynb"))
