"""Dual and pronoun-suffixed forms of trigger nouns are triggers with the base's sense."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.errors import DataError
from rasd.model import Document
from rasd.recognize import triggers
from rasd.recognize.triggers import find_triggers, inflections, trigger_lexicon
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize


def test_inflections_of_a_noun() -> None:
    assert set(inflections("غاره")) >= {"غارتين", "غارتان", "الغارتين", "غارتها", "غارته"}
    assert set(inflections("تفجير")) >= {"تفجيرين", "التفجيرين", "تفجيرها"}
    assert "غاراتين" not in inflections("غارات") and "غاراتها" in inflections("غارات")


def test_the_forms_are_found_with_the_sense_of_their_noun() -> None:
    lexicon = trigger_lexicon()
    for text, sub in (("في تفجيرين استهدفا زوارا", "Remote explosive/landmine/IED"),
                      ("خلال قصفها مدينة أريحا", "Shelling/artillery/missile attack"),
                      ("إثر غارتين على البلدة", "Air/drone strike"),
                      # after ant-multisource:AL-internationalNews-561-20180321 ("قمعت بوحشية تظاهرتين")
                      ("وخرج الآلاف في تظاهرتين صباح الاثنين", "Peaceful protest"),
                      # after ant-multisource:FR-internationalNews-546-20180321 ("بفض اعتصامهم")
                      ("ويواصل المئات اعتصامهم قرب الحقل", "Peaceful protest")):
        found = [m.payload.sub_event_type for m in lexicon.triggers.find(tokenize(normalize(text)))]
        assert sub in found, (text, found)


def test_a_killing_in_two_bombings_is_a_bombing(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-jawharafm:JA-internationalNews-486-20170311 (tune gold; see the corpus for the rest)
    text = ("قُتل ما لا يقل عن 40 شخصا وأصيب أكثر من 100 شخص في تفجيرين استهدفا زوارا شيعة بالعاصمة "
            "السورية دمشق يوم السبت.")
    events = embedded_pipeline.extract(Document(id="t", text=text, published=dt.date(2017, 3, 11)))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 40)]


def test_missiles_moved_or_sold_are_no_trigger() -> None:
    # ant-multisource:CN-middleEast-1277-20180902 and ant-multisource:CN-middleEast-29-20180219:
    # a transfer and an arms deal, not missile fire; a strike on launchers still is one
    def senses(text: str) -> list[str]:
        return [m.sense.sub_event_type for m in find_triggers(tokenize(normalize(text)))]

    assert senses("أبدى بومبيو قلقه بشأن تقارير نسبت إلى إيران قيامها بنقل صواريخ باليسيتة إلى العراق") == []
    assert senses("إن صفقة تزويد المملكة بمنظومة صواريخ S-400 الروسية في مرحلتها النهائية") == []
    assert "Shelling/artillery/missile attack" in senses("مستهدفة مستودعات ومنصات صواريخ إيرانية")


def test_barrel_bombs_counted_in_the_accusative_or_dual_are_air_strikes() -> None:
    # ant-multisource:FR-internationalNews-2012-20180625, saudinewsnet:2015-08-08-0153-7f1ac40a62
    lexicon = trigger_lexicon()
    for text in ("إذ تعرضت البلدة لقصف سوري بأكثر من 20 برميلا متفجرا خلال الساعات الأخيرة",
                 "ألقى الطيران المروحي برميلين متفجرين على مناطق في بلدة اللطامنة"):
        found = [m.payload.sub_event_type for m in lexicon.triggers.find(tokenize(normalize(text)))]
        assert "Air/drone strike" in found, (text, found)


def test_a_verb_that_takes_a_plural_subject_before_it_is_a_trigger_too() -> None:
    # "مقاتلي المعارضة قصفوا مدينة السويداء": with the subject first, the verb agrees in the
    # plural; every feminine past verb of the lexicon (قصفت) has its plural (قصفوا)
    lexicon = trigger_lexicon()

    def senses(text: str) -> list[str]:
        return [m.payload.sub_event_type for m in lexicon.triggers.find(tokenize(normalize(text)))]

    for verb in ("قصفت", "سيطرت", "خطفت", "أعدمت", "حررت", "استهدفت"):
        assert senses(verb[:-1] + "وا") == senses(verb), verb
    # ant-jawharafm:JA-internationalNews-120-20170131
    assert "Abduction/forced disappearance" in senses("و كان مسلحون مجهولون خطفوا اول امس السبت الناشط السياسي")


def _triggers_in(text: str) -> list[tuple[str, str]]:
    from rasd.recognize.triggers import reflexive_detonations

    ntext = normalize(text)
    tokens = tokenize(ntext)
    found = find_triggers(tokens)
    return [(ntext.norm[m.start:m.end], m.sense.sub_event_type)
            for m in found + reflexive_detonations(ntext.norm, tokens, found)]


def test_a_verb_of_blowing_up_with_its_reflexive_object_later_is_a_suicide_bombing() -> None:
    # ant-multisource:FR-internationalNews-519-20180319: the bomber stands between verb and object
    assert ("فجر", "Suicide bomb") in _triggers_in("طاردت مشتبهين إثنين في منطقة بن قردان، وفجر أحدهما نفسه بدون أن يحدث إصابات")
    assert ("فجر", "Suicide bomb") in _triggers_in("فجر مشتبه به نفسه الاثنين إثر مطاردته من قوات الأمن")
    # constructed: "فجر" is dawn, and "نفسه" belongs to the next sentence
    assert _triggers_in("اقتادته قوات الأمن إلى جهة مجهولة فجر الأربعاء. ويعرف وائل عن نفسه بأنه كاتب") == []
    # constructed: with the suicide word between them, that word is the trigger, once
    assert _triggers_in("فجر انتحاري نفسه قرب حاجز للجيش") == [("انتحاري", "Suicide bomb")]


def test_dawn_and_the_same_are_no_reflexive_detonation() -> None:
    # constructed (review): فجر is dawn before a word of time, and نفسه/نفسها "the same" after
    # a preposition or after a definite noun that is not the verb's subject
    for text in ("قتل ثلاثة مدنيين فجر اليوم نفسه في غارة جوية على بلدة كفرنبل",
                 "شنت الطائرات الحربية غارات فجر الأحد على مدينة دوما نفسها",
                 "اعتقلت قوات الأمن فجر الخميس شابين من حي الميدان نفسه في دمشق",
                 "فجرت القوات الجسر نفسه قرب البلدة"):
        assert ("فجر", "Suicide bomb") not in _triggers_in(text) \
            and ("فجرت", "Suicide bomb") not in _triggers_in(text), text
    # the verb right before its object, and its subject before the object
    assert ("فجروا", "Suicide bomb") in _triggers_in("وفجروا أنفسهم قرب حاجز للجيش")
    assert ("فجر", "Suicide bomb") in _triggers_in("وفجر المسلحون أنفسهم قرب حاجز للجيش")


def test_the_strike_in_the_definite_singular_is_an_air_strike(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    # ant-multisource:BB-middleEast-727-20180713 (tune), adapted (its day added): "الغارة",
    # like "الغارات", tells an air strike
    text = ('وذكر المرصد السوري أن الغارة استهدفت "تجمعا لمدنيين" بالقرب من بلدة السوسة في محافظة دير الزور '
            "أمس الخميس.")
    events = embedded_pipeline.extract(Document(id="t", text=text, published=dt.date(2018, 7, 13)))
    assert [(e.sub_event_type, e.actor2, str(e.date)) for e in events] == [
        ("Air/drone strike", "Civilians", "2018-07-12")]


def test_an_air_strike_noun_with_a_pronoun_before_its_adjective_is_an_air_strike() -> None:
    lexicon = trigger_lexicon()

    def senses(text: str) -> list[str]:
        return [m.payload.sub_event_type for m in lexicon.triggers.find(tokenize(normalize(text)))]

    # ant-multisource:BB-middleEast-53-20180220 (tune), ant-multisource:SK-middleEast-3663-20180912
    # (dev pool, not gold): "its air strikes", the noun without its article, the adjective with it
    for text in ("وقالت وسائل إعلام كردية إن تركيا كثفت من ضرباتها الجوية وقصف المدفعية على المنطقة الاثنين",
                 "وكثفت الطائرات الروسية والسورية المقاتلة ضرباتها الجوية على جنوب إدلب",
                 "واصل الطيران قصفه الجوي على البلدة"):  # (written for the test)
        assert "Air/drone strike" in senses(text), text
    # (written for the test) the noun alone with its pronoun is a strike of any kind
    assert senses("كثفت تركيا ضرباتها على المنطقة") == ["Shelling/artillery/missile attack"]


def test_an_inflected_head_needs_a_definite_two_word_trigger(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert triggers.with_suffixed_head("الضربات الجويه") == ["ضرباته الجويه", "ضرباتها الجويه", "ضرباتهم الجويه",
                                                         "ضرباتهما الجويه"]
    data = triggers.load_yaml("triggers.yaml")
    for bad in ("ضربات جوية", "الضربات"):  # not definite, not two words
        monkeypatch.setattr(triggers, "load_yaml", lambda name, bad=bad: dict(data, inflect_head=[bad]))
        triggers.trigger_lexicon.cache_clear()
        try:
            with pytest.raises(DataError, match="inflect_head"):
                triggers.trigger_lexicon()
        finally:
            monkeypatch.undo()
            triggers.trigger_lexicon.cache_clear()
