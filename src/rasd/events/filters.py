"""Rules that drop a candidate before it is coded: what the clause says is denied,
planned, conditional, an accident, background or a statistic, or happens in a country
rasd does not cover. Each raises ``Dropped`` with its name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rasd.analysis import Analysis
from rasd.events.candidate import Candidate, Dropped, in_a_backdrop
from rasd.events.document import COVERED, PUNCTUATION, TEXT, country_counts, sentence_index, within
from rasd.events.lexicon import assembly_words
from rasd.events.toll import CAPTURE_TYPES, deaths_without_a_number
from rasd.events.when import When, begins_a_campaign, over_a_week, told_as_done_before
from rasd.events.where import places_in
from rasd.recognize.actors import Actor
from rasd.recognize.numbers import death_or_injury_word, death_word
from rasd.recognize.places import place_cues
from rasd.recognize.triggers import FilterMatch, TriggerMatch
from rasd.text.segment import Segment
from rasd.text.tokens import is_definite, reads_as, reads_as_with_and


def denial(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"نفى الجيش وقوع ..." in the sentence: the event is denied. "نفى مسؤوليته عن
    الهجوم" denies blame, not the attack, and does not drop it."""
    norm = analysis.ntext.norm
    if not cand.sentence.start <= f.start < cand.sentence.end or assembly_words().blame.match(norm, f.end):
        return
    if f.start > cand.trigger.end and assembly_words().contrast.search(norm, cand.trigger.end, f.start):
        return  # "خطفت جبهة النصرة ثمانية عناصر ...، إلا أن وزارة الدفاع نفت الأمر": reported, then denied
    raise Dropped("denial", norm[f.start:f.end])


def accident(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"أسقطت الدفاعات الجوية طائرة روسية بطريق الخطأ", "عطل فني": an accident stated
    as an accident is not an event (event-schema.md §3.2 "Not separate events")."""
    if cand.sentence.start <= f.start < cand.sentence.end:
        raise Dropped("accident", analysis.ntext.norm[f.start:f.end])


#: How many words before the act a word of plan, threat or call ("طالبت", "دعت") may stand
#: and still govern it across a comma: one further back, with a comma between, is another
#: verb's ("طالبت ... بالانسحاب من عفرين ...، ويأتي ذلك غداة تمكن أنقرة من السيطرة على
#: المدينة"). With no comma between, the words between are its own ("وهدد الرئيس التركي
#: ... في كلمة ألقاها ... اليوم بقصف مواقع ... في منبج").
_PLAN_REACH = 16


def modality(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"سوف", "في حال", "في عام 2014", "ليست المرة الأولى", "حكما بإعدام" before the
    trigger in its clause: a plan, a condition, history, a series or a court's sentence
    (the filter's own rule name: future, conditional, background, series, sentenced); a
    plan word far back across a comma (``_PLAN_REACH``) is another verb's."""
    if cand.segment.start <= f.start < cand.trigger.start:
        if f.rule == "future" and cand.trigger.token_start - f.token_start > _PLAN_REACH \
                and PUNCTUATION.search(analysis.ntext.norm, f.end, cand.trigger.start):
            return  # the plan word of another verb of a long clause
        if f.rule in ("future", "conditional") and (_DONE_SINCE.search(analysis.ntext.norm, f.end, cand.trigger.start)
                                                    or told_as_done_before(analysis, cand)):
            return  # "يهدد بالرد في حال ثبت ... بعدما تحدث مسعفون عن هجوم كيميائي": what was done
        raise Dropped(f.rule, analysis.ntext.norm[f.start:f.end])


#: "بعدما", "بعد أن": what follows has already happened, whatever the plan or condition before.
_DONE_SINCE = re.compile(r"(?<!\S)[وف]?(?:بعدما|بعد\s+ان)\s")


def expected(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"معركة وشيكة", "هجوم مرتقب": an impending event, described so before its trigger
    in the clause or by an adjective at most three words after it."""
    trigger = cand.trigger
    if cand.segment.start <= f.start < trigger.start or 0 <= f.token_start - trigger.token_end < 3:
        raise Dropped("expected", analysis.ntext.norm[f.start:f.end])


def feared(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"خشية من تجدد القصف", "القدرة على شن هجمات كيميائية", "فروا من الغارات", "سيعيد
    لقوات النظام سيطرتها": the event a fear, a capability, a flight or a future bringing
    about names at most four words after it (the filter's own rule name: feared, capability,
    fled, will_bring)."""
    if cand.segment.start <= f.start and 0 < cand.trigger.token_start - f.token_start <= 4:
        raise Dropped(f.rule, analysis.ntext.norm[f.start:f.end])


def took_part(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"قضت أثناء مشاركتها في القتال", "للمشاركة في المعارك": taking part in the fighting,
    told as a noun at most two words before the fighting, is background to a person's story
    (fighting only: a strike someone took part in is still told)."""
    if cand.sub_event_type == "Armed clash" and cand.segment.start <= f.start \
            and 0 < cand.trigger.token_start - f.token_start <= 2:
        raise Dropped("took_part", analysis.ntext.norm[f.start:f.end])


def spell_before(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"تأتي هذه السيطرة عقب دخول قوات النظام إلى بلدة حمورية، بعد أيام من القصف العنيف":
    a spell of days or weeks of an act that lasts (the shelling, the battles: ``spell_acts``),
    right after "after", is the backdrop of the news, no incident of its own. A one-off act
    ("بعد يومين من التفجير الانتحاري الذي استهدف سوقا ... الجمعة") dates one earlier incident."""
    norm = analysis.ntext.norm
    words = len(norm[f.start:f.end].split())
    first = norm[cand.trigger.start:cand.trigger.end].split(" ", 1)[0]
    if f.token_start + words == cand.trigger.token_start and first in assembly_words().spell_acts:
        raise Dropped("spell_before", analysis.ntext.norm[f.start:f.end])


def any_one(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"أي ضربة عسكرية محتملة": "any" right before the trigger names no event in particular;
    nor "any use" of a weapon ("أي استخدام لأسلحة كيماوية أخرى")."""
    between = cand.trigger.token_start - f.token_start
    if between == 1 or (between == 2 and reads_as(analysis.tokens[f.token_start + 1].text, assembly_words().weapon_use)):
        raise Dropped("any_one", analysis.ntext.norm[f.start:cand.trigger.end])


_SENTENCE_OPENING = re.compile(r"[\s\"'«(-]*[وف]?")  # what may stand before the sentence's first word


def recalled(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"يذكر أن الشاعر أنس الدغيم هو رئيس ...": a sentence that opens by recalling (يذكر أن،
    الجدير بالذكر، تجدر الإشارة إلى) gives the background of the news. But the datable start
    of a campaign it recalls ("يذكر أن تركيا أطلقت في يناير عملية عسكرية في عفرين") is a
    passing mention, coded like any other (event-schema.md §3.2); its age is for the date
    rules to judge."""
    if cand.sentence.start <= f.start and _SENTENCE_OPENING.fullmatch(analysis.ntext.norm, cand.sentence.start, f.start) \
            and not begins_a_campaign(analysis, cand):
        raise Dropped("recalled", analysis.ntext.norm[f.start:f.end])


def generic_statistic(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"نفذ 170 عملية منذ بداية العام" near the trigger: a statistic, not an event; but
    "يسيطر على 95 في المئة منها منذ بدئه هجوما عليها في 18 فبراير" also dates the start
    of the campaign the statistic counts from, which is an event."""
    near = abs(f.token_start - cand.trigger.token_start) <= 8
    if cand.segment.start <= f.start < cand.segment.end and (near or _frames_the_clause(analysis, cand, f)) \
            and not begins_a_campaign(analysis, cand):
        raise Dropped("generic_statistic", analysis.ntext.norm[f.start:f.end])


def _frames_the_clause(analysis: Analysis, cand: Candidate, f: FilterMatch) -> bool:
    """"ومنذ بدء قوات النظام تصعيدها في 18 فبراير، لم تسلم المرافق الطبية من القصف": a span
    since a start (``since_the_start``) that opens the clause frames what follows its phrase
    (which ends at the first mark) up to the next mark; an act told there belongs to it when
    no day of its own follows the phrase. (Quote marks set off an operation's name, inside
    the phrase.)"""
    words, norm, seg = assembly_words(), analysis.ntext.norm, cand.segment
    if " ".join(norm[f.start:f.end].split()) not in words.since_the_start \
            or not words.opens_a_frame.fullmatch(norm, seg.start, f.start):
        return False
    mark = _CLAUSE_MARK.search(norm, f.end, seg.end)
    if mark is None:
        return False
    following = _CLAUSE_MARK.search(norm, mark.end(), seg.end)
    frame_end = following.start() if following else seg.end
    return mark.end() <= cand.trigger.start < frame_end \
        and not any(d.start >= mark.end() for d in within(analysis, analysis.dates, seg))


def regular_habit(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"تنفذ تركيا بانتظام ضربات جوية", "قضوا خلال تصعيد عمليات القصف": a habit or an
    escalation's running total near the trigger (``generic_statistic``), unless the clause
    names a time of its own: then it tells that day's incident beside the habit."""
    if not within(analysis, analysis.dates, cand.segment):
        generic_statistic(analysis, cand, f)


def daily_habit(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"يقتل 10 أشخاص يوميا": what happens every day is a habit (``generic_statistic``); but
    the daily hours of a truce ("هدنة لمدة خمس ساعات يوميا أعلنتها روسيا") are its terms:
    the truce is declared once, one agreement."""
    if cand.sub_event_type != "Agreement":
        generic_statistic(analysis, cand, f)


def stopping(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"بوقف هجماته", "إيقاف الغارات": the act right after a word of stopping is what is to
    stop (or has stopped): a demand or a truce's terms, not an act told (``future``). The
    trigger "وقف إطلاق النار" begins with the word itself, and stands."""
    if f.token_start + 1 == cand.trigger.token_start:
        raise Dropped("future", analysis.ntext.norm[f.start:cand.trigger.end])


def preventing(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"بمنع مغادرة المدنيين", "تعهدت بمنع قصف الأحياء": an act right after the noun of
    preventing, with no article of its own, is what is to be prevented (``future``). With
    the article it is the verb's subject, what prevented ("ومنع القصف المتواصل فرق الإنقاذ")."""
    if f.token_start + 1 == cand.trigger.token_start \
            and not is_definite(analysis.tokens[cand.trigger.token_start].text):
        raise Dropped("future", analysis.ntext.norm[f.start:cand.trigger.end])


def failed(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"من دون أن ينجح في طرد المسلحين", "عاجزة عن استعادة السيطرة": ground a side failed
    to take, named at most three words after the failure, was not taken. An attack that
    failed ("فشل هجوم التنظيم") was still made: only ground is dropped."""
    after = f.token_start + len(analysis.ntext.norm[f.start:f.end].split())
    if cand.trigger.sense.territory and cand.segment.start <= f.start and 0 <= cand.trigger.token_start - after <= 3:
        raise Dropped("failed", analysis.ntext.norm[f.start:f.end])


#: How far after an act of taking ground its object may stand (its subject between:
#: "استعاد التنظيم نشاطه"); a person freed from captors, named in up to four words, further.
_GROUND_OBJECT_WITHIN = 3
_FREED_PERSON_WITHIN = 5


def _joins_another(text: str) -> bool:
    """A word glued to a و that joins it to the one before ("والرهائن", "و3"), not a word
    that begins with و ("وحدات", "وزارة")."""
    return text.startswith("وال") or (text[:1] == "و" and text[1:2].isdigit())


def _object_of_the_act(analysis: Analysis, cand: Candidate, f: FilterMatch, reach: int) -> bool:
    """Whether the filter word stands at most ``reach`` words after a territory trigger, in
    its clause, with no comma and no other object joined by و between."""
    trigger = cand.trigger
    if not trigger.sense.territory or not 0 <= f.token_start - trigger.token_end < reach:
        return False
    between = analysis.tokens[trigger.token_end:f.token_start + 1]
    return not any(_joins_another(t.text) for t in between) \
        and not _CLAUSE_MARK.search(analysis.ntext.norm, trigger.end, f.start)


def not_ground(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"استعاد التنظيم نشاطه", "عملية تحرير الرهائن": what a territory act regains or frees,
    at most three words after it, is no ground (``not_ground``): activity, hostages, the dead.
    Ground freed beside them ("تحرير القرية والرهائن") is still taken."""
    if _object_of_the_act(analysis, cand, f, _GROUND_OBJECT_WITHIN):
        raise Dropped("not_ground", analysis.ntext.norm[cand.trigger.start:f.end])


def freed_from_captors(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"تحرير نعيم الكعود من خاطفيه": a person freed from captors is no ground (``not_ground``)."""
    if _object_of_the_act(analysis, cand, f, _FREED_PERSON_WITHIN):
        raise Dropped("not_ground", analysis.ntext.norm[cand.trigger.start:f.end])


#: How many words may stand between vehicles and the verb of entering: "ودخلت الثلاثاء قافلة".
_VEHICLES_WITHIN = 2


#: The pronoun of vehicles a side came in, right after the verb: "دخلت بها قوات النظام".
_CARRIED_IN = ("بها", "فيها", "بهم", "عليها")


def vehicles_enter(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"دخلت قافلة مساعدات إلى الغوطة", "38 حافلة دخلت بلدات زملكا", "الحافلات التي دخلت
    دوما": aid or buses entering a place bring help or take people out; no side takes ground
    (``vehicles_enter``). A military convoy or one a side's name follows ("قافلة عسكرية
    لقوات النظام"), or trucks a side came in ("الشاحنات التي دخلت بها قوات النظام"), are
    that side moving in, and stay; so does a leaving (خروج), which is no territory trigger."""
    trigger, tokens = cand.trigger, analysis.tokens
    if not trigger.sense.territory:
        return
    end = f.token_start + len(analysis.ntext.norm[f.start:f.end].split())  # after the vehicle phrase
    # before the verb, right before it or described by it ("عادت الحافلات التي دخلت دوما")
    described = end + 1 == trigger.token_start and reads_as(tokens[end].text, assembly_words().relative_pronouns)
    if not (0 <= f.token_start - trigger.token_end <= _VEHICLES_WITHIN or end == trigger.token_start or described):
        return
    # ... not vehicles a side came in ("الشاحنات التي دخلت بها قوات النظام إلى حمورية"): the
    # verb's pronoun of the vehicles, or a side right after the verb
    carried = trigger.token_end < len(tokens) and reads_as(tokens[trigger.token_end].text, _CARRIED_IN)
    if described and (carried or any(trigger.token_end <= a.token_start <= trigger.token_end + 1 for a in analysis.actors)):
        return
    after = tokens[end:end + _VEHICLES_WITHIN]
    if any(reads_as(t.text, assembly_words().military_convoy) for t in after) \
            or any(end <= a.token_start < end + _VEHICLES_WITHIN for a in analysis.actors):
        return
    raise Dropped("vehicles_enter", analysis.ntext.norm[min(f.start, trigger.start):max(f.end, trigger.end)])


#: The pronoun of the people a verb took: "اختطفهم", "اعتقلته", "خطفها".
_OBJECT_PRONOUNS = ("هم", "ه", "ها", "هما")


def taken_before(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """"أفرج التنظيم عن 6 من الرهائن الذين اختطفهم في السويداء": a capture verb with the
    pronoun of the taken right after a relative pronoun describes people taken before, not
    news of their capture; one with a day of its own after the verb ("أبنائهم الذين اعتقلتهم
    قوات الأمن يوم الخميس") is, and so is one with no pronoun ("المجموعة التي اختطفت اليوم")."""
    trigger, norm = cand.trigger, analysis.ntext.norm
    if cand.sub_event_type not in CAPTURE_TYPES or f.token_start + 1 != trigger.token_start \
            or not norm[trigger.start:trigger.end].endswith(_OBJECT_PRONOUNS):
        return
    stop = PUNCTUATION.search(norm, trigger.end, cand.segment.end)  # the relative clause ends at a mark
    if not within(analysis, analysis.dates, Segment(trigger.end, stop.start() if stop else cand.segment.end)):
        raise Dropped("taken_before", norm[f.start:trigger.end])


#: The rule each filter word of the trigger lexicon (``triggers.yaml`` filters) invokes.
FILTER_RULES = {
    "denial": denial,
    "accident": accident,
    "future": modality,
    "failed": failed,
    "not_ground": not_ground,
    "freed_from_captors": freed_from_captors,
    "stopping": stopping,
    "preventing": preventing,
    "conditional": modality,
    "expected": expected,
    "any_one": any_one,
    "feared": feared,
    "capability": feared,
    "fled": feared,
    "will_bring": feared,
    "took_part": took_part,
    "background": modality,
    "series": modality,
    "sentenced": modality,
    "recalled": recalled,
    "generic": generic_statistic,
    "daily": daily_habit,
    "regular": regular_habit,
    "spell_before": spell_before,
    "taken_before": taken_before,
    "vehicles_enter": vehicles_enter,
}


def aircraft_without_an_act(analysis: Analysis, cand: Candidate) -> None:
    """"تحليق طائرات حربية", "تنشر موسكو مقاتلات في قاعدة حميميم", "الطائرات الحربية
    غادرت": aircraft named in a clause with no other trigger, no act of theirs (شنت،
    ألقت، نفذت...) and no toll fly over, are deployed or leave; they strike nothing."""
    norm, words = analysis.ntext.norm, assembly_words()

    def aircraft(t: TriggerMatch) -> bool:
        return reads_as(norm[t.start:t.end].split(" ", 1)[0], words.aircraft_nouns, without_article=True)

    if not aircraft(cand.trigger) or words.aircraft_act.search(norm, cand.segment.start, cand.segment.end):
        return
    if all(aircraft(t) for t in within(analysis, analysis.triggers, cand.segment)):
        raise Dropped("aircraft_without_an_act", norm[cand.trigger.start:cand.trigger.end])


#: How many words before a mass grave, and after it, its verb of finding may stand.
_FOUND_BEFORE, _FOUND_AFTER = 8, 3


def grave_not_found(analysis: Analysis, cand: Candidate) -> None:
    """"عثر الجيش السوري على مقبرة جماعية": a mass grave is an event when the clause tells
    it found, by a verb of finding at most eight words before it or three after ("ثلاث من
    هذه المقابر اكتشفت"); a mass grave only named is the backdrop of the story."""
    words, norm, tokens, trigger = assembly_words(), analysis.ntext.norm, analysis.tokens, cand.trigger
    if not reads_as(norm[trigger.start:trigger.end], words.grave_words):
        return
    def found(k: int) -> bool:
        # (a verbal noun after "إلى" or with its ل is an aim: "تسعى إلى العثور على", "للعثور")
        word = tokens[k].text
        return cand.segment.start <= tokens[k].start < cand.segment.end and reads_as(word, words.grave_found_verbs) \
            and not word.startswith("ل") and not (k and reads_as(tokens[k - 1].text, words.grave_aim_before))

    near = range(max(0, trigger.token_start - _FOUND_BEFORE), min(len(tokens), trigger.token_end + _FOUND_AFTER))
    if not any(found(k) for k in near):
        raise Dropped("grave_not_found", norm[trigger.start:trigger.end])


#: How far before the act its destruction may be named (a link word and three more words).
_DESTRUCTION_REACH = 60


def destruction_it_wrought(analysis: Analysis, cand: Candidate) -> None:
    """"بعد أن تعرض مصنعها للدمار جراء القصف الصاروخي", "تحت أنقاض الدمار الذي خلفه القصف
    الجوي", "كوباني التي دمرتها معارك ضارية": a bombardment or a battle named as what wrought
    destruction tells what a place has been through, not what happened on a day. An act
    with dead told without a number stays ("دمار كبير جراء قصف أوقع قتلى"); the caller keeps
    one with a day or a counted toll ("دمارا هائلا جراء غارات اليوم")."""
    norm, start = analysis.ntext.norm, cand.trigger.start
    if assembly_words().wrought_destruction.search(norm, max(cand.sentence.start, start - _DESTRUCTION_REACH), start) \
            and deaths_without_a_number(norm, cand.segment) is None:
        raise Dropped("destruction_it_wrought", norm[cand.trigger.start:cand.trigger.end])


def explosions_heard(analysis: Analysis, cand: Candidate) -> None:
    """"سمع دوي انفجارات في دمشق", "وقوع انفجارين كبيرين في منطقتي مطار المزة والزبلطاني":
    explosions in the plural or the dual are heard, not coded, when they are the only
    triggers of their sentence and it names no device, and neither that sentence nor the
    next one that speaks of explosions names anyone killed or hurt ("ما أدى إلى إصابة عدد من
    المدنيين", "وقتل خمسة مدنيين في الانفجارات"): an explosion of unknown cause is an event
    when it kills or injures (event-schema.md §3.2)."""
    norm, words = analysis.ntext.norm, assembly_words()

    def heard(t: TriggerMatch) -> bool:
        return reads_as(norm[t.start:t.end], words.heard_explosions, without_article=True)

    if not heard(cand.trigger) or not all(heard(t) for t in within(analysis, analysis.triggers, cand.sentence)):
        return
    if words.explosive_device.search(norm, cand.sentence.start, cand.sentence.end):
        return
    if names_dead_or_hurt(analysis, cand.sentence):
        return
    i = sentence_index(analysis, cand.sentence.start)
    following = analysis.sentences[i + 1] if i + 1 < len(analysis.sentences) else None
    if following is not None and _EXPLOSION.search(norm, following.start, following.end) \
            and names_dead_or_hurt(analysis, following):
        return  # "وقتل خمسة مدنيين في الانفجارات"
    raise Dropped("explosions_heard", norm[cand.trigger.start:cand.trigger.end])


#: How many words after the battle's place "بين" may stand and still name its two sides.
_SIDES_WITHIN = 4


def names_a_battle_by_its_place(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"إبان معركة الرقة", "في معركة درعا", "بمعركة مدينة حلب": "battle" in construct with
    a place is the name of a whole campaign there, not a fight of the news; unless a verb
    of fighting tells it going on ("واحتدمت معركة الرقة", "وتدور معركة تدمر") or its two
    sides follow ("معركة الرقة الأحد بين قوات سوريا الديمقراطية وتنظيم داعش")."""
    return trigger.token_end - trigger.token_start == 1 and _place_of_a_battle(analysis, trigger.token_start) is not None


def _place_of_a_battle(analysis: Analysis, at: int) -> int | None:
    """Where the name of the place the battle word ``at`` is named for ends, or None when it
    is no battle named by its place (``names_a_battle_by_its_place``)."""
    tokens, words = analysis.tokens, assembly_words()
    k = at + 1
    if k >= len(tokens) or not reads_as(tokens[at].text, words.battle_names):
        return None
    if reads_as(tokens[k].text, place_cues().settlement) and k + 1 < len(tokens):
        k += 1  # "بمعركة مدينة حلب"
    places = places_in(analysis, Segment(tokens[k].start, tokens[k].end))
    if not places:
        return None
    before = at - 1
    if before >= 0 and reads_as(tokens[before].text, words.battle_going_on):
        return None
    if any(reads_as(t.text, words.fight_between) for t in tokens[k + 1:k + 2 + _SIDES_WITHIN]):
        return None
    return max(p.mention.end for p in places)


def battle_named_for_its_place(analysis: Analysis, cand: Candidate) -> None:
    """"واعتبرت الصحيفة تهميش إيران في معركة درعا هزيمة رمزية": a campaign named for its
    place is spoken of, not fought in the news; a datable start of it ("بدأت الفصائل الأحد
    معركة درعا") is still coded. Called for a candidate with no toll of its own (the clause's
    other act, where it has one, codes it: ``names_a_battle_by_its_place``)."""
    if names_a_battle_by_its_place(analysis, cand.trigger) and not begins_a_campaign(analysis, cand):
        norm = analysis.ntext.norm
        raise Dropped("battle_named_for_its_place", norm[cand.trigger.start:cand.trigger.end])


def dead_of_a_battle_named_for_its_place(analysis: Analysis, cand: Candidate, when: When) -> None:
    """"289 مدنيا على الأقل ... قتلوا في معركة عفرين": the dead of a battle named for its
    place, told with no mode of killing, are counted over the whole campaign, a running
    total and no incident (event-schema.md §3.3 "Running totals"), unless what dates them
    (their clause or the passage) is a day or a window of a week or less ("وقتل 12 مدنيا في
    معركة عفرين يوم الأحد"). The day a statement was made dates the statement, not the
    dead ("قال المرصد، الأحد، إن 289 مدنيا قتلوا في معركة عفرين"). Raises ``Dropped``."""
    tokens = analysis.tokens
    if cand.trigger.sense.mode or cand.toll_elsewhere or not death_word(tokens[cand.trigger.token_start].text):
        return
    match = when.match
    if match is not None and not match.value.get("reported") and not when.news_of_the_day and not over_a_week(when):
        return
    starts = analysis.token_starts
    for k in range(bisect_left(starts, cand.segment.start), bisect_left(starts, cand.segment.end)):
        end = _place_of_a_battle(analysis, k)
        if end is not None:
            raise Dropped("dead_of_a_battle_named_for_its_place", analysis.ntext.norm[tokens[k].start:end])


#: A word of the explosion family, any form: the next sentence that has one tells of the same ones.
_EXPLOSION = re.compile(r"انفجار")


def names_dead_or_hurt(analysis: Analysis, seg: Segment) -> bool:
    """Whether ``seg`` has a word of death or injury, counted or not ("وقتل متظاهران",
    "ما أدى إلى إصابة عدد من المدنيين")."""
    return any(map(death_or_injury_word, map(TEXT, analysis.tokens_between(seg.start, seg.end))))


def allegations_rejected(analysis: Analysis, cand: Candidate) -> None:
    """"رفضت الوزارة الاتهامات": the sentence rejects allegations; nothing is reported."""
    if assembly_words().allegation_denied.search(analysis.ntext.norm, cand.sentence.start, cand.sentence.end):
        raise Dropped("denial", "allegations rejected")


def context_of_a_reported_event(analysis: Analysis, cand: Candidate) -> None:
    """"ويأتي القصف بعد ساعات من تهديد واشنطن", "وتأتي هذه الغارات في وقت ...": a
    sentence that opens "comes + the event" places the event just told in its context
    and reports none of its own (its places and days belong to the context), unless it
    tells another ("وجاءت هذه الغارات بعد أخرى استهدفت بلدة سقبا")."""
    words, norm, sentence = assembly_words(), analysis.ntext.norm, cand.sentence
    if words.context_opening.fullmatch(norm, sentence.start, cand.trigger.start) \
            and not words.another.search(norm, cand.trigger.end, sentence.end):
        raise Dropped("context_of_a_reported_event", norm[sentence.start:cand.trigger.end].strip())


def territory_share(analysis: Analysis, cand: Candidate) -> None:
    """"تسيطر على 90% من المحافظة", "سيطر الجيش على ربع الغوطة": a share of territory
    held is a state, not a capture."""
    if cand.trigger.sense.territory and assembly_words().territory_share.search(
            analysis.ntext.norm, cand.sentence.start, cand.sentence.end):
        raise Dropped("territory_share")


def control_held(analysis: Analysis, cand: Candidate) -> None:
    """"وتسيطر قوات النظام على كامل محافظة درعا": the present of the verb of control tells
    who holds a place, not a capture; right after أن or كي ("استطاعت الفصائل أن تسيطر على"),
    or shortly after "قبل أن"/"بعد أن" with no mark between, it tells an act."""
    words, tokens, trigger, norm = assembly_words(), analysis.tokens, cand.trigger, analysis.ntext.norm
    if not (trigger.sense.territory and reads_as(tokens[trigger.token_start].text, words.control_held_verbs)):
        return
    if trigger.token_start > 0 and reads_as_with_and(tokens[trigger.token_start - 1].text, words.control_acts_after):
        return
    first = max(bisect_left(analysis.token_starts, cand.segment.start), trigger.token_start - words.control_acts_within)
    start = tokens[first].start
    marks = list(_CLAUSE_MARK.finditer(norm, start, trigger.start))
    if words.control_acts_after_time.search(norm, marks[-1].end() if marks else start, trigger.start):
        return
    raise Dropped("control_held")


#: Marks that end a stretch of a clause (not quote marks, which set off names).
_CLAUSE_MARK = re.compile(r"[.,،؛;:]")


def check_filters(analysis: Analysis, cand: Candidate) -> None:
    """Raise ``Dropped`` when a filter rule excludes the candidate: the filter words of
    the article in text order, then the rules over the whole sentence."""
    for f in within(analysis, analysis.filters, cand.sentence):  # every rule reads only its sentence
        rule = FILTER_RULES.get(f.rule)
        if rule is not None:
            rule(analysis, cand, f)
    allegations_rejected(analysis, cand)
    context_of_a_reported_event(analysis, cand)
    territory_share(analysis, cand)
    control_held(analysis, cand)
    if in_a_backdrop(analysis, cand.segment, cand.trigger):  # the clause's one act is its backdrop
        raise Dropped("spell_before",
                      analysis.ntext.norm[max(cand.segment.start, cand.trigger.start - 60):cand.trigger.end].strip())


def outside_coverage(analysis: Analysis, cand: Candidate, foreign: str | None) -> None:
    """Drop a candidate of an article about an uncovered country (``foreign``), unless
    its own sentence names a covered one: such a sentence is kept."""
    if foreign is None:
        return
    here = country_counts(analysis, cand.sentence.start, cand.sentence.end)
    if not any(here[c] for c in COVERED):
        raise Dropped("country_not_covered", foreign)


def side_fights_abroad(*sides: Actor | None) -> None:
    """"غارات التحالف الذي تقوده السعودية", "قوى الأمن الداخلي اللبنانية": a side that
    fights only outside Syria and Iraq (``theatre`` in the actor pack) places the event
    abroad, whatever village name the clause or the article lends it."""
    for side in sides:
        if side is not None and side.acts_only_outside(COVERED):
            raise Dropped("side_fights_abroad", side.name)
