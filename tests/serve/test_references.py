"""The events of a store name the articles that refer to them without reporting them
anew: in the API's event detail and on the review page's event panel."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.serve.conftest import Server, needs_chromium, start_server, stop_server
from tests.store import write_jsonl
from tests.store.test_references import REFERENCE_DOCS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from rasd.store.ingest import ingest

    folder = tmp_path_factory.mktemp("refs-serve")
    store = folder / "store.sqlite"
    assert not ingest([str(write_jsonl(folder / "docs.jsonl", REFERENCE_DOCS))], store, workers=1).errors
    running = start_server(store)
    yield running
    stop_server(running)


def the_attack(site: Server) -> dict:
    [event] = httpx.get(site.url + "/api/events").json()["items"]
    assert event["doc_ids"] == ["attack"]
    return httpx.get(f"{site.url}/api/events/{event['id']}").json()


def test_the_event_detail_lists_the_articles_that_refer_to_it(site: Server) -> None:
    detail = the_attack(site)
    assert [(r["doc_id"], r["outlet"]) for r in detail["referenced_by"]] == [("condemn", "CN"), ("inquiry", "FR")]
    assert all("دوما" in r["quote"] and r["end"] > r["start"] for r in detail["referenced_by"])


@needs_chromium
def test_the_event_panel_shows_the_referring_articles(page, site: Server) -> None:  # type: ignore[no-untyped-def]
    event_id = the_attack(site)["id"]
    page.evaluate(f"rasd.openEvent({event_id})")
    page.wait_for_selector(f"#event-panel[data-event-id='{event_id}']:not([hidden])")
    page.wait_for_selector("ul.referenced-by li")
    assert page.locator("ul.referenced-by li").evaluate_all("xs => xs.map(x => x.dataset.docId)") == ["condemn", "inquiry"]
    assert "الهجوم الكيماوي" in page.locator("ul.referenced-by").text_content()
