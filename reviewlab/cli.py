"""The `reviewlab` command: argument parsing and output only; the work is in the library."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from reviewlab.cli_errors import Group
from reviewlab.config import DEFAULT_WORKSPACE, ENV_ARCHIVE, ENV_WORKSPACE, default_archive
from reviewlab.exports import safe_csv, write_file

archive_option = click.option(
    "--archive", "archive_path", envvar=ENV_ARCHIVE, default=None, metavar="PATH_OR_URL",
    help=f"Archive file or sqlite:/// URL [default: ${ENV_ARCHIVE}, else reviews.db].")


@click.group(cls=Group)
@click.version_option(package_name="reviewlab")
def cli() -> None:
    """reviewlab: facilitate post-incident reviews and learn across them.

    Example: reviewlab init --sample --archive reviews.db && reviewlab list --archive reviews.db
    """


def _open(archive_path: str | None, *, create: bool = False) -> Any:
    """Open the archive; only init and import may create a new file (elsewhere a typo would
    silently show an empty archive)."""
    from reviewlab.archive import open_archive

    path = archive_path or default_archive()
    file = Path(path.removeprefix("sqlite:///")).expanduser()
    if not create and "://" not in path.replace("sqlite:///", "") and path != ":memory:" and not file.exists():
        msg = (f"no archive at {file}; create one with: reviewlab init --archive {path} "
               f"(or pass --archive / set {ENV_ARCHIVE})")
        raise click.ClickException(msg)
    return open_archive(path)


@cli.command()
@archive_option
@click.option("--sample", is_flag=True, help="Fill the new archive with the sample reviews from data/.")
@click.option("--force", is_flag=True, help="Replace an existing archive file.")
def init(archive_path: str | None, sample: bool, force: bool) -> None:
    """Create an archive, empty or with the sample reviews.

    Example: reviewlab init --sample --archive build/sample.db
    """
    from reviewlab.sample import build_sample_file

    path = archive_path or default_archive()
    target = Path(path.removeprefix("sqlite:///")).expanduser()
    if target.exists():
        if not force:
            raise click.ClickException(f"{target} already exists; use --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    if sample:  # built under a temporary name and moved in place: an interrupted build leaves no half archive
        count = build_sample_file(target, progress=sys.stderr.isatty())
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _open(str(target), create=True):
            count = 0
    click.echo(f"created {target} with {count} review(s)")


@cli.command("list")
@archive_option
def list_reviews(archive_path: str | None) -> None:
    """List the reviews in the archive, oldest first.

    The date is the incident's day ('~' before a document's date when the incident's is unknown);
    '?' is an unknown severity; imported reviews say how many import notes they carry.

    Example: reviewlab list --archive build/sample.db
    """
    from reviewlab.unknowns import incident_day

    with _open(archive_path) as archive:
        for review in archive.reviews():
            notes = len(archive.import_notes(review.id))
            severity = review.severity.value if review.severity is not None else "?"
            click.echo(f"{review.id:<10} {incident_day(review):<11} {severity:<5} {review.status.value:<14} "
                       f"{review.title}" + (f"  [{notes} import note(s)]" if notes else ""))


include_private_option = click.option(
    "--include-private", is_flag=True,
    help="Include the private interview notes (left out by default), each marked [private].")


@cli.command()
@archive_option
@click.argument("review_id")
@include_private_option
def show(archive_path: str | None, review_id: str, include_private: bool) -> None:
    """Show one review: incident, roster, contributions by kind (private interview notes left out), import notes.

    Example: reviewlab show r01 --archive build/sample.db
    """
    from reviewlab.privacy import PRIVATE_MARK, count_private, hidden_note, included_note, visible
    from reviewlab.unknowns import event_when, incident_when, severity_text

    with _open(archive_path) as archive:
        review = archive.get_review(review_id)
        click.echo(f"{review.id}: {review.title}")
        click.echo(f"  severity {severity_text(review)}; incident start {incident_when(review)}; {review.status.value}")
        click.echo(f"  services: {', '.join(review.services) or '-'}; facilitator: {review.facilitator or '-'}")
        for p in archive.participants(review_id):
            click.echo(f"  - {p.name} ({p.role.value}{', responded' if p.responded else ''})")
        day = review.incident_start.date() if review.incident_start else None
        said = archive.contributions(review_id)
        for c in visible(said, include_private=include_private):
            when = f" {event_when(c, day=day)}" if c.kind.value == "timeline_event" else ""
            mark = f" {PRIVATE_MARK}" if c.private else ""
            click.echo(f"  [{c.kind.value}{when}]{mark} {c.participant}: {c.text}")
        hidden = count_private(said)
        if hidden:
            click.echo(f"  ({included_note(hidden) if include_private else hidden_note(hidden, 'add --include-private')})")
        _echo_notes(archive.import_notes(review_id))


def _echo_notes(notes: list[Any], indent: str = "  ") -> None:
    if notes:
        click.echo(f"{indent}import notes ({len(notes)}):")
    for note in notes:
        click.echo(f"{indent}  - {note}")


@cli.command(context_settings={"ignore_unknown_options": True})
@click.option("--archive", "archive_path", envvar=ENV_ARCHIVE, default=None, metavar="PATH_OR_URL",
              help=f"Your archive [default: ${ENV_ARCHIVE}, else the workspace's copy of the sample archive].")
@click.option("--workspace", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=f"Folder of your working copies [default: ${ENV_WORKSPACE}, else {DEFAULT_WORKSPACE}].")
@click.option("--port", type=int, default=None, help="Port for JupyterLab.")
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
@click.option("--no-start", is_flag=True, help="Prepare the workspace and say what it holds; do not start JupyterLab.")
@click.argument("jupyter_args", nargs=-1, type=click.UNPROCESSED)
def lab(archive_path: str | None, workspace: Path | None, port: int | None, no_browser: bool, no_start: bool,
        jupyter_args: tuple[str, ...]) -> None:
    """Start JupyterLab on your working copies of the notebooks (copied in when missing, never overwritten).

    Without --archive (or $REVIEWLAB_ARCHIVE) the notebooks open the workspace's copy of the sample
    archive and their demo cells run; with your own archive they never do. Arguments after -- go to
    JupyterLab.

    Example: reviewlab lab --archive ~/reviews.db --workspace ~/reviewlab
    """
    from reviewlab.workspace import lab_command, prepare_workspace

    report = prepare_workspace(workspace, sample=archive_path is None)
    for line in report.lines():
        click.echo(line)
    if archive_path is None:
        archive, demo = str(report.sample), True
    else:
        with _open(archive_path):  # it must exist: a typo would open an empty archive
            pass
        archive, demo = archive_path if "://" in archive_path else str(Path(archive_path).expanduser().resolve()), False
    click.echo(f"archive: {archive}" + (" (the sample: demo cells run)" if demo else " (demo cells do not run)"))
    if no_start:
        return
    args, env = lab_command(report.folder, archive, demo=demo, port=port, no_browser=no_browser, extra=jupyter_args)
    os.execvpe(args[0], args, env)


def _progress() -> bool:
    return sys.stderr.isatty()


@cli.command("import")
@archive_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Read and check every file; show what would be imported; write nothing.")
@click.option("--overwrite", is_flag=True,
              help="Replace reviews that are already in the archive (says what that removes and changes).")
@click.option("--force", is_flag=True,
              help="With --overwrite: replace even when that removes contributions, plans or agenda topics "
                   "the archive holds and the file does not.")
@click.option("--timezone", "timezone_name", metavar="ZONE",
              help="Zone of the times a Markdown postmortem gives without one (Europe/Berlin, +01:00, UTC); "
                   "the document's own statements win.")
@click.option("--date", "day", metavar="DATE", help="The incident's date (2025-05-06), for times a Markdown "
                                                     "postmortem gives without one.")
def import_(archive_path: str | None, paths: tuple[Path, ...], dry_run: bool, overwrite: bool, force: bool,
            timezone_name: str | None, day: str | None) -> None:
    """Import reviews: review JSON, CSV of contributions, Markdown postmortems, or folders of them.

    Every file is checked first; then all reviews are imported at once, or none. A Markdown
    postmortem with a title and any prose is imported: what it leaves open is kept as written, and
    every assumption is an import note, printed here and kept with the review (show, report).
    --overwrite replaces reviews the archive holds, but refuses (naming them) to remove contributions,
    plans or agenda topics recorded in the archive that the file lacks, unless --force is given too;
    --dry-run says the same.

    Example: reviewlab import postmortems/ extra.csv --dry-run --archive build/sample.db
    """
    from reviewlab.importers import import_paths

    target = archive_path or default_archive()
    if dry_run and "://" not in target and not Path(target).exists():
        target = ":memory:"  # a dry run creates no archive file
    with _open(target, create=True) as archive:
        parsed = import_paths(archive, paths, dry_run=dry_run, overwrite=overwrite, force=force,
                              progress=_progress(), timezone=timezone_name, day=day)
    count = 0
    for item in parsed:
        click.echo(f"{item.path} ({item.format})")
        for line in item.describe():
            click.echo(f"  {line}")
        for warning in item.warnings:
            click.echo(f"  note: {warning}", err=True)
        count += len(item.bundles)
    verb = "would import" if dry_run else "imported"
    click.echo(f"{verb} {count} review(s) from {len(parsed)} file(s)" + (" (dry run: nothing written)" if dry_run else ""))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file(output, text)
        click.echo(f"wrote {output}", err=True)


@cli.command()
@archive_option
@click.argument("review_id")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="Markdown or self-contained HTML (charts inlined).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file, not stdout.")
@click.option("--no-charts", is_flag=True, help="Leave the charts out of the HTML (faster).")
def report(archive_path: str | None, review_id: str, fmt: str, output: Path | None, no_charts: bool) -> None:
    """Write one review as a report: summary, timeline with viewpoints, what went right, learnings, repairs.

    Example: reviewlab report r01 --format html -o r01.html --archive build/sample.db
    """
    from reviewlab.report import review_report

    with _open(archive_path) as archive:
        _write(review_report(archive, review_id, fmt, charts=not no_charts), output)  # type: ignore[arg-type]


@cli.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when anything is flagged.")
@click.option("--phase", default=None, metavar="PHASE",
              help="Phase of the review (opener, timeline, decisions, ...): picks the bank question that fits.")
def coach(text: str, as_json: bool, strict: bool, phase: str | None) -> None:
    """Check the wording of a question or note: why-questions, blame, counterfactuals, hindsight.

    TEXT may be '-' to read standard input.

    Example: reviewlab coach "Why didn't you roll back sooner?"
    """
    import json

    from reviewlab.coach import check

    if text == "-":
        text = sys.stdin.read()
    findings = check(text, phase=phase)
    if as_json:
        click.echo(json.dumps([{"label": f.label, "span": [f.start, f.end], "text": f.text,
                                "explanation": f.explanation, "suggestion": f.suggestion} for f in findings], indent=2))
    elif not findings:
        click.echo("Nothing flagged: the wording asks how and what, without blame.")
    for f in [] if as_json else findings:
        click.echo(f"{f.label} at {f.start}-{f.end}: \"{f.text}\"")
        click.echo(f"  why it matters: {f.explanation}")
        click.echo(f"  try: {f.suggestion}")
    if strict and findings:
        sys.exit(1)


@cli.command()
@archive_option
@click.option("--model", default=None, metavar="NAME",
              help="Embedding model: a local folder or a cached name [default: the bundled all-MiniLM-L6-v2].")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file, not stdout.")
@click.option("--contributions", is_flag=True, help="One row per contribution with its theme, not one per theme.")
@click.option("--kind", "kinds", multiple=True, help="Only these kinds (repeatable), e.g. --kind observation.")
@click.option("--n-themes", type=click.IntRange(min=1), default=None, help="How many themes [default: automatic].")
@click.option("--min-size", type=click.IntRange(min=1), default=None, help="Fewest contributions in a theme.")
@include_private_option
@click.option("--names-weight", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Weight of each text without the names of people, companies, services and files; "
                   "0 embeds texts as written (the view is left out by itself, with a note, for text that "
                   "capitalises its nouns, such as German).")
@click.option("--no-kind-centring", is_flag=True,
              help="Centre on the whole archive only, not on each kind's own mean.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the theme report (.md or .html).")
def analyze(archive_path: str | None, model: str | None, fmt: str, output: Path | None, contributions: bool,
            kinds: tuple[str, ...], n_themes: int | None, min_size: int | None, include_private: bool,
            names_weight: float, no_kind_centring: bool, report_path: Path | None) -> None:
    """Find the themes that keep coming back across reviews; write them as CSV or JSON.

    Example: reviewlab analyze --format json -o themes.json --report themes.html --archive build/sample.db
    """
    import warnings

    from reviewlab.analysis import find_themes
    from reviewlab.analysis.names import NamesViewWarning
    from reviewlab.explore import themes_table
    from reviewlab.privacy import count_private, included_note

    with _open(archive_path) as archive:
        frame = archive.contributions_frame(include_private=include_private)
        if include_private:
            click.echo(f"note: {included_note(count_private(frame))}", err=True)
        if kinds:
            frame = frame[frame["kind"].isin(kinds)]
        if frame.empty:
            raise click.ClickException("no contributions to analyze; import reviews first: reviewlab import PATH")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", NamesViewWarning)
            result = find_themes(frame, model=model, cache=archive, n_themes=n_themes, min_size=min_size,
                                 names_weight=names_weight, centre_kinds=not no_kind_centring, progress=_progress())
        for warning in caught:
            if issubclass(warning.category, NamesViewWarning):
                click.echo(f"note: {warning.message}", err=True)
            else:
                warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    table = themes_table(frame, result, contributions=contributions, flat=fmt == "csv")
    if fmt == "csv":
        text = safe_csv(table)
    else:
        text = table.to_json(orient="records", date_format="iso", indent=2, force_ascii=False) + "\n"
    _write(text, output)
    if report_path is not None:
        from reviewlab.report import themes_report

        fmt_report = "html" if report_path.suffix.lower() in (".html", ".htm") else "md"
        write_file(report_path, themes_report(result.themes, fmt_report))  # type: ignore[arg-type]
        click.echo(f"wrote {report_path}", err=True)
    click.echo(f"{len(result.themes)} theme(s) over {len(frame)} contribution(s)", err=True)


SIDE_TITLES = {"factors": "Contributing factors", "went_right": "What went right", "repairs": "Recurring repairs"}


def _theme_table(themes: list[Any]) -> str:
    """Themes as an aligned plain-text table (names and labels cut to fit a terminal)."""
    head = ("id", "name", "label", "size", "reviews", "first seen", "last seen")
    rows = [(t.id, (t.name or "")[:30], t.label[:40] + (" [hidden]" if t.status == "hidden" else ""), str(t.size),
             str(t.n_reviews), t.first_seen or "-", t.last_seen or "-") for t in themes]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *rows])


def _theme_json(t: Any) -> dict[str, Any]:
    return {"id": t.id, "side": t.side, "name": t.name, "label": t.label, "status": t.status, "size": t.size,
            "n_reviews": t.n_reviews, "first_seen": t.first_seen, "last_seen": t.last_seen,
            "members": list(t.members)}


by_option = click.option("--by", default=None, metavar="NAME", help="Who decides (recorded with the decision).")


@cli.group(invoke_without_command=True)
@archive_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--side", type=click.Choice(["factors", "went_right", "repairs", "all"]), default="all",
              show_default=True, help="Which side of the catalogue to list.")
@click.option("--hidden", is_flag=True, help="List hidden themes too.")
@click.option("--model", default=None, metavar="NAME",
              help="Embedding model: a local folder or a cached name [default: the bundled all-MiniLM-L6-v2].")
@click.option("--no-update", is_flag=True, help="List the catalogue as stored, without re-analysing.")
@click.pass_context
def themes(ctx: click.Context, archive_path: str | None, fmt: str, side: str, hidden: bool, model: str | None,
           no_update: bool) -> None:
    """Update the theme catalogue (stable ids, your names and decisions kept) and list its themes.

    Questions never form themes; what went right and recurring repairs are sides of their own.
    JSON adds each theme's member contribution ids.

    Example: reviewlab themes --archive build/sample.db; reviewlab themes rename T0003 "Replica lag unseen"
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"archive_path": archive_path, "model": model}
        return
    import json

    from reviewlab.analysis.catalogue import SIDES, load_catalogue, update_catalogue

    with _open(archive_path) as archive:
        if no_update:
            catalogue = load_catalogue(archive)
        else:
            result = update_catalogue(archive, model=model, progress=_progress())
            catalogue = result.catalogue
            click.echo(f"catalogue updated: {result.kept} kept, {result.joined} joined, {result.moved} moved, "
                       f"{result.left_out} left, {result.new_themes} new theme(s) over {result.contributions} "
                       "contribution(s)", err=True)
            for item_id, label in result.links_unresolved:
                click.echo(f"note: repair item {item_id} is linked to {label!r}, which names no theme now; "
                           "the link is kept (confirm a theme id in planning)", err=True)
    sides = SIDES if side == "all" else (side,)
    if fmt == "json":
        data = [_theme_json(t) for s in sides for t in catalogue.themes(s, include_hidden=hidden)]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for s in sides:
        found = catalogue.themes(s, include_hidden=hidden)
        click.echo(f"{SIDE_TITLES[s]} ({len(found)} theme(s))")
        click.echo(_theme_table(found) if found else "  (none)")
        click.echo("")


def _archive_of(ctx: click.Context, archive_path: str | None) -> Any:
    return _open(archive_path or (ctx.obj or {}).get("archive_path"))


@themes.command("rename")
@archive_option
@click.argument("theme_id")
@click.argument("name")
@by_option
@click.pass_context
def themes_rename(ctx: click.Context, archive_path: str | None, theme_id: str, name: str, by: str | None) -> None:
    """Name a theme (an empty NAME clears it); later updates keep the name."""
    from reviewlab.analysis.catalogue import rename_theme

    with _archive_of(ctx, archive_path) as archive:
        theme = rename_theme(archive, theme_id, name, by=by)
    click.echo(f"{theme.id}: {theme.display}")


@themes.command("merge")
@archive_option
@click.argument("into_id")
@click.argument("other_ids", nargs=-1, required=True)
@by_option
@click.pass_context
def themes_merge(ctx: click.Context, archive_path: str | None, into_id: str, other_ids: tuple[str, ...],
                 by: str | None) -> None:
    """Merge OTHER_IDS into INTO_ID; their members stay together in every later update."""
    from reviewlab.analysis.catalogue import merge_themes

    with _archive_of(ctx, archive_path) as archive:
        theme = merge_themes(archive, into_id, list(other_ids), by=by)
    click.echo(f"merged {', '.join(i.upper() for i in other_ids)} into {theme.id}: {theme.display} "
               f"({theme.size} contributions, {theme.n_reviews} reviews)")


@themes.command("split")
@archive_option
@click.argument("theme_id")
@click.option("--parts", type=click.IntRange(min=2), default=2, show_default=True, help="How many parts.")
@by_option
@click.pass_context
def themes_split(ctx: click.Context, archive_path: str | None, theme_id: str, parts: int | None,
                 by: str | None) -> None:
    """Split a theme by re-clustering its members; the largest part keeps the id."""
    from reviewlab.analysis.catalogue import split_theme

    with _archive_of(ctx, archive_path) as archive:
        found = split_theme(archive, theme_id, by=by, parts=parts, model=(ctx.obj or {}).get("model"))
    for theme in found:
        click.echo(f"{theme.id}: {theme.display} ({theme.size} contributions, {theme.n_reviews} reviews)")


@themes.command("hide")
@archive_option
@click.argument("theme_id")
@by_option
@click.pass_context
def themes_hide(ctx: click.Context, archive_path: str | None, theme_id: str, by: str | None) -> None:
    """Hide a theme that is noise; it stays hidden through later updates."""
    from reviewlab.analysis.catalogue import hide_theme

    with _archive_of(ctx, archive_path) as archive:
        theme = hide_theme(archive, theme_id, by=by)
    click.echo(f"{theme.id} hidden: {theme.display}")


@themes.command("unhide")
@archive_option
@click.argument("theme_id")
@by_option
@click.pass_context
def themes_unhide(ctx: click.Context, archive_path: str | None, theme_id: str, by: str | None) -> None:
    """Show a hidden theme again."""
    from reviewlab.analysis.catalogue import hide_theme

    with _archive_of(ctx, archive_path) as archive:
        theme = hide_theme(archive, theme_id, by=by, hidden=False)
    click.echo(f"{theme.id} shown: {theme.display}")


@themes.command("pin")
@archive_option
@click.argument("contribution_id")
@click.argument("theme_id", required=False)
@click.option("--out", is_flag=True, help="Pin the contribution out of any theme.")
@by_option
@click.pass_context
def themes_pin(ctx: click.Context, archive_path: str | None, contribution_id: str, theme_id: str | None, out: bool,
               by: str | None) -> None:
    """Pin a contribution to a theme (or --out of any); later updates keep it there."""
    from reviewlab.analysis.catalogue import load_catalogue, pin_contribution

    if out == (theme_id is not None):
        raise click.UsageError("give either a THEME_ID or --out")
    with _archive_of(ctx, archive_path) as archive:
        pin_contribution(archive, contribution_id, None if out else theme_id, by=by)
        where = load_catalogue(archive).theme_of(contribution_id)
    click.echo(f"{contribution_id} pinned {'out of any theme' if out else 'to ' + str(where)}")


def main() -> None:
    """Entry point of the console script."""
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
