"""A stored output that shows a failure is a failing test: the committed notebooks are checked cell by cell.

No error output, nothing on stderr, none of the refusal phrases the library prints (a fixed list in
tests/notebook_refusals.txt), and every code cell executed: the outputs a person reads in the
repository and the workspace show the features working.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REFUSALS = [line for line in (Path(__file__).parent / "notebook_refusals.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def problems(notebook: dict) -> list[str]:
    """What in a notebook's stored outputs shows a failure, one line each."""
    found = []
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        if cell.get("execution_count") is None and "".join(cell["source"]).strip():
            found.append(f"cell {i}: never executed")
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                found.append(f"cell {i}: error output {out.get('ename')}: {out.get('evalue')}")
                continue
            if kind == "stream" and out.get("name") == "stderr":
                found.append(f"cell {i}: stderr {''.join(out.get('text', ''))[:200]!r}")
            texts = ["".join(out.get("text", ""))] + ["".join(v) if isinstance(v, list) else str(v)
                                                      for k, v in out.get("data", {}).items() if k.startswith("text/")]
            for phrase in REFUSALS:
                if any(phrase in t for t in texts):
                    found.append(f"cell {i}: shows {phrase!r}")
    return found


def test_the_refusal_list_is_the_librarys_own():
    import reviewlab

    source = "\n".join(p.read_text() for p in Path(reviewlab.__file__).parent.rglob("*.py"))
    for phrase in REFUSALS:
        if phrase not in ("Traceback (most recent call last)", "Error displaying widget", "Warning:"):
            assert phrase in source, f"{phrase!r} is no longer printed by reviewlab; update notebook_refusals.txt"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_outputs_show_no_failure(path):
    assert problems(json.loads(path.read_text(encoding="utf-8"))) == []


def test_the_check_catches_what_it_looks_for():
    failing = {"cells": [
        {"cell_type": "code", "execution_count": 1, "source": ["x"], "outputs": [
            {"output_type": "error", "ename": "NameError", "evalue": "name 'review' is not defined", "traceback": []}]},
        {"cell_type": "code", "execution_count": 2, "source": ["y"], "outputs": [
            {"output_type": "stream", "name": "stderr", "text": ["DeprecationWarning: old\n"]}]},
        {"cell_type": "code", "execution_count": 3, "source": ["z"], "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["Not saved: no theme 'quota' in this analysis\n"]}]},
        {"cell_type": "code", "execution_count": None, "source": ["w"], "outputs": []},
    ]}
    assert sorted({line.split(":")[0] for line in problems(failing)}) == ["cell 0", "cell 1", "cell 2", "cell 3"]
