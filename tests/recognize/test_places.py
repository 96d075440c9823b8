"""Place mentions and the gazetteer rows they resolve to (rasd.recognize.places,
rasd.resolve.places). Sentences are from the corpus unless said otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document
from rasd.text.normalize import normalize_key
from tests.events.helpers import events_of

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


# Words the gazetteer knows as a village somewhere, or words after a cue, that in these
# sentences name no place: (doc id, sentence, the word that must not be a place).
NOT_PLACES = [
    # a predicate before "لسيطرة"/"سيطرة", not a name
    ("ant-multisource:AL-internationalNews-927-20180415",
     "وألقت الدول الغربية باللائمة على #النظام_السوري في هجوم كيمياوي على منطقة خاضعة لسيطرة المعارضة "
     "المسلحة في وقت سابق من الشهر الجاري أسفرت عن مقتل أكثر من 40 شخصا.", "خاضعة"),
    ("ant-multisource:SK-middleEast-1373-20180501",
     "أفاد المرصد السوري لحقوق الإنسان بمقتل 23 مدنيا على الأقل بينهم 10 أطفال، الثلاثاء، بغارات استهدفت "
     "قرية تحت سيطرة تنظيم داعش في شمال شرق سوريا قرب الحدود مع العراق.", "تحت"),
    # "الغرب" is the West, not a direction: the word after it is no place
    ("ant-multisource:BB-middleEast-316-20180409",
     "وقد اتهمت سوريا في البداية الغرب بالوقوف وراء القصف، إذ كان كل من الولايات المتحدة وفرنسا قد "
     "هددتا بالرد على الهجوم الكيماوي المزعوم، بيد أنهما نفيا قيامهما بقصف القاعدة.", "الوقوف"),
    # common words read through their clitics (وعلى، للثورة)
    ("ant-multisource:BB-middleEast-64-20180220",
     "وحضت على الوقف الفوري للقصف العشوائي على الغوطة الشرقية وعلى وقف إطلاق النار للسماح بإدخال "
     "مساعدات الإغاثة الإنسانية وإسعاف وإخلاء مئات الجرحى والمرضى.", "على"),
    ("ant-multisource:SK-internationalNews-2763-20180721",
     "وأضافت مهر \"مجموعة مسلحة مناوئة للثورة شنت اعتداءا على نقطة تفتيش  في قرية (دري روي)\"، مما "
     "أسفر عن مقتل 11 عنصرا وجرح آخرين من كوادر التعبئة والحرس الثوري.", "لثوره"),
    # an adjective after a cue: "a Kurdish town"
    ("ant-multisource:SK-internationalNews-2166-20180616",
     "اعتقلت الشرطة التركية، السبت، 19 شخصا على خلفية اشتباكات دامية اندلعت خلال زيارة لنائب من حزب "
     "الرئيس رجب طيب أردوغان، لبلدة كردية على الحدود مع سوريا، في إطار حملة انتخابات 24 يونيو.", "كرديه"),
    # a pronoun suffix: "its countryside"
    ("ant-multisource:BB-middleEast-209-20180317",
     "وتتعرض مدينة عفرين وريفها ذات الأغلبية كردية، للقصف الجوي والبري من القوات التركية وحلفائها في "
     "سوريا منذ اكثر نحو شهرين.", "ريفها"),
    # a building, not the village Madrasah
    ("ant-multisource:SK-middleEast-465-20180321",
     "قتل 16 طفلا، الأربعاء، في غارة نفذتها طائرات لم يعرف ما إذا كانت سورية أو روسية قرب مدرسة في "
     "قرية بمحافظة إدلب شمال غربي سوريا، وفق ما أفاد المرصد السوري لحقوق الإنسان.", "مدرسه"),
    # nouns and verbs after a cue: "gathering areas", "a province [that] targeted"
    ("saudinewsnet:2015-07-31-0241-5878f3ac78",
     "وأضاف البيان أن القوات نفذت أيضاً 17 ضربة جوية في العراق قرب تسع مدن استهدفت مناطق تجمع ووحدات "
     "تكتيكية وأسلحة ومواقع أخرى للتنظيم.", "تجمع"),
    ("saudinewsnet:2015-07-24-1869-63a461be99",
     "من جهة أخرى ألقت الشرطة التركية القبض على 251 شخصًا في إطار سلسلة مداهمات في 13 محافظة استهدفت "
     "عناصر تنظيم داعش الإرهابي وحزب العمال الكردستاني ( بي كيه كيه ) المحظور وتنظيمات يسارية متطرفة.",
     "استهدفت"),
    # nouns the gazetteer also knows as villages (المحطة، المزارع), after a near word but no cue
    ("ant-jawharafm:JA-internationalNews-1232-20150325",
     "وأورد تلفزيون النبأ ومقره طرابلس أن خمسة اشخاص قتلوا قرب محطة الكهرباء في المدينة.", "محطه"),
    ("ant-multisource:FR-internationalNews-2149-20180704, adapted (قرب for في)",
     "وجاء في النعي أن نجل البغدادي قتل في هجوم على النصيرية والروس قرب المحطة الحرارية بولاية حمص.", "المحطه"),
    # "an unknown area", after a cue word
    ("written for the test",
     "ونقلت الميليشيات أسلحتها الثقيلة من مواقعها قرب المطار، إلى منطقة مجهولة.",
     "مجهوله"),
    # "and that it", joined to a list of places by its و: not Wanah
    ("ant-multisource:FR-internationalNews-739-20180416, adapted (shortened)",
     "وستكرر ماي التأكيد بأن بريطانيا واثقة من أن الحكومة السورية مسؤولة عن الهجوم الكيميائي على دوما وأنه لم "
     "يكن بوسعها الانتظار.", "وانه"),
    # "the border fence", "the government palaces" (in Basra), not villages of Rif Dimashq and Raqqa
    ("ant-multisource:AL-internationalNews-1854-20180706",
     "وقال الجيش في بيان إن قذيفة الهاون التي سقطت بالقرب من السياج الحدودي شرقاً هي جزء من الاقتتال الداخلي.",
     "السياج"),
    ("ant-multisource:FR-middleEast-286-20180415, adapted (shortened)",
     "وتدعو تونس إلى تضافر جهود كل الأطراف الدولية لتفادي المزيد من التصعيد.", "الدوليه"),
    ("ant-multisource:SK-middleEast-3644-20180911, adapted (shortened)",
     "وصرح سفير إيران لدى العراق في مقر القنصلية الجديدة الواقع قرب القصور الحكومية في شارع الكورنيش.", "القصور"),
    # "peninsula" (شبه جزيرة) after a cue word: "semi", not the village Shabbah
    ("ant-multisource:BB-internationalNews-1030-20180828",
     "وتزايد التوتر بين الجانبين على ضوء ضم موسكو منطقة شبه جزيرة القرم إلى أراضيها من أوكرانيا عام 2014.",
     "شبه"),
    # people, allegiances and verbs after a plural place noun: no villages' names
    ("saudinewsnet:2015-07-22-1656-53c5baac02 (tune)",
     "وقصفت المعارضة بلدات موالية للنظام بريفي إدلب وحلب", "مواليه"),
    ("ant-multisource:SK-middleEast-1971-20180527 (tune)",
     "وقال مدير مركز الدفاع المدني في ريف إدلب إن القصف تركز على مناطق المدنيين", "المدنيين"),
    ("ant-multisource:FR-middleEast-698-20180626 (tune), adapted (shortened)",
     "حيث تدور اشتباكات عنيفة في منطقة تكتسب أهمية من ناحية موقعها الجغرافي الحدودي مع الأردن.", "تكتسب"),
    # a pocket held by a side, the border strip, a palace: no villages
    ("ant-multisource:SK-middleEast-3819-20181010 (tune), adapted (shortened)",
     "وجرى استقدام تعزيزات عسكرية ضخمة دخلت على متن شاحنات إلى الأراضي السورية وجرى نقلها إلى محيط جيب داعش.",
     "جيب"),
    ("ant-multisource:SK-middleEast-2824-20180710 (dev pool, not gold), adapted (shortened)",
     "إن النازحين لا يزالون يترقبون مصيرهم بعد سيطرة النظام على معبر نصيب، ووصوله إلى منطقة الشريط الحدودي مع الأردن.",
     "الشريط"),
    ("ant-multisource:AL-internationalNews-955-20180503 (dev pool, not gold), adapted (shortened)",
     "صدت وحدات من اللواء 22ميكا هجوماً للميليشيات استهدف مواقع قوات الشرعية في محيط القصر الجمهوري.", "القصر"),
    # a region and a city of Iran whose names some Syrian or Iraqi villages bear
    ("ant-multisource:SK-internationalNews-2765-20180721 (dev pool, not gold), adapted (shortened)",
     "وقالت إنها أسفرت عن مقتل 11 عنصرا من الحرس الثوري في اشتباكات مع وحدات حماية شرق كردستان.", "كردستان"),
    ("ant-multisource:SK-internationalNews-2875-20180802 (dev pool, not gold), adapted (shortened, its cue word مدن left out)",
     "وتتزامن المظاهرات في قلب العاصمة الإيرانية مع خروج حشود غاضبة في مشهد وشيراز وأصفهان.", "مشهد"),
]


@pytest.mark.parametrize("doc_id,text,word", NOT_PLACES)
def test_common_words_are_not_places(shared_pipeline, doc_id: str, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 5, 1)))
    assert word not in [r.mention.name_norm for r in analysis.places]


# The first word of a compound name the gazetteer lacks is not the village of that name.
HEADS = [
    ("ant-multisource:CN-middleEast-1175-20180811",
     "تصدت الدفاعات الجوية السورية، صباح السبت، لما وصفته بـ\"هدف معاد\" قالت إنه اخترق الأجواء فوق منطقة "
     "دير العشائر في أقصى الريف الغربي للعاصمة، دمشق، وفقا لما نقلته وكالة الأنباء السورية الرسمية.", "دير"),
    ("saudinewsnet:2015-07-22-0893-c467ea57e8",
     "أعلن وزير الداخلية العراقي محمد سالم الغبان اليوم الأحد اعتقال المتورطين بالتفجير الذي استهدف ناحية "
     "بني سعد بمحافظة ديالى أمس الأول الجمعة.", "بني"),
]


@pytest.mark.parametrize("doc_id,text,head", HEADS)
def test_the_head_of_a_compound_name_is_not_a_village(shared_pipeline, doc_id: str, text: str, head: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 5, 1)))
    resolved = [r.place.name_ar for r in analysis.places if r.place and r.mention.name_norm == head]
    assert all(name != head for name in resolved)  # a governorate it lies in, never the village "دير"


def test_a_pronoun_of_apposition_after_a_plural_of_settlements_opens_their_list(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-529-20180325: "من 4 بلدات محاصرة هي الفوعة وكفريا ومضايا
    # والزبداني": "هي" stands for the towns, so the names after it are settlements
    text = ("وفي أبريل من العام نفسه أجلي نحو 11 ألف مدني ومقاتل من 4 بلدات محاصرة هي الفوعة وكفريا ومضايا "
            "والزبداني، وصفت حينها بأنها أكبر عملية إجلاء منذ بدء الحرب.")
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 3, 25)))
    assert [r.place.name_en for r in analysis.places if r.place] == ["Al Fu`ah", "Kafraya", "Medaya", "Al-Zabadani"]
    # ant-multisource:BB-middleEast-130-20180303: a "هي" that says what the places are names none
    text = "أرادو مخصصات مالية أكبر للمناطق الغنية بالنفط في جنوب البلاد، وهي مناطق ذات أغلبية شيعية."
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 3, 3)))
    assert [r.mention.name_norm for r in analysis.places if r.mention.start > text.index("وهي")] == []


NEAR = [
    ("ant-jawharafm:JA-internationalNews-1213-20170531",
     "ونقلت وكالات أنباء روسية أن وزارة الدفاع أطلقت 4 صواريخ \"مجنحة من طراز كاليبر\" على مواقع لتنظيم "
     "\"داعش\" الإرهابي بالقرب من مدينة تدمر وسط سوريا.", "تدمر"),
    # a compass point with the article, before من
    ("ant-multisource:SK-middleEast-1563-20180510",
     "وقالت الوكالة إنه تم إسقاط بعض الصواريخ الإسرائيلية إلى الجنوب من مدينة حمص.", "حمص"),
]


@pytest.mark.parametrize("doc_id,text,name", NEAR)
def test_near_phrases_with_the_article_still_mean_near(shared_pipeline, doc_id: str, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 5, 1)))
    assert [r.mention.near for r in analysis.places if r.mention.name_norm.endswith(name)] == [True]


@pytest.mark.parametrize("text,name", [
    # written for the test: the front of a village, and the barren hills of one
    ("وتصدت فصائل المعارضة لمحاولة تقدم قوات النظام على محور بيت عوان في ريف اللاذقية.", "بيت عوان"),
    ("ودارت اشتباكات بين الفصائل وحزب الله في جرود الجراجير أمس.", "جراجير"),
])
def test_a_front_or_the_hills_of_a_place_name_it_near(shared_pipeline, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 5, 1)))
    assert [(r.place.name_ar, r.mention.near) for r in analysis.places if r.place and r.place.name_ar == name] \
        == [(name, True)]


def test_a_definite_front_word_is_a_direction_not_a_cue(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: "المحور الجنوبي" is a direction of the offensive; a name after
    # the definite word is not placed near by it
    text = "وتقف القوات ضمن المحور الجنوبي الآن، وتتقدم قوات أخرى على المحور حمورية."
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 5, 1)))
    assert not any(r.mention.near for r in analysis.places)


def test_a_word_written_with_tanween_is_no_place(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:BB-middleEast-673-20180628: "دوماً" (always), not the town of Douma
    text = "قد تستمر عمليات البحث لعدة أيام، لكنها لا تسفر دوماً عن انتشال جميع الغرقى ما يترك كثيرين في عداد المفقودين."
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 6, 28)))
    assert [r.mention.name_norm for r in analysis.places] == []
    # the town, written without tanween, stays a place
    analysis = shared_pipeline.analyze(Document(id="t", text="قصفت الطائرات مدينة دوما.", published=dt.date(2018, 6, 28)))
    assert [r.place.name_en for r in analysis.places if r.place] == ["Douma"]


@pytest.mark.parametrize(("text", "douma"), [
    # ant-multisource:SK-middleEast-1267-20180426: "كان دوما" (was always), in a Lebanese story
    ("فهو لجأ إلى شعار \"لا للتوطين\" الذي كان دوما الشماعة التي استخدمت في لبنان لتبرير حرمان الفلسطينيين.", False),
    # the town, after a preposition, glued to a clitic, or bare in an article about its region
    ("وصلت قافلة مساعدات إلى دوما أمس.", True),
    ("وقتل خمسة مدنيين بدوما أمس.", True),
    ("قصفت قوات النظام أمس دوما وحرستا في الغوطة الشرقية.", True),
    # ant-multisource:SK-middleEast-716-20180401: the object of a verb of movement
    ("وذكرت وسائل إعلام حكومية أن مجموعة من المقاتلين غادرت دوما الأحد.", True),
])
def test_an_adverb_spelled_as_a_town_is_no_place(shared_pipeline, text: str, douma: bool) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 4, 26)))
    assert ("Douma" in [r.place.name_en for r in analysis.places if r.place]) == douma


def test_a_clitic_on_the_control_word_is_another_phrase(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: "بسيطرة" (with the control of) does not make the name before it a predicate
    analysis = shared_pipeline.analyze(Document(id="t", text="انتهت معركة الرقة بسيطرة قوات سوريا الديمقراطية على المدينة أمس.",
                                                published=dt.date(2018, 6, 6)))
    assert "الرقه" in [r.mention.name_norm for r in analysis.places]


@pytest.mark.parametrize(("text", "name"), [
    # saudinewsnet:2015-08-08-0153-7f1ac40a62: a two-letter first word under و
    ("في حين دارت اشتباكات عنيفة في محيط قرى المشيك والزيارة وتل واسط", "Tall Wasit"),
    # saudinewsnet:2015-08-08-1282-bff90b9b75
    ("وخرجت تظاهرات مماثلة في البصرة وذي قار والحلة والنجف", "Dhi-Qar"),
])
def test_a_clitic_before_a_two_letter_first_word_of_a_name(shared_pipeline, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2015, 8, 8)))
    names = [r.place.display_name for r in analysis.places if r.place]
    assert name in names
    assert "Wasit" not in names  # "وتل واسط" is not the Iraqi governorate


@pytest.mark.parametrize(("text", "name", "then"), [
    # saudinewsnet:2015-07-22-0893-c467ea57e8 (tune gold): a district the gazetteer lacks
    ("التفجير الذي استهدف ناحية بني سعد بمحافظة ديالى", "بني سعد", "محافظه ديالي"),
    # ant-multisource:BB-middleEast-208-20180317: the list goes on after the compound name
    ("وقتلت الغارات الروسية 80 شخصا الجمعة في بلدات كفر بتنا وسقبا وحرستا", "كفر بتنا", "سقبا"),
])
def test_an_unknown_compound_name_after_a_cue_is_read_whole(shared_pipeline, text: str, name: str, then: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 3, 17)))
    names = [p.mention.name_norm for p in analysis.places]
    assert names[0] == name and names[1].endswith(then)  # (the next keeps its clitic: "وسقبا")


@pytest.mark.parametrize(("doc_id", "text", "names"), [
    # "areas and bridges": a cue followed by a word joined to it by و names no place
    ("saudinewsnet:2015-07-31-0690-151c530ba6",
     "وأضاف أن 17 ضربة جوية نفذت قرب دير الزور واستهدفت مناطق وجسورا ونقاط تفتيش ومركزا للتدريب.",
     ["دير الزور"]),
    # the cue's own list still goes on with و ("بلدات X وY")
    ("ant-multisource:BB-middleEast-208-20180317",
     "وقتلت الغارات الروسية 80 شخصا الجمعة في بلدات كفر بتنا وسقبا وحرستا", ["كفر بتنا", "سقبا", "حرستا"]),
])
def test_a_word_joined_to_a_cue_by_and_is_no_name(shared_pipeline, doc_id: str, text: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 7, 31)))
    assert [p.mention.name_norm.removeprefix("و") for p in analysis.places] == names
    # (constructed) after a singular cue a village's name may begin with و
    analysis = shared_pipeline.analyze(Document(id="t", text="قصفت الطائرات الحربية قرية وردانة في ريف حماة الشمالي.",
                                                published=dt.date(2015, 7, 31)))
    assert "وردانه" in [p.mention.name_norm for p in analysis.places]


@pytest.mark.parametrize(("text", "salamiyah"), [
    # ant-multisource:SK-middleEast-3250-20180803: "سلمية" (peaceful), not the town
    ("كما فرقت المتظاهرين الذين خرجوا في تظاهرة سلمية.", False),
    # ant-multisource:FR-internationalNews-2416-20180720: the chant
    ("وهتف المتظاهرون \"سلمية سلمية\"، خصوصا بعد سقوط ثمانية قتلى.", False),
    # the town, after its cue or a preposition
    ("قصفت قوات النظام أمس مدينة السلمية بريف حماة.", True),
    ("سقطت قذائف أمس على حي في السلمية.", True),
])
def test_an_adjective_spelled_as_a_town_is_no_place(shared_pipeline, text: str, salamiyah: bool) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 8, 3)))
    assert ("Salamiyah" in [r.place.display_name for r in analysis.places if r.place]) == salamiyah


@pytest.mark.parametrize(("text", "khalis"), [
    # ant-multisource:CN-middleEast-1102-20180604: "pure", of a movement in Jordan
    ("بقدر ما هو تحرك عفوي خالص، يحمل في طياته مطالب أردنية خالصة.", False),
    # saudinewsnet:2015-08-10-0906-05d5088590: "sincere" condolences
    ("وتتقدم القوات المسلحة بخالص التعازي لأسر الشهداء الأبرار.", False),
    # written for the test: the Diyala town after its cue, or after a preposition in an
    # article that names Diyala
    ("قتل ثلاثة مدنيين بانفجار عبوة في قضاء الخالص.", True),
    ("قتل ثلاثة مدنيين بانفجار عبوة في الخالص بمحافظة ديالى.", True),
    ("قتل ثلاثة مدنيين بانفجار عبوة في خالص بمحافظة ديالى.", True),
])
def test_sincere_is_not_al_khalis(shared_pipeline, text: str, khalis: bool) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 6, 4)))
    assert ("Khāliş" in [r.place.display_name for r in analysis.places if r.place]) == khalis


@pytest.mark.parametrize("text,name", [
    # saudinewsnet:2015-07-23-0298-72e05b5de4: the gazetteer has an Iraqi village "قرية القصر"
    # and the Aleppo village قصر البريج
    ("قال المرصد السوري: قصف الطيران المروحي بالبراميل المتفجرة صباح أمس مناطق في قرية قصر البريج في ريف "
     "حلب الشمالي.", "قصر البريج"),
    # saudinewsnet:2015-08-10-0769-e1d501574c
    ("وأطلقت عناصر داعش صواريخ على مواقع البيشمركة في قرية حسن شامي.", "حسن شامي"),
])
def test_a_name_after_a_cue_word_beats_a_name_that_opens_with_the_cue(shared_pipeline, text: str,
                                                                      name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in [name_ar for _, name_ar, _ in places_of(shared_pipeline, text)]


@pytest.mark.parametrize("text,capital,kept", [
    # ant-multisource:BB-middleEast-472-20180508 (a tune article): Damascus speaks
    ("قالت دمشق إن الدفاعات الجوية السورية دمرت صاروخين إسرائيليين استهدفا منطقة الكسوة.", "دمشق", False),
    # ant-multisource:SK-middleEast-3080-20180723
    ('اعتبرت دمشق، الاثنين، أن إجلاء مئات من عناصر "الخوذ البيضاء" عملية إجرامية.', "دمشق", False),
    # a capital after a verb whose object is a place, or after a preposition, is the city
    ("وقصفت الطائرات دمشق أمس.", "دمشق", True),
    ("وقال مصدر أمني في بغداد إن انفجارا وقع.", "بغداد", True),
])
def test_a_capital_that_speaks_is_its_government(shared_pipeline, text: str, capital: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    assert (capital in [name_ar for _, name_ar, _ in places_of(shared_pipeline, text)]) is kept


@pytest.mark.parametrize("doc_id,text,named", [
    ("saudinewsnet:2015-07-26-0375-eda6a66ee0",
     "سقطت قذائف عدة أطلقتها الفصائل المقاتلة على مناطق في بلدتي نبل والزهراء والمحاصرتين من قبل جبهة النصرة.",
     ["نبل", "الزهراء"]),
    ("saudinewsnet:2015-08-09-0939-01da6ad57d",
     "وخلال الشهر الماضي تسلل مقاتلون من تنظيم الدولة إلى مدينتي عين العرب وتل أبيض ونفذوا فيهما هجمات.",
     ["عين العرب", "تل ابيض"]),
])
def test_a_dual_cue_names_two_places(shared_pipeline, doc_id: str, text: str, named: list[str]) -> None:  # type: ignore[no-untyped-def]
    # "بلدتي X وY والمحاصرتين": the third word joined by و (the two besieged, and they
    # carried out) is no third place of the list, though the gazetteer does not know it
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 7, 26)))
    assert [analysis.ntext.norm[r.mention.start:r.mention.end] for r in analysis.places] == named


@pytest.mark.parametrize("doc_id,text,name", [
    ("ant-multisource:FR-internationalNews-233-20180303",
     "وتمكنت من التقدم والسيطرة على قريتي حوش الظواهرة وحوش الزريقية.", "حوش الزريقيه"),
    ("saudinewsnet:2015-07-22-0064-6c455e6f51",
     "صد هجوم لمسلحي داعش على مواقعها في قرية خراب دليل التابعة لمحور بعشيقة.", "خراب دليل"),
    ("saudinewsnet:2015-07-26-0156-64ed5dd404",
     "نفذ الطيران الحربي النظامي ما لا يقل عن 6 غارات على بلدات وقرى الزويك والدويركة وساقية الكرت بجبل الأكراد.",
     "ساقيه الكرت"),
    ("saudinewsnet:2015-07-27-0341-b25506f6c7",
     "كما دارت بعد منتصف ليل أمس اشتباكات على أطراف حي كرم الطراب قرب مطار النيرب العسكري.", "كرم الطراب"),
    # a second head takes the word after it
    ("saudinewsnet:2015-07-22-1655-3af6c02f50",
     "ذكرت مصادر أمنية وعشائرية أن 13 رجلا بينهم زعيم عشيرة سنية خطفوا الاثنين في بلدة خان بني سعد بمحافظة ديالى.",
     "خان بني سعد"),
    # البو (the sons of) heads the names of Iraqi tribal villages and is none alone (tune)
    ("saudinewsnet:2015-07-31-0278-5fcd39fabb",
     "إن «قوة أمنية مشتركة تمكنت صباح اليوم (أمس) خلال عملية مباغتة من تحرير الطريق الرابط بين منطقة البو "
     "عيثة وعقدة سرمن شمالي الرمادي من سيطرة تنظيم داعش", "البو عيثه"),
    # inside a list its cue named, a head that is also a common word (بيت) with the word after it
    ("ant-multisource:SK-middleEast-394-20180318",
     "خلال تصعيد عمليات القصف الجوي والمدفعي على مدن وبلدات دوما وحرستا ومديرا وبيت سوى وعين ترما.", "بيت سوي"),
])
def test_a_compound_name_the_gazetteer_lacks_is_read_whole(shared_pipeline, doc_id: str, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    # حوش، خراب، ساقية، كرم begin compound village names: the gazetteer's one-word village
    # of that name (or none) is not the place, and the name is the two words
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 7, 26)))
    assert name in [r.mention.name_norm for r in analysis.places]


def test_a_city_named_after_a_street_word_is_the_street(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-09-0840-d58eb6bea6: Baghdad Street is in Damascus
    text = ("وفي السياق ذاته، قتل خمسة أشخاص وأصيب 37 آخرون بجروح جراء سقوط قذائف صاروخية على شارعي الثورة وبغداد "
            "وحي باب توما في دمشق.")
    places = places_of(shared_pipeline, text)
    assert [name for _, name, _ in places if name == "بغداد"] == []
    assert ("city", "دمشق", 1) in places


@pytest.mark.parametrize("text,medium,place", [
    # written for the test, on the pattern of a tune article (ant-multisource:CN-middleEast-287-20180317)
    ("وتواصل القصف الجوي على بلدة عربين، السبت، وفقا لما ذكره مركز دمشق الإعلامي المعارض.", "دمشق", "عربين"),
    ("وقالت شبكة السويداء 24 إن انفجارا وقع في بلدة شهبا مساء أمس.", "السويداء", "شهبا"),
    ("وأفاد مكتب حلب الإعلامي بأن قذائف سقطت على بلدة الأتارب.", "حلب", "اتارب"),
    # the gazetteer's subdistrict "مركز إدلب" read whole; a cue word between medium and name
    ("وقال مركز إدلب الإعلامي إن قذائف سقطت على بلدة سراقب.", "مركز إدلب", "سراقب"),
    ("وقالت تنسيقية مدينة سراقب الإعلامية إن قذائف سقطت على بلدة سرمين.", "سراقب", "سرمين"),
])
def test_a_place_in_a_news_mediums_name_is_no_place(shared_pipeline, text: str, medium: str, place: str) -> None:  # type: ignore[no-untyped-def]
    names = [name for _, name, _ in places_of(shared_pipeline, text)]
    assert medium not in names
    assert place in names


def test_a_centre_of_a_city_is_still_the_city(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: "مركز" before a name opens a medium's name only with a medium's word after it
    names = [name for _, name, _ in places_of(shared_pipeline, "وسقطت قذائف على مركز مدينة حلب وعلى مركز الرقة الآن.")]
    assert names == ["حلب", "الرقة"]


def test_a_name_the_article_gave_as_a_place_is_that_place_again_when_it_comes_back_bare(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # after ant-multisource:FR-internationalNews-1348-20180520: "منطقة الحجر الأسود", then
    # "استهدفت الحجر الأسود" with no cue word: the same town, not the subdistrict of that name
    text = ("وقالت سانا إن لا صحة للتقارير عن خروج عناصر التنظيم من منطقة الحجر الأسود. وتأتي عملية الإخلاء "
            "إثر حملة عسكرية استهدفت الحجر الأسود الخاضع للتنظيم في جنوب العاصمة.")
    assert [(feature, name) for feature, name, _ in places_of(shared_pipeline, text)] == [
        ("town", "الحجر الأسود"), ("town", "الحجر الأسود")]
    # constructed after ant-multisource:FR-internationalNews-2376-20180718: the town named
    # with its cue word, then bare; alone, the bare word is no place
    text = "وقتل 15 مدنيا في غارات على مدينة نوى في ريف درعا. ولم يعرف سبب القصف العنيف على نوى."
    assert [name for _, name, _ in places_of(shared_pipeline, text)].count("نوى") == 2
    bare = "ولم يعرف سبب القصف العنيف على نوى."
    assert "نوى" not in [name for _, name, _ in places_of(shared_pipeline, bare)]
    # constructed (review): a list whose cue is assumed, not written, introduces nothing
    listed = "وقتل مدنيون في غارات على حلب ونوى. ولم يعرف سبب القصف العنيف على نوى."
    assert [name for _, name, _ in places_of(shared_pipeline, listed)].count("نوى") == 1
    # constructed (review): a common word that needs its cue each time ("الباب", a door)
    door = "قصفت الطائرات مدينة الباب في ريف حلب. وقتل ثلاثة مدنيين بغارة على الباب الرئيسي للمستشفى في إدلب."
    assert [name for _, name, _ in places_of(shared_pipeline, door)].count("الباب") == 1


@pytest.mark.parametrize("doc_id,text,named", [
    ("saudinewsnet:2015-08-06-0216-a13e6af574",
     "وقد اختبرا الهدن في مناطق أخرى مثل المعضمية والحجر الأسود واليرموك وغيرها حول العاصمة",
     ["Al Mu`addamiyah", "Al Hajar al Aswad", "Mukhayyam al Yarmuk"]),
    ("saudinewsnet:2015-08-10-1199-d585b985a7",
     "وفي العراق نفذت 21 ضربة جوية بالقرب من تسع مدن من بينها مخمور والرمادي وبيجي استهدفت العديد من وحدات المقاتلين",
     ["Makhmur", "Ramadi", "Baiji"]),
])
def test_like_or_among_after_a_plural_of_settlements_opens_their_list(shared_pipeline, doc_id: str, text: str,
                                                                        named: list[str]) -> None:  # type: ignore[no-untyped-def]
    # "مناطق مثل X", "مدن من بينها X": the names after مثل / منها / بينها are the places the
    # plural stands for, each a settlement (a village needs that cue to be read at all)
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 8, 10)))
    assert [r.place.name_en for r in analysis.places if r.place] == named
    assert all(r.mention.cue == "settlement" for r in analysis.places)


@pytest.mark.parametrize("doc_id,text,named", [
    ("ant-multisource:SK-middleEast-3305-20180809",
     "أن المنشورات أسقطت فوق بلدات تفتناز، وكفريا وبنش، مضيفة أن النشطاء في المنطقة سخروا من المنشورات.",
     ["تفتناز", "كفريا", "بنش"]),
    ("ant-multisource:SK-middleEast-519-20180324",
     "أعلنت فيه أنه\"تم تطهير قرى فافراتين، وبارجكا، وكاباشين، من الذراع السوري لحزب العمال الكردستاني",
     ["فافراتين", "بارجكا", "كاباشين"]),
])
def test_a_comma_before_and_goes_on_with_a_list_of_villages(shared_pipeline, doc_id: str, text: str,
                                                            named: list[str]) -> None:  # type: ignore[no-untyped-def]
    # "بلدات X، وY": in a list a plural cue opened, a comma before و does not end it
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 8, 9)))
    assert [analysis.ntext.norm[r.mention.start:r.mention.end] for r in analysis.places] == named


@pytest.mark.parametrize("doc_id,text,named", [
    # written for the test: the comma ends a place a singular cue named ("وفقا" is no town) ...
    ("t", "قتل 12 شخصا في قصف صاروخي استهدف مقر الحزب في مدينة كوي سنجق، وفقا لبيان صادر عن الحزب.",
     ["كوي سنجق"]),
    # ... and, after a plural, a list of regions or governorates: no unknown name joins it
    ("ant-multisource:SK-middleEast-92-20180227",
     "وأفاد مراسل لوكالة فرانس برس في مدينة دوما، كبرى مدن الغوطة الشرقية، والمرصد السوري لحقوق الإنسان عن هدوء",
     ["دوما", "الغوطه الشرقيه"]),
    ("ant-multisource:BB-middleEast-1114-20181017",
     "بعد شهر من هجومها بتلك الأسلحة على عدة أحياء في ريف دمشق، وشملت تلك الأسلحة غاز الأعصاب",
     ["ريف دمشق"]),
])
def test_a_comma_ends_a_place_that_opens_no_list_of_villages(shared_pipeline, doc_id: str, text: str,
                                                             named: list[str]) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 9, 8)))
    assert [analysis.ntext.norm[r.mention.start:r.mention.end] for r in analysis.places] == named


def test_an_unknown_name_with_a_second_word_before_the_next_item_is_read_whole(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2598-20180626 (the list cut short for the test): in a
    # list of settlements, an unknown name, a word with the article, then the next item with
    # و: the two words are one name
    text = "لنحو 20 ألف نازح من بلدات ناحتة وبصر الحرير والمليحة الشرقية في ريف درعا"
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 6, 26)))
    assert "بصر الحرير" in [r.mention.name_norm for r in analysis.places]


@pytest.mark.parametrize("text,named", [
    # (constructed) after a comma, a verb or a noun that opens a clause is no next village
    ("قصفت طائرات روسية اليوم بلدات التمانعة وكفرسجنة، وأفاد ناشطون بمقتل 3 مدنيين في مدينة خان شيخون.",
     ["التمانعه", "كفرسجنه", "خان شيخون"]),
    ("قصفت طائرات روسية اليوم بلدات التمانعة وكفرسجنة، والنصرة تنسحب من المنطقة.", ["التمانعه", "كفرسجنه"]),
    # (constructed) a word that describes the place is not the second word of its name
    ("قتل ثلاثة مدنيين اليوم في قصف على بلدة زمرينة الواقعة وسط إدلب.", ["زمرينه", "ادلب"]),
    ("قتل ثلاثة مدنيين في قصف على بلدة زمرينة الأربعاء وقتلت قوات النظام اثنين آخرين.", ["زمرينه"]),
])
def test_a_list_ends_where_a_clause_or_a_description_begins(shared_pipeline, text: str,
                                                             named: list[str]) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 9, 5)))
    assert [analysis.ntext.norm[r.mention.start:r.mention.end] for r in analysis.places] == named


def test_a_two_word_name_goes_on_to_a_cue_of_the_next_place(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2540-20180622: "بلدة بصر الحرير وبلدة المجيدل"
    text = ("واستهدفت مقاتلات حربية سورية بالصواريخ الفراغية الأحياء السكنية في بلدة بصر الحرير وبلدة المجيدل "
            "بمنطقة اللجاة بريف درعا الشرقي.")
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 6, 22)))
    assert [r.mention.name_norm for r in analysis.places][:2] == ["بصر الحرير", "المجيدل"]


@pytest.mark.parametrize("doc_id,text,named", [
    # a name the gazetteer knows, in quotes after its cue
    ("ant-multisource:SK-middleEast-2780-20180706",
     'تعرضت منطقة "نصيب" على الحدود الأردنية السورية لقصف عنيف من قبل الطائرات الحربية السورية والروسية',
     [("نصيب", "Nasib")]),
    ("saudinewsnet:2015-07-24-1842-70093e3ed1",
     'وتواصلت المواجهات بين قوات المعارضة و"تنظيم داعش" بالقرب من قرية "أم حوش" القريبة من مدينة مارع',
     [("ام حوش", "Umm Hawsh"), ("مارع", "Mari`")]),
    # (review, constructed) a group's name quoted after an area or a plural is no place; and
    # a quote that closes before a name opens nothing
    ("t", "وقصفت طائرات التحالف أمس مناطق «داعش» في بلدة هجين بريف دير الزور الشرقي.",
     [("هجين", "Hajin"), ("دير الزور", "Dayr az Zawr")]),
    ("t", 'وقال "إن القصف طال كل قرية" حلب', [("حلب", "Aleppo")]),
    # (constructed) one it lacks, in guillemets, read whole up to the closing quote; and a
    # quote too long to be a name names nothing
    ("t", "قصفت الطائرات قرية «بيت فارس» في ريف حلب", [("بيت فارس", None), ("حلب", "H'alab")]),
    ("t", "قصفت الطائرات مدينة «تعيش منذ أشهر تحت الحصار» في ريف حلب", [("حلب", "H'alab")]),
])
def test_a_quoted_name_after_a_cue_is_the_place(shared_pipeline, doc_id: str, text: str,
                                                named: list[tuple[str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    # 'قرية "أم حوش"': an opening quote between the cue and the name does not part them
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 7, 6)))
    assert [(r.mention.name_norm, r.place.name_en if r.place else None) for r in analysis.places] == named


@pytest.mark.parametrize("doc_id,text,towns", [
    # the pair of villages named before: "the two villages", not the town al-Qaryatayn
    # (sentences of ant-multisource:SK-middleEast-2976-20180718, shortened)
    ("ant-multisource:SK-middleEast-2976-20180718",
     "وأحصى مراسل وكالة فرانس برس 20 حافلة خلال خروجها من بلدتين محاصرتين هما الفوعة وكفريا. وكان مفاوضون "
     "توصلوا إلى اتفاق سري لإجلاء آلاف الأشخاص من القريتين مقابل الإفراج عن مئات المعتقلين.", 0),
    # the town, given its cue elsewhere in the article, stays the town where it comes back bare
    # (saudinewsnet:2015-08-08-0152-245c0f5d92, a tune article, shortened)
    ("saudinewsnet:2015-08-08-0152-245c0f5d92",
     "وقد نزحت هذه العائلات نحو بلدتي زيدل وفيروزة. وكان التنظيم قد شن هجوما واسعا على بلدة القريتين صباح "
     "الأربعاء، وكان نحو ألفي مسيحي يقطنون في القريتين قبل اندلاع الأزمة.", 2),
    # (review, constructed) the town given its cue comes back with a clitic ("بالقريتين"); and
    # the second item of a dual's own list is no pair referred back to
    ("t", "ونزح الأهالي من بلدتي مهين وحوارين نحو حمص. وكان التنظيم قد سيطر على مدينة القريتين الأسبوع الماضي. "
     "وقال ناشطون إن التنظيم أعدم أمس 5 مدنيين بالقريتين.", 2),
    ("t", "سيطر تنظيم داعش أمس على بلدتي مهين والقريتين في ريف حمص.", 1),
])
def test_the_two_villages_after_a_pair_are_no_town(shared_pipeline, doc_id: str, text: str, towns: int) -> None:  # type: ignore[no-untyped-def]
    # "القريتين" is both the town al-Qaryatayn and "the two villages"
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 7, 18)))
    assert len([r for r in analysis.places if r.place is not None and r.place.name_en == "Al-Qaryatayn"]) == towns


WHOLE_AFTER_A_CUE = [
    # ant-multisource:SK-internationalNews-1451-20180508 (Sweden): not "فـ + كـ + سيو", Siyaw in Arbil
    ("وأعلنت الشرطة السماح لمسجد في مدينة فكسيو في جنوب البلاد برفع الآذان كل يوم جمعة.", "سيو"),
    # ant-multisource:SK-middleEast-3583-20180909 (shortened): "areas and training grounds", not Mayadin
    ("وشهدت الأيام الماضية التحرك إلى مناطق وميادين التدريب التخصصية استعداداً لبدء فعاليات التدريب.", "ميادين"),
]


@pytest.mark.parametrize("text,inner", WHOLE_AFTER_A_CUE)
def test_a_name_right_after_a_cue_word_begins_with_no_conjunction(shared_pipeline, text: str, inner: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 5, 1)))
    norm = analysis.ntext.norm
    assert inner not in [norm[r.mention.start:r.mention.end] for r in analysis.places]


@pytest.mark.parametrize("text,name", [
    # (constructed, after the review of the rule above) a preposition may follow a cue word
    ("وقع انفجار في حي بالموصل أمس.", "Mosul"),
    ("قتل شخصان بانفجار في حي بدمشق.", "Damascus"),
    ("توفي معتقل داخل سجن بحماة.", "Hama"),
    # the article's own clitic-free names, and names that begin with ب or ك themselves
    ("وسيطرت القوات على مدينة الرقة وبلدة البوكمال.", "Abu Kamal"),
    ("قصفت الطائرات مدينة بنش وبلدة كفرنبل.", "Binnish"),
])
def test_a_preposition_after_a_cue_word_still_leads_to_the_place(shared_pipeline, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    found = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 5, 1))).places
    assert name in [r.place.name_en for r in found if r.place]


def test_a_hill_named_after_its_cue_is_no_district_the_gazetteer_writes_with_that_cue(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2824-20180710 (shortened): "منطقة تل شهاب" is not the OCHA
    # district "منطقة التل" (Al-Tall, in Rif Dimashq), nor its town
    text = "ودخل إلى مناطق الريف الغربي، ليسيطر على الشريط الحدودي في منطقة تل شهاب وزيزون."
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 7, 10)))
    assert "Al-Tall" not in [r.place.display_name for r in analysis.places if r.place]
    # (constructed) a name the gazetteer knows after the head word is still read: "تل جورة الماء"
    text = "استمرت الاشتباكات في محيط منطقة تل جورة الماء بجبل التركمان في الريف الشمالي."
    found = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2015, 7, 26))).places
    assert "Jurat al Ma'" in [r.place.name_en for r in found if r.place]


def test_a_whole_name_that_begins_with_a_head_word_is_still_read(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # (constructed, after the review) "تل الشيخ" is a village's whole name, whatever follows it
    # ("أمس"), and a head word that is no cue keeps its name whole ("خربة أبو ظهور" is no airbase)
    found = shared_pipeline.analyze(Document(id="t", text="وقصفت الطائرات قرية تل الشيخ أمس في ريف الحسكة.",
                                             published=dt.date(2018, 5, 1))).places
    assert "Tall ash Shaykh" in [r.place.name_en for r in found if r.place]
    found = shared_pipeline.analyze(Document(id="t", text="وقصفت الطائرات قرية خربة أبو ظهور في ريف إدلب.",
                                             published=dt.date(2018, 5, 1))).places
    assert not [r for r in found if r.place and r.place.feature == "site"]


@pytest.mark.parametrize("doc_id,text,name", [
    # a camp is a facility, as a base or an airport is: the village after it is the place
    ("saudinewsnet:2015-07-22-0028-4eb8e1ea25",
     "وهو ما منعهم من دخولها بعد السيطرة على إدلب وجسر الشغور وأريحا ومعسكر المسطومة قبل ثلاثة أشهر.", "المسطومه"),
    # (constructed, after the Turkish strikes of summer 2015) a village no other cue marks
    ("constructed", "غارة جوية تركية شنت الجمعة الماضي على معسكر زاركلي شمال العراق.", "زاركلي"),
])
def test_a_village_after_the_word_for_a_camp_is_a_place(shared_pipeline, doc_id: str, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 7, 22)))
    found = {r.mention.name_norm: r for r in analysis.places}
    assert name in found and found[name].mention.cue == "facility" and found[name].place is not None


@pytest.mark.parametrize(("text", "name"), [
    # saudinewsnet:2015-08-10-1199-d585b985a7: the seat of a district, with no population in
    # the gazetteer, after a preposition
    ("وقال البيان ان ضربة دمرت مصنعا للمواد الناسفة في الحويجة.", "Al Hawijah"),
    # ant-multisource:FR-middleEast-209-20180402
    ("سلمن أنفسهن لقوات البشمركة الكردية بعدما فررن من تلعفر خلال عمليات استعادة هذه المدينة.", "Tall 'Afar"),
    # written for the test: a seat whose name is a common word ("الدور", a district's seat
    # in Salah ad-Din, is also "the role" and "the round") needs its cue, and على, which
    # mostly opens a verb's object, does not place a seat
    ("وفاز الفريق في الدور الأول.", None),
    ("قصفت الطائرات مواقع على الحويجة.", None),
])
def test_the_seat_of_a_district_is_a_place_after_a_preposition(shared_pipeline, text: str,
                                                              name: str | None) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2015, 8, 10)))
    assert [r.place.name_en for r in analysis.places if r.place] == ([name] if name else [])


def test_a_name_that_heads_a_construct_as_a_noun_names_no_place(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-08-1180-4d7a56c16a (dev pool, not gold): "the protectors of the
    # homeland"; the city after a preposition or a cue, with its countryside or an adjective, stays
    text = "فقد استهدفوا حماة الوطن مسلمين قائمين لله - سبحانه وتعالى - ركعا وسجودا."
    assert [p for p in places_of(embedded_pipeline, text) if p[1] == "حماة"] == []
    assert places_of(embedded_pipeline, "وأكد أن حماة الديار قادرون على الرد.") == []
    assert places_of(embedded_pipeline, "وأكد أن حماة  الديار قادرون على الرد.") == []  # two spaces (written in re-read)
    for text in ("وقصفت قوات النظام قرى في ريف حماة الشمالي.", "وخرجت مظاهرة في حماة الأحد.",
                 "ودخلت القوات مدينة حماة فجر الأحد.",
                 # a mark between the name and the noun (written in review)
                 "وقصفت قوات النظام حماة، الأمن فيها منهار، الأحد."):
        assert [p for p in places_of(embedded_pipeline, text) if p[1] == "حماة"], text


# ant-multisource:SK-middleEast-3046-20180722, two sentences of it
_SPREAD_TO_NASIRIYAH = (
    "وبدأت المظاهرات السلمية في مدينة البصرة جنوبي العراق مطلع يوليو الجاري للمطالبة بتحسين الخدمات.\n"
    "وسرعان ما اتسعت رقعة المظاهرات واتخذت منحى عنيفا، ووصلت إلى الناصرية والديوانية وكربلاء جنوبا.")


@pytest.mark.parametrize("text,name,read", [
    (_SPREAD_TO_NASIRIYAH, "الناصرية", True),
    # the same sentence alone: nothing names the region, "الناصرية" may be Nasserism
    (_SPREAD_TO_NASIRIYAH.split("\n")[1], "الناصرية", False),
    # ant-multisource:BB-internationalNews-535-20180520: the middle class, in a story naming no region
    ("ولد لويس في لندن لعائلة يهودية من الطبقة المتوسطة ودرس في جامعات لندن وباريس.", "الطبقة", False),
    # the same words where الرقة is named (adapted): an adjective after it, still the class
    ("ولد في مدينة الرقة لعائلة من الطبقة المتوسطة.", "الطبقة", False),
])
def test_a_common_word_town_without_its_cue_is_read_where_its_region_is_named(  # type: ignore[no-untyped-def]
        shared_pipeline, text: str, name: str, read: bool) -> None:
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 7, 22)))
    names = [analysis.span(r.mention.start, r.mention.end).text for r in analysis.places if r.place]
    assert (name in names) is read


def test_a_common_word_town_before_a_day_is_read_as_the_town(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # adapted from ant-multisource:SK-middleEast-3046-20180722 (review): a day after the name
    # is no adjective; the town is the city, not the governorate the gazetteer also calls so
    text = ("وبدأت المظاهرات السلمية في مدينة البصرة جنوبي العراق مطلع يوليو الجاري.\n"
            "وقتل متظاهر برصاص قوات الأمن في الناصرية الاثنين.")
    events = events_of(shared_pipeline, text, "2018-07-24")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Nasiriyah", "Dhi-Qar", 1)]


@pytest.mark.parametrize("doc_id,text,name,place", [
    # saudinewsnet:2015-07-22-0036-eb58cdf67b (tune): the bombing named by its town, no cue word
    ("saudinewsnet:2015-07-22-0036-eb58cdf67b",
     "وما تلاه من عنف وتوتر في محافظة ديالى الملاصقة للعاصمة بغداد على خلفية تفجير خان بني سعد وما بات "
     "يرافقه الآن من توتر أمني وسياسي", "خان بني سعد", "Diyala"),
])
def test_a_compound_village_name_needs_no_cue_word(shared_pipeline, doc_id: str, text: str, name: str,  # type: ignore[no-untyped-def]
                                                   place: str) -> None:
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2015, 7, 22)))
    found = {r.mention.name_norm: r.place.admin1 for r in analysis.places if r.place}
    assert found.get(normalize_key(name)) == place


def test_a_compound_name_of_several_villages_still_needs_its_cue(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test (review): the gazetteer has more than one village "عين البيضاء"
    analysis = shared_pipeline.analyze(Document(id="t", text="على خلفية تفجير عين البيضاء وما بات يرافقه",
                                                published=dt.date(2015, 7, 22)))
    assert [r.mention.name_norm for r in analysis.places] == []


def test_a_famous_place_abroad_is_not_a_village_of_the_same_name(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test (review): Deir Yassin, not the village of Al-Hasakah
    analysis = shared_pipeline.analyze(Document(id="t", text="في ذكرى مجزرة دير ياسين، قتل 3 مدنيين بقصف مدفعي أمس.",
                                                published=dt.date(2018, 4, 10)))
    assert all(r.place is None for r in analysis.places)


@pytest.mark.parametrize(("doc_id", "text", "names"), [
    # the list is read as places from "وعربين" (a town, needing no cue) on: the villages
    # joined to it before are its first items
    ("ant-multisource:SK-middleEast-696-20180331 (tune)",
     "وغادرت آخر مجموعة من المقاتلين وعائلاتهم جوبر وزملكا وعربين وعين ترما.", ["جوبر", "زملكا", "عربين", "عين ترما"]),
    ("ant-multisource:SK-middleEast-2996-20180719 (tune)",
     "وبدأت بحرستا ومن ثم انتقلت إلى زملكا وعربين وانتهت بدوما.", ["حرستا", "زملكا", "عربين", "دوما"]),
    # (written for the test) a village joined to a town 250 km away is no item of its list
    ("t", "وصلت الحافلات من كفريا ودوما أمس.", ["دوما"]),
])
def test_villages_joined_to_a_named_place_are_the_first_items_of_its_list(shared_pipeline, doc_id: str, text: str,  # type: ignore[no-untyped-def]
                                                                          names: list[str]) -> None:
    analysis = shared_pipeline.analyze(Document(id=doc_id, text=text, published=dt.date(2018, 3, 31)))
    assert [p.mention.name_norm.removeprefix("و").removeprefix("ب") for p in analysis.places] == \
        [normalize_key(n) for n in names]
