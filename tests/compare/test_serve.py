"""`rasd serve --reference FILE`: a real server over a real store; the reference events
as GeoJSON, and each event's matched reference event in its detail."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.compare import serve_with_reference
from tests.serve.conftest import (
    Server,
    build_store,
    events_of,
    start_server,
    stop_server,
    strike_on_raqqa,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = serve_with_reference(tmp_path_factory.mktemp("serve-reference"))
    yield running
    stop_server(running)


def test_reference_layer_and_matches(site: Server) -> None:
    meta = httpx.get(site.url + "/api/meta").json()
    assert meta["reference"]["format"] == "ACLED" and meta["reference"]["events"] == 6
    layer = httpx.get(site.url + "/api/reference.geojson")
    assert layer.headers["content-type"].startswith("application/geo+json")
    features = {f["id"]: f for f in layer.json()["features"]}
    assert set(features) == {"SYR1001", "SYR1002", "SYR1003", "SYR1004", "IRQ90001", "IRQ90002"}
    raqqa = strike_on_raqqa(site)["id"]
    assert features["SYR1001"]["properties"]["matched_event"] == raqqa
    assert features["SYR1001"]["geometry"]["coordinates"] == [39.009, 35.95]
    assert all(features[k]["properties"]["matched_event"] is None for k in ("SYR1002", "SYR1003", "SYR1004"))
    detail = httpx.get(f"{site.url}/api/events/{raqqa}").json()
    match = detail["reference_match"]
    assert (match["id"], match["date"], match["days_apart"], match["place_rule"]) == ("SYR1001", "2018-03-09", 0, "distance")
    hasakah = next(e for e in events_of(site) if e["admin1"] == "Al-Hasakah")
    assert httpx.get(f"{site.url}/api/events/{hasakah['id']}").json()["reference_match"] is None


def test_a_correction_is_matched_again(site: Server) -> None:
    """Moving the 6 March strike to the 3rd makes it the reference's 3 March strike: the
    matching follows the store, not the state at start."""
    tuesday = next(e for e in events_of(site) if e["date"] == "2018-03-06")
    assert httpx.get(f"{site.url}/api/events/{tuesday['id']}").json()["reference_match"] is None
    fixed = httpx.patch(f"{site.url}/api/events/{tuesday['id']}", headers=site.auth,
                        json={"fields": {"date": "2018-03-03", "date_end": "2018-03-03"}, "reviewer": "tester"})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["reference_match"]["id"] == "SYR1003"
    features = {f["id"]: f for f in httpx.get(site.url + "/api/reference.geojson").json()["features"]}
    assert features["SYR1003"]["properties"]["matched_event"] == tuesday["id"]


def test_without_a_reference_file(tmp_path: Path) -> None:
    running = start_server(build_store(tmp_path))
    try:
        assert httpx.get(running.url + "/api/meta").json()["reference"] is None
        missing = httpx.get(running.url + "/api/reference.geojson")
        assert missing.status_code == 404 and "--reference" in missing.json()["detail"]
        raqqa = strike_on_raqqa(running)["id"]
        assert "reference_match" not in httpx.get(f"{running.url}/api/events/{raqqa}").json()
    finally:
        stop_server(running)


def test_a_bad_reference_file_stops_the_server(tmp_path: Path) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("id,text\n1,x\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "rasd", "serve", "--db", str(tmp_path / "s.sqlite"), "--reference",
                             str(bad), "--port", "1"], capture_output=True, env=dict(os.environ), timeout=60, check=False)
    assert result.returncode == 2 and f"{bad}: neither an ACLED export" in result.stderr.decode()
