"""Fetching URLs from a real HTTP server on 127.0.0.1: pages and feeds with
allow_private=True, the same URLs refused without it (before any request reaches the
server), every redirect hop checked, and the size, type, status and time limits.

No test connects anywhere but 127.0.0.1: the addresses that must be refused are refused
before a socket is opened, and tests check that with a backend that records connects.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import httpcore
import httpx
import pytest

from rasd.ingest import BadInput, Skipped, read_path, urls
from rasd.model import Document

BODY = ("قالت مصادر أهلية إن مجهولين أطلقوا النار على مختار قرية الزيتون في الريف الجنوبي مساء الجمعة، "
        "ما أدى إلى مقتله على الفور، ولم تتبنَّ أي جهة العملية حتى الآن.")
PAGE = (f"<html><head><meta charset='utf-8'><title>اغتيال مختار</title>"
        f"<meta property='og:site_name' content='موقع محلي'></head>"
        f"<body><article><h1>اغتيال مختار</h1><p>{BODY}</p></article></body></html>").encode()
ENGLISH = (b"<html><body><article><p>The city council approved a new budget for parks and libraries "
           b"after a long debate on Thursday evening.</p></article></body></html>")
FEED = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موقع محلي</title>
<item><title>اغتيال مختار</title><guid>local-1</guid><link>/a/1</link>
<pubDate>Fri, 05 May 2023 21:10:00 +0300</pubDate><description>{BODY}</description></item>
</channel></rss>""".encode()
BOMB = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><description>&b;</description></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.seen.append(self.path)
        if self.path == "/slow":
            time.sleep(1.5)
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers and self.path != "/no-length":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as the size and time limits make it do

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = {"Content-Type": "text/html; charset=utf-8"}
    Handler.routes = {
        "/article": (200, html, PAGE),
        "/english": (200, html, ENGLISH),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, FEED),
        "/bomb": (200, {"Content-Type": "application/xml"}, BOMB),
        "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, BODY.encode()),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
        "/big": (200, html, b"<p>" + "نص ".encode() * 5000 + b"</p>"),
        "/no-length": (200, html, b"<p>" + "نص ".encode() * 5000 + b"</p>"),
        "/go": (302, {"Location": "/article"}, b""),
        "/go-twice": (301, {"Location": f"{base}/go"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-other-loopback": (302, {"Location": f"http://127.0.0.2:{httpd.server_address[1]}/article"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/slow": (200, html, PAGE),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def fetch_all(url: str, **kwargs: object) -> list[Document | BadInput]:
    return list(read_path(url, **kwargs))  # type: ignore[arg-type]


def test_page_with_allow_private(server: str) -> None:
    [doc] = fetch_all(f"{server}/article", allow_private=True)
    assert isinstance(doc, Document)
    assert (doc.id, doc.url, doc.text, doc.title, doc.outlet) == (
        f"{server}/article", f"{server}/article", BODY, "اغتيال مختار", "موقع محلي")


def test_same_url_refused_without_it(server: str) -> None:
    Handler.seen.clear()
    [error] = fetch_all(f"{server}/article")
    assert isinstance(error, BadInput) and error.source == f"{server}/article"
    assert error.problem.startswith("refused:") and "loopback" in error.problem
    assert Handler.seen == []  # refused before any request was sent


def test_hostname_resolving_to_loopback_is_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    [error] = fetch_all(f"http://localhost:{port}/article")
    assert isinstance(error, BadInput) and "loopback" in error.problem


def test_feed(server: str) -> None:
    [doc] = fetch_all(f"{server}/feed", allow_private=True)
    assert isinstance(doc, Document) and doc.id == "local-1" and doc.text == BODY
    assert str(doc.published) == "2023-05-05"


def test_plain_text(server: str) -> None:
    [doc] = fetch_all(f"{server}/plain", allow_private=True)
    assert isinstance(doc, Document) and doc.text == BODY and doc.id == f"{server}/plain"


def test_xml_bomb_by_url(server: str) -> None:
    [error] = fetch_all(f"{server}/bomb", allow_private=True)
    assert isinstance(error, BadInput) and error.source == f"{server}/bomb" and "XML bomb" in error.problem


def test_english_page_skipped(server: str) -> None:
    [item] = fetch_all(f"{server}/english", allow_private=True)
    assert isinstance(item, Skipped) and item.source == f"{server}/english"


def test_redirects_are_followed(server: str) -> None:
    [doc] = fetch_all(f"{server}/go-twice", allow_private=True)
    assert isinstance(doc, Document)
    assert doc.id == f"{server}/go-twice" and doc.url == f"{server}/article" and doc.text == BODY


@pytest.mark.parametrize(("path", "problem"), [
    ("/image", "unsupported content type 'image/png'"),
    ("/missing", "HTTP 404"),
    ("/loop", "too many redirects"),
    ("/to-file", "refused: redirected to file:"),
])
def test_refusals(server: str, path: str, problem: str) -> None:
    [error] = fetch_all(f"{server}{path}", allow_private=True)
    assert isinstance(error, BadInput) and error.source == f"{server}{path}"
    assert error.problem.startswith(problem), error.problem


@pytest.mark.parametrize("path", ["/big", "/no-length"])  # announced size, then streamed size
def test_size_limit(server: str, path: str) -> None:
    [error] = fetch_all(f"{server}{path}", allow_private=True, max_bytes=4000)
    assert isinstance(error, BadInput) and error.problem.startswith("too large")
    [doc] = fetch_all(f"{server}{path}", allow_private=True)
    assert isinstance(doc, Document)


def test_timeout(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls, "TIMEOUT", httpx.Timeout(0.3))
    [error] = fetch_all(f"{server}/slow", allow_private=True)
    assert isinstance(error, BadInput) and error.problem.startswith("timed out")


def test_every_redirect_hop_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 passes as public here; its redirect to 127.0.0.2 must still be vetted."""
    real = urls.refusal
    monkeypatch.setattr(urls, "refusal", lambda address, allow: None if str(address) == "127.0.0.1"
                        else real(address, allow))
    Handler.seen.clear()
    [error] = fetch_all(f"{server}/to-other-loopback")
    assert isinstance(error, BadInput) and "127.0.0.2" in error.problem and "loopback" in error.problem
    assert Handler.seen == ["/to-other-loopback"]  # the first hop went through, the second never left


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.10.10", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
])
def test_non_public_addresses_are_refused(address: str) -> None:
    assert urls.refusal(ipaddress.ip_address(address), allow_private=False)


def test_public_addresses_pass_and_allow_private_relaxes() -> None:
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"):  # values only, never contacted
        assert urls.refusal(ipaddress.ip_address(address), allow_private=False) is None
    assert urls.refusal(ipaddress.ip_address("10.1.2.3"), allow_private=True) is None
    assert urls.refusal(ipaddress.ip_address("127.0.0.1"), allow_private=True) is None
    for metadata in ("169.254.169.254", "fd00:ec2::254"):  # never, even with the flag
        assert "metadata" in (urls.refusal(ipaddress.ip_address(metadata), allow_private=True) or "")


def test_backend_refuses_before_connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    connects: list[str] = []

    def record(self: object, host: str, port: int, *args: object, **kwargs: object) -> None:
        connects.append(host)
        raise httpcore.ConnectError("recorded, not connected")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", record)
    for backend, host in ((urls.GuardedBackend(allow_private=True), "169.254.169.254"),
                          (urls.GuardedBackend(allow_private=False), "10.0.0.1"),
                          (urls.GuardedBackend(allow_private=False), "localhost")):
        with pytest.raises(urls.Refused):
            backend.connect_tcp(host, 80)
    assert connects == []
    with pytest.raises(httpcore.ConnectError):  # allowed: it reaches the (recording) socket layer
        urls.GuardedBackend(allow_private=True).connect_tcp("127.0.0.1", 9)
    assert connects == ["127.0.0.1"]


def test_metadata_redirect_refused_even_with_allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end through httpx, with the socket layer recording instead of connecting."""
    connects: list[str] = []

    def record(self: object, host: str, port: int, *args: object, **kwargs: object) -> None:
        connects.append(host)
        raise httpcore.ConnectError("recorded, not connected")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", record)
    [error] = fetch_all("http://169.254.169.254/latest/meta-data/", allow_private=True)
    assert isinstance(error, BadInput) and "metadata" in error.problem and connects == []


def test_addresses_embedding_private_ipv4_are_refused() -> None:
    import ipaddress

    from rasd.ingest.urls import refusal

    for text in ("::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "64:ff9b::a9fe:a9fe"):
        assert refusal(ipaddress.ip_address(text), allow_private=False), text
    assert "metadata" in refusal(ipaddress.ip_address("64:ff9b::a9fe:a9fe"), allow_private=True)


def test_a_malformed_url_is_an_input_error_not_a_crash() -> None:
    from rasd.ingest.files import BadInput
    from rasd.ingest.urls import fetch

    result = fetch("http://[::1", allow_private=False, max_bytes=1000)
    assert isinstance(result, BadInput) and "cannot fetch" in result.problem
