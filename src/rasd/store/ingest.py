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
import logging
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Protocol

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


#: Default per-document time limit, in seconds (``--doc-timeout``): a long article takes
#: well under a second; one that takes a minute is a pathological input.
DOC_TIMEOUT = 60.0
#: Extra time the parent gives a worker beyond its documents' limits before it declares
#: the worker stuck (in C code, where the per-document alarm cannot reach), kills it and
#: starts another.
STUCK_GRACE = 5.0

log = logging.getLogger("rasd.ingest")


class IngestError(RasdError):
    """The run cannot go on (a worker cannot build its pipeline, or died)."""


class DocumentTimeout(BaseException):
    """Raised inside an extraction that ran past its time limit. A BaseException, like
    KeyboardInterrupt, so that no ``except Exception`` in the pipeline swallows it."""


def _alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the block once it has run ``seconds`` (POSIX, main
    thread; elsewhere, e.g. in a Dask worker's thread, no limit). Python code is
    interrupted between two bytecodes; a worker stuck in C is the parent's to kill."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_slow(seconds: float) -> str:
    return f"extraction took longer than {seconds:g} s, the per-document time limit (--doc-timeout); skipped"


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


#: ``json.dumps(value, ensure_ascii=False)`` without making an encoder for each of the
#: dozens of mentions of every document.
_as_json = json.JSONEncoder(ensure_ascii=False).encode


def _work(items: list[tuple[Document, str, str]], gazetteer_path: Path | None,
          doc_timeout: float | None = None) -> list[db.DocResult]:
    """Extract a chunk of (document, source, hash); one failing document fails alone, and
    so does one that takes longer than ``doc_timeout`` seconds. The one extraction
    function of every mode (serial, process pool, Dask, the server)."""
    from rasd.events.article import Reference
    from rasd.events.assemble import assemble
    from rasd.store.references import reference_row

    pipe = pipeline(gazetteer_path)
    out = []
    for doc, source, sha in items:
        meta = {"outlet": doc.outlet, "published": doc.published.isoformat() if doc.published else None,
                "title": doc.title, "url": doc.url, "author": doc.author, "text": doc.text, "chars": len(doc.text)}
        result = db.DocResult(doc.id, sha, source, meta)
        try:
            with time_limit(doc_timeout):
                analysis = pipe.analyze(doc, stop_outside_coverage=True)
                references: list[Reference] = []
                result.events = [e.model_dump(mode="json") for e in assemble(analysis, pipe.gazetteer, None, references)]
                result.mentions = [(kind, start, end, text, _as_json(value))
                                   for kind, start, end, text, value in analysis.mention_rows()]
                result.mentions += [reference_row(r) for r in references]
                result.outside_coverage = analysis.outside_coverage
        except DocumentTimeout:
            result.events, result.mentions, result.error = [], [], too_slow(doc_timeout or 0)
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

    def __init__(self, gazetteer_path: Path | None, doc_timeout: float | None = None) -> None:
        self.gazetteer_path, self.doc_timeout = gazetteer_path, doc_timeout
        pipeline(gazetteer_path)  # a pipeline that cannot be built fails before the store is touched

    def submit(self, items: list[tuple[Document, str, str]]) -> Future[list[db.DocResult]]:
        future: Future[list[db.DocResult]] = Future()
        future.set_result(_work(items, self.gazetteer_path, self.doc_timeout))
        return future

    def result(self, future: Future[list[db.DocResult]]) -> list[db.DocResult]:
        return future.result()

    def close(self) -> None:
        pass


class _Processes:
    """A local pool of spawned processes (the same on every OS, and no fork of a parent
    that runs rich's refresh thread) that ignore Ctrl-C and exit when orphaned.

    With ``doc_timeout``, each document is limited in its worker (``time_limit``), and
    the parent watches the workers too: a chunk that is not back within its documents'
    limits plus ``STUCK_GRACE`` means a worker stuck where the alarm cannot reach it.
    Then the pool is killed and replaced, the chunk is redone one document at a time to
    find the one that hangs (it fails alone, with the time-limit error), and the chunks
    the kill interrupted are sent again. A worker that dies on a document (a crash, the
    OOM killer) is found and replaced the same way."""

    chunk = CHUNK

    def __init__(self, workers: int, gazetteer_path: Path | None, doc_timeout: float | None = None) -> None:
        self.slots, self.gazetteer_path, self.doc_timeout = workers, gazetteer_path, doc_timeout
        self.generation = 0
        self.sent: dict[Future[list[db.DocResult]], tuple[list[tuple[Document, str, str]], int]] = {}
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.slots, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.gazetteer_path, os.getpid()))

    def submit(self, items: list[tuple[Document, str, str]]) -> Future[list[db.DocResult]]:
        future = self.pool.submit(_work, items, self.gazetteer_path, self.doc_timeout)
        if self.doc_timeout:  # kept until ``result`` to redo them if a worker hangs or dies
            self.sent[future] = (items, self.generation)
        return future

    def result(self, future: Future[list[db.DocResult]]) -> list[db.DocResult]:
        items, generation = self.sent.pop(future, (None, self.generation))
        if items is None:  # not sent by submit (cannot be redone): wait as it is
            return self._wait(future, None)
        finished = future.done() and not future.cancelled() and future.exception() is None
        if generation != self.generation and not finished:  # killed with a stuck worker: send it again
            future = self.pool.submit(_work, items, self.gazetteer_path, self.doc_timeout)
        try:
            return self._wait(future, len(items))
        except (TimeoutError, BrokenProcessPool) as exc:
            why = "stuck" if isinstance(exc, TimeoutError) else "died"
            log.warning("a worker %s on a chunk of %d documents; restarting it and redoing them one by one",
                        why, len(items))
            self.restart()
            return [self._alone(item) for item in items]

    def _wait(self, future: Future[list[db.DocResult]], documents: int | None) -> list[db.DocResult]:
        limit = None if not self.doc_timeout or documents is None else documents * self.doc_timeout + STUCK_GRACE
        try:
            return future.result(timeout=limit)
        except BrokenProcessPool:
            if documents is None:
                raise IngestError("a worker process died; rerun the same command to resume") from None
            raise

    def _alone(self, item: tuple[Document, str, str]) -> db.DocResult:
        """One document in a fresh worker: its result, or its failure if it hangs or kills the worker."""
        doc, source, sha = item
        try:
            (result,) = self._wait(self.pool.submit(_work, [item], self.gazetteer_path, self.doc_timeout), 1)
            return result
        except (TimeoutError, BrokenProcessPool) as exc:
            self.restart()
            error = too_slow(self.doc_timeout or 0) if isinstance(exc, TimeoutError) else \
                "extraction failed (the worker process died on this document)"
            return db.DocResult(doc.id, sha, source, {}, error=error)

    def restart(self) -> None:
        """Kill every worker now and start new ones; chunks they held are redone by ``result``."""
        self.kill()
        self.generation += 1
        self.pool = self._start()

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
    outside_coverage: int = 0  # stored, but wholly about a country rasd does not cover: no event sought
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
                if r.outside_coverage is not None:
                    report.outside_coverage += 1
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
           console: Console | None = None, command: str = "rasd ingest", dask: str | None = None,
           doc_timeout: float | None = DOC_TIMEOUT) -> IngestReport:
    """Extract every document of ``sources`` into the store at ``db_path``: in this
    process (``workers`` 1), a pool of ``workers`` processes, or on a Dask cluster
    (``dask``: a scheduler address, or "local" for a local cluster of ``workers``).

    Raises ``db.StoreError`` for a database rasd cannot use and ``IngestError`` when
    extraction cannot run; bad inputs and failing documents are recorded, not raised,
    and so are documents that take longer than ``doc_timeout`` seconds (None or 0: no
    limit; on Dask, whose workers run tasks in threads, not enforced).
    """
    executor: Executor
    if dask is not None:
        from rasd.store.cluster import DaskExecutor

        executor = DaskExecutor(dask, workers, gazetteer_path)
    elif workers > 1:
        executor = _Processes(workers, gazetteer_path, doc_timeout)
    else:
        executor = _Serial(gazetteer_path, doc_timeout)
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
