"""One-to-one matching: each threshold on its own, the governorate rule, and maximum
matchings checked against brute force."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.compare.match import (
    DEFAULT,
    STRICT,
    Thresholds,
    km_between,
    match,
    maximum_matching,
)
from rasd.compare.names import MappedType
from rasd.compare.ours import OurEvent
from rasd.compare.reference import RefEvent
from tests.compare import DEIR_EZ_ZOR, HASAKAH, RAQQA

STRIKE = ("Explosions/Remote violence", "Air/drone strike")


def ours(ident: int, day: str, place: tuple[float, float] = RAQQA, kind: tuple[str, str] = STRIKE,
         admin1: str = "Raqqa", precision: int = 1, end: str | None = None) -> OurEvent:
    return OurEvent(id=ident, event_type=kind[0], sub_event_type=kind[1], date=dt.date.fromisoformat(day),
                    date_end=dt.date.fromisoformat(end or day), time_precision=1, country="SY", admin1=admin1,
                    location="", location_ar="", lat=place[0], lon=place[1], geo_precision=precision, fatalities=1,
                    actor1="A", actor2="", outlets=("Outlet",), doc_ids=("d",), notes="")


def ref(ident: str, day: str, place: tuple[float, float] | None = RAQQA, types: set[str] | None = None,
        sub: str | None = "Air/drone strike", admin1: str = "Raqqa", precision: int = 1) -> RefEvent:
    d = dt.date.fromisoformat(day)
    return RefEvent(id=ident, line=2, date=d, date_end=d, time_precision=1,
                    mapped=MappedType(frozenset(types or {STRIKE[0]}), sub), original_type="x", country="SY",
                    admin1=admin1, admin1_raw=admin1, location="", lat=place[0] if place else None,
                    lon=place[1] if place else None, geo_precision=precision, fatalities=0)


def pairs(o: list[OurEvent], r: list[RefEvent], th: Thresholds = DEFAULT) -> set[tuple[int, str]]:
    found = match(o, r, th)
    return {(o[p.ours].id, r[p.ref].id) for p in found.pairs}


def test_perfect_match() -> None:
    found = match([ours(1, "2018-03-09")], [ref("R", "2018-03-09")], DEFAULT)
    (pair,) = found.pairs
    assert (pair.days, pair.place_rule) == (0, "distance") and pair.km is not None and pair.km < 0.01


def test_date_window() -> None:
    assert pairs([ours(1, "2018-03-06")], [ref("R", "2018-03-04")]) == {(1, "R")}
    assert pairs([ours(1, "2018-03-06")], [ref("R", "2018-03-03")]) == set()  # three days: outside ±2
    assert pairs([ours(1, "2018-03-06")], [ref("R", "2018-03-03")], Thresholds(days=3)) == {(1, "R")}
    assert pairs([ours(1, "2018-03-06")], [ref("R", "2018-03-07")], STRICT) == set()  # strict: the same day
    # a week-long rasd window (precision 2) overlaps a reference day inside it
    assert pairs([ours(1, "2018-03-01", end="2018-03-07")], [ref("R", "2018-03-07")], STRICT) == {(1, "R")}


def test_distance() -> None:
    near = (RAQQA[0] + 0.15, RAQQA[1])  # about 17 km north
    assert 16 < km_between(*RAQQA, *near) < 18
    assert pairs([ours(1, "2018-03-09")], [ref("R", "2018-03-09", near)]) == {(1, "R")}
    assert pairs([ours(1, "2018-03-09")], [ref("R", "2018-03-09", near)], STRICT) == set()  # 10 km
    assert pairs([ours(1, "2018-03-09", HASAKAH, admin1="Al-Hasakah")],
                 [ref("R", "2018-03-09", DEIR_EZ_ZOR, admin1="Deir ez-Zor")]) == set()


def test_type_rules() -> None:
    protest = ref("P", "2018-03-06", types={"Protests"}, sub="Peaceful protest")
    assert pairs([ours(1, "2018-03-06")], [protest]) == set()
    assert pairs([ours(1, "2018-03-06")], [protest], Thresholds(type_rule="any")) == {(1, "P")}
    shelling = ref("S", "2018-03-06", sub="Shelling/artillery/missile attack")
    assert pairs([ours(1, "2018-03-06")], [shelling]) == {(1, "S")}  # same event type
    assert pairs([ours(1, "2018-03-06")], [shelling], Thresholds(type_rule="sub")) == set()
    old = ref("O", "2018-03-06", sub=None)  # "Remote violence": no sub-type to disagree with
    assert pairs([ours(1, "2018-03-06")], [old], Thresholds(type_rule="sub")) == {(1, "O")}
    either = ref("E", "2018-03-06", types={"Protests", "Riots"}, sub=None)  # "Riots/Protests"
    riot = ours(2, "2018-03-06", kind=("Riots", "Violent demonstration"))
    assert pairs([riot], [either]) == {(2, "E")}


def test_governorate_precision_compares_governorates() -> None:
    far_in_raqqa = (36.3, 38.5)  # Raqqa governorate, some 60 km from the city
    governorate_only = ours(1, "2018-03-09", RAQQA, precision=3)
    found = match([governorate_only], [ref("R", "2018-03-09", far_in_raqqa)], DEFAULT)
    assert [(p.place_rule, round(p.km or 0)) for p in found.pairs] == [("governorate", 60)]
    assert pairs([governorate_only], [ref("R", "2018-03-09", far_in_raqqa)], Thresholds(admin1_rule=False)) == set()
    assert pairs([governorate_only], [ref("R", "2018-03-09", DEIR_EZ_ZOR, admin1="Deir ez-Zor")]) == set()
    # the reference side's precision counts too, and a missing point falls back to the governorate
    assert pairs([ours(1, "2018-03-09")], [ref("R", "2018-03-09", far_in_raqqa, precision=3)]) == {(1, "R")}
    assert pairs([ours(1, "2018-03-09")], [ref("R", "2018-03-09", None)]) == {(1, "R")}


def test_one_to_one_and_maximum() -> None:
    """rasd 1 is nearest to R1, but rasd 2 can only take R1: a maximum matching gives
    rasd 1 the farther R2 rather than leave rasd 2 out. Neither event is counted twice."""
    r1, r2 = ref("R1", "2018-03-09"), ref("R2", "2018-03-10")
    first, second = ours(1, "2018-03-09"), ours(2, "2018-03-07")
    assert pairs([first, second], [r1, r2]) == {(1, "R2"), (2, "R1")}
    assert pairs([first, ours(3, "2018-03-09")], [r1]) in ({(1, "R1")}, {(3, "R1")})
    assert len(match([first, ours(3, "2018-03-09")], [r1], DEFAULT).pairs) == 1


def _brute_force(adjacency: list[list[int]]) -> int:
    edges = [(u, v) for u, vs in enumerate(adjacency) for v in vs]
    for size in range(min(len(adjacency), len({v for _, v in edges})), 0, -1):
        for chosen in itertools.combinations(edges, size):
            if len({u for u, _ in chosen}) == size and len({v for _, v in chosen}) == size:
                return size
    return 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), max_size=4, unique=True), max_size=6),
       st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=4))
def test_maximum_matching_against_brute_force(adjacency: list[list[int]], start: list[tuple[int, int]]) -> None:
    seed = [(u, v) for u, v in start if u < len(adjacency) and v in adjacency[u]]
    found = maximum_matching(adjacency, seed)
    assert all(v in adjacency[u] for u, v in found.items())
    assert len(set(found.values())) == len(found)
    assert len(found) == _brute_force(adjacency)
