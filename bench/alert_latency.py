"""Latency from a feed item appearing to its alert delivered, end to end on this machine.

A feed server, an SMTP server (STARTTLS + login) and a webhook receiver run on
127.0.0.1; `rasd watch` runs as it would in production (its own process, polling every
--interval seconds) with one subscription delivering by email and webhook. Each round
publishes a new article at a random moment of the poll cycle and times its arrival at
the webhook receiver and the SMTP server.

    python bench/alert_latency.py [--interval 2] [--rounds 8] [--json]

Target (issue 14): under 5 s plus the poll interval.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.alerts.test_kill import articles  # noqa: E402
from tests.localservers import FeedSite, Receiver, SMTPServer, feed_server, webhook_server  # noqa: E402

SECRET = "bench-secret"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", type=float, default=2.0, help="poll interval of the source, seconds")
    parser.add_argument("--rounds", type=int, default=8, help="articles published (at most 10)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 10))
    work = Path(tempfile.mkdtemp(prefix="rasd-latency-"))
    site = FeedSite()
    site.feeds["/feed.xml"] = []
    feeds = feed_server(site)
    got = Receiver(SECRET)
    hook = webhook_server(got)
    smtp = SMTPServer(work)
    (work / "sources.yaml").write_text(
        f"defaults: {{interval: {args.interval}s, delay: 0, timeout: 10s}}\n"
        f"sources:\n  - name: bench\n    url: {feeds.url}/feed.xml\n", encoding="utf-8")
    (work / "subs.yaml").write_text(
        "subscriptions:\n  - name: bench\n    deliver:\n      email: {to: [desk@example.org]}\n"
        f"      webhook: {{url: \"{hook.url}/in\", secret_env: BENCH_SECRET}}\n", encoding="utf-8")
    db = work / "store.sqlite"
    env = {**os.environ, "BENCH_SECRET": SECRET, "RASD_DATA_DIR": str(work / "data"), **smtp.env()}
    watch = subprocess.Popen([sys.executable, "-m", "rasd", "watch", "--allow-private", "--sources",
                              str(work / "sources.yaml"), "--subscriptions", str(work / "subs.yaml"), "--db", str(db)],
                             env=env, stdout=subprocess.DEVNULL, stderr=open(work / "watch.log", "w"))
    results = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # warm: the first pass is done (pipeline loaded)
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("SELECT last_success FROM watch_sources").fetchone()[0]:
                        break
            except (sqlite3.Error, TypeError):
                pass
            time.sleep(0.2)
        else:
            raise SystemExit(f"rasd watch did not start; see {work / 'watch.log'}")
        for article in articles()[:rounds]:
            time.sleep(random.uniform(0, args.interval))  # any moment of the poll cycle
            mails_before = len(smtp.received())
            appeared = site.publish("/feed.xml", article)
            webhook_at = email_at = None
            limit = time.time() + 30
            while time.time() < limit and (webhook_at is None or email_at is None):
                for call in got.valid:
                    if webhook_at is None and article["id"] in call.body["event"].get("doc_ids", []):
                        webhook_at = call.at
                mails = smtp.received()
                if email_at is None and len(mails) > mails_before:  # one alert per article: its mail
                    email_at = mails[mails_before].at
                time.sleep(0.01)
            results.append({"article": article["id"], "webhook_s": None if webhook_at is None else webhook_at - appeared,
                            "email_s": None if email_at is None else email_at - appeared})
    finally:
        watch.terminate()
        watch.wait(timeout=30)
        feeds.close()
        hook.close()
        smtp.close()
    worst = [max(r["webhook_s"] or 1e9, r["email_s"] or 1e9) for r in results]
    figures = {"interval_s": args.interval, "rounds": results,
               "webhook_median_s": statistics.median(r["webhook_s"] or 1e9 for r in results),
               "email_median_s": statistics.median(r["email_s"] or 1e9 for r in results),
               "max_s": max(worst), "max_minus_interval_s": max(worst) - args.interval,
               "target_s": 5 + args.interval, "met": max(worst) <= 5 + args.interval}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"poll interval {args.interval:g} s, {len(results)} articles, email (STARTTLS) and webhook on 127.0.0.1")
    for r in results:
        print(f"  {r['article']}: webhook {r['webhook_s']:.2f} s, email {r['email_s']:.2f} s")
    print(f"median: webhook {figures['webhook_median_s']:.2f} s, email {figures['email_median_s']:.2f} s; "
          f"worst {figures['max_s']:.2f} s = interval + {figures['max_minus_interval_s']:.2f} s "
          f"(target: under interval + 5 s: {'met' if figures['met'] else 'NOT met'})")


if __name__ == "__main__":
    main()
