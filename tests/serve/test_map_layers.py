"""The map's layers in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright) against a real `rasd serve --reference FILE`: country and governorate
borders drawn from the embedded Natural Earth file with nothing fetched from elsewhere,
the reference events as a toggleable layer, and the matched reference event named in
the event panel. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.compare import serve_with_reference
from tests.conftest import ROOT
from tests.serve.conftest import (
    Server,
    build_store,
    events_of,
    needs_chromium,
    start_server,
    stop_server,
    strike_on_raqqa,
    wait_until,
)
from tests.serve.test_page import shot

pytestmark = needs_chromium

BORDERS = ROOT / "src" / "rasd" / "serve" / "static" / "borders.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = serve_with_reference(tmp_path_factory.mktemp("layers"))
    yield running
    stop_server(running)


@pytest.fixture
def opened(browser, site: Server):  # type: ignore[no-untyped-def]
    """The page, with every request it made and every JavaScript error."""
    context = browser.new_context(viewport={"width": 1500, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site.url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    yield page, requests
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def pixel(page, x: float, y: float) -> list[int]:  # type: ignore[no-untyped-def]
    return page.evaluate(f"""(() => {{ const c = document.querySelector('#map');
        const r = window.devicePixelRatio || 1;
        return Array.from(c.getContext('2d').getImageData(Math.round({x} * r), Math.round({y} * r), 1, 1).data); }})()""")


def darkest(page, x: float, y: float) -> int:  # type: ignore[no-untyped-def]
    """The darkest pixel (sum of r, g, b) within a pixel of (x, y): a one-pixel line is
    anti-aliased over its neighbours."""
    return min(sum(pixel(page, x + dx, y + dy)[:3]) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def shared_border_points() -> list[tuple[float, float]]:
    """Vertices of the Syria-Iraq border: points of both countries' outlines."""
    features = {f["properties"]["name"]: f for f in json.loads(BORDERS.read_text())["countries"]["features"]}

    def points(name: str) -> set[tuple[float, float]]:
        return {tuple(p) for polygon in features[name]["geometry"]["coordinates"] for ring in polygon for p in ring}

    return sorted(points("Syria") & points("Iraq"))  # type: ignore[arg-type]


def test_the_borders_file() -> None:
    data = json.loads(BORDERS.read_text())
    assert data["attribution"] == "Borders: Natural Earth (public domain)"
    names = {f["properties"]["name"] for f in data["countries"]["features"]}
    assert {"Syria", "Iraq", "Turkey", "Jordan", "Lebanon", "Iran", "Saudi Arabia"} <= names
    admin1 = {f["properties"]["admin1"] for f in data["governorates"]["features"]}
    assert len(admin1) == 32 and {"Idlib", "Rif Dimashq", "Ninawa", "Sala ad-Din"} <= admin1
    assert len(shared_border_points()) >= 5
    assert BORDERS.stat().st_size < 200_000


def test_borders_are_drawn_and_nothing_leaves_the_origin(opened, site: Server) -> None:  # type: ignore[no-untyped-def]
    page, requests = opened
    assert int(page.get_attribute("#map", "data-borders")) >= 3  # Syria, Iraq, Turkey at least
    assert int(page.get_attribute("#map", "data-governorates")) >= 3  # those around Raqqa and Hasakah
    assert page.text_content("#map-credit") == "Borders: Natural Earth (public domain)"
    shot(page, "map-borders-near")
    page.click("#zoom-out")  # the events lie around Raqqa and Hasakah: zoom out to see the Iraqi border
    wait_until(page, "+document.querySelector('#map').dataset.borders >= 5")
    background = pixel(page, 2, page.evaluate("document.querySelector('#map').clientHeight") - 2)
    width, height = page.evaluate("[document.querySelector('#map').clientWidth, document.querySelector('#map').clientHeight]")
    on_screen = [page.evaluate(f"rasd.project({lon}, {lat})") for lon, lat in shared_border_points()]
    on_screen = [(x, y) for x, y in on_screen if 20 < x < width - 20 and 20 < y < height - 20]
    assert on_screen, "the Syria-Iraq border is in view"
    drawn = [darkest(page, x, y) for x, y in on_screen[:12]]
    # the border stroke (#7b8799, sum 411) is much darker than the background (#eef1f4) or Syria's fill
    assert all(value < sum(background[:3]) - 150 for value in drawn), (drawn, background)
    shot(page, "map-borders")
    assert site.url + "/static/borders.json" in requests
    assert requests and all(url.startswith(site.url) for url in requests), requests


def test_reference_layer_toggles_and_the_panel_names_the_match(opened, site: Server) -> None:  # type: ignore[no-untyped-def]
    page, _ = opened
    assert page.is_visible("#ref-control") and "ACLED acled.csv" in page.text_content("#ref-control")
    page.fill("#f-since", "2018-03-01")
    page.fill("#f-until", "2018-03-31")
    page.dispatch_event("#f-until", "change")
    wait_until(page, "document.querySelector('#map').dataset.referencePoints === '4'")  # Baghdad's rows are out
    shot(page, "map-reference-layer")
    page.uncheck("#f-reference")
    assert page.get_attribute("#map", "data-reference-points") == "0"
    page.check("#f-reference")
    assert page.get_attribute("#map", "data-reference-points") == "4"

    raqqa = strike_on_raqqa(site)["id"]
    page.evaluate(f"rasd.openEvent({raqqa})")
    page.wait_for_selector("#p-fields .ref-match[data-ref-id='SYR1001']")
    text = page.text_content("#p-fields")
    assert "Reference match" in text and "SYR1001" in text and "2018-03-09" in text and "0 days apart" in text
    shot(page, "panel-reference-match")
    hasakah = next(e for e in events_of(site) if e["admin1"] == "Al-Hasakah")["id"]
    page.evaluate(f"rasd.openEvent({hasakah})")
    wait_until(page, f"document.querySelector('#event-panel').dataset.eventId === '{hasakah}' && "
                           "document.querySelector('#p-fields').textContent.includes('Reference match')")
    assert "none within same event type, ±2 days, 25 km" in page.text_content("#p-fields")
    assert httpx.get(f"{site.url}/api/events/{hasakah}").json()["reference_match"] is None


def test_without_tiles_or_reference_the_page_still_draws_borders(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    running = start_server(build_store(tmp_path))
    try:
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        page = context.new_page()
        page.goto(running.url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        assert page.is_hidden("#ref-control")
        assert int(page.get_attribute("#map", "data-borders")) >= 3  # Syria, Iraq, Turkey at least
        assert page.get_attribute("#map", "data-reference-points") == "0"
        context.close()
    finally:
        stop_server(running)
