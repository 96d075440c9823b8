"""The command line, run as a real subprocess on real files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE, SEED, SHARED_DATA, needs_shared


def rasd(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "rasd", *args], input=stdin, capture_output=True,
                          env=full_env, timeout=120)


def jsonl(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def test_extract_sample_with_embedded_gazetteer() -> None:
    result = rasd("extract", str(SAMPLE), "--published", "2026-11-20", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    events = jsonl(result.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert events, "the sample article reports events"
    for event in events:
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
    kinds = {e["sub_event_type"] for e in events}
    assert "Air/drone strike" in kinds and "Armed clash" in kinds
    strike = next(e for e in events if e["sub_event_type"] == "Air/drone strike")
    assert strike["actor1"] == "International Coalition"
    assert strike["fatalities"] == 3
    assert strike["date"] == "2026-11-17"  # "الثلاثاء الماضي" before Friday 20 Nov
    # background (2014) and the denied attack are not events
    assert not any(e["date"] and e["date"].startswith("2014") for e in events)
    assert not any("البصيرة" in (e["location_ar"] or "") for e in events)


def test_formats_json_csv_table() -> None:
    as_json = rasd("extract", str(SAMPLE), "--published", "2026-11-20", "--format", "json")
    events = json.loads(as_json.stdout)
    assert isinstance(events, list) and events
    as_csv = rasd("extract", str(SAMPLE), "--published", "2026-11-20", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.decode())))
    assert len(rows) == len(events)
    for column in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1",
                   "actor2", "interaction", "country", "admin1", "location", "latitude", "longitude",
                   "geo_precision", "fatalities", "source", "notes"):
        assert column in rows[0]
    assert rows[0]["country"] == "Syria" and rows[0]["iso"] == "760"
    table = rasd("extract", str(SAMPLE), "--published", "2026-11-20", "--format", "table")
    assert "International Coalition" in table.stdout.decode() and "event(s)" in table.stdout.decode()


def test_stdin_text_and_jsonl() -> None:
    text = SAMPLE.read_bytes()
    result = rasd("extract", "-", "--published", "2026-11-20", "--format", "jsonl", stdin=text)
    assert result.returncode == 0 and jsonl(result.stdout)
    line = json.dumps({"id": "d1", "text": text.decode(), "published": "2026-11-20"}, ensure_ascii=False)
    result = rasd("extract", "-", "--format", "jsonl", stdin=line.encode())
    events = jsonl(result.stdout)
    assert events and all(e["doc_id"] == "d1" for e in events)


def test_bad_inputs_are_named_and_the_good_ones_still_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café قتل".encode("cp1256"))
    corpus = tmp_path / "docs.jsonl"
    good = json.dumps({"id": "ok", "text": SAMPLE.read_text(encoding="utf-8"), "published": "2026-11-20"},
                      ensure_ascii=False)
    corpus.write_text(good + "\n{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    result = rasd("extract", str(tmp_path / "missing.txt"), str(empty), str(latin1), str(corpus),
                  str(SAMPLE), "--published", "2026-11-20", "--format", "jsonl")
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert f"{tmp_path / 'missing.txt'}: no such file" in errors
    assert f"{empty}: empty file" in errors
    assert f"{latin1}: not UTF-8 text" in errors
    assert f"{corpus}:2: not valid JSON" in errors
    assert f"{corpus}:3: missing required field 'text'" in errors
    docs = {e["doc_id"] for e in jsonl(result.stdout)}
    assert docs == {"ok", "sample-article"}


def test_bad_published_option_is_a_usage_error() -> None:
    result = rasd("extract", str(SAMPLE), "--published", "20/11/2026")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr.decode()


def test_schema_is_a_json_schema_of_the_event() -> None:
    result = rasd("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "rasd event"
    for field in ("event_type", "sub_event_type", "date", "date_end", "time_precision", "actor1",
                  "geo_precision", "fatalities", "evidence", "confidence"):
        assert field in schema["properties"]
    assert "actor1" in schema["required"]


@needs_shared
def test_seed_article_gives_the_four_events() -> None:
    result = rasd("extract", str(SEED), "--published", "2018-12-20", "--format", "jsonl",
                  "--gazetteer", str(SHARED_DATA / "gazetteer"))
    assert result.returncode == 0, result.stderr.decode()
    events = jsonl(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    got = {(e["sub_event_type"], e["location"], e["date"], e["date_end"], e["time_precision"],
            e["actor1"], e["actor2"], e["fatalities"]) for e in events}
    expected = {
        ("Non-state actor overtakes territory", "Hajin", "2018-12-12", "2018-12-12", 1, "SDF", "Islamic State", 0),
        ("Air/drone strike", "As Susah", "2018-10-11", "2018-10-20", 2, "International Coalition", "Islamic State", 5),
        ("Armed clash", "Hajin", "2018-11-01", "2018-11-10", 2, "SDF", "Islamic State", 2),
        ("Armed clash", "Hajin", "2018-12-01", "2018-12-10", 2, "SDF", "Islamic State", 1),
    }
    assert got == expected
    clashes = [e for e in events if e["sub_event_type"] == "Armed clash"]
    assert all(e["geo_precision"] == 2 for e in clashes)
    for event in events:
        assert event["admin1"] == "Deir ez-Zor" and event["country"] == "SY"
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
    spokesman = next(e for e in clashes if e["date"] == "2018-12-01")
    assert any(ev["field"] == "fatalities" and "التدمري" in ev["text"] for ev in spokesman["evidence"])
    strike = next(e for e in events if e["sub_event_type"] == "Air/drone strike")
    assert any(ev["field"] == "location" and ev["text"] == "السوسة" for ev in strike["evidence"])


@needs_shared
def test_evaluate_on_dev_gold_reports_every_figure() -> None:
    corpora = sorted(str(p) for p in (SHARED_DATA / "corpus").glob("*.jsonl.gz"))
    result = rasd("evaluate", str(SHARED_DATA / "gold" / "dev.jsonl"), *sum((["--corpus", c] for c in corpora), []),
                  "--json", "--gazetteer", str(SHARED_DATA / "gazetteer"))
    assert result.returncode == 0, result.stderr.decode()
    figures = json.loads(result.stdout)
    for key in ("event_precision", "event_recall", "event_f1", "doc_precision", "doc_recall",
                "sub_event_type_accuracy", "actor1_accuracy", "actor2_accuracy", "date_accuracy",
                "fatalities_exact", "fatalities_within_20pct", "date_resolution_accuracy",
                "location_resolution_accuracy", "n_gold", "n_pred", "n_matched"):
        assert key in figures
    gold = [json.loads(line) for line in (SHARED_DATA / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert figures["n_gold"] == sum(len(doc["events"]) for doc in gold)
    assert figures["n_docs"] == len(gold)
    assert 0 < figures["n_matched"] <= figures["n_pred"]
    report = rasd("evaluate", str(SHARED_DATA / "gold" / "dev.jsonl"), *sum((["--corpus", c] for c in corpora), []),
                  "--gazetteer", str(SHARED_DATA / "gazetteer"))
    text = report.stdout.decode()
    assert "Missed" in text and "Spurious" in text


@needs_shared
def test_seed_people_and_sources_are_mentions(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    from rasd.model import Document

    text = SEED.read_text(encoding="utf-8")
    analysis = shared_pipeline.analyze(Document(id="seed", text=text, published="2018-12-20"))
    mentions = analysis.mentions()
    for m in mentions:
        assert text[m.span.start:m.span.end] == m.span.text
    people = {m.value["kunya"] or m.value["name"]: m.value for m in mentions if m.kind == "person"}
    spokesman = next(v for k, v in people.items() if "التدمري" in k)
    assert spokesman["origin"] == "Palmyra" and spokesman["organization"] == "Islamic State"
    british = next(v for k, v in people.items() if "البريطاني" in k)
    assert british["origin"] == "British"
    sources = {m.value["name"] for m in mentions if m.kind == "source"}
    assert {"Furat Post", "Resident", "Defector"} <= sources


def test_unknown_sources_after_attribution_are_kept_verbatim(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    from rasd.model import Document

    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة دوما، يوم الثلاثاء، بحسب صحيفة الوطن."
    analysis = embedded_pipeline.analyze(Document(id="s", text=text, published="2018-03-22"))
    sources = [m for m in analysis.mentions() if m.kind == "source"]
    assert [s.span.text for s in sources] == ["صحيفة الوطن"]
    (event,) = embedded_pipeline.extract(Document(id="s", text=text, published="2018-03-22"))
    assert event.reported_by == ["صحيفة الوطن"]


def test_html_input_and_non_arabic_skip(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>t</title></head><body><article><p>قتل ثلاثة مدنيين في غارة جوية لطيران "
                    "التحالف الدولي على مدينة الرقة، يوم الثلاثاء، بحسب مصادر محلية.</p></article></body></html>",
                    encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("An English text about nothing in particular at all.", encoding="utf-8")
    result = rasd("extract", str(page), str(english), "--published", "2018-03-22", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()  # a skipped document is not a failure
    assert "skipped: not Arabic" in result.stderr.decode()
    (event,) = jsonl(result.stdout)
    assert event["sub_event_type"] == "Air/drone strike" and event["fatalities"] == 3
