"""`import reviewlab` stays light: no torch, sentence-transformers or altair until they are used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "sentence_transformers", "altair", "sklearn", "ipywidgets")


def test_import_reviewlab_is_light():
    code = ("import sys, reviewlab, reviewlab.archive, reviewlab.model, reviewlab.cli; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
