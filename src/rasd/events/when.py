"""When an event happened: the date mention that dates a candidate, and the rules that
move the date or drop a candidate that is not recent news.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasd.analysis import Analysis
from rasd.events.candidate import BOMBARDMENT_TYPES, Candidate, Decision, Dropped
from rasd.events.document import PUNCTUATION, last_word_before, sentence_index, sentence_of, within
from rasd.events.lexicon import assembly_words
from rasd.model import EVENT_TYPE_OF
from rasd.recognize.dates import DateMatch
from rasd.recognize.dates.calendar import calendar_words
from rasd.recognize.triggers import TriggerMatch
from rasd.text.segment import Segment
from rasd.text.tokens import is_definite, reads_as

BACKGROUND_DAYS = 90  # event-schema.md §3: older events are background
_REACH = 600  # characters before a sentence where a date still dates it
_LONGEST_DATE = 300  # characters: longer than any date expression


@dataclass
class When:
    match: DateMatch | None
    date: dt.date | None
    date_end: dt.date | None
    precision: int
    stated: bool  # the date is given in the candidate's own sentence
    announced: bool = False  # the day is only the one the act was announced or spoken of
    news_of_the_day: bool = False  # ``match`` only marks the passage as news of recent days
    announced_on_its_day: bool = False  # dated by the day an announcing verb gives it (the act may be the day before)


def _usable(d: DateMatch) -> bool:
    return not d.value.get("unresolved") and d.value["category"] != "year"


def choose_date(analysis: Analysis, cand: Candidate) -> DateMatch | None:
    """The date mention that dates the candidate: the nearest in its clause, else in its
    sentence (a date in the relative clause that describes a definite act first); else the
    day a statement in the sentence was made; else the last date the article gave before
    the sentence (news states a date once for several sentences), unless that date is a
    vague span of days."""
    trig = cand.trigger.start
    described = _relative_clause_of_the_act(analysis, cand)
    for scope in (cand.segment, cand.sentence):
        resolved = [d for d in within(analysis, analysis.dates, scope) if not d.value.get("unresolved")
                    and not is_reporting_date(analysis, d, scope.start) and not _dates_people(analysis, cand, d)
                    and not _dates_a_reaction(analysis, cand, d, scope.start)
                    and not _dates_a_running_total(analysis, cand, d)
                    and not _dates_the_beginning_of_a_later_act(analysis, cand, d)]
        own = [d for d in resolved if described is not None and described.start <= d.start < described.end
               and not d.value.get("since")]
        if own:  # "أدان ... الاثنين القصف الذي استهدف الغوطة السبت": the act's own clause dates it
            return own[0]
        if resolved:
            # the date nearest the trigger, even a bare year: "سيطر ... في عام 2014" is background
            return min(resolved, key=lambda d: abs(d.start - trig))
    # only the day of a statement ("أعلنت القوات، الجمعة، إحباط هجوم"): news reports
    # what happened that day; the event is dated by it, marked as a weak date
    reports = [d for d in within(analysis, analysis.dates, cand.sentence) if _usable(d) and d.value["precision"] == 1]
    if reports:
        d = min(reports, key=lambda d: abs(d.start - trig))
        return DateMatch(d.start, d.end, dict(d.value, reported=True))
    start = cand.sentence.start
    recent = within(analysis, analysis.dates, Segment(max(0, start - _REACH - _LONGEST_DATE), start))
    # (not a vague span, "خلال أيام", "في الأيام الأخيرة": it belongs to its own sentence)
    before = [d for d in recent if d.end <= start and start - d.end < _REACH
              and _usable(d) and not is_reporting_date(analysis, d, 0) and not d.value.get("future")
              and not d.value.get("vague") and not _a_span_since_an_earlier_day(d) and d.value["precision"] <= 2
              and not _dates_a_beginning(analysis, d) and _dates_a_told_act(analysis, d)]
    return before[-1] if before else None


def _dates_a_told_act(analysis: Analysis, d: DateMatch) -> bool:
    """Whether a date may date the sentences after it: its sentence tells an act (has an
    event word), or the date is background. A passage dated once is dated by the sentence
    of its news; the day of talks, a meeting or a decision ("يعتزم ماكرون وميركل إجراء
    محادثات الأحد مع بوتن", "صادق العبادي، الثلاثاء، على إحالة ..."), which tells none,
    does not date the acts told after it (an earlier day, of a sentence that tells an act,
    may date them instead). A time long past still does ("دخل إلى العراق في يونيو 2015" in
    2018): what follows is a story of that time."""
    end = d.value.get("date_end")
    if end and _ended_long_before(analysis, dt.date.fromisoformat(end)):
        return True
    return bool(within(analysis, analysis.triggers, sentence_of(analysis, d.start)))


def _dates_a_beginning(analysis: Analysis, d: DateMatch, launched: bool = False) -> bool:
    """"بعد أيام من القصف المكثف، الذي بدأ الثلاثاء", "العملية التي انطلقت في 20 يناير": the
    day a relative clause says a campaign began dates the beginning; the acts the next
    sentences tell came later and do not take it. Not a clause that tells the beginning
    itself ("وقد بدأت مساء الخميس مواجهات عنيفة": the fighting of that evening)."""
    words = assembly_words()
    before = [t.text for t in analysis.tokens_between(max(0, d.start - 30), d.start)][-3:]
    for i in range(1, len(before)):
        began = reads_as(before[i], words.began_words) \
            or reads_as(before[i], words.begun_after if launched else words.began_after)
        if began and reads_as(before[i - 1], words.relative_pronouns) and all(w in ("في", "يوم") for w in before[i + 1:]):
            return True
    return False


def _dates_the_beginning_of_a_later_act(analysis: Analysis, cand: Candidate, d: DateMatch) -> bool:
    """"أعلن الجيش التركي، مساء السبت، فرض السيطرة الكاملة على عفرين ضمن العمليات التي
    أطلقها في الـ20 من يناير": a relative clause after another act, saying when that one
    began or was launched, dates that act; the act before it is not dated by it."""
    if d.start < cand.trigger.end or not _dates_a_beginning(analysis, d, launched=True):
        return False
    return bool(within(analysis, analysis.triggers, Segment(cand.trigger.end, d.start)))


def _a_span_since_an_earlier_day(d: DateMatch) -> bool:
    """"تتعرض لقصف منذ أول أيام عيد الفطر": a span since an earlier day says how long a
    situation has lasted; the sentences after it are not dated by its first day ("منذ فجر
    اليوم", a span within the day, still dates them)."""
    return bool(d.value.get("since")) and d.value.get("date") != d.value.get("date_end")


#: How many days a window of days runs over: more than a night's two, up to a week and a day.
_SPAN_OF_DAYS = range(3, 9)
#: The dates that are windows of recent days, not days the text states: "خلال الأيام الخمسة
#: الماضية" (duration), "الأسبوع الماضي" (week_relative), "قبل أيام", "منذ ثلاثة أسابيع"
#: (days_ago). Not a range of stated days ("بين 18 و22 فبراير", "الجمعة والأحد"), nor a part of
#: a month ("نهاية شباط", eight days).
_WINDOWS_OF_RECENT_DAYS = frozenset({"duration", "week_relative", "days_ago"})


def _a_span_of_days(d: DateMatch) -> bool:
    """A window of several recent days: a span that sums up its own sentence ("تركز القتال
    خلال الأيام الخمسة الماضية", "القصف الذي كان الأسبوع الماضي يستهدف يوميا", "قبل أيام"), or
    about when a past act its sentence names began ("بدأت الحملة منذ ثلاثة أسابيع"). Neither
    gives the sentences after it a day: with no date of their own, they are the news of the
    day (event-schema.md §3.1, no stated date). (A day, a night over two days, a range of
    stated days or a part of a month still dates the sentences after it.)"""
    start, end = d.value.get("date"), d.value.get("date_end")
    if d.value.get("category") not in _WINDOWS_OF_RECENT_DAYS or not start or not end:
        return False
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1 in _SPAN_OF_DAYS


#: How many words (adjectives of the act) may stand between a definite act and the relative
#: pronoun that opens the clause describing it ("الهجوم الكيميائي المفترض الذي").
_ADJECTIVES_BEFORE_RELATIVE = 2
#: What ends a relative clause: punctuation, or a new clause about its subject ("وهو الثاني").
_CLAUSE_END = re.compile(rf"{PUNCTUATION.pattern}|[;؛]|\s[وف](?:هو|هي|كان|كانت)\s")


def _relative_clause_of_the_act(analysis: Analysis, cand: Candidate) -> Segment | None:
    """"أعلن الوزير الأحد اعتقال المتورطين بالتفجير الذي استهدف ناحية بني سعد الجمعة": a
    definite act described by a relative clause (or by its occurrence: "الهجوم المشتبه
    بوقوعه في 7 أبريل") is dated by a date inside that clause, not
    by a day before it, which dates the sentence's main verb. The part of the clause a date
    of the act may stand in: from the pronoun (or the word of occurrence) to the clause's end (punctuation or "وهو") or
    to another act it names ("بعد يومين من هجوم الخميس" dates that one); a span since a day
    ("منذ الخميس") is the caller's to leave out. None when the act has no such clause."""
    tokens, trigger, norm = analysis.tokens, cand.trigger, analysis.ntext.norm
    if not is_definite(tokens[trigger.token_start].text):
        return None
    words = assembly_words()
    dates = within(analysis, analysis.dates, cand.sentence)
    k = trigger.token_end
    last = min(len(tokens), k + _ADJECTIVES_BEFORE_RELATIVE)
    while k < last and tokens[k].text not in words.relative_pronouns and is_definite(tokens[k].text) \
            and not any(d.start == tokens[k].start for d in dates):  # ("القصف الخميس الذي": a day, not an adjective)
        k += 1
    if k >= len(tokens) or not (tokens[k].text in words.relative_pronouns or reads_as(tokens[k].text, words.occurrence_of_the_act)) \
            or _CLAUSE_END.search(norm, trigger.end, tokens[k].start):
        return None
    opens = tokens[k].end
    end = _CLAUSE_END.search(norm, opens, cand.sentence.end)
    closes = end.start() if end is not None else cand.sentence.end
    # the clause's own verb stands right after the pronoun (or is the word of occurrence
    # itself); an act named later is another one
    own_verb_end = tokens[k + 1].end if k + 1 < len(tokens) and tokens[k].text in words.relative_pronouns else opens
    other = next((t for t in within(analysis, analysis.triggers, Segment(own_verb_end, closes))), None)
    return Segment(opens, other.start if other is not None else closes)


#: How many characters before a day its verb of saying (or of reaction) is looked for.
_STATEMENT_REACH = 80


def _dates_a_reaction(analysis: Analysis, cand: Candidate, date: DateMatch, floor: int) -> bool:
    """"أدانت إسرائيل الاثنين الهجوم الكيميائي على دوما": a day between a verb of reaction
    and the event it reacts to dates the reaction (the event, if undated otherwise, is
    then dated as the news of that day). Not a day after the complementizer that opens
    what the reaction is about ("أدانت فرنسا أن قوات النظام الأحد قصفت ...")."""
    if date.end > cand.trigger.start:
        return False
    norm, words = analysis.ntext.norm, assembly_words()
    verb = words.reaction_before.search(norm, max(floor, date.start - _STATEMENT_REACH), date.start)
    return verb is not None and words.complementizer.search(norm, verb.start(), date.start) is None


def _dates_a_running_total(analysis: Analysis, cand: Candidate, date: DateMatch) -> bool:
    """"أسفر القصف عن مقتل ثمانية مدنيين، لترتفع بذلك حصيلة القتلى منذ 18 شباط إلى 1031":
    after the act, a "since" behind the words that open the running total it adds to dates
    the total; the act is dated as if the sentence had no such date. (Another date there,
    "ليرتفع عدد القتلى إلى 5 بعد قصف الخميس", may be the act's own.)"""
    if date.start <= cand.trigger.end or not date.value.get("since"):
        return False
    return assembly_words().tally_rise.search(analysis.ntext.norm, cand.trigger.end, date.start) is not None


def _dates_people(analysis: Analysis, cand: Candidate, date: DateMatch) -> bool:
    """"أعدم التنظيم أحد الرهائن الذين خطفهم الشهر الماضي": after the trigger, a date
    in a relative clause about people (الذين) dates what they did or suffered."""
    if date.start <= cand.trigger.end:
        return False
    norm = analysis.ntext.norm
    relatives = list(assembly_words().people_relative.finditer(norm, cand.trigger.end, date.start))
    # the relative clause runs to the next comma: "الذين خطفهم الشهر الماضي، يوم السبت"
    return bool(relatives) and not any(c in norm[relatives[-1].end():date.start] for c in ",،;")


def is_reporting_date(analysis: Analysis, date: DateMatch, floor: int) -> bool:
    """A date that dates a statement, not the event: "وقال المتحدث، يوم الاثنين، إن...",
    "ويوم الخميس، قالت إسرائيل إن طائراتها استهدفت...". Remembered per document: each
    clause of a sentence asks about the same dates."""
    floor = max(floor, date.start - _STATEMENT_REACH)
    return analysis.remember(("reporting_date", date.start, date.end, floor),
                             lambda: _after_verb_of_saying(analysis.ntext.norm, date, floor)
                             or _opens_a_statement(analysis, date)
                             or _dates_an_issued_statement(analysis.ntext.norm, date, floor))


#: What may stand before a date that opens its sentence: "و", "ويوم", a quote mark.
_SENTENCE_OPENER = re.compile(r"[\s\"'«(-]*[وف]?(?:يوم)?\s*")


def _opens_a_statement(analysis: Analysis, date: DateMatch) -> bool:
    """A day that opens its sentence, a verb of saying right after it: the day of the
    statement ("وفي فبراير الماضي، أعلنت القوات أنها صدت هجوما" dates the attack too)."""
    if date.value.get("precision") != 1:
        return False
    sentence = analysis.sentences[sentence_index(analysis, date.start)]
    norm = analysis.ntext.norm
    return bool(_SENTENCE_OPENER.fullmatch(norm, sentence.start, date.start)
                and assembly_words().statement_opened_by_date.match(norm, date.end, sentence.end))


def _dates_an_issued_statement(norm: str, date: DateMatch, floor: int) -> bool:
    """"وفقا للبيان العسكري الأمريكي الذي أذيع اليوم الاثنين", "وفق البيان الصادر مساء الأحد":
    a day told in the words that say when a statement was issued dates the statement (a
    day's statement often reports the day before: "نفذت 27 غارة أمس الخميس. وقال البيان الذي
    صدر اليوم الجمعة إن ست من ثماني غارات ...")."""
    return assembly_words().issued_statement_before.search(norm, floor, date.start) is not None


def _after_verb_of_saying(norm: str, date: DateMatch, floor: int) -> bool:
    words = assembly_words()
    before = norm[floor:date.start]
    after = norm[date.end:date.end + 40]
    verb = words.statement_before.search(before)
    if not verb or not words.statement_after.match(after):
        return False
    # "وأضاف أن بريطانيا لم تشارك في ضربات، ليل الأحد": after أن, the date is the content's;
    # so it is after what an accusation says was done ("الذي اتهمت دمشق بتنفيذه في دوما في 7
    # نيسان"), not after other deeds named so ("التي تطالب بتنفيذ الهدنة، يوم الأحد")
    accusation = words.accusation.search(before, verb.start())
    accused_of = accusation is not None and words.accused_of.search(before, accusation.end()) is not None
    return not words.complementizer.search(before, verb.start()) and not accused_of


def date_window(analysis: Analysis, date: DateMatch | None) -> tuple[dt.date | None, dt.date | None, int]:
    """(first day, last day, ACLED time precision) of a date mention. No date stated:
    news reports recent events, so the day before publication or that day (§3.1)."""
    if date is not None:
        v = date.value
        return dt.date.fromisoformat(v["date"]), dt.date.fromisoformat(v["date_end"]), int(v["precision"])
    published = analysis.doc.published
    if published is None:
        return None, None, 3
    return published - dt.timedelta(days=1), published, 2


def reported_as_news(analysis: Analysis, cand: Candidate, specific_place: bool) -> bool:
    """An event the clause reports as having taken place, with no time expression of
    its own: a strong trigger, a verb of occurrence ("شنت", "سيطروا", "قتل") and nothing
    that makes it an ongoing situation ("تواصل", "لا تزال"), at a place below the
    governorate. News reports recent events: it is dated the day before publication or
    that day (event-schema.md §3.1), not dropped as commentary."""
    words, seg = assembly_words(), cand.segment
    trigger_word = analysis.tokens[cand.trigger.token_start].text
    done = accomplished(analysis, cand)
    if (cand.trigger.sense.weak and not done and not reads_as(trigger_word, words.occurrence_verbs)) or not specific_place:
        return False  # a weak trigger reports news only as a finite verb of occurrence ("غادرت")
    if says_it_goes_on(analysis, cand):
        return False
    return done or any(reads_as(t.text, words.occurrence_verbs) for t in analysis.tokens_between(seg.start, seg.end))


def says_it_goes_on(analysis: Analysis, cand: Candidate) -> bool:
    """"قصف متواصل", "لا تزال الاشتباكات": the clause tells a situation that goes on, not
    an incident (event-schema.md §3.3)."""
    return assembly_words().ongoing.search(analysis.ntext.norm, cand.segment.start, cand.segment.end) is not None


def named_as_going_on(analysis: Analysis, cand: Candidate) -> bool:
    """"إلى القصف المستمر على الغوطة", "القصف الجوي المتواصل": the act noun itself, with an
    adjective of continuation after it (past the act's own descriptive adjectives), names a
    situation that goes on (event-schema.md §3.2 "Afrin, which is being shelled"), unless a
    verb of occurrence before it in its clause tells it happening ("وتعرضت المدينة للقصف
    المتواصل")."""
    words, tokens, trigger = assembly_words(), analysis.tokens, cand.trigger
    for token in tokens[trigger.token_end:min(trigger.token_end + 3, len(tokens))]:
        if token.start >= cand.segment.end or not (token.text in words.continuing_adjectives
                                                   or token.text in words.act_adjectives):
            return False
        if token.text in words.continuing_adjectives:
            return not any(reads_as(t.text, words.occurrence_verbs)
                           for t in analysis.tokens_between(cand.segment.start, trigger.start))
    return False


def accomplished(analysis: Analysis, cand: Candidate) -> bool:
    """"تمكنت قوات النظام من السيطرة على سقبا": the trigger, a verbal noun after "managed
    to" in its clause, tells an act done, as a verb of occurrence would."""
    return assembly_words().accomplished.search(analysis.ntext.norm, cand.segment.start, cand.trigger.start) is not None


def waged_campaign(analysis: Analysis, cand: Candidate, when: When, toll: bool) -> None:
    """"مع تواصل الغارات التي تشنها تركيا", "تظاهرة احتجاج على الهجوم الذي تشنه تركيا": a
    trigger right before a relative pronoun and a verb of waging in the present tense names
    the campaign going on, an ongoing situation (event-schema.md §3.2), unless a day written
    after it (not another act's, before it) or a toll in the clause makes it an incident. So
    does an indefinite one right before such a verb ("لهجوم تشنه أنقرة") or one a side
    means to resist ("لصد الهجوم التركي"), whatever day
    the sentence gives its other acts ("والثلاثاء الماضي، دخل مقاتلون عفرين ... للتصدي
    لهجوم تشنه تركيا")."""
    if toll or is_campaign_start(when):
        return  # (a campaign whose start the clause dates is coded at that start)
    words, tokens, trigger = assembly_words(), analysis.tokens, cand.trigger
    # a day of the sentence written before the act is another act's ("ثم شوهد مسلم السبت في
    # برلين خلال تظاهرة احتجاج على الهجوم الذي تشنه تركيا"); one after it may be the act's
    own_day = when.stated and when.precision == 1 and when.match is not None and when.match.start > trigger.end
    if not own_day:
        after = [t.text for t in tokens[trigger.token_end:trigger.token_end + 3] if t.start < cand.segment.end]
        for i in (0, 1):  # right after the trigger, or after an adjective of it ("الغارات الجوية التي يشنها")
            if len(after) > i + 1 and reads_as(after[i], words.relative_pronouns) \
                    and reads_as(after[i + 1], words.waging_verbs):
                raise Dropped("ongoing_campaign", f"{after[i]} {after[i + 1]}")
    nxt = tokens[trigger.token_end].text if trigger.token_end < len(tokens) else ""
    if not is_definite(tokens[trigger.token_start].text) and reads_as(nxt, words.waging_verbs_with_object):
        raise Dropped("ongoing_campaign", nxt)  # "لهجوم تشنه أنقرة"
    if trigger.token_start > 0 and reads_as(tokens[trigger.token_start - 1].text, words.resisting_words):
        raise Dropped("ongoing_campaign", tokens[trigger.token_start - 1].text)  # "لصد الهجوم التركي"


def offensive_named_by_its_side(analysis: Analysis, cand: Candidate, when: When, toll: bool) -> None:
    """"بعد ثلاثة أسابيع من بدء هجوم قوات الحكومة", "مع استمرار هجوم قوات النظام على ريف
    درعا", "للمساعدة في صد الهجوم التركي": an offensive named by the side that wages it (the
    side in the genitive right after the noun, or its adjective) is the campaign as a whole,
    not an incident: ``Dropped("offensive_named_by_its_side")``, unless a toll in its clause
    or a day that dates the noun (``_dates_the_offensive``) tells one ("هجوم شنته النصرة" or
    "هجوم لعناصر التنظيم" name the side otherwise, and stay)."""
    trigger, tokens = cand.trigger, analysis.tokens
    if toll or cand.sub_event_type != "Armed clash" \
            or not reads_as(tokens[trigger.token_start].text, assembly_words().offensive_nouns):
        return
    if when.stated and when.precision == 1 and when.match is not None and _dates_the_offensive(analysis, cand, when.match):
        return
    after = tokens[trigger.token_end].start if trigger.token_end < len(tokens) else -1
    side = next((m for m in analysis.actors
                 if (m.start == trigger.start and m.end > trigger.end) or m.start == after), None)
    if side is not None and side.actor.kind != "civilians":
        raise Dropped("offensive_named_by_its_side", analysis.ntext.norm[side.start:side.end])


def _dates_the_offensive(analysis: Analysis, cand: Candidate, day: DateMatch) -> bool:
    """A day after the offensive noun, or right before it (at most three words, no comma
    between: "وصدت فصائل المعارضة الأحد هجوم قوات النظام على بلدة اللطامنة"), is the
    offensive's; the day of a statement about it ("اعتبر لودريان، الثلاثاء، أن هجوم قوات
    النظام") or of another act in its sentence is not."""
    trigger, norm = cand.trigger, analysis.ntext.norm
    if day.start > trigger.end:
        return True
    between = norm[day.end:trigger.start]
    return len(between.split()) <= _DAY_BEFORE_OFFENSIVE and not PUNCTUATION.search(between) \
        and not assembly_words().complementizer.search(norm, day.end, trigger.start)


#: How many words may stand between a day and the offensive noun it dates.
_DAY_BEFORE_OFFENSIVE = 3


def counted_day(analysis: Analysis, cand: Candidate) -> bool:
    """"انطلقت التظاهرات لليوم الثامن على التوالي": a continuing event counted to its Nth day
    in the clause happened on the day it is reported, the news of the day (dated by the
    no-date window), however ongoing the words around it."""
    return assembly_words().counted_day.search(analysis.ntext.norm, cand.segment.start, cand.segment.end) is not None


# -- rules that drop a candidate by its date ---------------------------------------------

def future_date(analysis: Analysis, when: When) -> None:
    """"الأسبوع المقبل", "بحلول 10 أكتوبر" (in an article of 3 October): a date more than a
    day after publication is a plan or a deadline."""
    if when.match is not None and when.match.value.get("future"):
        raise Dropped("future_date", when.match.value["date"])
    published = analysis.doc.published
    if published and when.date and (when.date - published).days > 1:  # a day's grace: the local date may run ahead
        raise Dropped("future_date", str(when.date))


def _ended_long_before(analysis: Analysis, end: dt.date) -> bool:
    """A window that ended more than ``BACKGROUND_DAYS`` before publication."""
    published = analysis.doc.published
    return published is not None and (published - end).days > BACKGROUND_DAYS


def background_date(analysis: Analysis, when: When) -> None:
    """A window that ended more than 90 days before publication is background."""
    if when.date_end and _ended_long_before(analysis, when.date_end):
        raise Dropped("background_date", f"{when.date}..{when.date_end}")


def since_an_earlier_act(analysis: Analysis, cand: Candidate, when: When) -> None:
    """"للمرة الأولى منذ استعادة القوات العراقية السيطرة على المناطق المتنازع عليها", "ومنذ
    انتزاع قوات تركية ... عفرين": an act named right after "منذ" (since) is the point in the
    past a span is counted from; with no day written after it in its sentence ("منذ الهجوم
    الكيميائي الذي استهدف في 7 نيسان"), it is no news of the day."""
    k = cand.trigger.token_start
    if k == 0 or not reads_as(analysis.tokens[k - 1].text, assembly_words().since_words):
        return
    match = when.match
    if match is not None and cand.trigger.end <= match.start < cand.sentence.end:
        return
    raise Dropped("since_an_earlier_act")


def ongoing_since(analysis: Analysis, when: When) -> None:
    """"منذ 18 شباط" over a week or more: an ongoing campaign, not an incident (§3.3)."""
    if when.match is not None and when.match.value.get("since") and when.date and when.date_end \
            and (when.date_end - when.date).days >= 7:
        raise Dropped("ongoing_since", f"{when.date}..{when.date_end}")


#: How many words before the act the verb that governs it may stand: "وتشهد الغوطة الشرقية
#: مواجهات" (three), "التي تتعرض منذ نحو شهر لهجوم" (four).
_GOVERNED_WITHIN = 8


def continuing_for(analysis: Analysis, cand: Candidate, when: When) -> None:
    """"وتشهد البصرة مظاهرات غاضبة ... منذ ثلاثة أسابيع": "منذ" and a span of time in the
    clause of an act that a verb of going through it now governs (``continuing_verbs``, at
    most eight words before the act, no ``continuing_breaks`` between) says how long it has
    gone on: an ongoing situation (event-schema.md §3.3), not an incident dated that long
    ago. A campaign's start
    ("تشن القوات منذ ثلاثة أسابيع حملة") is dated so, and so is a wave whose start the
    sentence tells after it ("احتجاجات واسعة، بدأت في البصرة")."""
    match = when.match
    if match is None or match.value.get("category") != "days_ago" or cand.sub_event_type == "Change to group/activity":
        return
    seg, norm = cand.segment, analysis.ntext.norm
    # "منذ" (the first of the calendar's since words: "خلال" and "على مدار" count a toll's days)
    if not (seg.start <= match.start < seg.end and norm.startswith(calendar_words().since[0], match.start)):
        return
    words = assembly_words()
    before = analysis.tokens_between(seg.start, cand.trigger.start)
    verb = next((k for k in range(len(before) - 1, -1, -1) if reads_as(before[k].text, words.continuing_verbs)), None)
    if verb is None or len(before) - verb > _GOVERNED_WITHIN \
            or any(reads_as(t.text, words.continuing_breaks) for t in before[verb + 1:]):
        return  # "وتعيش دوما حالة من الحزن بعد أن قتلت غارة ... منذ يومين": another verb's act
    if any(reads_as(t.text, words.beginning_words) for t in analysis.tokens_between(cand.trigger.end, cand.sentence.end)):
        return  # "وتشهد مدن جنوبي العراق منذ 10 أيام احتجاجات واسعة، بدأت في البصرة": its start is told
    raise Dropped("ongoing_for", norm[match.start:match.end])


def background_year(analysis: Analysis, when: When) -> None:
    """"في عام 2014": a bare year dates history."""
    if when.match is not None and when.match.value["category"] == "year":
        raise Dropped("background_year", when.match.value["date"][:4])


def date_too_vague(analysis: Analysis, when: When) -> None:
    """A window of more than a month cannot date an incident."""
    if when.date and when.date_end and (when.date_end - when.date).days > 31:
        raise Dropped("date_too_vague", f"{when.date}..{when.date_end}")


ONGOING_DAYS = 7  # event-schema.md §3.3: a report over more days than this needs an incident's mark


def over_a_week(when: When) -> bool:
    """Whether the report spans more than seven days: a longer window, or the recent days
    ("خلال الأيام الماضية"), which event-schema.md §3.3 reads as more than a week of
    reporting ("intermittent shelling in recent days") though an act told in them is dated
    from the week before publication (calendar.yaml period_days)."""
    if not when.date or not when.date_end:
        return False
    return (when.date_end - when.date).days > ONGOING_DAYS or bool(when.match and when.match.value.get("recent"))


def ongoing_situation(when: When, specific_place: bool, toll: bool, sub_event_type: str) -> None:
    """"ضاعف الجيش التركي في الأسابيع الأخيرة توغلاته", "تواصلت الغارات خلال الأيام الماضية
    على ريف إدلب": a report over more than seven days with no place below the governorate,
    no toll and no day of its own is an ongoing situation, not an incident (event-schema.md
    §3.3). A campaign's start or an agreement is a strategic development, not an incident."""
    if toll or specific_place or EVENT_TYPE_OF[sub_event_type] == "Strategic developments":
        return
    if over_a_week(when):
        raise Dropped("ongoing_situation", f"{when.date}..{when.date_end}")


def running_total(analysis: Analysis, cand: Candidate, when: When) -> None:
    """"قتل 719 شخصا خلال الأسابيع الماضية": a toll whose period, in its own clause,
    reaches back more than seven days from publication is a running total, a statistic
    (event-schema.md §3.3); one dated to a day, a week or a month names an incident. A
    period after a comma ("…، وكانت الصقلاوية شهدت في الأيام الماضية اشتباكات") belongs
    to what follows it."""
    match = when.match
    if match is None or match.value["category"] != "duration" or not over_a_week(when):
        return
    trigger = cand.trigger
    between = analysis.ntext.norm[min(trigger.end, match.end):max(trigger.start, match.start)]
    if cand.segment.start <= match.start < cand.segment.end and not any(c in between for c in ",،;"):
        raise Dropped("running_total", f"{when.date}..{when.date_end}")


DATE_RULES: tuple[Callable[[Analysis, When], None], ...] = (
    future_date, background_date, ongoing_since, background_year, date_too_vague)


def refers_to_earlier_event(analysis: Analysis, cand: Candidate, when: When, earlier_of_type: bool) -> bool:
    """"ندد بالهجوم الكيميائي على دوما", "للتحقيق في هجوم مفترض": a definite event noun (or
    an alleged attack) in a sentence of reactions, inquiries or blame, or an event noun an
    act answers ("ضربات ردا على هجوم كيماوي في دوما"), names an event
    reported before, when it has no date of its own and the article has not reported
    one of that kind itself: it is not a new event on the day of publication. A day of
    its sentence written before it ("دخل الخبراء السبت دوما للتحقيق في الهجوم"), with none
    after it, is the statement's: the event it names is never dated by it, reported here
    or not."""
    if not cand.trigger.sense.mode:
        return False
    words, norm = assembly_words(), analysis.ntext.norm
    definite = norm.startswith("ال", cand.trigger.start)
    tokens, trig = analysis.tokens, cand.trigger
    # "الهجوم المفترض", "الهجوم المفترض بغازات سامة": alleged, after or right before it
    # (or "اتهامه باستخدام": the accusation, right before it)
    before = tokens[max(0, trig.token_start - 2):trig.token_start]
    alleged = any(reads_as(t.text, words.alleged) for t in before + tokens[trig.token_end:trig.token_end + 3]) \
        or any(reads_as(t.text, words.accusation_nouns) for t in before)
    # "ردا على هجوم كيماوي في دوما": what an act answers, definite or not
    answered = _answering_cue(analysis, cand) is not None
    spoken_of = (definite or alleged) and words.reference_cue.search(norm, cand.sentence.start, cand.sentence.end)
    if not (spoken_of or answered):
        return False
    match = when.match
    own_date = match is not None and not match.value.get("reported")
    if spoken_of and match is not None and own_date and match.end <= trig.start:
        if words.reference_cue.search(norm, match.end, trig.start):
            return True  # the statement's day (an answer's day may be that of what it answers)
        # "والاثنين مع تصاعد التوتر حول الهجوم الكيميائي المزعوم": no day after it, and no verb
        # of occurrence between ("وفي 7 نيسان وقع هجوم كيميائي مفترض" dates the attack)
        if cand.sentence.start <= match.start and not any(trig.end <= d.start < cand.segment.end for d in analysis.dates) \
                and not any(reads_as(t.text, words.occurrence_verbs) for t in analysis.tokens_between(match.end, trig.start)):
            return True
    # dated: a passing mention of an event is coded (event-schema.md §3.2)
    return not (earlier_of_type or own_date)


def _answering_cue(analysis: Analysis, cand: Candidate) -> re.Match[str] | None:
    """"ردا على", "برد قوي على" right before the trigger, in its sentence."""
    trig = cand.trigger
    return assembly_words().answering.search(analysis.ntext.norm, max(cand.sentence.start, trig.start - 40), trig.start)


#: How many words after an act may call it a possibility ("غارات روسية محتملة").
_POSSIBLE_WITHIN = 3
#: How many characters before an act its inquiry may begin ("تحقيق عاجل في تقارير حول ").
_INQUIRY_REACH = 60


def told_as_done_before(analysis: Analysis, cand: Candidate) -> bool:
    """"توعد برد قوي على الهجوم الكيماوي", "تنوي اتخاذها على خلفية مظاهرات الجمعة", "دعت إلى
    تحقيق عاجل في تقارير حول هجوم كيماوي": an act another answers, in whose wake something
    comes, or an inquiry looks into, right before the trigger, has happened, whatever plan
    or threat stands before it in the clause; unless words after it call it a possibility
    ("برد على هجوم محتمل")."""
    norm, start, words = analysis.ntext.norm, cand.trigger.start, assembly_words()
    tokens, end = analysis.tokens, cand.trigger.token_end
    if any(reads_as(t.text, words.possible) for t in tokens[end:end + _POSSIBLE_WITHIN]):
        return False
    return _answering_cue(analysis, cand) is not None \
        or words.in_the_wake_of.search(norm, max(cand.sentence.start, start - 20), start) is not None \
        or words.inquired_into.search(norm, max(cand.sentence.start, start - _INQUIRY_REACH), start) is not None


ANSWERED_WITHIN_DAYS = 7  # what an act answers happened within the week before it


def answered_before(analysis: Analysis, cand: Candidate, when: When) -> When | None:
    """"استهدفت إسرائيل ليلة التاسع والعاشر من أيار ... رداً على هجوم صاروخي على الجولان":
    the day written before "ردا على" is the answer's; what it answers happened then or in
    the week before (precision 2), not on the answer's day. None when that is not so."""
    match, trig = when.match, cand.trigger
    if match is None or when.news_of_the_day or match.value.get("reported") or when.date is None \
            or match.end > trig.start:
        return None  # (a window of recent days is no day the answer was written on)
    cue = _answering_cue(analysis, cand)
    if cue is None or cue.start() < match.end:
        return None
    return When(match, when.date - dt.timedelta(days=ANSWERED_WITHIN_DAYS), when.date_end, 2, when.stated, when.announced)


def campaign_start(analysis: Analysis, cand: Candidate, match: DateMatch | None) -> DateMatch | None:
    """"تشن القوات الحكومية منذ 18 شباط حملة عسكرية", "تشن قسد منذ شهر هجوما": an
    offensive waged since a date (a launch verb and a campaign noun in the clause) is a
    campaign that started then; "بدأت قوات النظام في الرابع من يوليو هجوما", "أطلق في أوائل
    يوليو هجمات": a word of beginning dates the start itself. The date mention of the
    start, else None."""
    if match is None or match.value.get("vague"):
        return None
    since = bool(match.value.get("since") or match.value["category"] == "days_ago")
    words, seg = assembly_words(), cand.segment
    if not since:
        begun = _begun_campaign(analysis, cand, match)
        return None if begun is None or _not_a_campaign(analysis, cand) else begun
    tokens = [t.text for t in analysis.tokens_between(seg.start, seg.end)]
    launched = any(reads_as(w, words.launch_or_fighting_verbs) for w in tokens) \
        and any(reads_as(w, words.campaign_nouns) for w in tokens)
    # "معركتها المستمرة منذ 20 يناير", "حملة تنفذها القوات منذ 18 شباط": the act is the campaign;
    # so is a bombardment named as a campaign's ("حملة القصف العنيف، التي تشنها قوات النظام")
    # or waged for over a week ("لقصف وغارات كثيفة تنفذها قوات النظام منذ 18 شباط")
    waged = _named_as_a_campaign(analysis, cand, match) \
        and any(reads_as(w, words.waging_verbs) or reads_as(w, words.continuing_adjectives) for w in tokens)
    if not (launched or waged) or _not_a_campaign(analysis, cand):
        return None  # "تشن هجوما منذ أيام": waging an offensive for days is not a datable start
    start = dt.date.fromisoformat(match.value["date"])
    if match.value.get("since"):  # "منذ 18 شباط": the window's first day (or month, when only that is known)
        end = start if match.value["precision"] < 3 or start.day != 1 else _month_end(start)
        precision = 1 if end == start else 3
        return DateMatch(match.start, match.end, dict(match.value, date_end=end.isoformat(), precision=precision,
                                                      since=False, campaign=True))
    return DateMatch(match.start, match.end, dict(match.value, campaign=True))  # "منذ شهر": about then


def _not_a_campaign(analysis: Analysis, cand: Candidate) -> bool:
    """"بدأت عملية الإجلاء", "عمليات تسجيل الراغبين": a campaign noun naming a process that
    is no fighting; "إثر هجوم كيميائي في دوما قبل نحو أسبوع": one naming an attack by its
    weapon, one attack. Neither is a campaign, whatever verb of beginning stands near it.
    (A bombardment is no campaign noun: "حملة القصف الصاروخي" keeps its campaign.)"""
    tokens, trigger, words = analysis.tokens, cand.trigger, assembly_words()
    if not reads_as(tokens[trigger.token_start].text, words.campaign_nouns):
        return False
    # the words after the noun, within the trigger ("هجوم كيميائي") or right after it
    after = [t.text for t in tokens[trigger.token_start + 1:trigger.token_end + 1] if t.start < cand.segment.end]
    return bool(after) and (reads_as(after[0], words.process_nouns, without_article=True)
                            or any(reads_as(w, words.weapon_adjectives) for w in after))


def _named_as_a_campaign(analysis: Analysis, cand: Candidate, since: DateMatch) -> bool:
    """The act is a campaign: its noun is one ("معركتها", "حملة"), or it is a bombardment
    right after one ("حملة القصف", "عمليات قصف") or told as going on for more than a week
    before publication ("تتعرض لقصف وغارات كثيفة ... منذ 18 شباط": an ongoing situation,
    §3.3, whose start is datable; not "خلال سبعة أيام من القصف", a week's running total)."""
    tokens, trigger, words = analysis.tokens, cand.trigger, assembly_words()
    if reads_as(tokens[trigger.token_start].text, words.campaign_nouns):
        return True
    if cand.trigger.sense.sub_event_type not in BOMBARDMENT_TYPES:
        return False
    if trigger.token_start > 0:
        before = tokens[trigger.token_start - 1]  # (right before it, in its clause: "حملة قصف")
        if before.start >= cand.segment.start and not analysis.ntext.norm[before.end:trigger.start].strip() \
                and reads_as(before.text, words.campaign_nouns):
            return True
    first, published = since.value.get("date"), analysis.doc.published
    if not isinstance(first, str) or published is None:
        return False
    return (published - dt.date.fromisoformat(first)).days > ONGOING_DAYS


def is_campaign_start(when: When) -> bool:
    """Whether the date is the start of a campaign (``campaign_start`` dated it)."""
    return when.match is not None and bool(when.match.value.get("campaign"))


def begins_a_campaign(analysis: Analysis, cand: Candidate) -> bool:
    """Whether the candidate is the datable start of a campaign (``campaign_start``)."""
    return campaign_start(analysis, cand, choose_date(analysis, cand)) is not None


#: How far from its campaign noun (characters before, after) the date of a campaign told
#: beside another act may stand: "بدأت أنقرة في 20 كانون الثاني/يناير، عملية", "منذ بدء قوات
#: النظام تصعيدها على الغوطة الشرقية في 18 فبراير", "عمليتها العسكرية لاجتياح منطقة عفرين
#: الكردية السورية والتي انطلقت في 20 يناير".
_CAMPAIGN_DATE_BEFORE, _CAMPAIGN_DATE_AFTER = 80, 100


def dates_a_campaign_beside(analysis: Analysis, cand: Candidate, others: list[TriggerMatch]) -> bool:
    """Whether the candidate's campaign noun is the dated start of a campaign told beside
    the clause's other acts (``others``): its date stands near the noun, with none of
    those acts between ("غداة مقتل 17 مدنياً الجمعة ... منذ بدء الهجوم": Friday is the
    killing's day, not the offensive's start)."""
    match = campaign_start(analysis, cand, choose_date(analysis, cand))
    if match is None:
        return False
    trigger = cand.trigger
    if not cand.sentence.start <= match.start < cand.sentence.end:
        return True  # dated as the sentence before it is ("وبالتوازي، أطلقت قوات النظام عملية برية")
    if not (trigger.start - _CAMPAIGN_DATE_BEFORE <= match.start <= trigger.end + _CAMPAIGN_DATE_AFTER):
        return False
    low, high = min(match.end, trigger.end), max(match.start, trigger.start)
    return not any(low <= t.start < high for t in others if t is not trigger)


#: How many words before its campaign noun a verb of beginning may stand: "بدأت قوات
#: النظام وحزب الله اللبناني في الرابع من يوليو الماضي هجوما" (eleven).
_BEGUN_WITHIN = 12
#: ... and after it: "حملة عسكرية بدأها قوات النظام" (two), "عملية واسعة النطاق التي انطلقت" (four).
_BEGUN_AFTER_WITHIN = 6


def _begun_campaign(analysis: Analysis, cand: Candidate, match: DateMatch) -> DateMatch | None:
    """"بدأت قوات النظام في الرابع من يوليو هجوما": the trigger is a campaign noun with a
    word of beginning at most twelve words before it in its clause, and no "بعد" between;
    or "حملة عسكرية بدأها الجيش في 18 فبراير": a verb of beginning whose object it is, at
    most six words after it, with no other sentence part between (a comma ends the noun's).
    Dated only to a month, a launch verb (شن) begins it too."""
    words, trigger, tokens = assembly_words(), cand.trigger, analysis.tokens
    if match.value.get("future") or not reads_as(tokens[trigger.token_start].text, words.campaign_nouns):
        return None
    begun = last_word_before(analysis, cand.segment, trigger.token_start, words.beginning_words, _BEGUN_WITHIN)
    if begun is None and match.value["precision"] == 3 and not _one_attack(analysis, cand):
        # "وشنت أنقرة في يناير الماضي هجوما على الوحدات": an offensive launched in a month
        # (no day of its own) is a campaign that started then, not a month of one battle
        launched = last_word_before(analysis, cand.segment, trigger.token_start, words.launch_verbs, _BEGUN_WITHIN)
        # (not "انسحبوا في شباط/فبراير بعد أن شنت تركيا عملية": the month is of what came after)
        if launched is not None and not (match.end <= tokens[launched].start
                                         and words.after_word.search(analysis.ntext.norm, match.end, tokens[launched].start)):
            begun = launched
    # (not "بدأ أحدث فصل من التصعيد بعد الهجوم الكيماوي": the attack came before)
    if begun is not None and not words.after_word.search(analysis.ntext.norm, tokens[begun].end, trigger.start):
        return DateMatch(match.start, match.end, dict(match.value, campaign=True))
    after = [t for t in tokens[trigger.token_end:trigger.token_end + _BEGUN_AFTER_WITHIN] if t.end <= cand.segment.end]
    for t in after:
        if not t.text[:1].isalnum():
            break  # "الهجوم، بدأ القصف": the verb is another sentence part's
        if reads_as(t.text, words.begun_after):
            return DateMatch(match.start, match.end, dict(match.value, campaign=True))
    return None


def _one_attack(analysis: Analysis, cand: Candidate) -> bool:
    """"شن التنظيم في الشهر الماضي هجوما على السخنة قتل فيه 30 جنديا", "وشنت الطائرات في
    الشهر الماضي هجوما على مطار التيفور": an attack with its dead, or by aircraft, is one
    act dated to a month, not the start of a campaign."""
    seg = cand.segment
    if any(c.role == "killed" for c in within(analysis, analysis.counts, seg)):
        return True
    return any(reads_as(t.text, assembly_words().aircraft_nouns, without_article=True)
               for t in analysis.tokens_between(seg.start, seg.end))


def said_to_have_happened(analysis: Analysis, cand: Candidate, statement_day: DateMatch) -> bool:
    """"قال أردوغان، السبت، إن جيشه وجه ضربة": the event is told as done in what a
    statement of that day says (a complementizer between the day and the trigger); a
    statement that announces the act itself ("أعلنت سانا، الاثنين، سيطرة الجيش"), or a
    day with its part ("مساء الأحد"), dates the event that day. A statement day after
    the event ("خطف التنظيم 230 مدنيا، وفق ما أعلن المرصد الجمعة") dates only the
    report: the event has no time expression of its own (event-schema.md §3.3 "Dates")."""
    norm, words = analysis.ntext.norm, assembly_words()
    if words.day_part.search(norm, statement_day.start, statement_day.end):
        return False
    if statement_day.end > cand.trigger.start:
        return True
    return bool(words.complementizer.search(norm, statement_day.end, cand.trigger.start))


def announced_as_news_of_its_day(analysis: Analysis, statement_day: DateMatch) -> bool:
    """"أعلن الجيش التركي، الأحد، عن مقتل جندي", "قصف الطيران الإسرائيلي مطار التيفور، وفق
    ما أعلنت دمشق الأحد": the verb of saying whose day it is (the one before it, as
    ``is_reporting_date`` reads it, or the one right after a day that opens the sentence)
    announces (``news_verbs``): a side or a monitor announces the news of its day, so the
    act is dated that day. Other verbs of saying ("قال"، "ذكر") may tell what happened the
    day before."""
    norm, words = analysis.ntext.norm, assembly_words()
    said = words.statement_before.search(norm, max(0, statement_day.start - _STATEMENT_REACH), statement_day.start) \
        or words.statement_opened_by_date.match(norm, statement_day.end)
    verb = re.search(r"\w+", said.group(0)) if said else None  # the match opens with the verb
    return verb is not None and reads_as(verb.group(0), words.news_verbs)


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def when_of(analysis: Analysis, cand: Candidate, toll: bool, decision: Decision) -> When:
    """The candidate's date window, after the rules that move it; raises ``Dropped``
    when a date rule excludes it."""
    match = choose_date(analysis, cand)
    start = campaign_start(analysis, cand, match)
    if start is not None:
        match, cand.sub_event_type = start, "Change to group/activity"
        decision.fired("campaign_start")
    date, date_end, precision = date_window(analysis, match)
    announced = on_its_day = False
    if match is not None and match.value.get("reported") and date is not None \
            and (toll or said_to_have_happened(analysis, cand, match)):
        announced = True
        if announced_as_news_of_its_day(analysis, match):
            on_its_day = True
            decision.fired("announced_the_day_it_happened")
        else:
            # "قال أردوغان، السبت، إن جيشه وجه ضربة": an act told as done, or a toll, said on
            # a day happened that day or the one before
            date, precision = date - dt.timedelta(days=1), 2
            decision.fired("announced_that_day_or_the_day_before")
    stated = match is not None and cand.sentence.start <= match.start < cand.sentence.end
    news_of_the_day = start is None and match is not None and not stated and _a_span_of_days(match)
    if news_of_the_day:
        # told among recent days, the act is the news of the day: it has no day of its own.
        # The window of days stays its match: the passage is dated news (so the act is not
        # dropped as undated), but it gives the act no date (no evidence, see assemble.emit)
        date, date_end, precision = date_window(analysis, None)
        decision.fired("news_of_the_day_after_a_span_of_days")
    when = When(match, date, date_end, precision, stated, announced, news_of_the_day, on_its_day)
    since_an_earlier_act(analysis, cand, when)
    for rule in DATE_RULES:
        rule(analysis, when)
    continuing_for(analysis, cand, when)
    if toll:
        running_total(analysis, cand, when)
    return when
