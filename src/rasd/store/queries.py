"""What the HTTP API reads from and writes to the store, as functions with typed results:
the routes of ``rasd.serve.app`` call these and keep only HTTP concerns (status codes,
headers, auth), so every statement rasd runs against SQLite lives in ``rasd.store``."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rasd.store import db, merge, review


@dataclass(frozen=True)
class MapFeature:
    """One cross-article event as the page's map, histogram and list draw it."""

    id: int
    event_type: str
    sub_event_type: str
    date: str | None
    date_end: str | None
    actor1: str
    actor2: str | None
    admin1: str | None
    location: str | None
    lon: float | None
    lat: float | None
    fatalities: int
    confidence: float
    n_docs: int
    review: str
    corrected: bool

    def as_geojson(self) -> dict[str, Any]:
        props = {k: v for k, v in asdict(self).items() if k not in ("lon", "lat")}
        geometry = {"type": "Point", "coordinates": [self.lon, self.lat]} if self.lon is not None else None
        return {"type": "Feature", "id": self.id, "geometry": geometry, "properties": props}


@dataclass(frozen=True)
class DocumentMeta:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    author: str | None


@dataclass(frozen=True)
class StoredDocument(DocumentMeta):
    """A stored article with its text and the ids of its per-document events."""

    text: str | None = None
    source: str = ""
    event_ids: list[int] = field(default_factory=list)
    # the uncovered country (ISO code) the article is wholly about: no event was sought in it
    outside_coverage: str | None = None


@dataclass(frozen=True)
class Member:
    """A per-document event inside a merged one, with the evidence spans of its article."""

    event_id: int
    doc_id: str
    evidence: list[dict[str, Any]]


@dataclass(frozen=True)
class EventDetail:
    """A cross-article event with everything the review page shows of it."""

    id: int
    record: dict[str, Any]
    review: review.Review
    members: list[Member]
    documents: list[DocumentMeta]
    audit: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "record": self.record, "review": self.review.as_dict(),
                "members": [asdict(m) for m in self.members], "documents": [asdict(d) for d in self.documents],
                "audit": self.audit}


def governorates(conn: sqlite3.Connection) -> list[str]:
    """The admin1 names present among the cross-article events, sorted."""
    return [r[0] for r in conn.execute("SELECT DISTINCT admin1 FROM merged WHERE admin1 IS NOT NULL ORDER BY 1")]


def map_features(conn: sqlite3.Connection, filters: db.Filters) -> list[MapFeature]:
    """Every cross-article event matching ``filters``, oldest first."""
    where, params = db.filter_clause(filters)
    rows = conn.execute(
        "SELECT id, event_type, sub_event_type, date, date_end, actor1, actor2, admin1, "
        "json_extract(record, '$.location'), lon, lat, fatalities, confidence, n_docs, review, corrected "
        f"FROM merged WHERE {where} ORDER BY date IS NULL, date, id", params)
    return [MapFeature(*row[:15], corrected=bool(row[15])) for row in rows]  # type: ignore[misc]


def event_detail(conn: sqlite3.Connection, merged_id: int) -> EventDetail | None:
    """Cross-article event ``merged_id`` (None when there is none by that id)."""
    row = conn.execute("SELECT record FROM merged WHERE id = ?", (merged_id,)).fetchone()
    if row is None:
        return None
    members = conn.execute("SELECT e.id, e.doc_id, e.record FROM merged_members mm JOIN events e "
                           "ON e.id = mm.event_id WHERE mm.merged_id = ? ORDER BY e.id", (merged_id,)).fetchall()
    doc_ids = list(dict.fromkeys(doc_id for _, doc_id, _ in members))
    marks = ", ".join("?" * len(doc_ids))
    documents = [DocumentMeta(*r) for r in conn.execute(
        f"SELECT id, title, outlet, published, url, author FROM documents WHERE id IN ({marks})", doc_ids)]
    documents.sort(key=lambda d: doc_ids.index(d.id))
    return EventDetail(merged_id, json.loads(row[0]), review.get(conn, merged_id),
                       [Member(i, d, json.loads(r).get("evidence", [])) for i, d, r in members],
                       documents, review.audit(conn, merged_id))


def document(conn: sqlite3.Connection, doc_id: str) -> StoredDocument | None:
    row = conn.execute("SELECT id, title, outlet, published, url, author, text, source, outside_coverage "
                       "FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    ids = [r[0] for r in conn.execute("SELECT id FROM events WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]
    return StoredDocument(*row[:-1], event_ids=ids, outside_coverage=row[-1])  # type: ignore[misc]


def outside_coverage(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The uncovered country a stored article is wholly about (None: covered, or not stored)."""
    row = conn.execute("SELECT outside_coverage FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def document_events(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """The per-document events of ``doc_id``, each with its ``id`` and ``merged_id``."""
    rows = conn.execute("SELECT e.id, e.record, mm.merged_id FROM events e LEFT JOIN merged_members mm "
                        "ON mm.event_id = e.id WHERE e.doc_id = ? ORDER BY e.ordinal", (doc_id,))
    return [dict(json.loads(record), id=event_id, merged_id=merged_id) for event_id, record, merged_id in rows]


def store_one(db_path: Path, result: db.DocResult) -> None:
    """Write one extracted document and merge its events, in one transaction."""
    conn = db.open_store(db_path, create=False)
    try:
        with db.transaction(conn):
            stored = db.store_document(conn, result, None)
            merge.refresh(conn, stored.touched)
    finally:
        conn.close()
