"""Your workspace: working copies of the notebooks and of the sample archive, apart from reviewlab's source.

`reviewlab lab` opens JupyterLab here (default ~/reviewlab, or $REVIEWLAB_WORKSPACE, or
--workspace DIR), so what you run and save lands in your copies, never in the installed or cloned
notebooks. A notebook is copied in only when it is missing: your edits are never overwritten. When
the installed notebook changed since it was copied, you are told, and yours is kept.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> report = prepare_workspace(folder, sample=False)
    >>> report.copied[:2]
    ['00_start_here.ipynb', '01_prepare_review.ipynb']
    >>> prepare_workspace(folder, sample=False).copied
    []
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from reviewlab.config import default_workspace
from reviewlab.errors import ReviewlabError
from reviewlab.resources import notebooks

MANIFEST = ".reviewlab-notebooks.json"
"""In the workspace: the hash of each notebook as it was copied in, to tell an installed update from your edits."""
SAMPLE = "sample.db"


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class WorkspaceReport:
    """What `prepare_workspace` found and did."""

    folder: Path
    copied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    newer: list[str] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)
    sample: Path | None = None
    sample_built: bool = False

    def lines(self) -> list[str]:
        """The report in plain lines, for the command line."""
        out = [f"workspace: {self.folder}"]
        if self.copied:
            out.append(f"  copied in: {', '.join(self.copied)}")
        if self.updated:
            out.append(f"  updated (you had not changed them): {', '.join(self.updated)}")
        if self.kept:
            out.append(f"  your copies kept: {', '.join(self.kept)}")
        for name in self.newer:
            out.append(f"  the installed {name} is newer than your copy; yours is kept "
                       f"(to take the new one, rename yours and run `reviewlab lab` again)")
        for name in self.differs:
            out.append(f"  {name} differs from the installed one; yours is kept")
        if self.sample is not None:
            out.append(f"  sample archive: {self.sample}" + (" (built from the shipped sample)" if self.sample_built else ""))
        return out


def _manifest(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def prepare_workspace(folder: str | Path | None = None, *, sample: bool = True) -> WorkspaceReport:
    """Make sure the workspace holds the notebooks (copied only when missing) and, with `sample`, the sample archive.

    Arguments:
        folder: the workspace; by default $REVIEWLAB_WORKSPACE, else ~/reviewlab.
        sample: build the sample archive (sample.db) there when it is missing.

    Raises:
        ReviewlabError: the folder cannot be made or written.
    """
    folder = Path(folder).expanduser() if folder is not None else default_workspace()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"cannot make the workspace {folder}: {err.strerror}; pick another with --workspace DIR"
        raise ReviewlabError(msg) from err
    report = WorkspaceReport(folder.resolve())
    given = _manifest(folder)
    for source in notebooks():
        name, target, installed = source.name, folder / source.name, _hash(source)
        if not target.exists():
            shutil.copyfile(source, target)
            given[name] = installed
            report.copied.append(name)
        elif _hash(target) == installed:
            given[name] = installed
            report.kept.append(name)
        elif name in given and given[name] != installed and _hash(target) == given[name]:
            shutil.copyfile(source, target)  # an untouched copy of an older notebook: nothing of yours to lose
            given[name] = installed
            report.updated.append(name)
        elif name in given and given[name] != installed:
            report.newer.append(name)
        elif name in given:
            report.kept.append(name)  # your edits of the notebook as it was given
        else:
            report.differs.append(name)
    (folder / MANIFEST).write_text(json.dumps(given, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if sample:
        report.sample = folder.resolve() / SAMPLE
        if not report.sample.exists():
            from reviewlab.sample import build_sample_file

            build_sample_file(report.sample)
            report.sample_built = True
    return report


def lab_command(folder: Path, archive: str, *, demo: bool, port: int | None = None, no_browser: bool = False,
                extra: tuple[str, ...] = ()) -> tuple[list[str], dict[str, str]]:
    """The JupyterLab command line and environment for a workspace: root in `folder`, $REVIEWLAB_ARCHIVE set."""
    import os
    import sys

    from reviewlab.config import ENV_ARCHIVE, ENV_DEMO

    env = {**os.environ, ENV_ARCHIVE: archive, ENV_DEMO: "1" if demo else "0"}
    args = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={folder}"]
    if port:
        args.append(f"--port={port}")
    if no_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    return [*args, *extra], env
