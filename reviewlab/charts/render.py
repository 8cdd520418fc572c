"""How charts draw: offline in JupyterLab (its own Vega 5 renderer), as files, and never as live markup.

JupyterLab 4 renders `application/vnd.vega.v5+json` outputs itself, offline, for trusted and
untrusted notebooks alike and again after a page reload, with selections working in the page. Its
Vega-Lite renderer stops at Vega-Lite 5 while Altair 6 writes Vega-Lite 6, so `enable_offline()`
compiles each chart with vl-convert's Vega-Lite 5 compiler into a Vega 5 spec and hands JupyterLab
that. Nothing is a `<script>` in the page, so a contribution's text cannot run as code. (Measured
in Chromium before choosing: Altair's inline HTML renderer draws only the first chart of a page and
runs `</script>` in a contribution's text; JupyterChart needs a live kernel and goes blank after a
reload; see docs/charts.md.)

`save_chart(chart, "x.html")` writes one self-contained page: the Vega bundle inlined, the spec as
JSON data with `<`, `>` and `&` escaped, so no text in a chart can close the script that holds it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import altair as alt

RENDERER = "reviewlab"
VEGA_MIMETYPE = "application/vnd.vega.v5+json"
COMPILER = "5.21"
"""The newest Vega-Lite 5 compiler in vl-convert; its Vega 5 output draws in JupyterLab's Vega 5.33."""

_EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def to_vega(spec: dict[str, Any]) -> dict[str, Any]:
    """A Vega-Lite spec (any version Altair writes) compiled to a Vega 5 spec, offline."""
    import vl_convert as vlc

    return vlc.vegalite_to_vega(spec, vl_version=COMPILER)


def _describe(spec: dict[str, Any]) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return f"<chart: {title}>" if title else "<chart>"


def vega_mimebundle(spec: dict[str, Any], **_: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The output JupyterLab draws itself: the chart as a Vega 5 spec, and a line of text for elsewhere.

    Registered as Altair's "reviewlab" renderer by `enable_offline()`.

    Examples:
        >>> data, meta = vega_mimebundle({"data": {"values": [{"a": 1}]}, "mark": "bar",
        ...                               "encoding": {"x": {"field": "a", "type": "quantitative"}}})
        >>> sorted(data), data[VEGA_MIMETYPE]["$schema"]
        (['application/vnd.vega.v5+json', 'text/plain'], 'https://vega.github.io/schema/vega/v5.json')
    """
    return ({VEGA_MIMETYPE: to_vega(spec), "text/plain": _describe(spec)},
            {VEGA_MIMETYPE: {"embed_options": _EMBED_OPTIONS}})


def enable_offline(mode: Literal["interactive", "svg", "html"] = "interactive") -> None:
    """Draw charts in notebooks without a CDN and without a script in the page.

    "interactive" (the default; "html" is an older name for it) hands JupyterLab a Vega 5 spec that
    it draws itself: tooltips and click selections work, charts stay after a reload. "svg" draws a
    static picture (vl-convert), for a frontend without a Vega renderer.
    """
    import altair as alt

    if mode in ("interactive", "html"):
        if RENDERER not in alt.renderers.names():
            alt.renderers.register(RENDERER, vega_mimebundle)
        alt.renderers.enable(RENDERER)
    elif mode == "svg":
        alt.renderers.enable("svg")
    else:
        from reviewlab.errors import ReviewlabError

        msg = f"unknown chart mode {mode!r}: use 'interactive' (the default) or 'svg'"
        raise ReviewlabError(msg)


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML `<script>`: `<`, `>`, `&` and line separators are escaped.

    Examples:
        >>> script_json({"text": "</script><img src=x onerror=alert(1)>"})
        '{"text": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def chart_html(chart: alt.TopLevelMixin | dict[str, Any], *, title: str = "chart") -> str:
    """One chart as a self-contained HTML page: works offline, and no text in the chart can run as code.

    The page inlines vl-convert's bundle (Vega-Lite 6, as Altair writes) and holds the spec as JSON
    data (`script_json`), read with JSON.parse: it is never parsed as script.
    """
    import html

    import vl_convert as vlc

    spec = chart if isinstance(chart, dict) else chart.to_dict()
    bundle = vlc.javascript_bundle().replace("</script", "<\\/script")
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>\n"
            f"<script>{bundle}</script></head>\n<body>\n<div id='chart'></div>\n"
            f"<script type='application/json' id='chart-spec'>{script_json(spec)}</script>\n"
            "<script>vegaEmbed('#chart', JSON.parse(document.getElementById('chart-spec').textContent),"
            f" {script_json({**_EMBED_OPTIONS, 'mode': 'vega-lite'})}).catch(console.error);</script>\n"
            "</body></html>\n")


def save_chart(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """Save a chart as PNG, SVG or self-contained HTML (by the file's suffix), offline."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".html"}:
        from reviewlab.errors import ReviewlabError

        msg = f"cannot save a chart as {suffix or 'a file without suffix'}: use .png, .svg or .html"
        raise ReviewlabError(msg)
    if suffix == ".html":
        path.write_text(chart_html(chart, title=path.stem), encoding="utf-8")
    else:
        chart.save(str(path))
    return path
