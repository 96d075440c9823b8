"""Event assembly: from the mentions of an ``Analysis`` to ACLED-coded events.

Works clause by clause. A clause with an event trigger becomes a candidate; its date,
place, sides and toll come from the same clause first, then the sentence, then (for
what the article states once for several sentences) the article. Each step is a family
of named rules in its own module (``filters``, ``when``, ``where``, ``roles`` and
``side_rules``, ``toll``, ``attribution``, ``article_merge``); a candidate that a rule
excludes is dropped with the rule's name, visible with ``rasd extract --explain``.
"""

from __future__ import annotations

from typing import Any, cast

from rasd.analysis import Analysis
from rasd.events.article import ArticleState, Emitted, Reference
from rasd.events.article_merge import merge_within_article
from rasd.events.attribution import apply_claims, sources_of
from rasd.events.candidate import (
    Candidate,
    Decision,
    Dropped,
    after_the_opening,
    enters_no_ground,
    frames_an_act,
    in_a_backdrop,
    is_grievance,
    is_purpose,
    is_unused_weapon,
    names_a_crowd,
    primary_trigger,
    seizes_things,
    without_the_blasts_of_a_strike,
    without_the_dead_described,
)
from rasd.events.confidence import confidence_model, features
from rasd.events.document import (
    article_end,
    crossheads,
    evidence_span,
    headline_end,
    headline_lines,
    sentence_index,
    sentence_of,
    teaser_lines,
    trigger_clauses,
    within,
)
from rasd.events.filters import (
    aircraft_without_an_act,
    battle_named_for_its_place,
    check_filters,
    dead_of_a_battle_named_for_its_place,
    destruction_it_wrought,
    explosions_heard,
    grave_not_found,
    names_a_battle_by_its_place,
    names_dead_or_hurt,
    outside_coverage,
    side_fights_abroad,
)
from rasd.events.lexicon import assembly_words
from rasd.events.reporting import reads_as_a_report
from rasd.events.side_rules import Sides, default_agent, gunfire_in, sides_of
from rasd.events.toll import (
    KILLS_NOBODY_TYPES,
    TOWNS,
    UNNUMBERED_TOLL_RULES,
    CountGroup,
    Toll,
    count_groups,
    counted_captives,
    killed_only_in_a_running_total,
    shares_of,
    toll_of,
    tolls_by_place,
)
from rasd.events.when import (
    When,
    accomplished,
    answered_before,
    begins_a_campaign,
    counted_day,
    dates_a_campaign_beside,
    is_campaign_start,
    named_as_going_on,
    offensive_named_by_its_side,
    ongoing_situation,
    refers_to_earlier_event,
    reported_as_news,
    says_it_goes_on,
    waged_campaign,
    when_of,
)
from rasd.events.where import (
    PlacePick,
    country_summary,
    describes_a_place,
    describes_a_side,
    is_anaphoric,
    one_place_for_what_is_declared_once,
    pick_of,
    places_in,
    places_of_clause,
    specificity,
    tells_another,
    where,
    without_places_abroad,
)
from rasd.model import EVENT_TYPE_OF, Event, Evidence, GeoPrecision, TimePrecision
from rasd.recognize.places import place_cues
from rasd.recognize.triggers import TriggerMatch
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.resolve.places import ResolvedPlace
from rasd.text.normalize import normalize_key
from rasd.text.segment import Segment
from rasd.text.tokens import is_definite, reads_as

__all__ = ["assemble"]


#: Drop rules that say the clause tells a statistic ("تسيطر على 65 بالمئة", "منذ بداية العام").
_STATISTICS = frozenset({"generic_statistic", "territory_share"})


def assemble(analysis: Analysis, gazetteer: Gazetteer, explain: list[dict[str, Any]] | None = None,
             references: list[Reference] | None = None,
             features_of: list[dict[str, float]] | None = None) -> list[Event]:
    """Events of one analysed document. With ``explain`` (a list), every candidate's
    rules and decision are appended to it; with ``references``, the earlier events the
    article speaks of without reporting them anew ("ندد بالهجوم الكيميائي على دوما")."""
    assembler = ArticleAssembler(analysis, gazetteer, explain)
    events = assembler.run()
    if references is not None:
        references.extend(assembler.article.references)
    if features_of is not None:  # the confidence model's inputs, one per returned event
        inputs = {id(e.event): e.features for e in assembler.article.events}
        features_of.extend(inputs[id(event)] for event in events)
    return events


def _toll_of(analysis: Analysis, fighting: Candidate, act: TriggerMatch) -> TriggerMatch:
    """Which of fighting and an act told in one clause the clause's toll belongs to
    (event-schema.md §3.3): the one the deaths are tied to, the first told after the count
    ("قتل 28 إثر اشتباكات بين الطرفين وتفجيرين": the fighting; "اشتباكات بين ... وعشرات الجثث
    لضحايا سقطوا في القصف": the shelling), else the first told."""
    first, second = sorted((fighting.trigger, act), key=lambda t: t.start)
    starts = [c.start for g in count_groups(analysis, fighting) for c in g.counts]
    if starts and first.start < min(starts) < second.start:
        return second
    return first


#: What a deal is made of and announced as (an agreement, an exit, a campaign announced):
#: never the main act a relative clause's act is told beside ("ويتعلق الاتفاق بخروج
#: المسلحين من بلدة دوما التي استعادت القوات السيطرة عليها": the exit is the deal's term).
_TERMS_OF_A_DEAL = frozenset({"Agreement", "Non-violent transfer of territory", "Change to group/activity", "Other"})

#: How many words after a noun of fighting its "بين" may come ("اشتباكات عنيفة بين", "اشتباكات
#: وتبادل للقصف المدفعي بين").
_BETWEEN_WITHIN = 5


class ArticleAssembler:
    """One article's candidates, clause by clause, with what earlier clauses left."""

    def __init__(self, analysis: Analysis, gazetteer: Gazetteer, explain: list[dict[str, Any]] | None) -> None:
        self.analysis = analysis
        self.article = ArticleState(analysis, gazetteer)
        self.explain = explain

    def run(self) -> list[Event]:
        analysis = self.analysis
        if self.explain is None and self.article.wholly_foreign:
            return []  # every candidate would fall to outside_coverage (48% of the corpus); --explain walks them
        norm = analysis.ntext.norm
        end_of_headline = headline_end(norm)
        # a crosshead names what its paragraph reports; a line pointing to another story, and
        # the box of other stories under the page (if any), are not the article's
        heads = crossheads(norm) + teaser_lines(norm) + headline_lines(norm) + [Segment(article_end(analysis), len(norm))]
        for seg in trigger_clauses(analysis):
            # "أضرموا النار": a crowd's act only where the sentence names the crowd
            found = [t for t in within(analysis, analysis.triggers, seg) if not t.sense.crowd or names_a_crowd(analysis, seg)]
            found = [t for t in found if not any(h.start <= t.start < h.end for h in heads)]
            if not found or seg.end <= end_of_headline:
                continue  # a headline only repeats what the body reports
            triggers = [t for t in found if not t.sense.campaign]
            if not triggers:
                self.campaign_begun_beside(seg, found, None)
                continue
            # "لطرد", "للسيطرة على", "يمهد لهجوم": what a campaign is for, not what happened;
            # "احتجاجا على الغارات": what a protest is against
            purposeful = [t for t in triggers if not is_purpose(analysis, t) and not is_grievance(analysis, t)]
            # "دخلوا إلى سوريا", "دخلت في مفاوضات": entering that takes no ground
            grounded = [t for t in purposeful if not enters_no_ground(analysis, t, seg)]
            # "الاستيلاء على أكثر من 15 آلية": equipment seized, no ground taken
            unseized = [t for t in grounded if not seizes_things(analysis, t, seg)]
            # "ضربات ضد مصانع أسلحة كيماوية": a weapon named as a thing is no attack
            wielded = [t for t in unseized if not is_unused_weapon(analysis, t)]
            # "انسحبت الوحدات من منبج بموجب اتفاق": the agreement frames the act
            unframed = [t for t in wielded if not frames_an_act(analysis, t)]
            # "بعد سنوات من الحصار والقصف": the backdrop of the clause's act; "لإطلاق معركة
            # درعا": a campaign named for its place, beside the act
            foreground = [t for t in unframed if not in_a_backdrop(analysis, seg, t)
                          and not names_a_battle_by_its_place(analysis, t)]
            chosen = foreground or unframed or wielded or unseized or grounded or purposeful or triggers
            undescribed = without_the_dead_described(analysis, seg, chosen)
            coding = without_the_blasts_of_a_strike(analysis, seg, undescribed)
            trigger = primary_trigger(after_the_opening(analysis, seg, coding))
            described = self.act_before_a_relative_clause(after_the_opening(analysis, seg, coding), trigger)
            if described is not None:  # the clause is coded by its main act; the relative clause's act follows
                trigger, described = described, trigger
            decision = Decision([f"trigger:{trigger.sense.sub_event_type}"])
            if len(undescribed) < len(chosen):
                decision.fired("bombers_among_the_dead_are_not_the_act")
            if len(coding) < len(undescribed):
                decision.fired("explosions_of_the_strike")
            # an empty step drops the candidate
            refused = "purpose" if not purposeful else "entered_no_ground" if not grounded \
                else "seized_things" if not unseized else "weapon_not_used" if not wielded \
                else "agreement_framing_an_act" if not unframed else None
            fighting = self.fighting_beside(seg, coding, trigger)
            cand = Candidate(seg, sentence_of(analysis, seg.start), trigger, trigger.sense.sub_event_type,
                             toll_elsewhere=fighting is not None and not fighting.toll_elsewhere)
            self.decide(cand, decision, refused)
            statistic = decision.dropped is not None and decision.dropped.rule in _STATISTICS
            if statistic and self.campaign_beside_a_statistic(seg, coding, trigger):
                continue
            if "campaign_start" not in decision.rules:
                self.campaign_begun_beside(seg, found, trigger)
            # (fighting that holds the toll stands even where the act, left without one, fell)
            if fighting is not None and (decision.kept or not fighting.toll_elsewhere):
                self.decide(fighting, Decision(["trigger:Armed clash", "clashes_beside_the_act"]))
            if described is not None:
                told = Candidate(seg, sentence_of(analysis, seg.start), described, described.sense.sub_event_type,
                                 toll_elsewhere=True)
                self.decide(told, Decision([f"trigger:{described.sense.sub_event_type}", "act_told_in_a_relative_clause"]))
        apply_claims(analysis, self.article.events)
        return merge_within_article(self.article.events)

    def decide(self, cand: Candidate, decision: Decision, refused: str | None = None) -> None:
        """Code ``cand`` (unless a rule already ``refused`` it) and record what was decided
        in ``decision`` and, under --explain, the explanation."""
        seg, trigger = cand.segment, cand.trigger
        if self.explain is not None:  # the spans only --explain shows
            decision.segment = self.analysis.span(seg.start, seg.end).model_dump()
            decision.trigger = evidence_span(self.analysis, trigger.start, trigger.end)["text"]
        try:
            if refused is not None:
                raise Dropped(refused)
            self.candidate(cand, decision)
            decision.kept = True
        except Dropped as dropped:
            # the traceback's frames would tie the whole analysis into a reference
            # cycle that only the garbage collector frees (~6% of extraction time)
            dropped.__traceback__ = None
            decision.dropped = dropped
        if self.explain is not None:
            self.explain.append(decision.as_record())

    def act_before_a_relative_clause(self, coding: list[TriggerMatch], primary: TriggerMatch) -> TriggerMatch | None:
        """"خطفت داعش 170 مدنيا خلال عملية مداهمة لمدينة القريتين التي استولوا عليها
        الأربعاء": an act told in a relative clause ("التي", "الذي") that describes a place or
        a people the clause's main act names is another event, told to say what the place
        went through; the clause is coded by its main act (the one told first, with a word of
        its mode, not itself in a relative clause), and the described act after it
        (event-schema.md §3: one event per act). Not a strike beside a strike: "الغارات التي
        قصفت البلدة" tells one bombardment twice; nor an act named by a definite noun, which
        points back to one told before, nor the terms of a deal (``_TERMS_OF_A_DEAL``). Returns
        the main act, if the clause's primary trigger is such a described act."""
        if not self._in_a_relative_clause(primary):
            return None
        remote, tokens = "Explosions/Remote violence", self.analysis.tokens
        return next((t for t in coding if t.start < primary.start and t.sense.mode and not t.sense.weak
                     and not is_definite(tokens[t.token_start].text) and t.sense.sub_event_type not in _TERMS_OF_A_DEAL
                     and t.sense.sub_event_type != primary.sense.sub_event_type
                     and not (EVENT_TYPE_OF[t.sense.sub_event_type] == remote == EVENT_TYPE_OF[primary.sense.sub_event_type])
                     and not self._in_a_relative_clause(t)), None)

    def _in_a_relative_clause(self, trigger: TriggerMatch) -> bool:
        """The trigger is the verb of a relative clause: "التي استولوا", "الذي قد سيطر", "التي
        كانت قد سيطرت"."""
        tokens, words = self.analysis.tokens, assembly_words()
        before = [tokens[i].text for i in range(max(0, trigger.token_start - 3), trigger.token_start)]
        while before and before[-1] in words.relative_auxiliaries:
            before = before[:-1]  # "التي كانت قد سيطرت"
        return bool(before) and reads_as(before[-1], words.relative_pronouns)

    def fighting_beside(self, seg: Segment, coding: list[TriggerMatch], primary: TriggerMatch) -> Candidate | None:
        """"اندلعت اشتباكات وتبادل للقصف المدفعي بين جيش الفتح وقوات النظام", "قتل 28 اثر
        اشتباكات بين الطرفين وتفجيرين انتحاريين": fighting between two sides ("بين" right after
        the noun of fighting) told beside a strike, a shelling or a bombing of the same clause
        is an event of its own (event-schema.md §3: an air strike that caused a battle is two
        events), coded from its own word once the clause's act is; the clause's toll goes to
        the one the deaths are tied to (``_toll_of``, §3.3). Not fighting that goes on, nor
        fighting "كان" tells as earlier."""
        if EVENT_TYPE_OF[primary.sense.sub_event_type] != "Explosions/Remote violence":
            return None
        analysis, words = self.analysis, assembly_words()
        tokens = analysis.tokens
        for trigger in coding:
            first = tokens[trigger.token_start].text
            if trigger.sense.sub_event_type != "Armed clash" or not reads_as(first, words.clash_nouns):
                continue
            lo, hi = sorted((trigger, primary), key=lambda t: t.start)
            if any(reads_as(t.text, words.told_before) for t in tokens[lo.token_end:hi.token_start]):
                continue  # "قصف على ثكنة ...، وكانت الصقلاوية شهدت اشتباكات بين": earlier fighting
            following = tokens[trigger.token_end:min(trigger.token_end + _BETWEEN_WITHIN, len(tokens))]
            if not any(t.start < seg.end and reads_as(t.text, words.fight_between) for t in following):
                continue
            cand = Candidate(seg, sentence_of(analysis, seg.start), trigger, "Armed clash")
            if says_it_goes_on(analysis, cand):
                return None
            cand.toll_elsewhere = _toll_of(analysis, cand, primary) is not trigger
            return cand
        return None

    def campaign_beside_a_statistic(self, seg: Segment, coding: list[TriggerMatch], dropped: TriggerMatch) -> bool:
        """"بالتزامن مع حملة عسكرية بدأها النظام في 18 فبراير، تمكن خلالها من السيطرة على 65
        بالمئة من الغوطة": the clause's statistic is no event, but the start of the campaign
        it counts from, told beside it, is; it is coded from its own trigger. Whether one was
        coded (else the campaign may be told beside the statistic as beside any act)."""
        analysis = self.analysis
        for trigger in coding:
            if trigger is dropped:
                continue
            cand = Candidate(seg, sentence_of(analysis, seg.start), trigger, trigger.sense.sub_event_type)
            if not begins_a_campaign(analysis, cand):
                continue
            decision = Decision([f"trigger:{trigger.sense.sub_event_type}", "campaign_beside_a_statistic"])
            self.decide(cand, decision)
            return decision.kept
        return False

    def campaign_begun_beside(self, seg: Segment, found: list[TriggerMatch], primary: TriggerMatch | None) -> None:
        """"منذ بدء قوات النظام تصعيدها على الغوطة الشرقية في 18 فبراير، لم تسلم المرافق الطبية
        من القصف": the start of a campaign told beside the act the clause is coded by (or
        beside nothing) is an event of its own, coded from its campaign noun."""
        analysis, nouns = self.analysis, assembly_words().campaign_nouns
        starts = {t.token_start for t in found}
        for trigger in found:
            if trigger is primary or not reads_as(analysis.tokens[trigger.token_start].text, nouns):
                continue
            if trigger.sense.campaign and trigger.token_end in starts:
                continue  # "بدأت عملية إجلاء المقاتلين": the operation is the act after it
            cand = Candidate(seg, sentence_of(analysis, seg.start), trigger, trigger.sense.sub_event_type)
            if not dates_a_campaign_beside(analysis, cand, found):
                continue
            decision = Decision([f"trigger:{trigger.sense.sub_event_type}", "campaign_begun_beside_the_act"])
            self.decide(cand, decision)
            return

    def candidate(self, cand: Candidate, decision: Decision) -> None:
        """Code one candidate into events (one per place), or raise ``Dropped``."""
        analysis, article = self.analysis, self.article
        outside_coverage(analysis, cand, article.foreign)
        check_filters(analysis, cand)
        grave_not_found(analysis, cand)
        groups = [] if cand.toll_elsewhere else count_groups(analysis, cand)
        # a vague count the death word before it made ("مقتل العشرات") gives the toll, but no
        # sign that the clause tells news: "الهجوم الذي أسفر عن مقتل العشرات" names a past attack
        told = [g for g in groups if not all(c.after_a_death_word for c in g.counts)]
        if not told:
            killed_only_in_a_running_total(analysis, cand)
            aircraft_without_an_act(analysis, cand)
            explosions_heard(analysis, cand)
            battle_named_for_its_place(analysis, cand)
        when = when_of(analysis, cand, bool(told), decision)
        dead_of_a_battle_named_for_its_place(analysis, cand, when)
        waged_campaign(analysis, cand, when, bool(told))
        offensive_named_by_its_side(analysis, cand, when, bool(told))
        today = counted_day(analysis, cand)
        if cand.trigger.sense.weak and not when.stated and not told and not accomplished(analysis, cand) and not today \
                and not counted_captives(analysis, cand):
            if (cand.trigger.sense.dated_only and not names_dead_or_hurt(analysis, cand.sentence)) \
                    or says_it_goes_on(analysis, cand) or not reads_as_a_report(analysis, cand.sentence):
                raise Dropped("weak_trigger_without_date_or_toll")
            decision.fired("weak_trigger_in_a_sentence_that_reads_as_a_report")
        if not told and not (when.stated and when.precision == 1) and not names_dead_or_hurt(analysis, cand.segment) \
                and describes_a_place(analysis, cand):
            raise Dropped("describes_a_place")
        if not told and not when.stated and describes_a_side(analysis, cand):
            raise Dropped("describes_a_side")
        if not told and not when.stated:
            destruction_it_wrought(analysis, cand)
        picks = without_places_abroad(analysis, cand, places_of_clause(analysis, cand, article.gazetteer))
        country_summary(analysis, picks, when.stated and when.precision == 1, cand.sub_event_type)
        if refers_to_earlier_event(analysis, cand, when, cand.sub_event_type in article.sub_types):
            self.note_reference(cand, picks)
            place = picks[0].place.display_name if picks and picks[0].place else "?"
            raise Dropped("reference_to_earlier_event", f"{cand.sub_event_type} at {place}")
        answered = answered_before(analysis, cand, when)
        if answered is not None:
            when = answered
            decision.fired("answered_in_the_week_before")
        undated_news = False  # no date at all, told as news of the day
        if not told and not today and not (when.stated and not when.announced) and named_as_going_on(analysis, cand) \
                and not names_dead_or_hurt(analysis, cand.segment):
            raise Dropped("ongoing_act")
        if when.match is None and not told and not counted_captives(analysis, cand):
            undated_news = not today
            if not today and not reported_as_news(analysis, cand, any(p.geo_precision < 3 for p in picks)):
                # nothing dates it and nobody died: commentary or an ongoing situation,
                # unless the sentence as a whole reads as news
                if says_it_goes_on(analysis, cand) or not reads_as_a_report(analysis, cand.sentence):
                    raise Dropped("no_date_or_toll")
                decision.fired("undated_in_a_sentence_that_reads_as_a_report")
            else:
                decision.fired("counted_day_of_the_news" if today else "undated_news_of_the_day")
        if not cand.trigger.sense.mode and not picks and groups and self.adds_toll_to_previous(cand, groups):
            raise Dropped("toll_of_the_previous_event", str(article.events[-1].event.fatalities))
        # the article's focus places only an event dated to the day (or with a toll), or
        # news of the day with no date at all ("وقطع المتظاهرون طريق منفذ الشلامجة" in an
        # article on Qurna): "في يناير شنت القوات التركية هجوما" is background, wherever the
        # article is (a campaign's start is dated however coarsely it is: "أطلقت القوات هجوما
        # في فبراير"); the day an act was announced or spoken of is not its own ("أعلنت
        # السعودية عن دعمها للضربات التي تم شنها السبت"): unplaced, such an act is the
        # statement's subject
        picks = where(article, cand, decision, picks,
                      (when.stated and not when.announced and (when.precision < 3 or is_campaign_start(when)))
                      or bool(told) or undated_news)
        ongoing_situation(when, any(p.geo_precision < 3 for p in picks), bool(told), cand.sub_event_type)
        sides = sides_of(article, cand, decision, groups, picks)
        side_fights_abroad(sides.agent, sides.target)
        if sides.sub == "Attack" and not cand.trigger.sense.mode and not reads_as_a_report(analysis, cand.sentence):
            raise Dropped("killing_not_told_as_news")
        actor1 = sides.agent.name if sides.agent else default_agent(sides.sub)
        if actor1 is None:
            raise Dropped("no_actor")
        actor2 = sides.target.name if sides.target and sides.target.name != actor1 else None
        if sides.sub == "Armed clash" and actor2 is None:
            raise Dropped("clash_without_second_side")
        toll = toll_of(analysis, cand, sides.sub, groups, decision)
        sources = sources_of(analysis, cand)
        several = reads_as(analysis.tokens[cand.trigger.token_start].text, assembly_words().several_agreements,
                           without_article=True)
        picks = one_place_for_what_is_declared_once(sides.sub, picks, decision, several)
        by_place = tolls_by_place(analysis, cand, places_in(analysis, cand.segment)) \
            if groups and sides.sub not in KILLS_NOBODY_TYPES else []
        if by_place:
            picks, shares = _with_the_toll_of_each_place(picks, by_place, toll)
            decision.fired("a_toll_for_each_place")
        else:
            shares = shares_of(toll, len(picks))
        for pick, share in zip(picks, shares, strict=True):
            self.emit(cand, when, pick, sides, actor1, actor2, share, sources, decision, len(picks))
        article.previous_place = picks

    def note_reference(self, cand: Candidate, picks: list[PlacePick]) -> None:
        """Keep what the store needs to link the reference to the event it names."""
        place = picks[0].place if picks else None
        pick = picks[0] if picks else None
        self.article.references.append(Reference(
            cand.sub_event_type, place.display_name if place else None,
            evidence_span(self.analysis, pick.start, pick.end)["text"] if pick else None,
            place.id if place else None, place.admin1 if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None,
            self.analysis.doc.published.isoformat() if self.analysis.doc.published else None,
            self.analysis.doc.id, evidence_span(self.analysis, cand.segment.start, cand.segment.end)))

    def adds_toll_to_previous(self, cand: Candidate, groups: list[CountGroup]) -> bool:
        """"وأوردت سانا مقتل شخص": a toll with no place of its own, in the sentence
        right after an event that has none, is that event's toll."""
        events = self.article.events
        if not events:
            return False
        last = events[-1]
        if sentence_index(self.analysis, cand.segment.start) - last.sentence > 1 or last.event.fatalities != 0 \
                or last.event.sub_event_type in KILLS_NOBODY_TYPES:
            return False  # (a campaign's start, a deal, an arrest kill nobody: the toll is another event's)
        last.event.fatalities = groups[0].best
        last.event.evidence.extend(Evidence(field="fatalities", **evidence_span(self.analysis, c.start, c.end))
                                   for c in groups[0].counts)
        if last.event.event_type == "Explosions/Remote violence" and last.event.actor2 is None \
                and not any(c.victims == "fighters" for c in groups[0].counts):
            last.event.actor2 = "Civilians"  # as actor2_civilians_in_a_town: people were hit
        e = last.event
        e.notes = note(e.sub_event_type, e.actor1, e.actor2, last.picks[0].place, e.fatalities)
        return True

    def emit(self, cand: Candidate, when: When, pick: PlacePick, sides: Sides, actor1: str,
             actor2: str | None, toll: Toll, sources: list[str], decision: Decision, list_size: int) -> None:
        analysis, trigger, seg = self.analysis, cand.trigger, cand.segment

        def evidence(name: str, start: int, end: int) -> Evidence:
            return Evidence(field=name, **evidence_span(analysis, start, end))

        place = pick.place
        evidence_list = [evidence("trigger", trigger.start, trigger.end)]
        if sides.agent_m and sides.agent and sides.agent_m.actor.name == actor1:
            evidence_list.append(evidence("actor1", sides.agent_m.start, sides.agent_m.end))
        if sides.target_m and actor2 == sides.target_m.actor.name:
            evidence_list.append(evidence("actor2", sides.target_m.start, sides.target_m.end))
        evidence_list.append(evidence("location", pick.start, pick.end))
        if when.match and not when.news_of_the_day:
            evidence_list.append(evidence("date", when.match.start, when.match.end))
        evidence_list.extend(evidence("fatalities", a, b) for a, b in toll.spans)
        evidence_list.append(evidence("quote", seg.start, seg.end))
        location_ar = evidence_span(analysis, pick.start, pick.end)["text"]
        if pick.resolved is not None and pick.start != pick.resolved.mention.start:
            location_ar = evidence_span(analysis, pick.resolved.mention.start, pick.resolved.mention.end)["text"]
        location_ar = _with_its_article(location_ar.lstrip("#"), place)
        kind, _, name = location_ar.partition(" ")
        if pick.geo_precision == 3 and name and normalize_key(kind) in place_cues().settlement_kinds:
            location_ar = name  # the village could not be placed: its name, as the article writes it
        sub = sides.sub
        reported = when.match is not None and bool(when.match.value.get("reported"))
        inputs = features(
            strength=trigger.sense.strength, mode=trigger.sense.mode, weak=trigger.sense.weak,
            territory=trigger.sense.territory, agent_in_text=sides.agent_m is not None and sides.agent_m.actor.name == actor1,
            agent_default=sides.agent is None, actor2=actor2 is not None,
            date_in_sentence=when.stated and not reported, date_reported=reported,
            date_borrowed=when.match is not None and not when.stated and not when.news_of_the_day,
            undated=when.match is None or when.news_of_the_day,
            fatalities=toll.fatalities, geo_precision=pick.geo_precision,
            place_unknown=pick.resolved is None or pick.resolved.place is None,
            place_ambiguous=pick.resolved is not None and pick.resolved.ambiguous,
            rules=decision.rules, event_type=EVENT_TYPE_OF[sub], civilians=actor2 == "Civilians", list_size=list_size)
        event = Event(
            event_type=EVENT_TYPE_OF[sub], sub_event_type=sub,
            date=when.date, date_end=when.date_end, time_precision=cast(TimePrecision, when.precision),
            actor1=actor1, actor2=actor2,
            assoc_actor1=list(sides.agent.assoc) if sides.agent and sides.agent.name == actor1 else [],
            country=place.country if place else pick.country,
            admin1=place.admin1 if place else None,
            admin2=(place.admin2 or None) if place else None,
            location=place.display_name if place else location_ar,
            location_ar=location_ar,
            latitude=place.lat if place else None, longitude=place.lon if place else None,
            geo_precision=cast(GeoPrecision, pick.geo_precision), gazetteer_id=place.id if place else None,
            fatalities=toll.fatalities, fatalities_low=toll.low, fatalities_high=toll.high,
            reported_by=sources, evidence=evidence_list,
            notes=note(sub, actor1, actor2, place, toll.fatalities),
            confidence=round(confidence_model()(inputs), 3), doc_id=analysis.doc.id,
        )
        weak_date = when.match is None or bool(when.match.value.get("reported"))
        # a name the gazetteer lacks, or a neighbourhood coded at its city, keeps its own
        # key: two of them in one article are two places
        resolved_here = pick.resolved is not None and pick.resolved.place is not None \
            and pick.resolved.place is pick.place
        place_key = event.gazetteer_id if resolved_here or pick.resolved is None else f"name:{pick.name_norm}"
        clause_places = frozenset(r.place.id for r in places_in(analysis, seg) if r.place is not None)
        # "حيث قتل 18 مدنياً": death words alone tell a toll, not how the dead were struck
        # ("قتل ثلاثة مدنيين برصاص قناص" says how)
        death_words, norm = assembly_words().death_words, analysis.ntext.norm
        # ("قتلت بعد أن أطلق مسلحون النار عليها": gunfire in the clause says how, too)
        toll_alone = sub == "Attack" \
            and all(norm[t.start:t.end] in death_words and not t.sense.mode for t in within(analysis, analysis.triggers, seg)) \
            and gunfire_in(analysis, seg) is None
        if toll_alone:
            decision.fired("a_toll_alone_is_no_event")
        emitted = Emitted(event, is_anaphoric(self.article, cand), specificity(pick), weak_date, place_key,
                          seg.start, sentence_index(analysis, seg.start), [pick], inputs,
                          place_borrowed="place_from_document_focus" in decision.rules, clause_places=clause_places,
                          toll_alone=toll_alone, another=tells_another(self.article, cand),
                          unnumbered_toll=bool(UNNUMBERED_TOLL_RULES.intersection(decision.rules)),
                          announced_on_its_day=when.announced_on_its_day)
        self.article.events.append(emitted)
        self.article.last_of_type[event.event_type] = emitted
        self.article.sub_types.add(event.sub_event_type)


def _with_the_toll_of_each_place(picks: list[PlacePick], by_place: list[tuple[ResolvedPlace, Toll]],
                                 toll: Toll) -> tuple[list[PlacePick], list[Toll]]:
    """The clause's places with the toll the clause gives each (``tolls_by_place``): a town
    it names with no dead of its own has none; an area it names ("قرى جبل الزاوية") keeps the
    dead not given place by place, and is no event when none are left (event-schema.md §3.1
    "Total over an area"); a place given its dead that the clause's places lack is added."""
    told = {r.place.id: (r, t) for r, t in by_place if r.place is not None}
    left = toll.fatalities - sum(t.fatalities for _, t in by_place)
    out: list[tuple[PlacePick, Toll]] = []
    for pick in picks:
        if pick.place is not None and pick.place.id in told:
            out.append((pick, told.pop(pick.place.id)[1]))
        elif pick.place is not None and pick.place.feature in TOWNS:
            out.append((pick, Toll(0)))
        elif left > 0:
            out.append((pick, Toll(left)))
            left = 0
    out.extend((pick_of(r), t) for r, t in told.values())
    return [p for p, _ in out], [t for _, t in out]


def _with_its_article(name: str, place: Place | None) -> str:
    """"حصار النظام للغوطة الشرقية": after the preposition ل the alef of the article is
    not written, and the name without its clitic is "الغوطة الشرقية" when that is the
    place's name in the gazetteer. (A name that begins with ل, "للاذقية", merges the
    article's lam too; it stays as the text reads it, since ل + ال + ل is spelled three ways.)"""
    if place is not None and name.startswith("ل") and not name.startswith("ال") \
            and normalize_key("ا" + name) == normalize_key(place.name_ar):
        return "ا" + name
    return name


def note(sub: str, actor1: str, actor2: str | None, place: Place | None, fatalities: int) -> str:
    where_ = f" in {place.display_name}" if place else ""
    against = f" against {actor2}" if actor2 else ""
    toll = f"; {fatalities} killed" if fatalities else ""
    return f"{sub}: {actor1}{against}{where_}{toll}."
