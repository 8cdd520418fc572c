"""What a press that fails shows: a plain line in the form, never a traceback in a corner of the page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from reviewlab.capture.render import esc
from reviewlab.errors import ReviewlabError

ERROR_STYLE = "color:#b00020"


def failure_html(err: BaseException, verb: str = "Not saved") -> str:
    """'Not saved: <what was wrong>' for reviewlab's own errors; for anything else (a full disk, a broken
    character), what failed and that nothing typed was lost."""
    if isinstance(err, ReviewlabError):
        text = f"{verb}: {err}"
    else:
        detail = str(err) or type(err).__name__
        text = (f"{verb}: the archive did not take it ({type(err).__name__}: {detail[:300]}). What you typed is "
                "still here; fix the cause (free disk space, remove odd characters) and press again.")
    return f'<span class="rl-error" style="{ERROR_STYLE}">{esc(text)}</span>'


def guarded(show: Callable[[str], None], verb: str = "Not done") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a button handler: any error is shown through `show(html)` instead of raised."""

    def wrap(handler: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except Exception as err:  # noqa: BLE001 - a person pressed a button: say what failed, keep going
                show(failure_html(err, verb))
                return None

        return run

    return wrap
