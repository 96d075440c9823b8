"""A real ``rasd serve`` on 127.0.0.1 over a real store, for the API and page tests.

The store holds the four test articles of ``tests.store`` (two report the same strike,
so one event has two documents) plus the bundled sample article."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLE
from tests.store import STRIKE_DOCS, write_jsonl

TOKEN = "test-token-7f3a"


@dataclass
class Server:
    url: str
    db: Path
    token: str
    process: subprocess.Popen

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def build_store(folder: Path) -> Path:
    from rasd.store.ingest import ingest

    sample = {"id": "sample", "outlet": "rasd", "published": "2026-11-20", "text": SAMPLE.read_text(encoding="utf-8")}
    corpus = write_jsonl(folder / "docs.jsonl", [*STRIKE_DOCS, sample])
    db = folder / "store.sqlite"
    report = ingest([str(corpus)], db, workers=1)
    assert report.added == 5 and not report.errors
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, *args: str) -> Server:
    port = _free_port()
    env = dict(os.environ, RASD_TOKEN=TOKEN)
    process = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db), "--port", str(port), *args],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # readiness poll: the server answers or has died
        if process.poll() is not None:
            raise AssertionError(f"rasd serve exited: {process.stderr.read().decode()}")  # type: ignore[union-attr]
        try:
            if httpx.get(url + "/api/meta", timeout=2).status_code == 200:
                return Server(url, db, TOKEN, process)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("rasd serve did not answer within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = build_store(tmp_path_factory.mktemp("serve"))
    running = start_server(db)
    yield running
    stop_server(running)


def events_of(server: Server, **params: object) -> list[dict]:
    page = httpx.get(server.url + "/api/events", params={"page_size": 1000, **params}).json()  # type: ignore[arg-type]
    return list(page["items"])


def strike_on_raqqa(server: Server) -> dict:
    """The merged event of articles a and b (the same strike, two tolls)."""
    (found,) = [e for e in events_of(server) if sorted(e.get("doc_ids", [])) == ["a", "b"]]
    return found


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def wait_until(page, expression: str, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Poll ``expression`` from outside the page: Playwright's wait_for_function evaluates
    its predicate with eval, which the server's CSP (no 'unsafe-eval') refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(100)


# The review page runs in a real headless Chromium (Debian's /usr/bin/chromium, driven by
# Playwright). CI installs Chromium (.ci/run) and must not skip; a developer machine
# without it may: page test modules set ``pytestmark = needs_chromium``.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                    reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site: Server):  # type: ignore[no-untyped-def]
    """A fresh page on the module's ``site`` (a running server), ready; fails the test on
    any JavaScript error or Content-Security-Policy refusal."""
    context = browser.new_context(viewport={"width": 1500, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    # the server's Content-Security-Policy refuses inline styles and scripts: none may be needed
    opened.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    opened.goto(site.url + "/")
    opened.wait_for_selector("body[data-ready='1']", timeout=15_000)
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"
