"""Sending one message by email (SMTP, STARTTLS), webhook (JSON signed with HMAC-SHA256)
or files (Markdown/HTML/JSON in a folder). Each sender raises ``DeliveryError`` with a
one-line reason; retrying is the caller's (``rasd.alerts.engine``).

Email settings come from the environment, never from a subscription or the store:
``RASD_SMTP_HOST`` (required), ``RASD_SMTP_PORT`` (587), ``RASD_SMTP_USER`` and
``RASD_SMTP_PASSWORD`` (login, only ever sent after STARTTLS), ``RASD_SMTP_FROM``,
``RASD_SMTP_SECURITY`` (``starttls``, the default; ``tls`` for SMTPS; ``none`` only for a
relay on the same machine), ``RASD_SMTP_CAFILE`` (a private CA) and ``RASD_SMTP_TIMEOUT``.

A webhook POST carries ``X-Rasd-Delivery`` (the idempotency key: the same message
retried has the same key), ``X-Rasd-Timestamp`` and ``X-Rasd-Signature:
sha256=HEX``, the HMAC-SHA256 of ``TIMESTAMP.BODY`` with the secret in the environment
variable the subscription names (``secret_env``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import smtplib
import ssl
import time
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any, Mapping

import httpx

from rasd.alerts.subscriptions import Email, Files, Webhook
from rasd.errors import RasdError
from rasd.ingest import urls


class DeliveryError(RasdError):
    """A message that could not be delivered this time."""


def message_id(key: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@rasd.alerts>"


def build_email(payload: dict[str, Any], to: list[str], sender: str, key: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = payload["subject"]
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id(key)  # the same for a retry: mail clients show one message
    msg["X-Rasd-Delivery"] = key
    msg.set_content(payload["text"])
    msg.add_alternative(payload["html"], subtype="html")
    attachments = payload.get("attachments") or []
    if attachments:
        html_part = msg.get_body(("html",))
        assert html_part is not None
        for a in attachments:
            maintype, subtype = a["mime"].split("/", 1)
            html_part.add_related(base64.b64decode(a["data"]), maintype=maintype, subtype=subtype,
                                  cid=f"<{a['cid']}>", filename=a["name"])
    return msg


def send_email(config: Email, payload: dict[str, Any], key: str, env: Mapping[str, str] = os.environ) -> str:
    host = env.get("RASD_SMTP_HOST")
    if not host:
        raise DeliveryError("email: RASD_SMTP_HOST is not set (see `rasd watch --help`)")
    security = env.get("RASD_SMTP_SECURITY", "starttls").lower()
    if security not in ("starttls", "tls", "none"):
        raise DeliveryError(f"email: RASD_SMTP_SECURITY={security!r}: use starttls, tls or none")
    try:
        port = int(env.get("RASD_SMTP_PORT") or (465 if security == "tls" else 587))
        timeout = float(env.get("RASD_SMTP_TIMEOUT") or 20)
    except ValueError as exc:
        raise DeliveryError(f"email: bad RASD_SMTP_PORT or RASD_SMTP_TIMEOUT ({exc})") from None
    user, password = env.get("RASD_SMTP_USER"), env.get("RASD_SMTP_PASSWORD")
    sender = env.get("RASD_SMTP_FROM") or user or "rasd@localhost"
    context = ssl.create_default_context(cafile=env.get("RASD_SMTP_CAFILE") or None)
    msg = build_email(payload, config.to, sender, key)
    try:
        if security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            client.ehlo()
            if security == "starttls":
                if not client.has_extn("starttls"):
                    raise DeliveryError(f"email: {host}:{port} does not offer STARTTLS; refusing to send in clear "
                                        "(RASD_SMTP_SECURITY=none allows it)")
                client.starttls(context=context)
                client.ehlo()
            if user:
                client.login(user, password or "")
            refused = client.send_message(msg)
    except DeliveryError:
        raise
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"email: {host}:{port}: {exc.__class__.__name__}: {exc}") from None
    except (OSError, ssl.SSLError) as exc:
        raise DeliveryError(f"email: cannot reach {host}:{port} ({exc.__class__.__name__}: {exc})") from None
    if refused:
        raise DeliveryError(f"email: refused recipients {', '.join(refused)}")
    return f"email to {', '.join(config.to)}"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, max_age: float | None = 300.0) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    if max_age is not None:
        try:
            if abs(time.time() - float(timestamp)) > max_age:
                return False
        except ValueError:
            return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def send_webhook(config: Webhook, payload: dict[str, Any], key: str, *, allow_private: bool = False,
                 env: Mapping[str, str] = os.environ, timeout: float = 15.0) -> str:
    secret = env.get(config.secret_env)
    if not secret:
        raise DeliveryError(f"webhook: the secret variable {config.secret_env} is not set")
    body = json.dumps(payload["json"], ensure_ascii=False).encode()
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": urls.USER_AGENT,
               "X-Rasd-Delivery": key, "X-Rasd-Timestamp": timestamp, "X-Rasd-Signature": sign(secret, timestamp, body)}
    from rasd.watch.fetch import client

    try:
        response = client(allow_private).post(config.url, content=body, headers=headers, timeout=timeout)
    except urls.Refused as exc:
        raise DeliveryError(f"webhook: refused: {exc} (SSRF protection)") from None
    except (httpx.HTTPError, OSError) as exc:
        raise DeliveryError(f"webhook: cannot reach {config.url} ({exc.__class__.__name__}: {exc})") from None
    if not response.is_success:
        raise DeliveryError(f"webhook: {config.url} answered HTTP {response.status_code}")
    return f"webhook {config.url}"


def files_root(env: Mapping[str, str] = os.environ, default: Path | None = None) -> Path | None:
    root = env.get("RASD_ALERT_FILES_ROOT")
    return Path(root).resolve() if root else (default.resolve() if default else None)


def files_dir(config: Files, env: Mapping[str, str] = os.environ, default_root: Path | None = None) -> Path:
    """The folder of a files channel: under ``RASD_ALERT_FILES_ROOT`` when that is set, or
    under ``default_root`` (a subscription made through the API: the store's folder's
    ``alerts/``, so an API client cannot make rasd write anywhere else); else as given."""
    root = files_root(env, default_root)
    folder = (root / config.dir).resolve() if root else Path(config.dir).expanduser()
    if root and root != folder and root not in folder.parents:
        raise DeliveryError(f"files: {config.dir} is outside {root}, the folder alert files may be written in")
    return folder


def write_files(config: Files, payload: dict[str, Any], key: str, env: Mapping[str, str] = os.environ,
                default_root: Path | None = None) -> str:
    """One file per format, named after the key (a retry rewrites the same files);
    written to a temporary name and renamed, so a reader never sees half a file."""
    folder = files_dir(config, env, default_root)
    stem = payload.get("file_stem") or hashlib.sha256(key.encode()).hexdigest()[:16]
    page = payload["html"]
    for a in payload.get("attachments") or []:  # the email's inline parts are files beside the page
        page = page.replace(f"cid:{a['cid']}", a["name"])
    bodies = {"md": payload.get("markdown") or payload["text"], "html": page,
              "json": json.dumps(payload["json"], ensure_ascii=False, indent=2) + "\n"}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for fmt in config.formats:
            target = folder / f"{stem}.{fmt}"
            tmp = folder / f".{stem}.{fmt}.tmp"
            tmp.write_text(bodies[fmt], encoding="utf-8")
            os.replace(tmp, target)
            written.append(target.name)
        for a in payload.get("attachments") or []:
            (folder / a["name"]).write_bytes(base64.b64decode(a["data"]))
    except OSError as exc:
        raise DeliveryError(f"files: cannot write in {folder} ({exc.__class__.__name__}: {exc})") from None
    return f"files {', '.join(written)} in {folder}"
