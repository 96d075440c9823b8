"""Clauses of long news sentences (rasd.text.segment): split before the connectors that
chain a second event, not before those that continue the first. Sentences from
development-pool articles outside the gold (ids cited)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.events.assemble import assemble
from rasd.model import Document
from rasd.text.normalize import normalize
from rasd.text.segment import _CLAUSE_START, _SENTENCE_END, Segment, _sentence_ends, clauses, sentences


def _clauses(text: str) -> list[str]:
    norm = normalize(text).norm
    return [norm[c.start:c.end].strip(" ،,") for c in clauses(norm, Segment(0, len(norm)))]


@pytest.mark.parametrize("text,n", [
    # ant-multisource:SK-middleEast-438-20180320: فيما + a second killing
    ("قتل 29 مدنيا، في قصف مدفعي وغارات سورية وروسية استهدفت مدينة دوما في الغوطة الشرقية المحاصرة، وفقا "
     "للمرصد السوري، لحقوق الإنسان، الثلاثاء، فيما قتل 35 مدنيا في ضواحي دمشق بقصف لفصائل المعارضة على سوق شعبي.", 2),
    # saudinewsnet:2015-08-03-0360-863cc37099: ", أيضا دارت" opens a second battle
    ("في حين دارت بعد منتصف ليل أمس اشتباكات عند اطراف حي كرم الطراب، ايضا دارت بعد منتصف ليل أمس اشتباكات "
     "في محيط قريتي حندرات وباشكوي بريف حلب الشمالي.", 2),
    # the injured of the same blast: فيما + جرح continues the event
    ("وفي السياق، أكدت مصادر طبية مقتل عشرين شخصًا على الأقل، فيما جرح العشرات في تفجير سيارة مفخخة استهدف "
     "شارعًا تجاريًا في حي البياع جنوب غربي بغداد.", 1),
    # "فيما يتعلق" (as for) is no connector
    ("وقال المتحدث فيما يتعلق بالهجوم إن التحقيق جار.", 1),
    # فيما + a verb opens a clause without a comma too: ant-multisource:FR-internationalNews-2535-20180731,
    # ant-multisource:SK-internationalNews-2328-20180627
    ("وأكدت الشرطة في بيانات عدة أنها أوقفت أربعة مشتبه بهم فيما قتل أربعة آخرون خلال البحث عن الفاعلين.", 2),
    ("وتنفي سوريا مسؤوليتها عن الهجوم فيما قالت موسكو إن هيئة الخوذ البيضاء ضالعة في تدبير حادثة الكيماوي.", 2),
    # but not the فيما of "in what": ant-multisource:BB-middleEast-473-20180509,
    # ant-multisource:BB-middleEast-728-20180713, ant-multisource:AL-internationalNews-955-20180503
    ("والذين قتلوا فيما يشتبه بأنه هجوم صاروخي إسرائيلي على قاعدة عسكرية جنوب دمشق ثمانية إيرانيين.", 1),
    ("وكان الوليد بن طلال قد احتجز لمدة ثلاثة أشهر فيما وصفته السلطات السعودية بحملة لمكافحة الفساد.", 1),
    ("أحمد البروي المكنى أبو خليل قائد وحدة القناصة فيما يسمى كتائب الحسين قتل مع 3 من مرافقيه بغارة جوية.", 1),
    # ", كذلك" (likewise) opens a second act as كما does: adapted from
    # ant-multisource:AL-internationalNews-1464-20180604 and -275-20180301 (Yemen), places of Syria
    ("شنت مقاتلات التحالف غارات على مواقع لداعش في بلدة هجين، كذلك استهدفت غارات أخرى مواقع للتنظيم في "
     "بلدة الشعفة.", 2),
    ("قصفت قوات النظام صباح أمس مناطق في مدينة حرستا، كذلك تدور منذ صباح أمس اشتباكات عنيفة في القلمون الشرقي.", 2),
    # (written for the test) without a comma كذلك is "also" inside the clause
    ("قصفت قوات النظام وكذلك الميليشيات الإيرانية بلدة سرمين.", 1),
    ("قتل مدنيان كذلك في قصف على بلدة سرمين.", 1),
    # ", مشيرا إلى أن", ", لافتا إلى أن": a participle of saying after a comma opens the next
    # thing the source said: ant-multisource:AL-internationalNews-1789-20180628
    ("وأكد المصدر مواصلة الزحف في منطقة الشريجة، لافتاً إلى أن قوات الجيش والمقاومة باتت بالقرب من منطقة الحيدين "
     "المحاذية لمديرية الراهدة، جنوب محافظة تعز، مشيراً إلى أن المعارك تزامنت مع غارات جوية استهدفت مواقع "
     "وتعزيزات للحوثيين.", 3),
    # (written for the test) and before "أنهم": the next thing said of the others
    ("قتل مدنيان في قصف على بلدة سرمين، مضيفا أنهم قصفوا أيضا بلدة بنش.", 2),
    # (written for the test) without the comma it belongs to the verb of saying before it
    ("وتحدث المسؤول مشيرا إلى أن القصف استهدف المدينة.", 1),
    # (written for the test) nor a فيما before a word that is not an act or a statement
    ("قتل 12 مدنيا في مدينة أريحا بريف إدلب أمس فيما بدا أنه قصف روسي.", 1),
    ("وتقدمت القوات في المنطقة فيما أطلق عليه اسم عملية درع الفرات.", 1),
])
def test_clauses_split_before_a_second_event_only(text: str, n: int) -> None:
    assert len(_clauses(text)) == n


def test_each_clause_of_a_chained_sentence_is_its_own_event(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-438-20180320
    text = ("قتل 29 مدنيا، في قصف مدفعي وغارات سورية وروسية استهدفت مدينة دوما في الغوطة الشرقية المحاصرة، وفقا "
            "للمرصد السوري، لحقوق الإنسان، الثلاثاء، فيما قتل 35 مدنيا في ضواحي دمشق بقصف لفصائل المعارضة على "
            "سوق شعبي.")
    doc = Document(id="t", text=text, published=dt.date(2018, 3, 20))
    events = assemble(shared_pipeline.analyze(doc), shared_pipeline.gazetteer)
    assert [(e.location, e.actor1, e.fatalities) for e in events] == [
        ("Douma", "Syrian Government Forces", 29), ("Damascus", "Syrian Opposition Factions", 35)]


def test_a_second_toll_after_fima_without_a_comma_is_its_own_event(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:FR-internationalNews-2661-20180810 (tune): the shelling of the next town
    # was merged into Khan Shaykhun's when no comma stood before فيما
    text = ("وأوضح مدير المرصد رامي عبد الرحمن أن ثمانية مدنيين قتلوا في قصف على مدينة خان شيخون فيما قتل ثلاثة "
            "آخرون بينهم طفل في قصف لبلدة التح المجاورة.")
    doc = Document(id="t", text=text, published=dt.date(2018, 8, 10))
    events = assemble(shared_pipeline.analyze(doc), shared_pipeline.gazetteer)
    assert [(e.location, e.fatalities) for e in events] == [("Khan Shaykhun", 8), ("At Tahh", 3)]


def test_an_act_and_the_event_it_answers_are_two_clauses(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-1043-20180414: the Western strikes are the clause's news;
    # "ردا على هجوم كيماوي" opens a clause of its own and no longer takes the strikes' place
    text = ("وشنت الولايات المتحدة وبريطانيا وفرنسا، فجر السبت، ضربات عسكرية على أهداف للنظام في سوريا ردا على هجوم "
            "كيماوي في دوما.")
    assert len(_clauses(text)) == 2
    doc = Document(id="t", text=text, published=dt.date(2018, 4, 14))
    trace: list[dict] = []
    assemble(shared_pipeline.analyze(doc), shared_pipeline.gazetteer, trace)
    assert [t["rules"][0] for t in trace] == ["trigger:Shelling/artillery/missile attack", "trigger:Chemical weapon"]


def test_what_a_source_adds_after_a_comma_is_another_event(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2898-20180714: the storming in Karbala was lost in the
    # burning in Basra
    text = ("وذكر مراسلنا أن متظاهرين أحرقوا مقرات تابعة لميليشيا بدر في منطقة الطويسة وسط البصرة، مضيفا أن آخرين "
            "اقتحموا مبنى محافظة كربلاء.")
    doc = Document(id="t", text=text, published=dt.date(2018, 7, 14))
    events = assemble(shared_pipeline.analyze(doc), shared_pipeline.gazetteer)
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Violent demonstration", "Basra"), ("Violent demonstration", "Karbala")]


@pytest.mark.parametrize("text,expected", [
    # ant-multisource:SK-internationalNews-1131-20180424: the space after the stop dropped
    ("ومع انتشار أنباء القتال، خرجت مظاهرات مناهضة للهند واندلعت اشتباكات.واحتشد عشرات الشباب، معظمهم طلاب، "
     "في الطرق", ["ومع انتشار أنباء القتال، خرجت مظاهرات مناهضة للهند واندلعت اشتباكات.",
                  "واحتشد عشرات الشباب، معظمهم طلاب، في الطرق"]),
    # a site's name and an abbreviation keep their stop (saudinewsnet articles cite
    # "العربية.نت"; ant-multisource:SK-middleEast-335-20180316 names the helicopter)
    ("وقال مصدر لـ\"العربية.نت\" إن الهجوم وقع ليلا", ["وقال مصدر لـ\"العربية.نت\" إن الهجوم وقع ليلا"]),
    ("الهليكوبتر وهي من طراز بيف هوك إتش.إتش-60 كانت تقل 7 أشخاص", ["الهليكوبتر وهي من طراز بيف هوك إتش.إتش-60 كانت تقل 7 أشخاص"]),
    ("وقال لموقع مصراوي.كوم إن القصف استهدف البلدة", ["وقال لموقع مصراوي.كوم إن القصف استهدف البلدة"]),
])
def test_a_full_stop_glued_to_the_next_word_ends_a_sentence(text: str, expected: list[str]) -> None:
    norm = normalize(text).norm
    assert [norm[s.start:s.end] for s in sentences(norm)] == [normalize(e).norm for e in expected]


# The fast paths of segment.py must find exactly what the plain regex scans find: random
# texts made of the characters and words those regexes look at.
_SENTENCE_PIECES = ["ا", "ب", "كوم", "نت", "الغوطة", ".", "!", "?", "\n", " ", "  ", "\"", "'", ")", "]", "5", "-"]
_CLAUSE_PIECES = [
    "قتل", "ثلاثة", "في", "حين", "فيما", "قالت", "يتعلق", "كما", "وكما", "حيث", "وسط", "قصف", "ردا", "رد", "علي",
    "انتقاما", "لهجوم", "ايضا", "كذلك", "اضافه", "بالاضافه", "الي", "فضلا", "عن", "بينما", "تزامنا", "مع",
    "ترافقت", "علاوه", "مشيرا", "مضيفه", "ان", "انه", "مؤكدا", "منوها", "لافته", ",", ";", " ", " ", "، ", "\n",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=40))
def test_sentence_ends_are_the_regex_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _sentence_ends(text)] == [m.span() for m in _SENTENCE_END.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=30))
def test_clauses_split_where_the_connector_regex_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    whole = Segment(0, len(text))
    bounds = [m.span() for m in _CLAUSE_START.finditer(text)]
    expected, cursor = [], 0
    for start, end in bounds:
        if start > cursor:
            expected.append(Segment(cursor, start))
        cursor = end
    if cursor < len(text):
        expected.append(Segment(cursor, len(text)))
    assert clauses(text, whole) == expected


@pytest.mark.parametrize("connector", [
    "اضافه الي", "بالاضافه الي", "فضلا عن", "في حين", "بينما", "كما", "حيث", "بالتزامن مع", "تزامنا مع",
    "ترافقت مع", "علاوه علي", "وسط قصف", "، ايضا", "، كذلك", "، فيما", "فيما قتل", "ردا علي", "رد لهجوم",
    "انتقاما لهجوم", ";", "، مشيرا الي ان", "، مضيفه ان", "، موضحا انه", "، لافتا الي ان", "، مؤكدا ان", "، منوهه ان",
])
def test_each_connector_opens_a_clause(connector: str) -> None:
    """Every connector ``_CLAUSE_START`` knows still splits when it is the sentence's only
    one (the gate that skips sentences without a connector must know it too). Written for
    the test."""
    norm = normalize(f"قصفت الطائرات البلدة {connector} القوات تتقدم").norm
    assert len(clauses(norm, Segment(0, len(norm)))) == 2, connector
