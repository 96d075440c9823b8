"""Real servers on 127.0.0.1 for the watch and alerts tests and the latency bench: a feed
site (RSS with ETag/Last-Modified and 304s, a redirect, a slow and a failing feed,
robots.txt), a webhook receiver that checks the HMAC signature, and an SMTP server
(aiosmtpd) that requires STARTTLS and a login."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import gzip
import hashlib
import html
import json
import os
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("RASD_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
CORPUS = SHARED / "data" / "corpus"


def corpus_articles(ids: list[str]) -> dict[str, dict[str, Any]]:
    """Corpus records by id (only ids listed in dev_pool.txt: the tests' pool)."""
    pool = set((CORPUS / "dev_pool.txt").read_text(encoding="utf-8").split())
    missing = [i for i in ids if i not in pool]
    assert not missing, f"not in dev_pool.txt: {missing}"
    wanted, found = set(ids), {}
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if not any(i in line[:200] for i in wanted - set(found)):
                    continue
                record = json.loads(line)
                if record["id"] in wanted:
                    found[record["id"]] = record
        if len(found) == len(wanted):
            break
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the feed site --------------------------------------------------------------------

def rss(title: str, items: list[dict[str, Any]], base: str) -> bytes:
    entries = []
    for it in items:
        published = dt.datetime.fromisoformat(str(it.get("published") or "2018-01-01")[:10]).replace(
            hour=12, tzinfo=dt.timezone.utc)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in it["text"].split("\n") if p.strip())
        link = it.get("link") or f"{base}/articles/{hashlib.sha1(it['id'].encode()).hexdigest()[:12]}.html"
        entries.append(
            f"<item><title>{html.escape(it.get('title') or '')}</title><link>{html.escape(link)}</link>"
            f"<guid isPermaLink=\"false\">{html.escape(it['id'])}</guid>"
            f"<pubDate>{format_datetime(published)}</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" "
            "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
            f"<title>{html.escape(title)}</title><link>{base}/</link><description>test feed</description>"
            + "".join(entries) + "</channel></rss>").encode()


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]
    at: float


@dataclass
class FeedSite:
    """What the feed server serves; tests change it while it runs."""

    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # path → items
    titles: dict[str, str] = field(default_factory=dict)
    changed: dict[str, float] = field(default_factory=dict)  # path → when its items last changed
    redirects: dict[str, str] = field(default_factory=dict)
    slow: dict[str, float] = field(default_factory=dict)  # path → seconds before answering
    failing: set[str] = field(default_factory=set)
    robots: str = "User-agent: *\nDisallow: /private/\n"
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, path: str, item: dict[str, Any], title: str | None = None) -> float:
        """Add an item to the top of a feed; returns when (time.time()) it appeared."""
        with self.lock:
            self.feeds.setdefault(path, []).insert(0, item)
            if title:
                self.titles[path] = title
            self.changed[path] = time.time()
            return self.changed[path]

    def requests(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]


def _feed_handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            # recorded before the answer goes out: a client that has read it (an empty 304
            # is read at once) must find its request in the log
            with site.lock:
                site.hits.append(Hit(self.path, status, dict(self.headers.items()), time.time()))
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            if path in site.slow:
                time.sleep(site.slow[path])
            if path == "/robots.txt":
                return self._send(200, site.robots.encode(), {"Content-Type": "text/plain"})
            if path in site.failing:
                return self._send(500, b"broken", {"Content-Type": "text/plain"})
            if path in site.redirects:
                return self._send(301, b"", {"Location": site.redirects[path]})
            with site.lock:
                items = list(site.feeds.get(path, [])) if path in site.feeds else None
                changed = site.changed.get(path, 0.0)
                title = site.titles.get(path, "Test outlet")
            if items is None:
                return self._send(404, b"not found", {"Content-Type": "text/plain"})
            host = self.headers.get("Host", "127.0.0.1")
            body = rss(title, items, f"http://{host}")
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            modified = format_datetime(dt.datetime.fromtimestamp(int(changed) or 1, dt.timezone.utc), usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified}
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", headers)
            return self._send(200, body, {"Content-Type": "application/rss+xml; charset=utf-8", **headers})

    return Handler


class Server:
    """A ThreadingHTTPServer on 127.0.0.1 in a thread."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def feed_server(site: FeedSite) -> Server:
    return Server(_feed_handler(site))


def running_feed_site() -> Iterator[tuple[FeedSite, Server]]:
    """A feed site and its server for one test (a fixture body: yields, then closes)."""
    feeds = FeedSite()
    server = feed_server(feeds)
    yield feeds, server
    server.close()


# --- the webhook receiver -------------------------------------------------------------

@dataclass
class Received:
    key: str
    body: dict[str, Any]
    valid: bool
    at: float


@dataclass
class Receiver:
    """Checks each POST's signature like a real receiver; ``fail`` answers 500 that many
    times first; ``delay`` holds each answer."""

    secret: str
    fail: int = 0
    delay: float = 0.0
    got: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def valid(self) -> list[Received]:
        with self.lock:
            return [r for r in self.got if r.valid]

    def keys(self) -> list[str]:
        return [r.key for r in self.valid]


def webhook_server(receiver: Receiver) -> Server:
    from rasd.alerts.deliver import verify

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if receiver.delay:
                time.sleep(receiver.delay)
            with receiver.lock:
                failing = receiver.fail > 0
                if failing:
                    receiver.fail -= 1
            status = 500
            if not failing:
                ok = verify(receiver.secret, self.headers.get("X-Rasd-Timestamp", ""), raw,
                            self.headers.get("X-Rasd-Signature", ""))
                with receiver.lock:
                    receiver.got.append(Received(self.headers.get("X-Rasd-Delivery", ""), json.loads(raw), ok,
                                                 time.time()))
                status = 200 if ok else 401
            body = b"{}"
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Server(Handler)


# --- the SMTP server --------------------------------------------------------------------

def make_cert(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    return cert, key


@dataclass
class Mail:
    sender: str
    to: list[str]
    message: email.message.EmailMessage
    tls: bool
    user: str | None
    at: float


class SMTPServer:
    """aiosmtpd on 127.0.0.1 requiring STARTTLS before anything and a login."""

    def __init__(self, folder: Path, user: str = "rasd", password: str = "s3cret") -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        self.cert, key = make_cert(folder)
        self.user, self.password = user, password
        self.mails: list[Mail] = []
        self.lock = threading.Lock()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, key)
        outer = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                message = email.message_from_bytes(envelope.original_content or envelope.content,
                                                   policy=email.policy.default)
                with outer.lock:
                    outer.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), message,  # type: ignore[arg-type]
                                            session.ssl is not None, getattr(session, "auth_data", None), time.time()))
                return "250 OK"

        def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, tls_context=context,
                                     require_starttls=True, authenticator=authenticate, auth_require_tls=True)
        self.controller.start()

    def env(self) -> dict[str, str]:
        return {"RASD_SMTP_HOST": "127.0.0.1", "RASD_SMTP_PORT": str(self.port), "RASD_SMTP_USER": self.user,
                "RASD_SMTP_PASSWORD": self.password, "RASD_SMTP_FROM": "alerts@rasd.test",
                "RASD_SMTP_CAFILE": str(self.cert)}

    def received(self) -> list[Mail]:
        with self.lock:
            return list(self.mails)

    def close(self) -> None:
        self.controller.stop()
