"""How many died: the death counts of a clause, grouped ("3 مدنيين و4 عناصر"), the one
that is the event's toll (ACLED's lowest-figure rule, the others widen the range), and
the rules for tolls with no number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from rasd.analysis import Analysis
from rasd.events.candidate import Candidate, Decision, Dropped
from rasd.events.document import TEXT, within
from rasd.events.lexicon import assembly_words
from rasd.events.when import ONGOING_DAYS
from rasd.recognize.dates.calendar import calendar_words
from rasd.recognize.numbers import CountMention, death_word, number_words
from rasd.recognize.places import place_cues
from rasd.resolve.places import ResolvedPlace
from rasd.text.segment import Segment
from rasd.text.tokens import reads_as, reads_as_with_and

#: Sub-event types whose counts are tolls only when a count says killed.
NO_TOLL_TYPES = frozenset({"Abduction/forced disappearance", "Arrests", "Peaceful protest", "Agreement",
                           "Non-violent transfer of territory", "Change to group/activity", "Other",
                           "Headquarters or base established", "Disrupted weapons use"})
#: Sub-event types that kill nobody, whatever the clause counts: a death in a raid is an
#: attack or a clash (ACLED), so the toll next to an arrest, an agreement or a handover
#: ("قتلت اثنين من أعضاء الخلية واعتقلت خمسة آخرين") is another event's; a defection or a
#: merger ("Other") kills nobody either, and the dead of a mass grave found were counted when
#: they died. (A death at a protest is not among them: it makes the protest another kind of
#: event, with its toll.)
KILLS_NOBODY_TYPES = frozenset({"Agreement", "Non-violent transfer of territory", "Arrests",
                                "Change to group/activity", "Headquarters or base established", "Other"})
#: Sub-event types that kill nobody unless a count says so.
NO_DEATHS_TYPES = frozenset({"Non-state actor overtakes territory", "Government regains territory", "Arrests",
                             "Peaceful protest", "Agreement", "Non-violent transfer of territory"})
#: The rules that read a toll from words without a number ("سقوط قتلى", "مقتل العشرات"):
#: an estimate, which a number told of the same event replaces (``article_merge``).
UNNUMBERED_TOLL_RULES = frozenset({"some_killed_without_a_number", "dead_counted_by_a_vague_word"})


@dataclass
class CountGroup:
    """Counts joined by و, summed: "مقتل 3 مدنيين و4 عناصر" is one toll of 7."""

    best: int
    low: int | None
    high: int | None
    counts: list[CountMention]

    @property
    def killed(self) -> bool:
        return any(c.role == "killed" for c in self.counts)

    @classmethod
    def of(cls, counts: list[CountMention]) -> CountGroup:
        best = sum(c.best for c in counts)
        low = sum((c.low if c.low is not None else c.best) for c in counts) \
            if any(c.low is not None for c in counts) else None
        high = sum((c.high if c.high is not None else c.best) for c in counts) \
            if any(c.high is not None for c in counts) else None
        return cls(best, low, high, counts)


@dataclass
class Toll:
    fatalities: int = 0
    low: int | None = None
    high: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # normalized evidence spans


def shares_of(toll: Toll, places: int) -> list[Toll]:
    """A toll stated for a list of places, divided evenly among their events, the
    remainder to the first (event-schema.md §3.1 "Several places, one verb", ACLED's
    rule for summarized fatalities)."""
    if places <= 1:
        return [toll]

    def share(total: int | None, i: int) -> int | None:
        return None if total is None else total // places + (total % places if i == 0 else 0)

    def bounded(i: int) -> Toll:
        # the remainders of the figure and of its range may fall unevenly: keep low <= best <= high
        best, low, high = cast(int, share(toll.fatalities, i)), share(toll.low, i), share(toll.high, i)
        return Toll(best, None if low is None else min(low, best), None if high is None else max(high, best),
                    toll.spans)

    return [bounded(i) for i in range(places)]


def _death_in_sentence(analysis: Analysis, sentence: Segment) -> bool:
    """Whether a death word is in the sentence; asked only for a count of victims with
    no role of its own, and remembered per sentence."""
    return analysis.remember(("death_in", sentence.start, sentence.end), lambda: any(
        map(death_word, map(TEXT, analysis.tokens_between(sentence.start, sentence.end)))))


#: How many words after a count the day it is the toll of may be named ("و30 آخرين يوم السبت").
_DAY_AFTER_A_COUNT = 4


def count_groups(analysis: Analysis, cand: Candidate) -> list[CountGroup]:
    """The clause's death counts, grouped: counts of the killed, and counts of victims
    with no role in a sentence that speaks of deaths; not a breakdown ("بينهم 3
    أطفال") nor a running total."""
    tokens = analysis.tokens
    counts = []
    for c in within(analysis, analysis.counts, cand.segment):
        if c.among or c.cumulative:
            continue
        if c.role == "killed" or (c.role == "other" and c.victims and _death_in_sentence(analysis, cand.sentence)):
            counts.append(c)
    groups: list[list[CountMention]] = []
    days = number_words().days_apart
    for c in counts:
        if groups:
            last = groups[-1][-1]
            gap = tokens[last.token_end:c.token_start]
            # "قتلت حوالي 40 شخصا يوم الجمعة الماضية و30 آخرين يوم السبت": a day between them
            # and another after the second make each count its own day's toll ("قتل 12 مدنيا
            # اليوم و5 من عناصر الدفاع المدني" is one toll of 17)
            before = {t.text for t in gap if t.text in days}
            after = {t.text for t in tokens[c.token_end:c.token_end + _DAY_AFTER_A_COUNT] if t.text in days}
            dated_apart = bool(before) and bool(after - before)
            if not dated_apart and (len(gap) <= 4 and tokens[c.token_start].text.startswith("و") or (
                    gap and gap[-1].text == "و") and len(gap) <= 4):
                groups[-1].append(c)
                continue
        groups.append([c])
    return [CountGroup.of(g) for g in groups]


def killed_only_in_a_running_total(analysis: Analysis, cand: Candidate) -> None:
    """"منذ بدأت قوات النظام تصعيدا عسكريا في 18 شباط أودى بحياة أكثر من 700 مدني": a
    killing told by a death word alone, in a clause with no toll of its own (asked only
    when ``count_groups`` found none, so its counts of the dead are running totals), whose
    dead are counted since ("منذ", not a record's: "الأعنف منذ عام") a start more than a
    week before publication is a statistic, not an incident dated to that start
    (event-schema.md §3.3 "Running totals": a window of a week or less is one event, and
    a day of the week in the clause is a day's toll). Raises ``Dropped``."""
    if cand.trigger.sense.mode or cand.toll_elsewhere:
        return
    seg = cand.segment
    dead = next((c for c in within(analysis, analysis.counts, seg) if c.role == "killed" and c.cumulative and not c.among), None)
    published = analysis.doc.published
    if dead is None or published is None:
        return
    words = calendar_words()
    before = analysis.tokens_between(seg.start, dead.start)
    since = next((k for k, t in enumerate(before) if reads_as_with_and(t.text, words.since[:1])), None)
    if since is None or any(reads_as(t.text, words.record_words) for t in before[max(0, since - 2):since]):
        return
    week_before = published - dt.timedelta(days=ONGOING_DAYS)
    if any(not d.value.get("unresolved") and dt.date.fromisoformat(d.value["date_end"]) >= week_before
           for d in within(analysis, analysis.dates, seg)):
        return
    raise Dropped("killed_only_in_a_running_total", str(dead.best))


#: Sub-event types whose victims are taken, not killed.
CAPTURE_TYPES = frozenset({"Abduction/forced disappearance", "Arrests"})


def counted_captives(analysis: Analysis, cand: Candidate) -> bool:
    """"خطف 200 مدني", "اختطاف 17 شخصا": an abduction or arrest that counts the people
    taken names one act, as a toll does for a killing; it is news, not commentary."""
    if cand.sub_event_type not in CAPTURE_TYPES:
        return False
    return any(c.role == "captured" and c.victims and not c.among and not c.cumulative
               and c.start > cand.trigger.start for c in within(analysis, analysis.counts, cand.segment))


@lru_cache(maxsize=65536)
def _death_word_as_written(word: str) -> bool:
    """A death word under some clitic reading, its article kept (قتلى, not القتلى)."""
    return reads_as(word, number_words().death)


def people_killed(analysis: Analysis, cand: Candidate) -> list:
    """Named people in a clause whose sentence speaks of deaths: one death each, unless
    they are named among the counted ("بينهم")."""
    tokens = analysis.tokens_between(cand.sentence.start, cand.sentence.end)
    if not any(map(_death_word_as_written, map(TEXT, tokens))):
        return []
    norm = analysis.ntext.norm
    among = number_words().part_of_a_total
    people = []
    for p in within(analysis, analysis.people, cand.segment):
        before = norm[max(cand.segment.start, p.start - 12):p.start]
        if any(word in before for word in among):
            continue
        people.append(p)
    return people


def _nearest_toll(cand: Candidate, groups: list[CountGroup]) -> Toll:
    """The toll nearest the trigger, killed counts first; the other (higher) figures
    only widen the range (ACLED's lowest-figure rule)."""
    killed = [g for g in groups if g.killed] or groups
    group = min(killed, key=lambda g: abs(g.counts[0].start - cand.trigger.start))
    toll = Toll(group.best, group.low, group.high, [(c.start, c.end) for c in group.counts])
    others = [g.best for g in killed if g.best > group.best]
    if others:
        toll.low, toll.high = (group.low if group.low is not None else group.best), max(others + [group.high or group.best])
    return toll


def _dead_and_injured_together(analysis: Analysis, count: CountMention) -> bool:
    """"عشرات القتلى والجرحى", "30 قتيلا وجريحا", "عشرات الضحايا بين قتيل وجريح": the
    count's people are a death word joined by و to an injury word right after it."""
    words = assembly_words()
    after = analysis.tokens[count.token_end:count.token_end + 4]
    return any(reads_as(a.text, words.dead_nouns, without_article=True) and b.text.startswith("و")
               and reads_as(b.text, words.injured_nouns, without_article=True) for a, b in zip(after, after[1:]))


def bombers_who_died(analysis: Analysis, cand: Candidate, toll: Toll) -> int:
    """The bombers a suicide bombing's toll adds: ACLED counts attackers who die in their
    own attack (event-schema.md §3.3), and Arabic reports count the victims ("قتل 13 ...
    بانفجار سيارة مفخخة يقودها انتحاري"). None when the count already holds the bomber
    ("بينهم الانتحاري"), counts the bombers themselves ("مقتل انتحاريين"), or he lived;
    as many as the text counts ("فجر أربعة انتحاريين"), two for a dual ("هجومان انتحاريان")."""
    norm, seg = analysis.ntext.norm, cand.segment
    words = assembly_words()
    if words.bomber_counted.search(norm, seg.start, seg.end) or words.bomber_survived.search(norm, seg.start, seg.end):
        return 0
    tokens = analysis.tokens
    trigger = cand.trigger.token_start
    counts = within(analysis, analysis.counts, seg)
    for count in counts:
        if (count.start, count.end) not in toll.spans:
            continue
        people = tokens[count.token_end:count.token_end + 1]
        before_trigger = tokens[count.token_end:min(count.token_end + 3, trigger)]
        if any(reads_as(t.text, words.bomber_plurals, without_article=True) for t in people) \
                or any(reads_as(t.text, words.bomber_carrying) for t in before_trigger):
            return 0  # "مقتل 3 انتحاريين", "8 أشخاص يحملون أحزمة ناسفة قتلوا": the bombers are the count
    if reads_as(tokens[trigger].text, words.bomber_plurals, without_article=True):
        for count in counts:
            if count.token_end == trigger:
                return count.best  # "فجر أربعة انتحاريين أحزمتهم الناسفة"
    dual = tokens[max(0, trigger - 1):trigger + 1]
    return 2 if any(reads_as(t.text, words.bombers_two, without_article=True) for t in dual) else 1


def deaths_without_a_number(norm: str, seg: Segment, bombing: bool = False) -> tuple[Toll, str] | None:
    """The toll of a clause that tells deaths with no number: two for the dual pronoun
    ("لقيا مصرعهما"), one for the singular ("قُتلت في ..."), some for an unnumbered plural
    ("أسفر عن سقوط قتلى": 3, low 2, high 9, event-schema.md §3.3), with the rule that read it.
    It is read before a suicide bomber is added ("فجر انتحاري حزامه ... ما أسفر عن سقوط قتلى"
    is 4), but in a bombing the singular and the dual are not read: they are as often the
    bomber's own death ("فجر نفسه ... ولقي حتفه"), which the bomber rule counts."""
    words = assembly_words()
    if not bombing and words.two_killed.search(norm, seg.start, seg.end):
        return Toll(2), "two_killed_without_a_number"
    if not bombing and words.one_killed.search(norm, seg.start, seg.end):
        return Toll(1), "one_killed_without_a_number"
    some = next((m for m in words.some_killed.finditer(norm, seg.start, seg.end) if m.group("not_a_toll") is None), None)
    if some is not None:
        return Toll(3, 2, 9, [some.span()]), "some_killed_without_a_number"
    return None


def toll_of(analysis: Analysis, cand: Candidate, sub: str, groups: list[CountGroup], decision: Decision) -> Toll:
    """The event's fatalities, range and evidence."""
    norm, seg = analysis.ntext.norm, cand.segment
    if sub in NO_TOLL_TYPES:
        groups = [g for g in groups if g.killed]
    if groups:
        toll = _nearest_toll(cand, groups)
        told = [c for g in groups for c in g.counts if (c.start, c.end) in toll.spans]
        if told and all(_dead_and_injured_together(analysis, c) for c in told):
            # one figure for the dead and the injured: no one is known dead (§3.3)
            toll = Toll(0, 0, toll.high or toll.fatalities, toll.spans)
            decision.fired("dead_and_injured_together")
        elif told and all(c.vague for c in told):
            decision.fired("dead_counted_by_a_vague_word")  # "مقتل العشرات": 10, from 10 to 99 (§5)
    else:
        people = people_killed(analysis, cand)
        toll = Toll(len(people), spans=[(p.start, p.end) for p in people])
    if toll.fatalities == 0 and not groups:
        unnumbered = deaths_without_a_number(norm, seg, bombing=sub == "Suicide bomb")
        if unnumbered is not None:
            toll, rule = unnumbered
            decision.fired(rule)
    if sub == "Suicide bomb":
        bombers = bombers_who_died(analysis, cand, toll)
        if bombers:
            toll = Toll(toll.fatalities + bombers, None if toll.low is None else toll.low + bombers,
                        None if toll.high is None else toll.high + bombers, toll.spans)
            decision.fired("suicide_bomber_counted")
    if sub in NO_DEATHS_TYPES and not groups and toll.fatalities:
        toll = Toll(0, spans=toll.spans)
        decision.fired("no_deaths_in_this_kind_of_event")
    if sub in KILLS_NOBODY_TYPES and (toll.fatalities or toll.high):
        toll = Toll(0)
        decision.fired("a_non_violent_event_kills_nobody")
    return toll


#: How many words may lie between a count of the dead and the place it is given for
#: ("ثلاثة شهداء وعشرة جرحى بقرية الموزرة": three).
_PLACE_AFTER_COUNT_WITHIN = 5
#: Features of a place a count of the dead may be given for: a town or a village (the dead
#: of a city's quarters are the city's, where its quarters are coded: event-schema.md §3.2).
TOWNS = frozenset({"city", "town", "village"})


def tolls_by_place(analysis: Analysis, cand: Candidate, places: list[ResolvedPlace]) -> list[tuple[ResolvedPlace, Toll]]:
    """"شن الطيران غارات على قرى جبل الزاوية، مخلفا ثلاثة شهداء بقرية الموزرة، وخمسة شهداء
    بقرية أرنبة": the clause gives the dead place by place (a count of the killed, then "في"
    or the preposition ب and a town or village the gazetteer knows, before the next count);
    each such place has its own toll (event-schema.md §3.1 "Total over an area": per-place
    events where the article gives per-place facts). Empty unless two places or more are
    given so."""
    counts = [c for c in within(analysis, analysis.counts, cand.segment)
              if c.role == "killed" and not c.among and not c.cumulative]
    if len(counts) < 2:
        return []
    norm, settlement_cues = analysis.ntext.norm, place_cues().settlement
    named = [(r, r.place.id) for r in places if r.place is not None and r.place.feature in TOWNS]
    pairs: dict[str, tuple[ResolvedPlace, list[CountMention]]] = {}
    for k, count in enumerate(counts):
        limit = counts[k + 1].start if k + 1 < len(counts) else cand.segment.end
        for r, place_id in named:
            start = r.mention.cue_start if r.mention.cue_start is not None else r.mention.start
            if start < count.end or start >= limit:
                continue
            between = analysis.tokens_between(count.end, start)
            first = analysis.tokens_between(start, start + 1)
            # ب as a preposition: before the cue ("ببلدة حاس") or the name ("ببنش"), not the first
            # letter of either ("بلدة بنش", "بعقوبة")
            by = bool(first) and first[0].text.startswith("ب") and (
                first[0].text[1:] in settlement_cues if r.mention.cue_start is not None else r.mention.start > first[0].start)
            if len(between) <= _PLACE_AFTER_COUNT_WITHIN and (by or (between and between[-1].text == "في")) \
                    and not re.search(r"[.,;:]", norm[count.end:start]):
                pairs.setdefault(place_id, (r, []))[1].append(count)
            break
    if len(pairs) < 2:
        return []
    out = []
    for r, told in pairs.values():
        group = CountGroup.of(told)
        out.append((r, Toll(group.best, group.low, group.high, [(c.start, c.end) for c in told])))
    return out
