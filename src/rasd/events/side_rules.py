"""The sides of an event and its final sub-event type: the clause's own agent and target
(``roles.actor_roles``), then named rules, in order, each of which may settle the type or
fill a side the clause leaves open (from the event referred back to, the article's air
force, its most named side...). A rule returns True when it fired; ``--explain`` lists
the rules that did.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from rasd.analysis import Analysis
from rasd.data import load_yaml
from rasd.events.article import ArticleState
from rasd.events.attribution import UNCLAIMED
from rasd.events.candidate import BOMBARDMENT_TYPES, Candidate, Decision, Dropped, describes_the_dead
from rasd.events.document import COVERED, is_country_name, last_word_before, sentence_index, within
from rasd.events.lexicon import assembly_words
from rasd.events.roles import actor_roles, air_force_nearby, militant_victims, military_target, named_by_its_dead, sides_hit
from rasd.events.toll import CountGroup
from rasd.events.when import begins_a_campaign
from rasd.events.where import PlacePick, is_anaphoric, places_in
from rasd.model import EVENT_TYPE_OF, Event
from rasd.recognize.actors import Actor, ActorMention, load_pack
from rasd.recognize.numbers import death_word, number_words
from rasd.text.segment import Segment
from rasd.text.tokens import clitic_variants, reads_as, reads_as_with_and, strip_article

CIVILIANS = Actor("Civilians", 7, "civilians", None, False, None, None)
PROTESTERS = Actor("Protesters", 6, "protesters", None, False, None, None)
RIOTERS = Actor("Rioters", 5, "rioters", None, False, None, None)
AIR_FIRST = frozenset({"International Coalition", "Russian Forces", "US Forces", "Israeli Forces",
                       "Unidentified Military Forces", "Saudi-led Coalition"})  # a bare "قصف" by these is from the air
_NEAR_TRIGGER = 80  # characters: a count this close to the trigger is its own event's
JIHADIST = frozenset({"Islamic State", "HTS", "Al-Qaeda", "Hurras al-Din"})


@dataclass
class Sides:
    """The event's sub-type and sides as the rules settle them."""

    sub: str
    agent: Actor | None
    agent_m: ActorMention | None  # the mention the agent was read from, for evidence
    target: Actor | None
    target_m: ActorMention | None
    victims: str | None  # "civilians" or "fighters" when the clause says who was hit
    people_hit: bool = False  # the clause counts people killed or injured
    killed_at: tuple[int, ...] = ()  # where the clause's counts of the killed start

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub]

    @property
    def remote(self) -> bool:
        return self.event_type == "Explosions/Remote violence"


@dataclass
class SideScope:
    """What a side rule may read: the article, the candidate, the article so far."""

    analysis: Analysis
    cand: Candidate
    article: ArticleState
    picks: tuple[PlacePick, ...] = ()  # the event's places, first the one it is coded at


SideRule = Callable[[Sides, SideScope], bool]


@lru_cache(maxsize=65536)
def _civilian_word(word: str) -> bool:
    """A civilian word under some clitic reading (as written, article kept)."""
    return reads_as(word, number_words().civilian)


def _victims(analysis: Analysis, cand: Candidate, groups: list[CountGroup]) -> str | None:
    """Who the clause says was hit: the victims of its counts ("5 مدنيين"), else
    civilians when a civilian word or a civilian place after the trigger is named."""
    victims = next((c.victims for g in groups for c in g.counts if c.victims), None)
    if victims is None:
        seg = cand.segment
        seg_tokens = [t.text for t in analysis.tokens_between(seg.start, seg.end)]
        if any(map(_civilian_word, seg_tokens)) or _civilian_target_between(analysis, cand.trigger.start, seg.end):
            victims = "civilians"
    return victims


def _civilian_targets_in(analysis: Analysis, start: int, end: int) -> list[int]:
    """The starts of the civilian targets ("مستشفى", "سوق") in [start, end): their spans
    are in text order, so a bisect finds the first at or after ``start``."""
    starts = analysis.remember(_civilian_targets_in, lambda: [a for a, _ in analysis.civilian_targets])
    return starts[bisect_left(starts, start):bisect_left(starts, end)]


def _civilian_target_between(analysis: Analysis, start: int, end: int) -> bool:
    return bool(_civilian_targets_in(analysis, start, end))


# -- the rules, in the order they apply --------------------------------------------------

def actors_of_the_event_referred_back_to(s: Sides, c: SideScope) -> bool:
    """"إحباط الهجوم جرى الخميس في ناحية بادوش": a definite noun with no side of its
    own takes the sides of the event of that type the article already reported."""
    earlier = c.article.last_of_type.get(EVENT_TYPE_OF[c.cand.sub_event_type])
    if not (is_anaphoric(c.article, c.cand) and s.agent is None and s.target is None and earlier is not None):
        return False
    by_name = c.article.salience.actor_by_name
    s.agent = by_name.get(earlier.event.actor1) or s.agent
    s.target = by_name.get(earlier.event.actor2 or "") or s.target
    return True


def attack_with_chemical_weapons(s: Sides, c: SideScope) -> bool:
    """"موقع الهجوم المفترض" in a sentence that names chemical weapons (or the OPCW), or
    "الهجوم" (definite: the attack already told) in the sentence after a chemical attack
    or the same one, with no other author than that attack's: a bare attack noun is the
    chemical attack."""
    words, trigger, norm = assembly_words(), c.cand.trigger, c.analysis.ntext.norm
    text = norm[trigger.start:trigger.end]
    if s.sub != "Armed clash" or text not in words.generic_attack_nouns:
        return False
    sentence = sentence_index(c.analysis, c.cand.sentence.start)
    told = text.startswith("ال") and any(
        e.event.sub_event_type == "Chemical weapon" and sentence - 1 <= e.sentence <= sentence
        and (s.agent is None or (s.agent.name == e.event.actor1 and s.agent.kind != "unidentified"))
        for e in c.article.events)
    if told or words.chemical_context.search(norm, c.cand.sentence.start, c.cand.sentence.end):
        s.sub = "Chemical weapon"
        return True
    return False


def attack_already_told_is_its_strike(s: Sides, c: SideScope) -> bool:
    """"نفذ التحالف 19 غارة جوية ... وأضاف البيان أن الهجمات في سوريا تركزت قرب مدينة
    الحسكة": "the attacks" in the sentence after the strikes or shellings the article
    told, or in the same one, with no other author than theirs, are those strikes broken
    down by place: they take their sub-type and sides (``strikes_told_again``)."""
    trigger = c.cand.trigger
    if s.sub != "Armed clash" or c.analysis.ntext.norm[trigger.start:trigger.end] not in assembly_words().strikes_told_again:
        return False
    told = next(_strikes_of_the_passage(c), None)
    if told is None or (s.agent is not None and s.agent.name != told.actor1):
        return False
    if s.target is not None and (s.target.name == told.actor1
                                 or s.target.name in allies_of(told.actor1, c.analysis.doc.published)):
        return False  # after Russian strikes, "قتل 5 من قوات النظام في الهجمات": not the strikes' side hit
    by_name = c.article.salience.actor_by_name
    s.sub = told.sub_event_type
    s.agent = by_name.get(told.actor1) or s.agent
    if s.target is None:
        s.target = by_name.get(told.actor2 or "")
    return True


def _written_as_aircraft(s: Sides, c: SideScope) -> bool:
    """The author's mention is written as aircraft (``_an_aircraft_mention``)."""
    return s.agent_m is not None and _an_aircraft_mention(c.analysis, s.agent_m)


def _an_aircraft_mention(analysis: Analysis, mention: ActorMention) -> bool:
    """The mention begins with an aircraft noun ("الطائرات التركية"), or follows one
    ("طيران العدو الإسرائيلي")."""
    first = analysis.ntext.norm[mention.start:mention.end].split(" ", 1)[0]
    before = analysis.tokens[mention.token_start - 1].text if mention.token_start > 0 else ""
    return any(reads_as(w, assembly_words().aircraft_nouns, without_article=True) for w in (first, before))


def generic_shelling_by_air_force(s: Sides, c: SideScope) -> bool:
    """A bare "قصف", "هجوم" or "استهداف" by an air force (the coalition, Russia...), or by
    any force written as its aircraft ("استهدفت الطائرات التركية موقعا"), is an air strike, and
    so are missiles such a force fires ("طيران العدو الإسرائيلي يطلق عدة صواريخ"):
    "استهداف التحالف لمقارهم". So is a bare "الضربات" by nobody in an article whose one
    air force is such a force ("إن الضربات التي وجهت في سوريا أصابت ..." under a lede on
    the coalition's strikes)."""
    trigger, words = c.cand.trigger, assembly_words()
    text = c.analysis.ntext.norm[trigger.start:trigger.end]
    bare = _a_bare_strike(s, c)
    generic = bare or (s.sub in ("Attack", "Armed clash") and text in words.air_attack_nouns)
    if generic and s.agent is not None and (s.agent.name in AIR_FIRST or _written_as_aircraft(s, c)):
        s.sub = "Air/drone strike"
        return True
    if s.sub == "Shelling/artillery/missile attack" and s.agent is not None and _written_as_aircraft(s, c):
        s.sub = "Air/drone strike"  # "طيران العدو الإسرائيلي يطلق عدة صواريخ": missiles fired from the air
        return True
    if bare and s.agent is None:
        air_force = _the_air_force(c)
        if air_force is not None and air_force.name in AIR_FIRST:
            s.agent, s.sub = air_force, "Air/drone strike"
            return True
    if bare and _flown(c):
        s.sub = "Air/drone strike"  # "وقصفت الطائرة السيارة": an aircraft is the subject of the bare verb
        return True
    return False


def _a_bare_strike(s: Sides, c: SideScope) -> bool:
    """Shelling told by a bare word ("قصف", "الضربات") that says nothing of the weapon."""
    trigger = c.cand.trigger
    return s.sub == "Shelling/artillery/missile attack" \
        and c.analysis.ntext.norm[trigger.start:trigger.end] in assembly_words().generic_shelling


def _air_forces(c: SideScope) -> list[Actor]:
    """The sides with aircraft the article names as sides (not by their dead: "مقتل 7
    عسكريين إيرانيين" names the side a strike hit)."""
    analysis = c.analysis
    named = analysis.remember(("sides_not_named_by_their_dead",), lambda: frozenset(
        m.actor.name for m in analysis.actors if not named_by_its_dead(analysis, m, 0)))
    return [a for a in c.article.salience.ranked() if a.air and a.kind != "unidentified" and a.name in named]


#: The air force that flies for the states of its own alliance when it is named beside them.
_COALITION = "International Coalition"


def _the_air_force(c: SideScope) -> Actor | None:
    """The one air force the article names; or the coalition, named beside only foreign
    states of its own ("طائرات الولايات المتحدة والتحالف نفذت 27 غارة": a coalition's
    strikes are flown by its members, and the report names them together). The air force
    of Syria or Iraq is not one of them, though it fights beside the coalition."""
    air_forces = _air_forces(c)
    if len(air_forces) == 1:
        return air_forces[0]
    coalition = next((a for a in air_forces if a.name == _COALITION), None)
    if coalition is None:
        return None
    allies = allies_of(_COALITION, c.analysis.doc.published)
    members = [a for a in air_forces if a is not coalition]
    return coalition if all(a.name in allies and a.country not in COVERED for a in members) else None


def _flown(c: SideScope) -> bool:
    """The word right after the trigger, or right before it, is an aircraft noun."""
    tokens, trigger = c.analysis.tokens, c.cand.trigger
    near = [tokens[i].text for i in (trigger.token_start - 1, trigger.token_end)
            if 0 <= i < len(tokens) and c.cand.segment.start <= tokens[i].start < c.cand.segment.end]
    return any(reads_as(w, assembly_words().aircraft_nouns, without_article=True) for w in near)


def suicide_bombers_killed_is_a_clash(s: Sides, c: SideScope) -> bool:
    """"تمكنت قواتنا من قتل 10 انتحاريين", "12 قتيلا من المسلحين، بضمنهم انتحاريان":
    suicide bombers killed before they struck are attackers repelled in a clash, not a
    suicide bombing."""
    if s.sub != "Suicide bomb" or not s.people_hit:
        return False
    trigger, tokens = c.cand.trigger, c.analysis.tokens
    before = tokens[max(0, trigger.token_start - 3):trigger.token_start]
    # "قتل أربعة انتحاريين 52 شخصا", "قتل انتحاريان عشرات المدنيين": the bombers are the
    # killers when a count follows them in the clause
    toll_after = any(trigger.end <= n.start < c.cand.segment.end for n in c.analysis.counts)
    if any(reads_as(t.text, number_words().death, without_article=True) for t in before) and not toll_after \
            and reads_as(tokens[trigger.token_start].text, assembly_words().bomber_plurals):
        s.sub = "Armed clash"
        return True
    # "خلف القتال 12 قتيلا من المسلحين، بضمنهم انتحاريان": no blast is told
    if describes_the_dead(c.analysis, c.cand.segment, trigger):
        s.sub = "Armed clash"
        return True
    return False


def bombers_counted_among_the_dead_of_their_side(s: Sides, c: SideScope) -> bool:
    """"وقتل 21 من مسلحي تنظيم الدولة، بينهم 10 مهاجمين انتحاريين": suicide bombers counted
    among the dead an armed group's fighters are counted as (a count, its fighters' word,
    the group, then "بينهم" and bombers, no other count between) are its own; the group
    sent them, it is the author of the bombing, not the side it hit. ("بينهم الانتحاري", the
    bomber of a blast's toll, says nothing of whose dead the rest are.)"""
    if s.sub != "Suicide bomb" or s.target is None or s.target_m is None or s.target.kind not in ("group", "militia"):
        return False
    if s.agent is not None and s.agent.kind != "unidentified":
        return False
    seg, group, analysis = c.cand.segment, s.target_m, c.analysis
    if not seg.start <= group.start < seg.end or not _dead_counted_as_its_fighters(analysis, group):
        return False
    bombers = assembly_words().bomber_counted.search(analysis.ntext.norm, group.end, seg.end)
    if bombers is None or any(group.end <= n.start < bombers.start() for n in analysis.counts) \
            or bombers.group().split()[-1].startswith("ال"):
        return False
    s.agent, s.agent_m, s.target, s.target_m = s.target, s.target_m, None, None
    return True


def _dead_counted_as_its_fighters(analysis: Analysis, group: ActorMention) -> bool:
    """"21 من مسلحي تنظيم الدولة": a count of the dead, then at most two words with a word
    for fighters among them, then the group."""
    words = analysis.tokens[max(0, group.token_start - 2):group.token_start]
    if not any(strip_article(t.text) in number_words().fighter for t in words):
        return False
    return any(n.role == "killed" and group.token_start - 3 <= n.token_end <= group.token_start for n in analysis.counts)


def _side_named_before(c: SideScope, stretch: Segment, offset: int, words: int | None = None) -> ActorMention | None:
    """The last side (no civilians) named in ``stretch`` before ``offset``, at most ``words``
    words before it when given: the one that did the act told there."""
    first = bisect_left(c.analysis.token_starts, offset)
    return next((a for a in reversed(within(c.analysis, c.analysis.actors, stretch))
                 if a.end <= offset and a.actor.kind != "civilians"
                 and (words is None or first - a.token_end <= words)), None)


def aircraft_stopped_in_the_air(s: Sides, c: SideScope) -> bool:
    """"أطلق الجيش الإسرائيلي صاروخ باتريوت على طائرة بدون طيار": a missile fired at an
    aircraft meets it in the air, whichever of the two words the clause's act is: the side
    that fired stopped the aircraft (disrupted weapons use); it struck no ground. (Not a
    drone after "دمرت": in "ودمرت طائرة مسيرة سيارة" the drone is the one that struck.)"""
    if s.sub not in ("Shelling/artillery/missile attack", "Air/drone strike"):
        return False
    trigger, clause = c.cand.trigger, c.cand.segment
    norm = c.analysis.ntext.norm
    fired = next((m for m in assembly_words().aircraft_stopped.finditer(norm, clause.start, clause.end)
                  if m.start() <= trigger.start < m.end()), None)
    if fired is None:
        return False
    s.sub = "Disrupted weapons use"
    if s.agent is None:  # "قال الجيش الإسرائيلي إنه أطلق صاروخ باتريوت": the side named before fired it
        s.agent_m = _side_named_before(c, c.cand.sentence, fired.start())
        s.agent = s.agent_m.actor if s.agent_m is not None else None
    return True


#: Words between the side and its act of defusing: "استطاعت أمس", "تمكنت أمس من".
_DEFUSER_WITHIN = 3


def _defused_by_the_side_after_the_verb(c: SideScope) -> tuple[re.Match[str], ActorMention] | None:
    """"دمرت القوات الأمنية العراقية ثلاث عجلات مفخخة", "عثرت القوات الأمنية على ثلاث عبوات
    ناسفة": a finite verb of defusing, finding or destroying, the side that did it right after
    the verb (verb, subject, object), then the device: the verb's match and that side, else
    None. Not a device named as the means ("دمر داعش دبابات للجيش بعجلات مفخخة": with them)."""
    trigger, analysis = c.cand.trigger, c.analysis
    verb = assembly_words().defusing_verb.search(analysis.ntext.norm, max(c.cand.segment.start, trigger.start - 90),
                                                 trigger.start)
    if verb is None or "ب" in trigger.clitic \
            or (trigger.token_start > 0 and analysis.tokens[trigger.token_start - 1].text.startswith("ب")):
        return None
    after = bisect_left(analysis.token_starts, verb.end("verb"))
    side = next((a for a in within(analysis, analysis.actors, Segment(verb.end("verb"), trigger.start))), None)
    if side is None or side.actor.kind == "civilians" or side.token_start != after:
        return None
    return verb, side


def defused_device(s: Sides, c: SideScope) -> bool:
    """"تفكيك 35 عبوة ناسفة", "تمكنت من تدمير خمس عجلات مفخخة", "إزالة أكثر من 300 لغم",
    "تدمير ست عجلات وسيارة مفخخة": a device defused, removed, seized or destroyed (the word
    at most three words before it, or a verb with its side right after it) never went off:
    the side that stopped it disrupted weapons use. Not one told going off between the word
    and it ("تدمير محال تجارية في انفجار عبوة", "تفكيك عبوة وانفجرت عبوة أخرى")."""
    if s.sub not in ("Remote explosive/landmine/IED", "Suicide bomb"):
        return False
    trigger = c.cand.trigger
    norm = c.analysis.ntext.norm
    act = assembly_words().defusing.search(norm, max(c.cand.segment.start, trigger.start - 50), trigger.start)
    stopper = None
    if act is None:
        by_side = _defused_by_the_side_after_the_verb(c)
        if by_side is None:
            return False
        act, stopper = by_side
    went_off = assembly_words().went_off
    if any(reads_as(t.text, went_off) for t in c.analysis.tokens_between(act.start(), trigger.end)):
        return False
    s.sub = "Disrupted weapons use"
    if stopper is not None:  # "دمرت القوات العراقية سيارة مفخخة لتنظيم داعش": the side after the verb, not the device's owner
        if s.agent is not None and s.target is None and s.agent.name != stopper.actor.name:
            s.target, s.target_m = s.agent, s.agent_m
        s.agent, s.agent_m = stopper.actor, stopper
    elif s.agent is None:  # "القوات الأمنية استطاعت أمس إزالة 300 لغم": the subject of the act stopped it
        s.agent_m = _side_named_before(c, c.cand.segment, act.start(), _DEFUSER_WITHIN)
        s.agent = s.agent_m.actor if s.agent_m is not None else None
    return True


#: How far after the noun of blowing up its object may stand: its author and a count
#: between ("تفجير داعش 16 منزلا", "تفجير آخر نفق").
_BLOWN_UP_WITHIN = 4


def a_building_blown_up_is_property_destruction(s: Sides, c: SideScope) -> bool:
    """"قام تنظيم داعش بتفجير الملعب الأولمبي", "تفجير آخر نفق يربط المدينة": a house,
    stadium, bridge, tunnel or shrine blown up, with nobody killed or hurt in the clause, is
    property destruction (event-schema.md §2), not a bombing of people. The building is the
    object of تفجير: only its author (a side), a count or "آخر" stand between ("تفجير
    استهدف منزل قيادي" is a bombing that hit a house; "تفجير سيارة مفخخة قرب منزل" one near
    it); it is no place's name ("تفجير جسر الشغور") and no booby-trapped house ("تفجير منزل
    مفخخ": a device destroyed)."""
    if s.sub != "Remote explosive/landmine/IED" or s.people_hit:
        return False
    analysis, words, trigger = c.analysis, assembly_words(), c.cand.trigger
    tokens = analysis.tokens
    if not reads_as(tokens[trigger.token_start].text, words.blowing_up):
        return False
    sides = {i for a in within(analysis, analysis.actors, c.cand.segment) for i in range(a.token_start, a.token_end)}
    named = {p.mention.start for p in places_in(analysis, c.cand.segment)}
    last = min(trigger.token_end + _BLOWN_UP_WITHIN, bisect_left(analysis.token_starts, c.cand.segment.end))
    for i in range(trigger.token_end, last):
        token = tokens[i]
        if reads_as(token.text, words.blown_up_buildings, without_article=True):
            after = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if token.start in named or reads_as(after, words.booby_trapped, without_article=True):
                return False
            s.sub = "Looting/property destruction"
            if s.agent is None:  # "قام تنظيم داعش، اليوم الأحد، بتفجير الملعب": the side before the verb
                s.agent_m = _side_named_before(c, c.cand.segment, trigger.start, _BLOWN_UP_WITHIN)
                s.agent = s.agent_m.actor if s.agent_m is not None else None
            return True
        if not (i in sides or token.text.isdigit() or reads_as(token.text, number_words().units)
                or reads_as(token.text, words.before_a_blown_up_building)):
            return False
    return False


def a_downed_aircraft_is_its_owners(s: Sides, c: SideScope) -> bool:
    """"أعلن الجيش الإسرائيلي أن دفاعاته الجوية أسقطت طائرة سورية", "قالت إسرائيل إنها
    أسقطت طائرة سورية بلا طيار": the side named by the adjective of an aircraft shot down
    (the act's object) owns it: actor2. The one that shot it down (actor1) is the side right
    before the act, a time word apart at most ("الدفاعات الجوية السورية أسقطت", "أعلن الجيش
    الإسرائيلي اليوم إسقاط"), or, when the act's subject is the speaker's own ("إنها أسقطت",
    "دفاعاته الجوية أسقطت"), the one side named before it in the sentence; else, when air
    defences no side is named for shot it ("الدفاعات الجوية أسقطت طائرة مسيرة إسرائيلية"), the
    forces of the place's country; else a state's forces not named (Unidentified Military
    Forces, event-schema.md §4). With no subject before
    the verb, a definite aircraft after it is the subject ("أسقطت الطائرات الإسرائيلية طائرة")."""
    if s.sub != "Disrupted weapons use" or s.agent_m is None or s.agent_m.start < c.cand.trigger.start:
        return False
    if not _written_as_aircraft(s, c) or s.agent_m.token_start - c.cand.trigger.token_end > 1:
        return False
    analysis, words = c.analysis, assembly_words()
    tokens = analysis.tokens
    noun = next((t for t in tokens[max(0, s.agent_m.token_start - 1):s.agent_m.token_end]
                 if reads_as(t.text, words.aircraft_nouns, without_article=True)), None)
    if noun is None:
        return False
    owner = s.agent_m.actor
    before = [a for a in within(analysis, analysis.actors, c.cand.sentence)
              if a.end <= c.cand.trigger.start and a.actor.name != owner.name]
    trigger = c.cand.trigger.token_start
    subject = next((a for a in reversed(before) if _only_time_words_between(analysis, a.token_end, trigger)), None)
    own = any(reads_as(t.text, words.speakers_own) for t in tokens[max(0, trigger - 2):trigger])
    if noun.text.startswith(("ال", "وال", "بال")) and subject is None and not own:
        return False  # "أسقطت الطائرات الإسرائيلية ...": the aircraft that act, not the one downed
    if subject is None and own and len({a.actor.name for a in before}) == 1:
        subject = before[-1]
    s.target, s.target_m = owner, s.agent_m
    if subject is not None:
        s.agent, s.agent_m = subject.actor, subject
    else:  # "الدفاعات الجوية أسقطت طائرة مسيرة إسرائيلية": the defences of the place's country
        defences = assembly_words().air_defence.search(analysis.ntext.norm, c.cand.segment.start, c.cand.trigger.start)
        state = _government_of_the_place(c) if defences else None
        s.agent = state or load_pack().by_name["Unidentified Military Forces"]
        s.agent_m = None
    return True


def air_defences_are_their_countrys(s: Sides, c: SideScope) -> bool:
    """"الدفاعات الجوية تصدت لهدف معاد غرب دمشق", "وأسقطت الدفاعات الجوية طائرة مسيرة":
    air defences that no adjective or name gives to a side are those of the country whose
    sky they guard: an interception with no author, where the clause names air defences
    before the act or as its subject, is by the state forces of the country of its place."""
    if s.sub != "Disrupted weapons use" or s.agent is not None:
        return False
    clause, trigger = c.cand.segment, c.cand.trigger
    if not assembly_words().air_defence.search(c.analysis.ntext.norm, clause.start, min(clause.end, trigger.end + 25)):
        return False
    state = _government_of_the_place(c)
    if state is None:
        return False
    s.agent, s.agent_m = state, None
    return True


def _country_of_the_place(c: SideScope) -> str | None:
    """The country of the place the event is coded at."""
    return next(((p.place.country if p.place else p.country) for p in c.picks), None)


def _government_of_the_place(c: SideScope) -> Actor | None:
    """The state forces of the country (Syria or Iraq) where the event is placed, those of
    the government of the day of publication (actors.yaml lists each country's first)."""
    country = _country_of_the_place(c)
    if country not in COVERED:
        return None
    day = c.analysis.doc.published
    return next((a for a in load_pack().actors if a.inter == 1 and a.kind == "state" and a.country == country
                 and a.valid_on(day)), None)


def countryless_government_is_the_places(s: Sides, c: SideScope) -> bool:
    """"القوات الحكومية", "القوات النظامية": a government's forces named with no country are
    those of the government where the event happened ("سيطرت القوات الحكومية على منطقة
    الصكرة غرب الرمادي": Iraq's), whichever state forces the pack lists the words under."""
    words, norm = assembly_words(), c.analysis.ntext.norm

    def countryless(m: ActorMention | None) -> bool:
        return m is not None and reads_as(norm[m.start:m.end], words.countryless_government)

    agent, target = countryless(s.agent_m), countryless(s.target_m)
    government = _government_of_the_place(c) if agent or target else None
    if government is None:
        return False
    fired = False
    # (the mention is given the government too: it is the evidence of the side)
    if agent and s.agent_m is not None and s.agent_m.actor.name != government.name:
        s.agent, s.agent_m, fired = government, replace(s.agent_m, actor=government), True
    if target and s.target_m is not None and s.target_m.actor.name != government.name:
        s.target, s.target_m, fired = government, replace(s.target_m, actor=government), True
    return fired


def _only_time_words_between(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the tokens in [start, end) are none, or all inside a date ("اليوم", "الثلاثاء")."""
    tokens = analysis.tokens
    return end - start <= 2 and all(any(d.start <= tokens[k].start < d.end for d in analysis.dates)
                                    for k in range(start, end))


def attack_on_a_civilian_place(s: Sides, c: SideScope) -> bool:
    """"هاجم مقاتلو داعش مخيم البحيرة", "هجوم على سوق": an attack whose clause names
    a civilian place and no armed side it hit is violence against civilians, not a
    battle with a side borrowed from the rest of the article."""
    if s.sub != "Armed clash" or s.target is not None or s.agent is None or s.victims == "fighters":
        return False
    analysis, trigger = c.analysis, c.cand.trigger
    if not reads_as(analysis.tokens[trigger.token_start].text, assembly_words().attack_words):
        return False  # "اشتباكات", "معارك": fighting between sides, wherever it is
    targets = _civilian_targets_in(analysis, trigger.start, c.cand.segment.end)
    # a target word inside a place's name ("مخيم اليرموك") is the name
    if any(not any(r.mention.start <= t < r.mention.end for r in analysis.places) for t in targets):
        s.sub, s.target = "Attack", CIVILIANS
        return True
    return False


def attack_that_killed_only_civilians(s: Sides, c: SideScope) -> bool:
    """"قتل 7 أشخاص في هجوم مسلح", "قتل شخص في هجوم شنه مسلحون مجهولون": an attack by
    one named side whose clause counts only people among the dead (no fighters, no
    soldiers "بينهم") and names no other armed side is violence against civilians, not
    a battle missing its second side."""
    if s.sub != "Armed clash" or s.target is not None or s.agent is None or s.victims != "civilians":
        return False
    analysis, cand = c.analysis, c.cand
    if not reads_as(analysis.tokens[cand.trigger.token_start].text, assembly_words().attack_words):
        return False
    killed = [n for n in within(analysis, analysis.counts, cand.segment) if n.role == "killed"]
    if not killed or any(n.victims != "civilians" for n in killed):
        return False
    if any(m.actor.name != s.agent.name and m.actor.kind != "civilians"
           for m in within(analysis, analysis.actors, cand.segment)):
        return False
    s.sub, s.target = "Attack", CIVILIANS
    return True


def killing_in_a_targeting_is_the_articles_strike(s: Sides, c: SideScope) -> bool:
    """"مقتل 11 من داعش جراء استهداف مبنى المؤسسة الاستهلاكية", after the article has
    told air strikes: a killing whose cause is a targeting with no weapon of its own is
    one more strike of the kind the article is telling, by the same author; the side
    that was hit is its target."""
    if s.sub != "Attack":
        return False
    earlier = c.article.last_of_type.get("Explosions/Remote violence")
    if earlier is None or earlier.event.sub_event_type not in BOMBARDMENT_TYPES:
        return False
    words, norm, trigger = assembly_words(), c.analysis.ntext.norm, c.cand.trigger
    cause = words.targeting_cause.search(norm, trigger.end, c.cand.segment.end)
    if cause is None or cause.start() - trigger.end > _NEAR_TRIGGER:
        return False
    if set(norm[trigger.end:cause.start()].split()) & words.targeting_perpetrators:
        return False  # "مقتل 6 من المتورطين في استهداف موكب": they did it
    author = c.article.salience.actor_by_name.get(earlier.event.actor1)
    if s.agent is not None and s.target is None and s.agent.kind != "civilians" \
            and (author is None or s.agent.name != author.name):
        s.target, s.target_m = s.agent, s.agent_m
    s.sub, s.agent, s.agent_m = earlier.event.sub_event_type, author, None
    return True


def killing_mode(s: Sides, c: SideScope) -> bool:
    """A killing with no mode word of its own ("مقتل 5"; an execution has one): violence
    against civilians when civilians died, a clash when two armed sides or fighters are
    named; else dropped. By a force that fights these wars from the air ("استهدفت قاعدة تي
    فور ... قتل فيها 14", Israeli or coalition), it is an air strike, as its bare "قصف" is."""
    if s.sub != "Attack":
        return False
    if reads_as(c.analysis.tokens[c.cand.trigger.token_start].text, assembly_words().execution_words):
        return False  # "أعدم التنظيم 22 جنديا": an execution is its own mode, never a clash
    armed_target = s.target and s.target.kind not in ("civilians",)
    if s.victims == "civilians" or (s.target and s.target.kind == "civilians"):
        return False
    if s.agent and s.agent.name in AIR_FIRST and (armed_target or s.victims == "fighters"):
        s.sub = "Air/drone strike"
        return True
    if (s.agent and armed_target) or (s.victims == "fighters" and (s.agent or s.target)):
        s.sub = "Armed clash"
        return True
    raise Dropped("killing_without_mode_or_victims")


def finder_of_the_dead(s: Sides, c: SideScope) -> bool:
    """"عثرت الشرطة العراقية على جثة رجل قضى رميا بالرصاص": the side named before the finding
    of a body found it; it is no author of the killing, whose author the clause does not name."""
    if s.sub != "Attack" or s.agent_m is None or s.agent_m.end > c.cand.trigger.start:
        return False
    # the verb before its subject ("عثرت الشرطة على جثة") or after it ("الشرطة عثرت على جثة")
    found = assembly_words().found_dead.search(c.analysis.ntext.norm, c.cand.segment.start, c.cand.trigger.start)
    if found is None or found.end() <= s.agent_m.start:
        return False
    s.agent, s.agent_m = None, None
    return True


#: How many words may stand between a side and the fire it came under.
_UNDER_FIRE_GAP = 1


def killing_by_gunfire_hits_civilians(s: Sides, c: SideScope) -> bool:
    """"قتلت بعد أن أطلق مسلحون مجهولون النار عليها", "قتلت الناشطة بإطلاق نار": a killing
    whose clause says it was by gunfire, names no victims (counted, or by a civilian or
    fighter word) and no side hit, is an attack on civilians (event-schema.md §4, attacks by unknown gunmen). Not fire that
    stops, is traded or goes in the air ("وقف إطلاق النار", "تبادل إطلاق النار"), nor an
    execution (its own mode), nor a killing whose dead belong to an armed side named before
    the fire ("قتل قائد في الحشد الشعبي برصاص مجهولين": the fighter's side, not the shooter).
    A side the fire itself names ("قتل مدرس بنيران مسلحين مجهولين"), read as the one hit,
    fired it."""
    if s.sub != "Attack" or s.victims is not None:
        return False  # (counted victims are read by the rules after)
    analysis, cand = c.analysis, c.cand
    if reads_as(analysis.tokens[cand.trigger.token_start].text, assembly_words().execution_words):
        return False
    shot = gunfire_in(analysis, cand.segment) if s.target is None or s.agent is None else None
    if shot is None:
        return False
    if s.target is not None and (s.target_m is None or not shot.start() < s.target_m.start <= shot.end() + 1):
        return False  # (a named target is read by the rules after)
    sides = within(analysis, analysis.actors, cand.segment)
    # "تعرضت دورية للشرطة العراقية لإطلاق نار": an armed side named right before the fire
    # (a word at most between) came under it; one named further back may be a source
    # ("قال مصدر في الشرطة العراقية إن مدرسا قتل برصاص مجهولين")
    if any(m.end <= shot.start() and len(analysis.ntext.norm[m.end:shot.start()].split()) <= _UNDER_FIRE_GAP
           and m.actor.kind != "civilians" and m is not s.agent_m for m in sides):
        return False
    if s.target is not None:
        s.agent, s.agent_m, s.target, s.target_m = s.target, s.target_m, None, None
    # "أطلق مسلحون مجهولون النار": the side between the verb and its fire fired it
    shooter = next((a for a in sides if shot.start() < a.start and a.end < shot.end() and a.actor.kind != "civilians"), None)
    if shooter is not None:
        s.agent, s.agent_m = shooter.actor, shooter
    elif s.agent is not None and s.agent.kind != "civilians" and (s.agent_m is None or s.agent_m.start < shot.start()):
        return False  # the side of the dead, named before the fire ("برصاص X" names the shooter after it)
    s.target = CIVILIANS
    return True


def gunfire_in(analysis: Analysis, clause: Segment) -> re.Match[str] | None:
    """The first gunfire ``clause`` tells that is not fire that stops, is traded or goes
    in the air ("وقف إطلاق النار", "تبادلوا إطلاق النار", "أطلقوا النار في الهواء"): such a
    word up to 12 characters before or after it, read as whole words."""
    words, norm = assembly_words(), analysis.ntext.norm
    for shot in words.gunfire.finditer(norm, clause.start, clause.end):
        near = words.gunfire_not_at_people.search(norm, max(clause.start, shot.start() - 12), clause.end)
        if near is None or near.start() >= shot.end() + 12:
            return shot
    return None


def protesters_shot_is_excessive_force(s: Sides, c: SideScope) -> bool:
    """"وقتل أحد المحتجين، الجمعة، برصاص ميليشيات عصائب أهل الحق", "لقي أحد المتظاهرين مصرعه
    بعد إصابته برصاص الشرطة": protesters killed, in a clause that tells live fire, are
    lethal force against the protest (ACLED's "Excessive force against protesters"), by the
    force the clause names; not a riot, and not a peaceful protest. A killing the protest is
    against ("اعتصاما احتجاجا على قتل العقيد") is not one, nor fire with no protester
    killed, nor a clash the protesters fought ("اشتباكات بين المتظاهرين والقوات الأمنية")."""
    analysis, clause, words = c.analysis, c.cand.segment, assembly_words()
    tokens, norm = analysis.tokens, analysis.ntext.norm
    # ("متظاهرا قتل برصاص حراس مقر منظمة بدر": a killing of protesters, read as a clash with them)
    killing = s.sub == "Armed clash" and norm[c.cand.trigger.start:c.cand.trigger.end] in words.death_words \
        and any(a is not None and a.kind == "protesters" for a in (s.agent, s.target))
    if s.sub not in ("Peaceful protest", "Protest with intervention") and not killing:
        return False

    def death(k: int) -> bool:
        return death_word(tokens[k].text) \
            and not words.grievance.search(norm, max(clause.start, tokens[k].start - 40), tokens[k].start)

    first, last = bisect_left(analysis.token_starts, clause.start), bisect_left(analysis.token_starts, clause.end)
    killed = any(death(k) for m in within(analysis, analysis.actors, clause) if m.actor.kind == "protesters"
                 for k in [*range(max(first, m.token_start - 3), m.token_start), *range(m.token_end, min(last, m.token_end + 4))])
    if not killed or gunfire_in(analysis, clause) is None:
        return False
    s.sub = "Excessive force against protesters"
    return True


def air_force_of_the_sentence(s: Sides, c: SideScope) -> bool:
    """An air strike whose agent has no aircraft: the air force named in the sentence
    struck, and the agent (unless civilians) was what it hit."""
    if not (s.sub == "Air/drone strike" and s.agent and not s.agent.air):
        return False
    air_actor = next((a for a in within(c.analysis, c.analysis.actors, c.cand.sentence) if a.actor.air), None)
    if air_actor is None:
        return False
    if s.target is None and s.agent.kind != "civilians":
        s.target = s.agent
    s.agent, s.agent_m = air_actor.actor, air_actor
    return True


def government_regains_territory(s: Sides, c: SideScope) -> bool:
    """A capture by the government's forces (inter 1) is "Government regains territory"."""
    if c.cand.trigger.sense.territory and s.agent and s.agent.inter == 1:
        s.sub = "Government regains territory"
        return True
    return False


@dataclass(frozen=True)
class _Holding:
    holder: str
    start: dt.date | None
    end: dt.date | None


@lru_cache(maxsize=1)
def _base_holders() -> dict[str, tuple[_Holding, ...]]:
    return {base: tuple(_Holding(h["holder"], h.get("from"), h.get("until")) for h in holdings)
            for base, holdings in load_yaml("base_holders.yaml")["bases"].items()}


def holder_of(base_id: str | None, day: dt.date | None) -> str | None:
    """The force that held the base on ``day`` (data/base_holders.yaml), if known."""
    for h in _base_holders().get(base_id or "", ()):
        if (h.start is None or day is None or h.start <= day) and (h.end is None or day is None or day <= h.end):
            return h.holder
    return None


def the_holder_of_a_struck_base(s: Sides, c: SideScope) -> bool:
    """"غارة على مطار التيفور", "هجوم بطائرات مسيرة على قاعدة حميميم": an attack on a
    military base that names no target hit the force holding the base (unless the
    attacker is that force or its ally). After the author rules: the holder, named by no
    one, is no side the article names for them to weigh. The holder is the one of the
    publication day (the event's own day is not settled yet) and comes from the packaged
    actor dictionary."""
    if s.target is not None or s.event_type not in ("Explosions/Remote violence", "Battles") or len(c.picks) != 1:
        return False
    place = c.picks[0].place
    holder = holder_of(place.id if place else None, c.analysis.doc.published)
    if holder is None or (s.agent is not None and (s.agent.name == holder
                                                   or holder in allies_of(s.agent.name, c.analysis.doc.published))):
        return False
    actor = load_pack().by_name.get(holder)
    if actor is None:
        return False
    s.target = actor
    return True


def a_foreign_strike_on_a_military_site_hit_the_army(s: Sides, c: SideScope) -> bool:
    """"هجوم صاروخي إسرائيلي جديد على قاعدة عسكرية قرب دمشق", "ضربات على مطار الضبعة
    العسكري": a strike by a state at war with the Syrian government
    (``at_war_with_the_syrian_army``, data/assembly.yaml) on a military site in Syria that
    names no target hit the Syrian army, whose sites they are (event-schema.md §3.1,
    target). Not a site a nationality after it gives another owner ("مواقع إيرانية"), nor,
    for the coalition's states, in an article on a jihadist group (their strikes there hit
    it: ``coalition_strikes_hit_the_jihadists``)."""
    if s.target is not None or not s.remote or s.agent is None or len(c.picks) != 1:
        return False
    words, analysis = assembly_words(), c.analysis
    place = c.picks[0].place
    if place is None or place.country != "SY" or s.agent.name not in words.at_war_with_the_syrian_army:
        return False
    if s.agent.name != "Israeli Forces" and any(a.name in JIHADIST for a in c.article.salience.ranked()):
        return False
    site = words.military_site.search(analysis.ntext.norm, c.cand.trigger.start, c.cand.segment.end)
    if site is None:
        return False
    # "مواقع عسكرية إيرانية،": a nationality among the two words after the site names whose
    # it is ("سورية": the army's)
    army = "Syrian Government Forces"
    after = analysis.tokens_between(site.end(), c.cand.segment.end)[:2]
    if any(words.nationality_actors.get(strip_article(v), army) != army
           for t in after for v, _ in clitic_variants(t.text)):
        return False
    s.target = load_pack().by_name.get(army)
    return s.target is not None


def actor2_civilians_as_victims(s: Sides, c: SideScope) -> bool:
    """Violence against civilians, a strike that killed civilians and a chemical attack
    (unless on a state force) have Civilians as actor2."""
    chemical = s.sub == "Chemical weapon"
    if not (s.sub in ("Attack", "Abduction/forced disappearance") or (s.remote and s.victims == "civilians")
            or (chemical and (s.target is None or s.target.kind not in ("state",)))):
        return False
    if (s.target is None or s.victims == "civilians" or chemical) and (s.target is None or s.target.kind != "civilians"):
        s.target = CIVILIANS
        return True
    return False


def air_force_from_document(s: Sides, c: SideScope) -> bool:
    """An air strike with no air force in its clause: the one named in this or the
    previous sentence, else the author of the article's last air strike, else the one
    air force the article names (a day's strikes broken down by place under a lede that
    names the coalition once). A side without aircraft named in the clause is what the
    strike hit. No air force strikes a side the clause says the strike hit ("غارات
    استهدفت مواقع النظام السوري")."""
    if not (s.sub == "Air/drone strike" and (s.agent is None or not s.agent.air)):
        return False
    hit = sides_hit(c.analysis, c.cand)
    air = air_force_nearby(c.analysis, c.cand, hit)
    earlier_strike = c.article.last_of_type.get("Explosions/Remote violence")
    if air is None and earlier_strike is not None and earlier_strike.event.sub_event_type == s.sub:
        air = c.article.salience.actor_by_name.get(earlier_strike.event.actor1)
    if air is None:
        air = _the_air_force(c)
    if air is not None and air.name in hit:
        air = None
    if s.agent is not None and s.target is None and s.agent.kind not in ("civilians",) \
            and (air is None or s.agent.name != air.name):
        s.target = s.agent
    s.agent, s.agent_m = air, None
    return air is not None


def chemical_attack_by_most_named_state_force(s: Sides, c: SideScope) -> bool:
    """A chemical attack with no author: the state force of Syria or Iraq the article
    names most. A foreign state named with a chemical attack ("دانت الولايات المتحدة
    هجوما بأسلحة كيميائية", "الضربات الأمريكية ردا على الهجوم الكيماوي") answers it,
    condemns it or denies it: it is not its author."""
    if s.sub != "Chemical weapon":
        return False
    foreign = s.agent is not None and s.agent.kind == "state" and s.agent.country not in COVERED
    if foreign:
        s.agent, s.agent_m = None, None
    if s.agent is None:
        s.agent = next((a for a in c.article.salience.ranked()
                        if a.kind == "state" and a.country in COVERED), None)
    return foreign or s.agent is not None


def actor1_from_document_salience(s: Sides, c: SideScope) -> bool:
    """A clash, capture or strike with a target but no author: the side the article
    names most (for an air strike, only if it has aircraft)."""
    if s.agent is None and s.target is not None and s.sub in (
            "Armed clash", "Non-state actor overtakes territory", "Air/drone strike",
            "Shelling/artillery/missile attack"):
        fallback = c.article.salience.most_salient({s.target.name})
        if fallback and (s.sub != "Air/drone strike" or fallback.air):
            s.agent = fallback
            if s.sub == "Armed clash" and c.cand.sub_event_type == "Attack" and fallback.name in AIR_FIRST \
                    and gunfire_in(c.analysis, c.cand.segment) is None:
                # a killing with no mode word (``killing_mode``) by a force that fights these
                # wars from the air: "استهدفت قاعدة تي فور ... قتل فيها 14 عنصرا" in an
                # article on Israel's strikes is an air strike, as when the clause names it
                # (not when the clause says it was gunfire: "برصاص قناصة")
                s.sub = "Air/drone strike"
            return True
    return False


#: How many sentences back a strike a later act refers back to may be told (an
#: unattributed shelling takes its author, a killing in a targeting and "the attacks" its
#: kind): the same passage.
_PASSAGE = 1


def _strikes_of_the_passage(c: SideScope) -> Iterator[Event]:
    """The air strikes and shellings the article emitted in this sentence or the one
    before, the latest first."""
    here = sentence_index(c.analysis, c.cand.sentence.start)
    return (e.event for e in reversed(c.article.events)
            if e.event.sub_event_type in BOMBARDMENT_TYPES and here - e.sentence <= _PASSAGE)


def shelling_by_the_author_of_the_last_strike(s: Sides, c: SideScope) -> bool:
    """"وقصفت قوات النظام بلدة كفرنبل ... كما طال القصف بلدة معرة حرمة": shelling whose
    author the clause does not name is the one of the air strike or shelling the article
    told last with a named author: the passage implies it. (Not of a chemical attack: the
    missiles that answer one are another side's.) A bare "قصف" or "الضربات" so given to an
    air force after its air strike is one more air strike ("وجرت الضربات الأخرى قرب كركوك"
    after the coalition's "غارات")."""
    if s.sub != "Shelling/artillery/missile attack" or s.agent is not None:
        return False
    norm, trigger = c.analysis.ntext.norm, c.cand.trigger
    before = max(c.cand.sentence.start, trigger.start - 30)
    if assembly_words().response.search(norm, before, trigger.start) \
            or assembly_words().after_word.search(norm, before, trigger.start):
        return False  # "ردا على إطلاق صواريخ", "بعد سقوط قذائف على الجولان": the other side's act
    last = next((e for e in _strikes_of_the_passage(c) if e.actor1 not in UNCLAIMED), None)
    author = c.article.salience.actor_by_name.get(last.actor1) if last is not None else None
    if last is None or author is None or (s.target is not None and author.name == s.target.name):
        return False
    if last.sub_event_type == "Air/drone strike" and _a_bare_strike(s, c) and author.name in AIR_FIRST:
        s.sub = "Air/drone strike"  # one more of the air force's strikes, as generic_shelling_by_air_force reads it
    s.agent = author
    return True


def intercepted_missiles_are_a_states(s: Sides, c: SideScope) -> bool:
    """"تعرض مطار الضبعة العسكري لقصف صاروخي تصدى له الدفاع الجوي", "صواريخ معادية":
    missiles that air defences met, or that the clause calls hostile, with no author
    named, are a state's strike whose author is not known: Unidentified Military Forces
    (event-schema.md §4). The side whose defences met them is what they struck, never
    their author ("الدفاعات الجوية السورية أسقطت صواريخ")."""
    if s.sub != "Shelling/artillery/missile attack":
        return False
    analysis, clause = c.analysis, c.cand.segment
    if not assembly_words().met_or_hostile.search(analysis.ntext.norm, clause.start, clause.end):
        return False
    if s.agent_m is not None and assembly_words().met_or_hostile.search(analysis.ntext.norm, s.agent_m.start, s.agent_m.end):
        if s.target is None:
            s.target, s.target_m = s.agent, s.agent_m
        s.agent, s.agent_m = None, None
    if s.agent is not None:
        return False
    s.agent = load_pack().by_name["Unidentified Military Forces"]
    return True


def missile_strike_is_a_states(s: Sides, c: SideScope) -> bool:
    """"استهدفت ضربات صاروخية ليل الاثنين مطار الشعيرات", "استهداف صاروخي تعرض له مقر اللواء
    47": a missile strike (``missile_strikes``; not rocket fire, "قصف صاروخي", nor a
    militia's rockets, ``militia_rockets``) with no author named is a state's whose author
    is not known, as an air strike with none is (event-schema.md §3.1 "Who acted")."""
    if s.sub != "Shelling/artillery/missile attack" or s.agent is not None:
        return False
    trigger, words, analysis = c.cand.trigger, assembly_words(), c.analysis
    if " ".join(analysis.ntext.norm[trigger.start:trigger.end].split()) not in words.missile_strikes:
        return False
    if any(reads_as(t.text, words.militia_rockets) for t in analysis.tokens_between(c.cand.segment.start, c.cand.segment.end)):
        return False  # "استهداف صاروخي بصواريخ كاتيوشا": a militia's rockets
    s.agent = load_pack().by_name["Unidentified Military Forces"]
    return True


def militants_are_the_jihadist_group(s: Sides, c: SideScope) -> bool:
    """"مقتل 58 متشددا": the militants are the article's most named jihadist group."""
    if s.target is None and militant_victims(c.analysis, c.cand):
        s.target = next((a for a in c.article.salience.ranked()
                         if a.name in JIHADIST and (s.agent is None or a.name != s.agent.name)), None)
        return s.target is not None
    return False


def coalition_strikes_hit_the_jihadists(s: Sides, c: SideScope) -> bool:
    """The international coalition was formed against the Islamic State and struck the
    jihadist groups (Nusra as well): a coalition strike with no target named and no
    civilians hit struck the jihadist group the article names most ("قصفت وحدات تكتيكية
    تابعة للتنظيم", "أصابت الغارات أهدافا عدة قرب تسع مدن")."""
    if not (s.remote and s.target is None and s.agent is not None and s.agent.name == "International Coalition"
            and s.victims != "civilians"):
        return False
    s.target = next((a for a in c.article.salience.ranked() if a.name in JIHADIST), None)
    return s.target is not None


@dataclass(frozen=True)
class _Alliance:
    sides: frozenset[str]
    start: dt.date | None
    end: dt.date | None


@lru_cache(maxsize=1)
def _alliances() -> tuple[_Alliance, ...]:
    return tuple(_Alliance(frozenset(a["sides"]), a.get("from"), a.get("until"))
                 for a in load_yaml("alliances.yaml")["alliances"])


@lru_cache(maxsize=4096)
def allies_of(name: str, day: dt.date | None) -> frozenset[str]:
    """The sides that fought beside ``name`` on ``day`` (data/alliances.yaml); cached,
    as every battle of an article asks it once or twice for the same day."""
    return frozenset(side for a in _alliances() if name in a.sides
                     and (day is None or ((a.start is None or a.start <= day) and (a.end is None or day <= a.end)))
                     for side in a.sides if side != name)


_ACTS_OF_WAR = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CAPTURES = frozenset({"Non-state actor overtakes territory", "Government regains territory"})

#: What joins two allies named as one author: "القوات التركية وحلفاؤها من الجيش الحر",
#: "القوات التركية مع فصائل سورية موالية لها", "تركيا وفصائل سورية موالية".
_ALLIES_JOINED = re.compile(r"^\s*(?:و|مع\s|ومع\s)")


def the_state_leads_its_allies(s: Sides, c: SideScope) -> bool:
    """"وبدأت القوات التركية مع فصائل سورية موالية لها هجوما", "القوات التركية وحلفاؤها من
    الجيش السوري الحر سيطرت": a state force and the groups fighting beside it, named
    together as the authors, are coded with the state as actor1 and the groups beside it
    (ACLED's practice for joint operations, event-schema.md §3.2 "Joint strikes"): the
    country's own government first, then a foreign state."""
    if s.agent is None or s.agent_m is None or not (s.event_type in _ACTS_OF_WAR or s.sub in _CAPTURES):
        return False  # (the side that leaves under a deal, or signs one, is named as it is)
    allies = allies_of(s.agent.name, c.analysis.doc.published)
    if not allies:
        return False
    country = _country_of_the_place(c)

    def rank(actor: Actor) -> int:
        return 0 if actor.inter == 1 and actor.country == country else 1 if actor.kind == "state" else 2

    norm, agent_m = c.analysis.ntext.norm, s.agent_m
    joint = [m for m in within(c.analysis, c.analysis.actors, c.cand.segment)
             if m.actor.name in allies and (s.target is None or m.actor.name != s.target.name)
             and abs(m.token_start - agent_m.token_start) <= 6
             and _ALLIES_JOINED.match(norm[min(m.end, agent_m.end):max(m.start, agent_m.start)])]
    best = min(joint, key=lambda m: rank(m.actor), default=None)
    if best is None or rank(best.actor) >= rank(s.agent):
        return False
    s.agent, s.agent_m = replace(best.actor, assoc=(s.agent.name,)), best
    return True


def allies_are_one_side(s: Sides, c: SideScope) -> bool:
    """"حاولت قوات النظام ومقاتلون من حزب الله التقدم في داريا", "اشتباكات ... في محاولة
    للقوات التركية والفصائل الموالية لها لاقتحام المدينة": two allies named together are
    one side of the battle; the other side is the enemy the article names most."""
    if s.agent is None or s.target is None or s.event_type != "Battles":
        return False
    allies = allies_of(s.agent.name, c.analysis.doc.published)
    if s.target.name not in allies:
        return False
    s.target, s.target_m = c.article.salience.most_salient({s.agent.name} | allies), None
    return True


#: How many words before a noun of fighting, or after it, its verb of going on may stand:
#: "فيما تدور معارك عنيفة", "اشتباكات عنيفة تجري قرب حرستا".
_GOING_ON_WITHIN = 2


def fighting_between_the_articles_sides(s: Sides, c: SideScope) -> bool:
    """"تدور اشتباكات عنيفة قرب حرستا", "واحتدمت معارك عنيفة في محيط الغوطة الشرقية":
    fighting told going on, with no side, is fought by the side the article names most (the
    second side is then the one it names most after it and its allies,
    actor2_from_document_salience). Only a noun of fighting with its verb of going on:
    "مباحثات حول الهجوم" is an attack spoken of, "استبعاد إيران من معارك درعا" a war, and
    "بعد معارك استمرت أسابيع" fighting that is over. The side fights on the ground where the
    fighting is: not the state forces of the other covered country, nor a side the article
    names only by its aircraft ("الطيران الروسي")."""
    if not (s.sub == "Armed clash" and s.agent is None and s.target is None):
        return False
    words, tokens, trigger = assembly_words(), c.analysis.tokens, c.cand.trigger
    if not reads_as(tokens[trigger.token_start].text, words.clash_nouns):
        return False
    near = [t for t in tokens[max(0, trigger.token_start - _GOING_ON_WITHIN):trigger.token_end + _GOING_ON_WITHIN]
            if c.cand.segment.start <= t.start < c.cand.segment.end]
    if not any(reads_as(t.text, words.battle_going_on) for t in near):
        return False
    if trigger.token_start > 0 and words.after_word.fullmatch(tokens[trigger.token_start - 1].text):
        return False
    country = _country_of_the_place(c)
    s.agent = next((a for a in c.article.salience.ranked() if a.kind != "unidentified"
                    and not (a.kind == "state" and country is not None and a.country in COVERED and a.country != country)
                    and not _named_only_by_its_aircraft(c.analysis, a)), None)
    return s.agent is not None


def _named_only_by_its_aircraft(analysis: Analysis, actor: Actor) -> bool:
    """Every mention of the side in the article is written as aircraft ("الطيران الروسي",
    "طائرات التحالف")."""
    return all(_an_aircraft_mention(analysis, m) for m in analysis.actors if m.actor.name == actor.name)


def actor2_from_document_salience(s: Sides, c: SideScope) -> bool:
    """A battle (or a strike that killed fighters) with no second side: the side the
    article names most after the agent and its allies."""
    if s.target is None and s.agent is not None and (s.sub in (
            "Armed clash", "Non-state actor overtakes territory", "Government regains territory")
            or (s.remote and s.victims == "fighters")):
        fallback = c.article.salience.most_salient({s.agent.name} | allies_of(s.agent.name, c.analysis.doc.published))
        if fallback:
            s.target = fallback
            return True
    return False


def repelling_side_is_the_defender(s: Sides, c: SideScope) -> bool:
    """"أحبطت فصائل المعارضة محاولة تقدم نفذتها القوات النظامية", "خلال تصدي فصائل المعارضة
    لمحاولة تقدم": a clash told by a word of repelling, its subject right after it (or after
    a word for a band of its fighters: "وتصدت كتائب الجيش الحر"), was fought off by that
    subject; the attacker is the initiator (actor1, event-schema.md §1) and the defender
    actor2."""
    trigger, defender, words, tokens = c.cand.trigger, s.agent_m, assembly_words(), c.analysis.tokens
    if s.sub != "Armed clash" or defender is None or not reads_as(tokens[trigger.token_start].text, words.repelling):
        return False
    # (a band with a preposition glued to it is what was repelled: "وتصدت لعناصر داعش")
    if defender.token_start != trigger.token_end and not (
            defender.token_start == trigger.token_end + 1
            and reads_as_with_and(tokens[trigger.token_end].text, words.partitive_bands)):
        return False
    # the attacker the clause names after an attack word that follows the defender ("لهجوم
    # شنه مسلحو الهيئة"), else the second side read before, unless that is an ally joined to
    # the defender by و ("فصائل المعارضة وهيئة تحرير الشام")
    named = next((m for m in within(c.analysis, c.analysis.actors, c.cand.segment)
                  if m.start >= defender.end and m.actor.name != defender.actor.name
                  and any(reads_as(t.text, words.attack_before_the_attacker)
                          for t in tokens[defender.token_end:m.token_start])), None)
    joined = s.target_m is not None and s.target_m.token_start == defender.token_end \
        and tokens[s.target_m.token_start].text.startswith("و")
    if named is not None:
        s.agent, s.agent_m = named.actor, named
    elif s.target_m is not None and not joined:
        s.agent, s.agent_m = s.target, s.target_m
    else:
        return False
    s.target, s.target_m = defender.actor, defender
    return True


def _named_near_trigger(c: SideScope) -> set[str | None]:
    """"civilians" / "fighters" for the people words within four words of the trigger."""
    words = number_words()
    near = c.analysis.tokens[max(0, c.cand.trigger.token_start - 4):c.cand.trigger.token_end + 4]
    return {"civilians" if reads_as(t.text, words.civilian, without_article=True) else
            "fighters" if reads_as(t.text, words.fighter, without_article=True) else None for t in near}


def civilians_leaving_are_displaced(s: Sides, c: SideScope) -> bool:
    """"غادر أكثر من 7 آلاف شخص الغوطة الشرقية": people leaving a place, with no fighter
    among those counted, are displaced civilians, not a side handing over territory."""
    if s.sub != "Non-violent transfer of territory":
        return False
    trigger = c.cand.trigger
    if s.agent_m is not None and 0 <= s.agent_m.token_start - trigger.token_end <= 3:
        return False  # "انسحبت قوات النظام من مورك بعد نزوح 3 آلاف مدني": a side left
    counted = {n.victims for n in within(c.analysis, c.analysis.counts, c.cand.segment)}
    kinds = (counted | _named_near_trigger(c)) - {None}
    if "civilians" in kinds and "fighters" not in kinds:
        raise Dropped("civilians_displaced")
    return False


def leaving_side_is_actor2(s: Sides, c: SideScope) -> bool:
    """"سمح لمسلحي داعش بمغادرة اليرموك": in a transfer of territory the side that
    leaves is actor2, the other (or the article's most named) actor1; when a group leaves
    and that other is a group its sentence does not name, the place's government. Fighters who
    leave unnamed ("غادرت آخر مجموعة من المقاتلين", "خروج آخر المقاتلين والمدنيين": the
    civilians go with them) are the armed group the article names most, or an unidentified
    one, handing over to the government of the place's country (else the article's most
    named state force)."""
    if s.sub == "Non-violent transfer of territory" and s.agent is None \
            and (s.target is None or s.target.kind == "civilians"):  # "خروج مقاتلين ومدنيين": they go with them
        if "fighters" not in _named_near_trigger(c):
            return False
        ranked = c.article.salience.ranked()
        s.target = next((a for a in ranked if a.kind == "group"), None) or load_pack().by_name["Unidentified Armed Group"]
        s.target_m = None
        s.agent = _government_of_the_place(c) or next((a for a in ranked if a.kind == "state"), None)
        return True
    if s.sub == "Non-violent transfer of territory" and s.agent is not None:
        leaving = s.agent
        # (civilians named beside the fighters leave with them: they take no ground over)
        s.agent = s.target if s.target is not None and s.target.name != leaving.name and s.target.kind != "civilians" \
            else c.article.salience.most_salient({leaving.name, CIVILIANS.name})
        if s.agent is not None and s.agent is not s.target and s.agent.kind == "group" and leaving.kind == "group" \
                and not any(m.actor.name == s.agent.name for m in within(c.analysis, c.analysis.actors, c.cand.sentence)):
            # "بدأ مسلحو أحرار الشام الخروج من حرستا بموجب اتفاق إجلاء": a group that leaves hands
            # the ground to the place's state, not to another group the article names elsewhere
            # (a group its sentence names still takes it: "تسليم النقاط لكتائب الثوار", "فصائل
            # المعارضة تسلمت بلدة تل رفعت بعد انسحاب مسلحي داعش")
            s.agent = _government_of_the_place(c) or s.agent
        if s.agent is None and leaving.kind != "state":  # the ground goes back to the place's state
            s.agent = _government_of_the_place(c)
        if s.agent is None:  # "انسحبت قوات النظام من بلدة مورك": no taker named, the leaving side is the one told
            s.agent, s.target, s.target_m = leaving, None, None
            return True
        s.target = leaving
        return True
    return False


def territory_handed_over_under_a_deal(s: Sides, c: SideScope) -> bool:
    """"دخلت القوات الحكومية بلدة الضمير بعد انتهاء عملية إخراج مقاتلي جيش الإسلام": ground
    taken as the other side leaves, or under a deal, is a non-violent transfer; the side
    that takes it stays actor1."""
    if s.sub not in ("Government regains territory", "Non-state actor overtakes territory"):
        return False
    sentence = c.cand.sentence
    if not assembly_words().handover_context.search(c.analysis.ntext.norm, sentence.start, sentence.end):
        return False
    s.sub = "Non-violent transfer of territory"
    return True


def actor2_civilians_in_a_town(s: Sides, c: SideScope) -> bool:
    """A strike with no side named and no military target that killed or injured people
    not said to be fighters hit civilians; one on a town with no victims has no actor2
    (event-schema.md §3.2 "Target": "a strike on rebel-held areas with no victims has no
    actor2"). Civilian places make the victims civilians (``_victims``)."""
    if s.remote and s.target is None and s.victims != "fighters" and s.people_hit \
            and not military_target(c.analysis, c.cand):
        s.target = CIVILIANS
        return True
    return False


def no_civilian_side_in_battles(s: Sides, c: SideScope) -> bool:
    """Civilians are not a side of a battle. A clash whose only other side is the
    civilians who died in it ("289 مدنيا على الأقل قتلوا في معركة عفرين") reports their
    deaths, not a clash of two armed sides: dropped, as a clash without a second side is.
    A capture's other side is the article's most named one."""
    if s.event_type == "Battles" and s.target is not None and s.target.kind == "civilians":
        if s.sub == "Armed clash":
            raise Dropped("clash_with_only_civilians")
        s.target = c.article.salience.most_salient({s.agent.name} if s.agent else set())
        return True
    return False


#: Strategic developments that are done between sides, never to civilians: a campaign, an
#: agreement, a handover of ground, a weapon stopped, a base set up.
_BETWEEN_SIDES = frozenset({"Change to group/activity", "Agreement", "Non-violent transfer of territory",
                            "Disrupted weapons use", "Headquarters or base established"})


def no_civilian_side_between_sides(s: Sides, c: SideScope) -> bool:
    """A campaign is launched against a side, not against civilians: "منذ بدء قوات النظام
    تصعيدها على الغوطة الشرقية في 18 فبراير" has no actor2, though the civilians it killed
    are counted in the sentence (they are the victims of its acts, each coded on its own).
    So with the other developments done between sides (``_BETWEEN_SIDES``): an agreement,
    a handover, a stopped weapon, a base."""
    if s.sub in _BETWEEN_SIDES and s.target is not None and s.target.kind == "civilians":
        s.target, s.target_m = None, None
        return True
    return False


def clash_of_protesters_is_a_riot(s: Sides, c: SideScope) -> bool:
    """"اشتبك مئات المحتجين مع قوات الأمن": protesters who fight are rioters, and their
    clash with a force is a violent demonstration (ACLED: demonstrators engaging in
    violence), not an armed clash."""
    if s.sub == "Armed clash" and any(a is not None and a.kind == "protesters" for a in (s.agent, s.target)):
        s.sub = "Violent demonstration"
        s.agent, s.target = RIOTERS, next((a for a in (s.agent, s.target) if a is not None and a.kind != "protesters"), None)
        return True
    return False


def deadly_protest_is_a_riot(s: Sides, c: SideScope) -> bool:
    """"قتل محتج وأصيب ستة في اشتباكات مع قوات الأمن", "أدت احتجاجات الجمعة إلى مقتل 3
    أشخاص": a protest in which people were killed was not peaceful; ACLED codes it a
    violent demonstration, with the force the clause names as the other side."""
    if s.sub == "Peaceful protest" and _killed_near(s, c):
        s.sub = "Violent demonstration"
        return True
    return False


def demonstration_sides(s: Sides, c: SideScope) -> bool:
    """ACLED's sides for demonstrations: protesters or rioters act; the force that
    intervenes is actor2, and the one that fires on protesters is actor1."""
    if s.event_type not in ("Protests", "Riots"):
        return False
    forces = [a.actor for a in within(c.analysis, c.analysis.actors, c.cand.segment)
              if a.actor.kind in ("state", "militia", "group") and not is_country_name(c.analysis, a)]
    force = forces[0] if forces else None
    if force is None and s.target is not None and s.target.kind in ("state", "militia", "group"):
        force = s.target  # the side a rule before found ("اشتبك محتجون مع قوات الأمن")
    s.agent, s.target = {
        "Peaceful protest": (PROTESTERS, None),
        "Protest with intervention": (PROTESTERS, force),
        "Excessive force against protesters": (force, PROTESTERS),
        "Violent demonstration": (RIOTERS, force),
    }.get(s.sub, (RIOTERS, CIVILIANS))  # mob violence
    return True


#: How many words before its campaign noun the verb that launches it may stand (as
#: ``rasd.events.when`` reads a campaign's start), and after it the verb it is the object of.
_LAUNCHED_WITHIN, _LAUNCHED_AFTER_WITHIN = 12, 6


def campaign_launched_by_its_subject(s: Sides, c: SideScope) -> bool:
    """"وبدأت القوات التركية مع فصائل سورية موالية لها منذ 20 كانون الثاني هجوما", "أطلق الجيش
    السوري، بمساعدة من حليفته روسيا، عملية عسكرية", "حملة عسكرية بدأتها قوات النظام": the
    start of a campaign is by the side named first after the verb that launches it (a
    bare country name too: "بدأت تركيا في 20 يناير هجوما"), not by the side it is against."""
    if s.sub != "Change to group/activity":
        return False
    words, tokens, trigger, seg = assembly_words(), c.analysis.tokens, c.cand.trigger, c.cand.segment
    verb = last_word_before(c.analysis, seg, trigger.token_start, words.beginning_words | words.launch_or_fighting_verbs,
                            _LAUNCHED_WITHIN)
    if verb is None:
        last = min(trigger.token_end + _LAUNCHED_AFTER_WITHIN, len(tokens))
        verb = next((i for i in range(trigger.token_end, last)
                     if tokens[i].end <= seg.end and reads_as(tokens[i].text, words.begun_after)), None)
    # the subject stands right after the verb ("بدأتها في 19 يونيو" leaves it unsaid)
    subject = next((a for a in c.analysis.actors if verb is not None and a.token_start == verb + 1
                    and a.actor.kind in ("state", "militia", "group")), None)
    if subject is None and verb is not None and s.agent is None:
        return _launched_by_the_bare_state(s, c, verb)
    if subject is None or (s.agent is not None and s.agent.name == subject.actor.name):
        return False
    if s.agent_m is not None and s.agent_m.start == subject.start:
        return False  # the subject is the agent already, read by an earlier rule ("قوات موالية للحكومة" in Iraq)
    if s.target is not None and s.target.name == subject.actor.name:
        s.target, s.target_m = s.agent, s.agent_m
    s.agent, s.agent_m = subject.actor, subject
    return True


def _launched_by_the_bare_state(s: Sides, c: SideScope, verb: int) -> bool:
    """"وبدأت الحكومة هجومها على الغوطة الشرقية", "هجوم واسع بدأه الجيش في 19 نيسان": a
    campaign whose subject is the bare state (الحكومة, النظام, الجيش, not itself an actor: the
    words also name governments in prose) is waged by the government of its country, or by
    the state a nationality after it names ("الحكومة التركية")."""
    tokens, words = c.analysis.tokens, assembly_words()
    if verb + 1 >= len(tokens) or not reads_as(tokens[verb + 1].text, words.bare_state_subjects):
        return False
    # "أطلقت الحكومة التركية عملية": a nationality after it names the state
    after = tokens[verb + 2] if verb + 2 < len(tokens) and tokens[verb + 2].start < c.cand.segment.end else None
    nationality = words.nationality_actors.get(strip_article(after.text)) if after is not None else None
    state = load_pack().by_name.get(nationality) if nationality else _government_of_the_place(c)
    if state is None or (s.target is not None and s.target.name == state.name):
        return False
    s.agent = state
    return True


def operation_that_killed_is_a_clash(s: Sides, c: SideScope) -> bool:
    """"لقي 22 مسلحاً من داعش مصرعهم في عملية أمنية نفذتها قوات عراقية", "شنت عملية عسكرية
    على قرى ... تمكنت خلالها من قتل 11 مسلحا": an operation whose clause counts people
    killed near it, or after it as its result (a word of outcome between), not
    civilians only, was fought, a battle, not only news of a campaign; the start of a
    campaign ("أطلقت القوات عملية عسكرية في 20 يناير") stays one, and so does an operation
    beside a killing of another day ("المنطقة التي شهدت مقتل 6 جنود الشهر الماضي")."""
    if s.sub != "Change to group/activity" or s.victims == "civilians" \
            or c.cand.trigger.sense.sub_event_type != "Change to group/activity" or begins_a_campaign(c.analysis, c.cand):
        return False
    if not (_killed_near(s, c) or any(_its_outcome(c, at) for at in s.killed_at)):
        return False
    s.sub = "Armed clash"
    return True


def _killed_near(s: Sides, c: SideScope) -> bool:
    """Some of the clause's killed are counted near the trigger: its own event's."""
    return any(abs(at - c.cand.trigger.start) <= _NEAR_TRIGGER for at in s.killed_at)


def _its_outcome(c: SideScope, at: int) -> bool:
    """The count at ``at`` comes after the trigger as what it led to: a word of outcome
    ("خلالها", "أسفرت", "تمكنت") between them."""
    trigger = c.cand.trigger
    return at > trigger.end and bool(assembly_words().operation_outcome.search(c.analysis.ntext.norm, trigger.end, at))


def hedged_author_is_unidentified(s: Sides, c: SideScope) -> bool:
    """"قتل 16 طفلا في غارة جوية يرجح أنها روسية", "شنت طائرات يعتقد أنها إسرائيلية غارات":
    a hedge right after the act says its author is not known (event-schema.md §3.2); an
    author the rules above took from the rest of the article (the one air force, the
    side named most) gives way to the unidentified actor, and so does the nationality
    adjective a hedge follows ("جراء غارة روسية على الأرجح"). Any other author the clause
    names stays."""
    if s.agent is None:
        return False
    words, norm, trigger = assembly_words(), c.analysis.ntext.norm, c.cand.trigger
    if s.agent_m is None:
        hedged = bool(words.hedged_after.match(norm, trigger.end, c.cand.segment.end))
    else:  # "جراء غارة روسية على الأرجح": the hedge right after the adjective that names it
        hedged = s.agent_m.start < trigger.end and bool(words.hedge.match(norm, s.agent_m.end, c.cand.segment.end))
    if not hedged:
        return False
    s.agent, s.agent_m = None, None
    return True


_RECONCILED_WITHIN = 3  # words after the agreement's: "اتفاق" "المصالحة", "اتفاقات" "مصالحة"


def reconciliation_is_the_governments_deal(s: Sides, c: SideScope) -> bool:
    """"تم التوصل إلى خمسة اتفاقات مصالحة جديدة في بلدات المسيفرة وكحيل", "انضمت 13 بلدة
    إلى اتفاقات التسوية": in Syria a reconciliation or a settlement is the government's
    deal with the opposition that held the town. With no author named, the government is
    actor1; the other party the clause names stays actor2, and when it names none, or only
    the government ("اتفاق تسوية مع قوات النظام"), the opposition is."""
    if s.sub != "Agreement" or s.agent is not None:
        return False
    if _country_of_the_place(c) != "SY":
        return False
    tokens, trigger = c.analysis.tokens, c.cand.trigger
    near = tokens[trigger.token_start:min(len(tokens), trigger.token_end + _RECONCILED_WITHIN)]
    if not any(t.start < c.cand.segment.end and reads_as(t.text, assembly_words().reconciliation_words) for t in near):
        return False
    pack = load_pack().by_name
    government = pack["Syrian Government Forces"]
    if s.target is not None and s.target.name == government.name:
        s.agent, s.agent_m = s.target, s.target_m
        s.target, s.target_m = None, None
    else:
        s.agent, s.agent_m = government, None
    if s.target is None:
        s.target, s.target_m = pack["Syrian Opposition Factions"], None
    return True


SIDE_RULES: tuple[SideRule, ...] = (
    countryless_government_is_the_places,
    campaign_launched_by_its_subject,
    operation_that_killed_is_a_clash,
    actors_of_the_event_referred_back_to,
    attack_with_chemical_weapons,
    attack_already_told_is_its_strike,
    generic_shelling_by_air_force,
    suicide_bombers_killed_is_a_clash,
    bombers_counted_among_the_dead_of_their_side,
    defused_device,
    a_building_blown_up_is_property_destruction,
    aircraft_stopped_in_the_air,
    a_downed_aircraft_is_its_owners,
    air_defences_are_their_countrys,
    attack_on_a_civilian_place,
    attack_that_killed_only_civilians,
    killing_in_a_targeting_is_the_articles_strike,
    finder_of_the_dead,
    killing_by_gunfire_hits_civilians,
    killing_mode,
    air_force_of_the_sentence,
    government_regains_territory,
    actor2_civilians_as_victims,
    air_force_from_document,
    chemical_attack_by_most_named_state_force,
    reconciliation_is_the_governments_deal,
    actor1_from_document_salience,
    fighting_between_the_articles_sides,
    the_holder_of_a_struck_base,
    a_foreign_strike_on_a_military_site_hit_the_army,
    shelling_by_the_author_of_the_last_strike,
    intercepted_missiles_are_a_states,
    missile_strike_is_a_states,
    militants_are_the_jihadist_group,
    coalition_strikes_hit_the_jihadists,
    the_state_leads_its_allies,
    allies_are_one_side,
    actor2_from_document_salience,
    repelling_side_is_the_defender,
    civilians_leaving_are_displaced,
    leaving_side_is_actor2,
    territory_handed_over_under_a_deal,
    actor2_civilians_in_a_town,
    no_civilian_side_in_battles,
    no_civilian_side_between_sides,
    protesters_shot_is_excessive_force,
    clash_of_protesters_is_a_riot,
    deadly_protest_is_a_riot,
    demonstration_sides,
    hedged_author_is_unidentified,
)


def sides_of(article: ArticleState, cand: Candidate, decision: Decision, groups: list[CountGroup],
             picks: list[PlacePick] | None = None) -> Sides:
    """The candidate's sub-event type and sides; raises ``Dropped`` when a rule excludes it."""
    analysis = article.analysis
    agent_m, target_m = actor_roles(analysis, cand)
    sides = Sides(cand.sub_event_type, agent_m.actor if agent_m else None, agent_m,
                  target_m.actor if target_m else None, target_m, _victims(analysis, cand, groups), bool(groups),
                  tuple(c.start for g in groups for c in g.counts if c.role == "killed"))
    scope = SideScope(analysis, cand, article, tuple(picks or ()))
    for rule in SIDE_RULES:
        if rule(sides, scope):
            decision.fired(rule.__name__)
    return sides


def default_agent(sub: str) -> str | None:
    """The actor1 of an event whose author no rule found (event-schema.md §3.1)."""
    if sub == "Air/drone strike":
        return "Unidentified Military Forces"
    if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Attack", "Grenade",
               "Abduction/forced disappearance", "Shelling/artillery/missile attack", "Chemical weapon"):
        return "Unidentified Armed Group"
    if sub in ("Peaceful protest", "Protest with intervention"):
        return "Protesters"
    if sub == "Excessive force against protesters":
        return "Unidentified Military Forces"
    if sub in ("Violent demonstration", "Mob violence"):
        return "Rioters"
    return None
