"""The HTTP API against a real `rasd serve` process on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import SAMPLE
from tests.serve.conftest import Server, build_store, events_of, strike_on_raqqa


def test_meta_counts_the_store(server: Server) -> None:
    meta = httpx.get(server.url + "/api/meta").json()
    assert meta["counts"] == {"events": 3 + _sample_events(server), "documents": 5}
    assert "Air/drone strike" in meta["taxonomy"]["Explosions/Remote violence"]
    assert "Ar-Raqqa" in meta["admin1"] or "Raqqa" in meta["admin1"]
    assert meta["writes_enabled"] is True


def _sample_events(server: Server) -> int:
    return sum(1 for e in events_of(server) if e.get("doc_ids") == ["sample"])


def test_events_are_paged_and_filtered_like_the_cli(server: Server) -> None:
    everything = events_of(server)
    first = httpx.get(server.url + "/api/events", params={"page_size": 2}).json()
    second = httpx.get(server.url + "/api/events", params={"page_size": 2, "page": 2}).json()
    assert first["total"] == len(everything) >= 4
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything[:4]]
    hasakah = events_of(server, admin1="Al-Hasakah")
    assert [e["doc_ids"] for e in hasakah] == [["c"]]
    in_march = events_of(server, since="2018-03-09", until="2018-03-09", type="Air/drone strike")
    assert sorted(d for e in in_march for d in e["doc_ids"]) == ["a", "b", "c"]


def test_limits_and_bad_parameters_are_4xx_with_a_detail(server: Server) -> None:
    too_big = httpx.get(server.url + "/api/events", params={"page_size": 100_000})
    assert too_big.status_code == 422 and too_big.json()["detail"]
    bbox = httpx.get(server.url + "/api/events", params={"bbox": "40,36,not-a-number"})
    assert bbox.status_code == 422 and "bbox" in str(bbox.json()["detail"])
    outside = httpx.get(server.url + "/api/events", params={"bbox": "40,36,200,37"})
    assert outside.status_code == 422 and "WGS 84" in outside.json()["detail"]
    state = httpx.get(server.url + "/api/events", params={"review": "maybe"})
    assert state.status_code == 422 and "'confirmed'" in str(state.json()["detail"])
    assert httpx.get(server.url + "/api/events/999999").status_code == 404
    assert httpx.get(server.url + "/api/documents/no/such/doc").json() == {"detail": "no document 'no/such/doc'"}


def test_an_event_carries_its_documents_and_evidence_into_their_text(server: Server) -> None:
    merged = strike_on_raqqa(server)
    detail = httpx.get(f"{server.url}/api/events/{merged['id']}").json()
    assert [d["id"] for d in detail["documents"]] == ["a", "b"]
    assert {d["outlet"] for d in detail["documents"]} == {"Enab Baladi", "Al-Hal Net"}
    assert detail["record"]["fatalities"] == 5 and detail["record"]["fatalities_high"] == 8
    for member in detail["members"]:
        text = httpx.get(f"{server.url}/api/documents/{member['doc_id']}").json()["text"]
        fields = {ev["field"] for ev in member["evidence"]}
        assert {"trigger", "actor1", "location", "fatalities"} <= fields
        for ev in member["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_geojson_has_every_event_with_its_point(server: Server) -> None:
    response = httpx.get(server.url + "/api/events.geojson")
    assert response.headers["content-type"].startswith("application/geo+json")
    features = response.json()["features"]
    assert len(features) == len(events_of(server))
    raqqa = next(f for f in features if f["id"] == strike_on_raqqa(server)["id"])
    lon, lat = raqqa["geometry"]["coordinates"]
    assert 38.9 < lon < 39.1 and 35.9 < lat < 36.0  # Ar-Raqqa city
    assert raqqa["properties"]["n_docs"] == 2 and raqqa["properties"]["review"] == "unreviewed"


def test_writes_need_the_token(server: Server) -> None:
    target = f"{server.url}/api/events/{strike_on_raqqa(server)['id']}"
    body = {"fields": {"fatalities": 6}, "reviewer": "amal"}
    missing = httpx.patch(target, json=body)
    assert missing.status_code == 401 and "token" in missing.json()["detail"]
    wrong = httpx.patch(target, json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert httpx.post(server.url + "/api/extract", json={"text": "نص"}).status_code == 401
    assert httpx.get(target).json()["record"]["fatalities"] == 5  # nothing changed


def test_a_correction_is_audited_queried_and_exported(server: Server) -> None:
    merged = strike_on_raqqa(server)
    target = f"{server.url}/api/events/{merged['id']}"
    response = httpx.patch(target, headers=server.auth, json={
        "fields": {"fatalities": 6, "actor2": "Civilians (Syria)"}, "reviewer": "amal", "note": "toll per SOHR"})
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["record"]["fatalities"] == 6 and detail["record"]["actor2"] == "Civilians (Syria)"
    assert detail["review"]["corrected"] is True and detail["review"]["status"] == "unreviewed"
    (entry,) = detail["audit"]
    assert entry["reviewer"] == "amal" and entry["action"] == "correct" and entry["note"] == "toll per SOHR"
    assert entry["changes"]["fatalities"] == [5, 6] and entry["at"]
    confirmed = httpx.patch(target, headers=server.auth, json={"status": "confirmed", "reviewer": "omar"}).json()
    assert [a["action"] for a in confirmed["audit"]] == ["correct", "confirm"]
    assert [e["id"] for e in events_of(server, review="confirmed")] == [merged["id"]]
    assert [e["id"] for e in events_of(server, review="corrected")] == [merged["id"]]
    # the CLI export reads the same store and carries the correction
    out = subprocess.run([sys.executable, "-m", "rasd", "events", "--db", str(server.db), "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(out))}
    assert any(r["fatalities"] == "6" and r["actor2"] == "Civilians (Syria)" for r in rows.values())


def test_invalid_corrections_are_refused_whole(server: Server) -> None:
    merged = strike_on_raqqa(server)
    target = f"{server.url}/api/events/{merged['id']}"
    before = httpx.get(target).json()
    for body, words in [({"fields": {"fatalities": -1, "actor1": "X"}, "reviewer": "amal"}, "fatalities"),
                        ({"fields": {"event_type": "Protests"}, "reviewer": "amal"}, "correct both"),
                        ({"fields": {"evidence": []}, "reviewer": "amal"}, "not correctable"),
                        ({"status": "maybe", "reviewer": "amal"}, "status"),
                        ({"fields": {}, "reviewer": "amal"}, "nothing to do")]:
        response = httpx.patch(target, headers=server.auth, json=body)
        assert response.status_code == 422, body
        assert words in str(response.json()["detail"])
    assert httpx.get(target).json() == before


def test_a_rejected_event_leaves_the_default_listing(server: Server) -> None:
    hasakah = events_of(server, admin1="Al-Hasakah")[0]
    httpx.patch(f"{server.url}/api/events/{hasakah['id']}", headers=server.auth,
                json={"status": "rejected", "reviewer": "amal"}).raise_for_status()
    assert hasakah["id"] not in [e["id"] for e in events_of(server)]
    assert [e["id"] for e in events_of(server, review="rejected")] == [hasakah["id"]]
    geo = httpx.get(server.url + "/api/events.geojson", params={"review": "all"}).json()
    assert hasakah["id"] in [f["id"] for f in geo["features"]]


def test_corrections_survive_recomputed_merges(server: Server) -> None:
    merged = strike_on_raqqa(server)
    httpx.patch(f"{server.url}/api/events/{merged['id']}", headers=server.auth,
                json={"fields": {"location": "Ar-Raqqa city"}, "reviewer": "amal"}).raise_for_status()
    subprocess.run([sys.executable, "-m", "rasd", "merge", "--db", str(server.db)], check=True, capture_output=True)
    after = httpx.get(f"{server.url}/api/events/{merged['id']}").json()
    assert after["record"]["location"] == "Ar-Raqqa city"
    assert after["review"]["corrected"] is True and len(after["audit"]) >= 1


def test_extract_posted_text(server: Server) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    stored_before = httpx.get(server.url + "/api/meta").json()["counts"]
    response = httpx.post(server.url + "/api/extract", headers=server.auth, timeout=60,
                          json={"text": text, "published": "2026-11-20", "outlet": "test"})
    assert response.status_code == 200, response.text
    events = response.json()["events"]
    assert any(e["sub_event_type"] == "Air/drone strike" and e["actor1"] == "International Coalition" for e in events)
    for event in events:
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
    assert httpx.get(server.url + "/api/meta").json()["counts"] == stored_before  # nothing stored
    assert response.json()["outside_coverage"] is None


def test_extract_says_when_an_article_is_about_an_uncovered_country(server: Server) -> None:
    # ant-multisource:AL-internationalNews-1319-20180525 (dev pool, not gold): Yemen news
    text = ("شنَّ طيران تحالف دعم الشرعية في اليمن، فجر اليوم الجمعة، غارات على تعزيزات للميليشيات الحوثية "
            "في مديرية التحيتا في محافظة #الحديدة.")
    response = httpx.post(server.url + "/api/extract", headers=server.auth, timeout=60,
                          json={"text": text, "published": "2018-05-25"})
    assert response.status_code == 200, response.text
    assert response.json()["events"] == [] and response.json()["outside_coverage"] == "YE"


def test_ingest_stores_an_article_about_an_uncovered_country_with_the_country(server: Server) -> None:
    # ant-multisource:AL-internationalNews-1319-20180525 (dev pool, not gold): Yemen news
    text = ("شنَّ طيران تحالف دعم الشرعية في اليمن، فجر اليوم الجمعة، غارات على تعزيزات للميليشيات الحوثية "
            "في مديرية التحيتا في محافظة #الحديدة.")
    body = {"document": {"id": "api-yemen", "text": text, "published": "2018-05-25"}}
    for status in ("stored", "unchanged"):
        response = httpx.post(server.url + "/api/ingest", headers=server.auth, json=body, timeout=60)
        assert response.status_code == 201, response.text
        assert (response.json()["status"], response.json()["events"], response.json()["outside_coverage"]) == (status, [], "YE")
    stored = httpx.get(server.url + "/api/documents/api-yemen").json()
    assert stored["outside_coverage"] == "YE" and stored["text"] == text and stored["event_ids"] == []


def test_body_and_text_limits_are_413(server: Server) -> None:
    huge = httpx.post(server.url + "/api/extract", headers={**server.auth, "content-type": "application/json"},
                      content=b'{"text": "' + b"a" * 3_000_000 + b'"}')
    assert huge.status_code == 413 and "body" in huge.json()["detail"]
    long_text = httpx.post(server.url + "/api/extract", headers=server.auth, json={"text": "ق" * 200_001})
    assert long_text.status_code == 413 and "200000" in long_text.json()["detail"]


def test_ingest_a_posted_document_then_again(server: Server) -> None:
    text = ("قُتل أربعة مدنيين في قصف مدفعي لقوات النظام استهدف مدينة دوما في الغوطة الشرقية، "
            "يوم الأحد، بحسب ما أفاد الدفاع المدني.")
    body = {"document": {"id": "api-doc-1", "text": text, "published": "2018-03-12", "outlet": "Test Wire"}}
    first = httpx.post(server.url + "/api/ingest", headers=server.auth, json=body, timeout=60)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "stored"
    (event,) = first.json()["events"]
    assert event["location"] == "Douma" and event["fatalities"] == 4 and event["merged_id"]
    again = httpx.post(server.url + "/api/ingest", headers=server.auth, json=body, timeout=60)
    assert again.json()["status"] == "unchanged"
    stored = httpx.get(server.url + "/api/documents/api-doc-1").json()
    assert stored["text"] == text and stored["outlet"] == "Test Wire" and stored["event_ids"] == [event["id"]]
    assert first.json()["outside_coverage"] is None is again.json()["outside_coverage"] is stored["outside_coverage"]


def test_ingest_refuses_loopback_urls_without_the_flag(server: Server) -> None:
    response = httpx.post(server.url + "/api/ingest", headers=server.auth, json={"url": server.url + "/"})
    assert response.status_code == 422 and "127.0.0.1" in response.json()["detail"]
    both = httpx.post(server.url + "/api/ingest", headers=server.auth,
                      json={"url": "https://example.org/", "document": {"text": "x"}})
    assert both.status_code == 422


def test_openapi_document_lists_the_endpoints(server: Server) -> None:
    spec = httpx.get(server.url + "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/events.geojson", "/api/documents/{doc_id}",
            "/api/extract", "/api/ingest", "/api/meta"} <= set(spec["paths"])
    assert "patch" in spec["paths"]["/api/events/{event_id}"]


# In-process app: configurations that a running server cannot be switched to.

def test_reads_need_the_token_off_loopback(tmp_path: Path) -> None:
    from rasd.serve.app import Settings, create_app

    db = build_store(tmp_path)
    with TestClient(create_app(Settings(db_path=db, token="t", host="0.0.0.0")), base_url="http://127.0.0.1") as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/events", headers={"Authorization": "Bearer t"}).status_code == 200
    with TestClient(create_app(Settings(db_path=db, token=None)), base_url="http://127.0.0.1") as client:
        refused = client.patch("/api/events/1", json={"status": "confirmed", "reviewer": "x"},
                               headers={"Authorization": "Bearer anything"})
        assert refused.status_code == 403 and "RASD_TOKEN" in refused.json()["detail"]


def test_an_extraction_over_its_time_is_stopped(tmp_path: Path) -> None:
    from rasd.serve.app import Settings, create_app

    db = tmp_path / "empty.sqlite"
    settings = Settings(db_path=db, token="t", extract_seconds=0.05)  # less than starting the worker
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        slow = client.post("/api/extract", headers={"Authorization": "Bearer t"},
                           json={"text": SAMPLE.read_text(encoding="utf-8")})
        assert slow.status_code == 413 and "longer than 0.05 s" in slow.json()["detail"]
        settings.extract_seconds = 60  # a fresh worker replaces the killed one
        ok = client.post("/api/extract", headers={"Authorization": "Bearer t"},
                         json={"text": SAMPLE.read_text(encoding="utf-8"), "published": "2026-11-20"})
        assert ok.status_code == 200 and ok.json()["events"]


def test_a_foreign_database_is_refused_at_start(tmp_path: Path) -> None:
    foreign = tmp_path / "x.sqlite"
    foreign.write_bytes(b"not a database at all" * 10)
    result = subprocess.run([sys.executable, "-m", "rasd", "serve", "--db", str(foreign)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "not a SQLite database" in result.stderr


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css", "/docs"])
def test_the_page_and_its_assets_are_served_locally(server: Server, path: str) -> None:
    response = httpx.get(server.url + path)
    assert response.status_code == 200 and len(response.content) > 200
    if path == "/":
        assert "/static/app.js" in response.text and "http://" not in response.text.replace(server.url, "")
