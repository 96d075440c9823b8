"""``rasd watch``: poll the sources, store what is new, merge it.

Each pass fetches the due sources in a few threads (network-bound; a slow source does
not hold the others back, and a per-host delay keeps rasd polite), then, in the calling
thread, reads their items, skips what the store already has (the same id and content
hash, or the same URL or content under another id), extracts the rest with the same
function as ``rasd ingest`` and writes them and their merges in one transaction per
source. What a source did is kept in ``watch_sources`` (``rasd watch-status``): last
success, last error, counts, validators for the next conditional GET, and when it is due
again; an error pushes that back exponentially.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rasd.ingest.files import BadInput, Options, documents_from_bytes
from rasd.ingest.language import not_arabic
from rasd.model import Document
from rasd.store import db, merge
from rasd.watch.fetch import Pacer, Response, Robots, conditional_get
from rasd.watch.sources import Source

log = logging.getLogger("rasd.watch")

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_sources (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    etag TEXT, last_modified TEXT,
    last_polled TEXT, last_success TEXT, last_error TEXT, last_error_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,       -- errors in a row
    next_due REAL NOT NULL DEFAULT 0,          -- epoch seconds
    polls INTEGER NOT NULL DEFAULT 0, not_modified INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0, articles_updated INTEGER NOT NULL DEFAULT 0,
    articles_unchanged INTEGER NOT NULL DEFAULT 0, articles_duplicate INTEGER NOT NULL DEFAULT 0,
    articles_skipped INTEGER NOT NULL DEFAULT 0, articles_failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS watch_items (
    doc_id TEXT PRIMARY KEY,
    url TEXT,
    text_sha256 TEXT NOT NULL,                 -- of the text alone: the same article under another id/URL
    source TEXT NOT NULL, first_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS watch_items_url ON watch_items(url);
CREATE INDEX IF NOT EXISTS watch_items_text ON watch_items(text_sha256);
"""

COUNTS = ("new", "updated", "unchanged", "duplicate", "skipped", "failed")
MAX_BYTES = 10 * 1024 * 1024


def text_hash(text: str) -> str:
    """SHA-256 of an article's words (whitespace runs as one space)."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def open_watch_store(path: Path, create: bool = True) -> sqlite3.Connection:
    """The rasd store with the watcher's tables (created when missing)."""
    conn = db.open_store(path, create=create)
    conn.executescript(SCHEMA)
    return conn


@dataclass
class SourceResult:
    """What one poll of one source did."""

    source: str
    status: str = "ok"  # ok | not-modified | error | backing-off | disallowed
    error: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in COUNTS})
    new_doc_ids: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.status in ("error", "disallowed", "backing-off"):
            return f"{self.source}: {self.status}: {self.error}"
        if self.status == "not-modified":
            return f"{self.source}: not modified"
        c = self.counts
        return (f"{self.source}: {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
                f"{c['duplicate']} duplicate, {c['skipped']} skipped, {c['failed']} failed")


@dataclass
class _Fetched:
    source: Source
    response: Response | BadInput | None
    refusal: str | None = None
    seconds: float = 0.0


class Watcher:
    """Polls ``sources`` into the store at ``db_path``; ``after_pass`` (if given) is
    called with the open connection after every pass (the alerts hook)."""

    def __init__(self, db_path: Path, sources: list[Source], *, gazetteer_path: Path | None = None,
                 allow_private: bool = False, robots: bool = True, threads: int = 4,
                 after_pass: Callable[[sqlite3.Connection], Any] | None = None) -> None:
        self.db_path, self.sources = db_path, sources
        self.gazetteer_path, self.allow_private = gazetteer_path, allow_private
        self.threads = max(1, threads)
        self.pacer = Pacer()
        self.robots = Robots(allow_private, self.pacer) if robots else None
        self.after_pass = after_pass
        self.conn = open_watch_store(db_path)
        self._sync_sources()

    def close(self) -> None:
        self.conn.close()

    # --- state ---------------------------------------------------------------------
    def _sync_sources(self) -> None:
        with db.transaction(self.conn):
            for s in self.sources:
                row = self.conn.execute("SELECT url FROM watch_sources WHERE name = ?", (s.name,)).fetchone()
                if row is None:
                    self.conn.execute("INSERT INTO watch_sources (name, url) VALUES (?, ?)", (s.name, s.url))
                elif row[0] != s.url:  # a new URL: the old validators and back-off mean nothing for it
                    self.conn.execute("UPDATE watch_sources SET url = ?, etag = NULL, last_modified = NULL, "
                                      "failures = 0, next_due = 0 WHERE name = ?", (s.url, s.name))

    def _state(self, name: str) -> sqlite3.Row:
        self.conn.row_factory = sqlite3.Row
        try:
            return self.conn.execute("SELECT * FROM watch_sources WHERE name = ?", (name,)).fetchone()
        finally:
            self.conn.row_factory = None

    def next_due(self) -> float:
        """Epoch seconds when the next source is due."""
        row = self.conn.execute("SELECT min(next_due) FROM watch_sources WHERE name IN (%s)"
                                % ", ".join("?" * len(self.sources)), [s.name for s in self.sources]).fetchone()
        return float(row[0] or 0.0)

    # --- one pass ------------------------------------------------------------------
    def poll(self, *, every: bool = False, now: float | None = None) -> list[SourceResult]:
        """Poll the due sources (``every``: all of them, except those backing off after
        errors). Returns one result per source considered."""
        now = time.time() if now is None else now
        results: list[SourceResult] = []
        due: list[tuple[Source, sqlite3.Row]] = []
        for s in self.sources:
            state = self._state(s.name)
            backing_off = state["failures"] > 0 and state["next_due"] > now
            if backing_off:
                until = dt.datetime.fromtimestamp(state["next_due"], dt.timezone.utc).isoformat(timespec="seconds")
                log.info("%s: skipped, backing off after %d error(s) until %s", s.name, state["failures"], until)
                results.append(SourceResult(s.name, "backing-off", f"after {state['failures']} error(s), until {until}"))
            elif every or state["next_due"] <= now:
                due.append((s, state))
        if due:
            with ThreadPoolExecutor(min(self.threads, len(due)), thread_name_prefix="rasd-watch") as pool:
                futures = [pool.submit(self._fetch, s, state["etag"], state["last_modified"]) for s, state in due]
                for future in as_completed(futures):
                    results.append(self._process(future.result()))
        if self.after_pass is not None:
            self.after_pass(self.conn)
        return results

    def _fetch(self, source: Source, etag: str | None, last_modified: str | None) -> _Fetched:
        started = time.monotonic()
        delay = source.delay
        if self.robots is not None:
            refusal, crawl_delay = self.robots.check(source.url, source.delay, source.timeout)
            if refusal:
                return _Fetched(source, None, refusal, time.monotonic() - started)
            delay = max(delay, crawl_delay)
        self.pacer.wait(source.host, delay)
        response = conditional_get(source.url, etag=etag, last_modified=last_modified,
                                   allow_private=self.allow_private, max_bytes=MAX_BYTES, seconds=source.timeout)
        return _Fetched(source, response, None, time.monotonic() - started)

    def _process(self, fetched: _Fetched) -> SourceResult:
        s = fetched.source
        result = SourceResult(s.name)
        if fetched.refusal is not None or isinstance(fetched.response, BadInput):
            problem = fetched.refusal or str(fetched.response.problem)  # type: ignore[union-attr]
            result.status, result.error = ("disallowed" if fetched.refusal else "error"), problem
            self._failed(s, problem)
            log.warning("%s: failed: %s (%s)", s.name, problem, s.url)
            return result
        response = fetched.response
        assert response is not None
        if response.not_modified:
            result.status = "not-modified"
            self._succeeded(s, response, result)
            log.info("%s: not modified (%.2f s)", s.name, fetched.seconds)
            return result
        documents, problems = self._documents(s, response)
        if problems and not documents:
            result.status, result.error = "error", problems[0]
            self._failed(s, problems[0])
            log.warning("%s: failed: %s", s.name, problems[0])
            return result
        for problem in problems:
            log.warning("%s: %s", s.name, problem)
        self._ingest(s, documents, result)
        self._succeeded(s, response, result)
        log.info("%s: fetched in %.2f s; %s", s.name, fetched.seconds, result.line().split(": ", 1)[1])
        return result

    def _documents(self, s: Source, response: Response) -> tuple[list[Document], list[str]]:
        kind = {"feed": "feed", "page": "html"}.get(s.kind, response.kind)
        if s.kind == "page" and response.kind == "text":
            kind = "text"
        opts = Options(outlet=s.outlet, allow_private=self.allow_private, max_bytes=MAX_BYTES)
        documents, problems = [], []
        for item in documents_from_bytes(response.data, s.url, response.url, kind, opts,
                                         charset=response.charset, url=response.url):
            if isinstance(item, BadInput):
                if item.problem.endswith("a feed with no items") and _empty_feed(response.data):
                    continue  # a feed with nothing in it yet is not an error
                problems.append(str(item))
            else:
                documents.append(item.model_copy(update={"outlet": s.outlet}) if s.outlet else item)
        return documents, problems

    def _duplicate(self, doc: Document) -> str | None:
        """Why ``doc`` (not stored under its id) is already in the store, or None."""
        if doc.url:
            row = self.conn.execute("SELECT doc_id FROM watch_items WHERE url = ? AND doc_id != ? LIMIT 1",
                                    (doc.url, doc.id)).fetchone() or self.conn.execute(
                "SELECT id FROM documents WHERE url = ? AND id != ? LIMIT 1", (doc.url, doc.id)).fetchone()
            if row:
                return f"same URL as {row[0]}"
        row = self.conn.execute("SELECT doc_id FROM watch_items WHERE text_sha256 = ? AND doc_id != ? LIMIT 1",
                                (text_hash(doc.text), doc.id)).fetchone()
        if row:
            return f"same content as {row[0]}"
        return None

    def _ingest(self, s: Source, documents: list[Document], result: SourceResult) -> None:
        from rasd.store.ingest import _work

        todo: list[tuple[Document, str, str]] = []
        kinds: dict[str, str] = {}
        seen: set[str] = set()
        for doc in documents:
            sha = db.content_hash(doc)
            stored = db.stored_hash(self.conn, doc.id)
            if stored == sha or doc.id in seen:
                result.counts["unchanged"] += 1
                continue
            why = not_arabic(doc.text)
            if why:
                result.counts["skipped"] += 1
                log.info("%s: skipped %s: %s", s.name, doc.url or doc.id, why)
                continue
            if stored is None:
                duplicate = self._duplicate(doc)
                if duplicate:
                    result.counts["duplicate"] += 1
                    log.info("%s: skipped %s: %s", s.name, doc.url or doc.id, duplicate)
                    continue
            seen.add(doc.id)
            kinds[doc.id] = "new" if stored is None else "updated"
            todo.append((doc, s.url, sha))
        if not todo:
            return
        extracted = _work(todo, self.gazetteer_path)
        urls = {doc.id: doc.url for doc, _, _ in todo}
        with db.transaction(self.conn):
            touched: set[int] = set()
            for r in extracted:
                if r.error is not None:
                    result.counts["failed"] += 1
                    db.record_error(self.conn, r.source, r.error, doc_id=r.doc_id)
                    log.warning("%s: %s: %s", s.name, r.doc_id, r.error)
                    continue
                saved = db.store_document(self.conn, r, None)
                touched |= saved.touched
                self.conn.execute(
                    "INSERT INTO watch_items (doc_id, url, text_sha256, source, first_seen) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (doc_id) DO UPDATE SET url = excluded.url, text_sha256 = excluded.text_sha256",
                    (r.doc_id, urls.get(r.doc_id), text_hash(r.meta.get("text") or ""), s.name, _now()))
                result.counts[kinds[r.doc_id]] += 1
                result.new_doc_ids.append(r.doc_id)
                log.info("%s: stored %s (%s, %d event(s))", s.name, r.doc_id, kinds[r.doc_id], len(r.events))
            merge.refresh_many(self.conn, touched)

    # --- bookkeeping -----------------------------------------------------------------
    def _succeeded(self, s: Source, response: Response, result: SourceResult) -> None:
        c = result.counts
        with db.transaction(self.conn):
            self.conn.execute(
                "UPDATE watch_sources SET etag = ?, last_modified = ?, last_polled = ?, last_success = ?, "
                "failures = 0, next_due = ?, polls = polls + 1, not_modified = not_modified + ?, "
                "articles_new = articles_new + ?, articles_updated = articles_updated + ?, "
                "articles_unchanged = articles_unchanged + ?, articles_duplicate = articles_duplicate + ?, "
                "articles_skipped = articles_skipped + ?, articles_failed = articles_failed + ? WHERE name = ?",
                (response.etag, response.last_modified, _now(), _now(), time.time() + s.interval,
                 int(response.not_modified), c["new"], c["updated"], c["unchanged"], c["duplicate"], c["skipped"],
                 c["failed"], s.name))

    def _failed(self, s: Source, problem: str) -> None:
        with db.transaction(self.conn):
            failures = self.conn.execute("SELECT failures FROM watch_sources WHERE name = ?",
                                         (s.name,)).fetchone()[0] + 1
            wait = max(s.interval, min(s.backoff * 2 ** (failures - 1), s.max_backoff))
            self.conn.execute(
                "UPDATE watch_sources SET last_polled = ?, last_error = ?, last_error_at = ?, failures = ?, "
                "next_due = ?, polls = polls + 1, errors = errors + 1 WHERE name = ?",
                (_now(), problem, _now(), failures, time.time() + wait, s.name))

    # --- the loop ----------------------------------------------------------------------
    def run(self, stop: threading.Event, tick: Callable[[sqlite3.Connection], Any] | None = None,
            tick_seconds: float = 1.0) -> None:
        """Poll until ``stop`` is set; between passes ``tick`` runs every ``tick_seconds``
        (the alerts' retries of failed deliveries)."""
        while not stop.is_set():
            self.poll()
            while not stop.is_set():
                wait = self.next_due() - time.time()
                if wait <= 0:
                    break
                if tick is not None:
                    tick(self.conn)
                stop.wait(min(wait, tick_seconds))


def _empty_feed(data: bytes) -> bool:
    import feedparser

    parsed = feedparser.parse(data)  # read_feed already refused unsafe XML
    return bool(parsed.get("version")) and not parsed.entries


def status(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each watched source's state, for ``rasd watch-status`` and the API."""
    conn.executescript(SCHEMA)
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM watch_sources ORDER BY name")]
    finally:
        conn.row_factory = None
    for r in rows:
        r["next_due"] = (dt.datetime.fromtimestamp(r["next_due"], dt.timezone.utc).isoformat(timespec="seconds")
                         if r["next_due"] else None)
    return rows
