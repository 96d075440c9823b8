"""The comparison: match rates, their chance level, and breakdowns.

In dense conflict areas almost any event "matches" some reference event: a rasd event
moved a week or two off its date still finds an ACLED event of its type within two days
and 25 km most of the time. A match rate alone says little, so every rate here is
computed again with rasd's dates shifted by -14, -7, +7 and +14 days (same places, same
types), and the mean of those is the chance level; the lift (rate / chance, and rate -
chance) is what the match rate adds over chance.

Each rate counts only events whose (shifted) dates lie inside what the other side
covers: the reference file's days for rasd events; for reference events, the days the
stored articles can report (from a week before the first publication day to the last).
A rasd event of 28 April shifted by +14 days would otherwise be "unmatched" only because
the reference file ends on 30 April, and chance would look lower than it is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rasd.compare.match import DEFAULT, STRICT, Matching, Thresholds, match
from rasd.compare.ours import OurEvent
from rasd.compare.reference import UCDP, ReferenceSet, RefEvent

SHIFTS = (-14, -7, 7, 14)
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Rate:
    """A match rate with its chance level (None when no shift left an event to count)."""

    n: int
    matched: int
    chance: float | None
    by_shift: dict[int, float | None] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        return self.matched / self.n if self.n else None

    @property
    def lift(self) -> float | None:
        """How many times the chance level the rate is."""
        return self.rate / self.chance if self.rate is not None and self.chance else None

    @property
    def excess(self) -> float | None:
        """Rate minus chance, in proportion points."""
        return self.rate - self.chance if self.rate is not None and self.chance is not None else None

    def as_dict(self) -> dict[str, Any]:
        r = lambda x: None if x is None else round(x, 4)
        return {"n": self.n, "matched": self.matched, "rate": r(self.rate), "chance": r(self.chance),
                "lift": r(self.lift), "excess": r(self.excess),
                "chance_by_shift": {str(s): r(v) for s, v in self.by_shift.items()}}


@dataclass
class Run:
    """One matching at one shift of rasd's dates, with the events each rate counts."""

    shift: int
    matching: Matching
    ours_counted: list[bool]
    refs_counted: list[bool]


@dataclass
class Setting:
    """All the runs of one set of thresholds: the real one (shift 0) and the shifted ones."""

    name: str
    thresholds: Thresholds
    runs: dict[int, Run]

    @property
    def real(self) -> Run:
        return self.runs[0]

    def rate(self, side: str, members: Iterable[int] | None = None) -> Rate:
        """The rate of ``side`` ("ours": rasd events confirmed by the reference; "refs":
        reference events rasd found) over ``members`` (indexes; default all)."""
        chosen = None if members is None else list(members)
        values: dict[int, tuple[int, int]] = {}
        for shift, run in self.runs.items():
            counted = run.ours_counted if side == "ours" else run.refs_counted
            matched = run.matching.by_ours if side == "ours" else run.matching.by_ref
            indexes = range(len(counted)) if chosen is None else chosen
            n = hits = 0
            for i in indexes:
                if counted[i]:
                    n += 1
                    hits += i in matched
            values[shift] = (n, hits)
        shifted = {s: (h / n if n else None) for s, (n, h) in values.items() if s != 0}
        known = [v for v in shifted.values() if v is not None]
        n, hits = values[0]
        return Rate(n, hits, sum(known) / len(known) if known else None, shifted)


@dataclass
class Comparison:
    """What ``compare`` found; the report and output functions read it."""

    reference: ReferenceSet
    window: Span
    country: str | None
    ours: list[OurEvent]  # comparable rasd events around the window (the matching pool)
    refs: list[RefEvent]  # comparable reference events around the window
    ours_in_window: list[bool]
    refs_in_window: list[bool]
    settings: dict[str, Setting]
    counts: dict[str, int]
    coverage: Span | None  # publication days of the stored articles

    @property
    def main(self) -> Setting:
        return self.settings["default"]

    def breakdown(self, side: str, key: Callable[[Any], Iterable[str]]) -> list[tuple[str, Rate]]:
        """Rates per group (an event can be in several groups, e.g. two outlets), largest
        first; groups with no event counted (none in the covered days) are left out."""
        events: list[Any] = self.ours if side == "ours" else self.refs
        in_window = self.ours_in_window if side == "ours" else self.refs_in_window
        groups: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(events):
            if in_window[i]:
                for g in key(e):
                    groups[g].append(i)
        rates = [(g, self.main.rate(side, members)) for g, members in groups.items()]
        return sorted(((g, r) for g, r in rates if r.n), key=lambda gr: (-gr[1].n, gr[0]))


def _inside(start: dt.date, end: dt.date, span: Span | None, shift: int = 0) -> bool:
    """Whether [start, end] lies in ``span`` moved by ``shift`` days."""
    if span is None:
        return False
    moved = dt.timedelta(days=shift)
    return span[0] + moved <= start and end <= span[1] + moved


def _setting(name: str, th: Thresholds, ours: list[OurEvent], refs: list[RefEvent], ours_in: list[bool],
             refs_in: list[bool], ref_span: Span | None, coverage: Span | None) -> Setting:
    runs = {}
    for shift in (0, *SHIFTS):
        moved = [o.shifted(shift) for o in ours]
        ours_counted = [ours_in[i] and _inside(o.date, o.date_end, ref_span)  # type: ignore[arg-type]
                        for i, o in enumerate(moved)]
        refs_counted = [refs_in[j] and _inside(r.date, r.date_end, coverage, shift) for j, r in enumerate(refs)]
        runs[shift] = Run(shift, match(moved, refs, th), ours_counted, refs_counted)
    return Setting(name, th, runs)


def in_scope(o: OurEvent, reference: ReferenceSet) -> bool:
    """UCDP GED codes only deadly organized violence: against it, only rasd's violent
    events with a reported death are compared."""
    return reference.format != UCDP or (o.event_type in VIOLENT and o.fatalities > 0)


def compare(ours_all: list[OurEvent], reference: ReferenceSet, window: Span | None = None, country: str | None = None,
            thresholds: Thresholds = DEFAULT, coverage: Span | None = None) -> Comparison:
    """Match, at the given thresholds and at the strict ones, with chance levels.

    ``ours_all``: the store's merged events around the window; ``window``: the days
    compared (default: the reference file's); ``coverage``: the publication days of
    the stored articles."""
    ref_span = reference.span
    if window is None:
        if ref_span is None:
            raise ValueError(f"{reference.path}: no readable event to compare with")
        window = ref_span
    since, until = window
    pad = dt.timedelta(days=max(SHIFTS) + max(thresholds.days, STRICT.days) + 7)
    low, high = since - pad, until + pad

    def around(start: dt.date | None, end: dt.date | None) -> bool:
        return start is not None and end is not None and start <= high and end >= low

    refs_valid = [r for r in reference.events if country is None or r.country == country]
    refs = [r for r in refs_valid if r.comparable and around(r.date, r.date_end)]
    ours_valid = [o for o in ours_all if country is None or o.country == country]
    ours = [o for o in ours_valid if o.comparable and in_scope(o, reference) and around(o.date, o.date_end)]
    ours_in = [since <= o.date <= until for o in ours]  # type: ignore[operator]
    refs_in = [since <= r.date <= until for r in refs]
    window_ours = [o for o in ours_valid if o.date is not None and since <= o.date <= until]
    window_refs = [r for r in refs_valid if since <= r.date <= until]
    counts = {
        "reference_rows": reference.rows, "reference_skipped": len(reference.skipped),
        "reference_in_window": len(window_refs), "reference_comparable": sum(refs_in),
        "reference_not_comparable": sum(not r.comparable for r in window_refs),
        "rasd_in_window": len(window_ours), "rasd_comparable": sum(ours_in),
        "rasd_not_comparable": sum(not o.comparable for o in window_ours),
        "rasd_out_of_scope": sum(o.comparable and not in_scope(o, reference) for o in window_ours),
    }
    settings = {"default": _setting("default", thresholds, ours, refs, ours_in, refs_in, ref_span, coverage),
                "strict": _setting("strict", STRICT, ours, refs, ours_in, refs_in, ref_span, coverage)}
    return Comparison(reference, window, country, ours, refs, ours_in, refs_in, settings, counts, coverage)


# --- breakdown keys ---------------------------------------------------------------------

def ours_type(o: OurEvent) -> list[str]:
    return [o.event_type]


def ours_admin1(o: OurEvent) -> list[str]:
    return [o.admin1 or "(none)"]


def ours_precision(o: OurEvent) -> list[str]:
    return [str(o.geo_precision)]


def ours_outlet(o: OurEvent) -> list[str]:
    return list(o.outlets) or ["(none)"]


def refs_type(r: RefEvent) -> list[str]:
    return [r.mapped.label]


def refs_admin1(r: RefEvent) -> list[str]:
    return [r.admin1 or r.admin1_raw or "(none)"]


def refs_precision(r: RefEvent) -> list[str]:
    return [str(r.geo_precision)]


def refs_source(r: RefEvent) -> list[str]:
    first = r.source.split(";")[0].strip()
    return [first or "(none)"]


BREAKDOWNS: dict[str, dict[str, Callable[[Any], list[str]]]] = {
    "ours": {"event_type": ours_type, "admin1": ours_admin1, "geo_precision": ours_precision, "outlet": ours_outlet},
    "refs": {"event_type": refs_type, "admin1": refs_admin1, "geo_precision": refs_precision, "source": refs_source},
}
