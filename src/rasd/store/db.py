"""The SQLite store: schema (migrated by version), document writes, event queries.

One file, WAL journal: readers (``rasd events``) work while an ingest writes, and every
batch is one transaction, so a process killed at any instant leaves the last committed
batch intact and nothing half-written. ``synchronous=NORMAL`` is durable against a
killed process (only a power cut can lose the last commits, never corrupt the file).

Per-document events are never changed by merging: the ``merged`` table holds the
cross-article events, each linked to its members in ``merged_members`` (rasd.store.merge).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from rasd import errors
from rasd.model import Document

APPLICATION_ID = 0x72617364  # "rasd": marks the file as ours, so a foreign db is never migrated

_V1 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    outlet TEXT, published TEXT, title TEXT, url TEXT,
    chars INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    run_id INTEGER,
    stored_at TEXT NOT NULL
);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an id names one extraction forever
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    date TEXT, date_end TEXT, time_precision INTEGER NOT NULL,
    country TEXT, admin1 TEXT, actor1 TEXT NOT NULL, actor2 TEXT,
    lat REAL, lon REAL, geo_precision INTEGER NOT NULL, gazetteer_id TEXT,
    confidence REAL NOT NULL, fatalities INTEGER NOT NULL, fatalities_high INTEGER,
    record TEXT NOT NULL,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX events_type_date ON events(event_type, date);
CREATE TABLE merged (
    id INTEGER PRIMARY KEY,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    date TEXT, date_end TEXT, time_precision INTEGER NOT NULL,
    country TEXT, admin1 TEXT, actor1 TEXT NOT NULL, actor2 TEXT,
    lat REAL, lon REAL, geo_precision INTEGER NOT NULL, gazetteer_id TEXT,
    confidence REAL NOT NULL, fatalities INTEGER NOT NULL, fatalities_high INTEGER,
    record TEXT NOT NULL,
    n_docs INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX merged_date ON merged(date);
CREATE TABLE merged_members (
    merged_id INTEGER NOT NULL REFERENCES merged(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE
);
CREATE INDEX merged_members_merged ON merged_members(merged_id);
CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    line INTEGER NOT NULL DEFAULT 0,      -- 0: the whole input
    doc_id TEXT NOT NULL DEFAULT '',      -- '': not a document (unreadable input)
    problem TEXT NOT NULL,
    run_id INTEGER,
    seen_at TEXT NOT NULL,
    UNIQUE (source, line, doc_id, problem)
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL, finished TEXT, command TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0, replaced INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0
);
"""

# Version 2: the article text (for the review page and re-extraction), its author, and
# analysts' reviews. A review belongs to a merged event's id (the smallest member event
# id, stable while the cluster keeps that member), not a foreign key: merges are
# recomputed by deleting and inserting rows, and a review must outlive that.
_V2 = """
ALTER TABLE documents ADD COLUMN text TEXT;
ALTER TABLE documents ADD COLUMN author TEXT;
ALTER TABLE merged ADD COLUMN review TEXT NOT NULL DEFAULT 'unreviewed';
ALTER TABLE merged ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
CREATE INDEX merged_review ON merged(review);
CREATE TABLE reviews (
    merged_id INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'unreviewed',
    fields TEXT NOT NULL DEFAULT '{}',
    reviewer TEXT, at TEXT NOT NULL
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    merged_id INTEGER NOT NULL,
    at TEXT NOT NULL, reviewer TEXT NOT NULL, action TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '{}', note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_merged ON audit(merged_id);
"""

# Version 3: a review follows its event when a changed article is re-extracted (the
# merged id, the smallest member event id, then changes). A review remembers its
# members; a replaced document's events name their successors (``event_lineage``); a
# review left without its merged event moves to the new cluster that holds the most of
# its members' successors (rasd.store.review.reattach), and the old id redirects.
_V3 = """
ALTER TABLE reviews ADD COLUMN members TEXT NOT NULL DEFAULT '[]';
UPDATE reviews SET members = (SELECT json_group_array(event_id) FROM merged_members
                              WHERE merged_members.merged_id = reviews.merged_id);
CREATE TABLE event_lineage (
    old_id INTEGER PRIMARY KEY,   -- a deleted event of a replaced document
    new_id INTEGER NOT NULL       -- the event of the new version that took its place
);
CREATE TABLE merged_redirects (
    old_id INTEGER PRIMARY KEY,   -- a merged id whose review moved
    new_id INTEGER NOT NULL
);
"""

# Version 4: mentions of earlier events ("ندد بالهجوم الكيميائي على دوما") are stored as
# mentions of kind 'reference' and linked to the event they name when it is asked for
# (rasd.store.references); the index finds them without reading every mention.
_V4 = """
CREATE INDEX IF NOT EXISTS mentions_kind ON mentions(kind);
"""

# Version 5: an article wholly about a country rasd does not cover (naming Syria and Iraq
# nowhere) is stored with no mentions and no events sought; ``outside_coverage`` says which
# country (ISO code), so that a document with no events tells why. NULL for every other
# document, and for those stored before (their mentions say what was found in them).
_V5 = """
ALTER TABLE documents ADD COLUMN outside_coverage TEXT;
"""

# MIGRATIONS[i] takes a database from schema version i to i + 1 (PRAGMA user_version).
# A new version appends a script; released scripts are never edited.
MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5]
SCHEMA_VERSION = len(MIGRATIONS)

# The columns an event is filtered on, in both ``events`` and ``merged``.
EVENT_COLUMNS = ("event_type", "sub_event_type", "date", "date_end", "time_precision", "country",
                 "admin1", "actor1", "actor2", "lat", "lon", "geo_precision", "gazetteer_id",
                 "confidence", "fatalities", "fatalities_high")


class StoreError(errors.StoreError):
    """A database rasd cannot use (missing, corrupt, foreign, newer); the message says which."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def open_store(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (and migrate) a rasd database. A missing file is created only with ``create``;
    a file that is not a rasd database is refused before anything is written to it."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StoreError(f"{path}: no such database (create it with `rasd ingest ... --db {path}`)")
    if exists:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise StoreError(f"{path}: not a SQLite database (corrupt, or another kind of file); left untouched")
    elif not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    # autocommit mode: transactions are explicit (``transaction``), so a batch is exactly one
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    try:
        # What the file is is read in one read transaction (a consistent view); its
        # creation or migration is done, and re-checked, under the write lock: two
        # processes opening a new store at once take turns (the second waits, then finds
        # it made) instead of one seeing the other's half-made schema. A store that is up
        # to date takes no write lock, so readers never wait for a running ingest.
        conn.execute("BEGIN")
        try:
            version = _check(conn, path)
        finally:
            conn.execute("COMMIT")
        if version < SCHEMA_VERSION:
            with transaction(conn):
                _migrate(conn, _check(conn, path))
        _wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: unreadable database ({exc}); left untouched") from exc
    except StoreError:
        conn.close()
        raise


def _wal(conn: sqlite3.Connection, seconds: float = 30.0) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite answers "locked" at
    once, without waiting, when two connections of a new store switch together (waiting
    could deadlock): so wait here, briefly and boundedly."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of a rasd store (0: empty); StoreError for any other database."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if tables and app_id != APPLICATION_ID:
        raise StoreError(f"{path}: a SQLite database, but not a rasd one; left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: written by a newer rasd (schema {version}, this rasd knows "
                         f"{SCHEMA_VERSION}); upgrade rasd")
    return int(version)


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Inside the caller's transaction: the scripts from ``version`` on, all or none."""
    for number in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[number].split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={number + 1}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic write: BEGIN IMMEDIATE takes the write lock up front, so two writers
    wait for each other instead of failing halfway through."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A part of the caller's transaction that is undone alone when it fails."""
    conn.execute("SAVEPOINT part")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK TO part")
        conn.execute("RELEASE part")
        raise
    conn.execute("RELEASE part")


def content_hash(doc: Document) -> str:
    """SHA-256 of everything extraction reads (text and metadata, not the id): the same
    article ingested again hashes the same, a corrected text or a new date does not."""
    payload = doc.model_dump(mode="json", exclude={"id"})
    if payload.get("author") is None:
        del payload["author"]  # hashes stay those of stores written before the field existed
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def event_columns(record: dict[str, Any]) -> tuple[Any, ...]:
    """The filter columns of one event record (``Event.model_dump(mode="json")``)."""
    values = dict(record, lat=record.get("latitude"), lon=record.get("longitude"))
    return tuple(values.get(c) for c in EVENT_COLUMNS)


@dataclass
class DocResult:
    """One document as a worker hands it to the writer: metadata, events and mentions
    already serialized, or the problem that stopped its extraction."""

    doc_id: str
    sha256: str
    source: str
    meta: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[tuple[str, int, int, str, str]] = field(default_factory=list)
    error: str | None = None
    outside_coverage: str | None = None  # the uncovered country it is wholly about (``Analysis.outside_coverage``)


@dataclass
class Stored:
    """What writing one document did: ``kind`` is added, replaced or unchanged;
    ``touched`` are event ids whose merges must be recomputed."""

    kind: str
    new_events: list[int] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)


def stored_hash(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def store_document(conn: sqlite3.Connection, result: DocResult, run_id: int | None) -> Stored:
    """Write one extracted document inside the caller's transaction. The same content
    again is a no-op; new content for a known id replaces its mentions and events (the
    merges they were in are dissolved and their other members returned as touched)."""
    old = stored_hash(conn, result.doc_id)
    if old == result.sha256:
        return Stored("unchanged")
    touched: set[int] = set()
    if old is not None:
        rows = conn.execute(
            "SELECT mm.merged_id, other.event_id FROM events e "
            "JOIN merged_members mm ON mm.event_id = e.id "
            "JOIN merged_members other ON other.merged_id = mm.merged_id "
            "WHERE e.doc_id = ?", (result.doc_id,)).fetchall()
        previous = conn.execute("SELECT id, ordinal, event_type, sub_event_type FROM events WHERE doc_id = ? "
                                "ORDER BY ordinal", (result.doc_id,)).fetchall()
        own = {r[0] for r in previous}
        touched = {event_id for _, event_id in rows} - own
        conn.executemany("DELETE FROM merged WHERE id = ?", {(merged_id,) for merged_id, _ in rows})
        conn.execute("DELETE FROM documents WHERE id = ?", (result.doc_id,))  # cascades to its rows
    meta = result.meta
    conn.execute(
        "INSERT INTO documents (id, sha256, source, outlet, published, title, url, author, text, chars, n_events,"
        " run_id, stored_at, outside_coverage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (result.doc_id, result.sha256, result.source, meta.get("outlet"), meta.get("published"),
         meta.get("title"), meta.get("url"), meta.get("author"), meta.get("text"), meta.get("chars", 0),
         len(result.events), run_id, _now(), result.outside_coverage))
    conn.executemany("INSERT INTO mentions (doc_id, kind, start, \"end\", text, value) VALUES (?, ?, ?, ?, ?, ?)",
                     [(result.doc_id, *m) for m in result.mentions])
    new_events = []
    for ordinal, record in enumerate(result.events):
        cursor = conn.execute(
            f"INSERT INTO events (doc_id, ordinal, {', '.join(EVENT_COLUMNS)}, record) "
            f"VALUES (?, ?, {', '.join('?' * len(EVENT_COLUMNS))}, ?)",
            (result.doc_id, ordinal, *event_columns(record), json.dumps(record, ensure_ascii=False)))
        new_events.append(int(cursor.lastrowid or 0))
    if old is not None and previous and conn.execute("SELECT 1 FROM reviews LIMIT 1").fetchone():
        conn.executemany("INSERT OR REPLACE INTO event_lineage (old_id, new_id) VALUES (?, ?)",
                         successors(previous, [(i, n, r["event_type"], r["sub_event_type"])
                                               for n, (i, r) in enumerate(zip(new_events, result.events))]))
    return Stored("replaced" if old is not None else "added", new_events, touched | set(new_events))


def successors(old: list[tuple[int, int, str, str]], new: list[tuple[int, int, str, str]]) -> list[tuple[int, int]]:
    """(old event id, new event id) pairs of one document re-extracted: each old event
    (id, ordinal, type, sub-type) is followed by the unclaimed new event of the same
    sub-event type nearest in order, else of the same event type; an event with neither
    has no successor (the new version no longer reports it)."""
    pairs, taken = [], set()
    for old_id, ordinal, event_type, sub_type in old:
        for column, value in ((3, sub_type), (2, event_type)):  # the same sub-type, else the same type
            found = [e for e in new if e[0] not in taken and e[column] == value]
            if found:
                best = min(found, key=lambda e: (abs(e[1] - ordinal), e[1]))
                taken.add(best[0])
                pairs.append((old_id, best[0]))
                break
    return pairs


def record_error(conn: sqlite3.Connection, source: str, problem: str, line: int | None = None,
                 doc_id: str | None = None, run_id: int | None = None) -> None:
    """Log a bad input or a document that could not be extracted. Seeing the same problem
    again (a resumed or repeated run) updates it instead of adding a duplicate."""
    conn.execute(
        "INSERT INTO errors (source, line, doc_id, problem, run_id, seen_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (source, line, doc_id, problem) DO UPDATE SET run_id = excluded.run_id, seen_at = excluded.seen_at",
        (source, line or 0, doc_id or "", problem, run_id, _now()))


def errors_of_run(conn: sqlite3.Connection, run_id: int) -> list[str]:
    rows = conn.execute("SELECT source, line, doc_id, problem FROM errors WHERE run_id = ? ORDER BY id", (run_id,))
    out = []
    for source, line, doc_id, problem in rows:
        where = f"{source}:{line}" if line else source
        out.append(f"{where}: {doc_id + ': ' if doc_id else ''}{problem}")
    return out


def start_run(conn: sqlite3.Connection, command: str) -> tuple[int, str | None]:
    """Record a run; also return when the previous run started if it never finished
    (it was killed, or is still running)."""
    with transaction(conn):
        row = conn.execute("SELECT started, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        cursor = conn.execute("INSERT INTO runs (started, command) VALUES (?, ?)", (_now(), command))
    return int(cursor.lastrowid or 0), row[0] if row and row[1] is None else None


def update_run(conn: sqlite3.Connection, run_id: int, counts: dict[str, int], finished: bool = False) -> None:
    """Called inside a batch's transaction, so the run's counts match what is committed."""
    conn.execute("UPDATE runs SET added = ?, replaced = ?, unchanged = ?, failed = ?, events = ?, finished = ? "
                 "WHERE id = ?", (counts.get("added", 0), counts.get("replaced", 0), counts.get("unchanged", 0),
                                  counts.get("failed", 0), counts.get("events", 0),
                                  _now() if finished else None, run_id))


@dataclass
class Filters:
    """``rasd events`` selection. Dates select events whose window overlaps
    [since, until]; ``bbox`` is (min_lon, min_lat, max_lon, max_lat) as in GeoJSON."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    types: list[str] = field(default_factory=list)
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float = 0.0
    review: str | None = None  # REVIEW_STATES; None: every merged event but the rejected ones


REVIEW_STATES = ("all", "unreviewed", "confirmed", "rejected", "corrected")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" → the tuple ``Filters.bbox`` holds; ValueError
    naming the value when it is not four ordered WGS 84 numbers."""
    if value is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(x) for x in value.split(","))
    except ValueError:
        raise ValueError(f"bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError(f"bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat within WGS 84 bounds")
    return min_lon, min_lat, max_lon, max_lat


def filter_clause(filters: Filters, per_document: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = ["confidence >= ?"]
    params: list[Any] = [filters.min_confidence]
    if not per_document:  # reviews are of merged events
        if filters.review is None:
            clauses.append("review != 'rejected'")
        elif filters.review == "corrected":
            clauses.append("corrected = 1")
        elif filters.review != "all":
            clauses.append("review = ?")
            params.append(filters.review)
    if filters.since:
        clauses.append("date_end >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        clauses.append("date <= ?")
        params.append(filters.until.isoformat())
    if filters.country:
        clauses.append("country = ?")
        params.append(_country_code(filters.country))
    if filters.admin1:
        clauses.append("admin1 = ? COLLATE NOCASE")
        params.append(filters.admin1)
    if filters.types:
        marks = ", ".join("?" * len(filters.types))
        clauses.append(f"(lower(event_type) IN ({marks}) OR lower(sub_event_type) IN ({marks}))")
        params += [t.lower() for t in filters.types] * 2
    if filters.actor:
        # substring, case-insensitive: "Coalition" finds "International Coalition"
        clauses.append("(instr(lower(actor1), ?) > 0 OR instr(lower(ifnull(actor2, '')), ?) > 0)")
        params += [filters.actor.lower()] * 2
    if filters.bbox:
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        clauses.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    return " AND ".join(clauses), params


def _country_code(value: str) -> str:
    """ISO code or English name ("Syria") → the ISO code the store keeps."""
    from rasd.export.acled import COUNTRIES

    by_name = {name.lower(): code for code, (name, _, _) in COUNTRIES.items()}
    return by_name.get(value.lower(), value.upper())


def query_events(conn: sqlite3.Connection, filters: Filters, per_document: bool = False,
                 limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Event records matching ``filters``, oldest first: cross-article events by default
    (with their ``review`` state), per-document ones with ``per_document``. Each record
    carries its store ``id``."""
    table = "events" if per_document else "merged"
    review = "'unreviewed', 0" if per_document else "review, corrected"
    where, params = filter_clause(filters, per_document)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    rows = conn.execute(f"SELECT id, record, {review} FROM {table} WHERE {where} "
                        f"ORDER BY date IS NULL, date, id{page}", params + ([limit, offset] if page else []))
    return [dict(json.loads(record), id=event_id, review=state, corrected=bool(corrected))
            for event_id, record, state, corrected in rows]


def count_events(conn: sqlite3.Connection, filters: Filters, per_document: bool = False) -> int:
    where, params = filter_clause(filters, per_document)
    table = "events" if per_document else "merged"
    return int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0])


def summary(conn: sqlite3.Connection) -> dict[str, int]:
    """Counts of the main tables, for run reports and tests."""
    one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
    return {"documents": one("SELECT count(*) FROM documents"), "events": one("SELECT count(*) FROM events"),
            "merged": one("SELECT count(*) FROM merged"),
            "multi_source": one("SELECT count(*) FROM merged WHERE n_docs > 1"),
            "errors": one("SELECT count(*) FROM errors")}
