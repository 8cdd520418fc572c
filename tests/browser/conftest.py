"""Fixtures for the acceptance tests in a real browser: JupyterLab on a workspace, driven in Debian's Chromium.

`lab_on(workspace, archive=None)` starts `reviewlab lab` itself (as a person would) on a loopback port
with a token; without an archive it opens the workspace's sample with the demo cells on, with one
(your own archive) they stay off. `NotebookPage` wraps a Playwright page: open a notebook, Run All,
wait, read the outputs, measure the charts and widgets, collect every error the page logs, and keep
screenshots in artifacts/screenshots/ (kept by CI, ignored by git). Issue 13 extends the journey with
these.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VEGA = "application/vnd.vega.v5+json"
WIDGET = "application/vnd.jupyter.widget-view+json"


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("Debian's chromium is not installed; .ci/run installs it (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab started by `reviewlab lab` on a workspace."""

    base: str
    token: str
    workspace: Path
    archive: Path
    proc: subprocess.Popen
    log: Path

    def url(self, notebook: str, view: str) -> str:
        """The notebook in JupyterLab's layout `view` (a fresh layout per name, so tabs do not carry over)."""
        return f"{self.base}/lab/workspaces/{view}/tree/{notebook}?token={self.token}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def start_lab(workspace: Path, archive: Path | None = None) -> Lab:
    """`reviewlab lab --workspace W [--archive A]` on a free loopback port; returns once it answers."""
    config = workspace.parent / f"{workspace.name}-jupyter"
    settings = config / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false",
                                                                           "checkForUpdates": False}))
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k not in ("REVIEWLAB_ARCHIVE", "REVIEWLAB_DEMO")}
    env.update(JUPYTER_CONFIG_DIR=str(config), JUPYTERLAB_SETTINGS_DIR=str(config / "lab-settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(config / "workspaces"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    log = workspace.parent / f"{workspace.name}-lab.log"
    args = [sys.executable, "-m", "reviewlab", "lab", "--workspace", str(workspace), "--no-browser", "--port", str(port)]
    if archive is not None:
        args += ["--archive", str(archive)]
    args += ["--", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
             "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    with log.open("w") as out:
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
    return Lab(base, token, workspace, archive or workspace / "sample.db", proc, log)


@pytest.fixture(scope="module")
def lab_on(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Lab]]:
    """Start JupyterLab on a workspace (stopped at the end of the module): lab_on(workspace, archive=None)."""
    need_chromium()
    started: list[Lab] = []

    def start(workspace: Path, archive: Path | None = None) -> Lab:
        lab = start_lab(workspace, archive)
        started.append(lab)
        return lab

    yield start
    for lab in started:
        lab.stop()


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory, sample_archive_path: Path) -> Path:
    """A workspace whose sample archive is a fresh copy (so `reviewlab lab` need not build it)."""
    folder = tmp_path_factory.mktemp("workspace") / "reviewlab"
    folder.mkdir()
    shutil.copy(sample_archive_path, folder / "sample.db")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots() -> Path:
    """The folder of screenshots (artifacts/screenshots/, ignored by git, kept by CI)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture(scope="module")
def new_tab(browser: Any) -> Callable[[Lab], NotebookPage]:
    """new_tab(lab): a fresh browser tab on that JupyterLab (a `NotebookPage`)."""
    return lambda lab, height=1600: NotebookPage.new(browser, lab, height)


@dataclass
class NotebookPage:
    """One browser tab on JupyterLab, with what it logged."""

    page: Any
    lab: Lab
    errors: list[str] = field(default_factory=list)

    @classmethod
    def new(cls, browser: Any, lab: Lab, height: int = 1600) -> NotebookPage:
        page = browser.new_page(viewport={"width": 1400, "height": height})
        self = cls(page, lab)
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        return self

    def open(self, notebook: str, view: str = "acceptance") -> None:
        """Open a notebook (in the layout `view`) and wait for its kernel."""
        self.page.goto(self.lab.url(notebook, view))
        self.page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget"
                                    f" && window.jupyterapp.shell.currentWidget.context?.path === {json.dumps(notebook)}",
                                    timeout=120_000)
        self.wait_idle()

    def wait_idle(self, timeout: float = 120_000) -> None:
        self.page.wait_for_function("window.jupyterapp.shell.currentWidget.sessionContext?.isReady &&"
                                    " window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                                    timeout=timeout)

    def run_all(self, timeout: float = 900_000) -> None:
        """Run > Run All Cells, then wait until every code cell has run and the kernel is idle."""
        self.page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.page.wait_for_function(
            "window.jupyterapp.shell.currentWidget.content.widgets.every(c => c.model.type !== 'code' ||"
            " (c.model.executionCount !== null && !c.promptNode.textContent.includes('*')))", timeout=timeout)
        self.wait_idle()
        self.page.wait_for_timeout(1500)  # let the renderers finish drawing

    def outputs(self) -> list[list[dict[str, Any]]]:
        """Each cell's outputs as the kernel sent them (the notebook model's JSON)."""
        return json.loads(self.page.evaluate(  # as a string: a chart's spec is too deep for Playwright's transfer
            "JSON.stringify(window.jupyterapp.shell.currentWidget.content.widgets.map(c =>"
            " c.model.type === 'code' ? c.model.outputs.toJSON() : []))"))

    def text_of(self, index: int) -> str:
        """The plain text a cell printed or returned."""
        parts = []
        for out in self.outputs()[index]:
            if "text" in out:
                parts.append("".join(out["text"]))
            parts.append("".join(out.get("data", {}).get("text/plain", "")))
        return "".join(parts)

    def error_outputs(self) -> list[str]:
        """Tracebacks and stderr the notebook's cells show."""
        found = []
        for i, outs in enumerate(self.outputs()):
            for out in outs:
                if out.get("output_type") == "error":
                    found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
                elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                    found.append(f"cell {i} stderr: {''.join(out.get('text', ''))[:300]}")
        return found

    def chart_cells(self) -> list[int]:
        """The cells whose output is a chart (a Vega spec)."""
        return [i for i, outs in enumerate(self.outputs()) if any(VEGA in o.get("data", {}) for o in outs)]

    def chart_sizes(self) -> dict[int, tuple[int, int]]:
        """Width and height of the chart drawn in each chart cell ((0, 0) where nothing was drawn)."""
        sizes = self.page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => {
            const drawn = [...c.node.querySelectorAll('.jp-RenderedVegaCommon5 svg.marks')]
              .map(e => e.getBoundingClientRect()).map(r => [Math.round(r.width), Math.round(r.height)]);
            return drawn.length ? drawn[0] : [0, 0]; })""")
        return {i: tuple(sizes[i]) for i in self.chart_cells()}

    def widget_cells(self) -> dict[int, bool]:
        """Whether each cell that shows a widget drew it (a widget view with a size, no error in its place)."""
        shown = self.page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => {
            const views = [...c.node.querySelectorAll('.jp-OutputArea-output .jupyter-widgets')];
            const broken = c.node.textContent.includes('Error displaying widget');
            return !broken && views.some(v => v.getBoundingClientRect().height > 0); })""")
        return {i: shown[i] for i, outs in enumerate(self.outputs())
                if any(WIDGET in o.get("data", {}) and "Loading weights" not in "".join(o["data"].get("text/plain", ""))
                       for o in outs)}

    def cell(self, index: int) -> Any:
        """The locator of one cell of the open notebook."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").nth(index)

    def cell_of(self, text: str) -> int:
        """The index of the first cell whose source holds `text`."""
        sources = self.page.evaluate("window.jupyterapp.shell.currentWidget.content.widgets.map(c =>"
                                     " c.model.sharedModel.getSource())")
        return next(i for i, s in enumerate(sources) if text in s)

    def panel(self) -> Any:
        """The locator of the notebook panel on show."""
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def open_in_tab(self, notebook: str) -> None:
        """Open another notebook in this tab (File > Open), as a person would, and wait for its kernel."""
        self.page.evaluate(f"window.jupyterapp.commands.execute('docmanager:open', {{path: {json.dumps(notebook)}}})"
                           ".then(() => true)")
        self.page.wait_for_function(f"window.jupyterapp.shell.currentWidget?.context?.path === {json.dumps(notebook)}",
                                    timeout=60_000)
        self.wait_idle()

    def choose(self, review_id: str) -> None:
        """Pick a review in the notebook's ReviewChooser and press Open."""
        chooser = self.panel().locator(".rl-chooser").first
        select = chooser.locator(".widget-dropdown select").first
        label = next(o for o in select.locator("option").all_text_contents() if o.startswith(f"{review_id}:"))
        select.select_option(label=label)
        chooser.get_by_role("button", name="Open").click()
        chooser.locator(".rl-chosen").get_by_text(f"Opened {review_id}").wait_for(timeout=30_000)

    def restart_kernel(self) -> None:
        """Kernel > Restart Kernel..., confirmed in JupyterLab's dialog; returns once the new kernel is idle."""
        self.page.evaluate("window.jupyterapp.commands.execute('kernelmenu:restart'); true")
        dialog = self.page.locator(".jp-Dialog")
        dialog.get_by_role("button", name="Confirm Kernel Restart").click()
        dialog.wait_for(state="detached", timeout=30_000)
        self.page.wait_for_function(
            "(() => { const k = window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel;"
            " return k && k.status === 'idle' && !window.jupyterapp.shell.currentWidget.sessionContext.isRestarting; })()",
            timeout=120_000)

    def kernel_pid(self) -> int:
        """The process id of the notebook's kernel, asked of the kernel itself (a silent execution, no cell)."""
        return int(self.page.evaluate("""() => new Promise((resolve, reject) => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
            const future = kernel.requestExecute({code: 'import os; print(os.getpid(), end="")', silent: false,
                                                  store_history: false});
            let out = '';
            future.onIOPub = msg => { if (msg.header.msg_type === 'stream') out += msg.content.text; };
            future.done.then(() => resolve(out), reject); })"""))

    def shot(self, name: str, locator: Any = None) -> Path:
        """A screenshot in artifacts/screenshots/ (of one element, or the page)."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        (locator or self.page).screenshot(path=str(path), **({} if locator else {"full_page": True}))
        return path

    def close(self) -> None:
        self.page.close()
