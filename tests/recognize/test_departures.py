"""A verb of going out whose subject is fighters or a convoy reports a departure under a
deal, as the noun خروج does (triggers.yaml ``departure``), on sentences of development-pool
articles (ids cited; "(tune)" for those of the gold part rasd is tuned on)."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document
from rasd.recognize.triggers import departures, find_triggers
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize


def _departures(text: str) -> list[str]:
    norm = normalize(text).norm
    tokens = tokenize(normalize(text))
    return [norm[m.start:m.end] for m in departures(norm, tokens, find_triggers(tokens))
            if m.sense.sub_event_type == "Non-violent transfer of territory"]


@pytest.mark.parametrize(("text", "verb"), [
    # ant-multisource:FR-internationalNews-2424-20180721 (tune)
    ("وخرج الجمعة مئات المقاتلين والمدنيين على متن أكثر من 50 حافلة من محافظة القنيطرة باتجاه مناطق سيطرة "
     "الفصائل المقاتلة في شمال سوريا.", "خرج"),
    # ant-multisource:SK-middleEast-529-20180325 (dev pool, not gold)
    ("كما خرج آلاف المدنيين والمقاتلين من حيي القابون وتشرين نحو محافظة إدلب.", "خرج"),
    # ant-multisource:SK-middleEast-531-20180325 (dev pool, not gold)
    ("من جهة ثانية خرجت الدفعة الأولى من القطاع الأوسط بالغوطة الشرقية", "خرجت"),
    ("فخرج المقاتلون من المدينة بعد الاتفاق", "خرج"),  # the subject's own case
    ("وخرج الجمعة والسبت مئات المقاتلين من الحي", "خرج"),  # a day with و before the fighters
])
def test_fighters_or_a_convoy_going_out_is_a_departure(text: str, verb: str) -> None:
    assert _departures(text) == [verb]


@pytest.mark.parametrize("text", [
    "وخرج الآلاف في تظاهرتين صباح الاثنين",  # a protest (after AL-internationalNews-561-20180321)
    "وخرج الاجتماع بقرارات تخص المقاتلين الأجانب",  # the fighters are what the meeting was about, too far on
    "خرج مئات. المقاتلين في المدينة",  # the fighters are another sentence's
    "وقال إن المسلحين خرجوا عن السيطرة",  # the fighters before the verb: no departure is told after it
    "وخرج عناصر الدفاع المدني لإخماد الحريق في مدينة إدلب",  # any body has members
    "وخرجت قافلة مساعدات إلى البلدة",  # an aid convoy
    "تخرج الدفعة الأولى من طلاب الكلية الحربية",  # graduating
])
def test_going_out_of_anyone_else_is_no_departure(text: str) -> None:
    assert _departures(text) == []


def test_the_departure_is_an_event_of_the_place_left(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2967-20180718 (tune): the settlement's fighters left Daraa
    text = ("وقالت مصادر إن فصائل المعارضة في درعا وافقت على اتفاق التسوية مع الحكومة السورية. "
            "كما خرج بموجبه، الأحد، مئات المقاتلين والمدنيين من مدينة درعا.")
    events = embedded_pipeline.extract(Document(id="t", text=text, published=dt.date(2018, 7, 18)))
    left = [e for e in events if e.sub_event_type == "Non-violent transfer of territory"]
    assert [(e.location, e.date.isoformat()) for e in left] == [("Daraa", "2018-07-15")]
