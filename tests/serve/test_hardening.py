"""The server's edges, on a real `rasd serve`: the Host check against DNS rebinding,
JSON 4xx for bodies that cannot be used, security headers on every response, Swagger UI
served from local files, half-open connections closed, and 127.0.0.2 taken as loopback."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from rasd.serve.limits import HEADER_TIMEOUT
from tests.serve.conftest import Server, _free_port, build_store, start_server, stop_server, strike_on_raqqa


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(build_store(tmp_path_factory.mktemp("edges")), "--allowed-host", "rasd.lan")
    yield running
    stop_server(running)


def port_of(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def test_a_foreign_host_header_is_refused(site: Server) -> None:
    """A page on evil.example rebound to 127.0.0.1 sends its own name as Host."""
    for path in ("/api/events", "/api/meta", "/", "/api/events/1", "/openapi.json"):
        refused = httpx.get(site.url + path, headers={"Host": f"evil.example:{port_of(site)}"})
        assert refused.status_code == 400, path
        assert "DNS rebinding" in refused.json()["detail"] and "evil.example" in refused.json()["detail"]
    refused = httpx.patch(site.url + "/api/events/1", headers={**site.auth, "Host": "evil.example"},
                          json={"status": "rejected", "reviewer": "x"})
    assert refused.status_code == 400
    port = port_of(site)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "rasd.lan", f"RASD.lan:{port}"):
        assert httpx.get(site.url + "/api/meta", headers={"Host": host}).status_code == 200, host


def test_bodies_that_cannot_be_used_get_a_json_4xx(site: Server) -> None:
    event_id = strike_on_raqqa(site)["id"]
    url = f"{site.url}/api/events/{event_id}"
    headers = {**site.auth, "Content-Type": "application/json"}
    cases = [
        ("PATCH", url, b'{"reviewer": "x\\ud800", "status": "confirmed"}'),
        ("PATCH", url, b'{"reviewer": "x", "fields": {"notes": "\\udfff"}}'),
        ("PATCH", url, b'{"reviewer": "x", "fields": {"fatalities": 1e30}}'),
        ("PATCH", url, b'{"reviewer": "x", "fields": {"fatalities": -1e30}}'),
        ("PATCH", url, b'{"reviewer": "x", "fields": {"latitude": NaN}}'),
        ("PATCH", url, b'{"reviewer": "x", "fields": {"fatalities": 99999999999999999999999}}'),
        ("PATCH", url, b'{"reviewer": "\xff\xfe", "status": "confirmed"}'),
        ("POST", site.url + "/api/extract", b'{"text": "\\ud800 \xd9\x82\xd8\xaa\xd9\x84"}'),
        ("POST", site.url + "/api/ingest", b'{"document": {"id": "\\ud83d", "text": "x"}}'),
        ("POST", site.url + "/api/extract", b"[" * 50_000 + b"]" * 50_000),
    ]
    for method, target, body in cases:
        answer = httpx.request(method, target, content=body, headers=headers)
        assert 400 <= answer.status_code < 500, (body[:60], answer.status_code, answer.text[:200])
        assert "detail" in answer.json(), body[:60]
    # nothing was written, and the server is still well
    assert httpx.get(url).json()["review"]["status"] == "unreviewed"


def test_every_response_carries_the_security_headers(site: Server) -> None:
    answers = [httpx.get(site.url + p) for p in ("/", "/api/meta", "/static/app.js", "/docs", "/api/events/999999",
                                                  "/openapi.json", "/docs-assets/swagger-ui.css")]
    answers.append(httpx.get(site.url + "/api/meta", headers={"Host": "evil.example"}))
    answers.append(httpx.post(site.url + "/api/extract", json={"text": "x"}))  # 401
    for answer in answers:
        csp = answer.headers.get("content-security-policy", "")
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, \
            answer.url
        assert "unsafe-inline" not in csp
        assert answer.headers.get("x-frame-options") == "DENY"
        assert answer.headers.get("x-content-type-options") == "nosniff"


def test_docs_are_served_from_local_files(site: Server) -> None:
    page = httpx.get(site.url + "/docs")
    assert page.status_code == 200
    assert not re.search(r"(https?:)?//", page.text), "the /docs page references an external URL"
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/docs-assets/swagger-ui-bundle.js" in assets and "/docs-assets/swagger-ui.css" in assets
    for asset in assets:
        assert httpx.get(site.url + asset).status_code == 200, asset
    assert httpx.get(site.url + "/redoc").status_code == 404  # it would load from a CDN


def _closed_within(sock: socket.socket, seconds: float) -> float | None:
    """Seconds until the server closes ``sock`` (None if it is still open after ``seconds``)."""
    started = time.monotonic()
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except (socket.timeout, TimeoutError):
        return None
    except ConnectionResetError:
        pass
    return time.monotonic() - started


def test_half_open_connections_are_closed(site: Server) -> None:
    port = port_of(site)
    half = []
    for i in range(60):  # connected and silent, or stalled inside the request's headers
        sock = socket.create_connection(("127.0.0.1", port))
        if i % 2:
            sock.sendall(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        half.append(sock)
    started = time.monotonic()
    try:
        for sock in half:
            assert _closed_within(sock, HEADER_TIMEOUT + 5 - (time.monotonic() - started)) is not None
    finally:
        for sock in half:
            sock.close()
    assert time.monotonic() - started < HEADER_TIMEOUT + 5
    # a keep-alive connection that stalls in its second request's headers is closed too
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        time.sleep(0.5)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert _closed_within(sock, HEADER_TIMEOUT + 5) is not None
    # and the server still answers
    assert httpx.get(site.url + "/api/meta").status_code == 200


def test_all_of_127_0_0_0_8_is_loopback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = build_store(tmp_path)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "RASD_TOKEN"}
    process = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db), "--host", "127.0.0.2",
                                "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and status is None and process.poll() is None:
            try:
                status = httpx.get(f"http://127.0.0.2:{port}/api/events", timeout=2).status_code
            except httpx.TransportError:
                time.sleep(0.2)
        assert status == 200  # reads are open on loopback, without a token
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=15)
    assert b"not on loopback" not in stderr, stderr.decode()
