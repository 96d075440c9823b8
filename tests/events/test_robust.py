"""No text makes extraction fail, and every evidence span is the text it claims."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.events.assemble import assemble
from rasd.model import Document

WORDS = ["قتل", "مقتل", "غارة", "للتحالف", "الدولي", "على", "بلدة", "مدينة", "هجين", "دير", "الزور", "داعش",
         "قسد", "التنظيم", "اشتباكات", "مع", "بين", "و", "في", "منتصف", "أكتوبر", "الماضي", "يوم", "الجمعة",
         "3", "ثلاثة", "مدنيين", "عناصر", "من", "أبو", "حمزة", "(", ")", "،", ".", "\n", "#", "نفت", "سوف",
         "عام", "2014", "منذ", "قبل", "أيام", "الهجوم", "عبوة", "ناسفة", "مناطق", "قرية", "بريف", "حلب",
         "انتحاري", "الخاضعة", "لسيطرة", "بالتزامن", "%", "١٢", "ـ", "\u200f", "ﻻ", "😀", "x", "..."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join),
       st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)) | st.none())
def test_any_text_extracts_without_error(embedded_pipeline, text: str, published: dt.date | None) -> None:  # type: ignore[no-untyped-def]
    doc = Document(id="h", text=text, published=published)
    for event in assemble(embedded_pipeline.analyze(doc), embedded_pipeline.gazetteer):
        for ev in event.evidence:
            assert text[ev.start:ev.end] == ev.text
        if event.date and published:
            assert event.date <= published


def test_invisible_characters_inside_words_keep_the_events(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("قتل 3 مدنيين في قصف لقوات النظام على مدينة دوما في ريف دمشق يوم الجمعة، "
            "بحسب المرصد السوري لحقوق الإنسان.")
    fields = {"evidence", "doc_id", "location_ar"}  # location_ar is the place as written, marks and all
    clean = [e.model_dump(exclude=fields) for e in
             assemble(embedded_pipeline.analyze(Document(id="a", text=text, published=dt.date(2018, 3, 10))),
                      embedded_pipeline.gazetteer)]
    assert clean
    for mark in ("\u2060", "\ufe0f", "\x1a"):
        dirty = text.replace("قصف", f"ق{mark}صف").replace("دوما", f"دو{mark}ما").replace("النظام", f"النظ{mark}ام")
        doc = Document(id="b", text=dirty, published=dt.date(2018, 3, 10))
        events = assemble(embedded_pipeline.analyze(doc), embedded_pipeline.gazetteer)
        assert [e.model_dump(exclude=fields) for e in events] == clean, repr(mark)
        assert events[0].location_ar == f"دو{mark}ما"
        for ev in events[0].evidence:
            assert dirty[ev.start:ev.end] == ev.text


def test_a_dropped_candidate_leaves_no_reference_cycle(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # An exception kept with its traceback ties the article's whole analysis into a cycle
    # that only the garbage collector frees: ~100 objects per article, most of the GC time
    # of a corpus run. Every candidate below is dropped (a plan, a denial, no place).
    import gc

    text = "سوف تقصف الطائرات مواقع في المدينة.\nونفى الجيش وقوع غارة على بلدة قرب حلب.\nقتل 3 مدنيين."
    doc = Document(id="c", text=text, published=dt.date(2018, 3, 1))
    trace: list[dict] = []
    shared_pipeline.extract(doc, trace)
    assert any("dropped" in r for r in trace)
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            shared_pipeline.extract(doc, [])
        assert gc.collect() < 50
    finally:
        gc.enable()
