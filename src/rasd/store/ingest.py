"""The ingest runner: documents in, extracted in worker processes, written by one writer.

Extraction is CPU-bound pure Python, so it runs in a pool of processes (or on a Dask
cluster, ``rasd.store.cluster``), each holding one ``Pipeline`` built once (the
gazetteer and actor pack load once per worker, not per document). The parent alone
reads the inputs and writes SQLite: one writer means no lock contention, and results are
applied in input order, so a repeated id resolves the same way every run. Every
``batch_size`` documents the parent commits documents, errors, merges and the run's
counts in one transaction.

Resuming is a consequence of that, not a mode: a document whose (id, content hash) is
already stored is skipped before it reaches a worker, so after a kill the next run
redoes only the documents of the uncommitted batch.
"""

from __future__ import annotations

import datetime as dt
import gc
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
from typing import Any, Protocol

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from rasd.errors import RasdError
from rasd.ingest.files import BadInput, Skipped, printable, read_path
from rasd.model import Document
from rasd.store import db, merge

CHUNK = 32  # documents per task sent to a worker: amortizes pickling without starving the pool

# The pipeline of this process, with the gazetteer files (and their size and mtime) it
# was built from: built once per process (pool initializer, first Dask task, serial run), reused
# by every later one, rebuilt only if the gazetteer changes.
_PIPELINE: tuple[Any, Any] | None = None


class IngestError(RasdError):
    """The run cannot go on (a worker cannot build its pipeline, or died)."""


def _watch_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9 skips all cleanup) would wait on its
    task queue forever; it exits as soon as it is orphaned."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(gazetteer_path: Path | None, parent: int | None) -> None:
    """Process-pool initializer: builds the pipeline up front (a failure is raised by the
    first task, which builds it again)."""
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        pipeline(gazetteer_path)
    except IngestError:
        pass
    # The pipeline's tables (gazetteer, lexicons) live as long as the worker: keep the
    # cycle collector from rescanning them, and from running every few hundred of the
    # small tuples each article makes.
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


def pipeline(gazetteer_path: Path | None) -> Any:
    """This process's ``Pipeline`` for ``gazetteer_path``, built once."""
    global _PIPELINE
    try:
        from rasd.config import gazetteer_paths
        from rasd.pipeline import Pipeline

        files = gazetteer_paths(gazetteer_path)
        key = [(str(f), f.stat().st_size, f.stat().st_mtime_ns) if f.exists() else str(f) for f in files]
        if _PIPELINE is None or _PIPELINE[0] != key:
            _PIPELINE = None
            _PIPELINE = (key, Pipeline(gazetteer_path=gazetteer_path))
    except Exception as exc:
        raise IngestError(f"cannot build the pipeline ({exc.__class__.__name__}: {exc})") from None
    return _PIPELINE[1]


def _work(items: list[tuple[Document, str, str]], gazetteer_path: Path | None) -> list[db.DocResult]:
    """Extract a chunk of (document, source, hash); one failing document fails alone.
    The one extraction function of every mode (serial, process pool, Dask, the server)."""
    from rasd.events.assemble import assemble

    pipe = pipeline(gazetteer_path)
    out = []
    for doc, source, sha in items:
        meta = {"outlet": doc.outlet, "published": doc.published.isoformat() if doc.published else None,
                "title": doc.title, "url": doc.url, "author": doc.author, "text": doc.text, "chars": len(doc.text)}
        result = db.DocResult(doc.id, sha, source, meta)
        try:
            analysis = pipe.analyze(doc)
            result.events = [e.model_dump(mode="json") for e in assemble(analysis, pipe.gazetteer)]
            result.mentions = [(kind, start, end, text, json.dumps(value, ensure_ascii=False))
                               for kind, start, end, text, value in analysis.mention_rows()]
        except Exception as exc:
            result.error = f"extraction failed ({exc.__class__.__name__}: {exc})"
        out.append(result)
    return out


class Executor(Protocol):
    """Where chunks are extracted: ``submit`` returns a future of ``_work``'s result,
    ``result`` waits for one (turning a lost worker into an ``IngestError``)."""

    slots: int  # chunks extracted at once
    chunk: int  # documents per chunk

    def submit(self, items: list[tuple[Document, str, str]]) -> Any: ...
    def result(self, future: Any) -> list[db.DocResult]: ...
    def close(self) -> None: ...


class _Serial:
    slots, chunk = 0, CHUNK

    def __init__(self, gazetteer_path: Path | None) -> None:
        self.gazetteer_path = gazetteer_path
        pipeline(gazetteer_path)  # a pipeline that cannot be built fails before the store is touched

    def submit(self, items: list[tuple[Document, str, str]]) -> Future[list[db.DocResult]]:
        future: Future[list[db.DocResult]] = Future()
        future.set_result(_work(items, self.gazetteer_path))
        return future

    def result(self, future: Future[list[db.DocResult]]) -> list[db.DocResult]:
        return future.result()

    def close(self) -> None:
        pass


class _Processes:
    """A local pool of spawned processes (the same on every OS, and no fork of a parent
    that runs rich's refresh thread) that ignore Ctrl-C and exit when orphaned."""

    chunk = CHUNK

    def __init__(self, workers: int, gazetteer_path: Path | None) -> None:
        self.slots, self.gazetteer_path = workers, gazetteer_path
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(gazetteer_path, os.getpid()))

    def submit(self, items: list[tuple[Document, str, str]]) -> Future[list[db.DocResult]]:
        return self.pool.submit(_work, items, self.gazetteer_path)

    def result(self, future: Future[list[db.DocResult]]) -> list[db.DocResult]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise IngestError(f"a worker process died ({exc}); rerun the same command to resume") from exc

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def kill(self) -> None:
        """Stop now, mid-document (an extraction over its time limit)."""
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            process.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)


@dataclass
class IngestReport:
    """What a run did; ``errors`` are this run's problems, one line each."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    bad_inputs: int = 0
    skipped: int = 0  # read fine but not analyzed (not Arabic): a note, not a failure
    events: int = 0
    seconds: float = 0.0
    resumed_from: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the skipped documents, one line each
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


#: Batches between two cross-article merges. A merge recomputes every cluster the new
#: events reach, so merging after every batch re-examines a long campaign's cluster again
#: and again; the clusters come out the same either way (see ``merge.refresh``).
MERGE_EVERY = 10


class _Writer:
    """The only writer: buffers results and errors, commits them batch by batch, and
    merges every ``MERGE_EVERY`` batches and at the end of the run. The last merge also
    takes any event left unmerged by an interrupted run."""

    def __init__(self, conn: sqlite3.Connection, run_id: int, report: IngestReport, batch_size: int) -> None:
        self.conn, self.run_id, self.report, self.batch_size = conn, run_id, report, batch_size
        self.results: list[db.DocResult] = []
        self.errors: list[BadInput] = []
        self.merge_cache = merge.MergeCache()
        self.unmerged: set[int] = set()  # events stored (or dissolved) since the last merge
        self.batches = 0

    def add(self, results: list[db.DocResult]) -> None:
        """Commits every ``batch_size`` documents exactly, whatever the chunks: the same
        batches, so the same merges, in every mode (serial, pool, Dask partitions)."""
        for result in results:
            self.results.append(result)
            if len(self.results) >= self.batch_size:
                self.commit()

    def commit(self, finished: bool = False) -> None:
        try:
            self._commit(finished)
        except BaseException:
            self.merge_cache.clear()  # it may hold events of the batch just rolled back
            raise

    def _commit(self, finished: bool) -> None:
        report = self.report
        with db.transaction(self.conn):
            touched: set[int] = set()  # events whose merges must be redone
            for error in self.errors:
                db.record_error(self.conn, error.source, error.problem, error.line, run_id=self.run_id)
            for r in self.results:
                if r.error is not None:
                    report.failed += 1
                    db.record_error(self.conn, r.source, r.error, doc_id=r.doc_id, run_id=self.run_id)
                    continue
                try:  # a document the store refuses fails alone, not its batch
                    with db.savepoint(self.conn):
                        stored = db.store_document(self.conn, r, self.run_id)
                except (sqlite3.Error, ValueError) as exc:  # ValueError: e.g. text SQLite cannot encode
                    report.failed += 1
                    db.record_error(self.conn, r.source, f"cannot store ({exc.__class__.__name__}: {exc})",
                                    doc_id=r.doc_id, run_id=self.run_id)
                    continue
                if stored.kind == "replaced":
                    self.merge_cache.clear()  # it may hold the replaced events
                setattr(report, stored.kind, getattr(report, stored.kind) + 1)
                report.events += len(stored.new_events)
                touched |= stored.touched
            self.unmerged |= touched
            self.batches += 1
            if finished:
                self.unmerged |= merge.unmerged(self.conn)
            if finished or self.batches % MERGE_EVERY == 0:
                merge.refresh_many(self.conn, self.unmerged, self.merge_cache)
                self.unmerged = set()
            db.update_run(self.conn, self.run_id, report.counts(), finished)
        self.results, self.errors = [], []


def ingest(sources: list[str], db_path: Path, *, workers: int = 1, batch_size: int = 100,
           published: dt.date | None = None, outlet: str | None = None, gazetteer_path: Path | None = None,
           console: Console | None = None, command: str = "rasd ingest", dask: str | None = None) -> IngestReport:
    """Extract every document of ``sources`` into the store at ``db_path``: in this
    process (``workers`` 1), a pool of ``workers`` processes, or on a Dask cluster
    (``dask``: a scheduler address, or "local" for a local cluster of ``workers``).

    Raises ``db.StoreError`` for a database rasd cannot use and ``IngestError`` when
    extraction cannot run; bad inputs and failing documents are recorded, not raised.
    """
    executor: Executor
    if dask is not None:
        from rasd.store.cluster import DaskExecutor

        executor = DaskExecutor(dask, workers, gazetteer_path)
    elif workers > 1:
        executor = _Processes(workers, gazetteer_path)
    else:
        executor = _Serial(gazetteer_path)
    try:
        conn = db.open_store(db_path, create=True)
    except BaseException:
        executor.close()
        raise
    try:
        run_id, unfinished = db.start_run(conn, printable(command))
    except BaseException:
        executor.close()
        conn.close()  # e.g. the database stayed locked by another run
        raise
    report = IngestReport(resumed_from=unfinished)
    writer = _Writer(conn, run_id, report, max(1, batch_size))
    seen: dict[str, str] = {}  # id -> hash of documents sent out in this run, not yet committed perhaps
    started = time.monotonic()
    inflight: deque[Any] = deque()
    chunk: list[tuple[Document, str, str]] = []
    progress = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), TextColumn("{task.completed} docs"),
                        _Rate(), TextColumn("{task.fields[events]} events · {task.fields[errors]} errors · "
                                            "{task.fields[skipped]} skipped"),
                        TimeElapsedColumn(), console=console or Console(stderr=True))
    task = progress.add_task("ingest", total=None, events=0, errors=0, skipped=0)

    def show() -> None:
        pending_failures = sum(1 for r in writer.results if r.error)
        progress.update(task, completed=report.extracted + report.unchanged + len(writer.results),
                        events=report.events, skipped=report.unchanged + report.skipped,
                        errors=report.failed + pending_failures + report.bad_inputs)

    def collect(block_until: int | None = None) -> None:
        """Hand finished chunks to the writer, in order; with ``block_until``, wait until
        no more than that many are in flight (bounded read-ahead keeps memory flat)."""
        while inflight and (inflight[0].done() or (block_until is not None and len(inflight) > block_until)):
            writer.add(executor.result(inflight.popleft()))
            show()

    def submit() -> None:
        nonlocal chunk
        if chunk:
            inflight.append(executor.submit(chunk))
            collect(block_until=executor.slots * 4)
        chunk = []

    try:
        with progress:
            for source in sources:
                for item in read_path(source, published, outlet):
                    if isinstance(item, Skipped):
                        report.skipped += 1
                        report.notes.append(str(item))
                        show()
                        continue
                    if isinstance(item, BadInput):
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
                    chunk.append((item, printable(source), sha))
                    if len(chunk) >= executor.chunk:
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
        inflight.clear()
        executor.close()
        conn.close()
