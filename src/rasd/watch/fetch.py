"""Polite, guarded HTTP for the watcher: conditional GET (ETag / Last-Modified), robots.txt,
and a least delay between two requests to one host.

Every request goes through ``rasd.ingest.urls``: its SSRF-guarded transport (loopback,
private and metadata addresses refused unless ``allow_private``), its redirect rules and
its body checks (content type, size limit after decompression, total time).
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass

import httpx

from rasd.ingest import urls
from rasd.ingest.files import BadInput

log = logging.getLogger("rasd.watch")

ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 300.0  # a robots.txt that could not be read is asked again after this
AGENT_TOKEN = "rasd"
REDIRECTS = {301, 302, 303, 307, 308}  # not 304: "not modified" is an answer  # the product token robots.txt rules name


@dataclass(frozen=True)
class Response:
    """A fetched body (status 200) or a "not modified" answer (status 304)."""

    url: str
    status: int
    data: bytes = b""
    kind: str = "other"
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


_CLIENTS: dict[bool, httpx.Client] = {}
_CLIENTS_LOCK = threading.Lock()


def client(allow_private: bool) -> httpx.Client:
    """One guarded client per policy for the life of the process (thread-safe; its TLS
    context and kept-alive connections are reused, which a new client per request is not)."""
    with _CLIENTS_LOCK:
        found = _CLIENTS.get(allow_private)
        if found is None or found.is_closed:
            found = _CLIENTS[allow_private] = httpx.Client(
                transport=urls.GuardedTransport(allow_private), timeout=urls.TIMEOUT, follow_redirects=False,
                trust_env=False, headers={"User-Agent": urls.USER_AGENT})
        return found


def timeout(seconds: float) -> httpx.Timeout:
    return httpx.Timeout(seconds, connect=min(seconds, 10.0))


def _redirects(client: httpx.Client, url: str, headers: dict[str, str], seconds: float):
    """Yield streamed responses along the redirect chain (urls.fetch's rules); the last
    one yielded is the final answer. A BadInput instead when the chain is refused."""
    current = url
    for _ in range(urls.MAX_REDIRECTS + 1):
        if httpx.URL(current).scheme not in ("http", "https"):
            return BadInput(url, f"refused: redirected to {current}, not an http(s) URL")
        with client.stream("GET", current, headers=headers, timeout=timeout(seconds)) as response:
            if response.status_code in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    return BadInput(url, f"HTTP {response.status_code} redirect without a Location")
                current = str(response.url.join(location))
                continue
            return (yield response)
    return BadInput(url, f"too many redirects (more than {urls.MAX_REDIRECTS})")


def _guarded(url: str, call):
    """Run ``call`` and turn every transport failure into a BadInput naming ``url``."""
    try:
        return call()
    except urls.Refused as exc:
        hint = "" if "metadata" in exc.why else "; --allow-private permits it"
        return BadInput(url, f"refused: {exc} (SSRF protection{hint})")
    except httpx.TimeoutException as exc:
        return BadInput(url, f"timed out ({exc.__class__.__name__})")
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        return BadInput(url, f"cannot fetch ({exc.__class__.__name__}: {exc})")


def conditional_get(url: str, *, etag: str | None = None, last_modified: str | None = None,
                    allow_private: bool = False, max_bytes: int = 10 * 1024 * 1024,
                    seconds: float = 30.0) -> Response | BadInput:
    """GET ``url``, sending the validators of the last answer: a 304 comes back as
    ``Response(status=304)``, anything else as urls.fetch would return it."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    def run() -> Response | BadInput:
        started = time.monotonic()
        chain = _redirects(client(allow_private), url, headers, seconds)
        try:
            response = next(chain)
        except StopIteration as stop:
            return stop.value
        try:
            if response.status_code == 304:
                return Response(str(response.url), 304, etag=response.headers.get("etag") or etag,
                                last_modified=response.headers.get("last-modified") or last_modified)
            body = urls._body(url, response, max_bytes, started)
            if isinstance(body, BadInput):
                return body
            return Response(body.url, response.status_code, body.data, body.kind, body.charset,
                            response.headers.get("etag"), response.headers.get("last-modified"))
        finally:
            chain.close()

    return _guarded(url, run)


class Pacer:
    """The least ``delay`` between two requests to one host, across threads: each caller
    books the next free slot of its host and sleeps until it comes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_slot: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> float:
        with self.lock:
            now = time.monotonic()
            slot = max(now, self.next_slot.get(host, 0.0))
            self.next_slot[host] = slot + delay
        if slot > now:
            time.sleep(slot - now)
        return slot - now


class Robots:
    """robots.txt per scheme and host, fetched once a day through the guarded client.
    As RFC 9309 says: a 4xx (no file) allows everything; a 5xx or an unreachable host
    disallows everything until the next try."""

    def __init__(self, allow_private: bool, pacer: Pacer) -> None:
        self.allow_private, self.pacer = allow_private, pacer
        self.lock = threading.Lock()
        self.cache: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None, str]] = {}
        self.loading: dict[str, threading.Lock] = {}

    def _load(self, origin: str, delay: float, seconds: float) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        url = origin + "/robots.txt"
        self.pacer.wait(httpx.URL(origin).host, delay)

        def run() -> tuple[urllib.robotparser.RobotFileParser | None, str]:
            chain = _redirects(client(self.allow_private), url, {}, seconds)
            try:
                response = next(chain)
            except StopIteration as stop:
                bad: BadInput = stop.value
                return None, f"robots.txt: {bad.problem}"
            try:
                if 400 <= response.status_code < 500:
                    return None, ""  # no robots.txt: everything allowed
                if response.status_code != 200:
                    return None, f"robots.txt answered HTTP {response.status_code}: nothing fetched from this host"
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > ROBOTS_MAX_BYTES:
                        break
                parser = urllib.robotparser.RobotFileParser(url)
                parser.parse(data[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
                return parser, ""
            finally:
                chain.close()

        result = _guarded(url, run)
        if isinstance(result, BadInput):
            return None, f"robots.txt: {result.problem}"
        return result

    def check(self, url: str, delay: float, seconds: float) -> tuple[str | None, float]:
        """(why ``url`` must not be fetched or None, the host's Crawl-delay or 0)."""
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        with self.lock:
            loading = self.loading.setdefault(origin, threading.Lock())
        with loading:  # one fetch of a host's robots.txt, however many of its sources ask at once
            with self.lock:
                cached = self.cache.get(origin)
            if cached is None or time.monotonic() - cached[0] > (ROBOTS_RETRY if cached[2] else ROBOTS_TTL):
                parser, problem = self._load(origin, delay, seconds)
                cached = (time.monotonic(), parser, problem)
                with self.lock:
                    self.cache[origin] = cached
                if problem:
                    log.warning("%s: %s", origin, problem)
        _, parser, problem = cached
        if problem:
            return problem, 0.0
        if parser is None:
            return None, 0.0
        if not parser.can_fetch(AGENT_TOKEN, url):
            return "disallowed by robots.txt", 0.0
        crawl = parser.crawl_delay(AGENT_TOKEN)
        return None, float(crawl or 0.0)
