"""The ingest runner: documents in, extracted in worker processes, written by one writer.

Extraction is CPU-bound pure Python, so it runs in a pool of processes, each holding
one ``Pipeline`` built once (the gazetteer and actor pack load once per worker, not per
document). The parent alone reads the inputs and writes SQLite: one writer means no lock
contention, and results are applied in input order, so a repeated id resolves the same
way every run. Every ``batch_size`` documents the parent commits documents, errors,
merges and the run's counts in one transaction.

Resuming is a consequence of that, not a mode: a document whose (id, content hash) is
already stored is skipped before it reaches a worker, so after a kill the next run
redoes only the documents of the uncommitted batch.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from rasd.ingest.files import InputError, read_path
from rasd.model import Document
from rasd.store import db, merge

CHUNK = 8  # documents per task sent to a worker: amortizes pickling without starving the pool

_PIPELINE: Any = None
_INIT_ERROR: str | None = None


class IngestError(Exception):
    """The run cannot go on (a worker cannot build its pipeline, or died)."""


def _watch_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9 skips all cleanup) would wait on its
    task queue forever; it exits as soon as it is orphaned."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(gazetteer_path: Path | None, parent: int | None) -> None:
    global _PIPELINE, _INIT_ERROR
    _PIPELINE, _INIT_ERROR = None, None
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        from rasd.pipeline import Pipeline

        _PIPELINE = Pipeline(gazetteer_path=gazetteer_path)
    except Exception as exc:  # reported by the first task, as an IngestError in the parent
        _INIT_ERROR = f"{exc.__class__.__name__}: {exc}"


def _work(items: list[tuple[Document, str, str]]) -> list[db.DocResult]:
    """Extract a chunk of (document, source, hash); one failing document fails alone."""
    from rasd.events.assemble import assemble

    if _PIPELINE is None:
        raise IngestError(f"a worker could not build the pipeline ({_INIT_ERROR})")
    out = []
    for doc, source, sha in items:
        meta = {"outlet": doc.outlet, "published": doc.published.isoformat() if doc.published else None,
                "title": doc.title, "url": doc.url, "chars": len(doc.text)}
        result = db.DocResult(doc.id, sha, source, meta)
        try:
            analysis = _PIPELINE.analyze(doc)
            result.events = [e.model_dump(mode="json") for e in assemble(analysis, _PIPELINE.gazetteer)]
            result.mentions = [(m.kind, m.start, m.end, m.span.text, json.dumps(m.value, ensure_ascii=False))
                               for m in analysis.mentions()]
        except Exception as exc:
            result.error = f"extraction failed ({exc.__class__.__name__}: {exc})"
        out.append(result)
    return out


@dataclass
class IngestReport:
    """What a run did; ``errors`` are this run's problems, one line each."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    bad_inputs: int = 0
    events: int = 0
    seconds: float = 0.0
    resumed_from: str | None = None
    errors: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def extracted(self) -> int:
        return self.added + self.replaced + self.failed

    def counts(self) -> dict[str, int]:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "failed": self.failed + self.bad_inputs, "events": self.events}


class _Rate(ProgressColumn):
    """Documents per second over the whole run (rich's own speed column needs a total)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        return Text(f"{task.completed / elapsed:.1f} docs/s" if elapsed > 0.5 else "… docs/s", style="cyan")


class _Writer:
    """The only writer: buffers results and errors, commits them with their merges."""

    def __init__(self, conn: sqlite3.Connection, run_id: int, report: IngestReport, batch_size: int) -> None:
        self.conn, self.run_id, self.report, self.batch_size = conn, run_id, report, batch_size
        self.results: list[db.DocResult] = []
        self.errors: list[InputError] = []

    def add(self, results: list[db.DocResult]) -> None:
        self.results.extend(results)
        if len(self.results) >= self.batch_size:
            self.commit()

    def commit(self, finished: bool = False) -> None:
        report = self.report
        with db.transaction(self.conn):
            touched: set[int] = set()
            for error in self.errors:
                db.record_error(self.conn, error.source, error.problem, error.line, run_id=self.run_id)
            for r in self.results:
                if r.error is not None:
                    report.failed += 1
                    db.record_error(self.conn, r.source, r.error, doc_id=r.doc_id, run_id=self.run_id)
                    continue
                stored = db.store_document(self.conn, r, self.run_id)
                setattr(report, stored.kind, getattr(report, stored.kind) + 1)
                report.events += len(stored.new_events)
                touched |= stored.touched
            merge.refresh(self.conn, touched)
            db.update_run(self.conn, self.run_id, report.counts(), finished)
        self.results, self.errors = [], []


def ingest(sources: list[str], db_path: Path, *, workers: int = 1, batch_size: int = 100,
           published: dt.date | None = None, outlet: str | None = None, gazetteer_path: Path | None = None,
           console: Console | None = None, command: str = "rasd ingest") -> IngestReport:
    """Extract every document of ``sources`` into the store at ``db_path``.

    Raises ``db.StoreError`` for a database rasd cannot use and ``IngestError`` when
    extraction cannot run; bad inputs and failing documents are recorded, not raised.
    """
    if workers <= 1:
        _init_worker(gazetteer_path, None)
        if _INIT_ERROR:
            raise IngestError(f"cannot build the pipeline ({_INIT_ERROR})")
    conn = db.open_store(db_path, create=True)
    try:
        run_id, unfinished = db.start_run(conn, command)
    except BaseException:
        conn.close()  # e.g. the database stayed locked by another run
        raise
    report = IngestReport(resumed_from=unfinished)
    writer = _Writer(conn, run_id, report, max(1, batch_size))
    seen: dict[str, str] = {}  # id -> hash of documents sent out in this run, not yet committed perhaps
    started = time.monotonic()
    pool = None
    if workers > 1:
        # spawn: the same on every OS, and no fork of a parent that runs rich's refresh thread
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(gazetteer_path, os.getpid()))
    inflight: deque[Future[list[db.DocResult]]] = deque()
    chunk: list[tuple[Document, str, str]] = []
    progress = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), TextColumn("{task.completed} docs"),
                        _Rate(), TextColumn("{task.fields[events]} events · {task.fields[errors]} errors · "
                                            "{task.fields[skipped]} skipped"),
                        TimeElapsedColumn(), console=console or Console(stderr=True))
    task = progress.add_task("ingest", total=None, events=0, errors=0, skipped=0)

    def show() -> None:
        pending_failures = sum(1 for r in writer.results if r.error)
        progress.update(task, completed=report.extracted + report.unchanged + len(writer.results),
                        events=report.events, skipped=report.unchanged,
                        errors=report.failed + pending_failures + report.bad_inputs)

    def collect(block_until: int | None = None) -> None:
        """Hand finished chunks to the writer, in order; with ``block_until``, wait until
        no more than that many are in flight (bounded read-ahead keeps memory flat)."""
        while inflight and (inflight[0].done() or (block_until is not None and len(inflight) > block_until)):
            try:
                results = inflight.popleft().result()
            except BrokenProcessPool as exc:
                raise IngestError(f"a worker process died ({exc}); rerun the same command to resume") from exc
            writer.add(results)
            show()

    def submit() -> None:
        nonlocal chunk
        if chunk and pool is None:
            writer.add(_work(chunk))
            show()
        elif chunk and pool is not None:
            inflight.append(pool.submit(_work, chunk))
            collect(block_until=workers * 4)
        chunk = []

    try:
        with progress:
            for source in sources:
                for item in read_path(source, published, outlet):
                    if isinstance(item, InputError):
                        writer.errors.append(item)
                        report.bad_inputs += 1
                        show()
                        continue
                    sha = db.content_hash(item)
                    known = seen[item.id] if item.id in seen else db.stored_hash(conn, item.id)
                    if known == sha:
                        report.unchanged += 1
                        show()
                        continue
                    seen[item.id] = sha
                    chunk.append((item, source, sha))
                    if len(chunk) >= CHUNK:
                        submit()
                    collect()
            submit()
            collect(block_until=0)
            writer.commit(finished=True)
            show()
        report.seconds = time.monotonic() - started
        report.errors = db.errors_of_run(conn, run_id)
        report.totals = db.summary(conn)
        return report
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        conn.close()
