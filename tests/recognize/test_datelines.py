"""An outlet's dateline names where the story was filed (rasd.recognize.datelines): what
the recognizers find inside it is set aside. Datelines as CNN Arabic and Ain Alyoum write
them in the corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document
from rasd.recognize.datelines import find_dateline
from rasd.text.normalize import normalize
from tests.events.helpers import events_of


@pytest.mark.parametrize("text,dateline", [
    ("دبي، الإمارات العربية المتحدة (CNN)-- أعلن الجيش", "دبي، الإمارات العربية المتحدة (CNN)--"),
    ("موسكو، روسيا (CNN)— قال الكرملين", "موسكو، روسيا (CNN)—"),
    ("(CNN) – قتل", "(CNN) –"),
    ("عنوان قصير\nأتلانتا، الولايات المتحدة الأمريكية (CNN)--لقي", "أتلانتا، الولايات المتحدة الأمريكية (CNN)--"),
])
def test_the_dateline_is_the_opening_up_to_the_outlets_mark_and_its_dash(text: str, dateline: str) -> None:
    assert _dateline_of(text) == dateline


def _dateline_of(text: str) -> str | None:
    """The dateline ``find_dateline`` finds, as the original text writes it."""
    ntext = normalize(text)
    found = find_dateline(ntext.norm)
    if found is None:
        return None
    a, b = ntext.original_span(found.start, found.end)
    return text[a:b].strip()


@pytest.mark.parametrize("text", [
    # the mark far into the paragraph is a source cited, not a dateline
    "قالت وزارة الخارجية الأمريكية في بيان نقلته شبكات عدة منها شبكة الأخبار الأمريكية المعروفة (CNN)-- إن",
    # no dash after the mark
    "أتلانتا، الولايات المتحدة الأمريكية (CNN) لقي عشرات الأشخاص مصرعهم",
    # not in the opening paragraphs
    "فقرة أولى.\nفقرة ثانية.\nفقرة ثالثة.\nواشنطن (CNN)-- قال",
])
def test_no_dateline_without_the_mark_opening_a_paragraph_and_a_dash(text: str) -> None:
    assert find_dateline(normalize(text).norm) is None


# ant-multisource:CN-middleEast-315-20180320 (tune)
JARAMANA = ("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- لقي عشرات الأشخاص مصرعهم، الثلاثاء، إثر استهداف سوق شعبي "
            "في مدينة جرمانا، الواقعة على الأطراف الجنوبية الشرقية للعاصمة السورية، دمشق.")


def test_the_country_a_story_was_filed_from_is_no_side(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = events_of(shared_pipeline, JARAMANA, "2018-03-20")
    assert [(e.location, e.actor1) for e in events] == [("Jaramana", "Unidentified Armed Group")]


def test_what_the_dateline_names_is_set_aside_and_the_rest_is_read(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = JARAMANA + "\nوقالت الولايات المتحدة إن الهجوم يخرق الهدنة."
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 3, 20)))
    assert analysis.dateline is not None
    later = text.index("وقالت")
    named = [analysis.span(m.start, m.end) for m in analysis.actors + analysis.countries + analysis.abroad]
    named += [analysis.span(p.mention.start, p.mention.end) for p in analysis.places]
    assert named and all(span.start >= analysis.span(analysis.dateline.start, analysis.dateline.end).end
                         for span in named)
    assert any(span.start > later and "الولايات المتحدة" in span.text for span in named)


@pytest.mark.parametrize("text,dateline", [
    # saudinewsnet (Ain Alyoum, dev pool): the outlet's name, a dash and the city, on its own line
    ("عين اليوم – بغداد\nقتل 12 شخصا", "عين اليوم – بغداد"),
    ("عين اليوم – متابعات\nأعلن", "عين اليوم – متابعات"),
    # ... or the writer's name, a dash and the outlet's
    ("د حجازي – عين اليوم\nقال", "د حجازي – عين اليوم"),
])
def test_a_short_first_line_with_the_outlets_name_and_a_dash_is_the_dateline(text: str, dateline: str) -> None:
    assert _dateline_of(text) == dateline


@pytest.mark.parametrize("text", [
    # written for the test: the name cited in a first line is a source, not a dateline
    "وقال مصدر عسكري لصحيفة عين اليوم - في اتصال هاتفي - إن القوات تقدمت نحو المدينة من ثلاثة محاور.",
    "وقال مصدر لعين اليوم - إن\nالقوات تقدمت",
])
def test_the_outlets_name_in_a_sentence_makes_no_dateline(text: str) -> None:
    assert find_dateline(normalize(text).norm) is None


def test_a_dateline_line_whose_dash_normalization_dropped_is_still_one() -> None:
    # written for the test: the tatweel "ـ" is no character of the normalized text
    assert _dateline_of("عين اليوم ـ بغداد\nقتل 12 شخصا") == "عين اليوم ـ بغداد"


def test_the_day_in_an_outlets_name_dates_nothing(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-07-0009-7ef9c2a397 (tune), adapted (shortened): the اليوم of
    # "عين اليوم" is no day; the killing told with no day of its own is the news of the day
    text = ("عين اليوم – متابعات\nلقي قيادي في تنظيم داعش مصرعه خلال اشتباكات بين التنظيم وقوات النظام السوري في "
            "مدينة القريتين بريف حمص الجنوبي الشرقي.")
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2015, 8, 7)))
    assert analysis.dateline is not None and analysis.dates == []
    # written for the test: nor is it in a sentence that cites the outlet
    cited = shared_pipeline.analyze(Document(id="t", text="وقال مصدر أمني لعين اليوم إن اشتباكات اندلعت أمس.",
                                             published=dt.date(2015, 8, 7)))
    assert [cited.span(d.start, d.end).text for d in cited.dates] == ["أمس"]
    events = events_of(shared_pipeline, text, "2015-08-07")
    assert [(e.location, str(e.date), str(e.date_end)) for e in events] == [
        ("Al-Qaryatayn", "2015-08-06", "2015-08-07")]
