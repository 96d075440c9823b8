"""kill -9 in the middle of a real `rasd watch --once` run, again and again until a run
finishes by itself: every alert is delivered (no loss), no alert is recorded or sent
twice by rasd (no repeat), and the one message in flight at a kill is re-sent with the
same idempotency key and body, so the receiver, which keeps keys, processes each alert
exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rasd.alerts import store
from tests.alerts.conftest import SECRET, write

CITIES = ["الرقة", "الحسكة", "دير الزور", "حلب", "إدلب", "حماة", "حمص", "درعا", "اللاذقية", "طرطوس"]
COUNTS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "ثلاثة", "أربعة"]


def articles() -> list[dict]:
    return [{"id": f"strike-{i}", "outlet": f"Outlet {i}", "published": "2018-03-10", "title": f"غارة على {city}",
             "text": f"قُتل {COUNTS[i]} مدنيين في غارة جوية لطيران التحالف الدولي على مدينة {city} يوم الجمعة."}
            for i, city in enumerate(CITIES)]


def test_kill_9_mid_run_loses_and_repeats_nothing(site, receiver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    got, hook = receiver
    got.delay = 0.4  # a slow receiver: the kills land while messages are in flight
    for article in articles():
        feeds.publish("/feed.xml", article)
    sources = write(tmp_path / "sources.yaml", f"defaults: {{delay: 0}}\nsources:\n  - name: s\n    url: {server.url}/feed.xml\n")
    subs = write(tmp_path / "subs.yaml", f"""\
subscriptions:
  - name: everything
    deliver:
      webhook: {{url: "{hook.url}/in", secret_env: HOOK_SECRET}}
      files: {{dir: {tmp_path / 'out'}, formats: [json]}}
""")
    db_path = tmp_path / "store.sqlite"
    command = [sys.executable, "-m", "rasd", "watch", "--once", "--allow-private", "--sources", str(sources),
               "--db", str(db_path), "--subscriptions", str(subs)]
    env = {**os.environ, "HOOK_SECRET": SECRET}
    kills, finished = 0, False
    for _ in range(20):
        before = len(got.got)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if len(got.got) >= before + 2:  # two more messages arrived: kill it mid-delivery
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                kills += 1
                break
            time.sleep(0.02)
        else:
            if process.poll() is None:
                process.kill()
                raise AssertionError("rasd watch --once did not finish")
        if process.returncode == 0:
            finished = True
            break
        assert process.returncode == -signal.SIGKILL
    assert finished and kills >= 3, (finished, kills)

    conn = store.open_alerts(db_path, create=False)
    rows = conn.execute("SELECT key, channel, status, attempts FROM alert_deliveries ORDER BY id").fetchall()
    merged = conn.execute("SELECT count(*) FROM merged").fetchone()[0]
    conn.close()
    assert merged == 10
    # no repeat on rasd's side: one intent per event and channel, each sent once
    assert len(rows) == 20 and len({r[0] for r in rows}) == 20
    assert {r[2] for r in rows} == {"sent"}
    # no loss: every webhook intent reached the receiver with a valid signature
    webhook_keys = {r[0] for r in rows if r[1] == "webhook"}
    assert set(got.keys()) == webhook_keys
    # the receiver keeps keys: each alert processed once; a re-send happened only for a
    # message in flight at a kill (attempts 2), with the very same body
    first: dict[str, dict] = {}
    resent = []
    for call in got.valid:
        if call.key in first:
            resent.append(call.key)
            assert call.body == first[call.key]
        first[call.key] = call.body
    assert len(resent) <= kills
    attempts = {r[0]: r[3] for r in rows}
    assert all(attempts[k] >= 2 for k in resent)
    # the files channel: one file per alert, complete JSON
    import json
    files = sorted((tmp_path / "out").glob("*.json"))
    assert len(files) == 10 and all(json.loads(f.read_text(encoding="utf-8"))["kind"] == "new" for f in files)
    # and one more run sends nothing
    total = len(got.got)
    assert subprocess.run(command, env=env, capture_output=True).returncode == 0
    assert len(got.got) == total
