"""Cross-article merging: one real event reported by several outlets becomes one event.

ACLED codes incidents of the same activity, on the same day, in the same place, between
the same actors as one event. Two per-document events from different documents are the
same event when
  - they have the same sub-event type (Battles: the same event type, since outlets
    disagree on clash vs. takeover),
  - their date windows overlap, each widened by one day (reports differ on "yesterday"),
    and both are dated to the day or the week (a month-wide date cannot say "same day"),
  - their places agree: the same gazetteer id, coordinates within 10 km, or, when both
    are known only to the governorate, the same governorate,
  - their actors are compatible: the same actor1 (and not two different actor2s), the
    same sides swapped (a battle told from either side), or the same actor2 when one
    report does not know who attacked ("Unidentified ...").
A merged event (a *cluster*) is built by complete linkage: every member matches every
other, and no document contributes two members (the article already split them). So a
week of daily shelling of one town never chains into one event.

Merging never edits the per-document events: clusters live in ``merged`` and
``merged_members`` with a ``reason`` naming the rule each pair met; ``rasd events
--per-document`` shows the unmerged events and ``rasd merge`` recomputes everything.
After each ingest batch only the connected part of the match graph the batch touched is
recomputed, which gives the same clusters as a full recomputation.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable

from rasd.geo import km_between
from rasd.model import Event
from rasd.store import review
from rasd.store.db import EVENT_COLUMNS, event_columns

MAX_KM = 10.0
DAY_SLACK = dt.timedelta(days=1)
MAX_WINDOW = dt.timedelta(days=14)  # longest window of a week-precision date, for the index range


@dataclass(frozen=True)
class Member:
    """A stored per-document event, with what merging needs to know about its document."""

    id: int
    doc_id: str
    outlet: str | None
    event: Event

    @property
    def rank(self) -> tuple[int, int, float, int]:
        """Most precise first: it seeds clusters and gives the merged event its base."""
        e = self.event
        return (e.time_precision, e.geo_precision, -e.confidence, self.id)


_SELECT = "SELECT e.id, e.doc_id, d.outlet, e.record FROM events e JOIN documents d ON d.id = e.doc_id "


def _members(rows: Iterable[tuple[int, str, str | None, str]], parsed: dict[int, Member]) -> list[Member]:
    """Members of stored rows; ``parsed`` keeps each one parsed once (an event id names
    one extraction forever, so its record never changes)."""
    out = []
    for i, doc, outlet, record in rows:
        if i not in parsed:
            parsed[i] = Member(i, doc, outlet, Event.model_validate(json.loads(record)))
        out.append(parsed[i])
    return out


def _km(a: Event, b: Event) -> float:
    return km_between(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def _mergeable(e: Event) -> bool:
    return e.date is not None and e.time_precision <= 2


def _span(e: Event) -> tuple[dt.date, dt.date]:
    """The date window of a mergeable event (the model sets ``date_end`` with ``date``)."""
    assert e.date is not None and e.date_end is not None
    return e.date, e.date_end


def _unidentified(actor: str | None) -> bool:
    return bool(actor) and actor.startswith("Unidentified")  # type: ignore[union-attr]


def _same_type(a: Event, b: Event) -> str | None:
    if a.sub_event_type == b.sub_event_type:
        return f"same sub-event type ({a.sub_event_type})"
    if a.event_type == b.event_type == "Battles":
        return f"both Battles ({a.sub_event_type} / {b.sub_event_type})"
    return None


def _window(e: Event) -> str:
    return f"{e.date}" if e.date == e.date_end else f"{e.date}..{e.date_end}"


def _dates(a: Event, b: Event) -> str | None:
    if not (_mergeable(a) and _mergeable(b)):
        return None
    (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
    if a_start - DAY_SLACK <= b_end and b_start - DAY_SLACK <= a_end:
        return f"dates {_window(a)} and {_window(b)} overlap (±1 day)"
    return None


def _place(a: Event, b: Event) -> str | None:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return f"same place ({a.location or a.gazetteer_id}, {a.gazetteer_id})"
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = _km(a, b)
        if km <= MAX_KM:
            return f"places {km:.1f} km apart ({a.location} / {b.location})"
        return None
    if a.geo_precision == b.geo_precision == 3 and a.admin1 and a.admin1 == b.admin1 and a.country == b.country:
        return f"both only located to the governorate, the same one ({a.admin1})"
    return None


def _actors(a: Event, b: Event) -> str | None:
    if a.actor1 == b.actor1:
        if a.actor2 and b.actor2 and a.actor2 != b.actor2:
            return None
        if a.actor2 and a.actor2 == b.actor2:
            return f"same actors ({a.actor1} / {a.actor2})"
        return f"same actor1 ({a.actor1})"
    if a.event_type == "Battles" and a.actor2 and (a.actor1, a.actor2) == (b.actor2, b.actor1):
        return f"same sides told from either side ({a.actor1} / {a.actor2})"
    if a.actor2 and a.actor2 == b.actor2 and (_unidentified(a.actor1) or _unidentified(b.actor1)):
        return f"same actor2 ({a.actor2}), one report does not know the attacker ({a.actor1} / {b.actor1})"
    return None


def match(a: Member, b: Member) -> str | None:
    """Why ``a`` and ``b`` are one event, or None when they are not."""
    if a.doc_id == b.doc_id:
        return None
    reasons = []
    for rule in (_same_type, _dates, _place, _actors):
        reason = rule(a.event, b.event)
        if reason is None:
            return None
        reasons.append(reason)
    return "; ".join(reasons)


def _could_be_near(e: Event) -> tuple[str, list[Any]]:
    """SQL true for every stored event ``b`` whose place ``_place(e, b)`` accepts (and
    maybe others: ``match`` decides): the same gazetteer id; or, when ``e`` has
    coordinates, inside a box holding every point within ``MAX_KM`` of it; or both only
    located to the same governorate while one of them has no coordinates."""
    ors: list[str] = []
    params: list[Any] = []
    if e.gazetteer_id:
        ors.append("e.gazetteer_id = ?")
        params.append(e.gazetteer_id)
    if e.latitude is not None and e.longitude is not None:
        # on _km's sphere, d ≤ MAX_KM implies |Δlat| ≤ d/R and sin(|Δlon|/2) ≤ sin(d/2R) / cos(the larger
        # |latitude|); 1% margin for rounding. Near a pole or the antimeridian, latitude alone.
        reach = MAX_KM / 6371.0 * 1.01
        dlat = math.degrees(reach)
        far = math.radians(min(90.0, abs(e.latitude) + dlat))
        ratio = math.sin(reach / 2) / math.cos(far) if far < math.pi / 2 else 2.0
        dlon = math.degrees(2 * math.asin(ratio)) if ratio < 1 else 360.0
        box = "e.lat BETWEEN ? AND ? AND e.lon IS NOT NULL"
        params += [e.latitude - dlat, e.latitude + dlat]
        if -180.0 <= e.longitude - dlon and e.longitude + dlon <= 180.0:
            box += " AND e.lon BETWEEN ? AND ?"
            params += [e.longitude - dlon, e.longitude + dlon]
        ors.append(f"({box})")
    if e.geo_precision == 3 and e.admin1:
        ors.append("(e.geo_precision = 3 AND e.admin1 = ? AND e.country IS ? AND (? OR e.lat IS NULL OR e.lon IS NULL))")
        params += [e.admin1, e.country, e.latitude is None or e.longitude is None]
    return f"({' OR '.join(ors) or '0'})", params


def _neighbours(conn: sqlite3.Connection, m: Member, parsed: dict[int, Member]) -> list[Member]:
    """Stored events that could match ``m``: the same type (``_same_type``), nearby dates
    (``_dates``), a place ``_place`` could accept, other documents; found through the
    (event_type, date) index, in its order. Only what ``match`` would reject is left
    out, so merges are the same as when every event of the days was compared."""
    e = m.event
    if not _mergeable(e):
        return []
    start, end = _span(e)
    low, high = start - DAY_SLACK, end + DAY_SLACK
    near, near_params = _could_be_near(e)
    rows = conn.execute(
        _SELECT + "WHERE e.event_type = ? AND e.time_precision <= 2 AND e.date BETWEEN ? AND ? "
        f"AND e.date_end >= ? AND e.doc_id != ? AND (e.event_type = 'Battles' OR e.sub_event_type = ?) AND {near} "
        "ORDER BY e.date, e.id",
        (e.event_type, (low - MAX_WINDOW).isoformat(), high.isoformat(), low.isoformat(), m.doc_id,
         e.sub_event_type, *near_params))
    return _members(rows, parsed)


def cluster(members: list[Member], edge: dict[tuple[int, int], str]) -> list[list[Member]]:
    """Complete-linkage clusters of a connected component, most precise events first;
    ``edge[(i, j)]`` (i < j) holds the reason of every matching pair."""
    linked: dict[int, set[int]] = {}
    for a, b in edge:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    clusters: list[tuple[list[Member], set[int], set[str]]] = []  # members, their ids, their documents
    for m in sorted(members, key=lambda x: x.rank):
        partners = linked.get(m.id, set())
        for c, ids, docs in clusters:
            if m.doc_id not in docs and ids <= partners:
                c.append(m)
                ids.add(m.id)
                docs.add(m.doc_id)
                break
        else:
            clusters.append(([m], {m.id}, {m.doc_id}))
    return [c for c, _, _ in clusters]


def _reported(e: Event) -> bool:
    """A toll was reported (0 included only when the article said so), as opposed to
    the default 0 of an article that gives no number."""
    return e.fatalities > 0 or any(ev.field == "fatalities" for ev in e.evidence)


def combine(members: list[Member], edge: dict[tuple[int, int], str]) -> tuple[dict[str, Any], str]:
    """The merged record of a cluster (``members`` most precise first) and its reason.

    Date and place come from the most precise report of each; the toll follows ACLED's
    conservative rule across reports (lowest as ``fatalities``, the highest as
    ``fatalities_high``); sources and documents are the union. Evidence offsets belong
    to one article each, so the merged record keeps none (``--per-document`` has them).
    """
    base = members[0]
    record = base.event.model_dump(mode="json")
    record.update(doc_ids=[m.doc_id for m in members], members=[m.id for m in members],
                  outlets=list(dict.fromkeys(m.outlet for m in members if m.outlet)))
    if len(members) == 1:
        return record, ""
    events = [m.event for m in members]
    when = min(events, key=lambda e: (e.time_precision, (_span(e)[1] - _span(e)[0]).days))
    where = min(events, key=lambda e: (e.geo_precision, e.latitude is None))
    record.update({k: getattr(when, k) for k in ("date", "date_end", "time_precision")})
    record.update({k: getattr(where, k) for k in ("country", "admin1", "admin2", "location", "location_ar",
                                                  "latitude", "longitude", "geo_precision", "gazetteer_id")})
    known = [e.actor1 for e in events if not _unidentified(e.actor1)]
    record["actor1"] = base.event.actor1 if not _unidentified(base.event.actor1) or not known else known[0]
    record["actor2"] = next((e.actor2 for e in events if e.actor2), None)
    for key in ("assoc_actor1", "assoc_actor2", "reported_by"):
        record[key] = list(dict.fromkeys(x for e in events for x in getattr(e, key)))
    tolls = [e for e in events if _reported(e)]
    if tolls:
        record["fatalities"] = min(e.fatalities for e in tolls)
        low = min(e.fatalities if e.fatalities_low is None else e.fatalities_low for e in tolls)
        high = max(e.fatalities if e.fatalities_high is None else e.fatalities_high for e in tolls)
        if (low, high) != (record["fatalities"], record["fatalities"]):
            record["fatalities_low"], record["fatalities_high"] = low, high
    record["confidence"] = max(e.confidence for e in events)
    record["evidence"] = []
    record["doc_id"] = "; ".join(record["doc_ids"])
    record = Event.model_validate(record).model_dump(mode="json") | {
        k: record[k] for k in ("doc_ids", "members", "outlets")}
    reason = "\n".join(f"#{base.id} ({base.doc_id}) ~ #{m.id} ({m.doc_id}): {edge[(min(base.id, m.id), max(base.id, m.id))]}"
                       for m in members[1:])
    return record, reason


@dataclass
class MergeCache:
    """What one run's refreshes can share, instead of parsing, querying and comparing a
    growing cluster again at every batch: stored events parsed once, the verdict on each
    pair (an event id names one extraction, so both stay true), and the events each
    queried event matches. Those links stay complete because matching is symmetric and
    every new event is queried as a seed, adding its links to the events it matches.
    Only valid while no event it saw was deleted or rolled back: clear it when a
    document is replaced or a transaction fails."""

    parsed: dict[int, Member] = field(default_factory=dict)
    pairs: dict[tuple[int, int], str | None] = field(default_factory=dict)
    links: dict[int, dict[int, str]] = field(default_factory=dict)  # event → matching event → reason

    def clear(self) -> None:
        self.parsed.clear()
        self.pairs.clear()
        self.links.clear()


def _links(conn: sqlite3.Connection, m: Member, cache: MergeCache) -> dict[int, str]:
    """The stored events ``m`` matches, with the reasons: queried once per run."""
    known = cache.links.get(m.id)
    if known is None:
        known = {}
        for n in _neighbours(conn, m, cache.parsed):
            reason = _match_cached(m, n, cache.pairs)
            if reason is not None:
                known[n.id] = reason
                if n.id in cache.links:
                    cache.links[n.id][m.id] = reason  # n was queried before m was stored
        cache.links[m.id] = known
    return known


def _match_cached(m: Member, n: Member, pairs: dict[tuple[int, int], str | None]) -> str | None:
    """``match``, asked with the older event first: a pair's reason reads the same
    whichever of the two a refresh reached first."""
    first, second = (m, n) if m.id < n.id else (n, m)
    key = (first.id, second.id)
    if key not in pairs:
        pairs[key] = match(first, second)
    return pairs[key]


def refresh(conn: sqlite3.Connection, touched: Iterable[int], cache: MergeCache | None = None) -> set[int]:
    """Recompute the clusters of the events connected to ``touched`` (new events, and
    the former partners of replaced ones), inside the caller's transaction. Returns
    every event whose cluster was recomputed.

    Clusters are computed over whole connected components, so they do not depend on
    how the events arrived: one refresh after many batches gives what a refresh after
    each batch gives."""
    seeds = set(touched)
    if not seeds:
        return set()
    cache = cache or MergeCache()
    component: dict[int, Member] = {}
    edge: dict[tuple[int, int], str] = {}
    parsed = cache.parsed
    while seeds:
        marks = ", ".join("?" * len(seeds))
        queue = _members(conn.execute(_SELECT + f"WHERE e.id IN ({marks})", sorted(seeds)), parsed)
        for m in queue:
            component.setdefault(m.id, m)
        while queue:
            m = queue.pop()
            for n_id, reason in _links(conn, m, cache).items():
                edge[(min(m.id, n_id), max(m.id, n_id))] = reason
                if n_id not in component:
                    component[n_id] = parsed[n_id]
                    queue.append(parsed[n_id])
        # an old cluster reaching outside the component (rules changed) is redone whole
        marks = ", ".join("?" * len(component))
        old = conn.execute(f"SELECT event_id FROM merged_members WHERE merged_id IN (SELECT merged_id FROM "
                           f"merged_members WHERE event_id IN ({marks}))", list(component)).fetchall()
        seeds = {r[0] for r in old} - set(component)
    marks = ", ".join("?" * len(component))
    conn.execute(f"DELETE FROM merged WHERE id IN (SELECT merged_id FROM merged_members WHERE event_id IN ({marks}))",
                 list(component))
    clusters = {min(m.id for m in members): members for members in cluster(list(component.values()), edge)}
    review.reattach(conn, {merged_id: {m.id for m in members} for merged_id, members in clusters.items()})
    for merged_id, members in clusters.items():
        record, reason = combine(members, edge)
        conn.execute(
            f"INSERT INTO merged (id, {', '.join(EVENT_COLUMNS)}, record, n_docs, reason) "
            f"VALUES (?, {', '.join('?' * len(EVENT_COLUMNS))}, ?, ?, ?)",
            (merged_id, *event_columns(record), json.dumps(record, ensure_ascii=False), len(members), reason))
        conn.executemany("INSERT INTO merged_members (merged_id, event_id) VALUES (?, ?)",
                         [(merged_id, m.id) for m in members])
        if conn.execute("SELECT 1 FROM reviews WHERE merged_id = ?", (merged_id,)).fetchone():
            review.write_merged(conn, merged_id, record)  # an analyst's corrections outlive re-merging
    return set(component)


_SLICE = 500  # seeds per refresh: SQLite caps the number of bound parameters


def unmerged(conn: sqlite3.Connection) -> set[int]:
    """Events in no merged event (stored by a run interrupted before its merge)."""
    return {r[0] for r in conn.execute("SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM merged_members)")}


def refresh_many(conn: sqlite3.Connection, touched: Iterable[int], cache: MergeCache | None = None) -> None:
    """``refresh`` for any number of events, in slices, skipping those an earlier slice merged."""
    cache = cache or MergeCache()
    left = sorted(set(touched))
    done: set[int] = set()
    for i in range(0, len(left), _SLICE):
        seeds = [e for e in left[i:i + _SLICE] if e not in done]
        if seeds:
            done |= refresh(conn, seeds, cache)


def rebuild(conn: sqlite3.Connection) -> None:
    """Drop every merge and recompute from the per-document events (``rasd merge``)."""
    conn.execute("DELETE FROM merged")
    cache = MergeCache()
    while True:
        left = [r[0] for r in conn.execute("SELECT id FROM events WHERE id NOT IN "
                                           "(SELECT event_id FROM merged_members) ORDER BY id LIMIT ?", (_SLICE,))]
        if not left:
            return
        refresh(conn, left, cache)


def explain(conn: sqlite3.Connection, merged_id: int | None = None) -> list[tuple[int, int, str]]:
    """(merged id, number of documents, reason) of the events merged from 2+ documents."""
    sql = "SELECT id, n_docs, reason FROM merged WHERE n_docs > 1"
    rows = conn.execute(sql + (" AND id = ?" if merged_id is not None else "") + " ORDER BY date, id",
                        (merged_id,) if merged_id is not None else ())
    return [(int(i), int(n), str(r)) for i, n, r in rows]

