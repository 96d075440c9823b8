"""Digests in Arabic and English: grouping, counts against the previous period, the map,
links, mail-safe HTML; rendered in Debian's Chromium for screenshots (test-output/)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from rasd.alerts import digest, store
from rasd.alerts.subscriptions import Subscription
from rasd.store.ingest import ingest
from tests.conftest import ROOT, SAMPLE
from tests.serve.conftest import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from tests.store import STRIKE_DOCS, write_jsonl

SHOTS = ROOT / "test-output" / "screenshots"
PREVIOUS = {"id": "e", "outlet": "Enab Baladi", "published": "2018-03-03",
            "text": "قُتل ثلاثة مدنيين في قصف مدفعي لقوات النظام على مدينة درعا يوم الجمعة."}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("digest")
    sample = {"id": "sample", "outlet": "rasd", "published": "2026-11-20", "text": SAMPLE.read_text(encoding="utf-8")}
    ingest([str(write_jsonl(folder / "docs.jsonl", [*STRIKE_DOCS, PREVIOUS, sample]))], folder / "s.sqlite", workers=1)
    opened = store.open_alerts(folder / "s.sqlite", create=False)
    yield opened
    opened.close()


def test_the_digest_groups_by_governorate_and_type_and_compares_with_the_previous_period(conn) -> None:  # type: ignore[no-untyped-def]
    d = digest.build(conn, None, dt.date(2018, 3, 5), dt.date(2018, 3, 11), "en", "http://127.0.0.1:8000")
    assert [g["admin1"] for g in d["groups"]] == ["Raqqa", "Al-Hasakah"]  # by toll
    raqqa = d["groups"][0]
    strikes = raqqa["types"][0]["events"]
    assert [e["date"] for e in strikes] == ["2018-03-06", "2018-03-09"]
    merged = strikes[1]
    assert merged["toll"] == "5–8 killed" and {"Enab Baladi", "Al-Hal Net", "SOHR"} <= set(merged["sources"])
    assert merged["link"] == f"http://127.0.0.1:8000/#event={merged['id']}"
    assert d["totals"] == {"events": 3, "fatalities": 11, "fatalities_high": 14}
    assert (d["previous"]["since"], d["previous"]["until"], d["previous"]["events"]) == ("2018-02-26", "2018-03-04", 1)
    assert d["by_type"][0]["previous"] == 1 and d["by_type"][0]["events"] == 3
    assert d["map_svg"].count("<circle") >= 3 and 'data-events="3"' in d["map_svg"]
    md = digest.markdown(d, "map.svg")
    assert "## Raqqa (2 events, 8 fatalities)" in md and md.startswith("# rasd digest: 2018-03-05 – 2018-03-11") and "![Map of the period's events](map.svg)" in md
    assert "(previous period: 1 events, 3 fatalities; +2)" in md


def test_a_subscription_narrows_the_digest_and_arabic_uses_the_data_packs(conn) -> None:  # type: ignore[no-untyped-def]
    sub = Subscription(name="hasakah", lang="ar", deliver={"files": {"dir": "x"}}, filters={"governorates": ["الحسكة"]})
    d = digest.build(conn, sub, dt.date(2018, 3, 5), dt.date(2018, 3, 11), "ar")
    (group,) = d["groups"]
    assert group["label"] == "الحسكة" and group["types"][0]["label"] == "انفجارات وعنف عن بعد"
    (event,) = group["types"][0]["events"]
    assert event["sub_event_label"] == "غارة جوية أو بطائرة مسيرة" and "قتيلاً" in event["toll"]
    assert "التحالف" in event["actors"]  # the actor's Arabic name from actors.yaml
    page = digest.html_page(d)
    assert page.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')


def test_digest_html_is_mail_safe(conn) -> None:  # type: ignore[no-untyped-def]
    for lang in ("ar", "en"):
        page = digest.html_page(digest.build(conn, None, dt.date(2018, 3, 5), dt.date(2018, 3, 11), lang))
        assert "<script" not in page.lower() and "<style" not in page.lower() and "<link" not in page.lower()
        assert not re.search(r"\sclass=", page) and not re.search(r"\son[a-z]+=", page)
        assert not re.search(r'(src|href)="(?!data:|http://127|cid:)', page)  # nothing fetched from elsewhere


def test_a_scheduled_digest_is_recorded_once_per_slot(conn) -> None:  # type: ignore[no-untyped-def]
    from rasd.alerts import engine
    from rasd.store import db

    sub = Subscription(name="weekly", deliver={"files": {"dir": "x"}}, schedule="weekly", day="monday", at="08:00",
                       tz="Asia/Baghdad")
    with db.transaction(conn):
        store.put_subscription(conn, sub, "test")
        conn.execute("UPDATE alert_subscriptions SET created_at = '2018-01-01T00:00:00+00:00' WHERE name = 'weekly'")
    now = dt.datetime(2018, 3, 12, 6, 0, tzinfo=dt.timezone.utc)  # Monday 09:00 in Baghdad
    assert engine.schedule_digests(conn, now) == 1
    assert engine.schedule_digests(conn, now + dt.timedelta(hours=3)) == 0  # same slot
    payload = conn.execute("SELECT key, payload FROM alert_deliveries WHERE subscription = 'weekly'").fetchone()
    assert payload[0] == "weekly/digest-2018-03-12T05:00Z/files"
    import json
    body = json.loads(payload[1])["json"]
    assert (body["since"], body["until"], body["totals"]["events"]) == ("2018-03-05", "2018-03-11", 3)
    with db.transaction(conn):
        store.delete_subscription(conn, "weekly")


@needs_chromium
def test_screenshots_of_an_arabic_and_an_english_digest(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright


    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 760, "height": 900})
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        for lang in ("ar", "en"):
            d = digest.build(conn, None, dt.date(2018, 3, 5), dt.date(2018, 3, 11), lang, "http://127.0.0.1:8000")
            path = tmp_path / f"digest-{lang}.html"
            path.write_text(digest.html_page(d), encoding="utf-8")
            page.goto(path.as_uri())
            assert page.evaluate("document.dir") == ("rtl" if lang == "ar" else "ltr")
            assert page.evaluate("document.querySelector('img').naturalWidth") == 640  # the map rendered
            box = page.evaluate("(() => { const r = document.querySelector('table table').getBoundingClientRect();"
                                " return [r.left, r.right]; })()")
            assert box[1] - box[0] > 500  # the layout holds
            page.screenshot(path=str(SHOTS / f"digest-{lang}.png"), full_page=True)
        browser.close()
    assert all(u.startswith(("file:", "data:")) for u in requested)
    assert (SHOTS / "digest-ar.png").stat().st_size > 10_000 and (SHOTS / "digest-en.png").stat().st_size > 10_000
