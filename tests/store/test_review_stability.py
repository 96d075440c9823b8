"""A review follows its event when the articles under it change: re-extraction gives the
changed article's events new ids, so a merged event whose smallest member came from it
gets a new id; its corrections, verdict and audit trail move there and the old id
redirects (over HTTP too, on a real `rasd serve`)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from rasd.resolve.gazetteer import embedded_source
from rasd.store import db, review
from rasd.store.ingest import ingest
from tests.serve.conftest import start_server, stop_server
from tests.store import STRIKE_DOCS, write_jsonl


def merged_of(conn, doc_ids: list[str]) -> dict:  # type: ignore[no-untyped-def]
    (found,) = [e for e in db.query_events(conn, db.Filters(review="all")) if sorted(e["doc_ids"]) == doc_ids]
    return found


def test_reviews_survive_a_changed_article_and_the_old_id_redirects(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    ingest([str(write_jsonl(tmp_path / "v1.jsonl", STRIKE_DOCS))], store, gazetteer_path=embedded_source())
    conn = db.open_store(store, create=False)
    strike, tuesday = merged_of(conn, ["a", "b"]), merged_of(conn, ["d"])
    with db.transaction(conn):  # a corrected strike (a and b) and a rejected one (d)
        review.correct(conn, strike["id"], reviewer="lina", fields={"fatalities": 6, "notes": "checked"},
                       status="confirmed", note="two tolls, 6 per the hospital")
        review.correct(conn, tuesday["id"], reviewer="lina", status="rejected", note="duplicate of a later report")
    conn.close()

    # a and d are corrected by their outlets: both are re-extracted, their events get new ids
    changed = [dict(d) for d in STRIKE_DOCS]
    changed[0]["text"] += " وأضافت المصادر أن الغارة دمرت منزلاً."
    changed[3]["text"] += " وأضافت المصادر أن الغارة دمرت منزلاً."
    report = ingest([str(write_jsonl(tmp_path / "v2.jsonl", changed))], store, gazetteer_path=embedded_source())
    assert (report.replaced, report.unchanged) == (2, 2)

    conn = db.open_store(store, create=False)
    strike2, tuesday2 = merged_of(conn, ["a", "b"]), merged_of(conn, ["d"])
    assert strike2["id"] != strike["id"] and tuesday2["id"] != tuesday["id"]  # the smallest members changed
    assert (strike2["review"], strike2["corrected"], strike2["fatalities"], strike2["notes"]) == \
        ("confirmed", True, 6, "checked")
    assert tuesday2["review"] == "rejected"
    assert tuesday2["id"] not in [e["id"] for e in db.query_events(conn, db.Filters())]  # still left out
    assert [a["action"] for a in review.audit(conn, strike2["id"])] == ["correct", "confirm"]
    assert review.resolve(conn, strike["id"]) == strike2["id"]
    assert review.resolve(conn, tuesday["id"]) == tuesday2["id"]
    # a full recomputation (`rasd merge`) keeps them where they are
    with db.transaction(conn):
        from rasd.store import merge

        merge.rebuild(conn)
    assert merged_of(conn, ["a", "b"])["review"] == "confirmed" and merged_of(conn, ["d"])["review"] == "rejected"
    conn.close()

    server = start_server(store)
    try:
        old = httpx.get(f"{server.url}/api/events/{strike['id']}")
        assert old.status_code == 308 and old.headers["location"] == f"/api/events/{strike2['id']}"
        detail = httpx.get(f"{server.url}/api/events/{strike['id']}", follow_redirects=True).json()
        assert detail["id"] == strike2["id"] and detail["review"]["status"] == "confirmed"
        assert detail["record"]["fatalities"] == 6
        # a correction sent to the old id reaches the event it became
        patched = httpx.patch(f"{server.url}/api/events/{tuesday['id']}", headers=server.auth,
                              json={"status": "confirmed", "reviewer": "omar"})
        assert patched.status_code == 200 and patched.json()["id"] == tuesday2["id"]
        assert patched.json()["review"]["status"] == "confirmed"
    finally:
        stop_server(server)


def test_an_old_store_gets_review_members_when_migrated(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    ingest([str(write_jsonl(tmp_path / "v1.jsonl", STRIKE_DOCS))], store, gazetteer_path=embedded_source())
    conn = db.open_store(store, create=False)
    strike = merged_of(conn, ["a", "b"])
    with db.transaction(conn):
        review.correct(conn, strike["id"], reviewer="lina", status="rejected")
        conn.execute("UPDATE reviews SET members = '[]'")  # as a version 2 store had none
    members = sorted(r[0] for r in conn.execute("SELECT event_id FROM merged_members WHERE merged_id = ?",
                                                (strike["id"],)))
    conn.execute("PRAGMA user_version = 2")
    conn.execute("DROP TABLE event_lineage")
    conn.execute("DROP TABLE merged_redirects")
    conn.execute("ALTER TABLE reviews DROP COLUMN members")
    conn.execute("DROP INDEX mentions_kind")  # version 4
    conn.execute("ALTER TABLE documents DROP COLUMN outside_coverage")  # version 5
    conn.close()
    conn = db.open_store(store, create=False)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    (row,) = conn.execute("SELECT members FROM reviews").fetchall()
    assert sorted(json.loads(row[0])) == members
    conn.close()
