"""How the `reviewlab` command reports errors: one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
from typing import Any

import click

from reviewlab.errors import ReviewlabError

ENV_DEBUG = "REVIEWLAB_DEBUG"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


class Group(click.Group):
    """Turns every error into one line and a non-zero exit, never a traceback.

    reviewlab's own errors say what to do; an OSError or SQLite error that reaches here is named as
    such; anything else is a bug, said so in one line ($REVIEWLAB_DEBUG=1 shows the traceback).
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ReviewlabError as err:
            raise click.ClickException(_one_line(str(err))) from err
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            raise click.ClickException(_one_line(f"{where}{err.strerror or err}")) from err
        except Exception as err:
            import sqlite3

            if os.environ.get(ENV_DEBUG):
                raise
            if isinstance(err, sqlite3.DatabaseError) and not isinstance(err, sqlite3.ProgrammingError):
                raise click.ClickException(_one_line(f"archive: {err}")) from err
            msg = (f"unexpected {type(err).__name__}: {err} (a bug in reviewlab: run again with {ENV_DEBUG}=1 "
                   "to see where, and report it)")
            raise click.ClickException(_one_line(msg)) from err
