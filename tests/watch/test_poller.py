"""The poller against a real feed server on 127.0.0.1: conditional GET, redirects, a slow
and a failing source, robots.txt, per-host delay, back-off, deduplication, status and the
SSRF guard. Articles are the store tests' own (no shared data needed)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.store import db
from rasd.watch.poller import Watcher, status
from rasd.watch.sources import parse_sources
from tests.localservers import FeedSite, Server, running_feed_site
from tests.store import STRIKE_DOCS

EMBEDDED = None  # the embedded gazetteer (tests isolate RASD_DATA_DIR)


@pytest.fixture
def site() -> Iterator[tuple[FeedSite, Server]]:
    yield from running_feed_site()


def sources(server: Server, *entries: dict, **defaults: object) -> list:
    d = {"interval": "1s", "delay": 0, "timeout": "5s", "backoff": "1m", **defaults}
    return parse_sources({"defaults": d, "sources": [
        {**e, "url": server.url + e["url"]} for e in entries]})


def watcher(tmp_path: Path, listed: list, **kw: object) -> Watcher:
    return Watcher(tmp_path / "store.sqlite", listed, allow_private=True, **kw)  # type: ignore[arg-type]


def by_source(results: list) -> dict:
    return {r.source: r for r in results}


def test_new_items_are_stored_and_merged_then_a_304_fetches_nothing(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    feeds.publish("/feed.xml", STRIKE_DOCS[0], title="Enab Baladi")
    w = watcher(tmp_path, sources(server, {"name": "enab", "url": "/feed.xml"}))
    first = by_source(w.poll(every=True))["enab"]
    assert first.status == "ok" and first.counts["new"] == 1
    assert db.summary(w.conn)["documents"] == 1 and db.summary(w.conn)["merged"] == 1
    outlet = w.conn.execute("SELECT outlet FROM documents").fetchone()[0]
    assert outlet == "Enab Baladi"  # the feed's title when the source gives none
    again = by_source(w.poll(every=True))["enab"]
    assert again.status == "not-modified"
    statuses = [h.status for h in feeds.requests("/feed.xml")]
    assert statuses == [200, 304]
    assert feeds.requests("/feed.xml")[1].headers.get("If-None-Match")
    feeds.publish("/feed.xml", STRIKE_DOCS[1])  # same strike, another outlet's article
    third = by_source(w.poll(every=True))["enab"]
    assert (third.counts["new"], third.counts["unchanged"]) == (1, 1)
    assert db.summary(w.conn)["multi_source"] == 1  # merged with the first report
    row = status(w.conn)[0]
    assert (row["name"], row["articles_new"], row["articles_unchanged"], row["not_modified"], row["failures"]) == \
        ("enab", 2, 1, 1, 0)
    assert row["last_success"] and row["last_error"] is None
    w.close()


def test_redirects_slow_and_failing_sources_do_not_stop_the_others(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    feeds.publish("/feed.xml", STRIKE_DOCS[2])
    feeds.publish("/slow.xml", STRIKE_DOCS[3])
    feeds.slow["/slow.xml"] = 4.0
    feeds.failing.add("/fail.xml")
    feeds.redirects["/moved.xml"] = "/feed.xml"
    listed = sources(server, {"name": "moved", "url": "/moved.xml", "outlet": "Al-Hal Net"},
                     {"name": "slow", "url": "/slow.xml", "timeout": "1s"},
                     {"name": "fail", "url": "/fail.xml"})
    w = watcher(tmp_path, listed)
    started = time.monotonic()
    results = by_source(w.poll(every=True))
    assert time.monotonic() - started < 3.5  # the slow source timed out, nothing waited for it
    assert results["moved"].status == "ok" and results["moved"].counts["new"] == 1
    assert results["slow"].status == "error" and "timed out" in results["slow"].error
    assert results["fail"].status == "error" and "HTTP 500" in results["fail"].error
    assert w.conn.execute("SELECT outlet FROM documents").fetchone()[0] == "Al-Hal Net"  # the source's name wins
    # back-off: the failing sources are skipped until it ends, and doubled at each error
    fail = {r["name"]: r for r in status(w.conn)}["fail"]
    assert fail["failures"] == 1 and "HTTP 500" in fail["last_error"]
    second = by_source(w.poll(every=True))
    assert second["fail"].status == "backing-off" and second["slow"].status == "backing-off"
    assert len(feeds.requests("/fail.xml")) == 1
    due = w.conn.execute("SELECT next_due FROM watch_sources WHERE name = 'fail'").fetchone()[0]
    assert 55 < due - time.time() <= 60
    w.conn.execute("UPDATE watch_sources SET next_due = 0 WHERE name = 'fail'")
    by_source(w.poll(every=True))
    due = w.conn.execute("SELECT next_due, failures FROM watch_sources WHERE name = 'fail'").fetchone()
    assert due[1] == 2 and 115 < due[0] - time.time() <= 120
    feeds.failing.discard("/fail.xml")
    feeds.feeds["/fail.xml"] = []
    w.conn.execute("UPDATE watch_sources SET next_due = 0 WHERE name = 'fail'")
    assert by_source(w.poll(every=True))["fail"].status == "ok"  # an empty feed is not an error
    assert {r["name"]: r for r in status(w.conn)}["fail"]["failures"] == 0
    w.close()


def test_robots_txt_is_respected(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    feeds.publish("/private/feed.xml", STRIKE_DOCS[0])
    feeds.publish("/feed.xml", STRIKE_DOCS[2])
    w = watcher(tmp_path, sources(server, {"name": "private", "url": "/private/feed.xml"},
                                  {"name": "public", "url": "/feed.xml"}))
    results = by_source(w.poll(every=True))
    assert results["private"].status == "disallowed" and "robots.txt" in results["private"].error
    assert results["public"].counts["new"] == 1
    assert feeds.requests("/private/feed.xml") == []
    assert len(feeds.requests("/robots.txt")) == 1  # once per host, cached
    w.close()


def test_requests_to_one_host_keep_the_delay(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    for name in ("a", "b", "c"):
        feeds.feeds[f"/{name}.xml"] = []
    listed = sources(server, *({"name": n, "url": f"/{n}.xml"} for n in ("a", "b", "c")), delay="0.4s")
    w = watcher(tmp_path, listed, robots=False, threads=3)
    w.poll(every=True)
    times = sorted(h.at for h in feeds.hits)
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.35, gaps
    w.close()


def test_the_same_article_under_another_id_or_in_another_feed_is_stored_once(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    article = dict(STRIKE_DOCS[0], link="http://news.example/a.html")
    feeds.publish("/one.xml", article)
    feeds.publish("/two.xml", dict(article, id="another-guid"))  # same URL, another guid
    feeds.publish("/three.xml", dict(STRIKE_DOCS[0], id="third-guid", link="http://news.example/copy.html"))
    w = watcher(tmp_path, sources(server, {"name": "one", "url": "/one.xml"}))
    w.poll(every=True)
    w.sources = sources(server, {"name": "two", "url": "/two.xml"}, {"name": "three", "url": "/three.xml"})
    w._sync_sources()
    results = by_source(w.poll(every=True))
    assert results["two"].counts["duplicate"] == 1  # by URL
    assert results["three"].counts["duplicate"] == 1  # by its text
    assert db.summary(w.conn)["documents"] == 1
    assert w.conn.execute("SELECT count(*) FROM documents WHERE url = 'http://news.example/a.html'").fetchone()[0] == 1
    w.close()


def test_loopback_sources_are_refused_without_allow_private(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    feeds.publish("/feed.xml", STRIKE_DOCS[0])
    w = Watcher(tmp_path / "store.sqlite", sources(server, {"name": "local", "url": "/feed.xml"}))
    result = by_source(w.poll(every=True))["local"]
    assert result.status in ("error", "disallowed") and "SSRF" in result.error
    assert feeds.hits == []  # not one byte sent
    w.close()


def test_watch_status_command(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from rasd.cli import app

    feeds, server = site
    feeds.publish("/feed.xml", STRIKE_DOCS[2])
    feeds.failing.add("/fail.xml")
    path = tmp_path / "sources.yaml"
    path.write_text(f"defaults: {{delay: 0}}\nsources:\n  - name: good\n    url: {server.url}/feed.xml\n"
                    f"  - name: bad\n    url: {server.url}/fail.xml\n", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    run = CliRunner().invoke(app, ["watch", "--once", "--allow-private", "--sources", str(path), "--db", str(store)])
    assert run.exit_code == 1, run.output  # a source failed
    assert "good: 1 new" in run.output and "bad: error: " in run.output
    shown = CliRunner().invoke(app, ["watch-status", "--db", str(store), "--json"])
    rows = {r["name"]: r for r in json.loads(shown.stdout)}
    assert rows["good"]["articles_new"] == 1 and rows["good"]["last_success"]
    assert rows["bad"]["failures"] == 1 and "HTTP 500" in rows["bad"]["last_error"]
