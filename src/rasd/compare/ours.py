"""rasd's side of a comparison: the store's merged events, as matching needs them.

The comparison is of what rasd publishes: cross-article (merged) events, corrections
applied, rejected ones left out (``rasd events``' default). Evidence quotes live on the
per-document members (a merged event's offsets would point into several articles), so
they are fetched only for the events a report lists.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from rasd.compare.names import admin1_key
from rasd.store.db import Filters, query_events

REPORTING_DAYS = 7  # how far back an article's news reaches, mostly

@dataclass(frozen=True)
class OurEvent:
    """One merged rasd event, reduced to what matching and reports read."""

    id: int
    event_type: str
    sub_event_type: str
    date: dt.date | None
    date_end: dt.date | None
    time_precision: int
    country: str | None
    admin1: str | None
    location: str
    location_ar: str
    lat: float | None
    lon: float | None
    geo_precision: int
    fatalities: int
    actor1: str
    actor2: str
    outlets: tuple[str, ...]
    doc_ids: tuple[str, ...]
    notes: str

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def comparable(self) -> bool:
        """Dated to the day or the week and placed at least to a governorate; a month-wide
        date (precision 3) would "match" anything in its month."""
        return (self.date is not None and self.date_end is not None and self.time_precision <= 2
                and (self.has_point or bool(self.admin1)))

    def shifted(self, days: int) -> OurEvent:
        """The same event moved ``days`` days: the chance baseline."""
        if not days or self.date is None or self.date_end is None:
            return self
        delta = dt.timedelta(days=days)
        return OurEvent(**{**self.__dict__, "date": self.date + delta, "date_end": self.date_end + delta})


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def from_record(record: dict) -> OurEvent:  # type: ignore[type-arg]
    """An ``OurEvent`` of a merged record as ``query_events`` returns it."""
    doc_ids = record.get("doc_ids") or ([record["doc_id"]] if record.get("doc_id") else [])
    return OurEvent(
        id=int(record["id"]), event_type=record["event_type"], sub_event_type=record["sub_event_type"],
        date=_day(record.get("date")), date_end=_day(record.get("date_end") or record.get("date")),
        time_precision=int(record.get("time_precision") or 3), country=record.get("country"),
        admin1=admin1_key(record.get("admin1")), location=record.get("location") or "",
        location_ar=record.get("location_ar") or "", lat=record.get("latitude"), lon=record.get("longitude"),
        geo_precision=int(record.get("geo_precision") or 3), fatalities=int(record.get("fatalities") or 0),
        actor1=record.get("actor1") or "", actor2=record.get("actor2") or "",
        outlets=tuple(record.get("outlets") or ()), doc_ids=tuple(doc_ids), notes=record.get("notes") or "")


def load_events(conn: sqlite3.Connection, since: dt.date | None = None, until: dt.date | None = None,
                country: str | None = None) -> list[OurEvent]:
    """Merged events (not rejected) whose date window overlaps [since, until]."""
    return [from_record(r) for r in query_events(conn, Filters(since=since, until=until, country=country))]


def quotes(conn: sqlite3.Connection, merged_ids: list[int]) -> dict[int, str]:
    """The evidence quote of each merged event: the sentence its first report was coded
    from (the trigger's words when that report kept no quote)."""
    out: dict[int, str] = {}
    for start in range(0, len(merged_ids), 500):
        chunk = merged_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT mm.merged_id, e.record FROM merged_members mm JOIN events e ON e.id = mm.event_id "
                            f"WHERE mm.merged_id IN ({marks}) ORDER BY e.id", chunk)
        for merged_id, record in rows:
            if merged_id in out:
                continue
            evidence = json.loads(record).get("evidence") or []
            by_field = {ev.get("field"): ev.get("text", "") for ev in evidence}
            text = by_field.get("quote") or by_field.get("trigger") or ""
            if text:
                out[merged_id] = " ".join(text.split())
    return out


def coverage(conn: sqlite3.Connection, since: dt.date, until: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days rasd's sources can report: from a week before the first publication day
    of the stored articles between ``since`` and ``until`` to the last. Reference events
    outside it are not counted as rasd's misses: there was no article to code them from."""
    row = conn.execute("SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM documents "
                       "WHERE substr(published, 1, 10) BETWEEN ? AND ?", (since.isoformat(), until.isoformat())).fetchone()
    if not row or not row[0]:
        return None
    return dt.date.fromisoformat(row[0]) - dt.timedelta(days=REPORTING_DAYS), dt.date.fromisoformat(row[1])
