"""The `reviewlab` command: argument parsing and output only; the work is in the library."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from reviewlab.config import ENV_ARCHIVE, default_archive
from reviewlab.errors import ReviewlabError

archive_option = click.option(
    "--archive", "archive_path", envvar=ENV_ARCHIVE, default=None, metavar="PATH_OR_URL",
    help=f"Archive file or sqlite:/// URL [default: ${ENV_ARCHIVE}, else reviews.db].")


class Group(click.Group):
    """Turns reviewlab's own errors into one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReviewlabError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=Group)
@click.version_option(package_name="reviewlab")
def cli() -> None:
    """reviewlab: facilitate post-incident reviews and learn across them.

    Example: reviewlab init --sample --archive reviews.db && reviewlab list --archive reviews.db
    """


def _open(archive_path: str | None) -> Any:
    from reviewlab.archive import open_archive

    return open_archive(archive_path or default_archive())


@cli.command()
@archive_option
@click.option("--sample", is_flag=True, help="Fill the new archive with the sample reviews from data/.")
@click.option("--force", is_flag=True, help="Replace an existing archive file.")
def init(archive_path: str | None, sample: bool, force: bool) -> None:
    """Create an archive, empty or with the sample reviews.

    Example: reviewlab init --sample --archive build/sample.db
    """
    from reviewlab.sample import build_sample

    path = archive_path or default_archive()
    target = Path(path.removeprefix("sqlite:///"))
    if target.exists():
        if not force:
            raise click.ClickException(f"{target} already exists; use --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    # build into a temporary file, then move it in place: an interrupted build leaves no half archive
    partial = target.with_name(target.name + ".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    with _open(str(partial)) as archive:
        count = build_sample(archive, progress=sys.stderr.isatty()) if sample else 0
        archive.checkpoint()
    shutil.move(str(partial), target)
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)
    click.echo(f"created {target} with {count} review(s)")


@cli.command("list")
@archive_option
def list_reviews(archive_path: str | None) -> None:
    """List the reviews in the archive, oldest first.

    Example: reviewlab list --archive build/sample.db
    """
    with _open(archive_path) as archive:
        for review in archive.reviews():
            click.echo(f"{review.id:<10} {review.incident_start:%Y-%m-%d} {review.severity.value:<5} "
                       f"{review.status.value:<14} {review.title}")


@cli.command()
@archive_option
@click.argument("review_id")
def show(archive_path: str | None, review_id: str) -> None:
    """Show one review: incident, roster and contributions by kind.

    Example: reviewlab show r01 --archive build/sample.db
    """
    with _open(archive_path) as archive:
        review = archive.get_review(review_id)
        click.echo(f"{review.id}: {review.title}")
        click.echo(f"  {review.severity.value}, {review.incident_start:%Y-%m-%d %H:%M %Z}, {review.status.value}")
        click.echo(f"  services: {', '.join(review.services) or '-'}; facilitator: {review.facilitator or '-'}")
        for p in archive.participants(review_id):
            click.echo(f"  - {p.name} ({p.role.value}{', responded' if p.responded else ''})")
        for c in archive.contributions(review_id):
            click.echo(f"  [{c.kind.value}] {c.participant}: {c.text}")


@cli.command()
@archive_option
@click.option("--port", type=int, default=None, help="Port for JupyterLab.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
def lab(archive_path: str | None, port: int | None, no_browser: bool) -> None:
    """Start JupyterLab on the notebooks with this archive.

    Example: reviewlab lab --archive build/sample.db
    """
    path = archive_path or default_archive()
    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    env = {**os.environ, ENV_ARCHIVE: str(Path(path).resolve()) if "://" not in path else path}
    args = [sys.executable, "-m", "jupyter", "lab", f"--notebook-dir={notebooks if notebooks.is_dir() else Path.cwd()}"]
    if port:
        args.append(f"--port={port}")
    if no_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    os.execvpe(args[0], args, env)


def main() -> None:
    """Entry point of the console script."""
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
