"""The subscriptions API and the page's subscriptions view, on a real `rasd serve`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    build_store,
    needs_chromium,
    start_server,
    stop_server,
    wait_until,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(build_store(tmp_path_factory.mktemp("subs-api")))
    yield running
    stop_server(running)


def spec(name: str, folder: str, **more: object) -> dict:
    return {"name": name, "lang": "ar", "filters": {"governorates": ["الرقة"], "min_fatalities": 1},
            "deliver": {"files": {"dir": folder, "formats": ["json", "md"]}}, **more}


def test_subscriptions_crud_test_send_and_deliveries(site: Server, tmp_path: Path) -> None:
    url = site.url + "/api/subscriptions"
    assert httpx.get(url).json() == {"items": []}
    escape = spec("escape", "../../outside")
    assert httpx.post(url, json=escape, headers=site.auth).status_code == 201
    refused = httpx.post(f"{url}/escape/test", headers=site.auth, timeout=30).json()["results"]
    assert refused[0]["status"] == "retry" and "outside" in refused[0]["last_error"]  # API files stay in alerts/
    assert httpx.delete(f"{url}/escape", headers=site.auth).status_code == 204
    body = spec("raqqa", "out")
    assert httpx.post(url, json=body).status_code == 401  # writes need the token
    assert httpx.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    created = httpx.post(url, json=body, headers=site.auth)
    assert created.status_code == 201, created.text
    assert created.json()["spec"]["filters"]["governorates"] == ["Raqqa"]  # Arabic name → the store's
    assert httpx.post(url, json=body, headers=site.auth).status_code == 409
    bad = httpx.post(url, json=dict(body, name="x", schedule="hourly"), headers=site.auth)
    assert bad.status_code == 422 and "schedule" in json.dumps(bad.json()["detail"])
    changed = httpx.put(f"{url}/raqqa", json=dict(body, filters={"min_fatalities": 5}), headers=site.auth)
    assert changed.status_code == 200 and httpx.get(f"{url}/raqqa").json()["spec"]["filters"]["min_fatalities"] == 5
    sent = httpx.post(f"{url}/raqqa/test", headers=site.auth, timeout=30)
    assert sent.status_code == 200, sent.text
    assert [(r["channel"], r["status"]) for r in sent.json()["results"]] == [("files", "sent")]
    written = sorted(p.suffix for p in (site.db.parent / "alerts" / "out").iterdir())  # beside the store
    assert written == [".json", ".md"]
    history = httpx.get(f"{url}/raqqa/deliveries").json()["items"]
    assert history[0]["kind"] == "test" and history[0]["status"] == "sent"
    assert httpx.get(site.url + "/api/watch/status").json() == {"sources": []}
    assert httpx.delete(f"{url}/raqqa", headers=site.auth).status_code == 204
    assert httpx.get(f"{url}/raqqa").status_code == 404


@needs_chromium
def test_the_subscriptions_view_lists_edits_and_test_sends(site: Server, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.serve.test_page import SHOTS

    httpx.post(site.url + "/api/subscriptions", json=spec("desk", "desk"), headers=site.auth)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(site.url + "/")
        page.wait_for_selector("body[data-ready='1']")
        page.evaluate(f"localStorage.setItem('rasd.token', '{site.token}')")  # as the page keeps it
        page.click("#subs-open")
        page.wait_for_selector("#subs-list tr[data-name='desk']")
        assert "governorates: Raqqa" in page.text_content("#subs-list tr[data-name='desk']")
        page.click("#subs-list tr[data-name='desk']")
        wait_until(page, "document.querySelector('#subs-spec').value.includes('desk')")
        edited = json.loads(page.input_value("#subs-spec"))
        edited["filters"]["min_fatalities"] = 7
        page.fill("#subs-spec", json.dumps(edited, ensure_ascii=False, indent=2))
        page.click("#subs-save")
        wait_until(page, "document.querySelector('#subs-status').textContent.includes('Saved')")
        assert httpx.get(site.url + "/api/subscriptions/desk").json()["spec"]["filters"]["min_fatalities"] == 7
        page.click("#subs-test")
        wait_until(page, "document.querySelector('#subs-status').textContent.includes('files: sent')")
        page.wait_for_selector("#subs-deliveries tr[data-status='sent']")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "subscriptions.png"))
        browser.close()
    assert errors == []
    httpx.delete(site.url + "/api/subscriptions/desk", headers=site.auth)
