"""Offline rendering of Altair charts: no CDN, so charts draw on a machine without internet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import altair as alt


def enable_offline(mode: Literal["html", "svg"] = "html") -> None:
    """Render charts in notebooks without loading Vega from a CDN.

    "html" inlines the Vega JavaScript (interactive: tooltips, selections); "svg" draws a static
    picture. Both need vl-convert-python, a dependency of reviewlab.
    """
    import altair as alt

    if mode == "html":
        alt.renderers.enable("html", template="inline")
    else:
        alt.renderers.enable("svg")


def save_chart(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """Save a chart as PNG, SVG or self-contained HTML (by the file's suffix), offline."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".html"}:
        from reviewlab.errors import ReviewlabError

        msg = f"cannot save a chart as {suffix or 'a file without suffix'}: use .png, .svg or .html"
        raise ReviewlabError(msg)
    if suffix == ".html":
        chart.save(str(path), inline=True)
    else:
        chart.save(str(path))
    return path
