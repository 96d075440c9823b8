"""Place mentions and the gazetteer rows they resolve to (rasd.recognize.places,
rasd.resolve.places). Sentences are from the corpus unless said otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document

SEATS = [
    # ant-multisource:SK-middleEast-3534-20180906
    ("وقتل سبعة متظاهرين يومي الثلاثاء والأربعاء قرب مقر محافظة البصرة", "البصرة"),
    # ant-multisource:SK-middleEast-2903-20180715
    ("وكان محتجون  اقتحموا أمس السبت مبنى محافظة كربلاء، بينما اندلعت مظاهرات أيضا", "كربلاء"),
    # ant-multisource:BB-middleEast-771-20180723
    ("تمكن مسلحان من التسلل إلى مبنى محافظة أربيل في إقليم كردستان العراق", "أربيل"),
]


def places_of(pipeline, text: str) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 7, 20)))
    return [(r.place.feature, r.place.name_ar, r.geo_precision) for r in analysis.places if r.place]


@pytest.mark.parametrize("text,city", SEATS)
def test_the_seat_of_a_governorate_is_in_its_capital(embedded_pipeline, text: str, city: str) -> None:  # type: ignore[no-untyped-def]
    assert ("city", city, 1) in places_of(embedded_pipeline, text)
    assert not [p for p in places_of(embedded_pipeline, text) if p[0] == "governorate"]


def test_a_governorate_without_a_seat_word_stays_the_governorate(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: a strike on the governorate, not on a building of the capital
    assert places_of(embedded_pipeline, "قتل 3 أشخاص في قصف على محافظة إدلب أمس.") == [("governorate", "إدلب", 3)]


def test_the_seat_event_is_placed_in_the_city(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    from rasd.events.assemble import assemble

    # ant-multisource:FR-internationalNews-2458-20180723
    text = ("حسب شاهد عاين ومصادر أمنية كردية فإن مسلحا من بين اثنين قد اقتحم مبنى محافظة أربيل، مقر حكومة "
            "إقليم كردستان في شمال العراق، الاثنين ونفذ تفجيرا انتحاريا.")
    doc = Document(id="t", text=text, published=dt.date(2018, 7, 23))
    events = assemble(shared_pipeline.analyze(doc), shared_pipeline.gazetteer)
    assert [(e.sub_event_type, e.location, e.geo_precision) for e in events] == [("Suicide bomb", "Erbil", 1)]
    assert [text[ev.start:ev.end] for ev in events[0].evidence if ev.field == "location"] == ["أربيل"]
