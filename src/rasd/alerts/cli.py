"""The commands of watching and alerting: ``rasd watch``, ``rasd watch-status``,
``rasd digest`` and ``rasd subscriptions ...``; registered on the main ``rasd`` app by
``register`` (one line in rasd.cli)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

err = Console(stderr=True)
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
BASE_URL_HELP = "Review page address for links in alerts and digests (default: $RASD_BASE_URL, else " \
                f"{DEFAULT_BASE_URL})."


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _base_url(value: Optional[str]) -> str:
    return value or os.environ.get("RASD_BASE_URL") or DEFAULT_BASE_URL


def _logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    for name in ("rasd.watch", "rasd.alerts"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        logger.propagate = False


def _date(value: Optional[str], hint: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=hint) from None


def watch(
    sources: Annotated[Path, typer.Option("--sources", help="Sources file (YAML): feeds and pages to poll.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created when missing).")],
    subscriptions: Annotated[Optional[Path], typer.Option(help="Subscriptions file (YAML), loaded into the store at start.")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once (those backing off after errors excepted), send the alerts and exit: for cron.")] = False,
    allow_private: Annotated[bool, typer.Option(help="Allow sources and webhooks on loopback/private addresses (refused by default: SSRF).")] = False,
    robots: Annotated[bool, typer.Option(help="Respect robots.txt.")] = True,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file or folder (default: installed data, else embedded).")] = None,
    base_url: Annotated[Optional[str], typer.Option(help=BASE_URL_HELP)] = None,
    threads: Annotated[int, typer.Option(min=1, max=32, help="Sources fetched at once.")] = 4,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")] = False,
) -> None:
    """Poll feeds and pages, store and merge new articles, and alert subscribers.

    Conditional GET, robots.txt, a per-host delay and exponential back-off on errors.
    Email needs RASD_SMTP_HOST (and RASD_SMTP_PORT, RASD_SMTP_USER, RASD_SMTP_PASSWORD,
    RASD_SMTP_FROM); webhooks read their secret from the variable their subscription names."""
    from rasd.alerts import engine, store
    from rasd.alerts.subscriptions import load_subscriptions
    from rasd.errors import RasdError
    from rasd.watch.poller import Watcher
    from rasd.watch.sources import load_sources

    _logging(verbose)
    url = _base_url(base_url)
    try:
        listed = load_sources(sources)
        subs = load_subscriptions(subscriptions) if subscriptions else None
        watcher = Watcher(db, listed, gazetteer_path=gazetteer, allow_private=allow_private, robots=robots,
                          threads=threads)
    except RasdError as exc:
        raise _fail(exc) from None
    conn = store.ensure(watcher.conn)
    if subs is not None:
        counts = store.sync_file(conn, subs, str(subscriptions.resolve()))  # type: ignore[union-attr]
        logging.getLogger("rasd.alerts").info("subscriptions from %s: %s", subscriptions,
                                              ", ".join(f"{v} {k}" for k, v in counts.items()))
    deliverer = engine.Deliverer(conn, allow_private=allow_private)

    def after_pass(c: object) -> None:
        engine.evaluate(conn, url)
        engine.schedule_digests(conn, base_url=url)
        deliverer.run_due()

    watcher.after_pass = after_pass
    try:
        if once:
            results = watcher.poll(every=True)
            for r in sorted(results, key=lambda r: r.source):
                print(r.line())
            if any(r.status in ("error", "disallowed") for r in results):
                raise typer.Exit(1)
            return
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        err.print(f"rasd watch: {len(listed)} source(s) → {db}; Ctrl-C stops")
        watcher.run(stop, tick=lambda c: (engine.evaluate(conn, url), deliverer.run_due()))
    finally:
        watcher.close()


def watch_status(
    db: Annotated[Path, typer.Option("--db", help="SQLite store used by `rasd watch`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Each watched source: last success, last error, counts, next poll."""
    from rasd.store.db import StoreError, open_store
    from rasd.watch.poller import status

    try:
        conn = open_store(db, create=False)
        rows = status(conn)
        conn.close()
    except StoreError as exc:
        raise _fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(header_style="bold")
    for column in ("source", "last success", "last error", "errors in a row", "next poll", "new", "updated",
                   "unchanged", "duplicate", "failed", "304s"):
        table.add_column(column, overflow="fold")
    for r in rows:
        error = f"{r['last_error_at']}: {r['last_error']}" if r["last_error"] else ""
        table.add_row(r["name"], r["last_success"] or "never", error, str(r["failures"]), r["next_due"] or "now",
                      str(r["articles_new"]), str(r["articles_updated"]), str(r["articles_unchanged"]),
                      str(r["articles_duplicate"]), str(r["articles_failed"]), str(r["not_modified"]))
    Console(width=None if sys.stdout.isatty() else 200).print(table)


class DigestFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def digest(
    db: Annotated[Path, typer.Option("--db", help="SQLite store.")],
    since: Annotated[Optional[str], typer.Option(help="First day YYYY-MM-DD (default: --until).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Last day YYYY-MM-DD (default: today, UTC).")] = None,
    subscription: Annotated[Optional[str], typer.Option(help="Only the events this subscription wants, in its language.")] = None,
    lang: Annotated[Optional[str], typer.Option(help="ar or en (default: the subscription's, else en).")] = None,
    format: Annotated[DigestFormat, typer.Option("--format", "-f", help="md, html (mail-safe) or json.")] = DigestFormat.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (Markdown: the map beside it as FILE-map.svg).")] = None,
    base_url: Annotated[Optional[str], typer.Option(help=BASE_URL_HELP)] = None,
) -> None:
    """A digest of a period's events by governorate and type, with tolls, actors, places,
    sources, counts against the previous period and a map."""
    from rasd.alerts import digest as digests
    from rasd.alerts import store
    from rasd.store.db import StoreError

    if lang is not None and lang not in ("ar", "en"):
        raise typer.BadParameter(f"{lang!r}: use ar or en", param_hint="--lang")
    last = _date(until, "--until") or dt.datetime.now(dt.timezone.utc).date()
    first = _date(since, "--since") or last
    if last < first:
        raise typer.BadParameter(f"--until {last} is before --since {first}", param_hint="--until")
    try:
        conn = store.open_alerts(db, create=False)
        sub = None
        if subscription is not None:
            sub = store.get_subscription(conn, subscription)
            if sub is None:
                names = ", ".join(s.name for s in store.subscriptions(conn)) or "none"
                raise _fail(ValueError(f"no subscription {subscription!r} in {db} (there: {names})"))
        d = digests.build(conn, sub, first, last, lang or (sub.lang if sub else "en"), _base_url(base_url))
        conn.close()
    except StoreError as exc:
        raise _fail(exc) from None
    if format is DigestFormat.json:
        text = digests.as_json(d)
    elif format is DigestFormat.html:
        text = digests.html_page(d)
    else:
        map_name = None
        if output is not None:
            map_path = output.with_name(output.stem + "-map.svg")
            map_path.write_text(d["map_svg"], encoding="utf-8")
            map_name = map_path.name
        text = digests.markdown(d, map_name)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"{output}: {d['totals']['events']} event(s), {d['since']}..{d['until']}")


subs_app = typer.Typer(no_args_is_help=True, help="Subscriptions: check a file, load it into a store, list, test, remove.")


@subs_app.command("check")
def subs_check(file: Annotated[Path, typer.Argument(help="Subscriptions file (YAML).")]) -> None:
    """Validate a subscriptions file (errors name the line)."""
    from rasd.alerts.subscriptions import load_subscriptions
    from rasd.errors import RasdError

    try:
        subs = load_subscriptions(file)
    except RasdError as exc:
        raise _fail(exc) from None
    for s in subs:
        print(f"{s.name}: {s.schedule}, {', '.join(s.deliver.channels)}, {s.lang}")
    print(f"{file}: {len(subs)} subscription(s), no problems")


@subs_app.command("load")
def subs_load(file: Annotated[Path, typer.Argument(help="Subscriptions file (YAML).")],
              db: Annotated[Path, typer.Option("--db", help="SQLite store (created when missing).")]) -> None:
    """Make the store's subscriptions from this file match it (others are kept)."""
    from rasd.alerts import store
    from rasd.alerts.subscriptions import load_subscriptions
    from rasd.errors import RasdError

    try:
        subs = load_subscriptions(file)
        conn = store.open_alerts(db)
        counts = store.sync_file(conn, subs, str(file.resolve()))
        conn.close()
    except RasdError as exc:
        raise _fail(exc) from None
    print(f"{file}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@subs_app.command("list")
def subs_list(db: Annotated[Path, typer.Option("--db", help="SQLite store.")]) -> None:
    """The store's subscriptions and their last deliveries."""
    from rasd.alerts import store
    from rasd.errors import RasdError

    try:
        conn = store.open_alerts(db, create=False)
        rows = store.subscription_rows(conn)
        recent = {r["name"]: store.deliveries(conn, r["name"], 3) for r in rows}
        conn.close()
    except RasdError as exc:
        raise _fail(exc) from None
    for r in rows:
        spec = r["spec"]
        print(f"{r['name']} ({spec['schedule']}, {spec['lang']}, {', '.join(k for k, v in spec['deliver'].items() if v)}; "
              f"from {r['origin']})")
        for d in recent[r["name"]]:
            print(f"    {d['created_at']} {d['channel']} {d['status']}: {d['summary']}"
                  + (f" ({d['last_error']})" if d["last_error"] else ""))


@subs_app.command("test")
def subs_test(name: Annotated[str, typer.Argument(help="Subscription name.")],
              db: Annotated[Path, typer.Option("--db", help="SQLite store.")],
              allow_private: Annotated[bool, typer.Option(help="Allow a webhook on a loopback/private address.")] = False) -> None:
    """Send a test message through every channel of a subscription now."""
    from rasd.alerts import engine, store
    from rasd.errors import RasdError

    try:
        conn = store.open_alerts(db, create=False)
        sub = store.get_subscription(conn, name)
        if sub is None:
            raise ValueError(f"no subscription {name!r} in {db}")
        results = engine.test_send(conn, sub, engine.Deliverer(conn, allow_private=allow_private))
        conn.close()
    except (RasdError, ValueError) as exc:
        raise _fail(exc) from None
    for r in results:
        print(f"{r['channel']}: {r['status']}" + (f" ({r['last_error']})" if r["last_error"] else ""))
    if any(r["status"] != "sent" for r in results):
        raise typer.Exit(1)


@subs_app.command("remove")
def subs_remove(name: Annotated[str, typer.Argument(help="Subscription name.")],
                db: Annotated[Path, typer.Option("--db", help="SQLite store.")]) -> None:
    """Delete a subscription (its delivery history is kept)."""
    from rasd.alerts import store
    from rasd.store.db import transaction

    conn = store.open_alerts(db, create=False)
    with transaction(conn):
        gone = store.delete_subscription(conn, name)
    conn.close()
    if not gone:
        raise _fail(ValueError(f"no subscription {name!r}"), 1)
    print(f"removed {name}")


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
    app.command("watch-status")(watch_status)
    app.command("digest")(digest)
    app.add_typer(subs_app, name="subscriptions")
