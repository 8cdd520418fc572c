"""Altair charts built from the analysis DataFrames; each `*_chart` returns a chart, never shows it.

altair is imported inside each builder, so `import reviewlab.charts` stays light.
"""

from __future__ import annotations

from reviewlab.charts.render import enable_offline, save_chart

__all__ = ["enable_offline", "save_chart"]
