"""The meeting console in a real browser: JupyterLab + Debian's Chromium through Playwright.

Runs notebook 02 on a temporary copy of the sample archive, adds contributions for two participants
through the page, checks the archive, and checks an HTML-injection attempt runs nothing.
Screenshots are saved to artifacts/screenshots/ (kept by CI, ignored by git).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewlab import open_archive
from reviewlab.capture import ensure_demo_review
from reviewlab.model import AgendaItem

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
INJECTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(300)]


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("Debian's chromium is not installed; .ci/run installs it (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path, sample_archive_path: Path) -> Iterator[dict[str, object]]:
    """JupyterLab on a loopback port with a token, over copies of the notebooks and the sample archive."""
    _need_chromium()
    archive = tmp_path / "archive.db"
    shutil.copy(sample_archive_path, archive)
    with open_archive(archive) as a:  # as notebook 01 leaves it: the demo review with an agenda
        ensure_demo_review(a)
        a.set_agenda("demo-basket", [AgendaItem("price feed: when did it land?", 25), AgendaItem("basket cache", 20)])
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / "02_facilitate_review.ipynb", work)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "REVIEWLAB_ARCHIVE": str(archive), "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = (tmp_path / "lab.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"JupyterLab did not start:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
                time.sleep(0.5)
        yield {"url": f"{base}/lab/tree/02_facilitate_review.ipynb?token={token}", "archive": archive}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _wait_for(predicate, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def test_meeting_console_in_chromium(lab):
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(str(lab["url"]))
        page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget", timeout=60_000)
        page.wait_for_function("window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel?.status === 'idle'",
                               timeout=60_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        console = page.locator(".rl-console").first
        expect(console).to_be_visible(timeout=60_000)
        expect(page.get_by_text("6 meeting contributions").first).to_be_visible(timeout=60_000)
        expect(console.locator(".rl-agenda").get_by_text("price feed: when did it land?")).to_be_visible()
        console.scroll_into_view_if_needed()
        console.screenshot(path=str(SHOTS / "02-console-after-run-all.png"))

        entry = console.locator(".rl-entry")
        who, kind = entry.locator("select").nth(0), entry.locator("select").nth(1)
        text = entry.get_by_placeholder("What was said")
        # participant one: typed, Enter saves
        who.select_option(label="Ines Duarte")
        kind.select_option(label="Observation")
        text.fill("From the store side, customers saw old prices before we did.")
        text.press("Enter")
        expect(console.locator(".rl-board-panel").get_by_text("customers saw old prices before we did").first).to_be_visible(timeout=15_000)
        # participant two: what went right, with the Submit button
        who.select_option(label="Sam Ito")
        kind.select_option(label="What went right")
        text.fill("Maya's dashboard link in the channel unlocked the puzzle.")
        entry.get_by_role("button", name="Submit").click()
        expect(console.locator(".rl-col-went_right").get_by_text("dashboard link in the channel")).to_be_visible(
            timeout=15_000)

        with open_archive(lab["archive"]) as archive:
            said = _wait_for(lambda: {(c.participant, c.kind.value) for c in archive.contributions("demo-basket")
                                      if "old prices" in c.text or "unlocked the puzzle" in c.text})
        assert said == {("Ines Duarte", "observation"), ("Sam Ito", "went_right")}

        # an HTML-injection attempt shows as text and runs nothing
        who.select_option(label="Maya Chen")
        kind.select_option(label="Observation")
        text.fill(INJECTION)
        entry.get_by_role("button", name="Submit").click()
        board = console.locator(".rl-col-observation")
        expect(board.get_by_text('onerror="window.__pwned=1"')).to_be_visible(timeout=15_000)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert board.locator("img").count() == 0
        console.locator(".rl-board").screenshot(path=str(SHOTS / "02-board-after-browser-entries.png"))
        console.screenshot(path=str(SHOTS / "02-console-final.png"))
        with open_archive(lab["archive"]) as archive:
            assert any(c.text == INJECTION for c in archive.contributions("demo-basket"))
        browser.close()
