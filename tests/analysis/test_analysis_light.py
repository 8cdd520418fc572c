"""`import reviewlab.analysis` must not load torch or sentence-transformers."""

from __future__ import annotations

import subprocess
import sys


def test_analysis_import_is_light() -> None:
    code = ("import reviewlab, reviewlab.analysis, sys; "
            "heavy = [m for m in ('torch', 'sentence_transformers', 'altair') if m in sys.modules]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)
