"""The per-document time limit (`--doc-timeout`), on real processes. Extraction is made
slow on purpose by a ``sitecustomize`` on PYTHONPATH (imported by the rasd process and
by every worker it spawns): a document holding SLOW-PYTHON spins in Python (the alarm
stops it), one holding STUCK-IN-C blocks the alarm and sleeps, as a worker stuck in C
code would (the parent must kill the worker and start another)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.store import STRIKE_DOCS, write_jsonl

SITECUSTOMIZE = '''
import signal, time

def _slow_on_purpose():
    from rasd import pipeline

    analyze = pipeline.Pipeline.analyze

    def slow(self, doc, **options):
        if "SLOW-PYTHON" in doc.text:
            end = time.monotonic() + 3600
            while time.monotonic() < end:
                pass
        if "STUCK-IN-C" in doc.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        return analyze(self, doc, **options)

    pipeline.Pipeline.analyze = slow

_slow_on_purpose()
'''


def rasd(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")])),
               COLUMNS="300")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "rasd", *args], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=300)
    return run, time.monotonic() - started


def slow(doc_id: str, marker: str) -> dict:
    return dict(STRIKE_DOCS[0], id=doc_id, text=STRIKE_DOCS[0]["text"] + f" {marker}")


def test_extract_stops_a_slow_document_and_goes_on(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "docs.jsonl", [STRIKE_DOCS[0], slow("slow", "SLOW-PYTHON"), STRIKE_DOCS[2]])
    run, seconds = rasd(tmp_path, "extract", str(corpus), "--format", "jsonl", "--doc-timeout", "2")
    assert run.returncode == 1, run.stderr
    assert "slow: extraction took longer than 2 s, the per-document time limit (--doc-timeout)" in run.stderr
    assert [json.loads(line)["doc_id"] for line in run.stdout.splitlines()] == ["a", "c"]
    assert seconds < 60


def test_ingest_fails_slow_documents_alone_and_replaces_a_stuck_worker(tmp_path: Path) -> None:
    docs = [STRIKE_DOCS[0], slow("slow", "SLOW-PYTHON"), slow("stuck", "STUCK-IN-C"), *STRIKE_DOCS[1:]]
    corpus = write_jsonl(tmp_path / "docs.jsonl", docs)
    store = tmp_path / "s.sqlite"
    run, seconds = rasd(tmp_path, "ingest", str(corpus), "--db", str(store), "--workers", "2", "--doc-timeout", "2")
    assert run.returncode == 1, run.stderr
    assert "4 added" in run.stdout and "2 failed" in run.stdout, run.stdout + run.stderr
    assert "a worker stuck on a chunk of 6 documents" in run.stderr
    conn = sqlite3.connect(store)
    errors = dict(conn.execute("SELECT doc_id, problem FROM errors"))
    assert set(errors) == {"slow", "stuck"}
    assert all("took longer than 2 s" in problem for problem in errors.values())
    assert [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")] == ["a", "b", "c", "d"]
    conn.close()
    assert seconds < 120

    # one process: the alarm alone stops the slow document
    run, _ = rasd(tmp_path, "ingest", str(write_jsonl(tmp_path / "one.jsonl", [slow("slow2", "SLOW-PYTHON")])),
                  "--db", str(store), "--workers", "1", "--doc-timeout", "1")
    assert run.returncode == 1 and "slow2: extraction took longer than 1 s" in run.stderr, run.stderr
