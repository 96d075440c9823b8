"""Matching rasd events to reference events, one to one.

A rasd event and a reference event can be the same event when their types agree (the
reference's type mapped into today's ACLED taxonomy), their dates are within a window,
and their places are near: within a distance, or, when either side knows only the
governorate (geo precision 3), in the same governorate. Many rasd events have several
candidates in a dense week of shelling, and one reference event can be the candidate of
several rasd events; a one-to-one *maximum* matching (Hopcroft-Karp) pairs as many as
possible without counting any event twice. Candidates are tried nearest first and the
matching starts from the nearest pairs, so among the maximum matchings it keeps close
pairs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from rasd.geo import km_between

TypeRule = Literal["type", "sub", "any"]


@dataclass(frozen=True)
class Thresholds:
    """When two events count as one. ``type_rule``: the same event type ("type"), the
    same sub-event type where the reference has one ("sub"), or no type test ("any")."""

    days: int = 2
    km: float = 25.0
    type_rule: TypeRule = "type"
    admin1_rule: bool = True

    def describe(self) -> str:
        kind = {"type": "same event type", "sub": "same sub-event type", "any": "any type"}[self.type_rule]
        when = "same day" if self.days == 0 else f"±{self.days} day{'s' if self.days != 1 else ''}"
        where = f"{self.km:g} km" + (" (same governorate when either side is only located to one)"
                                     if self.admin1_rule else "")
        return f"{kind}, {when}, {where}"


DEFAULT = Thresholds()
STRICT = Thresholds(days=0, km=10.0)


class Dated(Protocol):
    """What matching reads of either side (``OurEvent`` and ``RefEvent`` both have it)."""

    @property
    def date(self) -> dt.date | None: ...
    @property
    def date_end(self) -> dt.date | None: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...


@dataclass(frozen=True)
class Pair:
    """A matched pair: indexes into the two event lists, and how close they are."""

    ours: int
    ref: int
    days: int
    km: float | None
    place_rule: str  # "distance" or "governorate"


@dataclass
class Matching:
    pairs: list[Pair] = field(default_factory=list)
    candidates: int = 0  # candidate pairs before the one-to-one choice

    def __post_init__(self) -> None:
        self.by_ours = {p.ours: p for p in self.pairs}
        self.by_ref = {p.ref: p for p in self.pairs}


def type_ok(event_type: str, sub_event_type: str, ref_types: frozenset[str], ref_sub: str | None,
            rule: TypeRule) -> bool:
    if rule == "any":
        return True
    if event_type not in ref_types:
        return False
    return rule == "type" or ref_sub is None or ref_sub == sub_event_type


def days_apart(a: Dated, b: Dated) -> int:
    """Days between two date windows (0 when they overlap)."""
    assert a.date and a.date_end and b.date and b.date_end
    return max(0, (b.date - a.date_end).days, (a.date - b.date_end).days)


def place_ok(a: Dated, a_precision: int, b: Dated, b_precision: int | None,
             th: Thresholds) -> tuple[str, float | None] | None:
    """How the places agree ("governorate" or "distance" with the km), or None."""
    both_points = None not in (a.lat, a.lon, b.lat, b.lon)
    km = km_between(a.lat, a.lon, b.lat, b.lon) if both_points else None  # type: ignore[arg-type]
    governorate_only = a_precision == 3 or b_precision == 3
    if (governorate_only and th.admin1_rule) or km is None:
        if a.admin1 and b.admin1 and a.admin1 == b.admin1 and (not a.country or not b.country or a.country == b.country):
            return "governorate", km
        return None
    return ("distance", km) if km <= th.km else None


class _Ours(Dated, Protocol):
    @property
    def event_type(self) -> str: ...
    @property
    def sub_event_type(self) -> str: ...
    @property
    def geo_precision(self) -> int: ...


def candidates(ours: Sequence[_Ours], refs: Sequence, th: Thresholds) -> list[Pair]:
    """Every pair that meets the thresholds, found through a day index of the references."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for j, r in enumerate(refs):
        day = r.date
        while day <= r.date_end:
            by_day[day].append(j)
            day += dt.timedelta(days=1)
    out: list[Pair] = []
    for i, o in enumerate(ours):
        assert o.date and o.date_end
        seen: set[int] = set()
        day = o.date - dt.timedelta(days=th.days)
        last = o.date_end + dt.timedelta(days=th.days)
        while day <= last:
            for j in by_day.get(day, ()):
                if j in seen:
                    continue
                seen.add(j)
                r = refs[j]
                if not type_ok(o.event_type, o.sub_event_type, r.mapped.types, r.mapped.sub_event_type, th.type_rule):
                    continue
                how = place_ok(o, o.geo_precision, r, r.geo_precision, th)
                if how is not None:
                    out.append(Pair(i, j, days_apart(o, r), how[1], how[0]))
            day += dt.timedelta(days=1)
    return out


def _cost(p: Pair, th: Thresholds) -> tuple[int, float]:
    return p.days, p.km if p.place_rule == "distance" and p.km is not None else th.km + (p.km or 0.0)


def maximum_matching(adjacency: list[list[int]], start: list[tuple[int, int]] = ()) -> dict[int, int]:  # type: ignore[assignment]
    """A maximum one-to-one matching of a bipartite graph (Hopcroft-Karp, iterative),
    left vertex → right vertex. ``start`` pairs, in order, seed it where both ends are
    still free; each left vertex's neighbours are tried in the order given."""
    n = len(adjacency)
    left = [-1] * n
    right: dict[int, int] = {}
    for u, v in start:
        if left[u] == -1 and v not in right:
            left[u], right[v] = v, u
    infinite = n + 1
    while True:
        dist = [infinite] * n
        queue = [u for u in range(n) if left[u] == -1 and adjacency[u]]
        for u in queue:
            dist[u] = 0
        reachable_free = False
        head = 0
        while head < len(queue):
            u = queue[head]
            head += 1
            for v in adjacency[u]:
                w = right.get(v, -1)
                if w == -1:
                    reachable_free = True
                elif dist[w] == infinite:
                    dist[w] = dist[u] + 1
                    queue.append(w)
        if not reachable_free:
            break
        pointer = [0] * n
        augmented = False
        for root in range(n):
            if left[root] != -1 or dist[root] != 0:
                continue
            stack: list[int] = [root]
            via: list[int] = []  # via[k]: the right vertex taken from stack[k]
            while stack:
                u = stack[-1]
                if pointer[u] >= len(adjacency[u]):
                    dist[u] = infinite  # a dead end for the rest of this phase
                    stack.pop()
                    if via:
                        via.pop()
                    continue
                v = adjacency[u][pointer[u]]
                pointer[u] += 1
                w = right.get(v, -1)
                if w == -1:
                    via.append(v)
                    for x, y in zip(stack, via):
                        left[x], right[y] = y, x
                    augmented = True
                    break
                if dist[w] == dist[u] + 1:
                    via.append(v)
                    stack.append(w)
        if not augmented:
            break
    return {u: v for u, v in enumerate(left) if v != -1}


def match(ours: Sequence[_Ours], refs: Sequence, th: Thresholds) -> Matching:
    """The one-to-one matching of ``ours`` to ``refs`` (every event must be ``comparable``)."""
    found = candidates(ours, refs, th)
    found.sort(key=lambda p: _cost(p, th))
    adjacency: list[list[int]] = [[] for _ in ours]
    by_key: dict[tuple[int, int], Pair] = {}
    for p in found:
        adjacency[p.ours].append(p.ref)
        by_key[(p.ours, p.ref)] = p
    chosen = maximum_matching(adjacency, [(p.ours, p.ref) for p in found])
    pairs = sorted((by_key[(u, v)] for u, v in chosen.items()), key=lambda p: (p.ours, p.ref))
    return Matching(pairs, len(found))
