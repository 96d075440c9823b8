"""A reference file on the review page: its events as a map layer, and for each rasd
event the reference event it matches (``rasd serve --reference FILE``).

The store changes while the server runs (ingests, corrections), so the matching is
recomputed when the merged events have changed since the last request, not per request:
a few seconds for a whole ACLED extract against a corpus store, then cached.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from rasd.compare.match import DEFAULT, Pair, Thresholds, match
from rasd.compare.ours import load_events
from rasd.compare.output import ref_dict
from rasd.compare.reference import RefEvent, read_reference
from rasd.compare.report import in_scope


class ReferenceLayer:
    """One reference file, read at start (a bad file stops ``rasd serve`` with its error)."""

    def __init__(self, path: Path, thresholds: Thresholds = DEFAULT) -> None:
        self.reference = read_reference(path)
        self.thresholds = thresholds
        self.refs: list[RefEvent] = [r for r in self.reference.events if r.comparable]
        self._lock = threading.Lock()
        self._state: tuple[Any, ...] | None = None
        self._by_event: dict[int, Pair] = {}  # rasd merged id → its pair
        self._by_ref: dict[int, int] = {}  # index into refs → rasd merged id

    def meta(self) -> dict[str, Any]:
        return {"name": self.reference.path.name, "format": self.reference.format, "events": len(self.refs),
                "rows": self.reference.rows, "skipped": len(self.reference.skipped),
                "thresholds": self.thresholds.describe()}

    def _refresh(self, conn: sqlite3.Connection) -> None:
        state = conn.execute("SELECT count(*), ifnull(max(id), 0), ifnull(sum(id), 0), "
                             "(SELECT count(*) FROM audit) FROM merged").fetchone()
        with self._lock:
            if state == self._state:
                return
            ours = [o for o in load_events(conn) if o.comparable and in_scope(o, self.reference)]
            found = match(ours, self.refs, self.thresholds)
            self._by_event = {ours[p.ours].id: p for p in found.pairs}
            self._by_ref = {p.ref: ours[p.ours].id for p in found.pairs}
            self._state = state

    def match_for(self, conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
        """The reference event matched to rasd event ``event_id``, with how close they are."""
        self._refresh(conn)
        pair = self._by_event.get(event_id)
        if pair is None:
            return None
        return {**ref_dict(self.refs[pair.ref]), "format": self.reference.format, "days_apart": pair.days,
                "km_apart": None if pair.km is None else round(pair.km, 2), "place_rule": pair.place_rule}

    def geojson(self, conn: sqlite3.Connection) -> dict[str, Any]:
        """The reference events with a point, each with the rasd event it matches (or null)."""
        self._refresh(conn)
        features = []
        for j, r in enumerate(self.refs):
            if not r.has_point:
                continue
            props = {**ref_dict(r), "matched_event": self._by_ref.get(j)}
            features.append({"type": "Feature", "id": r.id, "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
                             "properties": props})
        return {"type": "FeatureCollection", "features": features}
