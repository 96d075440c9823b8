"""Extraction on a Dask cluster (``rasd ingest --dask``): a real ``LocalCluster`` of
worker processes stores exactly what the plain one-process run stores (same ids, since
results are written in input order), a rerun skips everything, and a cluster that cannot
be reached or a missing Dask is a one-line error, not a traceback."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.store.ingest import IngestError, ingest
from tests.conftest import SHARED_DATA

distributed = pytest.importorskip("distributed")

CORPUS = SHARED_DATA / "corpus" / "ant_multisource_2018.jsonl.gz"
GAZETTEER = SHARED_DATA / "gazetteer"
UNREACHABLE = "tcp://127.0.0.1:1"

pytestmark = pytest.mark.skipif(not (CORPUS.exists() and GAZETTEER.is_dir()),
                                reason="../shared/data corpus is not on this machine")


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row a run leaves, ids included (timestamps and run ids excepted)."""
    conn = sqlite3.connect(path)
    try:
        query = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
        return {
            "documents": query("SELECT id, sha256, source, outlet, published, title, url, text, chars, n_events "
                               "FROM documents ORDER BY id"),
            "mentions": query('SELECT doc_id, kind, start, "end", text, value FROM mentions ORDER BY rowid'),
            "events": query("SELECT id, doc_id, ordinal, record FROM events ORDER BY id"),
            "merged": query("SELECT id, n_docs, record, reason FROM merged ORDER BY id"),
            "members": query("SELECT merged_id, event_id FROM merged_members ORDER BY event_id"),
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 conflict reports from the week of 19-26 February 2018 (Eastern Ghouta): many
    outlets report the same strikes, so cross-article merging has work to do."""
    lines = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if "2018-02-19" <= record["published"][:10] <= "2018-02-26" and \
                    any(w in record["text"] for w in ("غارة", "قصف", "اشتباك", "قتل")):
                lines.append(line)
                if len(lines) == 150:
                    break
    path = tmp_path_factory.mktemp("week") / "week.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def serial(week: Path) -> dict[str, list[tuple[object, ...]]]:
    """What the plain one-process run stores."""
    store = week.parent / "serial.sqlite"
    report = ingest([str(week)], store, workers=1, batch_size=25, gazetteer_path=GAZETTEER)
    assert report.added == 150 and report.totals["multi_source"] >= 10
    return rows(store)


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_a_cluster_stores_exactly_what_one_process_stores(week: Path, serial: dict, cluster, tmp_path: Path) -> None:
    store = tmp_path / "dask.sqlite"
    report = ingest([str(week)], store, batch_size=25, gazetteer_path=GAZETTEER, dask=cluster.scheduler_address)
    assert (report.added, report.failed) == (150, 0)
    assert rows(store) == serial
    # the parent skips unchanged documents before anything is sent to the cluster
    again = ingest([str(week)], store, gazetteer_path=GAZETTEER, dask=cluster.scheduler_address)
    assert (again.added, again.unchanged, again.events) == (0, 150, 0)
    assert rows(store) == serial


def test_cli_dask_local_end_to_end(week: Path, serial: dict, tmp_path: Path) -> None:
    store = tmp_path / "cli.sqlite"
    result = subprocess.run([sys.executable, "-m", "rasd", "ingest", str(week), "--db", str(store), "--dask", "local",
                             "--workers", "2", "--batch", "25", "--gazetteer", str(GAZETTEER)],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    assert "150 added" in result.stdout.decode()
    assert rows(store) == serial


def test_an_unreachable_scheduler_is_a_clean_error(week: Path, tmp_path: Path) -> None:
    import dask

    store = tmp_path / "never.sqlite"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(IngestError, match=f"cannot reach the Dask scheduler at {UNREACHABLE}"):
            ingest([str(week)], store, gazetteer_path=GAZETTEER, dask=UNREACHABLE)
    assert not store.exists()  # checked before the store is opened: no run left unfinished

    env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")
    result = subprocess.run([sys.executable, "-m", "rasd", "ingest", str(week), "--db", str(store),
                             "--dask", UNREACHABLE], capture_output=True, timeout=60, env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and UNREACHABLE in stderr and "Traceback" not in stderr, stderr
    assert not store.exists()


def test_without_dask_installed_the_error_says_what_to_install(week: Path, tmp_path: Path) -> None:
    # an import of a module set to None in sys.modules fails as if it were not installed
    code = ("import sys; sys.modules['distributed'] = None; sys.argv = ['rasd', *sys.argv[1:]]; "
            "from rasd.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "ingest", str(week), "--db", str(tmp_path / "x.sqlite"),
                             "--dask", "local"], capture_output=True, timeout=60)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "install rasd[dask]" in stderr and "Traceback" not in stderr, stderr
