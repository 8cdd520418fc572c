"""Acceptance, from the user's seat: every notebook in JupyterLab in Debian's Chromium, as `reviewlab lab` opens them.

The workspace holds a copy of the sample archive, so the demo cells run. The five notebooks are opened
one after another in ONE browser tab (as a person would), each Run All: no error output, nothing on
stderr, no error logged by the page, every widget drawn, every chart cell drawing a chart of real size;
in notebook 03 a click on a theme's bar lists its contributions. Then the page is reloaded and every
chart must draw again. Screenshots of each chart and widget land in artifacts/screenshots/.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.notebook, pytest.mark.timeout(1800)]

NOTEBOOKS = ["00_start_here.ipynb", "01_prepare_review.ipynb", "02_facilitate_review.ipynb",
             "03_explore_themes.ipynb", "04_plan_repairs.ipynb"]
CHARTS = {"02_facilitate_review.ipynb": 1, "03_explore_themes.ipynb": 7, "04_plan_repairs.ipynb": 1}
MIN_CHART = (150, 80)


@pytest.fixture(scope="module")
def tab(lab_on, new_tab, sample_workspace):
    page = new_tab(lab_on(sample_workspace))
    page.open(NOTEBOOKS[0])
    yield page
    page.close()


def _open_in_same_tab(tab, name: str, *, settle_ms: int = 0) -> None:
    """Open `name` and make it the current notebook; with `settle_ms`, check it still is after that pause.

    After a reload JupyterLab may restore the tab it had open last *after* our open command returned (seen
    in CI: 03's seven charts measured while 02 was asked for), so the check is repeated until it holds.
    """
    is_current = f"window.jupyterapp.shell.currentWidget?.context?.path === '{name}'"
    for _ in range(5):
        tab.page.evaluate(f"window.jupyterapp.commands.execute('docmanager:open', {{path: '{name}'}}).then(() => true)")
        tab.page.wait_for_function(is_current, timeout=180_000)
        tab.wait_idle()
        if not settle_ms:
            return
        tab.page.wait_for_timeout(settle_ms)
        if tab.page.evaluate(is_current):
            return
    raise AssertionError(f"JupyterLab kept switching away from {name}")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_run_all_draws_every_chart_and_widget_without_an_error(tab, name):
    _open_in_same_tab(tab, name)
    tab.errors.clear()
    tab.run_all()
    stem = name.split("_")[0]
    assert tab.error_outputs() == []
    for i in tab.chart_cells():
        tab.shot(f"{stem}-chart-cell{i:02d}", tab.cell(i))
    sizes = tab.chart_sizes()
    assert len(sizes) == CHARTS.get(name, 0), sizes
    assert all(w >= MIN_CHART[0] and h >= MIN_CHART[1] for w, h in sizes.values()), sizes
    widgets = tab.widget_cells()
    for i in widgets:
        tab.shot(f"{stem}-widget-cell{i:02d}", tab.cell(i))
    assert all(widgets.values()) and bool(widgets) == (name != NOTEBOOKS[0]), widgets
    assert "Demo cell skipped" not in "".join(tab.text_of(i) for i in range(len(tab.outputs())))
    assert tab.errors == []


def test_clicking_a_theme_lists_its_contributions(tab):
    _open_in_same_tab(tab, "03_explore_themes.ipynb")
    cell = tab.cell(tab.cell_of("theme_drilldown_chart"))
    cell.scroll_into_view_if_needed()
    listing = cell.locator(".jp-RenderedVegaCommon5 g.mark-text.role-mark text")  # the listing, not the axes
    assert listing.count() == 0  # nothing chosen, nothing listed
    cell.locator(".jp-RenderedVegaCommon5 g.mark-rect.role-mark path").first.click()
    listing.first.wait_for(timeout=10_000)
    lines = listing.all_text_contents()
    assert len(lines) >= 3 and all(" \u00b7 " in line for line in lines)
    tab.shot("03-drilldown-after-click", cell)
    assert tab.errors == []


def test_after_a_reload_every_chart_draws_again(tab):
    tab.page.evaluate("window.jupyterapp.commands.execute('docmanager:save-all').then(() => true)")  # saved work: no prompt
    tab.page.wait_for_timeout(1000)
    tab.errors.clear()
    tab.page.reload()
    tab.page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget", timeout=120_000)
    tab.page.evaluate("window.jupyterapp.restored.then(() => true)")  # the layout is back: no tab switch after ours
    tab.page.wait_for_timeout(3000)
    for name, count in CHARTS.items():
        _open_in_same_tab(tab, name, settle_ms=2000)
        sizes = tab.chart_sizes()
        assert len(sizes) == count and all(w >= MIN_CHART[0] and h >= MIN_CHART[1] for w, h in sizes.values()), (
            name, sizes)
        print(name, "widgets drawn after the reload:", tab.widget_cells())  # the kernel's widgets; see the note
    tab.shot("after-reload-04")
    # Known and reported (issue 12's note): after a reload JupyterLab reconnects the kernel's widgets of
    # 03 and 04 but not those of 02 ("widget model not found"); re-running 02's cells brings them back.
    # Charts are what this test holds to; any other error fails it.
    unrestored = [e for e in tab.errors if "widget model not found" in e]
    print("widget views not restored after the reload:", len(unrestored))
    assert [e for e in tab.errors if e not in unrestored] == []
