"""Counts and their roles: who a number counts (killed, injured, displaced, residents)
and whether it is one event's toll or a running total."""

from __future__ import annotations

import pytest

from rasd.recognize.numbers import find_counts
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize


def counts(text: str) -> dict[int, tuple[str, bool]]:
    ntext = normalize(text)
    return {c.best: (c.role, c.cumulative) for c in find_counts(ntext.norm, tokenize(ntext))}


@pytest.mark.parametrize(("text", "value", "role"), [
    # SK-middleEast-3563: displaced beside killed, the nearer word decides
    ("حرب أدت إلى سقوط أكثر من نصف مليون قتيل وتشريد 11 مليون شخص.", 11_000_000, "displaced"),
    # SK-internationalNews-742
    ("مما أدى إلى نزوح حوالي 200 ألف من سكان المنطقة ومقتل العشرات.", 200_000, "displaced"),
    ("قتل 5 مدنيين ونزوح 300 عائلة من القرية.", 5, "killed"),
    ("قتل 5 مدنيين ونزوح 300 عائلة من القرية.", 300, "displaced"),
    # CN-middleEast-120: residents
    ("المنطقة التي يقطنها حوالي 400 ألف شخص خضعت للحصار.", 400_000, "present"),
    # protesters killed are killed: a noun does not give the role, the verb does
    ("وقال مسؤولون إن 10 متظاهرين لقوا مصرعهم في اشتباكات مع قوات الأمن.", 10, "killed"),
    # written for the test: a count joined by و takes the noun right after it, not the
    # word of the count before it
    ("أسفر القصف عن سقوط ثلاثة قتلى وعشرة جرحى في بلدة سقبا", 10, "injured"),
    ("أسفر القصف عن سقوط ثلاثة قتلى وعشرة جرحى في بلدة سقبا", 3, "killed"),
])
def test_the_nearest_word_gives_the_role(text: str, value: int, role: str) -> None:
    assert counts(text)[value][0] == role


@pytest.mark.parametrize(("text", "value", "role"), [
    # ant-multisource:SK-middleEast-2913-20180715 (tune): the injured "fell" too
    ("حيث اندلعت مواجهات مع قوات الأمن أسفرت عن سقوط 30 جريحا.", 30, "injured"),
    # written for the test: the dead, and a fall with no role noun after it
    ("أسفر القصف عن سقوط 3 قتلى في البلدة.", 3, "killed"),
    ("أسفر القصف عن سقوط 5 أشخاص في البلدة.", 5, "killed"),
])
def test_a_word_of_falling_takes_the_role_of_the_noun_after_the_count(text: str, value: int, role: str) -> None:
    assert counts(text)[value][0] == role


def test_a_four_digit_number_before_a_counted_noun_is_a_count() -> None:
    # written for the test: "2000 مواطن" numbers the people, as does the accusative many
    # writers use ("2000 شخصا"), with punctuation after the noun too
    assert counts("أعدم التنظيم 2014 مواطن من سكان المدينة.")[2014][0] == "killed"
    assert counts("أعدم التنظيم أكثر من 2014 شخصا، بحسب مسؤول محلي.")[2014][0] == "killed"
    # a year word before the number makes it a year, whatever follows
    assert 2014 not in counts("وقتل في عام 2014 مدني واحد فقط.")


@pytest.mark.parametrize(("text", "value", "cumulative"), [
    # FR-internationalNews-446: a war's toll
    ("تحول الوضع إلى حرب خلفت لغاية الآن أكثر من 350 ألف قتيل.", 350_000, True),
    # saudinewsnet 2015-07-26-0902: "since the operations began"
    ("كشف عن مقتل 700 مدني منذ بدء العمليات في المدينة.", 700, True),
    ("قتل أكثر من 300 مدني خلال الأسابيع الماضية في الغوطة.", 300, True),
    ("أدى القصف إلى مقتل 40 مدنيا خلال شهرين من المعارك.", 40, True),
    # today's toll stays the event's
    ("قتل 5 مدنيين منذ صباح اليوم في قصف على دوما.", 5, False),
    ("قتل 12 عنصرا خلال 24 ساعة في معارك ريف حماة.", 12, False),
    ("قتل 7 مدنيين في غارة على سوق المدينة.", 7, False),
    # a total in another sentence does not make this toll one
    ("قتل 350 ألف شخص منذ بدء الحرب. وقتل اليوم 6 مدنيين في قصف.", 6, False),
    # FR-internationalNews-275: the marker 13 words ahead
    ("وارتفعت بذلك الحصيلة منذ بدء التصعيد على الغوطة الشرقية في 18 شباط/فبراير إلى أكثر من 770 قتيلا مدنيا.",
     770, True),
    # BB-middleEast-153
    ("وتسبب القتال الدائر في المنطقة في مقتل أكثر من 700 شخص في الأسابيع الأخيرة.", 700, True),
    # a day named after the marker makes it that day's toll
    ("تشهد المدينة منذ أسابيع معارك عنيفة، وقتل اليوم 5 مدنيين في قصف.", 5, False),
    # a marker further on in the sentence belongs to something else
    ("قتل 5 مدنيين في غارة على بلدة تخضع للحصار منذ عام 2013.", 5, False),
    # too large for one event, with no marker at all
    ("أسفرت الغارات عن مقتل 4844 مدنيا.", 4844, True),
    # FR-internationalNews-2375 (dev pool, not gold): "منذ" closes the window after the
    # count; the time of day after it, past the window, makes it a since of one day
    ("أمر المهاجرين الذين بينهم ثماني نساء، وهي تنتظر منذ ليل الاثنين قبالة سواحل منطقة جرجيس.", 8, False),
    # written for the test: the same with a toll; and a since that closes the window and is
    # one, read again with the words after it
    ("قتل مدنيان وأصيب 12 آخرون منذ صباح أمس.", 2, False),
    ("قتل 5 مدنيين في القصف منذ بدء الهجوم.", 5, True),
])
def test_running_totals_are_marked(text: str, value: int, cumulative: bool) -> None:
    assert counts(text)[value][1] is cumulative


@pytest.mark.parametrize(("text", "expected"), [
    # a SOHR tally reprinted in the dev pool (saudinewsnet 2015-08 articles): "71 ألفا
    # و781" is one number, a war's total, and no count of one civilian follows it
    ("ووثق المرصد مقتل 71 ألفا و781 مدنيا بينهم 11 ألفا و964 طفلا.", {71_781: True, 11_964: True}),
    ("قتل 3 آلاف شخص في المعارك.", {3000: True}),
    ("وأسفر القصف عن مقتل 12 شخصا.", {12: False}),
])
def test_a_multiplier_word_and_the_units_after_it_make_one_number(text: str, expected: dict[int, bool]) -> None:
    assert {value: cumulative for value, (_, cumulative) in counts(text).items()} == expected


def test_a_sum_of_money_after_a_multiplier_counts_no_people() -> None:
    # the word after "ألف" decides, not "ألف" itself
    assert counts("ورصدت الحكومة مكافأة قدرها 300 ألف دولار.") == {}


def test_two_multiplied_numbers_joined_by_waw_stay_two() -> None:
    # ant-multisource:BB-middleEast-694-20180704: a range, "between 270 and 330 thousand"
    found = counts("مما أدى إلى نزوح ما بين 270 ألفا و330 ألف سوري بحسب تقديرات الأمم المتحدة.")
    assert 270_000 in found and 270_330 not in found


def test_a_calibre_or_a_count_of_bombs_counts_no_people() -> None:
    # saudinewsnet:2015-08-09-0832-425d3a037d: "مقتل سبعة إرهابيين وتفكيك 15 عبوة ناسفة"; a mortar
    # of "120 ملم" is its calibre
    assert counts("وأكدت القيادة مقتل سبعة إرهابيين وتفكيك 15 عبوة ناسفة.") == {7: ("killed", False)}
    assert counts("وقتل قناص وتدمير حظيرة هاون 120 ملم.") == {}


@pytest.mark.parametrize(("text", "expected"), [
    # written for the test: the subject of a passive, without the accusative ending
    ("وقتل شرطي عراقي وأصيب ثلاثة آخرون في قصف شنه داعش على موقع عسكري.", {1: ("killed", False), 3: ("injured", False)}),
    # the noun after a verbal noun (ant-multisource:SK-internationalNews-134-20180225,
    # ant-multisource:BB-middleEast-53-20180220, shortened)
    ("أعلن الجيش التركي، الأحد، عن مقتل جندي في اشتباكات دارت ضمن عملية غصن الزيتون.", {1: ("killed", False)}),
    ("قالت مصادر إن القصف أسفر عن مقتل طفل وإصابة ثمانية من المدنيين.", {1: ("killed", False), 8: ("injured", False)}),
    # the noun of a number is not one more person (BB-middleEast-277, AL-internationalNews-1282)
    ("وأدى القصف إلى مقتل 1600 مدني وتدمير المنطقة تماما، حسب المرصد السوري لحقوق الإنسان.",
     {1600: ("killed", True)}),
    ("وثق مقتل 5 مدنيين بالقذائف المختلفة، وقُتل مدني بالرصاص المباشر، واغتال مجهولون مدنيين اثنين.",
     {5: ("killed", False), 1: ("killed", False), 2: ("killed", False)}),
    # a protester (ant-multisource:BB-middleEast-955-20180906, shortened)
    ("قتل محتج وأصيب 14 في تجدد للاحتجاجات العنيفة بمدينة البصرة النفطية في العراق الخميس.",
     {1: ("killed", False), 14: ("injured", False)}),
])
def test_a_singular_noun_after_a_death_word_counts_one(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


def test_a_person_and_one_count_one_and_the_next_verb_is_the_next_count() -> None:
    # saudinewsnet:2015-08-02-0347-04cba792a2, adapted ("خلالها" put between the verb and
    # its subject, as in "قتل فيها متظاهر واحد"): "مدني واحد" is one civilian, killed;
    # "وأصيب" opens the next count
    assert counts("وفي تعز المدينة قتل خلالها مدني واحد وأصيب أربعة آخرون جراء قصف للأحياء السكنية.") == {
        1: ("killed", False), 4: ("injured", False)}
    # ant-multisource:BB-middleEast-89-20180225 (shortened): the people of "شخص واحد" are
    # civilians, as "شخص" alone would be
    n = normalize("ما أسفر عن مقتل شخص واحد واصابة آخرين.")
    found = find_counts(n.norm, tokenize(n))
    assert [(c.best, c.role, c.victims) for c in found] == [(1, "killed", "civilians")]


def test_a_unit_joined_to_the_tens_after_it_is_one_number() -> None:
    # ant-multisource:FR-internationalNews-1020-20180501 and
    # ant-multisource:AL-internationalNews-744-20180401 (shortened): Arabic says the units first
    assert counts("هجمات أودت بحياة ما لا يقل عن سبعة وثلاثين شخصا من بينهم أطفال.") == {37: ("killed", False)}
    assert counts("هجمات أسفرت عن مقتل ثلاثة وثلاثين شخصاً وإصابة مئات آخرين.") == {33: ("killed", False)}
    # ant-multisource:FR-internationalNews-1020-20180501 (shortened): 24 hours, no people
    assert counts("إنه يأتي بعد أربع وعشرين ساعة من سقوط صواريخ على قواعد عسكرية.") == {}
    # "one and twenty" (constructed: the dev pool has no toll so written)
    assert counts("وأسفر القصف عن مقتل واحد وعشرين مدنيا.") == {21: ("killed", False)}


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-08-06-2174-fb78391215: "of them" after a vague count names people
    ("نفذ عناصر أفواج متطوعي العشائر عمليات استهدفت قادة التنظيم الإرهابي وقتلت العشرات منهم", {10: ("killed", False)}),
    # saudinewsnet:2015-08-01-0022-706766e881
    ("بعد استهدافها لعناصر التنظيم، واستطاعتها قتل العشرات منهم، من بينهم قياديون", {10: ("killed", False)}),
    # a vague count of things stays out
    ("سقطت قذائف عدة على الحي", {}),
])
def test_a_vague_count_of_them_counts_people(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ant-multisource:SK-middleEast-1041-20180414 (tune): right after a death word, a vague
    # count counts the dead
    ("وقال إن هجوما يعتقد أنه كيماوي، أسفر عن مقتل العشرات في دوما", {10: ("killed", False)}),
    # ant-multisource:BB-middleEast-359-20180415 (tune), shortened
    ("ما يشتبه بأنه هجوم كيميائي في مدينة دوما السورية الأسبوع الماضي أودى بحياة العشرات", {10: ("killed", False)}),
    # saudinewsnet:2015-07-21-2034-880d99391b (tune): a word of falling takes its noun: shells
    ("وأدى سقوط مئات القذائف على مناطق في بلدتي الفوعة وكفريا بإدلب منذ الاثنين", {}),
    # ant-multisource:SK-middleEast-1359-20180430 (tune): who fell, the words after say (the
    # dead and the injured together: no count of the dead)
    ("وسقط العشرات من القوات السورية الحكومية والقوات والميليشيات الإيرانية بين قتيل وجريح", {}),
])
def test_a_vague_count_right_after_a_death_word_counts_the_dead(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected
    ntext = normalize(text)
    found = find_counts(ntext.norm, tokenize(ntext))
    assert [(c.after_a_death_word, c.vague) for c in found] == [(True, True)] * len(expected)


@pytest.mark.parametrize("text", [
    # written for the test (review): a war's toll in thousands, animals, a range of digits
    "وتشهد سوريا نزاعا داميا تسبب بمقتل مئات الآلاف.",
    "أسفر النزاع عن مقتل عشرات الآلاف منذ 2011",
    "ما أسفر عن مقتل العشرات من رؤوس الماشية",
])
def test_a_vague_count_after_a_death_word_of_thousands_or_animals_counts_no_one(text: str) -> None:
    ntext = normalize(text)
    assert [c for c in find_counts(ntext.norm, tokenize(ntext)) if c.role == "killed" and c.best < 1000] == []


def test_hundreds_of_thousands_are_a_running_total() -> None:
    # written for the test (review): a war's toll, with the victims named after it
    assert counts("أسفرت الحرب عن مقتل مئات الآلاف من المدنيين") == {100_000: ("killed", True)}


def test_a_range_of_digits_is_no_vague_word() -> None:
    ntext = normalize("قتل ما بين 20 و30 مدنيا في الغارات")
    assert [(c.best, c.low, c.high, c.vague) for c in find_counts(ntext.norm, tokenize(ntext))] == [(20, 20, 30, False)]


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-07-23-0879-4b25fffbaf (tune): "a large number" of the dead is the
    # schema's "tens" (10); a large number of barrel bombs counts no one
    ("إن الجيش السوري ألقى عددا كبيرا من البراميل المتفجرة على الزبداني، ما أوقع مستويات غير مسبوقة من التدمير "
     "وعددا كبيرا من القتلى بين السكان", {10: ("killed", False)}),
    # saudinewsnet:2015-07-26-1224-7ea60da335 (tune): "many" victims
    ("تعرضت لقصف عنيف في الساعات الأخيرة ما أدى إلى سقوط كثير من الضحايا.", {10: ("killed", False)}),
    # ant-multisource:CN-middleEast-526-20180408 (tune)
    ("والقصف الذي أودى بحياة الكثير من المدنيين في الـ24 ساعة الماضية.", {10: ("killed", False)}),
])
def test_many_or_a_large_number_of_dead_count_as_tens(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-07-31-1640-cbc7501bf9 (tune): "one of its leaders"
    ("أن طيران التحالف الدولي قصف مواقع لعناصر داعش في قضاء بيجي في محافظة صلاح الدين ما أدى إلى مقتل أحد قادته.",
     {1: ("killed", False)}),
    # ant-multisource:SK-middleEast-3580-20180908 (tune)
    ("وقتل أحد المحتجين، الجمعة، برصاص ميليشيات عصائب أهل الحق الموالية لإيران.", {1: ("killed", False)}),
    # the first word of a number stays the number's ("واحد وعشرين"); "one of" without a
    # death word before it is nobody's toll
    ("وأسفر القصف عن مقتل أحد وعشرين مدنيا.", {21: ("killed", False)}),
    ("وقال أحد منظميها إن المظاهرة سلمية.", {}),
    # written for the test (review): "nobody" died
    ("قصفت طائرات حربية بلدة سراقب ولم يسفر القصف عن مقتل أحد.", {}),
    ("انفجرت عبوة ناسفة في سوق مدينة الرمادي دون مقتل أحد", {}),
    ("ولم يسفر القصف الجوي على البلدة عن مقتل أحد بحسب مصادر محلية", {}),
    # a denial of something else: the death is told
    ("لم يتضح سبب مقتل أحد الجنود في الهجوم", {1: ("killed", False)}),
])
def test_one_of_them_right_after_a_death_word_counts_one(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-07-21-0982-251ea7d1d5 (tune): a leader "and five other" militants;
    # after "إن" the leader is the clause's counted subject, so 1 and 5 (summed in the toll)
    ("قال المرصد السوري لحقوق الإنسان أمس الاثنين إن قياديا في تنظيم داعش وخمسة متطرفين أجانب آخرين قتلوا في "
     "غارة جوية قرب مدينة الحسكة", {1: ("killed", False), 5: ("killed", False)}),
    # written for the test: the leader named by a noun no count reads
    ("قتل القيادي أبو محمد وخمسة عناصر آخرين في غارة جوية", {6: ("killed", False)}),
    # saudinewsnet:2015-07-27-0229-c9934a92d7 (tune): killed "with three other" members
    ("وقال المرصد في بيان اليوم إن العجلاني قتل مع ثلاثة عناصر آخرين من قوات النظام", {4: ("killed", False)}),
    # the one named before already counted: 1 and 5, not 1 and 6
    ("قتل قيادي وخمسة عناصر آخرين في غارة", {1: ("killed", False), 5: ("killed", False)}),
    # the others are the injured ones (ant-multisource:SK-middleEast-974-20180904)
    ("قتل محتج وأصيب ستة آخرون بجروح في اشتباكات مع قوات الأمن في البصرة", {1: ("killed", False), 6: ("injured", False)}),
    # written for the test (review): "others" after a count of the dead of the sentence, and
    # after a comma, are the other place's dead, no one more
    ("لقي ثلاثة جنود مصرعهم في الهجوم الذي استهدف حاجزا للجيش عند مدخل مدينة العريش، وأربعة آخرون لقوا مصرعهم "
     "في رفح", {3: ("killed", False), 4: ("killed", False)}),
    ("قتل 10 مدنيين في غارة على مدينة إدلب في الشمال السوري، وخمسة آخرون قتلوا في قصف على أريحا",
     {10: ("killed", False), 5: ("killed", False)}),
    # a count of the dead in another clause of the sentence does not count the one named
    ("قتل 3 مدنيين في غارة على إدلب، فيما قتل القيادي أبو محمد الحلبي و5 عناصر آخرين في درعا",
     {3: ("killed", False), 6: ("killed", False)}),
    # an injured count earlier in the sentence does not count the one named
    ("أصيب ثلاثة جنود في الهجوم، فيما قتل مع خمسة آخرين سائق الحافلة", {3: ("injured", False), 6: ("killed", False)}),
])
def test_a_count_of_others_counts_the_one_named_before_them(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ant-multisource:SK-middleEast-1559-20180509 (tune): "the number of the dead of the
    # strikes, which ..., rose to 15": the dead, though the noun lies far before the count
    ("ارتفاع أعداد قتلى الضربات الصاروخية، التي استهدفت منطقة الكسوة في القطاع الجنوبي الغربي من ريف دمشق، إلى "
     "15 على الأقل من بينهم 8 إيرانيين", {15: ("killed", False), 8: ("other", False)}),
    # ant-multisource:SK-middleEast-228-20180311 (tune)
    ("ارتفعت حصيلة القتلى المدنيين في غوطة دمشق الشرقية، يوم الأحد، إلى 52", {52: ("killed", False)}),
    # the toll of the injured
    ("بلغت حصيلة الضحايا فيها 335 شخصا، كما وصلت حصيلة الجرحى إلى 2108", {335: ("killed", False),
                                                                      2108: ("injured", True)}),
    # written for the test (review): the dead and the injured together are no count of the
    # dead (§3.3); a number of hours between, or a long "at least" phrase, is no other toll
    ("وارتفعت حصيلة القتلى والجرحى جراء الغارات على مدينة دوما اليوم السبت إلى 120، بحسب المرصد",
     {120: ("other", False)}),
    ("ارتفعت حصيلة القتلى جراء الغارات على بلدات الغوطة الشرقية خلال الـ24 ساعة الماضية إلى 45", {45: ("killed", False)}),
    ("وارتفعت حصيلة القتلى المدنيين والجرحى جراء الغارات على مدينة دوما اليوم السبت إلى 120", {120: ("other", False)}),
    ("ارتفعت حصيلة القتلى في الغوطة إلى ما لا يقل عن 30", {30: ("killed", False)}),
    # ant-multisource:SK-middleEast-2598-20180626 (tune): a number between: the later count
    # is another toll, whose noun comes after it
    ("وارتفع عدد القتلى المدنيين إلى 32 على الأقل بينهم 7 نساء، كذلك ارتفع إلى 29 على الأقل عدد مقاتلي الفصائل "
     "المقاتلة ممن قضوا في القصف الجوي والبري والاشتباكات العنيفة", {32: ("killed", False), 7: ("killed", False),
                                                                     29: ("other", False)}),
])
def test_a_count_the_toll_of_the_dead_rose_to_is_the_dead(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ant-multisource:BB-middleEast-994-20180911 (tune): the count after "إن" is the subject;
    # its verb comes after a long noun phrase
    ("وقال المرصد السوري إن 21 على الأقل من المقاتلين الموالين للحكومة السورية قتلوا، في كمين نصبه تنظيم الدولة",
     {21: ("killed", False)}),
    # the clause breaks off before any role word: no role
    ("وأكد أن 400 من سكان المدينة الواقعة في ريف حمص، وقتل آخرون", {400: ("other", False)}),
    # written for the test (review): a death in a relative clause is someone else's
    ("وقال المرصد إن 50 عنصرا من قوات النظام المتمركزة في محيط الحاجز الذي تعرض لهجوم أسفر عن مقتل قائده انسحبوا",
     {50: ("other", False)}),
    # but a plural verb after the relative clause is the counted subject's
    ("وقال المرصد إن 21 مقاتلا من الفصائل التي تسيطر على البلدة قتلوا", {21: ("killed", False)}),
])
def test_a_count_that_opens_a_clause_takes_the_role_of_its_verb(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-07-22-0343-a1b758ba29 (tune): "و21" is "and 21", one
    # more count (and one besides the man named before it)
    ("أعلنت قوات البيشمركة الكردية امس الثلاثاء أنها تمكنت من قتل أبو قتادة المغربي و21 مسلحا آخرين من تنظيم داعش",
     {22: ("killed", False)}),
    # written for the test: two counts of the dead
    ("قتل 5 جنود و3 مدنيين في القصف", {5: ("killed", False), 3: ("killed", False)}),
    # ant-multisource:SK-middleEast-164-20180302 (tune): the verb right before "و13" ends the
    # clause of the one who died; the 13 had breathing difficulties
    ("أن طفلا توفي و13 شخصا على الأقل واجهوا صعوبات في التنفس", {1: ("killed", False), 13: ("other", False)}),
    # a thousands figure and the units joined to it stay one number
    ("قتل 71 ألفا و781 شخصا", {71781: ("killed", True)}),
])
def test_digits_with_waw_glued_to_them_are_a_count(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # saudinewsnet:2015-07-31-2055-8320b27f2f, adapted (a toll added): "قائد الفرقة 30"
    ("وقتل 12 عنصرا من الفرقة 30 أمس قرب اعزاز.", {12: ("killed", False)}),
    # ant-multisource:SK-middleEast-1343-20180429, adapted (a toll added): "اللواء 47"
    ("وقتل 5 جنود من اللواء 47 في ريف حماة الجنوبي.", {5: ("killed", False)}),
])
def test_the_number_of_a_unit_counts_no_one(text: str, expected: dict[int, tuple[str, bool]]) -> None:
    assert counts(text) == expected


def test_a_count_listed_after_a_part_of_a_total_is_a_part_too() -> None:
    # ant-multisource:SK-middleEast-2598-20180626: the two girls are among the 32
    ntext = normalize("وارتفع عدد القتلى المدنيين إلى 32 على الأقل بينهم 7 نساء وطفلتان اثنتان.")
    found = {ntext.norm[c.start:c.end]: c.among for c in find_counts(ntext.norm, tokenize(ntext))}
    assert found["32"] is False and found["7"] is True and found["وطفلتان"] is True
    # (constructed) a count after a toll that is no part of it is no part
    ntext = normalize("قتل 15 طفلا وامرأتان في غارة جوية.")
    assert [(c.best, c.among) for c in find_counts(ntext.norm, tokenize(ntext))] == [(15, False), (2, False)]
    # (constructed, review) nor one after a comma or a full stop, nor one that names other people
    for text in ("قتل 20 مدنيا بينهم 4 أطفال، وعنصران من الشرطة في تفجير.",
                 "قتل 20 مدنيا بينهم 4 أطفال وعنصران من الشرطة في تفجير.",
                 "قتل 13 مدنيا بينهم 4 أطفال. وامرأتان أصيبتا بجروح."):
        ntext = normalize(text)
        assert [c.among for c in find_counts(ntext.norm, tokenize(ntext))] == [False, True, False], text


def test_the_adjective_of_a_dual_noun_counts_nobody() -> None:
    # constructed (review): "two military sources", not two soldiers
    assert sorted(counts("قال مصدران عسكريان إن 5 جنود قتلوا في الهجوم.")) == [5]
    assert counts("وقتل مدنيان في القصف على البلدة.")[2][0] == "killed"


def test_a_role_word_before_a_complementizer_is_another_clauses() -> None:
    # constructed after a tune-gold sentence: "the rescuers of the injured said that 13
    # civilians died": the 13 are dead, not injured
    assert counts("وقالت مجموعة إخلاء المصابين إن 13 مدنيا لقوا مصرعهم الأربعاء.")[13][0] == "killed"
    assert counts("وأعلن المرصد إصابة 7 أشخاص، وقال إن 3 آخرين قتلوا.")[7][0] == "injured"


def test_a_number_of_offices_or_buildings_counts_no_people() -> None:
    # ant-multisource:SK-middleEast-3562-20180908: the offices burnt, not a death toll
    text = "أضرم متظاهرون النيران في عدد من مقار الأحزاب لتناهز الحصيلة النهائية 20 مقرا، في مقدمتها مقرات حزب الدعوة"
    assert 20 not in counts(text)


@pytest.mark.parametrize(("text", "value", "low", "high"), [
    # ant-multisource:SK-middleEast-605-20180328
    ("إن ألف وسبعمئة شخص قتلوا خلال شهر منذ قرار الأمم المتحدة", 1700, None, None),
    # ant-multisource:BB-middleEast-782-20180726
    ("حين توفي ألفان وثلاثمائة شخص بسبب الكوليرا في المدينة", 2300, None, None),
    # ant-multisource:SK-middleEast-610-20180327: a range, its lowest figure the count
    ("ورد عليه التحالف بضربة جوية خلفت ما بين مئة ومئتي قتيل بينهم عدد كبير من الروس", 100, 100, 200),
])
def test_hundreds_and_thousands_joined_to_a_smaller_number_make_one(text: str, value: int, low: int | None,
                                                                   high: int | None) -> None:
    ntext = normalize(text)
    found = [(c.best, c.low, c.high) for c in find_counts(ntext.norm, tokenize(ntext))]
    assert found == [(value, low, high)]


def test_a_range_from_digits_to_a_number_word_is_one_count() -> None:
    # written for the test (review): the digits are found after the number words
    ntext = normalize("قتل ما بين 20 وثلاثين مدنيا")
    assert [(c.best, c.low, c.high) for c in find_counts(ntext.norm, tokenize(ntext))] == [(20, 20, 30)]
