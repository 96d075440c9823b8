"""The ingest runner: idempotent, replaces changed articles, records bad inputs, and
survives kill -9 of a real process (the resumed run ends as a clean run would)."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.resolve.gazetteer import embedded_source
from rasd.store import db, merge
from rasd.store.ingest import ingest
from tests.conftest import SHARED_DATA
from tests.store import STRIKE_DOCS, write_jsonl

CORPUS = SHARED_DATA / "corpus" / "ant_multisource_2018.jsonl.gz"


def snapshot(path: Path) -> dict[str, object]:
    """Everything a run leaves, independent of row ids and timestamps."""
    conn = sqlite3.connect(path)
    try:
        docs = conn.execute("SELECT id, sha256, n_events FROM documents ORDER BY id").fetchall()
        events = conn.execute("SELECT doc_id, ordinal, record FROM events ORDER BY doc_id, ordinal").fetchall()
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        rows = conn.execute("SELECT mm.merged_id, e.doc_id || '/' || e.ordinal FROM merged_members mm "
                            "JOIN events e ON e.id = mm.event_id").fetchall()
    finally:
        conn.close()
    groups: dict[int, set[str]] = {}
    for merged_id, key in rows:
        groups.setdefault(merged_id, set()).add(key)
    return {"documents": docs, "events": events, "mentions": mentions,
            "merged": sorted(sorted(g) for g in groups.values())}


def test_reingesting_the_same_content_changes_nothing(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "docs.jsonl", STRIKE_DOCS)
    store = tmp_path / "s.sqlite"
    first = ingest([str(corpus)], store, gazetteer_path=embedded_source(), batch_size=2)
    assert (first.added, first.unchanged, first.events) == (4, 0, 4)
    before = snapshot(store)
    ids_before = sqlite3.connect(store).execute("SELECT id FROM events ORDER BY id").fetchall()
    again = ingest([str(corpus), str(corpus)], store, gazetteer_path=embedded_source())
    assert (again.added, again.replaced, again.unchanged, again.events) == (0, 0, 8, 0)
    assert snapshot(store) == before
    assert sqlite3.connect(store).execute("SELECT id FROM events ORDER BY id").fetchall() == ids_before


def test_a_changed_article_replaces_its_events(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    ingest([str(write_jsonl(tmp_path / "v1.jsonl", STRIKE_DOCS))], store, gazetteer_path=embedded_source())
    corrected = [dict(d) for d in STRIKE_DOCS]
    corrected[1]["text"] = corrected[1]["text"].replace("ثمانية", "عشرة").replace("الرقة", "الحسكة")
    report = ingest([str(write_jsonl(tmp_path / "v2.jsonl", corrected))], store, gazetteer_path=embedded_source())
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 3)
    conn = db.open_store(store, create=False)
    [(record,)] = conn.execute("SELECT record FROM events WHERE doc_id = 'b'").fetchall()
    assert json.loads(record)["location"] == "Al-Hasakah" and json.loads(record)["fatalities"] == 10
    # b now reports the Hasakah strike, so it merges with c and leaves a alone
    docs = sorted(sorted(e["doc_ids"]) for e in db.query_events(conn, db.Filters()))
    assert docs == [["a"], ["b", "c"], ["d"]]


def test_bad_inputs_are_recorded_once_and_the_rest_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    lines = [json.dumps(STRIKE_DOCS[0], ensure_ascii=False), "{not json", json.dumps({"id": "x"})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    for _ in range(2):
        report = ingest([str(corpus), str(tmp_path / "missing.txt")], store, gazetteer_path=embedded_source())
    assert report.bad_inputs == 3 and report.unchanged == 1
    assert report.errors == [f"{corpus}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
                             f"{corpus}:3: missing required field 'text'",
                             f"{tmp_path / 'missing.txt'}: no such file"]
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_corrupt_store_is_refused_and_kept(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    store.write_bytes(b"\x00garbage" * 64)
    with pytest.raises(db.StoreError):
        ingest([str(write_jsonl(tmp_path / "d.jsonl", STRIKE_DOCS))], store, gazetteer_path=embedded_source())
    assert store.read_bytes() == b"\x00garbage" * 64


def _documents(path: Path) -> int:
    """Documents committed so far, read the way any other reader would (WAL allows it)."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data corpus is not on this machine")
def test_kill_9_then_rerun_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    with gzip.open(CORPUS, "rb") as handle:
        slice_ = tmp_path / "slice.jsonl"
        slice_.write_bytes(b"".join(itertools.islice(handle, 300)))
    ids = {json.loads(line)["id"] for line in slice_.read_bytes().splitlines()}
    env = dict(os.environ)
    command = [sys.executable, "-m", "rasd", "ingest", str(slice_), "--db", str(tmp_path / "x.sqlite"),
               "--workers", "2", "--batch", "10"]

    started = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        while (stored := _documents(tmp_path / "x.sqlite")) == 0:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() - started < 30, "no batch committed in 30 s"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        assert 0 < stored < len(ids), "killed mid-run"
        # the orphaned workers notice their parent is gone and exit on their own
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _group_alive(proc.pid):
            time.sleep(0.1)
        assert not _group_alive(proc.pid), "worker processes outlived their killed parent"
    finally:
        _kill_group(proc.pid)

    rerun = subprocess.run(command, env=env, capture_output=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert b"resumed after an interrupted run" in rerun.stdout

    clean = tmp_path / "clean.sqlite"
    ingest([str(slice_)], clean)  # one process, one uninterrupted run
    resumed = snapshot(tmp_path / "x.sqlite")
    assert [d[0] for d in resumed["documents"]] == sorted(ids)  # every document, exactly once
    assert resumed == snapshot(clean)  # same events, mentions and merges as the clean run
    conn = sqlite3.connect(tmp_path / "x.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    # merges made batch by batch, across the kill, are what a full recomputation gives
    conn = db.open_store(tmp_path / "x.sqlite", create=False)
    with db.transaction(conn):
        merge.rebuild(conn)
    conn.close()
    assert snapshot(tmp_path / "x.sqlite") == resumed


def _group_alive(pgid: int) -> bool:
    """Whether any live (not zombie) process is left in the process group."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
            return True
        except ProcessLookupError:
            return False
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def test_a_folder_of_bad_inputs_through_ingest_keeps_the_store_consistent(tmp_path: Path) -> None:
    """Malformed HTML, an XML bomb, a truncated WARC, a binary file and a 20 MB text file
    each give one error in the run's summary; the good articles are stored; a second run
    changes nothing."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    write_jsonl(inputs / "good.jsonl", STRIKE_DOCS[:2])
    (inputs / "broken.html").write_text("<html><<<>>></", encoding="utf-8")
    (inputs / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<rss><channel><item><title>&lol2;</title></item></channel></rss>", encoding="utf-8")
    (inputs / "cut.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "huge.txt").write_bytes(("قصف " * 10).encode() * 500_000)  # 20 MB
    store = tmp_path / "s.sqlite"
    report = ingest([str(inputs)], store, gazetteer_path=embedded_source())
    assert report.added == 2 and report.bad_inputs == 5
    problems = {Path(line.split(":")[0]).name: line for line in report.errors}
    assert set(problems) == {"broken.html", "bomb.xml", "cut.warc", "image.txt", "huge.txt"}
    assert "XML bomb" in problems["bomb.xml"] and "truncated" in problems["cut.warc"]
    assert "too large" in problems["huge.txt"] and "binary" in problems["image.txt"]
    conn = sqlite3.connect(store)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 5
    before = snapshot(store)
    again = ingest([str(inputs)], store, gazetteer_path=embedded_source())
    assert again.unchanged == 2 and again.added == 0 and snapshot(store) == before


def test_an_article_about_an_uncovered_country_is_stored_with_no_events_sought(tmp_path: Path) -> None:
    # ant-multisource:AL-internationalNews-1319-20180525 (dev pool, not gold): Yemen news
    yemen = {"id": "ye", "published": "2018-05-25",
             "text": "شنَّ طيران تحالف دعم الشرعية في اليمن، فجر اليوم الجمعة، غارات على تعزيزات للميليشيات الحوثية "
                     "في مديرية التحيتا في محافظة #الحديدة."}
    # given twice in one run: the second copy is unchanged, neither extracted nor counted again
    corpus = write_jsonl(tmp_path / "docs.jsonl", [yemen, *STRIKE_DOCS[:2], yemen])
    store = tmp_path / "s.sqlite"
    result = subprocess.run([sys.executable, "-m", "rasd", "ingest", str(corpus), "--db", str(store), "--workers", "2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "3 added, 0 replaced, 1 unchanged" in result.stdout
    assert "\n1 document(s) wholly about a country rasd does not cover" in result.stdout  # counted once
    conn = sqlite3.connect(store)
    stored = dict(conn.execute("SELECT d.id, count(m.doc_id) FROM documents d LEFT JOIN mentions m ON m.doc_id = d.id "
                               "GROUP BY d.id").fetchall())
    assert stored["ye"] == 0 and stored["a"] > 0 and stored["b"] > 0  # stored, its text kept; nothing sought in it
    assert conn.execute("SELECT count(*) FROM events WHERE doc_id = 'ye'").fetchone()[0] == 0
    # and the store says why it has no events
    marked = dict(conn.execute("SELECT id, outside_coverage FROM documents").fetchall())
    assert marked == {"ye": "YE", "a": None, "b": None}


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data corpus is not on this machine")
def test_merging_every_batch_or_every_tenth_gives_the_same_merges(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Merges are computed over whole connected components with canonical pair reasons,
    so how often the writer merges changes nothing: not the clusters, not their ids,
    not the reason text. Neither does recomputing them all (``rasd merge``)."""
    import rasd.store.ingest as ingest_module

    with gzip.open(CORPUS, "rb") as handle:
        slice_ = tmp_path / "slice.jsonl"
        slice_.write_bytes(b"".join(itertools.islice(handle, 300)))

    def merged(path: Path) -> list[tuple]:  # type: ignore[type-arg]
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT id, n_docs, record, reason FROM merged ORDER BY id").fetchall()
        finally:
            conn.close()

    runs = {}
    for every in (1, 10):
        monkeypatch.setattr(ingest_module, "MERGE_EVERY", every)
        ingest([str(slice_)], tmp_path / f"every-{every}.sqlite", batch_size=10)
        runs[every] = merged(tmp_path / f"every-{every}.sqlite")
    assert runs[1] == runs[10]
    assert any(n_docs > 1 and reason for _, n_docs, _, reason in runs[1])  # the slice has real merges
    conn = db.open_store(tmp_path / "every-10.sqlite", create=False)
    with db.transaction(conn):
        merge.rebuild(conn)
    conn.close()
    assert merged(tmp_path / "every-10.sqlite") == runs[1]


def test_an_article_replaced_within_a_run_leaves_no_stale_merge(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The run's merge cache (parsed events, their links) must forget replaced events:
    b is stored, merged with a, then replaced in the same run by a report of the Hasakah
    strike, and merges as if it had always said so."""
    import rasd.store.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MERGE_EVERY", 1)
    corrected = dict(STRIKE_DOCS[1])
    corrected["text"] = corrected["text"].replace("ثمانية", "عشرة").replace("الرقة", "الحسكة")
    source = write_jsonl(tmp_path / "run.jsonl", [*STRIKE_DOCS, corrected])
    store = tmp_path / "s.sqlite"
    report = ingest([str(source)], store, gazetteer_path=embedded_source(), batch_size=1)
    assert (report.added, report.replaced) == (4, 1)
    conn = db.open_store(store, create=False)
    docs = sorted(sorted(e["doc_ids"]) for e in db.query_events(conn, db.Filters()))
    assert docs == [["a"], ["b", "c"], ["d"]]
    before = conn.execute("SELECT id, n_docs, record, reason FROM merged ORDER BY id").fetchall()
    with db.transaction(conn):
        merge.rebuild(conn)
    assert conn.execute("SELECT id, n_docs, record, reason FROM merged ORDER BY id").fetchall() == before
    conn.close()
