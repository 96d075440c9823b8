"""The subscriptions API, included by ``rasd serve``'s app: list, read, create, replace,
delete, test-send, last deliveries; and the watched sources' status. Reads follow the
app's read rule, writes need its token."""

# no `from __future__ import annotations`: FastAPI reads the local Annotated aliases at run time

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam

from rasd.alerts import engine, store
from rasd.alerts.subscriptions import NAME, Subscription
from rasd.store import db

Name = Annotated[str, PathParam(min_length=1, max_length=100, pattern=NAME.pattern)]


def router(db_path: Path, read: list[Any], write: list[Any], *, allow_private: bool = False,
           base_url: str | None = None) -> APIRouter:
    api = APIRouter(tags=["subscriptions"])

    def connection() -> Iterator[sqlite3.Connection]:
        conn = store.ensure(db.open_store(db_path, create=False))
        try:
            yield conn
        finally:
            conn.close()

    Conn = Annotated[sqlite3.Connection, Depends(connection)]

    def one(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
        for row in store.subscription_rows(conn):
            if row["name"] == name:
                return dict(row, deliveries=store.deliveries(conn, name, 10))
        raise HTTPException(404, f"no subscription {name!r}")

    @api.get("/api/subscriptions", dependencies=read)
    def subscriptions(conn: Conn) -> dict[str, Any]:
        """Every subscription with its last deliveries."""
        return {"items": [dict(r, deliveries=store.deliveries(conn, r["name"], 5))
                          for r in store.subscription_rows(conn)]}

    @api.get("/api/subscriptions/{name}", dependencies=read)
    def subscription(conn: Conn, name: Name) -> dict[str, Any]:
        return one(conn, name)

    @api.post("/api/subscriptions", dependencies=write, status_code=201)
    def create(conn: Conn, body: Subscription) -> dict[str, Any]:
        """Create a subscription (409 if the name is taken)."""
        with db.transaction(conn):
            if store.get_subscription(conn, body.name) is not None:
                raise HTTPException(409, f"subscription {body.name!r} exists: PUT /api/subscriptions/{body.name}")
            store.put_subscription(conn, body, "api")
        return one(conn, body.name)

    @api.put("/api/subscriptions/{name}", dependencies=write)
    def replace(conn: Conn, name: Name, body: Subscription) -> dict[str, Any]:
        """Create or replace a subscription (the body's name must be the path's)."""
        if body.name != name:
            raise HTTPException(422, f"the body names {body.name!r}, the path {name!r}")
        with db.transaction(conn):
            store.put_subscription(conn, body, "api")
        return one(conn, name)

    @api.delete("/api/subscriptions/{name}", dependencies=write, status_code=204)
    def delete(conn: Conn, name: Name) -> None:
        with db.transaction(conn):
            if not store.delete_subscription(conn, name):
                raise HTTPException(404, f"no subscription {name!r}")

    @api.post("/api/subscriptions/{name}/test", dependencies=write)
    async def test(name: Name) -> dict[str, Any]:
        """Send a test message through each channel now; the outcome of each."""
        def run() -> list[dict[str, Any]]:
            conn = store.ensure(db.open_store(db_path, create=False))
            try:
                sub = store.get_subscription(conn, name)
                if sub is None:
                    raise HTTPException(404, f"no subscription {name!r}")
                return engine.test_send(conn, sub, engine.Deliverer(conn, allow_private=allow_private), base_url)
            finally:
                conn.close()

        return {"results": await asyncio.to_thread(run)}

    @api.get("/api/subscriptions/{name}/deliveries", dependencies=read)
    def deliveries(conn: Conn, name: Name, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        one(conn, name)
        return {"items": store.deliveries(conn, name, limit)}

    @api.get("/api/watch/status", dependencies=read, tags=["watch"])
    def watch_status(conn: Conn) -> dict[str, Any]:
        """Each watched source: last success, last error, counts, next poll."""
        from rasd.watch.poller import status

        return {"sources": status(conn)}

    return api
