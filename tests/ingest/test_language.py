"""The language check: documents not written in Arabic are yielded as Skipped records
(a BadInput subclass whose problem starts "skipped: not Arabic"), not analyzed."""

from __future__ import annotations

import json
from pathlib import Path

from rasd.ingest import BadInput, Skipped, read_path
from rasd.ingest.language import arabic_share, not_arabic
from rasd.model import Document

ARABIC = "أفادت مصادر طبية بوصول جثتين إلى المستشفى الوطني إثر اشتباك مسلح في السوق القديم."
WITH_LATIN = ("نقلت وكالة Reuters عن مسؤول في منظمة UNICEF قوله إن 12 طفلاً أصيبوا في القصف "
              "الذي طال مدرسة في البلدة يوم 3/5/2023.")
ENGLISH = "Medical sources said two bodies arrived at the national hospital after an armed clash in the old market."
FRENCH = "Deux corps sont arrivés à l'hôpital après des affrontements au marché."


def test_arabic_share() -> None:
    assert arabic_share(ARABIC) == 1.0
    assert arabic_share(ENGLISH) == 0.0
    assert 0.5 < arabic_share(WITH_LATIN) < 1.0  # Latin names in an Arabic article
    assert arabic_share("١٢٣ 456 !!") == 0.0  # no letters at all
    assert arabic_share("قُتِلَ") == 1.0  # diacritics are not letters of another script


def test_not_arabic() -> None:
    assert not_arabic(ARABIC) is None and not_arabic(WITH_LATIN) is None
    assert not_arabic(ENGLISH) == "not Arabic (0% of letters are Arabic)"
    assert not_arabic(FRENCH) and not_arabic("2023-05-01 12:00") == "not Arabic (no letters)"
    mostly_english = ENGLISH + " " + "قال مصدر"
    assert not_arabic(mostly_english)


def test_text_file_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [item] = read_path(str(path))
    assert isinstance(item, Skipped) and isinstance(item, BadInput)  # old callers still report it
    assert item.source == str(path) and item.problem.startswith("skipped: not Arabic")
    assert str(item) == f"{path}: skipped: not Arabic (0% of letters are Arabic)"


def test_check_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [doc] = read_path(str(path), check_language=False)
    assert isinstance(doc, Document) and doc.text == ENGLISH


def test_jsonl_items_skipped_by_id(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "ar-1", "text": ARABIC}, {"id": "en-1", "text": ENGLISH}, {"id": "ar-2", "text": WITH_LATIN}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = list(read_path(str(path)))
    assert [i.id for i in items if isinstance(i, Document)] == ["ar-1", "ar-2"]
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert skipped.source == "en-1"
