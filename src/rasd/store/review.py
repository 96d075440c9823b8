"""Analysts' reviews of merged events: corrections, confirm/reject, and their audit trail.

A review is an overlay on a merged event: ``reviews.fields`` holds the values the analyst
set, and every write of the merged row (a correction now, a merge recomputed later)
applies them on top of what extraction produced, so a correction survives re-merging
and shows in every query and export. The audit trail keeps each action with who, when,
and the old and new value of every field it changed; nothing in it is ever updated.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from rasd.model import EVENT_TYPE_OF, Event
from rasd.store.db import EVENT_COLUMNS, event_columns

Status = Literal["unreviewed", "confirmed", "rejected"]
STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "rejected")
_ACTION = {"confirmed": "confirm", "rejected": "reject", "unreviewed": "reopen"}

# What an analyst may correct: the coded fields, not provenance (evidence, doc ids).
CORRECTABLE: tuple[str, ...] = (
    "event_type", "sub_event_type", "date", "date_end", "time_precision", "actor1", "actor2",
    "assoc_actor1", "assoc_actor2", "country", "admin1", "admin2", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "notes",
)


class ReviewError(ValueError):
    """A correction rasd refuses (unknown event, field or value); the message says which."""


class UnknownEvent(ReviewError):
    """No merged event has this id."""


@dataclass
class Review:
    status: str = "unreviewed"
    fields: dict[str, Any] | None = None
    reviewer: str | None = None
    at: str | None = None

    @property
    def corrected(self) -> bool:
        return bool(self.fields)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "corrected": self.corrected, "fields": self.fields or {},
                "reviewer": self.reviewer, "at": self.at}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def get(conn: sqlite3.Connection, merged_id: int) -> Review:
    row = conn.execute("SELECT status, fields, reviewer, at FROM reviews WHERE merged_id = ?",
                       (merged_id,)).fetchone()
    if row is None:
        return Review()
    return Review(row[0], json.loads(row[1]), row[2], row[3])


def audit(conn: sqlite3.Connection, merged_id: int) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT at, reviewer, action, changes, note FROM audit WHERE merged_id = ? ORDER BY id",
                        (merged_id,))
    return [{"at": at, "reviewer": who, "action": action, "changes": json.loads(changes), "note": note}
            for at, who, action, changes, note in rows]


def overlay(record: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the analyst's ``fields`` applied and validated as an event.
    Changing the type alone keeps a sub-type only if it still belongs to it."""
    merged = dict(record, **fields)
    if "event_type" in fields and "sub_event_type" not in fields:
        if EVENT_TYPE_OF.get(merged.get("sub_event_type", "")) != merged["event_type"]:
            raise ReviewError(f"sub_event_type {merged.get('sub_event_type')!r} does not belong to "
                              f"{merged['event_type']!r}: correct both")
    if "date" in fields and "date_end" not in fields and merged.get("date_end") and merged.get("date"):
        if str(merged["date_end"]) < str(merged["date"]):
            merged["date_end"] = merged["date"]
    extra = {k: v for k, v in record.items() if k not in Event.model_fields}
    try:
        return Event.model_validate(merged).model_dump(mode="json") | extra
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'event'}: {e['msg']}" for e in exc.errors())
        raise ReviewError(f"invalid correction: {problems}") from exc


def resolve(conn: sqlite3.Connection, merged_id: int) -> int | None:
    """The id that merged event ``merged_id`` has now: itself while it exists, else the
    id its review moved to when its reports changed (``reattach``), else None."""
    for _ in range(1000):  # redirects only ever point to newer ids; the bound is a guard
        if conn.execute("SELECT 1 FROM merged WHERE id = ?", (merged_id,)).fetchone():
            return merged_id
        row = conn.execute("SELECT new_id FROM merged_redirects WHERE old_id = ?", (merged_id,)).fetchone()
        if row is None or row[0] == merged_id:
            return None
        merged_id = int(row[0])
    return None


def _latest(conn: sqlite3.Connection, event_id: int) -> int:
    """The event that stands for ``event_id`` now, through any re-extractions."""
    seen = {event_id}
    while True:
        row = conn.execute("SELECT new_id FROM event_lineage WHERE old_id = ?", (event_id,)).fetchone()
        if row is None or row[0] in seen:
            return event_id
        event_id = int(row[0])
        seen.add(event_id)


def reattach(conn: sqlite3.Connection, clusters: dict[int, set[int]]) -> None:
    """Give the reviews left without their merged event to the new ``clusters`` (merged
    id → member event ids, about to be written) that hold their members now.

    A merged id is its smallest member event id, so it changes when that event's article
    is re-extracted (its events get new ids) or when the cluster changes. A review whose
    id no longer names a merged event and is not one of ``clusters`` moves, with its
    audit trail, to the cluster holding the most of its members (each followed through
    ``event_lineage``; ties: the smallest id) that has no review of its own, and its old
    id redirects there (``resolve``). One with no such cluster waits, kept whole."""
    orphans = [(i, m) for i, m in conn.execute(
        "SELECT merged_id, members FROM reviews WHERE merged_id NOT IN (SELECT id FROM merged) ORDER BY merged_id")
        if i not in clusters]
    if not orphans:
        return
    reviewed = {r[0] for r in conn.execute("SELECT merged_id FROM reviews")}
    for old_id, members in orphans:
        now = {_latest(conn, e) for e in json.loads(members)}
        ranked = [(len(now & ids), -new_id) for new_id, ids in clusters.items()
                  if new_id not in reviewed and now & ids]
        if not ranked:
            continue
        new_id = -max(ranked)[1]
        conn.execute("UPDATE reviews SET merged_id = ? WHERE merged_id = ?", (new_id, old_id))
        conn.execute("UPDATE audit SET merged_id = ? WHERE merged_id = ?", (new_id, old_id))
        conn.execute("UPDATE merged_redirects SET new_id = ? WHERE new_id = ?", (new_id, old_id))
        conn.execute("INSERT OR REPLACE INTO merged_redirects (old_id, new_id) VALUES (?, ?)", (old_id, new_id))
        reviewed.add(new_id)


_LARGEST = 2**63 - 1  # SQLite's integers are 64-bit


def _in_range(record: dict[str, Any], fields: dict[str, Any]) -> None:
    """Refuse corrected numbers SQLite cannot store (fatalities 1e30) or that are no
    numbers (NaN, infinity), naming the field."""
    for key in fields:
        value = record.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if isinstance(value, float) and not math.isfinite(value) or abs(value) > _LARGEST:
            raise ReviewError(f"invalid correction: {key}: {fields[key]!r} is out of range")


def write_merged(conn: sqlite3.Connection, merged_id: int, record: dict[str, Any]) -> None:
    """Store ``record`` as merged event ``merged_id`` with its review applied (filter
    columns included, so queries select on the corrected values); the review keeps the
    record's members, to follow them when their articles change."""
    review = get(conn, merged_id)
    if "members" in record:
        conn.execute("UPDATE reviews SET members = ? WHERE merged_id = ?",
                     (json.dumps(record["members"]), merged_id))
    if review.fields:
        try:
            record = overlay(record, review.fields)
        except ReviewError:
            pass  # the extraction changed under an old correction; keep it, the audit shows both
    sets = ", ".join(f"{c} = ?" for c in EVENT_COLUMNS)
    conn.execute(f"UPDATE merged SET {sets}, record = ?, review = ?, corrected = ? WHERE id = ?",
                 (*event_columns(record), json.dumps(record, ensure_ascii=False), review.status,
                  int(review.corrected), merged_id))


def correct(conn: sqlite3.Connection, merged_id: int, *, reviewer: str, fields: dict[str, Any] | None = None,
            status: str | None = None, note: str = "") -> None:
    """Apply an analyst's correction and/or verdict to a merged event, inside the caller's
    transaction: the review overlay, the merged row and one audit entry per action."""
    fields = dict(fields or {})
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(f"not correctable: {', '.join(unknown)} (correctable: {', '.join(CORRECTABLE)})")
    if status is not None and status not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if not reviewer.strip():
        raise ReviewError("reviewer is required")
    if not fields and status is None:
        raise ReviewError("nothing to do: give fields to correct and/or a status")
    row = conn.execute("SELECT record FROM merged WHERE id = ?", (merged_id,)).fetchone()
    if row is None:
        raise UnknownEvent(f"no event {merged_id}")
    record = json.loads(row[0])
    review = get(conn, merged_id)
    at = _now()
    if fields:
        updated = overlay(record, fields)  # validates before anything is written
        _in_range(updated, fields)
        changes = {k: [record.get(k), updated.get(k)] for k in fields if record.get(k) != updated.get(k)}
        if changes:
            review.fields = dict(review.fields or {}, **{k: updated[k] for k in changes})
            conn.execute("INSERT INTO audit (merged_id, at, reviewer, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)",
                         (merged_id, at, reviewer, "correct", json.dumps(changes, ensure_ascii=False), note))
    if status is not None and status != review.status:
        conn.execute("INSERT INTO audit (merged_id, at, reviewer, action, changes, note) VALUES (?, ?, ?, ?, ?, ?)",
                     (merged_id, at, reviewer, _ACTION[status],
                      json.dumps({"status": [review.status, status]}), note))
        review.status = status
    conn.execute("INSERT INTO reviews (merged_id, status, fields, reviewer, at, members) VALUES (?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (merged_id) DO UPDATE SET status = excluded.status, fields = excluded.fields, "
                 "reviewer = excluded.reviewer, at = excluded.at, members = excluded.members",
                 (merged_id, review.status, json.dumps(review.fields or {}, ensure_ascii=False), reviewer, at,
                  json.dumps([r[0] for r in conn.execute("SELECT event_id FROM merged_members WHERE merged_id = ? "
                                                         "ORDER BY event_id", (merged_id,))])))
    write_merged(conn, merged_id, record)
