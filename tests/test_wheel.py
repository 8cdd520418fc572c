"""Installed, not only cloned: the built wheel carries the notebooks and the sample data, and they work.

The wheel is built from the tracked files, installed with --no-deps into a fresh virtual environment
that reaches the project's installed dependencies through a .pth file, and run from outside the
repository: `reviewlab.__file__` must lie in the new environment, `reviewlab init --sample` must build
the sample archive, and `reviewlab lab --no-start` must give the installed notebooks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        return [name for name in out.decode().split("\0") if name and (ROOT / name).is_file()]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: everything but what is built
        skip = {".venv", "build", "artifacts", ".git", ".pytest_cache"}
        return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                if p.is_file() and not skip & set(p.relative_to(ROOT).parts) and "__pycache__" not in p.parts]


def _run(*args: object, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_wheel_installs_and_builds_the_sample_outside_the_repository(tmp_path):
    source = tmp_path / "source"
    for name in _tracked_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REVIEWLAB_ARCHIVE", "REVIEWLAB_DATA",
                                                            "REVIEWLAB_WORKSPACE", "VIRTUAL_ENV")}
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist",
         source, cwd=tmp_path, env=env)
    wheel = next((tmp_path / "dist").glob("reviewlab-*.whl"))

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=tmp_path, env=env).strip())
    # the project's installed dependencies, reached without copying them (the shared venv's site-packages)
    (purelib / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel, cwd=tmp_path, env=env)

    where = Path(_run(python, "-c", "import reviewlab; print(reviewlab.__file__)", cwd=tmp_path, env=env).strip())
    assert where.is_relative_to(venv), where
    assert (where.parent / "_notebooks" / "02_facilitate_review.ipynb").is_file()
    out = _run(venv / "bin" / "reviewlab", "init", "--sample", "--archive", tmp_path / "sample.db", cwd=tmp_path, env=env)
    assert f"created {tmp_path / 'sample.db'} with 40 review(s)" in out
    out = _run(venv / "bin" / "reviewlab", "lab", "--no-start", "--workspace", tmp_path / "work", cwd=tmp_path, env=env)
    assert "copied in: 00_start_here.ipynb, 01_prepare_review.ipynb" in out
    assert (tmp_path / "work" / "04_plan_repairs.ipynb").read_bytes() == (ROOT / "notebooks" / "04_plan_repairs.ipynb").read_bytes()
