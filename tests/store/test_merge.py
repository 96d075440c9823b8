"""Cross-article merging: the same event from several documents becomes one, reversibly;
different days, places or actors stay apart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rasd.model import Event, Evidence
from rasd.store import db, merge
from rasd.store.ingest import ingest
from tests.store import STRIKE_DOCS, write_jsonl


def strike(**changes: object) -> dict:
    """A Coalition strike on Raqqa city, 9 March 2018, 5 killed (toll stated in the text)."""
    fields: dict = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                        date="2018-03-09", time_precision=1, actor1="International Coalition", actor2="Civilians",
                        country="SY", admin1="Raqqa", location="Raqqa", latitude=35.95, longitude=39.01,
                        geo_precision=1, gazetteer_id="g:raqqa", fatalities=5, confidence=0.8,
                        reported_by=["Local sources"],
                        evidence=[Evidence(field="fatalities", start=0, end=4, text="خمسة")])
    fields.update(changes)
    return Event(**fields).model_dump(mode="json")


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return db.open_store(tmp_path / "m.sqlite")


def put(conn: sqlite3.Connection, doc_id: str, *events: dict, sha: str = "1", outlet: str | None = None) -> None:
    """Store a document's events and refresh merges, as one ingest batch does."""
    with db.transaction(conn):
        stored = db.store_document(conn, db.DocResult(doc_id, sha, "test", {"outlet": outlet or doc_id},
                                                      events=[dict(e, doc_id=doc_id) for e in events]), None)
        merge.refresh(conn, stored.touched)


def merged(conn: sqlite3.Connection) -> list[dict]:
    return db.query_events(conn, db.Filters())


def groups(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """Each merged event as the set of its members' (document, ordinal)."""
    rows = conn.execute("SELECT mm.merged_id, e.doc_id || '/' || e.ordinal FROM merged_members mm "
                        "JOIN events e ON e.id = mm.event_id").fetchall()
    out: dict[int, set[str]] = {}
    for merged_id, key in rows:
        out.setdefault(merged_id, set()).add(key)
    return {frozenset(v) for v in out.values()}


def test_same_strike_from_two_documents_is_one_event(conn: sqlite3.Connection) -> None:
    put(conn, "a", strike(), outlet="Enab Baladi")
    put(conn, "b", strike(fatalities=8, reported_by=["SOHR"]), outlet="Al-Hal Net")
    [event] = merged(conn)
    assert event["doc_ids"] == ["a", "b"] and event["outlets"] == ["Enab Baladi", "Al-Hal Net"]
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (5, 5, 8)
    assert event["reported_by"] == ["Local sources", "SOHR"]
    assert event["evidence"] == []  # offsets belong to one article each
    [(merged_id, n_docs, reason)] = merge.explain(conn)
    assert n_docs == 2 and merged_id == event["id"]
    for words in ("same sub-event type (Air/drone strike)", "overlap", "same place", "same actors"):
        assert words in reason
    # reversible: the per-document events are untouched
    per_doc = db.query_events(conn, db.Filters(), per_document=True)
    assert [(e["doc_id"], e["fatalities"]) for e in per_doc] == [("a", 5), ("b", 8)]


@pytest.mark.parametrize("other, why", [
    (dict(date="2018-03-11"), "two days later"),
    (dict(latitude=36.50, longitude=40.75, gazetteer_id="g:hasakah", location="Al-Hasakah"), "another town"),
    (dict(sub_event_type="Shelling/artillery/missile attack"), "another kind of attack"),
    (dict(actor2="Islamic State"), "another target"),
    (dict(actor1="Russian Forces"), "another attacker, both known"),
    (dict(date="2018-03-01", date_end="2018-03-31", time_precision=3), "only the month is known"),
])
def test_different_events_stay_apart(conn: sqlite3.Connection, other: dict, why: str) -> None:
    put(conn, "a", strike())
    put(conn, "b", strike(**other))
    assert len(merged(conn)) == 2, why


@pytest.mark.parametrize("other, words", [
    (dict(date="2018-03-10"), "overlap (±1 day)"),
    (dict(latitude=36.0, longitude=39.05, gazetteer_id="g:near"), "km apart"),
    (dict(actor1="Unidentified Military Forces"), "does not know the attacker"),
])
def test_tolerances(conn: sqlite3.Connection, other: dict, words: str) -> None:
    put(conn, "a", strike())
    put(conn, "b", strike(**other))
    [event] = merged(conn)
    assert words in merge.explain(conn)[0][2]
    assert event["actor1"] == "International Coalition"  # the known attacker wins


def test_governorate_level_reports_merge_by_governorate(conn: sqlite3.Connection) -> None:
    vague = dict(geo_precision=3, latitude=None, longitude=None, gazetteer_id=None, location="Raqqa")
    put(conn, "a", strike(**vague))
    put(conn, "b", strike(**vague))
    put(conn, "c", strike(**dict(vague, admin1="Aleppo")))
    assert sorted(len(e["doc_ids"]) for e in merged(conn)) == [1, 2]


def test_battles_merge_across_sub_types_and_sides() -> None:
    clash = dict(event_type="Battles", sub_event_type="Armed clash", actor1="SDF", actor2="Islamic State")
    a = merge.Member(1, "a", None, Event.model_validate(strike(**clash)))
    b = merge.Member(2, "b", None, Event.model_validate(strike(**dict(
        clash, sub_event_type="Non-state actor overtakes territory", actor1="Islamic State", actor2="SDF"))))
    reason = merge.match(a, b)
    assert reason and "both Battles" in reason and "either side" in reason


def test_one_document_never_merges_with_itself(conn: sqlite3.Connection) -> None:
    put(conn, "a", strike(), strike(fatalities=2))
    assert len(merged(conn)) == 2


def test_no_chaining_across_days(conn: sqlite3.Connection) -> None:
    """Daily strikes on one town: each day matches the next, but a merged event is one
    day's incident, not the week."""
    for doc, day in (("a", "2018-03-09"), ("b", "2018-03-10"), ("c", "2018-03-11")):
        put(conn, doc, strike(date=day))
    assert groups(conn) == {frozenset({"a/0", "b/0"}), frozenset({"c/0"})}


def test_a_report_without_a_toll_does_not_lower_it(conn: sqlite3.Connection) -> None:
    put(conn, "a", strike(fatalities=0, evidence=[]))
    put(conn, "b", strike(fatalities=8))
    [event] = merged(conn)
    assert (event["fatalities"], event["fatalities_high"]) == (8, None)


def test_most_precise_date_and_place_are_kept(conn: sqlite3.Connection) -> None:
    put(conn, "a", strike(date="2018-03-07", date_end="2018-03-12", time_precision=2, geo_precision=1))
    put(conn, "b", strike(geo_precision=2, location="Raqqa countryside", gazetteer_id="g:raqqa"))
    [event] = merged(conn)
    assert (event["date"], event["time_precision"], event["geo_precision"]) == ("2018-03-09", 1, 1)


def test_a_changed_article_dissolves_its_merge(conn: sqlite3.Connection) -> None:
    put(conn, "a", strike())
    put(conn, "b", strike(fatalities=8))
    assert groups(conn) == {frozenset({"a/0", "b/0"})}
    put(conn, "b", strike(date="2018-03-20"), sha="2")  # corrected: another day
    assert groups(conn) == {frozenset({"a/0"}), frozenset({"b/0"})}
    put(conn, "b", strike(fatalities=6), sha="3")
    [event] = merged(conn)
    assert (event["fatalities"], event["fatalities_high"]) == (5, 6)
    # every per-document event belongs to exactly one merged event
    assert conn.execute("SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM merged_members)"
                        ).fetchone()[0] == 0


def test_incremental_merges_equal_a_full_rebuild(conn: sqlite3.Connection) -> None:
    days = ["2018-03-08", "2018-03-09", "2018-03-09", "2018-03-10", "2018-03-12", "2018-03-09"]
    places = [(35.95, 39.01), (35.97, 39.02), (36.5, 40.75), (35.95, 39.01), (35.95, 39.01), (35.99, 39.0)]
    for i, (day, (lat, lon)) in enumerate(zip(days, places)):
        put(conn, f"d{i}", strike(date=day, latitude=lat, longitude=lon, gazetteer_id=f"g:{i}",
                                  confidence=0.5 + i / 20))
    put(conn, "d1", strike(date="2018-03-13"), sha="2")  # and one replacement
    incremental = groups(conn)
    records = {e["id"]: e for e in merged(conn)}
    with db.transaction(conn):
        merge.rebuild(conn)
    assert groups(conn) == incremental
    assert {e["id"]: e for e in merged(conn)} == records


def test_ingested_arabic_reports_of_one_strike_merge(tmp_path: Path) -> None:
    """End to end on text: a and b (same strike, 5 vs 8 killed) merge; c (another town)
    and d (three days earlier) do not."""
    from rasd.resolve.gazetteer import embedded_source

    corpus = write_jsonl(tmp_path / "docs.jsonl", STRIKE_DOCS)
    ingest([str(corpus)], tmp_path / "s.sqlite", gazetteer_path=embedded_source())
    conn = db.open_store(tmp_path / "s.sqlite", create=False)
    events = merged(conn)
    assert sorted(e["doc_id"] for e in events) == ["a; b", "c", "d"]
    strike_ab = next(e for e in events if e["doc_id"] == "a; b")
    assert strike_ab["date"] == "2018-03-09" and strike_ab["location"] == "Raqqa"
    assert (strike_ab["fatalities"], strike_ab["fatalities_high"]) == (5, 8)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4
