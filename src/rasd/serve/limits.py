"""Request body limit as ASGI middleware, answering with the API's JSON error body.

Checked on the declared length before the app runs, and on the bytes actually received
for chunked bodies that declare none (raised as a 413 HTTPException from ``receive``,
which the app turns into its usual JSON error). FastAPI's own ``max_body_size`` answers
in plain text, which API clients cannot parse like every other error.
"""

from __future__ import annotations

import ipaddress
import json
from typing import Any, Awaitable, Callable

from starlette.exceptions import HTTPException

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodySizeLimit:
    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    @property
    def problem(self) -> str:
        return f"request body larger than {self.max_bytes} bytes"

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": self.problem}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, self.problem)
            return message

        await self.app(scope, counted, send)


def _host_name(value: bytes) -> str:
    """The name in a Host header, without its port: "[::1]:8000" → "::1"."""
    text = value.decode("latin-1").strip().lower()
    if text.startswith("["):
        return text[1:text.find("]")] if "]" in text else text
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


class HostCheck:
    """DNS rebinding protection: a request whose Host header is not a name this server is
    served under gets a JSON 400. A page on evil.example whose name is rebound to
    127.0.0.1 reaches the server with ``Host: evil.example`` (the browser keeps the
    name it resolved), so it can no longer read the store. A request without a Host
    header (HTTP/1.0 tools) is not a browser's and passes."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], allowed: set[str],
                 any_ip: bool = False) -> None:
        self.app, self.allowed, self.any_ip = app, {a.lower() for a in allowed}, any_ip

    def accepts(self, name: str) -> bool:
        if "*" in self.allowed or name in self.allowed:
            return True
        if self.any_ip:  # bound to every address: any of the machine's IPs (an IP cannot be rebound)
            try:
                ipaddress.ip_address(name)
                return True
            except ValueError:
                return False
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers") or []).get(b"host")
            if host is not None and not self.accepts(_host_name(host)):
                name = host.decode("latin-1")
                body = json.dumps({"detail": f"Host {name!r} is not a name this server is served under "
                                             "(DNS rebinding protection); start it with --allowed-host "
                                             f"{_host_name(host) or 'NAME'} to serve it"}).encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Content-Security-Policy (this server's own scripts, styles, images and API only;
    images also from the basemap's origin when one is configured), X-Frame-Options DENY
    and X-Content-Type-Options nosniff on every response."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], image_origins: list[str]) -> None:
        self.app = app
        images = " ".join(["'self'", "data:", *image_origins])
        csp = (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {images}; "
               "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
               "form-action 'self'; frame-ancestors 'none'")
        self.headers = [(b"content-security-policy", csp.encode()), (b"x-frame-options", b"DENY"),
                        (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message, headers=[*message.get("headers", []),
                                                 *(h for h in self.headers if h[0] not in names)])
            await send(message)

        await self.app(scope, receive, with_headers)


#: Seconds a connection may take to send its request's headers: uvicorn has no such
#: limit, so a client that connects and sends nothing (or half a request) would hold
#: its connection, and thousands of them the server's file descriptors, for ever.
HEADER_TIMEOUT = 10.0


def header_timeout_protocol(seconds: float = HEADER_TIMEOUT) -> type:
    """uvicorn's h11 protocol, closing a connection whose request headers are not all
    in ``seconds`` after it opened or after its previous response (keep-alive)."""
    import asyncio

    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderTimeoutH11(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(seconds, self._headers_too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_too_slow(self) -> None:
            self._header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()  # no request under way: nothing to answer

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

    return HeaderTimeoutH11
