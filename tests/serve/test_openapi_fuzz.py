"""Schemathesis against the served OpenAPI document: generated requests (valid and
invalid) to every operation, with the write token, must never get a 5xx, and every
response must match what the document promises (status, content type, body schema)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.conftest import Server, build_store, start_server, stop_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(build_store(tmp_path_factory.mktemp("fuzz")))  # its own store: fuzzing writes
    yield running
    stop_server(running)


def test_no_server_errors_and_responses_match_the_spec(fuzzed: Server) -> None:
    command = str(SCHEMATHESIS) if SCHEMATHESIS.exists() else shutil.which("schemathesis")
    assert command, "schemathesis is a test dependency"
    result = subprocess.run(
        [command, "run", f"{fuzzed.url}/openapi.json", "--header", f"Authorization: Bearer {fuzzed.token}",
         "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance,"
         "status_code_conformance", "--max-examples", "25", "--seed", "20261125", "--request-timeout", "60"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "passed" in result.stdout and "Tested: 17" in result.stdout  # 9 operations + 8 of subscriptions and watch status
