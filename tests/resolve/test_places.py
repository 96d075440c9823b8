"""Choosing a name's gazetteer row from what the article writes around it, on sentences
of development-pool articles (ids cited; "(tune)" for those of the gold part rasd is tuned
on; "adapted" where changed)."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.model import Document


def _places(pipeline, text: str) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(Document(id="t", text=text, published=dt.date(2018, 5, 1)))
    norm = analysis.ntext.norm
    return {norm[r.mention.start:r.mention.end]: (r.place.name_en if r.place else None,
                                                  r.place.admin1 if r.place else None) for r in analysis.places}


def test_a_governorate_written_after_a_name_chooses_among_its_namesakes(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # five villages are called كوكب; "بريف حماة" says which (adapted from the Kawkab dam
    # of saudinewsnet:2015-08-02, moved to a governorate that has one)
    places = _places(shared_pipeline, "وسيطر جيش الفتح الجمعة على بلدة كوكب بريف حماة.")
    assert places["كوكب"] == ("Kawkab", "Hama")


#: An article's round-up that names Aleppo's places before one of Daraa's (adapted from
#: saudinewsnet:2015-07-24-1842-70093e3ed1, tune): on its own, Aleppo's الكرك would win.
_ALEPPO_FIRST = ("وقصف الطيران الحربي مناطق في بلدة حيان بريف حلب الشمالي، وقصفت قوات النظام مناطق في حي بستان "
                 "القصر بمدينة حلب. ")


@pytest.mark.parametrize("sentence", [
    # (tune, the article above): two villages are called الكرك, one in Aleppo (Kobani), one
    # in Daraa; the gazetteer has no "الكرك الشرقي"
    "فيما جدد الطيران المروحي قصفه بالبراميل المتفجرة على مناطق في بلدة الكرك الشرقي بريف درعا.",
    "وسقطت قذائف على قرية الكرك الغربية، في ريف درعا.",  # adapted
])
def test_a_direction_after_a_name_stands_before_the_governorate_that_qualifies_it(shared_pipeline, sentence: str) -> None:  # type: ignore[no-untyped-def]
    places = _places(shared_pipeline, _ALEPPO_FIRST + sentence)
    assert places["الكرك"] == ("Al Karak", "Daraa")
    assert places["حيان"] == ("Hayyan", "Aleppo")


def test_a_name_with_no_row_in_the_governorate_written_after_it_is_unknown(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-1373-20180501: the gazetteer's قرية القصر lie elsewhere
    text = "نفذت الغارات على قرية القصر في ريف الحسكة الجنوبي."
    places = _places(shared_pipeline, text)
    assert places["قريه القصر"] == (None, None)
    assert places["الحسكه"][1] == "Al-Hasakah"


def test_damascus_governorate_is_said_of_rif_dimashq_too(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-23 (several outlets): "بريف القلمون الشرقي في محافظة دمشق"
    text = "وسيطر التنظيم على مناطق في القلمون الشرقي في محافظة دمشق."
    assert _places(shared_pipeline, text)["القلمون الشرقي"][1] == "Rif Dimashq"


def test_one_towns_name_keeps_its_row_when_the_article_names_another_governorate(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # a pool article writes "قضاء طوز خورماتو جنوبي محافظة كركوك"; the gazetteer files the
    # town under Salah ad-Din: a border the sources disagree on, not another town
    text = "واندلعت اشتباكات في أطراف قضاء طوز خورماتو في محافظة كركوك."
    assert _places(shared_pipeline, text)["قضاء طوز خورماتو"][0] == "Taza Khurmato"


def test_a_name_that_ends_in_ta_marbuta_is_read_with_alef(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-03 (Reuters): "بلدة أريحة" is Ariha, Idlib
    places = _places(shared_pipeline, "قتل 27 شخصا عندما تحطمت طائرة حربية في سوق مزدحم في بلدة أريحة.")
    assert places["اريحه"] == ("Ariha", "Idlib")


def test_a_village_known_only_abroad_is_unknown_in_an_article_on_another_country(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-21-0983-2d3c1ad616: the gazetteer's السيدة زينب is a village of
    # Rif Dimashq, but the article is about Nineveh
    text = ("وأفاد شهود عيان بمقتل 33 مسلحا استهدف مركز تدريب لداعش في قضاء البعاج شمال غرب بغداد. "
            "وأشار إلى أن عناصر داعش أقدموا على غلق منافذ القضاء ونقل الجثث للطب العدلي بالموصل. "
            "قال مصدر في قوات البيشمركة إن قوات البيشمركة تمكنت من تدمير خمس عجلات مفخخة تعود لتنظيم "
            "داعش، كان ينوي تفجيرها في منطقة السيدة زينب وسط قضاء سنجار 120 كم شمال غرب الموصل.")
    places = _places(shared_pipeline, text)
    assert places["السيده زينب"] == (None, None)
    assert places["سنجار"][1] == "Ninawa"


def test_two_villages_known_only_abroad_are_not_each_others_evidence(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # (constructed, after saudinewsnet:2015-07-21-2246-d08257f3df, a tune article) the
    # gazetteer's عناز lies in Homs and its السيدة زينب in Rif Dimashq; an Iraqi round-up
    # that names both, and no Syrian town, means neither
    text = ("قتل سبعة في تفجير عبوات ناسفة في منطقة العناز جنوب شرق الفلوجة. وقتل جنديان في الرمادي. "
            "وقال مصدر إن البيشمركة دمرت عجلات مفخخة في منطقة السيدة زينب وسط قضاء سنجار شمال غرب الموصل.")
    places = _places(shared_pipeline, text)
    assert places["العناز"] == (None, None) and places["السيده زينب"] == (None, None)
    # one Syrian town in the article and the village is read there again
    syrian = text + " وفي سوريا قصفت الطائرات مدينة دمشق."
    assert _places(shared_pipeline, syrian)["السيده زينب"][1] == "Rif Dimashq"


def test_a_village_known_only_abroad_keeps_its_row_when_the_article_is_there(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # the same village where its own country is the article's (adapted: Rif Dimashq)
    text = "سقطت قذائف على منطقة السيدة زينب جنوب دمشق."
    assert _places(shared_pipeline, text)["السيده زينب"][1] == "Rif Dimashq"


def test_a_village_row_far_from_the_town_that_locates_it_is_another_place(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-22-0246-0a8f852b9c (a tune article; adapted, an Anbar sentence
    # before it): the villages called الحسينية lie in Anbar and Dhi-Qar; "شمالي بغداد" says
    # it is the one near Baghdad, whatever governorate the article names most
    text = ("وقتل ثلاثة جنود في هجوم على حاجز في الرمادي بمحافظة الأنبار. وأفاد مصدر أمني عراقي بمقتل شخص "
            "أثر تفجير عبوة ناسفة في منطقة الحسينية، شمالي بغداد.")
    assert _places(shared_pipeline, text)["الحسينيه"][1] == "Baghdad"


def test_a_row_within_reach_of_the_town_that_locates_it_is_kept(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-07-0138-296e7518bc: the gazetteer's Makhmur row lies some 65 km
    # from Mosul, within what "شرق الموصل" may mean
    text = "وأفاد مصدر في قوات البيشمركة الكردية أمس بمقتل 18 من عناصر البيشمركة بقصف للصواريخ على قضاء مخمور شرق الموصل."
    assert _places(shared_pipeline, text)["مخمور"][0] == "Makhmur"


def test_a_compass_phrase_after_a_list_chooses_the_row_near_its_town(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # two rows are called حصيبة: a town on the Syrian border and a village by Ramadi; "شرق
    # الرمادي" after the list says which, for every name of the list
    # (saudinewsnet:2015-07-25-1225-d3f0ee3045)
    listed = _places(shared_pipeline, "أن القوات العراقية هاجمت مواقع لتنظيم داعش في منطقتي حصيبة وجويبة شرق الرمادي")
    assert listed["حصيبه"] == ("Husaybah", "Al-Anbar")
    # a direction that is part of the name stands between (saudinewsnet:2015-08-01-0801-e0312af296)
    named = _places(shared_pipeline, "أحبطت محاولة لتسلل عدد من عناصر داعش في منطقة حصيبة الشرقية شرق الرمادي")
    assert named["حصيبه"] == ("Husaybah", "Al-Anbar")
    # with no phrase to locate it, the town keeps the name
    assert _places(shared_pipeline, "اشتباكات في مدينة حصيبة قرب الحدود السورية")["حصيبه"][0] == "Al Qa'im"


def test_a_district_centre_locates_a_name_when_the_gazetteer_lacks_its_town(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-23-1021-f3aa362223: the gazetteer knows القامشلي as a district;
    # its centre is near enough to say which Rumaylan "شرقي مدينة القامشلي" means
    text = "على صعيد آخر، هز انفجار عنيف بلدة رميلان شرقي مدينة القامشلي التي تسيطر عليها الوحدات الكردية."
    assert _places(shared_pipeline, text)["رميلان"] == ("Rumaylan", "Al-Hasakah")


def test_a_compass_phrase_locates_a_list_through_an_unknown_member(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:BB-middleEast-653-20180623 (a tune article): "والشومرية", a name the
    # gazetteer lacks, stands between البستان and "شرقي درعا"; no البستان lies near Daraa,
    # so none of the far-off rows (Idlib, Hama...) is taken
    text = "وقال المرصد إن قوات الحكومة سيطرت على قرى البستان، والشومرية شرقي درعا."
    assert _places(shared_pipeline, text)["البستان"] == (None, None)
    # (constructed) the list's last name is near by the phrase after it, which still locates
    # the whole list: the حصيبة by Ramadi, not the border town
    text = "نفذت سلسلة من الغارات الجوية في مناطق الحصيبة والملاحمة والبوعيثة شرقي الرمادي."
    assert _places(shared_pipeline, text)["الحصيبه"] == ("Husaybah", "Al-Anbar")


def test_the_regions_the_press_names_are_places_of_their_own(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-3203-20180731; ant-multisource:FR-internationalNews-2012-20180625
    # and SK-middleEast-529-20180325, cut to the place (event-schema.md §3.1 "Named regions")
    places = _places(embedded_pipeline, "وقال المرصد السوري لحقوق الإنسان إن المسلحين سلموا السيطرة على حوض اليرموك "
                                        "في جنوب غرب سوريا الاثنين، تزامنا مع قصف على منطقة اللجاة، بعد إجلاء "
                                        "700 مسلح من منطقة وادي بردى.")
    assert places["حوض اليرموك"] == ("Yarmouk Basin", "Daraa")
    assert places["منطقه اللجاه"] == ("Lajat", "Daraa")
    assert places["وادي بردي"] == ("Wadi Barada", "Rif Dimashq")


def test_the_bases_the_press_names_are_places_of_their_own(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:BB-middleEast-316-20180409 and SK-middleEast-1919-20180524, cut to the places
    # (event-schema.md §3.1 "Facilities": named alone, a base is coded at its own entry)
    places = _places(embedded_pipeline, "وقالت وكالة الأنباء السورية الرسمية في البداية عن الضربة الصاروخية على "
                                        "قاعدة تي فور، بأنه يشتبه بأنه هجوم أمريكي، وأوضحت سانا أن مطار الضبعة "
                                        "العسكري تعرض لضربة صاروخية.")
    assert ("Tiyas Airbase (T4)", "Homs") in places.values()
    assert places["مطار الضبعه العسكري"] == ("Al-Dab'a Airbase", "Homs")


def test_a_governorate_the_gazetteer_lacks_is_none_of_its_villages(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2194-20180606 (dev pool, not gold): "محافظة البرز" is
    # Iran's; the gazetteer's البرز is a village, and Syria's and Iraq's governorates are all in it
    text = "ونظم سائقو سيارات الأجرة في مدينة كرج بمحافظة البرز غرب طهران، إضرابا واحتجاجات في الأيام الماضية."
    assert _places(shared_pipeline, text)["البرز"] == (None, None)
    # a governorate it has is read as ever
    assert _places(shared_pipeline, "وقتل ثلاثة في قصف على بلدة بمحافظة البصرة.")["البصره"] == ("Al-Basrah", "Al-Basrah")


def test_a_town_the_gazetteer_names_with_its_nahiya_is_found_by_its_own_name(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # constructed: the shared gazetteer writes the town "ناحية خان بني سعد"; articles write
    # "بلدة خان بني سعد"
    text = "قتل أكثر من 100 شخص في تفجير انتحاري في سوق بلدة خان بني سعد بمحافظة ديالى."
    assert _places(shared_pipeline, text)["خان بني سعد"] == ("Nahiyat Khan Bani Sa'd", "Diyala")


def test_a_village_written_with_a_long_vowel_more_is_the_gazetteer_s_village(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2240-20180608 writes "زردانا"; the gazetteer "زردنا"
    text = 'وقال مدير المرصد "طائرات حربية يرجح أنها روسية استهدفت قرية زردانا في ريف إدلب الشمالي".'
    assert _places(shared_pipeline, text)["زردانا"] == ("Zardana", "Idlib")


def test_a_spelling_the_gazetteer_has_only_in_latin_script_is_found_by_its_consonants(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:SK-middleEast-2540-20180622 writes "بصر الحرير" (the gazetteer: "بصرى
    # الحرير", romanized "Busra al Hariri")
    text = ("واستهدفت مقاتلات حربية سورية بالصواريخ الفراغية الأحياء السكنية في بلدة بصر الحرير وبلدة "
            "المجيدل بمنطقة اللجاة بريف درعا الشرقي.")
    assert _places(shared_pipeline, text)["بصر الحرير"] == ("Busra al Hariri", "Daraa")


def test_a_look_alike_outside_the_governorates_the_article_names_is_another_place(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # (constructed from the sentence above) the Zardana of the gazetteer is in Idlib: a
    # "زردانا" of Aleppo's countryside is a village the gazetteer lacks
    text = "استهدفت طائرات حربية قرية زردانا في ريف حلب الشمالي."
    assert _places(shared_pipeline, text)["زردانا"] == (None, None)


def test_two_far_apart_look_alikes_are_neither_the_place(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-24-1842-70093e3ed1 (shortened; the article names Homs elsewhere):
    # "بردة" looks like a village of Aleppo (بريدة) and one of Homs (الباردة), far apart, in
    # governorates the article names: it stays a name the gazetteer lacks
    text = ('وتصدى الجيش الحر في ريف حمص لمحاولات قوات الأسد التقدم. '
            'وفي حلب، اندلعت اشتباكات في حندرات، تزامناً مع قصف بالبراميل على قريتي حريتان وحيان، '
            'بالإضافة إلى قصف مماثل على قرية "بردة" أسفر عن سقوط 3 شهداء.')
    assert _places(shared_pipeline, text)["برده"] == (None, None)


def test_a_name_its_cue_calls_a_neighbourhood_is_the_quarter_of_the_city_the_article_names(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-08-09-0840-d58eb6bea6: "حي جوبر" with Damascus named is its quarter (rasd's
    # region list), not the village Jawbar near Homs
    places = _places(shared_pipeline, "قتل خمسة أشخاص جراء سقوط قذائف صاروخية على شارعي الثورة وبغداد وحي باب توما "
                                      "في دمشق، مصدرها مواقع الفصائل المقاتلة من حي جوبر في محيط العاصمة.")
    assert places["جوبر"] == ("Jobar", "Damascus")
    assert places["باب توما"] == ("Bab Touma", "Damascus")


def test_a_neighbourhood_cue_reads_no_quarter_of_a_city_the_article_does_not_name(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # constructed: Homs had a quarter called Jobar too, and Aleppo a place called العامرية
    # (a quarter of Baghdad in the gazetteer): the governorate the article names decides
    assert _places(shared_pipeline, "وفي مدينة حمص، قصفت قوات النظام حي جوبر أمس.")["جوبر"] == ("Jawbar", "Homs")
    places = _places(shared_pipeline, "وفي حلب، قتل ثلاثة مدنيين في قصف جوي على حي العامرية أمس.")
    assert places["العامريه"][1] == "Aleppo"


def test_a_city_of_one_country_counts_for_it_though_a_village_elsewhere_has_its_name(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # adapted from ant-multisource:BB-middleEast-1026-20180925 (a tune article): البصرة is
    # Iraq's city and a Syrian village; an article on Basra is about Iraq, so a Syrian
    # village of the name of a Basra quarter the gazetteer lacks is not the place meant
    text = ("قتلت ناشطة في مدينة البصرة. وقتلت الناشطة في منطقة العباسية يوم الثلاثاء. وكانت من مؤيدي المظاهرات التي نظمت في البصرة. "
            "وشهدت البصرة احتجاجات عنيفة لأسابيع.")
    places = _places(shared_pipeline, text)
    assert places["العباسيه"] == (None, None)
    assert places["البصره"] == ("Basra", "Al-Basrah")
    # in an article on Syria the village is read again
    syrian = "قتل مسلحون رجلا في منطقة العباسية. وقصفت الطائرات مدينة حمص ومدينة حماة وريف إدلب."
    assert _places(shared_pipeline, syrian)["العباسيه"][0] == "Al `Abbasiyah"


def test_a_name_its_cue_calls_a_district_is_the_district(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # (written for the test) "قضاء" names a district: not the village of Basra that shares the name
    analysis = shared_pipeline.analyze(Document(id="t", text="قتل شخصان بانفجار عبوة ناسفة في قضاء أبو غريب أمس.",
                                                published=dt.date(2015, 8, 3)))
    assert [(r.place.name_en, r.place.feature, r.place.admin1) for r in analysis.places if r.place] == [
        ("Abu Ghraib", "district", "Baghdad")]
    # a town that is the district's seat stays the town
    analysis = shared_pipeline.analyze(Document(id="t", text="قتل شخصان بانفجار عبوة ناسفة في قضاء الرمادي أمس.",
                                                published=dt.date(2015, 8, 3)))
    assert [(r.place.name_en, r.place.feature) for r in analysis.places if r.place] == [("Ramadi", "city")]



def test_a_name_said_to_belong_to_a_place_lies_in_that_places_governorate(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: the article is about al-Hasakah, but "التابعة لمنطقة السلمية"
    # says which Kawkab was shelled: the one of Hama, where Salamiyah is
    text = ("قالت مصادر في الحسكة إن القوات الحكومية قصفت قرية كوكب التابعة لمنطقة السلمية، "
            "وإن الطيران قصف مواقع في ريف الحسكة والقامشلي.")
    assert _places(shared_pipeline, text)["كوكب"] == ("Kawkab", "Hama")
    # "التابعة إلى", after a comma, with no cue word before the place it belongs to
    text = "قالت مصادر في الحسكة إن القوات الحكومية قصفت قرية كوكب، التابعة إلى السلمية، وريف القامشلي."
    assert _places(shared_pipeline, text)["كوكب"] == ("Kawkab", "Hama")
    # "إداريا", administratively (review)
    text = "قالت مصادر في الحسكة إن القوات الحكومية قصفت قرية كوكب التابعة إداريا لمنطقة السلمية، وريف القامشلي."
    assert _places(shared_pipeline, text)["كوكب"] == ("Kawkab", "Hama")


def test_a_name_said_to_belong_to_a_place_elsewhere_than_its_only_row_is_unknown(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # written for the test: the gazetteer's only الجعارة is a village of Aleppo; the one
    # "of the district of al-Mada'in" south of Baghdad is a place it lacks
    text = "ولقي رجل مصرعه بنيران مسلحين مجهولين في منطقة الجعارة التابعة لقضاء المدائن جنوبي بغداد."
    assert _places(shared_pipeline, text)["الجعاره"] == (None, None)


def test_a_quarter_far_from_every_place_of_its_sentence_is_the_quarter_of_its_city(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # saudinewsnet:2015-07-27-0309-7f6ece695a (tune): the gazetteer's only التأميم is a village
    # of Diyala; the sentence is on Anbar University, in Ramadi
    text = "وتمكنت القوات العراقية أمس من تحرير جامعة الأنبار وحي التأميم من قبضة تنظيم (داعش) الإرهابي."
    assert _places(shared_pipeline, text)["التاميم"] == ("Ramadi", "Al-Anbar")
    # saudinewsnet:2015-07-25-1225-d3f0ee3045 (tune): حي الجولان of Fallujah, not the Golan Heights
    text = ("كما تحدثت تقارير من داخل الفلوجة عن مقتل وإصابة عدد من الأشخاص، إثر قصف استهدف مسجد أبي أيوب "
            "الأنصاري في حي الجولان شمالي المدينة.")
    assert _places(shared_pipeline, text)["الجولان"] == ("Fallujah", "Al-Anbar")
    # (written for the test) two cities of the governorate: which one's quarter is not said
    text = "وتقدمت القوات العراقية أمس نحو حي التأميم في الطريق بين الرمادي والفلوجة."
    assert _places(shared_pipeline, text)["التاميم"] == (None, None)
    # (written for the test) in a sentence of its own, nothing places the quarter elsewhere
    text = "وتمكنت القوات العراقية أمس من تحرير جامعة الأنبار. واستعادت السيطرة على حي التأميم."
    assert _places(shared_pipeline, text)["التاميم"] == ("Salim Karam", "Diyala")


def test_a_quarter_placed_in_its_city_is_there_wherever_the_article_names_it(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    # adapted from saudinewsnet:2015-07-27-0309-7f6ece695a (tune), whose later sentence says
    # the forces "تواصل تقدمها باتجاه حي التأميم"
    text = ("وتمكنت القوات العراقية أمس من تحرير جامعة الأنبار وحي التأميم. وتواصل القوات تقدمها باتجاه حي "
            "التأميم.")
    analysis = shared_pipeline.analyze(Document(id="t", text=text, published=dt.date(2015, 7, 27)))
    norm = analysis.ntext.norm
    assert [(r.place.name_en if r.place else None) for r in analysis.places
            if norm[r.mention.start:r.mention.end] == "التاميم"] == ["Ramadi", "Ramadi"]


@pytest.mark.parametrize(("text", "name", "reading"), [
    # (written for the test) a quarter the gazetteer has stays where it is, though the
    # sentence's other place is where the fighters went
    ("وسيطرت قوات النظام أمس على حي القابون بعد خروج آخر دفعة من المقاتلين إلى مدينة إدلب.", "القابون",
     ("Qaboun", "Damascus")),
    # (written for the test) "the quarters of Homs": the city is no quarter of another
    ("وقصفت قوات النظام أحياء حمص القديمة ومدينة الزبداني أمس.", "حمص", ("Homs", "Homs")),
    # (written for the test) a place people were taken to does not place the quarter
    ("وجرى نقل أهالي حي الوعر إلى مدينة جرابلس أمس.", "الوعر", ("Al Wa`r", "Homs")),
])
def test_a_quarter_is_not_moved_to_a_city_that_does_not_place_it(shared_pipeline, text: str, name: str,  # type: ignore[no-untyped-def]
                                                                 reading: tuple[str, str]) -> None:
    assert _places(shared_pipeline, text)[name] == reading
