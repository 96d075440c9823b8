"""End to end, every component real and on 127.0.0.1: a feed site serving corpus articles,
`rasd watch --once` in its own process, an SMTP server that requires STARTTLS and a login,
a webhook receiver that checks the HMAC signature, and the store.

The two articles (both in dev_pool.txt, neither in the gold) report the suicide car bombing of
a checkpoint in Tarmiyah, north of Baghdad, on 21 July 2015: Al-Eqtisadiya with 3 dead, Asharq
Al-Awsat later with 6. (An earlier version used the Suruç bombing, which rasd read as a village
of Aleppo; Suruç is in Turkey, and rasd no longer codes it.)"""

from __future__ import annotations

import json
from pathlib import Path

from rasd.store import db, review
from tests.alerts.conftest import GAZETTEER, SECRET, needs_corpus, rasd, write
from tests.localservers import corpus_articles


def subject_of(mail) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(mail.message["Subject"]).split())  # unfolded


FIRST = "saudinewsnet:2015-07-22-0246-0a8f852b9c"
SECOND = "saudinewsnet:2015-07-22-0114-d17368bc4e"


@needs_corpus
def test_a_feed_article_becomes_one_alert_then_one_update_and_a_digest(site, receiver, smtp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds, server = site
    got, hook = receiver
    articles = corpus_articles([FIRST, SECOND])
    feeds.publish("/eqtisadiya.xml", articles[FIRST], title="Al-Eqtisadiya")
    feeds.feeds["/asharq.xml"] = []
    feeds.titles["/asharq.xml"] = "Asharq Al-Awsat"
    sources = write(tmp_path / "sources.yaml", f"""\
defaults: {{interval: 5m, delay: 0.1s, timeout: 10s}}
sources:
  - name: eqtisadiya
    url: {server.url}/eqtisadiya.xml
  - name: asharq
    url: {server.url}/asharq.xml
""")
    subs = write(tmp_path / "subscriptions.yaml", f"""\
subscriptions:
  - name: suicide-bombings
    lang: en
    filters:
      types: [Suicide bomb]
      governorates: [بغداد]
    deliver:
      email: {{to: [desk@example.org]}}
      webhook: {{url: "{hook.url}/rasd", secret_env: HOOK_SECRET}}
      files: {{dir: {tmp_path / 'alerts'}, formats: [md, html, json]}}
  - name: protests-only
    filters: {{types: [Protests]}}
    deliver:
      files: {{dir: {tmp_path / 'protests'}}}
""")
    store = tmp_path / "store.sqlite"
    env = {"HOOK_SECRET": SECRET, "RASD_BASE_URL": "http://127.0.0.1:8000", **smtp.env()}
    watch = ["watch", "--once", "--allow-private", "--sources", str(sources), "--db", str(store),
             "--subscriptions", str(subs), "--gazetteer", str(GAZETTEER)]

    # 1. the feed gains an article: rasd codes it, the subscription gets one email and one webhook
    run = rasd(*watch, env=env)
    assert run.returncode == 0, run.stderr
    assert "eqtisadiya: 1 new" in run.stdout
    assert "rasd.watch INFO eqtisadiya: stored" in run.stderr  # the log says what was fetched
    mails = smtp.received()
    assert len(mails) == 1 and len(got.valid) == 1 and len(got.got) == 1
    mail, hook_call = mails[0], got.valid[0]
    assert mail.tls and mail.user == "rasd" and mail.to == ["desk@example.org"]
    assert subject_of(mail).startswith("[rasd] New event: Suicide bomb")
    assert "4 killed" in subject_of(mail)  # three soldiers and the bomber (event-schema.md §3.3)
    html = mail.message.get_body(("html",)).get_content()
    assert "<script" not in html and "http://127.0.0.1:8000/#event=" in html
    assert hook_call.body["kind"] == "new" and hook_call.body["version"] == 1
    event_id = hook_call.body["event_id"]
    assert hook_call.body["event"]["sub_event_type"] == "Suicide bomb"
    assert hook_call.body["event"]["doc_ids"] == [FIRST]
    assert hook_call.key == f"suicide-bombings/event-{event_id}/v1/webhook"
    assert mail.message["X-Rasd-Delivery"] == f"suicide-bombings/event-{event_id}/v1/email"
    assert sorted(p.name for p in (tmp_path / "alerts").iterdir()) == [
        f"suicide-bombings-event-{event_id}-v1.{ext}" for ext in ("html", "json", "md")]
    assert not (tmp_path / "protests").exists()  # the other subscription matched nothing

    # 2. a second article about the same event: an update saying what changed, not a new alert
    feeds.publish("/asharq.xml", articles[SECOND])
    run = rasd(*watch, env=env)
    assert run.returncode == 0, run.stderr
    assert "eqtisadiya: not modified" in run.stdout and "asharq: 1 new" in run.stdout
    mails = smtp.received()
    assert len(mails) == 2 and len(got.valid) == 2
    update = got.valid[1].body
    assert (update["kind"], update["event_id"], update["version"]) == ("update", event_id, 2)
    assert sorted(update["event"]["doc_ids"]) == sorted([FIRST, SECOND])
    assert {c["kind"] for c in update["changes"]} == {"toll", "source"}
    subject = subject_of(mails[1])
    assert subject.startswith("[rasd] Update: Suicide bomb")
    assert "4–7 killed, was 4" in subject and "now also reported by Asharq Al-Awsat" in subject

    # 3. a restart sends nothing again
    run = rasd(*watch, env=env)
    assert run.returncode == 0, run.stderr
    assert len(smtp.received()) == 2 and len(got.got) == 2

    # 4. an analyst's correction is an update too
    conn = db.open_store(store, create=False)
    with db.transaction(conn):
        review.correct(conn, event_id, reviewer="analyst", fields={"fatalities": 7}, status="confirmed")
    conn.close()
    run = rasd(*watch, env=env)
    assert run.returncode == 0, run.stderr
    assert len(got.valid) == 3 and len(smtp.received()) == 3
    corrected = got.valid[2].body
    assert corrected["version"] == 3
    assert {c["kind"] for c in corrected["changes"]} == {"toll", "correction", "review"}
    assert "corrected by an analyst: fatalities 4 → 7" in corrected["summary"]

    # 5. the digest of the day holds the event, with both reports' sources
    shown = rasd("digest", "--db", str(store), "--since", "2015-07-21", "--until", "2015-07-22",
                 "--subscription", "suicide-bombings", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    digest = json.loads(shown.stdout)
    (group,) = digest["groups"]
    (kind,) = group["types"]
    (event,) = kind["events"]
    assert event["id"] == event_id and sorted(event["doc_ids"]) == sorted([FIRST, SECOND])
    assert {"Al-Eqtisadiya", "Asharq Al-Awsat"} <= set(event["sources"])
    assert digest["totals"]["events"] == 1 and group["label"] == "Baghdad"
    arabic = rasd("digest", "--db", str(store), "--since", "2015-07-21", "--until", "2015-07-22",
                  "--subscription", "suicide-bombings", "--lang", "ar", "--format", "html")
    assert arabic.returncode == 0, arabic.stderr
    assert 'dir="rtl"' in arabic.stdout and "تفجير انتحاري" in arabic.stdout and "بغداد" in arabic.stdout
    assert "<script" not in arabic.stdout
