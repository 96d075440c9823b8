"""Fetching articles and feeds by URL, defensively: a URL list may come from anyone, and a
fetch must not become a way to reach the machine's own services (SSRF) or to exhaust it.

* Every connection, the first and each redirect hop, goes through ``GuardedBackend``,
  which resolves the host itself, refuses the whole answer if any address is loopback,
  private, link-local, unique-local, unspecified, multicast or otherwise not public, and
  then connects to the address it checked. Checking the address actually connected to
  (not a separate lookup before the request) leaves no gap for DNS rebinding.
* Cloud metadata addresses are refused even with ``allow_private``: no news is there, and
  that flag exists for a local test server or an intranet mirror.
* Redirects are followed by hand (at most ``MAX_REDIRECTS``), each hop only to http(s).
* Timeouts: connect 10 s, each read 30 s, and ``TOTAL_SECONDS`` for the whole body so a
  server that drips a byte at a time cannot hold the batch.
* The body is streamed and cut at ``max_bytes`` (after decompression: a gzip bomb is
  caught too), and only HTML, feed/XML and plain-text content types are accepted.
* No proxy from the environment (``trust_env=False``): the checks are about the address
  rasd connects to, which a proxy would hide.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import httpcore
import httpx

from rasd.errors import InputError
from rasd.ingest.files import BadInput, documents_from_bytes
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.files import Options

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=10.0, pool=10.0)
TOTAL_SECONDS = 90.0
MAX_REDIRECTS = 5
USER_AGENT = "rasd/0.1 (Arabic conflict news event extraction)"
#: Content types rasd can read, and how (``other`` lets the bytes decide: XML can be a
#: feed or XHTML).
KINDS = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "other", "text/xml": "other",
    "text/plain": "text",
}
#: Instance metadata services (AWS/GCP/Azure/OpenStack, AWS IPv6, Alibaba): refused always.
METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "fd00:ec2::254", "100.100.100.200"))


class Refused(InputError):
    """A connection the SSRF policy does not allow (raised before any byte is sent)."""

    def __init__(self, host: str, address: IPAddress, why: str) -> None:
        same = host.strip("[]") == str(address)
        super().__init__(f"{host} is {why}" if same else f"{host} resolves to {address}, {why}")
        self.host, self.address, self.why = host, address, why


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_6TO4 = ipaddress.ip_network("2002::/16")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4): it is what a
    gateway connects to, so it is what must be checked."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if any(address in net for net in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _6TO4:
        return address.sixtofour
    return None


def refusal(address: IPAddress, allow_private: bool) -> str | None:
    """Why rasd must not connect to ``address``, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            address = embedded  # ::ffff:127.0.0.1, 64:ff9b::7f00:1, 2002:7f00:1:: are 127.0.0.1
    if address in METADATA:
        return "a cloud metadata address (always refused)"
    if allow_private:
        return None
    for why, hit in (("a loopback address", address.is_loopback),
                     ("an unspecified address", address.is_unspecified),
                     ("a link-local address", address.is_link_local),
                     ("a multicast address", address.is_multicast),
                     ("a private or unique-local address", address.is_private),
                     ("a reserved address", address.is_reserved),
                     ("not a public address", not address.is_global)):
        if hit:
            return why
    return None


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving and vetting every address before connecting."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host} ({exc})") from exc
        addresses = list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))
        for address in addresses:  # all of them: a mixed answer is a rebinding trick
            why = refusal(address, self.allow_private)
            if why:
                raise Refused(host, address, why)
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over ``GuardedBackend``. httpx 0.28 takes no network backend, so
    its connection pool is replaced by an equivalent one that has it (tests/ingest/
    test_urls.py fails if this stops being the pool httpx uses)."""

    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=GuardedBackend(allow_private))


@dataclass(frozen=True)
class Fetched:
    """A body rasd accepted, with what it needs to read it."""

    url: str
    kind: str
    charset: str | None
    data: bytes


def fetch(url: str, *, allow_private: bool = False, max_bytes: int) -> Fetched | BadInput:
    """GET ``url`` under the rules of this module; a BadInput names ``url`` otherwise."""
    started = time.monotonic()
    current = url
    try:
        with httpx.Client(transport=GuardedTransport(allow_private), timeout=TIMEOUT,
                          follow_redirects=False, trust_env=False,
                          headers={"User-Agent": USER_AGENT}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                if httpx.URL(current).scheme not in ("http", "https"):
                    where = "" if current == url else f"redirected to {current}, "
                    return BadInput(url, f"refused: {where}not an http(s) URL")
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            return BadInput(url, f"HTTP {response.status_code} redirect without a Location")
                        current = str(response.url.join(location))
                        continue
                    return _body(url, response, max_bytes, started)
            return BadInput(url, f"too many redirects (more than {MAX_REDIRECTS})")
    except Refused as exc:
        hint = "" if "metadata" in exc.why else "; allow_private=True permits it"
        return BadInput(url, f"refused: {exc} (SSRF protection{hint})")
    except httpx.TimeoutException as exc:
        return BadInput(url, f"timed out ({exc.__class__.__name__})")
    except httpx.HTTPError as exc:
        return BadInput(url, f"cannot fetch ({exc.__class__.__name__}: {exc})")
    except (OSError, ValueError, httpx.InvalidURL) as exc:  # InvalidURL is not an HTTPError
        return BadInput(url, f"cannot fetch ({exc.__class__.__name__}: {exc})")


def _body(url: str, response: httpx.Response, max_bytes: int, started: float) -> Fetched | BadInput:
    if not response.is_success:
        return BadInput(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";")[0].strip().lower()
    if mime not in KINDS:
        return BadInput(url, f"unsupported content type {mime or '(none)'!r}: "
                               "rasd reads HTML, RSS/Atom/XML and plain text")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return BadInput(url, f"too large ({int(declared):,} bytes; the limit is {max_bytes:,}, set by max_bytes)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return BadInput(url, f"too large (more than {max_bytes:,} bytes, the limit set by max_bytes)")
        if time.monotonic() - started > TOTAL_SECONDS:
            return BadInput(url, f"timed out (the whole fetch took more than {TOTAL_SECONDS:.0f} s)")
        chunks.append(chunk)
    return Fetched(str(response.url), KINDS[mime], response.charset_encoding, b"".join(chunks))


def read_url(url: str, opts: Options) -> Iterator[Document | BadInput]:
    """Documents of one URL: a page (id = the URL given), or each item of a feed."""
    fetched = fetch(url, allow_private=opts.allow_private, max_bytes=opts.max_bytes)
    if isinstance(fetched, BadInput):
        yield fetched
        return
    yield from documents_from_bytes(fetched.data, url, url, fetched.kind, opts,
                                    charset=fetched.charset, url=fetched.url)
