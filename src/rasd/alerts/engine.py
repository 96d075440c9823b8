"""From store changes to delivered messages, without losing or repeating one.

1. ``evaluate`` reads what changed since its cursors (per-document events with a larger
   id: new or replaced articles; audit entries: analysts' corrections), recomputes the
   merged events they belong to and, for each immediate subscription that matches, compares
   the event with what the subscription was last told. A first match is a "new" alert,
   a material change (``render.changes``) an "update" with a version one higher. In ONE
   transaction it writes the message of each channel to ``alert_deliveries`` (status
   'pending', key ``subscription/event-ID/vN/channel``), the new state and the advanced
   cursors: a crash before the commit redoes the evaluation, after it the intent is kept.
2. ``schedule_digests`` writes the intent of each daily/weekly digest whose time has come
   (key ``subscription/digest-SLOT/channel``), once.
3. ``Deliverer.run_due`` sends the due rows: marks a row 'sending' (attempts + 1, committed)
   before sending and 'sent' after, or 'retry' with an exponential back-off. A process
   killed between the two leaves 'sending', which the next run sends again with the same
   key (the webhook's X-Rasd-Delivery, the email's Message-ID), so a receiver can drop the
   one duplicate that window allows; nothing is lost.

Merged event ids can change when an article is replaced (the merge is recomputed). An
event whose id is not in the state yet but shares an article with a state row whose id
has disappeared is the same event: the row moves to the new id instead of alerting anew.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import time
import zoneinfo
from pathlib import Path
from typing import Any, Callable, Mapping

from rasd.alerts import render, store
from rasd.alerts.deliver import DeliveryError, send_email, send_webhook, write_files
from rasd.alerts.subscriptions import Subscription
from rasd.store import db, review

log = logging.getLogger("rasd.alerts")

MAX_ATTEMPTS = 12
BACKOFF = 30.0
MAX_BACKOFF = 3600.0


def _merged(conn: sqlite3.Connection, merged_id: int) -> tuple[dict[str, Any], str, bool] | None:
    row = conn.execute("SELECT record, review, corrected FROM merged WHERE id = ?", (merged_id,)).fetchone()
    return (json.loads(row[0]), row[1], bool(row[2])) if row else None


def _state(conn: sqlite3.Connection, sub: str, merged_id: int) -> tuple[int, dict[str, Any]] | None:
    row = conn.execute("SELECT version, snapshot FROM alert_state WHERE subscription = ? AND merged_id = ?",
                       (sub, merged_id)).fetchone()
    return (int(row[0]), json.loads(row[1])) if row else None


def _rekey(conn: sqlite3.Connection, sub: str, merged_id: int, doc_ids: set[str]) -> tuple[int, dict[str, Any]] | None:
    """The state of an event this subscription knew under a merged id that is gone."""
    rows = conn.execute("SELECT merged_id, version, snapshot FROM alert_state WHERE subscription = ? "
                        "AND merged_id NOT IN (SELECT id FROM merged)", (sub,)).fetchall()
    for old_id, version, snap in rows:
        snapshot = json.loads(snap)
        if doc_ids & set(snapshot.get("doc_ids") or []):
            conn.execute("UPDATE alert_state SET merged_id = ? WHERE subscription = ? AND merged_id = ?",
                         (merged_id, sub, old_id))
            log.info("%s: event %d is now event %d (re-merged); its alert state moves with it", sub, old_id, merged_id)
            return int(version), snapshot
    return None


def _intend(conn: sqlite3.Connection, sub: Subscription, kind: str, prefix: str, message: dict[str, Any],
            merged_id: int | None = None, version: int | None = None, now: float | None = None) -> int:
    """Write one pending delivery per channel; an existing key is left as it is."""
    written = 0
    for channel in sub.deliver.channels:
        key = f"{prefix}/{channel}"
        cursor = conn.execute(
            "INSERT INTO alert_deliveries (key, subscription, channel, kind, merged_id, version, summary, payload, "
            "next_attempt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            (key, sub.name, channel, kind, merged_id, version, message["subject"].removeprefix("[rasd] "),
             json.dumps(message, ensure_ascii=False), time.time() if now is None else now, store.now_iso()))
        written += cursor.rowcount
    return written


def evaluate(conn: sqlite3.Connection, base_url: str | None = None) -> int:
    """Record the alerts the store's changes call for; returns how many deliveries."""
    last_event, last_audit = store.cursor(conn, "events"), store.cursor(conn, "audit")
    top_event = conn.execute("SELECT ifnull(max(id), 0) FROM events").fetchone()[0]
    top_audit = conn.execute("SELECT ifnull(max(id), 0) FROM audit").fetchone()[0]
    if top_event <= last_event and top_audit <= last_audit:
        return 0
    subs = [s for s in store.subscriptions(conn) if s.enabled and s.schedule == "immediate"]
    written = 0
    with db.transaction(conn):
        unmerged = conn.execute("SELECT min(id) FROM events WHERE id > ? AND id NOT IN "
                                "(SELECT event_id FROM merged_members)", (last_event,)).fetchone()[0]
        ids = {r[0] for r in conn.execute("SELECT DISTINCT merged_id FROM merged_members WHERE event_id > ?",
                                          (last_event,))}
        ids |= {r[0] for r in conn.execute("SELECT DISTINCT merged_id FROM audit WHERE id > ?", (last_audit,))}
        for merged_id in sorted(ids):
            found = _merged(conn, merged_id)
            if found is None:
                continue
            record, status, corrected = found
            overlay = review.get(conn, merged_id).fields or {}
            snap = render.snapshot(record, status, overlay)
            for sub in subs:
                if sub.matches(record, status, corrected):
                    written += _consider(conn, sub, merged_id, record, snap, base_url)
        # an event stored but not merged yet (an ingest between its batch and its merge) is
        # looked at again next time: the cursor stops before it
        store.set_cursor(conn, "events", unmerged - 1 if unmerged else top_event)
        store.set_cursor(conn, "audit", top_audit)
    if written:
        log.info("%d alert deliveries recorded", written)
    return written


def _consider(conn: sqlite3.Connection, sub: Subscription, merged_id: int, record: dict[str, Any],
              snap: dict[str, Any], base_url: str | None) -> int:
    state = _state(conn, sub.name, merged_id) or _rekey(conn, sub.name, merged_id, set(snap["doc_ids"]))
    if state is None:
        kind, version, found = "new", 1, []
    else:
        found = render.changes(state[1], snap)
        if not found:
            return 0
        kind, version = "update", state[0] + 1
    prefix = f"{sub.name}/event-{merged_id}/v{version}"
    message = render.alert(sub, merged_id, version, kind, record, found, base_url, prefix)
    message["file_stem"] = f"{sub.name}-event-{merged_id}-v{version}"
    at = store.now_iso()
    conn.execute("INSERT INTO alert_state (subscription, merged_id, version, snapshot, first_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription, merged_id) DO UPDATE SET "
                 "version = excluded.version, snapshot = excluded.snapshot, updated_at = excluded.updated_at",
                 (sub.name, merged_id, version, json.dumps(snap, ensure_ascii=False), at, at))
    log.info("%s: %s alert for event %d (v%d)%s", sub.name, kind, merged_id, version,
             ": " + "; ".join(c.text("en") for c in found) if found else "")
    return _intend(conn, sub, kind, prefix, message, merged_id, version)


def schedule_digests(conn: sqlite3.Connection, now: dt.datetime | None = None, base_url: str | None = None) -> int:
    """Record the digests whose time has come (each slot once per subscription)."""
    from rasd.alerts import digest

    now = now or dt.datetime.now(dt.timezone.utc)
    written = 0
    for sub in store.subscriptions(conn):
        slot = sub.last_slot(now) if sub.enabled else None
        if slot is None:
            continue
        prefix = f"{sub.name}/digest-{slot.strftime('%Y-%m-%dT%H:%MZ')}"
        if conn.execute("SELECT 1 FROM alert_deliveries WHERE key LIKE ? ESCAPE '\\' LIMIT 1",
                        (prefix.replace("%", "\\%").replace("_", "\\_") + "/%",)).fetchone():
            continue
        created = conn.execute("SELECT created_at FROM alert_subscriptions WHERE name = ?", (sub.name,)).fetchone()
        if created and dt.datetime.fromisoformat(created[0]) > slot:
            continue  # the first digest is the first one due after the subscription was made
        local = slot.astimezone(zoneinfo.ZoneInfo(sub.tz)).date()
        until = local - dt.timedelta(days=1)
        since = local - sub.period()
        message = digest.message(conn, sub, since, until, base_url, prefix)
        with db.transaction(conn):
            written += _intend(conn, sub, "digest", prefix, message)
        log.info("%s: digest %s..%s recorded", sub.name, since, until)
    return written


Sender = Callable[[Subscription, str, dict[str, Any], str], str]


class Deliverer:
    """Sends due deliveries with retries; one unreachable destination is tried once per
    run, its other messages wait for the next run."""

    def __init__(self, conn: sqlite3.Connection, *, allow_private: bool = False,
                 env: Mapping[str, str] | None = None, max_attempts: int = MAX_ATTEMPTS,
                 backoff: float = BACKOFF, max_backoff: float = MAX_BACKOFF) -> None:
        self.conn, self.allow_private = conn, allow_private
        self.env = env if env is not None else os.environ
        self.max_attempts, self.backoff, self.max_backoff = max_attempts, backoff, max_backoff

    def send(self, sub: Subscription, channel: str, payload: dict[str, Any], key: str) -> str:
        d = sub.deliver
        if channel == "email" and d.email is not None:
            return send_email(d.email, payload, key, self.env)
        if channel == "webhook" and d.webhook is not None:
            return send_webhook(d.webhook, payload, key, allow_private=self.allow_private, env=self.env)
        if channel == "files" and d.files is not None:
            return write_files(d.files, payload, key, self.env, self.api_root(sub.name))
        raise DeliveryError(f"{channel}: the subscription no longer delivers this way")

    def api_root(self, name: str) -> Path | None:
        """Where a subscription made through the API may write files: ``alerts/`` beside
        the store (None for subscriptions from a file, which the operator wrote)."""
        row = self.conn.execute("SELECT origin FROM alert_subscriptions WHERE name = ?", (name,)).fetchone()
        if row is None or row[0] != "api":
            return None
        main = next((r[2] for r in self.conn.execute("PRAGMA database_list") if r[1] == "main"), "")
        return Path(main).parent / "alerts" if main else Path("alerts")

    @staticmethod
    def destination(sub: Subscription, channel: str) -> str:
        d = sub.deliver
        if channel == "email" and d.email:
            return "email"  # one SMTP server for every address
        if channel == "webhook" and d.webhook:
            return f"webhook {d.webhook.url}"
        return f"{channel} {sub.name}"

    def run_due(self, now: float | None = None, prefix: str | None = None) -> dict[str, int]:
        """Send what is due (only keys starting with ``prefix`` when given)."""
        now = time.time() if now is None else now
        counts = {"sent": 0, "retry": 0, "failed": 0, "deferred": 0}
        only = " AND substr(key, 1, ?) = ?" if prefix else ""
        rows = self.conn.execute(
            "SELECT id, key, subscription, channel, payload, attempts FROM alert_deliveries "
            f"WHERE status IN ('pending', 'sending', 'retry') AND next_attempt <= ?{only} ORDER BY id",
            (now, len(prefix), prefix) if prefix else (now,)).fetchall()
        down: dict[str, str] = {}
        subs: dict[str, Subscription | None] = {}
        for delivery_id, key, name, channel, payload, attempts in rows:
            if name not in subs:
                subs[name] = store.get_subscription(self.conn, name)
            sub = subs[name]
            if sub is None:
                with db.transaction(self.conn):
                    self.conn.execute("UPDATE alert_deliveries SET status = 'cancelled', last_error = ? WHERE id = ?",
                                      ("the subscription was deleted", delivery_id))
                continue
            target = self.destination(sub, channel)
            if target in down:  # this run already failed to reach it: no attempt counted
                counts["deferred"] += 1
                with db.transaction(self.conn):
                    self.conn.execute("UPDATE alert_deliveries SET next_attempt = ? WHERE id = ?",
                                      (now + self.backoff, delivery_id))
                continue
            with db.transaction(self.conn):  # the attempt is on record before anything is sent
                self.conn.execute("UPDATE alert_deliveries SET status = 'sending', attempts = attempts + 1 "
                                  "WHERE id = ?", (delivery_id,))
            try:
                where = self.send(sub, channel, json.loads(payload), key)
            except DeliveryError as exc:
                tries = attempts + 1
                final = tries >= self.max_attempts
                wait = min(self.backoff * 2 ** (tries - 1), self.max_backoff)
                with db.transaction(self.conn):
                    self.conn.execute("UPDATE alert_deliveries SET status = ?, last_error = ?, next_attempt = ? "
                                      "WHERE id = ?", ("failed" if final else "retry", str(exc), now + wait, delivery_id))
                down[target] = str(exc)
                counts["failed" if final else "retry"] += 1
                log.warning("%s: %s (attempt %d%s)", key, exc, tries,
                            ", giving up" if final else f", next in {wait:.0f} s")
                continue
            with db.transaction(self.conn):
                self.conn.execute("UPDATE alert_deliveries SET status = 'sent', sent_at = ?, last_error = NULL "
                                  "WHERE id = ?", (store.now_iso(), delivery_id))
            counts["sent"] += 1
            log.info("%s: sent (%s)", key, where)
        return counts


def test_send(conn: sqlite3.Connection, sub: Subscription, deliverer: Deliverer, base_url: str | None = None
              ) -> list[dict[str, Any]]:
    """Send a test message through every channel of ``sub`` now (recorded like any
    delivery, kind 'test'); returns each channel's outcome."""
    from rasd.alerts import labels

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    prefix = f"{sub.name}/test-{stamp}"
    lang = sub.lang
    text = f"{labels.word('test', lang)}: {labels.word('subscription', lang)} {sub.name}"
    direction = "rtl" if lang == "ar" else "ltr"
    message = {"subject": f"[rasd] {text}", "text": text + "\n",
               "html": f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"></head>'
                       f'<body dir="{direction}" style="font-family:Arial,sans-serif">{text}</body></html>',
               "json": {"type": "rasd.test", "subscription": sub.name, "key": prefix, "lang": lang, "summary": text},
               "file_stem": f"test-{stamp}"}
    with db.transaction(conn):
        _intend(conn, sub, "test", prefix, message)
    deliverer.run_due(prefix=prefix + "/")
    return [d for d in store.deliveries(conn, sub.name, 10) if d["key"].startswith(prefix + "/")]
