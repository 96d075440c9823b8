"""Rates, chance levels and lifts on constructed cases whose answers are known."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from rasd.compare.reference import ACLED, UCDP, ReferenceSet
from rasd.compare.report import Rate, compare, ours_outlet
from tests.compare import BAGHDAD
from tests.compare.test_match import ours, ref

SPAN = (dt.date(2018, 2, 1), dt.date(2018, 4, 30))


def days(first: str, last: str) -> list[str]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [str(start + dt.timedelta(days=k)) for k in range((end - start).days + 1)]


def reference(events: list, kind: str = ACLED) -> ReferenceSet:  # type: ignore[type-arg]
    ends = [ref("first", "2018-02-01", BAGHDAD, {"Protests"}, None, "Baghdad"),
            ref("last", "2018-04-30", BAGHDAD, {"Protests"}, None, "Baghdad")]
    return ReferenceSet(Path("invented.csv"), kind, ends + events, rows=len(events) + 2)


def test_dense_reference_everything_matches_and_chance_says_so() -> None:
    """A strike in Raqqa every day: rasd's three strikes all match, and so do they a week
    or two off their dates. The rate is 100% and means nothing: lift 1."""
    refs = reference([ref(f"R{d}", d) for d in days("2018-02-01", "2018-04-30")])
    result = compare([ours(1, "2018-03-01"), ours(2, "2018-03-10"), ours(3, "2018-03-20")], refs, SPAN,
                     coverage=(dt.date(2018, 2, 1), dt.date(2018, 4, 30)))
    rate = result.main.rate("ours")
    assert (rate.n, rate.matched, rate.rate, rate.chance, rate.lift, rate.excess) == (3, 3, 1.0, 1.0, 1.0, 0.0)
    assert rate.by_shift == {-14: 1.0, -7: 1.0, 7: 1.0, 14: 1.0}
    found = result.main.rate("refs")
    assert (found.n, found.matched) == (89 + 2, 3)  # the two Baghdad protests count too


def test_sparse_reference_matches_are_far_above_chance() -> None:
    """Strikes three weeks apart, each one reported by rasd on its day: shifted by one or
    two weeks, none finds a strike within two days. Chance 0, the rate is all signal."""
    when = ["2018-03-01", "2018-03-20", "2018-04-10"]
    result = compare([ours(k, d) for k, d in enumerate(when)], reference([ref(f"R{d}", d) for d in when]), SPAN,
                     coverage=SPAN)
    rate = result.main.rate("ours")
    assert (rate.rate, rate.chance, rate.lift, rate.excess) == (1.0, 0.0, None, 1.0)
    strict = result.settings["strict"].rate("ours")
    assert (strict.rate, strict.chance) == (1.0, 0.0)


def test_half_chance() -> None:
    """Strikes every other week: a rasd event shifted by ±14 days lands on another strike,
    shifted by ±7 on none. Chance 50%, lift 2."""
    strikes = [str(dt.date(2018, 2, 5) + dt.timedelta(days=14 * k)) for k in range(6)]
    result = compare([ours(1, "2018-03-05")], reference([ref(f"R{d}", d) for d in strikes]), SPAN, coverage=SPAN)
    rate = result.main.rate("ours")
    assert rate.by_shift == {-14: 1.0, -7: 0.0, 7: 0.0, 14: 1.0}
    assert (rate.chance, rate.lift, rate.excess) == (0.5, 2.0, 0.5)


def test_only_covered_dates_count() -> None:
    """A rasd event of 25 April moved by +7 or +14 days leaves the reference file's span:
    it is not counted for those shifts instead of counting as a miss. A reference event
    from before rasd's articles cover anything is not counted as rasd's miss."""
    refs = reference([ref("R", "2018-04-25"), ref("early", "2018-02-05")])
    result = compare([ours(1, "2018-04-25")], refs, SPAN, coverage=(dt.date(2018, 3, 1), dt.date(2018, 4, 30)))
    runs = result.main.runs
    assert [runs[s].ours_counted[0] for s in (-14, -7, 0, 7, 14)] == [True, True, True, False, False]
    rate = result.main.rate("ours")
    assert rate.by_shift == {-14: 0.0, -7: 0.0, 7: None, 14: None} and rate.chance == 0.0
    counted = {result.refs[j].id for j, c in enumerate(runs[0].refs_counted) if c}
    assert counted == {"R", "last"}  # "first" and "early" lie before the articles' days
    assert result.main.rate("refs").matched == 1


def test_breakdown_by_outlet_counts_an_event_under_each_outlet() -> None:
    shared = dataclasses.replace(ours(1, "2018-03-09"), outlets=("Outlet A", "Outlet B"))
    alone = dataclasses.replace(ours(2, "2018-03-20"), outlets=("Outlet B",))
    result = compare([shared, alone], reference([ref("R", "2018-03-09")]), SPAN, coverage=SPAN)
    groups = {g: (r.n, r.matched) for g, r in result.breakdown("ours", ours_outlet)}
    assert groups == {"Outlet B": (2, 1), "Outlet A": (1, 1)}


def test_ucdp_compares_only_deadly_violence() -> None:
    protest = dataclasses.replace(ours(1, "2018-03-09"), event_type="Protests", sub_event_type="Peaceful protest")
    bloodless = dataclasses.replace(ours(2, "2018-03-09"), fatalities=0)
    deadly = ours(3, "2018-03-09")
    result = compare([protest, bloodless, deadly], reference([ref("R", "2018-03-09")], UCDP), SPAN, coverage=SPAN)
    assert [o.id for o in result.ours] == [3] and result.counts["rasd_out_of_scope"] == 2


def test_rate_without_events() -> None:
    empty = Rate(0, 0, None)
    assert (empty.rate, empty.lift, empty.excess) == (None, None, None)
    assert Rate(10, 4, 0.2).as_dict()["lift"] == pytest.approx(2.0)
