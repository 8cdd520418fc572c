"""Where things are when no one says: the archive, the workspace, and whether demo cells run.

`open_archive()` without a name opens `$REVIEWLAB_ARCHIVE` and nothing else: it never makes an
archive in whatever folder a kernel happens to run in. The `reviewlab` command keeps a default file
name (`reviews.db` here) for `init` and `import`, which create on purpose.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_ARCHIVE = "REVIEWLAB_ARCHIVE"
DEFAULT_ARCHIVE = "reviews.db"
"""The `reviewlab` command's archive when neither --archive nor $REVIEWLAB_ARCHIVE names one."""
ENV_WORKSPACE = "REVIEWLAB_WORKSPACE"
DEFAULT_WORKSPACE = "~/reviewlab"
"""Where `reviewlab lab` keeps your copies of the notebooks and of the sample archive."""
ENV_DEMO = "REVIEWLAB_DEMO"
"""Set to 1 by `reviewlab lab` when it opens the sample archive (and by the tests): demo cells run."""


def default_archive() -> str:
    """The `reviewlab` command's archive path or URL when none is given: $REVIEWLAB_ARCHIVE, else reviews.db."""
    return os.environ.get(ENV_ARCHIVE) or DEFAULT_ARCHIVE


def named_archive() -> str | None:
    """The archive named by $REVIEWLAB_ARCHIVE, or None when nothing names one."""
    return os.environ.get(ENV_ARCHIVE) or None


def default_workspace() -> Path:
    """The folder of your working copies: $REVIEWLAB_WORKSPACE, else ~/reviewlab."""
    return Path(os.environ.get(ENV_WORKSPACE) or DEFAULT_WORKSPACE).expanduser()


def demo_enabled() -> bool:
    """Whether the notebooks' demo cells run: only when $REVIEWLAB_DEMO is 1 (the sample archive's lab)."""
    return os.environ.get(ENV_DEMO, "").strip().lower() in ("1", "true", "yes", "on")
