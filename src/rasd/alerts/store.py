"""The alerts' tables in the rasd store: subscriptions, what each subscription was last
told about each merged event, and every delivery (intent first, outcome after).

They are created with ``CREATE TABLE IF NOT EXISTS`` when an alerts feature opens the
store, and never touch the core schema (``rasd.store.db``)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from rasd.alerts.subscriptions import Subscription
from rasd.store import db

SCHEMA = """
CREATE TABLE IF NOT EXISTS alert_subscriptions (
    name TEXT PRIMARY KEY,
    spec TEXT NOT NULL,
    origin TEXT NOT NULL,              -- the YAML file it came from, or 'api'
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
-- what a subscription was last told about a merged event: its version and the snapshot
-- later changes are compared with
CREATE TABLE IF NOT EXISTS alert_state (
    subscription TEXT NOT NULL,
    merged_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    first_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (subscription, merged_id)
);
-- one row per message per channel, written before it is sent (status 'pending'), marked
-- 'sending' at each attempt and 'sent' or 'retry'/'failed' after; ``key`` (subscription,
-- event, version, channel) makes writing the same intent twice a no-op
CREATE TABLE IF NOT EXISTS alert_deliveries (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    subscription TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,                -- new | update | digest | test
    merged_id INTEGER, version INTEGER,
    summary TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL,        -- epoch seconds
    last_error TEXT,
    created_at TEXT NOT NULL, sent_at TEXT
);
CREATE INDEX IF NOT EXISTS alert_deliveries_due ON alert_deliveries(status, next_attempt);
CREATE INDEX IF NOT EXISTS alert_deliveries_sub ON alert_deliveries(subscription, id);
CREATE TABLE IF NOT EXISTS alert_cursor (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
"""


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def ensure(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Create the alerts' tables if missing. The cursors start at the store's current
    events and audit entries: a store that gains alerts does not alert its past."""
    conn.executescript(SCHEMA)
    with db.transaction(conn):
        for name, sql in (("events", "SELECT ifnull(max(id), 0) FROM events"),
                          ("audit", "SELECT ifnull(max(id), 0) FROM audit")):
            conn.execute("INSERT OR IGNORE INTO alert_cursor (name, value) VALUES (?, ?)",
                         (name, conn.execute(sql).fetchone()[0]))
    return conn


def open_alerts(path: Path, create: bool = True) -> sqlite3.Connection:
    return ensure(db.open_store(path, create=create))


def cursor(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT value FROM alert_cursor WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else 0


def set_cursor(conn: sqlite3.Connection, name: str, value: int) -> None:
    conn.execute("INSERT INTO alert_cursor (name, value) VALUES (?, ?) "
                 "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))


# --- subscriptions ---------------------------------------------------------------------

def subscriptions(conn: sqlite3.Connection) -> list[Subscription]:
    return [Subscription.model_validate_json(spec)
            for (spec,) in conn.execute("SELECT spec FROM alert_subscriptions ORDER BY name")]


def subscription_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT name, spec, origin, created_at, updated_at FROM alert_subscriptions ORDER BY name")
    return [{"name": n, "spec": json.loads(s), "origin": o, "created_at": c, "updated_at": u} for n, s, o, c, u in rows]


def get_subscription(conn: sqlite3.Connection, name: str) -> Subscription | None:
    row = conn.execute("SELECT spec FROM alert_subscriptions WHERE name = ?", (name,)).fetchone()
    return Subscription.model_validate_json(row[0]) if row else None


def put_subscription(conn: sqlite3.Connection, sub: Subscription, origin: str) -> bool:
    """Create or replace (inside the caller's transaction); True when it was created."""
    at = now_iso()
    created = conn.execute("SELECT 1 FROM alert_subscriptions WHERE name = ?", (sub.name,)).fetchone() is None
    conn.execute("INSERT INTO alert_subscriptions (name, spec, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                 "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, origin = excluded.origin, "
                 "updated_at = excluded.updated_at", (sub.name, sub.model_dump_json(), origin, at, at))
    return created


def delete_subscription(conn: sqlite3.Connection, name: str) -> bool:
    """Remove a subscription and what it was told (its delivery history is kept)."""
    gone = conn.execute("DELETE FROM alert_subscriptions WHERE name = ?", (name,)).rowcount > 0
    conn.execute("DELETE FROM alert_state WHERE subscription = ?", (name,))
    conn.execute("UPDATE alert_deliveries SET status = 'cancelled' WHERE subscription = ? "
                 "AND status IN ('pending', 'retry')", (name,))
    return gone


def sync_file(conn: sqlite3.Connection, subs: list[Subscription], origin: str) -> dict[str, int]:
    """Make the store's subscriptions from ``origin`` (a file) exactly ``subs``: new ones
    added, changed ones replaced, ones removed from the file deleted. Subscriptions
    made through the API are left alone unless the file names them."""
    counts = {"added": 0, "updated": 0, "unchanged": 0, "removed": 0}
    with db.transaction(conn):
        current = {n: s for n, s in conn.execute("SELECT name, spec FROM alert_subscriptions")}
        for sub in subs:
            if current.get(sub.name) == sub.model_dump_json():
                counts["unchanged"] += 1
                conn.execute("UPDATE alert_subscriptions SET origin = ? WHERE name = ?", (origin, sub.name))
                continue
            counts["added" if put_subscription(conn, sub, origin) else "updated"] += 1
        names = {s.name for s in subs}
        for (name,) in conn.execute("SELECT name FROM alert_subscriptions WHERE origin = ?", (origin,)).fetchall():
            if name not in names:
                delete_subscription(conn, name)
                counts["removed"] += 1
    return counts


def deliveries(conn: sqlite3.Connection, subscription: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    where, params = ("WHERE subscription = ?", [subscription]) if subscription else ("", [])
    rows = conn.execute(
        "SELECT id, key, subscription, channel, kind, merged_id, version, summary, status, attempts, last_error, "
        f"created_at, sent_at FROM alert_deliveries {where} ORDER BY id DESC LIMIT ?", [*params, limit])
    keys = ("id", "key", "subscription", "channel", "kind", "merged_id", "version", "summary", "status", "attempts",
            "last_error", "created_at", "sent_at")
    return [dict(zip(keys, r)) for r in rows]
