"""The review page in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright) against a real `rasd serve` on 127.0.0.1. Screenshots go to
test-output/screenshots/ for a person to look at after a run."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import ROOT
from tests.serve.conftest import Server, build_store, needs_chromium, start_server, stop_server, strike_on_raqqa, wait_until

pytestmark = needs_chromium

SHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(build_store(tmp_path_factory.mktemp("page")))
    yield running
    stop_server(running)


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def count(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.text_content("#count").split()[0])


def test_the_page_shows_every_event_on_the_map(page, site: Server) -> None:  # type: ignore[no-untyped-def]
    features = httpx.get(site.url + "/api/events.geojson", params={"review": "all"}).json()["features"]
    assert count(page) == len(features) >= 4
    assert int(page.get_attribute("#map", "data-points")) == sum(1 for f in features if f["geometry"])
    assert int(page.get_attribute("#timeline", "data-days")) >= 2  # 6 and 9 March 2018, and the sample's days
    assert page.locator("#event-list tr[data-event-id]").count() == len(features)
    # the point of the Raqqa strike is drawn: its pixel is not the plain background
    raqqa = strike_on_raqqa(site)["id"]
    x, y = page.evaluate(f"rasd.screenPos({raqqa})")  # CSS px within the canvas
    pixel = page.evaluate(f"""(() => {{ const c = document.querySelector('#map');
        const r = window.devicePixelRatio || 1;
        return Array.from(c.getContext('2d').getImageData(Math.round({x} * r), Math.round({y} * r), 1, 1).data); }})()""")
    background = page.evaluate("""(() => { const c = document.querySelector('#map');
        return Array.from(c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data); })()""")
    assert pixel != background
    shot(page, "overview")


def test_filters_narrow_map_list_and_count(page, site: Server) -> None:  # type: ignore[no-untyped-def]
    total = count(page)
    page.select_option("#f-admin1", "Al-Hasakah")
    assert count(page) == 1
    assert page.get_attribute("#map", "data-points") == "1"
    page.select_option("#f-admin1", "all")
    page.fill("#f-actor", "coalition")
    page.dispatch_event("#f-actor", "input")
    coalition = [e for e in httpx.get(site.url + "/api/events", params={"actor": "coalition", "review": "all"})
                 .json()["items"]]
    wait_until(page, f"document.querySelector('#count').textContent.startsWith('{len(coalition)} ')")
    assert 0 < len(coalition) < total
    page.select_option("#f-type", "Protests")
    assert count(page) == 0
    shot(page, "filtered-empty")


def test_clicking_a_point_opens_the_event_with_its_evidence_highlighted(page, site: Server) -> None:  # type: ignore[no-untyped-def]
    raqqa = strike_on_raqqa(site)["id"]
    x, y = page.evaluate(f"rasd.screenPos({raqqa})")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_selector(f"#event-panel[data-event-id='{raqqa}']:not([hidden])")
    # each member's article is fetched and drawn on its own: wait for both, marks and all
    wait_until(page, "document.querySelectorAll('.doc-text').length === 2 && [...document.querySelectorAll("
                     "'.doc-text')].every(d => d.querySelector(\"mark.ev[data-field='trigger']\"))")
    detail = httpx.get(f"{site.url}/api/events/{raqqa}").json()
    for field in ("trigger", "actor1", "location", "fatalities"):
        wanted = {ev["text"] for m in detail["members"] for ev in m["evidence"] if ev["field"] == field}
        shown = set(page.locator(f".doc-text mark.ev[data-field='{field}']").all_text_contents())
        assert wanted <= shown, field
    assert page.locator(".doc-text[dir='rtl']").count() == 2  # both articles, right to left
    assert "الرقة" in page.locator(".doc-text mark.ev[data-field='location']").all_text_contents()
    shot(page, "event-panel")


def test_a_correction_saved_on_the_page_is_read_back_through_the_api(page, site: Server) -> None:  # type: ignore[no-untyped-def]
    raqqa = strike_on_raqqa(site)["id"]
    page.evaluate(f"rasd.openEvent({raqqa})")
    page.wait_for_selector(f"#event-panel[data-event-id='{raqqa}']")
    page.fill("#c-reviewer", "page-tester")
    page.fill("#c-token", "not-the-token")
    page.fill("#c-fatalities", "7")
    page.click("#btn-save")
    wait_until(page, "/403/.test(document.querySelector('#c-status').textContent)")
    assert httpx.get(f"{site.url}/api/events/{raqqa}").json()["record"]["fatalities"] == 5
    page.fill("#c-token", site.token)
    page.click("#btn-save")
    wait_until(page, "document.querySelector('#c-status').textContent.includes('saved')")
    page.click("#btn-confirm")
    wait_until(page, "document.querySelectorAll('#audit li').length >= 2")
    stored = httpx.get(f"{site.url}/api/events/{raqqa}").json()
    assert stored["record"]["fatalities"] == 7
    assert stored["review"]["status"] == "confirmed" and stored["review"]["reviewer"] == "page-tester"
    assert [a["action"] for a in stored["audit"]] == ["correct", "confirm"]
    assert stored["audit"][0]["changes"]["fatalities"] == [5, 7]
    shot(page, "corrected")
    page.select_option("#f-review", "confirmed")
    assert count(page) == 1


def test_the_page_needs_nothing_from_the_internet(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    opened = context.new_page()
    opened.goto(site.url + "/")
    opened.wait_for_selector("body[data-ready='1']", timeout=15_000)
    context.close()
    assert requested and all(url.startswith(site.url) for url in requested), requested


def test_api_docs_work_offline_under_the_csp(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    """/docs renders the operations with every request to another origin refused."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    problems: list[str] = []

    def only_local(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith(site.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    opened.route("**/*", only_local)
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    opened.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    opened.goto(site.url + "/docs")
    opened.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = opened.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths)
    shot(opened, "api-docs")
    context.close()
    assert outside == [] and problems == [], (outside, problems)
