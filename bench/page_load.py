"""Review page load time with the corpus ingested and 10,000 events in the store.

The target: "with the corpus ingested, the page loads in under 2 s with 10,000 events in
the store". The store is ``--db`` (copied, never written) or the corpus ingested into a
temporary file (``rasd.store.ingest.ingest``, 2 workers). When it holds fewer than
``--events`` merged events, the copy is topped up with synthetic events: copies of real
merged rows under new ids, dates shifted by whole days, coordinates jittered by less
than 0.05 degrees, the record JSON changed to match; they have no member events (an
event belongs to one merged event), so their detail view lists no sources.

``python -m rasd serve`` runs on a free loopback port; headless Chromium (Playwright)
loads the page ``--runs`` times, each in a new browser context (empty cache):
  - ready: navigation start (performance.timeOrigin) to ``body[data-ready='1']``, the
    page's own "rendered" signal (map, timeline, legend, list drawn);
  - geojson: the /api/events.geojson response (Resource Timing): request start to last
    byte, its server time (request sent to first byte) and size;
  - filter: choosing a type in #f-type until #count changes, and until the next frame.
The browser process is started once; its start-up is not in the numbers. Also timed: GET
/api/events.geojson with httpx (no browser), and the endpoint's work in-process, stage by
stage, to show what dominates it.

    python bench/page_load.py [--db PATH] [--corpus GLOB] [--events 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import glob
import io
import json
import os
import pstats
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
GEOJSON = "/api/events.geojson?review=all"  # what the page asks for
TARGET_S = 2.0
SCREENSHOT = ROOT / "bench" / "out" / "page_load.png"


# --- the store -------------------------------------------------------------------------

def ingest_corpus(paths: list[Path], db_path: Path, gazetteer: Path | None) -> float:
    from rich.console import Console

    from rasd.store.ingest import ingest

    started = time.perf_counter()
    ingest([str(p) for p in paths], db_path, workers=2, gazetteer_path=gazetteer, console=Console(quiet=True))
    return time.perf_counter() - started


def copy_store(source: Path, target: Path) -> None:
    """A consistent copy (the WAL included) through SQLite's backup API; ``source`` is only read."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _shift(value: object, days: int) -> object:
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + dt.timedelta(days=days)).isoformat() + value[10:]


def top_up(db_path: Path, wanted: int, seed: int = 1) -> tuple[int, int]:
    """Add synthetic merged events to the store copy at ``db_path`` until it holds
    ``wanted``; returns (real, synthetic)."""
    from rasd.store.db import EVENT_COLUMNS, event_columns

    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        rows = conn.execute("SELECT record, n_docs, reason FROM merged ORDER BY id").fetchall()
        real = len(rows)
        missing = wanted - real
        if missing <= 0 or not rows:
            return real, 0
        rng = random.Random(seed)
        next_id = 1 + max(conn.execute("SELECT ifnull(max(id), 0) FROM merged").fetchone()[0],
                          conn.execute("SELECT ifnull(max(id), 0) FROM events").fetchone()[0],
                          conn.execute("SELECT ifnull(max(seq), 0) FROM sqlite_sequence").fetchone()[0])
        batch = []
        for k in range(missing):
            text, n_docs, reason = rows[k % real]
            record = json.loads(text)
            days = rng.choice([-1, 1]) * rng.randint(1, 365)
            for key in ("date", "date_end"):
                record[key] = _shift(record.get(key), days)
            if isinstance(record.get("latitude"), (int, float)) and isinstance(record.get("longitude"), (int, float)):
                record["latitude"] = round(record["latitude"] + rng.uniform(-0.049, 0.049), 6)
                record["longitude"] = round(record["longitude"] + rng.uniform(-0.049, 0.049), 6)
            if "members" in record:
                record["members"] = []  # no merged_members rows: the per-document events belong to the original
            batch.append((next_id + k, *event_columns(record), json.dumps(record, ensure_ascii=False), n_docs,
                          f"synthetic copy (bench/page_load.py) of: {reason}"))
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO merged (id, {', '.join(EVENT_COLUMNS)}, record, n_docs, reason) "
                         f"VALUES (?, {', '.join('?' * len(EVENT_COLUMNS))}, ?, ?, ?)", batch)
        conn.execute("COMMIT")
        return real, missing
    finally:
        conn.close()


# --- the server ------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_path: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    import httpx

    env = {k: v for k, v in os.environ.items() if k != "RASD_TOKEN"}
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(db_path), "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"rasd serve exited with {server.returncode}:\n{log.read_text()[-2000:]}")
        try:
            response = httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5)
        except httpx.HTTPError:  # not listening yet
            time.sleep(0.2)
            continue
        if response.status_code == 200:
            return server
        stop_server(server)
        raise SystemExit(f"GET /api/meta: HTTP {response.status_code} {response.text[:300]}\n{log.read_text()[-2000:]}")
    stop_server(server)
    raise SystemExit(f"rasd serve did not answer /api/meta within 60 s:\n{log.read_text()[-2000:]}")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- the browser -----------------------------------------------------------------------

# Before any page script: when body gets data-ready="1".
INIT_SCRIPT = """
(() => {
  window.__bench = { ready: null, countAt: null };
  new MutationObserver(() => {
    if (window.__bench.ready === null && document.body && document.body.dataset.ready === '1') {
      window.__bench.ready = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})();
"""

PAGE_TIMES = """
() => {
  const r = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/events.geojson'));
  const mark = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : null; };
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ready: window.__bench.ready, ready_mark: mark('rasd:ready'), data_mark: mark('rasd:data'),
    dom_content_loaded: nav ? nav.domContentLoadedEventEnd : null,
    geojson: r ? { start: r.startTime, request: r.requestStart, first_byte: r.responseStart, end: r.responseEnd,
                   encoded: r.encodedBodySize, decoded: r.decodedBodySize, transfer: r.transferSize } : null,
    count: document.getElementById('count').textContent, features: (window.rasd && window.rasd.events || []).length,
  };
}
"""

# Listens before Playwright's select_option fires its events: the first input/change on
# #f-type starts the clock, the #count text change stops it, then one frame is awaited.
ARM_FILTER = """
() => {
  const b = window.__bench;
  b.filterStart = null; b.countAt = null; b.frameAt = null;
  const sel = document.getElementById('f-type');
  const start = () => { if (b.filterStart === null) b.filterStart = performance.now(); };
  sel.addEventListener('input', start, { capture: true, once: true });
  sel.addEventListener('change', start, { capture: true, once: true });
  const before = document.getElementById('count').textContent;
  const mo = new MutationObserver(() => {
    if (b.countAt !== null || document.getElementById('count').textContent === before) return;
    b.countAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => { b.frameAt = performance.now(); }, 0));
  });
  mo.observe(document.getElementById('count'), { childList: true, characterData: true, subtree: true });
  return before;
}
"""


def browser_runs(url: str, runs: int, filter_type: str, screenshot: Path) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for i in range(runs):
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                try:
                    page = context.new_page()
                    page.add_init_script(INIT_SCRIPT)
                    wall = time.perf_counter()
                    page.goto(url, wait_until="commit")
                    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
                    wall = time.perf_counter() - wall
                    times = page.evaluate(PAGE_TIMES)
                    if i == runs - 1:
                        screenshot.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(screenshot))
                    before = page.evaluate(ARM_FILTER)
                    page.select_option("#f-type", filter_type)
                    page.wait_for_function("() => window.__bench.frameAt !== null", timeout=60_000)
                    f = page.evaluate("() => window.__bench")
                    after = page.evaluate("() => document.getElementById('count').textContent")
                    times.update(wall=wall, filter_count=f["countAt"] - f["filterStart"],
                                 filter_frame=f["frameAt"] - f["filterStart"], count_before=before, count_after=after)
                    results.append(times)
                finally:
                    context.close()
                g = times["geojson"] or {}
                print(f"run {i + 1}: ready {times['ready']:.0f} ms, geojson {g.get('end', 0) - g.get('start', 0):.0f} ms, "
                      f"filter {times['filter_count']:.0f} ms", file=sys.stderr, flush=True)
        finally:
            browser.close()
    return results


# --- the endpoint without the browser --------------------------------------------------

def http_times(url: str, runs: int) -> tuple[list[float], int]:
    import httpx

    seconds, size = [], 0
    with httpx.Client(timeout=120) as client:
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
            response.raise_for_status()
            size = len(response.content)
    return seconds, size


def endpoint_stages(db_path: Path, runs: int) -> tuple[dict[str, list[float]], str]:
    """The endpoint's work in this process: the whole request through the ASGI app
    (Starlette's TestClient), the same steps as ``events_geojson`` one by one, and the top
    of a cProfile of one call of the route's function."""
    import warnings

    from starlette.responses import JSONResponse

    with warnings.catch_warnings():  # starlette's note about httpx versions
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from rasd.serve.app import Settings, create_app
    from rasd.store import db
    from rasd.store.db import Filters

    client = TestClient(create_app(Settings(db_path=db_path)))
    stages: dict[str, list[float]] = {k: [] for k in ("whole request (in-process ASGI)", "open_store",
                                                      "SQL: execute + fetch rows", "build Feature dicts",
                                                      "JSONResponse: json.dumps + encode")}
    keys = ("id", "event_type", "sub_event_type", "date", "date_end", "actor1", "actor2", "admin1", "location")
    for _ in range(runs):
        t = time.perf_counter()
        client.get(GEOJSON).raise_for_status()
        stages["whole request (in-process ASGI)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        conn = db.open_store(db_path, create=False)
        stages["open_store"].append(time.perf_counter() - t)
        try:
            t = time.perf_counter()
            where, params = db.filter_clause(Filters(review="all"))
            rows = conn.execute(
                "SELECT id, event_type, sub_event_type, date, date_end, actor1, actor2, admin1, "
                "json_extract(record, '$.location'), lon, lat, fatalities, confidence, n_docs, review, corrected "
                f"FROM merged WHERE {where} ORDER BY date IS NULL, date, id", params).fetchall()
            stages["SQL: execute + fetch rows"].append(time.perf_counter() - t)
        finally:
            conn.close()
        t = time.perf_counter()
        features = []
        for row in rows:
            props = dict(zip(keys, row[:9]))
            props.update(fatalities=row[11], confidence=row[12], n_docs=row[13], review=row[14], corrected=bool(row[15]))
            geometry = {"type": "Point", "coordinates": [row[9], row[10]]} if row[9] is not None else None
            features.append({"type": "Feature", "id": row[0], "geometry": geometry, "properties": props})
        stages["build Feature dicts"].append(time.perf_counter() - t)
        t = time.perf_counter()
        JSONResponse({"type": "FeatureCollection", "features": features}, media_type="application/geo+json")
        stages["JSONResponse: json.dumps + encode"].append(time.perf_counter() - t)
    # the route's own function, called in this thread (through the server it runs in a
    # worker thread, out of the profiler's sight)
    endpoint = next(r.endpoint for r in client.app.routes if getattr(r, "path", "") == "/api/events.geojson")
    conn = db.open_store(db_path, create=False)
    profile = cProfile.Profile()
    profile.enable()
    _ = endpoint(conn=conn, selected=Filters(review="all")).body  # render it, as a request would
    profile.disable()
    conn.close()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(8)
    client.close()
    return stages, out.getvalue()


# --- report ----------------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an existing store (copied, never written; default: ingest the corpus)")
    parser.add_argument("--corpus", default=str(SHARED / "data" / "corpus" / "*.jsonl.gz"),
                        help="glob of the corpus files to ingest when no --db (default: %(default)s)")
    parser.add_argument("--gazetteer", type=Path, default=SHARED / "data" / "gazetteer" if
                        (SHARED / "data" / "gazetteer").is_dir() else None, help="gazetteer folder (default: shared)")
    parser.add_argument("--events", type=int, default=10_000, help="merged events in the store (synthetic top-up)")
    parser.add_argument("--runs", type=int, default=5, help="cold page loads (default: %(default)s)")
    parser.add_argument("--type", dest="filter_type", help="event type to filter on (default: the most common)")
    parser.add_argument("--screenshot", type=Path, default=SCREENSHOT, help="where to save the loaded page")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="rasd-page-load-") as folder:
        tmp = Path(folder)
        store = tmp / "store.sqlite"
        if args.db:
            if not args.db.is_file():
                raise SystemExit(f"{args.db}: no such file")
            copy_store(args.db, store)
            origin, ingest_s = f"copy of {args.db}", None
        else:
            paths = sorted(Path(p) for p in glob.glob(args.corpus))
            if not paths:
                raise SystemExit(f"{args.corpus}: no corpus files")
            print(f"ingesting {len(paths)} files (2 workers)…", file=sys.stderr, flush=True)
            ingest_s = ingest_corpus(paths, tmp / "ingested.sqlite", args.gazetteer)
            copy_store(tmp / "ingested.sqlite", store)
            origin = f"{', '.join(p.name for p in paths)} ingested in {ingest_s:.0f} s (2 workers)"
        real, synthetic = top_up(store, args.events)
        conn = sqlite3.connect(store)
        types = conn.execute("SELECT event_type, count(*) FROM merged GROUP BY 1 ORDER BY 2 DESC").fetchall()
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        per_doc = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        synthetic_id = conn.execute("SELECT min(id) FROM merged WHERE reason LIKE 'synthetic copy%'").fetchone()[0]
        conn.close()
        filter_type = args.filter_type or types[0][0]
        filter_n = dict(types).get(filter_type, 0)

        port = free_port()
        server = start_server(store, port, tmp / "serve.log")
        base = f"http://127.0.0.1:{port}"
        try:
            detail = None
            if synthetic_id is not None:
                import httpx

                detail = httpx.get(f"{base}/api/events/{synthetic_id}", timeout=30).status_code
            load = os.getloadavg()[0]  # other work on the machine shows in every number below
            loads = browser_runs(base + "/", args.runs, filter_type, args.screenshot)
            http_s, size = http_times(base + GEOJSON, args.runs)
        finally:
            stop_server(server)
        stages, profile = endpoint_stages(store, args.runs)

    # one row per measure: median, max, and each run
    def row(name: str, values: list[float], fmt=ms) -> str:  # type: ignore[no-untyped-def]
        return (f"| {name} | {fmt(statistics.median(values))} | {fmt(max(values))} | "
                f"{' · '.join(fmt(v) for v in values)} |")

    s = lambda key: [float(r[key]) / 1000 for r in loads]  # noqa: E731  (page times are in ms)
    g = lambda f: [f(r["geojson"]) / 1000 for r in loads]  # noqa: E731
    ready = s("ready")
    verdict = "PASS" if statistics.median(ready) < TARGET_S else "FAIL"
    sizes = {r["geojson"]["encoded"] for r in loads}
    print(f"store: {origin} · {documents:,} documents, {per_doc:,} per-document events · "
          f"**{real + synthetic:,} merged events = {real:,} real + {synthetic:,} synthetic** "
          f"(copies of real rows, dates shifted by whole days, coordinates jittered < 0.05°, no member events)")
    print(f"page: {loads[0]['features']:,} features loaded · Chromium {CHROMIUM} headless, 1440×900, new context per run "
          f"(cold cache), browser start-up excluded · {os.cpu_count()} CPUs, load average {load:.1f} before the "
          f"browser runs · Python {sys.version.split()[0]}")
    if detail is not None:
        print(f"GET /api/events/{synthetic_id} (a synthetic event): HTTP {detail}")
    print()
    print(f"| measure ({len(loads)} cold loads) | median | max | runs |")
    print("|---|---:|---:|---|")
    print(row("**page ready**: navigation start → body[data-ready='1']", ready))
    print(row("… DOMContentLoaded", s("dom_content_loaded")))
    print(row("… /api/events.geojson: request start → last byte", g(lambda x: x["end"] - x["start"])))
    print(row("… of which server time (request sent → first byte)", g(lambda x: x["first_byte"] - x["request"])))
    print(row("… geojson last byte → ready (JSON parse + first render)", [r - e for r, e in zip(
        ready, g(lambda x: x["end"]))]))
    print(row(f"filter: #f-type = {filter_type} → #count changed", s("filter_count")))
    print(row("filter: … → next frame painted", s("filter_frame")))
    print(row("GET /api/events.geojson with httpx (no browser)", http_s))
    print(f"\n/api/events.geojson: {max(sizes):,} bytes ({max(sizes) / 2**20:.1f} MiB, uncompressed) · "
          f"#count {loads[-1]['count_before']} → {loads[-1]['count_after']} ({filter_n:,} {filter_type})")
    print(f"\n**{verdict}**: median page ready {statistics.median(ready):.2f} s "
          f"({'<' if verdict == 'PASS' else '≥'} {TARGET_S:g} s), max {max(ready):.2f} s. "
          f"Screenshot: {args.screenshot.relative_to(ROOT) if args.screenshot.is_relative_to(ROOT) else args.screenshot}")

    print(f"\nThe endpoint in-process ({args.runs} runs, same store, no server):\n")
    print("| stage | median | max |")
    print("|---|---:|---:|")
    for name, values in stages.items():
        print(f"| {name} | {ms(statistics.median(values))} | {ms(max(values))} |")
    print("\ncProfile of one call of the route function (top 8 by own time):\n")
    print("```")
    print("\n".join(line for line in profile.strip().splitlines()[-12:] if line.strip()))
    print("```")


if __name__ == "__main__":
    main()
