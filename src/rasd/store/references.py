"""Articles that speak of an event without reporting it anew ("ندد بالهجوم الكيميائي على
دوما", "للتحقيق في الهجوم المفترض"): extraction keeps such references apart from events
(rule ``reference_to_earlier_event``), the store keeps them as mentions of kind
'reference', and here each is linked to the cross-article event it names: the same kind
of event, at the same place (or within 25 km, or in the same governorate when either
side knows no more), on a date up to 60 days before the article.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from rasd.events.article import Reference
from rasd.geo import km_between

WINDOW_DAYS = 60  # how far back a reference may name an event
NEAR_KM = 25.0


def reference_row(r: Reference) -> tuple[str, int, int, str, str]:
    """A reference as a mentions row (kind, start, end, text, value): the clause's
    original-text span and what the link needs."""
    value = {"sub_event_type": r.sub_event_type, "location": r.location, "location_ar": r.location_ar,
             "gazetteer_id": r.gazetteer_id, "admin1": r.admin1, "country": r.country,
             "lat": r.latitude, "lon": r.longitude, "published": r.published}
    start, end = r.evidence["start"], r.evidence["end"]
    assert isinstance(start, int) and isinstance(end, int)
    return ("reference", start, end, str(r.evidence["text"]), json.dumps(value, ensure_ascii=False))


@dataclass(frozen=True)
class Link:
    doc_id: str
    start: int
    end: int
    quote: str
    merged_id: int


def _same_place(ref: dict[str, Any], row: sqlite3.Row | tuple[Any, ...], precision: int) -> bool:
    gazetteer_id, lat, lon, admin1 = row[3], row[4], row[5], row[6]
    if ref.get("gazetteer_id") and ref["gazetteer_id"] == gazetteer_id:
        return True
    if ref.get("lat") is not None and lat is not None and km_between(ref["lat"], ref["lon"], lat, lon) <= NEAR_KM:
        return True
    return precision == 3 and bool(ref.get("admin1")) and ref["admin1"] == admin1


def named_event(conn: sqlite3.Connection, ref: dict[str, Any]) -> int | None:
    """The cross-article event a reference names, or None: the same sub-event type, the
    same place, a date within the window before the article; the nearest in time (then
    the most reported) wins."""
    if not ref.get("published") or not ref.get("sub_event_type"):
        return None
    published = dt.date.fromisoformat(ref["published"][:10])
    earliest = (published - dt.timedelta(days=WINDOW_DAYS)).isoformat()
    rows = conn.execute(
        "SELECT id, date, n_docs, gazetteer_id, lat, lon, admin1, geo_precision FROM merged "
        "WHERE sub_event_type = ? AND date >= ? AND date <= ? AND review != 'rejected'",
        (ref["sub_event_type"], earliest, published.isoformat())).fetchall()
    found = [r for r in rows if _same_place(ref, r, r[7])]
    if not found:
        return None
    best = max(found, key=lambda r: (r[1], r[2]))  # the latest before the article, then the most reported
    return int(best[0])


def links(conn: sqlite3.Connection, doc_id: str | None = None) -> list[Link]:
    """The references of the store (or of one document) with the events they name."""
    query = "SELECT doc_id, start, \"end\", text, value FROM mentions WHERE kind = 'reference'"
    rows = conn.execute(query + (" AND doc_id = ?" if doc_id else ""), (doc_id,) if doc_id else ()).fetchall()
    out = []
    for doc, start, end, text, value in rows:
        merged_id = named_event(conn, json.loads(value))
        if merged_id is not None:
            out.append(Link(doc, start, end, text, merged_id))
    return out


def referenced_by(conn: sqlite3.Connection, merged_id: int) -> list[dict[str, Any]]:
    """The articles that speak of cross-article event ``merged_id`` without reporting it
    anew, with the clause that does: the reports of it beyond its member articles."""
    row = conn.execute("SELECT sub_event_type FROM merged WHERE id = ?", (merged_id,)).fetchone()
    if row is None:
        return []
    out = []
    candidates = conn.execute(
        "SELECT m.doc_id, m.start, m.\"end\", m.text, m.value, d.title, d.outlet, d.published FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id WHERE m.kind = 'reference' AND json_extract(m.value, '$.sub_event_type') = ?",
        (row[0],)).fetchall()
    for doc, start, end, text, value, title, outlet, published in candidates:
        if named_event(conn, json.loads(value)) == merged_id:
            out.append({"doc_id": doc, "title": title, "outlet": outlet, "published": published,
                        "start": start, "end": end, "quote": text})
    return out
