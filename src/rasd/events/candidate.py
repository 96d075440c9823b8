"""Event candidates: a clause with a trigger, the decision taken on it, and the rules
that choose its trigger.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rasd.analysis import Analysis
from rasd.events.document import sentence_of, within
from rasd.events.lexicon import assembly_words
from rasd.recognize.numbers import number_words
from rasd.recognize.places import place_cues
from rasd.recognize.triggers import TriggerMatch, trigger_lexicon
from rasd.text.normalize import normalize_key
from rasd.text.segment import Segment
from rasd.text.tokens import clitic_variants, reads_as


@dataclass
class Candidate:
    """A clause that may report an event: its sentence, its primary trigger and the
    sub-event type that trigger implies."""

    segment: Segment
    sentence: Segment
    trigger: TriggerMatch
    sub_event_type: str
    toll_elsewhere: bool = False  # the clause's toll is another event's, coded from the same clause


class Dropped(Exception):
    """A candidate the coding rules exclude, with the rule's name for --explain."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule, self.detail = rule, detail


@dataclass
class Decision:
    """What happened to one candidate, for ``rasd extract --explain``: the rules that
    fired, in order, and whether it was kept or which rule dropped it."""

    rules: list[str]
    segment: dict[str, Any] | None = None  # the clause's original span (only with --explain)
    trigger: str | None = None
    kept: bool = False
    dropped: Dropped | None = None

    def fired(self, rule: str) -> None:
        self.rules.append(rule)

    def as_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {}
        if self.segment is not None:
            record["segment"] = self.segment
            record["trigger"] = self.trigger
        record["rules"] = self.rules
        if self.kept:
            record["kept"] = True
        if self.dropped is not None:
            record["dropped"] = {"rule": self.dropped.rule, "detail": self.dropped.detail}
        return record


#: Actor kinds that make a crowd.
_CROWDS = frozenset({"protesters", "rioters"})


def names_a_crowd(analysis: Analysis, seg: Segment) -> bool:
    """"اقتحم عشرات العراقيين المحتجين القنصلية ... وأضرموا النار فيها": the sentence of the
    clause names protesters (or rioters), whose storming and burning is a riot."""
    sentence = sentence_of(analysis, seg.start)
    return any(m.actor.kind in _CROWDS for m in within(analysis, analysis.actors, sentence))


def primary_trigger(triggers: list[TriggerMatch]) -> TriggerMatch:
    """The trigger a clause is coded by: its first, when that one leads its clause (an
    execution's verb: a later one, "غارات ... بعد أن أعدم التنظيم الطيار", is the news
    behind the act), else, of the words that do not yield to others (an advance does:
    "تقدمت القوات ... بعد معارك"), one that says how (a mode word) before one that says only
    that people died, then the lexicon's priority, a strong word, the first."""
    first = min(triggers, key=lambda t: t.start)
    if first.sense.leads:
        return first
    priority = trigger_lexicon().priority
    triggers = [t for t in triggers if not t.sense.yields] or triggers
    modes = [t for t in triggers if t.sense.mode] or triggers
    return min(modes, key=lambda t: (priority.get(t.sense.sub_event_type, 99), t.sense.weak, t.start))


def in_a_backdrop(analysis: Analysis, seg: Segment, trigger: TriggerMatch) -> bool:
    """"يسلم البلدة إلى الحكومة بعد سنوات من الحصار والقصف": an act that lasts, in a spell of
    time after "بعد ... من", is the clause's backdrop, not the act the clause reports."""
    norm = analysis.ntext.norm
    if norm[trigger.start:trigger.end].split(" ", 1)[0] not in assembly_words().spell_acts:
        return False
    return assembly_words().backdrop.search(norm, max(seg.start, trigger.start - 60), trigger.start) is not None


def after_the_opening(analysis: Analysis, seg: Segment, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """The triggers after a clause's "بعد ...،" opening, which names the event before
    ("وبعيد هذا التفجير الأول في سوروتش، استهدف هجوم آخر بسيارة مفخخة ... كوباني"); all
    of them when there is no such opening or no trigger after it."""
    opening = assembly_words().after_opening.match(analysis.ntext.norm, seg.start, seg.end)
    if opening is None:
        return triggers
    return [t for t in triggers if t.start >= opening.end()] or triggers


def describes_the_dead(analysis: Analysis, seg: Segment, trigger: TriggerMatch) -> bool:
    """"قتلت 10 من عناصر داعش، بينهم انتحاري وثلاثة قناصين": a suicide word counted among
    the dead ("بينهم", or a number after it) says who died, not how. "نفذ ثلاثة منهم
    عمليات انتحارية" tells the act."""
    if trigger.sense.sub_event_type != "Suicide bomb":
        return False
    words = assembly_words()
    if not any(m.end() == trigger.end for m in words.bomber_counted.finditer(analysis.ntext.norm, seg.start, seg.end)):
        return False
    before = analysis.tokens[trigger.token_start - 1].text if trigger.token_start else ""
    return before.isdigit() or reads_as(before, words.bomber_among_last) or reads_as(before, number_words().units)


def without_the_dead_described(analysis: Analysis, seg: Segment, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """The clause's triggers but the suicide words that describe the dead (all of them
    when it has no other)."""
    return [t for t in triggers if not describes_the_dead(analysis, seg, t)] or triggers


#: The sub-event types of a bombardment: air strikes and shelling. Their words make an
#: explosion heard or caused beside them their effect (``without_the_blasts_of_a_strike``).
BOMBARDMENT_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
#: How far (in tokens) a strike word may stand from the explosion that was heard of it, and
#: (in characters) after the cause word that names it.
_HEARD_WITHIN, _CAUSE_WITHIN = 16, 40


def without_the_blasts_of_a_strike(analysis: Analysis, seg: Segment, triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """The clause's triggers but its explosions that were the strike's: said to come from
    it ("انفجارات عنيفة هزت مناطق ... ناجمة عن استهداف صاروخي"), or heard near it, with no
    relative clause between ("ودوت انفجارات ضخمة" after "إطلاق 55 صاروخا"); all of them when
    there is no such explosion. One caused by something else ("بانفجار قذيفة قديمة نتيجة عبثه
    بها") is its own, and so is one heard beside a strike the clause tells of its place
    ("انفجار هز سوقا في مدينة إعزاز التي تتعرض لقصف صاروخي"). A device the clause names is a
    trigger of its own, which stays."""
    strikes = [t for t in triggers if t.sense.sub_event_type in BOMBARDMENT_TYPES]
    if not strikes:
        return triggers
    words, norm, tokens = assembly_words(), analysis.ntext.norm, analysis.tokens

    def heard_near(t: TriggerMatch) -> bool:
        near = range(max(0, t.token_start - 3), min(len(tokens), t.token_end + 3))
        if not any(seg.start <= tokens[k].start < seg.end and reads_as(tokens[k].text, words.blast_heard) for k in near):
            return False
        for strike in strikes:
            first, last = sorted((t.token_start, strike.token_start))
            if last - first <= _HEARD_WITHIN \
                    and not any(reads_as(tokens[k].text, words.relative_pronouns) for k in range(first, last)):
                return True
        return False

    def caused_by_the_strike(t: TriggerMatch) -> bool:
        cause = words.blast_caused_by.match(norm, t.end, seg.end)
        return cause is not None and any(cause.end() <= s.start <= cause.end() + _CAUSE_WITHIN for s in strikes)

    def blast(t: TriggerMatch) -> bool:
        if not reads_as(norm[t.start:t.end], words.blast_words, without_article=True):
            return False
        return heard_near(t) or caused_by_the_strike(t)

    return [t for t in triggers if not blast(t)]


def is_unused_weapon(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"ضربات ضد مصانع أسلحة كيماوية", "مفتشي الأسلحة الكيمياوية": a weapon noun that is
    neither wielded (with ب: "بالأسلحة الكيميائية") nor used ("استخدام أسلحة كيماوية")
    names a thing, not an attack."""
    if trigger.sense.sub_event_type != "Chemical weapon" or "ب" in trigger.clitic:
        return False
    words = assembly_words()
    if not reads_as(analysis.tokens[trigger.token_start].text, words.weapon_nouns):
        return False
    before = analysis.tokens[trigger.token_start - 1].text if trigger.token_start else ""
    return not reads_as(before, words.weapon_use)


#: How many words after a verb of entering may say what was entered.
_ENTERED_WITHIN = 5


def enters_no_ground(analysis: Analysis, trigger: TriggerMatch, seg: Segment) -> bool:
    """"مجموعة دخلت قبل أيام إلى سوريا", "دخلت كل منها منفردة في مفاوضات", "دخلت الحملة
    العسكرية أسبوعها الرابع": entering a country (crossing into it, no place of it named in
    the clause when nothing says it was gone into), a state of things (talks, a campaign's
    fourth week), or a campaign or an agreement that enters (into force), takes no ground.
    "ودخلت تركيا وفصائل الجيش الحر مدينة عفرين" takes a town. Nor does an advance word that
    puts forward what it names with ب (``_submits``: "وتقدم الجيش أمس بطلب", "تقدمت بالشكر")."""
    tokens, words = analysis.tokens, assembly_words()
    if trigger.sense.yields and _submits(analysis, trigger):
        return True
    if not trigger.sense.territory or not reads_as(tokens[trigger.token_start].text, words.entering_verbs):
        return False
    place = next((r.mention.start for r in analysis.places if trigger.end <= r.mention.start < seg.end), seg.end)
    end = min(len(tokens), trigger.token_end + _ENTERED_WITHIN)
    after = [t for t in tokens[trigger.token_end:end] if t.start < place]
    if after and reads_as(after[0].text, words.campaign_nouns):
        return True  # "دخلت الحملة العسكرية أسبوعها الرابع"
    if after and any(t.token_start == trigger.token_end and t.sense.sub_event_type == "Agreement"
                     and "ب" not in t.clitic for t in within(analysis, analysis.triggers, seg)):
        return True  # "ودخلت الهدنة التي أعلنها التحالف حيز التنفيذ" (not "دخلت باتفاق تسوية ... نوى")
    if any(reads_as(t.text, words.entered_states) for t in after) \
            or any(a.text == "في" and reads_as(b.text, words.entered_talks) for a, b in zip(after, after[1:])):
        return True
    towns = {r.mention.start for r in analysis.places}  # "إلى عفرين": a town that tells its country too
    for m in analysis.countries:
        j = m.token_start
        if not (trigger.token_end <= j < end and tokens[j].start < seg.end) or tokens[j].start in towns:
            continue
        if reads_as(tokens[j - 1].text, place_cues().sent_to_prepositions):
            return True  # "دخلوا إلى سوريا": the country is where they went
        if j == trigger.token_end and place == seg.end:
            return True  # "كانوا دخلوا سوريا": no town named that the country could be the subject of taking
    return False


#: How many words after "على" may stand before the thing seized ("على أكثر من 15 آلية").
_SEIZED_WITHIN = 3
_ON = normalize_key("على")
_FELL = normalize_key("سقط")  # "سقطت في يد", "سقط بيد": ground fallen into a side's hands


def seizes_things(analysis: Analysis, trigger: TriggerMatch, seg: Segment) -> bool:
    """"تمكنت قوات النظام من الاستيلاء على أكثر من 15 آلية", "استولت على كميات من
    الأسلحة": what was seized, after "على", is equipment, not ground (no place named before
    it); so is what "fell into the hands" of a side, named before it ("كميات من الأسلحة سقطت
    في يد التنظيم"). Not the subject of a verb of taking ("ودخلت دبابات تركية مدينة
    جرابلس": the tanks took the town)."""
    tokens, words = analysis.tokens, assembly_words()
    if not trigger.sense.territory:
        return False
    if tokens[trigger.token_start].text.startswith(_FELL):
        first = bisect_left(analysis.token_starts, seg.start)
        before = tokens[max(first, trigger.token_start - _SEIZED_WITHIN - 1):trigger.token_start]
        return any(reads_as(t.text, words.seized_things, without_article=True) for t in before)
    i = trigger.token_end
    if tokens[i - 1].text != _ON:
        # "على" after the verb's subject and day ("واستولت الفصائل الجمعة على كميات")
        on = next((k for k in range(i, min(len(tokens), i + _SEIZED_WITHIN + 2))
                   if tokens[k].start < seg.end and tokens[k].text == _ON), None)
        if on is None:
            return False  # no "على": what follows is the verb's subject or the ground itself
        i = on + 1
    for t in tokens[i:min(len(tokens), i + _SEIZED_WITHIN + 1)]:
        if t.start >= seg.end or any(r.mention.start <= t.start < r.mention.end for r in analysis.places):
            return False
        if reads_as(t.text, words.seized_things, without_article=True):
            return True
        if not (t.text.isdigit() or t.text in words.seized_counts):
            return False  # "على إدارة المركبات": the head noun is what was taken (a base)
    return False



def frames_an_act(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"انسحبت الوحدات الكردية من منبج بموجب اتفاق", "وفقا لاتفاق بين الحكومة وفيلق الرحمن":
    an agreement the act follows (a framing word at most two words before it) is no
    agreement concluded in the clause."""
    if trigger.sense.sub_event_type != "Agreement":
        return False
    before = analysis.tokens[max(0, trigger.token_start - 2):trigger.token_start]
    return any(reads_as(t.text, assembly_words().agreement_frames) for t in before)


def is_grievance(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"تظاهر عشرات الأكراد احتجاجا على الغارات الجوية التركية", "تنديدا بالقصف": what a
    protest or a statement stands against, not an act the clause reports."""
    norm = analysis.ntext.norm
    return assembly_words().grievance.search(norm, max(0, trigger.start - 40), trigger.start) is not None


#: How many words after an advance what it heads to or puts forward may come: "تقدم القوات
#: العراقية باتجاه" (two), "وتقدم الجيش السوري أمس بطلب" (three).
_AFTER_AN_ADVANCE = 4


def _said_after_the_advance(analysis: Analysis, trigger: TriggerMatch, said: Callable[[str], bool]) -> bool:
    """Whether one of the words right after an advance (at most ``_AFTER_AN_ADVANCE``, no
    punctuation between) is ``said`` of it."""
    for t in analysis.tokens[trigger.token_end:trigger.token_end + _AFTER_AN_ADVANCE]:
        if not t.text[:1].isalnum():
            return False
        if said(t.text):
            return True
    return False


def _submits(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"تقدم" puts forward a thing named with a glued ب (``submitted``: "بطلب", "بالشكر")."""
    submitted = assembly_words().submitted
    return _said_after_the_advance(
        analysis, trigger, lambda w: w.startswith("ب") and reads_as(w[1:], submitted, without_article=True))


def _moves_toward(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """The advance heads somewhere: a word of direction (``advance_directions``: باتجاه, نحو, صوب)."""
    directions = assembly_words().advance_directions
    return _said_after_the_advance(analysis, trigger, lambda w: reads_as(w, directions))


def is_purpose(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"لطرد التنظيم", "للسيطرة على", "يمهد لهجوم", "باتجاه تحرير الأحياء": the aim of an
    operation, not what happened. "تعرضت لهجمات" (was subjected to attacks) is not an aim."""
    words = assembly_words()
    previous = analysis.tokens[trigger.token_start - 1].text if trigger.token_start else ""
    if trigger.sense.weak and trigger.sense.territory and reads_as(previous, words.ground_aimed_at):
        return True  # "تقدما كبيرا باتجاه تحرير الأحياء", "على طريق تحرير المدينة", "نيتهما طرد التنظيم"
    if trigger.sense.yields and trigger.sense.territory and _moves_toward(analysis, trigger):
        return True  # "تقدم القوات العراقية باتجاه حي التأميم": an advance toward ground has not taken it
    if not (trigger.sense.weak and "ل" in trigger.clitic):
        return False
    if previous.startswith(words.subjected_prefixes) or previous in words.subjected_words:
        return False
    return trigger.sense.territory or any(v in words.preparing for v, _ in clitic_variants(previous))

