"""Importers: review JSON, CSV of contributions and Markdown postmortems into the archive, all or nothing.

Every file is read and checked before anything is written; then all reviews go into the archive in
one transaction. A bad file raises ImportFormatError naming the file, the line and the problem.

Examples:
    >>> from reviewlab import open_archive
    >>> from reviewlab.importers import import_paths
    >>> archive = open_archive(":memory:")
    >>> files = import_paths(archive, ["tests/data/postmortem-pass-google-sre.md"], dry_run=True)
    >>> files[0].bundles[0].review.id, archive.reviews()
    ('postmortem-pass-google-sre', [])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewlab.errors import DuplicateError, WouldRemoveWork
from reviewlab.importers.common import ParsedFile, fail
from reviewlab.importers.jsonfile import read_json
from reviewlab.importers.markdown import DOCUMENT, read_markdown
from reviewlab.importers.table import read_csv

if TYPE_CHECKING:
    from reviewlab.archive import Archive

SUFFIXES = {".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown"}

__all__ = ["DOCUMENT", "ParsedFile", "expand_paths", "import_paths", "read_csv", "read_file", "read_json",
           "read_markdown"]


def read_file(path: str | Path, *, now: datetime | None = None, timezone: str | None = None,
              day: str | None = None) -> ParsedFile:
    """Read one file by its suffix: .json, .csv, .md or .markdown.

    `timezone` and `day` settle what a Markdown postmortem leaves open (the zone of times written
    without one; the incident's date for times written without one); other formats carry their own.
    """
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise fail(path, None, f"cannot import a {path.suffix or 'file without suffix'}; "
                               f"use {', '.join(SUFFIXES)} files")
    if not path.is_file():
        raise fail(path, None, "no such file")
    if kind == "markdown":
        return read_markdown(path, now=now, timezone_name=timezone, day=day)
    parsed = read_json(path) if kind == "json" else read_csv(path, now=now)
    if timezone or day:
        parsed.warnings.append(f"{path}: --timezone and --date apply to Markdown postmortems; this {kind} file "
                               "carries its own times")
    return parsed


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and for a folder the importable files in it (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in SUFFIXES and f.is_file())
            if not found:
                raise fail(p, None, f"folder holds no {', '.join(SUFFIXES)} files")
            out.extend(found)
        else:
            out.append(p)
    return out


def import_paths(archive: Archive, paths: Iterable[str | Path], *, dry_run: bool = False, overwrite: bool = False,
                 force: bool = False, progress: bool = False, now: datetime | None = None,
                 timezone: str | None = None, day: str | None = None) -> list[ParsedFile]:
    """Read every file, check it, then import all reviews at once (or, with `dry_run`, none).

    A Markdown postmortem is imported whenever it has a title and some prose; what it leaves open is
    kept as written and every assumption is an import note on the review (`ParsedFile.describe`).
    `timezone` and `day` settle what documents leave open (see `read_file`).

    With `overwrite`, a review the archive already holds is replaced, and a note on its file says
    what that removes and changes; if it would remove anything the archive holds (contributions,
    plans, confirmed themes, agenda topics, participants), `force` is needed too.

    Returns:
        The parsed files, each with its reviews and warnings: what was (or would be) imported.

    Raises:
        ImportFormatError: a file is malformed (a Markdown file only when it is not a postmortem at all:
            binary, empty, no prose); nothing was imported.
        DuplicateError: a review is already in the archive and `overwrite` is false; nothing was imported.
        WouldRemoveWork: `overwrite` would remove what the archive holds and `force` is false (dry run
            or not); nothing was imported.
    """
    files = expand_paths(paths)
    if progress:
        from tqdm.auto import tqdm

        files = tqdm(files, desc="reading", unit="file")
    parsed = [read_file(p, now=now, timezone=timezone, day=day) for p in files]
    seen: dict[str, Path] = {}
    existing = {r.id for r in archive.reviews()}
    for item in parsed:
        for bundle in item.bundles:
            rid = bundle.review.id
            if rid in seen:
                raise fail(item.path, None, f"review {rid!r} is also in {seen[rid]}; give each review its own id")
            seen[rid] = item.path
            if rid in existing and not overwrite:
                raise _duplicate(item.path, rid, archive)
            change = archive.replacement(bundle) if rid in existing else None
            if change is not None:
                if change.removes and not force:
                    msg = (f"{item.path}: {change.describe()}; nothing was imported. Add --force "
                           "(force=True) to replace it anyway")
                    raise WouldRemoveWork(msg)
                item.warnings.append(f"{item.path}: {change.describe(done=not dry_run)}")
    if not dry_run:
        archive.import_reviews([b for item in parsed for b in item.bundles], overwrite=overwrite, force=force)
    return parsed


def _duplicate(path: Path, rid: str, archive: Archive) -> DuplicateError:
    msg = (f"{path}: review {rid!r} is already in {archive.path}; "
           "import with overwrite=True (reviewlab import --overwrite) to replace it")
    return DuplicateError(msg)
