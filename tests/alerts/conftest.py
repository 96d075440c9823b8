"""Fixtures of the alerts tests: real servers on 127.0.0.1 and helpers to run `rasd`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.localservers import (
    CORPUS,
    SHARED,
    FeedSite,
    Receiver,
    Server,
    SMTPServer,
    running_feed_site,
    webhook_server,
)

SECRET = "hook-secret-5d1e"
GAZETTEER = SHARED / "data" / "gazetteer"
needs_corpus = pytest.mark.skipif(not (CORPUS / "dev_pool.txt").exists() or not GAZETTEER.is_dir(),
                                  reason="the shared corpus and gazetteer (RASD_SHARED) are not on this machine")
needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed for the SMTP test certificate")


@pytest.fixture
def site() -> Iterator[tuple[FeedSite, Server]]:
    yield from running_feed_site()


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, Server]]:
    got = Receiver(SECRET)
    server = webhook_server(got)
    yield got, server
    server.close()


@pytest.fixture
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SMTPServer]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed for the SMTP test certificate")
    server = SMTPServer(tmp_path_factory.mktemp("smtp"))
    yield server
    server.close()


def rasd(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
         timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the real `rasd` command in a new process."""
    return subprocess.run([sys.executable, "-m", "rasd", *args], env={**os.environ, **(env or {})}, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
