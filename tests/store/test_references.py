"""References to earlier events: an article that condemns or investigates an attack
reported before is not a new event, but the store links it to that event (rule
``reference_to_earlier_event``; the two reference sentences are from the multisource
corpus, the attack report is written for the test)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from rasd.store import db, references
from rasd.store.ingest import ingest
from tests.store import write_jsonl

CONDEMNATION = "وأكد المتحدث إدانة بلاده لـ\"الهجوم الكيماوي\" في دوما بالغوطة الشرقية في سوريا."
REFERENCE_DOCS = [
    {"id": "attack", "outlet": "Enab Baladi", "published": "2018-04-08", "title": "Douma attack",
     "text": "قتل عشرات المدنيين في هجوم كيميائي بغاز الكلور على مدينة دوما في الغوطة الشرقية يوم السبت، "
             "بحسب الدفاع المدني."},
    {"id": "condemn", "outlet": "CN", "published": "2018-04-10", "title": "Condemnation", "text": CONDEMNATION},
    {"id": "inquiry", "outlet": "FR", "published": "2018-04-17", "title": "Inspectors",
     "text": "أبدت الخارجية الفرنسية مخاوف من احتمال اختفاء أدلة في دوما قبل وصول بعثة محققي منظمة حظر "
             "الأسلحة الكيميائية إلى موقع الهجوم الكيماوي المفترض الذي يتهم النظام السوري بارتكابه."},
    # the same words five months on are past the window: not linked to the April attack
    {"id": "late", "outlet": "CN", "published": "2018-09-01", "title": "Months later", "text": CONDEMNATION},
]


def build(folder: Path, docs: list[dict]) -> sqlite3.Connection:
    path = folder / "refs.sqlite"
    report = ingest([str(write_jsonl(folder / "refs.jsonl", docs))], path, workers=1)
    assert report.added == len(docs) and not report.errors
    return db.open_store(path)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return build(tmp_path_factory.mktemp("refs"), REFERENCE_DOCS)


def test_references_are_stored_as_mentions_with_original_offsets(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT m.doc_id, m.start, m.\"end\", m.text, m.value, d.text FROM mentions m "
                        "JOIN documents d ON d.id = m.doc_id WHERE m.kind = 'reference' ORDER BY m.doc_id").fetchall()
    assert [r[0] for r in rows] == ["condemn", "inquiry", "late"]
    for _, start, end, text, value, original in rows:
        assert original[start:end] == text and "دوما" in text
        assert json.loads(value)["sub_event_type"] == "Chemical weapon"


def test_a_reference_links_to_the_event_it_names_within_the_window(conn: sqlite3.Connection) -> None:
    [(attack_id,)] = conn.execute("SELECT merged_id FROM merged_members mm JOIN events e ON e.id = mm.event_id "
                                  "WHERE e.doc_id = 'attack'").fetchall()
    assert conn.execute("SELECT count(*) FROM events WHERE doc_id != 'attack'").fetchone()[0] == 0
    assert sorted((x.doc_id, x.merged_id) for x in references.links(conn)) == [
        ("condemn", attack_id), ("inquiry", attack_id)]
    cited = references.referenced_by(conn, attack_id)
    assert [(r["doc_id"], r["outlet"], r["published"][:10]) for r in cited] == [
        ("condemn", "CN", "2018-04-10"), ("inquiry", "FR", "2018-04-17")]


def test_a_reference_to_another_place_links_to_nothing(tmp_path: Path) -> None:
    elsewhere = dict(REFERENCE_DOCS[0], text=REFERENCE_DOCS[0]["text"].replace("دوما في الغوطة الشرقية", "خان شيخون بريف إدلب"))
    conn = build(tmp_path, [elsewhere, REFERENCE_DOCS[1]])
    assert conn.execute("SELECT count(*) FROM mentions WHERE kind = 'reference'").fetchone()[0] == 1
    assert references.links(conn) == []
