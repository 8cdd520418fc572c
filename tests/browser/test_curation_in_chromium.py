"""From the analyst's seat (issue 16): notebook 03 in JupyterLab in Debian's Chromium, Run All, then a theme
renamed through the curator widget by typing and clicking; the new name shows in the widget's list, is
in the archive's catalogue, and is drawn in the themes chart once that chart's cell is run again.

Screenshots of the widget before and after, and of the chart, land in artifacts/screenshots/.
"""

from __future__ import annotations

import json

import pytest

from reviewlab import open_archive

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.notebook, pytest.mark.timeout(1800)]

NOTEBOOK = "03_explore_themes.ipynb"
NEW_NAME = "Named from the browser"


@pytest.fixture(scope="module")
def tab(lab_on, new_tab, sample_workspace):
    lab = lab_on(sample_workspace)
    page = new_tab(lab, height=1400)
    page.open(NOTEBOOK, view="curation")
    yield page
    page.close()


def _panel(tab):
    return tab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def _run_cell(tab, index: int) -> None:
    """Select one cell and run it (Shift+Enter's command), then wait for the kernel."""
    tab.page.evaluate(f"""() => {{ const nb = window.jupyterapp.shell.currentWidget;
        nb.content.activeCellIndex = {index};
        return window.jupyterapp.commands.execute('notebook:run-cell').then(() => true); }}""")
    tab.page.wait_for_timeout(500)
    tab.wait_idle()
    tab.page.wait_for_timeout(1500)  # let Vega draw


def _axis_labels(cell) -> list[str]:
    return cell.locator(".jp-RenderedVegaCommon5 g.role-axis-label text").all_text_contents()


def test_rename_a_theme_in_the_widget_and_see_it_in_the_list_and_the_chart(tab):
    from playwright.sync_api import expect

    tab.run_all()
    assert tab.error_outputs() == []
    curator = _panel(tab).locator(".rl-curator").first
    curator.scroll_into_view_if_needed()
    expect(curator.locator(".rl-theme-row").first).to_be_visible(timeout=30_000)
    tab.shot("03-curator-before", curator)

    # a press that cannot be done is refused in plain words, nothing raised
    curator.get_by_role("button", name="Merge into this theme").click()
    expect(curator.locator(".rl-error")).to_have_text("Not saved: tick the themes to merge into this one first",
                                                      timeout=30_000)

    # the analyst picks the second theme of the list, reads its contributions, and names it
    select = curator.locator(".widget-dropdown:has(> label:text-is('Theme')) select")
    options = select.locator("option")
    label = options.nth(1).text_content()
    theme_id = label.rsplit("(", 1)[1].split(",")[0]
    select.select_option(label=label)
    expect(curator.locator(".rl-theme-row[style*='font-weight:bold']")).to_have_attribute("data-id", theme_id)
    assert curator.locator(".rl-member").count() > 0
    name = curator.locator(".widget-text:has(> label:text-is('Name')) input")
    name.fill(NEW_NAME)
    curator.get_by_role("button", name="Rename").click()
    expect(curator.locator(".rl-saved")).to_have_text(f"Renamed {theme_id} to \u201c{NEW_NAME}\u201d.", timeout=30_000)

    # the list shows the name (its generated label under it), the chosen theme stays chosen
    row = curator.locator(f".rl-theme-row[data-id='{theme_id}']")
    expect(row.locator(".rl-theme-name")).to_have_text(NEW_NAME)
    expect(row).to_contain_text("generated:")
    tab.shot("03-curator-after-rename", curator)
    with open_archive(tab.lab.archive) as archive:
        from reviewlab.analysis.catalogue import load_catalogue

        assert load_catalogue(archive).get(theme_id).name == NEW_NAME

    # the themes chart, run again, draws the name
    index = tab.cell_of("charts.themes_chart(")
    chart = tab.cell(index)
    assert NEW_NAME not in _axis_labels(chart)
    _run_cell(tab, index)
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".jp-RenderedVegaCommon5 svg.marks")).to_be_visible(timeout=30_000)
    labels = _axis_labels(chart)
    assert NEW_NAME in labels, labels
    tab.shot("03-themes-chart-with-the-name", chart)
    outputs = json.dumps(tab.outputs()[index])
    assert NEW_NAME in outputs  # in the chart's data, not only on screen
    assert tab.error_outputs() == [] and tab.errors == []
