"""Deliveries that fail are retried with back-off and never stop polling; subscriptions
files with mistakes are refused with the line; the webhook signature is checked."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rasd.alerts import engine, store
from rasd.alerts.deliver import sign, verify
from rasd.alerts.subscriptions import Subscription, load_subscriptions, loads_subscriptions
from rasd.store import db
from rasd.store.ingest import ingest
from rasd.watch.yamlfile import ConfigError
from tests.alerts.conftest import SECRET, rasd, write
from tests.localservers import free_port
from tests.store import STRIKE_DOCS, write_jsonl


@pytest.mark.parametrize("text, line, words", [
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}}\n    filters:\n      min_fatalities: many\n", 5,
     "min_fatalities"),
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}}\n    filters: {types: [Airstrike]}\n", 4, "Airstrike"),
    ("subscriptions:\n  - name: a\n    deliver: {}\n", 3, "at least one of email, webhook, files"),
    ("subscriptions:\n  - name: a\n    deliver: {email: {to: [not-an-address]}}\n", 3, "not an email address"),
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}}\n    tz: Mars/Olympus\n", 4, "time zone"),
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}}\n    schedule: hourly\n", 4, "schedule"),
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}}\n  - name: a\n    deliver: {files: {dir: y}}\n", 4,
     "already used on line 2"),
    ("subscriptions:\n  - name: a\n    deliver: {files: {dir: x}\n", 4, "not valid YAML"),
])
def test_a_broken_subscriptions_file_names_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path / "subs.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_subscriptions(path)
    assert caught.value.line == line, str(caught.value)
    assert words in str(caught.value) and str(caught.value).startswith(f"{path}:{line}: ")
    checked = rasd("subscriptions", "check", str(path))
    assert checked.returncode == 2 and f"{path}:{line}:" in checked.stderr and "Traceback" not in checked.stderr


def test_filters_select_what_a_subscription_wants() -> None:
    (sub,) = loads_subscriptions("""\
subscriptions:
  - name: f
    deliver: {files: {dir: x}}
    filters:
      countries: [sy]
      governorates: [الرقة]
      near: {lat: 35.95, lon: 39.01, km: 30}
      actors: [coalition]
      types: [Explosions/Remote violence]
      min_fatalities: 5
      min_confidence: 0.5
    schedule: daily
    at: 07:30
    tz: Asia/Damascus
""")
    event = {"country": "SY", "admin1": "Raqqa", "latitude": 35.95, "longitude": 39.0, "actor1": "International Coalition",
             "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "fatalities": 5,
             "fatalities_high": 8, "confidence": 0.8}
    assert sub.filters.governorates == ["Raqqa"] and sub.at == "07:30"
    assert sub.matches(event)
    assert not sub.matches(event, "rejected")
    assert sub.matches(dict(event, fatalities=3))  # the high end of the reports counts
    assert not sub.matches(dict(event, fatalities=3, fatalities_high=None))
    assert not sub.matches(dict(event, latitude=36.5))  # outside the radius
    assert not sub.matches(dict(event, actor1="Islamic State"))
    assert not sub.matches(dict(event, event_type="Battles", sub_event_type="Armed clash"))
    assert not sub.matches(dict(event, confidence=0.3))
    boxed = Subscription(name="b", deliver={"files": {"dir": "x"}}, filters={"bbox": (38.0, 35.0, 40.0, 36.5)})
    assert boxed.matches(event) and not boxed.matches(dict(event, longitude=41.0))
    assert not boxed.matches(dict(event, latitude=None))
    import datetime as dt
    slot = sub.last_slot(dt.datetime(2026, 3, 10, 3, 0, tzinfo=dt.timezone.utc))  # 06:00 in Damascus (UTC+3)
    assert slot == dt.datetime(2026, 3, 9, 4, 30, tzinfo=dt.timezone.utc)  # yesterday 07:30 local


def test_the_signature_a_receiver_checks() -> None:
    body, now = b'{"a": 1}', str(int(time.time()))
    good = sign(SECRET, now, body)
    assert verify(SECRET, now, body, good)
    assert not verify("other-secret", now, body, good)
    assert not verify(SECRET, now, body + b" ", good)
    assert not verify(SECRET, str(int(time.time()) - 3600), body, sign(SECRET, str(int(time.time()) - 3600), body))


def _store_with_alerts(tmp_path: Path, deliver: dict) -> tuple[Path, object]:
    """A store with one subscription (every event) and the test articles ingested after it."""
    path = tmp_path / "store.sqlite"
    conn = store.open_alerts(path)
    with db.transaction(conn):
        store.put_subscription(conn, Subscription(name="all", deliver=deliver), "test")
    ingest([str(write_jsonl(tmp_path / "docs.jsonl", STRIKE_DOCS))], path, workers=1)
    return path, conn


def test_an_unreachable_smtp_server_or_webhook_is_retried_with_back_off(receiver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    got, hook = receiver
    got.fail = 1  # the first call fails with HTTP 500
    path, conn = _store_with_alerts(tmp_path, {"email": {"to": ["desk@example.org"]},
                                               "webhook": {"url": hook.url + "/x", "secret_env": "HOOK_SECRET"}})
    closed_port = free_port()  # nothing listens there
    env = {"HOOK_SECRET": SECRET, "RASD_SMTP_HOST": "127.0.0.1", "RASD_SMTP_PORT": str(closed_port)}
    assert engine.evaluate(conn) == 6  # three merged events, two channels
    deliverer = engine.Deliverer(conn, allow_private=True, env=env, backoff=10)
    now = time.time()
    counts = deliverer.run_due(now)
    # one attempt per destination: the first email and the first webhook fail, the rest wait
    assert counts == {"sent": 0, "retry": 2, "failed": 0, "deferred": 4}
    rows = conn.execute("SELECT channel, status, attempts, last_error FROM alert_deliveries ORDER BY id").fetchall()
    assert [r[1] for r in rows if r[2]] == ["retry", "retry"]
    assert any("cannot reach 127.0.0.1" in (r[3] or "") for r in rows)
    assert any("HTTP 500" in (r[3] or "") for r in rows)
    assert deliverer.run_due(now + 1) == {"sent": 0, "retry": 0, "failed": 0, "deferred": 0}  # backing off
    counts = deliverer.run_due(now + 11)
    assert counts["sent"] == 3 and counts["retry"] == 1  # the webhook is back; SMTP is still down
    assert sorted(got.keys()) == sorted(r[0] for r in conn.execute(
        "SELECT key FROM alert_deliveries WHERE channel = 'webhook'"))
    wait = conn.execute("SELECT next_attempt FROM alert_deliveries WHERE channel = 'email' AND attempts = 2").fetchone()[0]
    assert wait == pytest.approx(now + 11 + 20)  # doubled
    conn.close()


def test_polling_goes_on_while_deliveries_fail(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    feeds.publish("/feed.xml", STRIKE_DOCS[2])
    sources = write(tmp_path / "sources.yaml", f"defaults: {{delay: 0}}\nsources:\n  - name: s\n    url: {server.url}/feed.xml\n")
    subs = write(tmp_path / "subs.yaml", f"""\
subscriptions:
  - name: all
    deliver:
      email: {{to: [desk@example.org]}}
      webhook: {{url: "http://127.0.0.1:{free_port()}/none", secret_env: HOOK_SECRET}}
""")
    env = {"HOOK_SECRET": SECRET, "RASD_SMTP_HOST": "127.0.0.1", "RASD_SMTP_PORT": str(free_port())}
    args = ["watch", "--once", "--allow-private", "--sources", str(sources), "--db", str(tmp_path / "s.sqlite"),
            "--subscriptions", str(subs)]
    run = rasd(*args, env=env)
    assert run.returncode == 0, run.stderr  # delivery problems are not source failures
    assert "s: 1 new" in run.stdout
    assert "cannot reach 127.0.0.1" in run.stderr and "next in 30 s" in run.stderr
    feeds.publish("/feed.xml", STRIKE_DOCS[3])
    run = rasd(*args, env=env)
    assert "s: 1 new" in run.stdout  # polled and stored regardless
    conn = store.open_alerts(tmp_path / "s.sqlite", create=False)
    statuses = conn.execute("SELECT status, count(*) FROM alert_deliveries GROUP BY status").fetchall()
    assert dict(statuses) == {"retry": 4} or dict(statuses).get("retry", 0) + dict(statuses).get("pending", 0) == 4
    conn.close()
