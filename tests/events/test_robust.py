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
