"""The SQLite store on real files: opening, refusing what is not ours, writes, queries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from rasd.model import Document, Event
from rasd.store import db


def _event(doc_id: str, **changes: object) -> dict:
    fields: dict = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                        date="2018-03-09", time_precision=1, actor1="International Coalition", actor2="Civilians",
                        country="SY", admin1="Raqqa", location="Raqqa", latitude=35.95, longitude=39.01,
                        geo_precision=1, gazetteer_id="g:raqqa", fatalities=5, confidence=0.8, doc_id=doc_id)
    fields.update(changes)
    return Event(**fields).model_dump(mode="json")


def _result(doc_id: str, sha: str, events: list[dict], mentions: int = 2) -> db.DocResult:
    return db.DocResult(doc_id, sha, "test.jsonl", {"outlet": "X", "chars": 10}, events=events,
                        mentions=[("place", i, i + 1, "x", "{}") for i in range(mentions)])


def test_new_store_is_wal_and_versioned(tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "x.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    conn.close()
    # reopening migrates nothing and keeps the data
    conn = db.open_store(tmp_path / "x.sqlite", create=False)
    assert db.summary(conn)["documents"] == 0


def test_a_version_4_store_gets_the_outside_coverage_marker(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    conn = db.open_store(path)
    with db.transaction(conn):
        db.store_document(conn, _result("old", "h1", [_event("old")]), None)
    conn.execute("ALTER TABLE documents DROP COLUMN outside_coverage")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    conn = db.open_store(path, create=False)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    foreign = dataclasses.replace(_result("ye", "h2", [], mentions=0), outside_coverage="YE")
    with db.transaction(conn):
        db.store_document(conn, foreign, None)
    assert dict(conn.execute("SELECT id, outside_coverage FROM documents")) == {"old": None, "ye": "YE"}
    assert db.summary(conn)["documents"] == 2 and conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    conn.close()


def test_missing_db_is_not_created_when_reading(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    with pytest.raises(db.StoreError, match="no such database"):
        db.open_store(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    with pytest.raises(db.StoreError):
        db.open_store(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "bad.sqlite-wal").exists()


def test_foreign_and_newer_databases_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = foreign.read_bytes()
    with pytest.raises(db.StoreError, match="not a rasd one"):
        db.open_store(foreign)
    assert foreign.read_bytes() == before
    newer = tmp_path / "newer.sqlite"
    db.open_store(newer).execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 1}")
    with pytest.raises(db.StoreError, match="newer rasd"):
        db.open_store(newer)


def test_same_content_is_a_no_op_and_new_content_replaces(tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "x.sqlite")
    with db.transaction(conn):
        first = db.store_document(conn, _result("a", "h1", [_event("a"), _event("a", date="2018-03-08")]), None)
    assert first.kind == "added" and len(first.new_events) == 2
    with db.transaction(conn):
        again = db.store_document(conn, _result("a", "h1", [_event("a")]), None)
    assert again.kind == "unchanged" and not again.new_events
    assert [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")] == first.new_events
    with db.transaction(conn):
        changed = db.store_document(conn, _result("a", "h2", [_event("a", fatalities=7)], mentions=5), None)
    assert changed.kind == "replaced"
    rows = conn.execute("SELECT id, fatalities FROM events").fetchall()
    assert rows == [(changed.new_events[0], 7)] and changed.new_events[0] not in first.new_events
    assert conn.execute("SELECT count(*) FROM mentions WHERE doc_id = 'a'").fetchone()[0] == 5
    assert conn.execute("SELECT count(*), max(sha256) FROM documents").fetchone() == (1, "h2")


def test_a_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "x.sqlite")
    with pytest.raises(RuntimeError):
        with db.transaction(conn):
            db.store_document(conn, _result("a", "h1", [_event("a")]), None)
            raise RuntimeError("killed")
    assert db.summary(conn)["documents"] == 0 and db.summary(conn)["events"] == 0


def test_errors_are_recorded_once(tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "x.sqlite")
    for run in (1, 2):
        with db.transaction(conn):
            db.record_error(conn, "c.jsonl", "not valid JSON", line=3, run_id=run)
            db.record_error(conn, "gone.txt", "no such file", run_id=run)
    assert db.summary(conn)["errors"] == 2
    assert db.errors_of_run(conn, 2) == ["c.jsonl:3: not valid JSON", "gone.txt: no such file"]


def test_content_hash_covers_text_and_metadata_not_id() -> None:
    doc = Document(id="a", text="نص", published="2018-03-10")
    assert db.content_hash(doc) == db.content_hash(doc.model_copy(update={"id": "b"}))
    assert db.content_hash(doc) != db.content_hash(doc.model_copy(update={"text": "نص آخر"}))
    assert db.content_hash(doc) != db.content_hash(doc.model_copy(update={"published": dt.date(2018, 3, 11)}))


def test_query_filters(tmp_path: Path) -> None:
    from rasd.store import merge

    conn = db.open_store(tmp_path / "x.sqlite")
    with db.transaction(conn):
        db.store_document(conn, _result("a", "1", [_event("a")]), None)
        db.store_document(conn, _result("b", "2", [_event(
            "b", event_type="Battles", sub_event_type="Armed clash", actor1="SDF", actor2="Islamic State",
            date="2018-04-02", admin1="Deir ez-Zor", location="Hajin", latitude=34.69, longitude=40.83,
            gazetteer_id="g:hajin", confidence=0.5)]), None)
        db.store_document(conn, _result("c", "3", [_event("c", country="IQ", admin1="Nineveh", latitude=None,
                                                          longitude=None, gazetteer_id=None, date=None)]), None)
        merge.rebuild(conn)

    def ids(per_document: bool = False, **kw: object) -> list[str]:
        return [r["doc_id"] for r in db.query_events(conn, db.Filters(**kw), per_document)]

    assert ids() == ["a", "b", "c"] and ids(per_document=True) == ["a", "b", "c"]
    assert ids(since=dt.date(2018, 3, 10)) == ["b"]
    assert ids(until=dt.date(2018, 3, 31)) == ["a"]
    assert ids(country="Syria") == ["a", "b"] and ids(country="iq") == ["c"]
    assert ids(admin1="deir ez-zor") == ["b"]
    assert ids(types=["battles"]) == ["b"] and ids(types=["Air/drone strike"]) == ["a", "c"]
    assert ids(actor="islamic") == ["b"] and ids(actor="Coalition") == ["a", "c"]
    assert ids(bbox=(38.5, 35.5, 39.5, 36.5)) == ["a"]
    assert ids(min_confidence=0.6) == ["a", "c"]


RACE = """
import sys, time
from pathlib import Path
from rasd.store import db
path, start = Path(sys.argv[1]), float(sys.argv[2])
while time.time() < start:
    pass
try:
    conn = db.open_store(path, create=True)
    conn.execute("SELECT count(*) FROM documents")
    print("ok")
except Exception as exc:
    print(f"{exc.__class__.__name__}: {exc}")
"""


def test_two_processes_creating_a_new_store_at_once_both_succeed(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    answers = []
    for trial in range(12):  # the race was lost about one time in two
        path = tmp_path / f"new{trial}.sqlite"
        start = str(time.time() + 1.0)  # both past their imports, then released together
        runs = [subprocess.Popen([sys.executable, "-c", RACE, str(path), start], stdout=subprocess.PIPE, text=True)
                for _ in range(2)]
        answers += [run.communicate(timeout=60)[0].strip() for run in runs]
    assert answers == ["ok"] * 24, [a for a in answers if a != "ok"]
