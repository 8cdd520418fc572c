"""Text is never code, in Chromium: a contribution holding markup shows as text on the meeting board, and a
chart holding `</script><img src=x onerror=...>` draws in JupyterLab and in a saved HTML file, running nothing."""

from __future__ import annotations

import nbformat
import pytest

from reviewlab import charts, open_archive

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]

EVIL = "</script><img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>"
INJECTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def _evil_frame():
    import pandas as pd

    return pd.DataFrame({"label": [EVIL, "cache"], "n_reviews": [3, 2], "size": [4, 2]})


@pytest.fixture(scope="module")
def lab(lab_on, sample_workspace):
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(
        f"import pandas as pd\nfrom reviewlab import charts\ncharts.enable_offline()\nEVIL = {EVIL!r}\n"
        "charts.themes_chart(pd.DataFrame({'label': [EVIL, 'cache'], 'n_reviews': [3, 2], 'size': [4, 2]}))")]
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, sample_workspace / "evil_chart.ipynb")
    return lab_on(sample_workspace)


def test_a_chart_holding_a_script_draws_in_jupyterlab_and_runs_nothing(lab, new_tab):
    tab = new_tab(lab)
    tab.open("evil_chart.ipynb", view="evil")
    tab.run_all()
    assert tab.error_outputs() == []
    (w, h), = tab.chart_sizes().values()
    assert w > 150 and h > 50
    assert EVIL[:30] in "".join(tab.cell(0).locator(".jp-RenderedVegaCommon5 text").all_text_contents())  # as text
    assert tab.page.evaluate("window.__pwned") is None
    assert tab.page.locator(".jp-OutputArea img[src='x']").count() == 0
    tab.shot("injection-chart-in-jupyterlab", tab.cell(0))
    assert tab.errors == []
    tab.close()


def test_a_saved_html_chart_holding_a_script_draws_and_runs_nothing(browser, shots, tmp_path):
    path = charts.save_chart(charts.themes_chart(_evil_frame()), tmp_path / "evil.html")
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.locator("#chart svg.marks").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert EVIL[:30] in "".join(page.locator("#chart text").all_text_contents())  # shown as text (axis labels are cut)
    assert page.evaluate("window.__pwned") is None and page.locator("img").count() == 0
    assert errors == []
    page.screenshot(path=str(shots / "injection-saved-html.png"))
    page.close()


def test_markup_typed_in_the_meeting_shows_as_text_on_the_board(lab, new_tab):
    from playwright.sync_api import expect

    tab = new_tab(lab)
    tab.open("02_facilitate_review.ipynb", view="board")
    tab.run_all()
    console = tab.page.locator(".rl-console").first
    expect(console).to_be_visible(timeout=60_000)
    clock = console.locator(".rl-clock-panel")  # the demo ended the meeting: reopen it, as a person would
    clock.get_by_placeholder("why reopen the ended meeting").fill("Maya has one more thing")
    clock.get_by_role("button", name="Reopen meeting").click()
    expect(console.locator(".rl-meeting-reopened")).to_contain_text("Maya has one more thing", timeout=15_000)
    entry = console.locator(".rl-entry")
    entry.locator("select").nth(0).select_option(label="Maya Chen")
    entry.locator("select").nth(1).select_option(label="Observation")
    entry.get_by_placeholder("What was said").fill(INJECTION)
    entry.get_by_role("button", name="Submit").click()
    board = console.locator(".rl-col-observation")
    expect(board.get_by_text('onerror="window.__pwned=1"')).to_be_visible(timeout=15_000)
    tab.page.wait_for_timeout(500)
    assert tab.page.evaluate("window.__pwned") is None and board.locator("img").count() == 0
    tab.shot("injection-board", console.locator(".rl-board").first)
    with open_archive(lab.archive, create=False) as archive:
        assert any(c.text == INJECTION for c in archive.contributions("demo-basket"))
    assert tab.errors == []
    tab.close()
