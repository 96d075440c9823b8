"""Who acted and who was hit, as the clause's words say it: the actor attached to the
trigger or right before it, the one after a target cue, the one whose people died.
``side_rules`` then fills what the clause leaves open from the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from rasd.analysis import Analysis
from rasd.events.candidate import Candidate
from rasd.events.document import is_country_name, last_word_before, named_as_a_belief, sentence_index, within
from rasd.events.lexicon import assembly_words
from rasd.model import EVENT_TYPE_OF
from rasd.recognize.actors import Actor, ActorMention, load_pack
from rasd.recognize.numbers import number_words
from rasd.text.segment import Segment
from rasd.text.tokens import clitic_variants, reads_as, reads_as_with_and, strip_article


def victim_side(analysis: Analysis, actors: list[ActorMention], cand: Candidate) -> ActorMention | None:
    """The actor whose people were hit: "التنظيم فقد", "عناصر من داعش", "الناطق باسم
    التنظيم", civilians (first, when the event is violence against civilians)."""
    tokens = analysis.tokens
    words = assembly_words()
    if EVENT_TYPE_OF[cand.sub_event_type] == "Violence against civilians":
        civilians = next((a for a in actors if a.actor.kind == "civilians"), None)
        if civilians is not None:
            return civilians
    near = cand.trigger.token_start
    # "خسائر بشرية في صفوف الطرفين": a word read as both sides (two mentions on one span)
    # names no one side that was hit
    shared = {start for start, n in Counter(a.start for a in actors).items() if n > 1}
    actors = [a for a in actors if abs(a.token_start - near) <= 30 and a.start not in shared]
    fighter = number_words().fighter
    for a in actors:
        around = [t.text for t in tokens[max(0, a.token_start - 2):a.token_end + 2]]
        if any(reads_as_with_and(w, words.loss_verbs) for w in around):
            return a
    death = number_words().death
    # (a number inside a side's name, "الفرقة 30", counts no one)
    named = {k for m in actors for k in range(m.token_start, m.token_end)}
    for a in actors:
        before = [t.text for t in tokens[max(0, a.token_start - 2):a.token_start]]
        if any(w in words.affiliation for w in before):
            return a
        # "مقتل 37 عنصرا من قسد" (victims), not "مقاتلين من داعش هاجموا" (attackers)
        if any(strip_article(w) in fighter or w in fighter for w in before):
            context = [tokens[k].text for k in range(max(0, a.token_start - 6), a.token_start) if k not in named]
            if any(c.isdigit() or any(v in death for v, _ in clitic_variants(c)) for c in context):
                return a
        if named_by_its_dead(analysis, a, cand.sentence.start):
            return a
    return next((a for a in actors if a.actor.kind == "civilians"), None)


def named_by_its_dead(analysis: Analysis, mention: ActorMention, floor: int) -> bool:
    """"مقتل أربعة جنود روس", "مقتل 7 عسكريين إيرانيين": a side named by its people
    (soldiers, fighters), with a death word at most three words before them (and after
    ``floor``): the side that was hit, as "مقتل 37 عنصرا من قسد" in ``victim_side``."""
    tokens = analysis.tokens
    if strip_article(tokens[mention.token_start].text) not in number_words().fighter:
        return False
    return any(reads_as(t.text, number_words().death)
               for t in tokens[max(0, mention.token_start - 3):mention.token_start] if t.start >= floor)


def side_role(analysis: Analysis, mention: ActorMention) -> str | None:
    """'source' for "مصادر للمعارضة", 'support' for "بدعم من التحالف": such actors are
    not the sides of the event."""
    words = assembly_words()
    before = analysis.ntext.norm[max(0, mention.start - 30):mention.start]
    if words.source_before.search(before):
        return "source"
    if words.support_before.search(before):
        return "support"
    return None


def authors_the_trigger(analysis: Analysis, cand: Candidate, mention: ActorMention) -> bool:
    """"عن سيطرة قوات النظام على بلدتين": the word that makes an actor the holder of ground
    ("مناطق سيطرة النظام", "من سيطرة داعش") is, as the trigger itself, the act of the actor
    right after it."""
    trig = cand.trigger
    if mention.token_start != trig.token_end:
        return False
    before = analysis.tokens[trig.token_start - 1].text if trig.token_start > 0 else ""
    return not reads_as(before, assembly_words().held_ground_before)


def _parties_reaching_the_agreement(analysis: Analysis, cand: Candidate) -> tuple[ActorMention, ActorMention | None] | None:
    """The subject of a verb of reaching or signing an agreement, before the trigger: the
    side right before the verb ("روسيا توصلت مساء الأحد إلى اتفاق", "أعلنت روسيا، مساء الأحد،
    التوصل إلى اتفاق": who announces it reached it) or right after it ("توصلت روسيا إلى اتفاق",
    "وقعت قوات النظام اتفاقا"). A bare country name is a party: states make agreements. Two
    sides joined by و ("روسيا وتركيا توصلتا إلى اتفاق") are both parties, the first named first;
    else the second party is left to the clause."""
    words, norm, trig = assembly_words(), analysis.ntext.norm, cand.trigger
    before = [a for a in within(analysis, analysis.actors, Segment(cand.sentence.start, trig.start))
              if a.end <= trig.start and a.actor.kind != "civilians"]
    for k in range(len(before) - 1, -1, -1):
        a = before[k]
        gap = norm[a.end:trig.start]
        if words.agreement_reached_after.match(gap) or (
                words.agreement_party_gap.match(gap)
                and words.agreement_reached_before.search(norm, max(cand.sentence.start, a.start - 20), a.start)):
            first = before[k - 1] if k > 0 else None
            if first is not None and first.actor.name != a.actor.name and norm[first.end:a.start].strip() == "و":
                return first, a
            return a, None
    return None


def possessor_or_doer(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                      excluded: set[str]) -> ActorMention | None:
    """The author named through a pronoun on the trigger ("غاراتها" after "أعلنت X أن")
    or a relative clause after it ("الذي نفذته إيران"; of an agreement, "أبرمته روسيا")."""
    words = assembly_words()
    norm = analysis.ntext.norm
    trig = cand.trigger
    doers = (words.doer, words.agreement_doer) if cand.sub_event_type == "Agreement" else (words.doer,)
    for a in actors:
        if a.start > trig.end and any(d.match(norm[trig.end:a.start]) for d in doers) and a.actor.name not in excluded:
            return a
    last_word = analysis.tokens[trig.token_end - 1].text
    if words.possessed.search(last_word) and len(last_word) > 4:
        before = [a for a in actors if a.end <= trig.start and a.start >= cand.sentence.start
                  and a.actor.kind == "state" and a.actor.name not in excluded]
        if before:
            return before[-1]
    return None


def _accused(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
             excluded: set[str]) -> ActorMention | None:
    """The actor an accusation names right before the act ("اتهمت دمشق إسرائيل بشن
    هجوم", "اتهم النظام إسرائيل بقصف"), or before what it is accused of when the act is
    named within a few words of that ("اتهمت الوحدات تنظيم داعش بإطلاق قذائف تحتوي على
    غازات سامة"): its author, a bare country name included."""
    words, norm, trig = assembly_words(), analysis.ntext.norm, cand.trigger
    if not words.accusation.search(norm, cand.sentence.start, trig.start):
        return None
    before = [a for a in actors if a.end <= trig.start and a.actor.name not in excluded]
    if not before:
        return None
    accused = max(before, key=lambda a: a.end)
    gap = norm[accused.end:trig.start]
    if words.accused_gap.fullmatch(gap) or (not gap.strip() and norm.startswith("ب", trig.start)):
        return accused
    return None


def _attached_agent(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                    excluded: set[str]) -> ActorMention | None:
    """The actor attached to the trigger: "غارة للتحالف", "غارات التحالف", "سيطرت قسد",
    "قصف قوات النظام", or the trigger is part of its name ("الضربات الإسرائيلية")."""
    tokens, trig, glue = analysis.tokens, cand.trigger, assembly_words().agent_glue
    for a in actors:
        if a.token_start < trig.token_end and a.token_end > trig.token_start and a.actor.name not in excluded:
            return a
        if a.token_start >= trig.token_end and a.actor.name not in excluded:
            between = [t.text for t in tokens[trig.token_end:a.token_start]]
            if len(between) <= 3 and all(strip_article(w) in glue or w in glue for w in between):
                return a
    return None


def _said_to_be_its(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                    excluded: set[str]) -> ActorMention | None:
    """The side a source says the weapon is of, right after it: "تصديه لصواريخ قال إنها
    إيرانية" (an adjective of nationality), "صواريخ يقول الجيش الإسرائيلي إن القوات الإيرانية
    أطلقتها" (a side, and a verb of doing it with the weapon's pronoun): the source's word,
    not a belief (event-schema.md §3.2 hedged authors)."""
    norm, tokens = analysis.ntext.norm, analysis.tokens
    said = assembly_words().said_to_be.match(norm, cand.trigger.end)
    if said is None:
        return None
    at = said.end()
    named = next((a for a in actors if a.start == at and a.actor.name not in excluded), None)
    if named is not None:
        # only as the one the source says fired it ("إن القوات الإيرانية أطلقتها"), not a side
        # the sentence goes on about ("قال مصدر إن قوات البيشمركة تعرضت له": the target)
        after = tokens[named.token_end].text if named.token_end < len(tokens) else ""
        return named if reads_as(after, assembly_words().doer_verbs) else None
    i = bisect_left(analysis.token_starts, at)
    if i >= len(tokens) or tokens[i].start != at:
        return None
    nationalities = assembly_words().nationality_actors
    name = nationalities.get(strip_article(tokens[i].text)) or nationalities.get(tokens[i].text)
    actor = load_pack().by_name.get(name) if name else None
    if actor is None or actor.name in excluded:
        return None
    return ActorMention(tokens[i].start, tokens[i].end, actor, i, i + 1)


#: Punctuation that ends a clause: a side past it belongs to another sentence part.
_CLAUSE_BREAK = re.compile(r"[,;:.،]")

#: How many words after the trigger its author may follow "من قبل" ("لقصف عنيف بشتى
#: القذائف والصواريخ من قبل قوات النظام").
_PASSIVE_AGENT_WITHIN = 10


def _passive_agent(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                   excluded: set[str]) -> ActorMention | None:
    """The actor right after "من قبل" or "على يد" later in the trigger's clause: the
    act's author, told in the passive."""
    tokens, trig, words = analysis.tokens, cand.trigger, assembly_words()
    for a in actors:
        if a.token_start < trig.token_end or a.actor.name in excluded:
            continue
        if a.token_start - trig.token_end > _PASSIVE_AGENT_WITHIN:
            break
        if _CLAUSE_BREAK.search(analysis.ntext.norm, trig.end, a.start):
            break
        cue = next((c for c in words.passive_agent if a.token_start >= len(c)
                    and tuple(t.text for t in tokens[a.token_start - len(c):a.token_start]) == c), None)
        if cue is None:
            continue
        between = tokens[trig.token_end:a.token_start - len(cue)]
        if any(t.text in words.relative_pronouns for t in between):
            return None  # "على مدينة الحسكة التي حررت على يد الوحدات": the town's story
        place = next((p for p in reversed(analysis.places) if trig.end <= p.mention.end <= tokens[a.token_start - len(cue)].start), None)
        if place is not None and analysis.ntext.norm[place.mention.end:tokens[a.token_start - len(cue)].start].strip():
            return None  # "قصف على قرية الفوعة المحاصرة من قبل جيش الفتح": the place's besieger
        return a
    return None


def _accomplisher(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                  excluded: set[str]) -> ActorMention | None:
    """"وتمكنت الفصائل المقاتلة بعد سلسلة هجمات ومعارك مع قوات النظام من السيطرة على مواقع
    عدة": the subject right after a verb of managing (تمكن، نجح، استطاع) did the act that is
    the verb's verbal noun after من or في: the first act after the subject so introduced
    ("تمكنت قوات الأمن من اعتقال ثلاثة مطلوبين بعد يوم من مقتل 4 مدنيين في انفجار": the
    arrest, not the bombing), and not one after a word of support ("بدعم من المقاتلات")."""
    tokens, trig, words = analysis.tokens, cand.trigger, assembly_words()

    def introduced(token: int) -> bool:
        return token > 0 and reads_as(tokens[token - 1].text, ("من", "في"))

    if not introduced(trig.token_start) \
            or words.support_before.search(analysis.ntext.norm, max(0, trig.start - 30), trig.start):
        return None
    verbs = words.accomplishment_verbs
    for a in sorted(actors, key=lambda a: -a.start):
        if cand.segment.start <= a.start and a.token_end <= trig.token_start and a.token_start > 0 \
                and reads_as(tokens[a.token_start - 1].text, verbs) and a.actor.name not in excluded:
            earlier = (t for t in within(analysis, analysis.triggers, Segment(a.end, trig.start))
                       if t.token_start < trig.token_start)
            return None if any(introduced(t.token_start) for t in earlier) else a
    return None


def _subject_before(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                    excluded: set[str]) -> ActorMention | None:
    """An actor right before the trigger, subject first: "قوات النظام تقصف"."""
    trig = cand.trigger
    for a in sorted(actors, key=lambda a: -a.start):
        if a.token_end <= trig.token_start and trig.token_start - a.token_end <= 3 \
                and a.actor.name not in excluded and a.actor.kind != "civilians" \
                and not re.search(r"[,;:.]", analysis.ntext.norm[a.end:trig.start]):
            return a
    return None


#: How many words a verb of striking may stand before the act it launches ("وشنت الولايات
#: المتحدة وفرنسا وبريطانيا فجر السبت سلسلة ضربات").
_STRUCK_WITHIN = 9


def _striking_verb(analysis: Analysis, cand: Candidate) -> int | None:
    """The token index of the last verb (or verbal noun) of striking at most
    ``_STRUCK_WITHIN`` words before the trigger in its clause, with no full stop between."""
    trig = cand.trigger
    verb = last_word_before(analysis, cand.segment, trig.token_start, assembly_words().striking_verbs, _STRUCK_WITHIN)
    if verb is None or "." in analysis.ntext.norm[analysis.tokens[verb].end:trig.start]:
        return None
    return verb


def _country_striking(analysis: Analysis, cand: Candidate, countries: list[ActorMention],
                      excluded: set[str], verb: int | None) -> ActorMention | None:
    """A bare country name that is the subject of the act: right before the trigger ("إسرائيل
    قصفت قاعدة التيفور"), or right before or after a verb of striking whose object the trigger
    is ("إن إيران أطلقت، فجر الخميس، 20 صاروخا", "وشنت الولايات المتحدة وفرنسا وبريطانيا فجر
    السبت سلسلة ضربات"). Not after a word that makes it a place or a target ("في إسرائيل").
    ``verb``: the ``_striking_verb`` of the candidate."""
    if not countries:
        return None
    words, tokens, norm, trig = assembly_words(), analysis.tokens, analysis.ntext.norm, cand.trigger
    heads = {trig.token_start} if verb is None else {trig.token_start, verb}
    for a in countries:
        if a.actor.name in excluded or a.start < cand.sentence.start:
            continue
        before = tokens[a.token_start - 1].text if a.token_start > 0 else ""
        listed = verb is not None and _opens_a_list_of_subjects(analysis, verb, a)
        if reads_as(before, words.country_as_place_before) and not listed:
            continue
        end = a.token_end
        while end < trig.token_start and any(c.token_start == end and tokens[end].text.startswith("و") for c in countries):
            end = next(c.token_end for c in countries if c.token_start == end)  # "الولايات المتحدة وفرنسا وبريطانيا"
        if verb is not None and end < verb and tokens[end].text == "قد":
            end += 1  # "قد شنت": the verb of striking, not the trigger, after قد
        if end in heads and not re.search(r"[.:;]", norm[a.end:tokens[end].start]):
            return a
        if verb is not None and a.end <= trig.start and (a.token_start == verb + 1 or listed):
            return a
        if a.token_start == trig.token_end and _verb_opening_its_clause(analysis, cand):
            return a  # "وقصفت إسرائيل مواقع": the verb first, then its subject
    return None


def _opens_a_list_of_subjects(analysis: Analysis, verb: int, mention: ActorMention) -> bool:
    """"وشنت كل من روسيا وسوريا غارات": "each of" between the verb and the first subject."""
    between = " ".join(t.text for t in analysis.tokens[verb + 1:mention.token_start])
    return between in assembly_words().subject_list_openers


def _verb_opening_its_clause(analysis: Analysis, cand: Candidate) -> bool:
    """The trigger is a feminine verb of striking ("قصفت", "هاجمت") that opens its sentence
    ("وقصفت إسرائيل مواقع"), follows a word that opens a verbal clause ("بعدما قصفت
    إسرائيل"), or follows the one comma after an adverbial opening ("ومنذ بدء النزاع في
    2011، قصفت إسرائيل"). A country right after such a verb is its subject. Elsewhere the
    verb goes on with a subject named before it, and the country is its object: "الصواريخ
    التي قصفت سوريا", "خلية تسللت إلى ريف القنيطرة وقصفت إسرائيل", "إن الفصائل قد قصفت
    إسرائيل", "إن الفصائل، التي تتمركز في القنيطرة، قصفت إسرائيل"."""
    words, tokens, trig, norm = assembly_words(), analysis.tokens, cand.trigger, analysis.ntext.norm
    if trig.token_end != trig.token_start + 1 or not reads_as(tokens[trig.token_start].text, words.feminine_striking_verbs):
        return False
    first = bisect_left(analysis.token_starts, cand.sentence.start)
    if trig.token_start <= first:
        return True
    if reads_as(tokens[trig.token_start - 1].text, words.verb_clause_openers):
        return True
    lead = norm[cand.sentence.start:trig.start]
    commas = [m.start() for m in re.finditer(r"[,;:]", lead)]
    return len(commas) == 1 and not lead[commas[0] + 1:].strip() \
        and reads_as_with_and(tokens[first].text, words.adverbial_openers)


def _subject_after_striking_verb(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                                 excluded: set[str], verb: int | None) -> ActorMention | None:
    """"ردا على إطلاق القوات الإيرانية، حوالي 20 صاروخا": the side right after a verb (or
    verbal noun) of striking whose object the act is, some words before it, is its author;
    so is a side a band of it names after a verb whose object is the act ("شنت فصائل من
    المعارضة المسلحة هجوما").
    ``verb``: the ``_striking_verb`` of the candidate."""
    if verb is None:
        return None
    tokens, words = analysis.tokens, assembly_words()
    subjects = [verb + 1]
    if verb + 3 < len(tokens) and tokens[verb + 2].text == "من" \
            and strip_article(tokens[verb + 1].text) in words.partitive_bands \
            and reads_as(tokens[verb].text, words.act_as_object_verbs):
        subjects.insert(0, verb + 3)  # (else the band itself, "وشنت الفصائل من جهتها")
    for subject in subjects:
        found = next((a for a in actors if a.token_start == subject and a.end <= cand.trigger.start
                      and a.actor.name not in excluded and a.actor.kind != "civilians"), None)
        if found is not None:
            return found
    return None


def _cued_target(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                 agent: ActorMention | None) -> ActorMention | None:
    """The actor after a target cue ("على مواقع", "ضد", "استهدف") or after من, unless من
    joins a band of fighters to their side before the act (``_partitive``)."""
    words = assembly_words()
    tokens, cues = analysis.tokens, words.target_cues
    for a in actors:
        if agent is not None and a.actor.name == agent.actor.name:
            continue
        before = [t.text for t in tokens[max(0, a.token_start - 3):a.token_start]]
        if any(w in cues or strip_article(w) in cues for w in before) or _expelled(analysis, a):
            return a
        if before and before[-1] in words.target_right_before and not _partitive(analysis, cand, a):
            return a
    return None


def _expelled(analysis: Analysis, mention: ActorMention) -> bool:
    """"لطرد وحدات حماية الشعب", "لإبعاد مقاتلي وحدات حماية الشعب": the side an act sets out
    to expel, right after the word that says so or after its fighters (``partitive_bands``)."""
    tokens, words = analysis.tokens, assembly_words()
    i = mention.token_start
    if i > 0 and reads_as(tokens[i - 1].text, words.partitive_bands):
        i -= 1
    norm = analysis.ntext.norm
    return any(norm[tokens[j].start:tokens[i - 1].end] in words.expel_words
               for j in range(max(0, i - 2), i) if i > 0)


#: How many words after "عناصر من X" a word of death makes them X's dead ("أكثر من عشرة
#: عناصر من الميليشيات الإيرانية قتلوا").
_DEAD_AFTER_WITHIN = 3


def _partitive(analysis: Analysis, cand: Candidate, mention: ActorMention) -> bool:
    """"قوات من الحرس الجمهوري", "عناصر من تنظيم داعش" before the act: the side a band
    (``partitive_bands``, with no preposition glued to it: "لعناصر من X" is for them) is of,
    the subject of the act, not the side ground was taken from; unless a word of death
    within three words after the side makes the band its dead ("عناصر من الميليشيات قتلوا")."""
    tokens, trigger, words = analysis.tokens, cand.trigger, assembly_words()
    if mention.token_end > trigger.token_start or mention.token_start < 2 \
            or not reads_as_with_and(tokens[mention.token_start - 2].text, words.partitive_bands):
        return False
    after = tokens[mention.token_end:min(mention.token_end + _DEAD_AFTER_WITHIN, trigger.token_start)]
    return not any(reads_as(t.text, words.death_words) for t in after)


#: "بين قوات النظام من طرف، والفصائل من طرف آخر": the comma that ends the first side.
_ONE_SIDE = re.compile(r"من (?:طرف|جهه|ناحيه)\s*$")

#: How many words may stand between a clash and the "بين" that names its sides
#: ("تواصلت الاشتباكات صباح امس الاثنين بين قوات المعارضة وجيش النظام").
_BETWEEN_WITHIN = 4


def _sides_named_between(analysis: Analysis, cand: Candidate) -> tuple[ActorMention, ActorMention] | None:
    """"اشتباكات بين قوات النظام والمسلحين الموالين لها من طرف، والفصائل المعارضة من طرف
    آخر": the two sides a clash is told between, in the order named; the second is the
    next other side joined by و in the sentence."""
    tokens, trigger = analysis.tokens, cand.trigger
    end = min(trigger.token_end + _BETWEEN_WITHIN + 1, bisect_left(analysis.token_starts, cand.segment.end))
    i = next((k for k in range(trigger.token_end, end) if tokens[k].text == "بين"), None)
    if i is None or _CLAUSE_BREAK.search(analysis.ntext.norm, trigger.end, tokens[i].start):
        return None
    actors = [a for a in within(analysis, analysis.actors, cand.sentence) if a.token_start > i]
    if not actors or actors[0].token_start != i + 1:
        return None
    attack = assembly_words().attack_words
    if any(reads_as(t.text, attack) for t in analysis.tokens_between(cand.sentence.start, cand.sentence.end)
           if not trigger.start <= t.start < trigger.end):
        return None  # "المعارك بين قوات النظام ومقاتلي المعارضة اثر هجوم شنه مقاتلو المعارضة": who attacked
    first, norm = actors[0], analysis.ntext.norm
    others = [a for a in actors[1:] if a.actor.name != first.actor.name and a.actor.kind != "civilians"]
    for k in range(first.token_end, bisect_left(analysis.token_starts, cand.sentence.end)):
        if _CLAUSE_BREAK.search(norm, tokens[k - 1].end, tokens[k].start) \
                and not _ONE_SIDE.search(norm, tokens[max(first.token_end, k - 3)].start, tokens[k - 1].end):
            return None  # "، وأعلنت روسيا وقف إطلاق النار": another clause, not the other side
        if tokens[k].text.startswith("و") and len(tokens[k].text) > 1:
            # "ومرتزقة حزب الله": the conjunct's head may be a word before the side it names
            second = next((a for a in others if k <= a.token_start <= k + 2), None)
            if second is not None:
                return first, second
    return None


def actor_roles(analysis: Analysis, cand: Candidate) -> tuple[ActorMention | None, ActorMention | None]:
    """(agent, target) among the actor mentions of the clause (else its sentence)."""
    if cand.sub_event_type in ("Armed clash", "Agreement"):  # "اتفاق بين النظام ومسلحي داعش": its two parties
        between = _sides_named_between(analysis, cand)
        if between is not None:
            return between
    parties = _parties_reaching_the_agreement(analysis, cand) if cand.sub_event_type == "Agreement" else None
    if parties is not None and parties[1] is not None:
        return parties
    actors = within(analysis, analysis.actors, cand.segment) or within(analysis, analysis.actors, cand.sentence)
    # "إعلان تركيا السيطرة الكاملة على عفرين": the country announcing the act right before it did it
    actors = [a for a in actors if (role := side_role(analysis, a)) is None or authors_the_trigger(analysis, cand, a)
              or (role == "source" and a.token_end == cand.trigger.token_start and is_country_name(analysis, a))]
    actors = _without_generics_of_a_named_group(analysis, actors)
    # a bare country name ("إيران", "تركيا") is a side only as the author of the act
    countries = [a for a in actors if is_country_name(analysis, a)]
    actors = [a for a in actors if not is_country_name(analysis, a)]
    victim = victim_side(analysis, actors, cand)
    excluded = {victim.actor.name} if victim else set()
    agent = _attached_agent(analysis, cand, actors, excluded) \
        or (parties[0] if parties is not None else None) \
        or _accomplisher(analysis, cand, actors, excluded) \
        or _said_to_be_its(analysis, cand, actors + countries, excluded) \
        or _passive_agent(analysis, cand, actors, excluded) \
        or _accused(analysis, cand, actors + countries, excluded) \
        or possessor_or_doer(analysis, cand, actors + countries, excluded) \
        or _subject_before(analysis, cand, actors, excluded)
    if agent is None:  # the subject of a verb of striking before the act, found once for both readings
        verb = _striking_verb(analysis, cand)
        agent = _country_striking(analysis, cand, countries, excluded, verb) \
            or _subject_after_striking_verb(analysis, cand, actors, excluded, verb)
    target = victim or _cued_target(analysis, cand, actors, agent)
    if agent is None and EVENT_TYPE_OF[cand.sub_event_type] != "Explosions/Remote violence":
        # remote violence has no author unless the text names one (or a claim does)
        taken = {target.actor.name} if target else set()
        agent = next((a for a in actors if a.actor.name not in taken and a.actor.kind != "civilians"), None)
    return agent, target


def _without_generics_of_a_named_group(analysis: Analysis, actors: list[ActorMention]) -> list[ActorMention]:
    """"متشددين تابعين لجبهة النصرة", "مسلحين ينتمون إلى داعش": unnamed gunmen said to belong
    to a group named right after them are that group's: the mention of the gunmen names the
    group (where they stand in the clause says their role), and the group's own mention goes."""
    belong = assembly_words().belonging
    tokens = analysis.tokens
    out: list[ActorMention] = []
    skip = -1
    for k, a in enumerate(actors):
        if k == skip:
            continue
        b = actors[k + 1] if k + 1 < len(actors) else None
        between = [t.text for t in tokens[a.token_end:b.token_start]] if b is not None else []
        # (a group or militia: gunmen "of" a state or a country are its backers' proxies, not it)
        if b is not None and a.actor.kind == "unidentified" and b.actor.kind in ("group", "militia") \
                and not is_country_name(analysis, b) \
                and 1 <= len(between) <= 2 and reads_as(between[0], belong, without_article=True):
            out.append(replace(a, actor=b.actor))
            skip = k + 1
        else:
            out.append(a)
    return out


def air_force_nearby(analysis: Analysis, cand: Candidate, hit: frozenset[str]) -> Actor | None:
    """The last air force named in this sentence or the one before ("وقال الجيش إن
    الضربة الجوية ..."), not by its dead ("أسفرت عن مقتل 7 عسكريين إيرانيين") nor as a
    belief (``named_as_a_belief``), nor one
    of the sides the strike ``hit``; a bare country name only as the one announcing in
    this sentence ("أعلنت إسرائيل مقتل 7 مسلحين في ضربة جوية": a state tells the toll
    of its own strike)."""
    i = sentence_index(analysis, cand.sentence.start)
    start = analysis.sentences[i - 1].start if i > 0 else cand.sentence.start
    near = [a.actor for a in within(analysis, analysis.actors, Segment(start, cand.sentence.end))
            if a.actor.air and a.actor.name not in hit and not named_by_its_dead(analysis, a, start)
            and not named_as_a_belief(analysis, a)
            and (not is_country_name(analysis, a) or _announcing(analysis, a, cand))]
    return near[-1] if near else None


#: How many words after the act its target may be named ("غارات استهدفت مواقع عسكرية
#: تابعة للنظام السوري"); further on, a cue word belongs to another phrase ("قرب موقع").
_HIT_WITHIN = 5


def sides_hit(analysis: Analysis, cand: Candidate) -> frozenset[str]:
    """The sides the act's clause says it hit: named by their dead, or right after the
    act behind a target cue ("غارات على مواقع قسد", "استهدفت مقرات الميليشيات")."""
    trigger = cand.trigger
    return frozenset(a.actor.name for a in within(analysis, analysis.actors, cand.segment)
                     if named_by_its_dead(analysis, a, cand.segment.start)
                     or (trigger.token_end <= a.token_start <= trigger.token_end + _HIT_WITHIN
                         and _right_after_a_target_cue(analysis, a, trigger.token_end)))


def _right_after_a_target_cue(analysis: Analysis, mention: ActorMention, floor: int) -> bool:
    """A target cue before the mention, with only words that qualify the target between
    them ("مواقع عسكرية تابعة للنظام"). Stricter than ``_cued_target``, which lets any
    three words stand between and reads مع and من as cues: here the side must be what
    was hit, for its air force to be ruled out as the author."""
    words = assembly_words()
    for k in range(mention.token_start - 1, floor - 1, -1):
        text = analysis.tokens[k].text
        if text in words.target_cues or strip_article(text) in words.target_cues:
            return not (text in words.not_hit_cues and k == mention.token_start - 1)
        if text not in words.target_cue_modifiers:
            return False
    return False


def _announcing(analysis: Analysis, mention: ActorMention, cand: Candidate) -> bool:
    """The mention is the subject right after "أعلن", before the trigger in its sentence."""
    if not (cand.sentence.start <= mention.start < cand.trigger.start) or mention.token_start == 0:
        return False
    return reads_as(analysis.tokens[mention.token_start - 1].text, assembly_words().announcing_verbs)


def military_target(analysis: Analysis, cand: Candidate) -> bool:
    """The strike hit a base, positions or a convoy: its target is an armed side. The site
    is a whole word ("مقر", "مواقعها"), not one it begins ("مقربة", "مطاردة", "فوجئ")."""
    return bool(assembly_words().military_target.search(analysis.ntext.norm, cand.trigger.start, cand.segment.end))


def militant_victims(analysis: Analysis, cand: Candidate) -> bool:
    """"58 متشددا", "جهاديين": the article's jihadist group lost people."""
    return bool(assembly_words().militant.search(analysis.ntext.norm, cand.segment.start, cand.segment.end))
