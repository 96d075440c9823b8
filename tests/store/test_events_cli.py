"""`rasd ingest`, `rasd events` and `rasd merge` as real subprocesses on real files;
every export format is parsed back with an ordinary reader."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rasd.export.acled import ACLED_COLUMNS, RASD_COLUMNS
from rasd.export.geojson import feature_collection
from rasd.model import Event
from tests.store import STRIKE_DOCS, write_jsonl


def rasd(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, env=dict(os.environ),
                          timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    corpus = write_jsonl(folder / "docs.jsonl", STRIKE_DOCS)
    result = rasd("ingest", str(corpus), "--db", str(folder / "s.sqlite"), "--workers", "2", "--batch", "2")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "4 added" in out and "3 events after merging (1 reported by 2+ documents)" in out
    assert "docs/s" in result.stderr.decode()  # the progress line
    return folder / "s.sqlite"


def events(store: Path, *args: str) -> list[dict]:
    result = rasd("events", "--db", str(store), "--format", "json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_merged_by_default_per_document_on_request(store: Path) -> None:
    merged = events(store)
    assert sorted(len(e["doc_ids"]) for e in merged) == [1, 1, 2]
    both = next(e for e in merged if len(e["doc_ids"]) == 2)
    assert (both["fatalities"], both["fatalities_high"], both["date"]) == (5, 8, "2018-03-09")
    assert both["outlets"] == ["Enab Baladi", "Al-Hal Net"]
    assert len(events(store, "--per-document")) == 4


def test_filters(store: Path) -> None:
    def count(*args: str) -> int:
        return len(events(store, *args))

    # each filter is covered in tests/store/test_db.py; here they reach the query, combined
    assert count("--since", "2018-03-08") == 2 and count("--until", "2018-03-08") == 1
    assert count("--since", "2018-03-08", "--admin1", "raqqa", "--country", "Syria") == 1
    assert count("--type", "Air/drone strike", "--actor", "coalition", "--bbox", "38.5,35.5,39.5,36.5") == 2
    assert count("--min-confidence", "0.99") == 0 and count("--type", "Battles") == 0
    bad = rasd("events", "--db", str(store), "--bbox", "1,2,3")
    assert bad.returncode == 2 and "min_lon,min_lat,max_lon,max_lat" in bad.stderr.decode()


def test_csv_has_acled_columns(store: Path) -> None:
    result = rasd("events", "--db", str(store), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert list(rows[0]) == ACLED_COLUMNS + RASD_COLUMNS
    both = next(r for r in rows if ";" in r["doc_id"])
    assert (both["fatalities"], both["fatalities_low"], both["fatalities_high"]) == ("5", "5", "8")
    assert both["country"] == "Syria" and both["iso"] == "760" and both["admin1"] == "Raqqa"
    assert both["event_id_cnty"].startswith("SYRASD") and both["inter1"] == "8"
    assert sorted(both["doc_id"].split("; ")) == ["a", "b"]


def test_geojson_opens_as_points(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = rasd("events", "--db", str(store), "--format", "geojson", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and 35 < lon < 43 and 32 < lat < 38
        assert list(feature["properties"]) == ACLED_COLUMNS + RASD_COLUMNS
        assert (feature["properties"]["longitude"], feature["properties"]["latitude"]) == (lon, lat)


def test_geojson_leaves_out_events_without_coordinates() -> None:
    located = Event(event_type="Battles", sub_event_type="Armed clash", actor1="SDF", latitude=35.0, longitude=40.0)
    nowhere = located.model_copy(update={"latitude": None, "longitude": None})
    collection, left_out = feature_collection([(1, located), (2, nowhere)], lambda name: None)
    assert left_out == 1 and [f["id"] for f in collection["features"]] == [1]
    assert collection["features"][0]["properties"]["inter1"] is None  # empty cells are null, not ""


def test_parquet_has_typed_columns(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = rasd("events", "--db", str(store), "--format", "parquet", "--output", str(out))
    assert result.returncode == 0, result.stderr.decode()
    table = pq.read_table(out)
    assert table.num_rows == 3 and table.column_names == ACLED_COLUMNS + RASD_COLUMNS
    schema = table.schema
    assert schema.field("event_date").type == pa.date32() and schema.field("fatalities").type == pa.int64()
    assert schema.field("latitude").type == pa.float64() and schema.field("actor1").type == pa.string()
    assert sorted(table.column("fatalities").to_pylist()) == [3, 3, 5]
    assert sorted(x for x in table.column("fatalities_high").to_pylist() if x is not None) == [8]


def test_table_and_merge_explain(store: Path) -> None:
    table = rasd("events", "--db", str(store), "--format", "table").stdout.decode()
    assert "International Coalition" in table and "5-8" in table and "3 event(s)" in table
    result = rasd("merge", "--db", str(store), "--explain")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "4 per-document events → 3 events (1 reported by 2+ documents)" in out
    assert "same sub-event type (Air/drone strike)" in out and "(2 documents)" in out


def test_missing_or_corrupt_db_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    for command in ("events", "merge"):
        result = rasd(command, "--db", str(missing))
        assert result.returncode == 2 and "no such database" in result.stderr.decode()
    assert not missing.exists()
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"PK\x03\x04 certainly not sqlite" * 50)
    corpus = write_jsonl(tmp_path / "docs.jsonl", STRIKE_DOCS[:1])
    for args in (("events", "--db", str(corrupt)), ("ingest", str(corpus), "--db", str(corrupt), "--workers", "1")):
        result = rasd(*args)
        assert result.returncode == 2 and "not a SQLite database" in result.stderr.decode()
    assert corrupt.read_bytes() == b"PK\x03\x04 certainly not sqlite" * 50


def test_ingest_lists_bad_inputs_and_exits_1(tmp_path: Path) -> None:
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(json.dumps(STRIKE_DOCS[0], ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    result = rasd("ingest", str(corpus), "--db", str(tmp_path / "s.sqlite"), "--workers", "1")
    assert result.returncode == 1
    assert f"{corpus}:2: not valid JSON" in result.stderr.decode()
    assert "1 added" in result.stdout.decode() and "1 bad input(s)" in result.stdout.decode()
