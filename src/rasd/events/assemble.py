"""Event assembly: from the mentions of an ``Analysis`` to ACLED-coded events.

Works clause by clause. A clause with an event trigger becomes an event candidate;
its date, place, actors and toll come from the same clause first, then the sentence,
then (for what the article states once for several sentences) the document context.
Candidates that the coding rules exclude are dropped with a named reason, visible
with ``rasd extract --explain``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from operator import attrgetter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress

from rasd.data import load_yaml
from rasd.model import EVENT_TYPE_OF, Event, Evidence
from rasd.pipeline import Analysis
from rasd.recognize.actors import Actor, ActorMention
from rasd.recognize.dates import DateMatch
from rasd.recognize.numbers import CountMention, death_word, number_words
from rasd.recognize.sources import SourceMention
from rasd.recognize.triggers import TriggerMatch, trigger_lexicon
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.resolve.places import ResolvedPlace
from rasd.text.segment import Segment, clauses
from rasd.text.tokens import PhraseMatcher, clitic_variants, reads_as, strip_article

BACKGROUND_DAYS = 90
_CONTINUATION = re.compile(r"^\W*(?:[وف]?(?:اسفر|اسفرت|ادي|ادت|خلف|خلفت)|مما|ما\s+ادي|ما\s+اسفر)")
_ANAPHORIC_PLACES = {"المدينه": ("city", "town"), "البلده": ("town", "village"),
                     "القريه": ("village",), "المخيم": ("camp",), "الحي": ("neighbourhood", "town", "city")}
_PAREN = re.compile(r"\([^()]{0,120}\)")
_GENERIC_SHELLING = {"قصف", "القصف", "قصفت", "قصفا", "تقصف", "يقصف"}
_AIR_FIRST = {"International Coalition", "Russian Forces", "US Forces", "Israeli Forces",
              "Unidentified Military Forces", "Saudi-led Coalition"}
_TARGET_CUES = {"علي", "ضد", "مع", "استهدف", "استهدفت", "استهداف", "لمواقع", "مواقع", "مقر", "مقرات",
                "نقاط", "رتل", "رتلا", "تجمعات", "معاقل"}
_AGENT_GLUE = {"الجوي", "الجويه", "جوي", "جويه", "الجويتين", "التي", "الذي", "شنها", "شنتها", "نفذها",
               "وحدات", "عناصر", "مقاتلو", "مقاتلي", "فصائل", "تابعه", "التابعه", "التابع", "تابع",
               "نفذتها", "من", "قبل", "المدفعي", "الصاروخي", "مدفعي", "صاروخي", "طيران", "طائرات",
               "الطيران", "الطائرات", "الحربي", "الحربيه", "مقاتلات", "قوات", "عناصر", "مسلحو",
               "مسلحي", "شنته", "شنه", "نفذه", "نفذته"}
_AFFILIATION = {"باسم", "قاده", "قادات", "قيادات", "قياديي", "امير", "امراء", "والي", "مسؤول", "زعيم",
                "صفوف", "مواقع", "مقر", "مقرات", "تجمعات", "نقاط", "معاقل", "اسري", "قتلي", "جثث"}
_LOSS_VERBS = {"فقد", "خسر", "فقدت", "خسرت", "يفقد", "تكبد", "تكبدت"}


@dataclass
class DocContext:
    analysis: Analysis
    salience: Counter[str] = field(default_factory=Counter)
    actor_by_name: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.analysis.actors:
            if mention.actor.kind in ("civilians", "protesters", "rioters") or _country_name(self.analysis, mention):
                continue
            self.salience[mention.actor.name] += 1
            self.actor_by_name.setdefault(mention.actor.name, mention.actor)

    def most_salient(self, exclude: set[str]) -> Actor | None:
        for name, _ in self.salience.most_common():
            if name not in exclude and self.actor_by_name[name].kind != "unidentified":
                return self.actor_by_name[name]
        return None


_REFERRING_SOURCE = re.compile(
    r"(?<!\w)[وف]?(?:اضاف|اورد|تابع|اوضح|ذكر|قال|اكد|افاد|اشار)(?:ت)?\s+(?:ال\w+\s+)?(?:الشبكه|المرصد|المصدر|الوكاله|المتحدث|البيان|المنظمه)")
_ALLEGATION_DENIED = re.compile(r"(?<!\w)[وف]?(?:رفض|رفضت|نفي|نفت|ينفي|تنفي)\s+(?:\S+\s+){0,5}?(?:ادعاءات|الادعاءات|اتهامات|الاتهامات|مزاعم|المزاعم)")
_BLAME = re.compile(r"\w*\s+(?:\w+\s+){0,3}(?:مسؤوليه|مسؤوليته|مسؤوليتها|مسؤوليتهم|المسؤوليه|علاقته|علاقتها)")
_HEADLINE = re.compile(r"(?:[^\n.!?]{1,160}\n+){1,3}")


def _headline_end(norm: str) -> int:
    """End of the headline lines a body may start with: short lines without a full stop."""
    m = _HEADLINE.match(norm)
    if not m:
        return 0
    lines = [line for line in m.group().split("\n") if line.strip()]
    return m.end() if all(len(line.split()) <= 20 for line in lines) else 0


def clause_segments(analysis: Analysis) -> list[Segment]:
    """The article's clauses, sentence by sentence (rasd.text.segment.clauses)."""
    return [c for sentence in analysis.sentences for c in clauses(analysis.ntext.norm, sentence)]


def _trigger_clauses(analysis: Analysis) -> list[Segment]:
    """The clauses of the sentences that hold a trigger, in text order: only those can
    make a candidate, so the other sentences (most of an article) are not split."""
    norm = analysis.ntext.norm
    holding = {_sentence_index(analysis, t.start) for t in analysis.triggers}
    return [c for i, sentence in enumerate(analysis.sentences) if i in holding for c in clauses(norm, sentence)]


def _starts(analysis: Analysis, items: list) -> list[int] | None:  # type: ignore[type-arg]
    """The start offsets of ``items`` (a list of the analysis, not modified while
    assembling), found once per document; None when the list is not in text order."""
    key = ("starts", id(items))
    entry = analysis.memo.get(key)
    if entry is None or entry[0] is not items:  # type: ignore[index]
        starts = [x.start for x in items]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        # the list is kept in the entry: its id cannot be reused while the entry lives
        entry = analysis.memo[key] = (items, starts if ordered else None)
    return entry[1]  # type: ignore[index,no-any-return]


def _within(analysis: Analysis, items, seg: Segment):  # type: ignore[no-untyped-def]
    """The items that start in ``seg``, in their order: a bisect over their starts when
    the list is in text order (it is called many times per article), else a scan."""
    starts = _starts(analysis, items)
    if starts is None:
        return [x for x in items if seg.start <= x.start < seg.end]
    return items[bisect_left(starts, seg.start):bisect_left(starts, seg.end)]


def _sentence_index(analysis: Analysis, pos: int) -> int:
    """Index of the sentence holding ``pos``, -1 if none: sentences are in text order and
    do not overlap, so the last one starting at or before ``pos`` is the only candidate."""
    starts = analysis.remember(_sentence_index, lambda: [s.start for s in analysis.sentences])
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < analysis.sentences[i].end else -1


def _sentence_of(analysis: Analysis, pos: int) -> Segment:
    i = _sentence_index(analysis, pos)
    return analysis.sentences[i] if i >= 0 else Segment(pos, pos + 1)


def _inside_parens(norm: str, pos: int, seg_start: int) -> bool:
    for m in _PAREN.finditer(norm, max(0, seg_start - 1)):
        if m.start() < pos < m.end():
            return True
        if m.start() > pos:
            break
    return False


@dataclass
class Candidate:
    segment: Segment
    sentence: Segment
    trigger: TriggerMatch
    sub_event_type: str


def _primary_trigger(triggers: list[TriggerMatch]) -> TriggerMatch:
    priority = trigger_lexicon().priority
    modes = [t for t in triggers if t.sense.mode] or triggers
    return min(modes, key=lambda t: (priority.get(t.sense.sub_event_type, 99), t.sense.weak, t.start))


def _check_filters(analysis: Analysis, cand: Candidate) -> None:
    """Raise ``_Dropped`` when a filter of the trigger lexicon excludes the candidate."""
    norm = analysis.ntext.norm
    seg, sentence = cand.segment, cand.sentence
    for f in analysis.filters:
        if f.rule == "denial" and sentence.start <= f.start < sentence.end:
            # "نفى مسؤوليته": a denial of blame, not of the event
            if not _BLAME.match(norm, f.end):
                raise _Dropped("denial", norm[f.start:f.end])
        if f.rule in ("future", "conditional", "background") and seg.start <= f.start < cand.trigger.start:
            raise _Dropped(f.rule, norm[f.start:f.end])
        if f.rule == "generic" and seg.start <= f.start < seg.end \
                and abs(f.token_start - cand.trigger.token_start) <= 8:
            raise _Dropped("generic_statistic", norm[f.start:f.end])
    if _ALLEGATION_DENIED.search(norm, sentence.start, sentence.end):
        raise _Dropped("denial", "allegations rejected")
    if cand.trigger.sense.territory and "%" in norm[sentence.start:sentence.end]:
        raise _Dropped("territory_percentage")



def _choose_date(analysis: Analysis, cand: Candidate) -> DateMatch | None:
    def usable(d: DateMatch) -> bool:
        return not d.value.get("unresolved") and d.value["category"] != "year"

    trig = cand.trigger.start
    for scope in (cand.segment, cand.sentence):
        resolved = [d for d in _within(analysis, analysis.dates, scope) if not d.value.get("unresolved")
                    and not _reporting_date(analysis, d, scope.start)]
        if resolved:
            # the date nearest the trigger, even a bare year: "سيطر ... في عام 2014" is background
            return min(resolved, key=lambda d: abs(d.start - trig))
    # only the day of a statement ("أعلنت القوات، الجمعة، إحباط هجوم"): news reports
    # what happened that day; the event is dated by it, marked as a weak date
    reports = [d for d in _within(analysis, analysis.dates, cand.sentence) if usable(d) and d.value["precision"] == 1]
    if reports:
        d = min(reports, key=lambda d: abs(d.start - trig))
        return DateMatch(d.start, d.end, dict(d.value, reported=True))
    # the last date the article gave before this sentence (news states it once)
    before = [d for d in analysis.dates if d.end <= cand.sentence.start and cand.sentence.start - d.end < 600
              and usable(d) and not _reporting_date(analysis, d, 0) and not d.value.get("future")
              and d.value["precision"] <= 2]
    return before[-1] if before else None


_REPORT_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|اوضح|اوضحت|صرح|صرحت|اتهم|اتهمت"
    r"|ادان|ادانت|حذر|حذرت|اضاف|اضافت|كشف|كشفت|نشر|نشرت|اورد|اوردت|بث|بثت)\w*(?:\W+\w+){0,8}?\W*$")
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:ان|انه|انها|بان|بانه)(?!\w)")
_REPORT_AFTER = re.compile(r"^(?:\W*(?:\w+\W+){0,3}?(?:ان|بان|انه|انها|عن)(?!\w)|\s*[.\n,]|\s*$)")


def _reporting_date(analysis: Analysis, date: DateMatch, floor: int) -> bool:
    """A date that dates a statement, not the event: "وقال المتحدث، يوم الاثنين، إن...".
    Remembered per document: each clause of a sentence asks about the same dates."""
    floor = max(floor, date.start - 80)  # only the 80 characters before the date are read
    return analysis.remember(("reporting_date", date.start, date.end, floor),
                             lambda: _is_reporting_date(analysis.ntext.norm, date, floor))


def _is_reporting_date(norm: str, date: DateMatch, floor: int) -> bool:
    before = norm[floor:date.start]
    after = norm[date.end:date.end + 40]
    verb = _REPORT_BEFORE.search(before)
    if not verb or not _REPORT_AFTER.match(after):
        return False
    # "وأضاف أن بريطانيا لم تشارك في ضربات، ليل الأحد": after أن, the date is the content's
    return not _COMPLEMENTIZER.search(before, verb.start())


def _date_window(analysis: Analysis, date: DateMatch | None) -> tuple[dt.date | None, dt.date | None, int]:
    if date is not None:
        v = date.value
        return dt.date.fromisoformat(v["date"]), dt.date.fromisoformat(v["date_end"]), int(v["precision"])
    published = analysis.doc.published
    if published is None:
        return None, None, 3
    # No date stated: news reports recent events; the day before publication or that day.
    return published - dt.timedelta(days=1), published, 2


@dataclass
class PlacePick:
    resolved: ResolvedPlace | None
    place: Place | None
    start: int
    end: int
    geo_precision: int
    name_norm: str
    country: str | None = None  # when no gazetteer place is known


def _anaphoric_place(analysis: Analysis, cand: Candidate) -> PlacePick | None:
    """``مدخل المدينة`` → the city last named before it."""
    from rasd.recognize.places import _is_near

    tokens = analysis.tokens
    first = bisect_left(analysis.token_starts, cand.trigger.start)
    readings = list(map(_anaphoric_word, map(_TEXT, analysis.tokens_between(cand.trigger.start, cand.segment.end))))
    k = next(compress(range(len(readings)), readings), None)  # the first anaphoric noun
    if k is None:
        return None
    i, tok = first + k, tokens[first + k]
    features, removed = readings[k]  # type: ignore[misc]
    previous = [p for p in analysis.places if p.place and p.mention.end <= tok.start
                and p.place.feature in features + ("city", "town")]
    if not previous:
        return None
    antecedent = previous[-1]
    near = i > 0 and _is_near(tokens[i - 1].text)
    return PlacePick(antecedent, antecedent.place, tok.start + removed, tok.end,
                     2 if near else antecedent.geo_precision, antecedent.mention.name_norm)


@lru_cache(maxsize=65536)
def _anaphoric_word(word: str) -> tuple[tuple[str, ...], int] | None:
    """(features, chars removed) of the first clitic reading of ``word`` that is an
    anaphoric place noun ("المدينة"), else None. Cached: most words are none."""
    for variant, removed in clitic_variants(word):
        if variant in _ANAPHORIC_PLACES:
            return _ANAPHORIC_PLACES[variant], removed
    return None


def _focus_place(analysis: Analysis) -> PlacePick | None:
    """The settlement an article is about: named at least twice, more than any other."""
    counts: Counter[str] = Counter()
    first: dict[str, ResolvedPlace] = {}
    for p in analysis.places:
        if p.place is not None and p.place.feature != "governorate":
            counts[p.place.id] += 1
            first.setdefault(p.place.id, p)
    if not counts:
        return None
    settled = Counter({k: v + (0.5 if first[k].place.feature in ("city", "town", "village") else 0)
                       for k, v in counts.items()})
    ranked = settled.most_common(2)
    if counts[ranked[0][0]] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    r = first[ranked[0][0]]
    return PlacePick(r, r.place, r.mention.start, r.mention.end, r.geo_precision, r.mention.name_norm)


def _context_governorate(analysis: Analysis, cand: Candidate) -> ResolvedPlace | None:
    """The governorate the article (this sentence first) places things in, for a place
    the gazetteer does not know."""
    for scope in (cand.sentence, None):
        pool = [p for p in analysis.places if p.place is not None
                and (scope is None or scope.start <= p.mention.start < scope.end)]
        if pool:
            counts = Counter((p.place.country, p.place.admin1) for p in pool)
            (country, admin1), _ = counts.most_common(1)[0]
            for p in pool:
                if (p.place.country, p.place.admin1) == (country, admin1):
                    return p
    return None


def _choose_places(analysis: Analysis, cand: Candidate, gazetteer: Gazetteer) -> list[PlacePick]:
    norm = analysis.ntext.norm
    seg = cand.segment
    places = _within(analysis, _place_views(analysis), seg)
    # a place inside parentheses is a person's origin or a nickname unless a cue marks it
    places = [p for p in places if p.r.mention.cue or not _inside_parens(norm, p.r.mention.start, seg.start)]
    anaphor = _anaphoric_place(analysis, cand)
    if not places:
        return [anaphor] if anaphor else []
    trig = cand.trigger.start
    after = [p for p in places if p.start >= trig]
    first = after[0] if after else places[-1]
    if anaphor and (not after or anaphor.start < first.start):
        return [anaphor]
    picks = [first]
    # "مناطق هاكورك وجارا ومتينا": coordinated places are one event each,
    # but "بين بلدتي ذيبان والشحيل" is one place between two
    between = re.search(r"(?<!\w)بين\s+(?:\w+\s+)?$", norm[max(0, first.start - 20):first.start])
    for p in [] if between else places[places.index(first) + 1:]:
        gap = norm[picks[-1].r.mention.end:p.r.mention.start]
        if re.fullmatch(r"[\s,]*و?\s*(?:(?:مدينه|بلده|قريه|بلدتي|منطقه|حي)\s+)?", gap) and \
                (p.r.place is None or picks[-1].r.place is None or p.r.place.id != picks[-1].r.place.id):
            picks.append(p)
        else:
            break
    out = []
    for p in picks:
        r = p.r
        if r.place is not None:
            out.append(PlacePick(r, r.place, r.mention.start, r.mention.end, r.geo_precision, r.mention.name_norm))
            continue
        # a name the gazetteer does not know: keep it as written, placed in the governorate
        context = _context_governorate(analysis, cand)
        gov_place = gazetteer.governorate_of(context.place) if context and context.place else None
        if gov_place is not None:
            out.append(PlacePick(r, gov_place, r.mention.start, r.mention.end, 3, r.mention.name_norm))
            continue
        country = _country_of(analysis, cand)
        if country is not None:  # only the country is known: the name stays as written
            out.append(PlacePick(r, None, r.mention.start, r.mention.end, 3, r.mention.name_norm, country))
    return out


@lru_cache(maxsize=1)
def _country_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for code, words in load_yaml("countries.yaml").items():
        for word in words:
            matcher.add(word, code)
    return matcher


def _country_counts(analysis: Analysis, start: int, end: int) -> Counter[str]:
    """Country words in [start, end): the article's matches (found once) that lie there,
    without overlaps, as ``PhraseMatcher.find`` would choose them in that stretch alone."""
    def count() -> Counter[str]:
        found = analysis.remember(_country_counts, lambda: _country_matcher().find_all(analysis.tokens))
        first = bisect_left(analysis.token_starts, start)
        last = bisect_left(analysis.token_starts, end)
        inside = [m for m in found if first <= m.token_start and m.token_end <= last]
        return Counter(m.payload for m in PhraseMatcher.non_overlapping(inside)) if inside else Counter()

    return analysis.remember(("country_counts", start, end), count)  # asked again for each clause


_TEXT = attrgetter("text")
COVERED = ("SY", "IQ")  # the countries the gazetteer and actor pack cover


def _country_of(analysis: Analysis, cand: Candidate) -> str | None:
    """The covered country the sentence (else the article) is about, from its country words."""
    for start, end in ((cand.sentence.start, cand.sentence.end), (0, len(analysis.ntext.norm))):
        counts = _country_counts(analysis, start, end)
        covered = [(counts[c], c) for c in COVERED if counts[c]]
        if covered:
            best = max(covered)
            if [n for n, _ in covered].count(best[0]) == 1:
                return best[1]
    return None


def _foreign_country(doc: Counter[str]) -> str | None:
    """The country an article is about when rasd does not cover it (Yemen, Libya...):
    its place names would be misread as Syrian or Iraqi villages. ``doc`` holds the
    article's country counts."""
    if not doc:
        return None
    top, n = doc.most_common(1)[0]
    if top in COVERED or n <= 2 * sum(doc[c] for c in COVERED):
        return None  # not clearly about another country
    return top


def _outside_coverage(analysis: Analysis, cand: Candidate, foreign: str | None) -> str | None:
    """``foreign`` (the article's uncovered country, ``_foreign_country``) unless the
    candidate's sentence names a covered country: such a sentence is kept."""
    if foreign is None:
        return None
    here = _country_counts(analysis, cand.sentence.start, cand.sentence.end)
    return None if any(here[c] for c in COVERED) else foreign


@dataclass
class _PlaceView:
    r: ResolvedPlace

    @property
    def start(self) -> int:
        return self.r.mention.cue_start if self.r.mention.cue_start is not None else self.r.mention.start


def _place_views(analysis: Analysis) -> list[_PlaceView]:
    """The article's places as ``_PlaceView``s, made once per document."""
    return analysis.remember(_place_views, lambda: [_PlaceView(p) for p in analysis.places])


def _victim_side(analysis: Analysis, actors: list[ActorMention], cand: Candidate) -> ActorMention | None:
    """The actor whose people were hit: "التنظيم فقد", "عناصر من داعش", "الناطق باسم
    التنظيم", civilians (first, when the event is violence against civilians)."""
    tokens = analysis.tokens
    if EVENT_TYPE_OF[cand.sub_event_type] == "Violence against civilians":
        civilians = next((a for a in actors if a.actor.kind == "civilians"), None)
        if civilians is not None:
            return civilians
    near = cand.trigger.token_start
    actors = [a for a in actors if abs(a.token_start - near) <= 30]
    fighter = number_words().fighter
    for a in actors:
        around = [t.text for t in tokens[max(0, a.token_start - 2):a.token_end + 2]]
        if any(w in _LOSS_VERBS or (w[:1] in "وف" and w[1:] in _LOSS_VERBS) for w in around):
            return a
    death = number_words().death
    for a in actors:
        before = [t.text for t in tokens[max(0, a.token_start - 2):a.token_start]]
        if any(w in _AFFILIATION for w in before):
            return a
        # "مقتل 37 عنصرا من قسد" (victims), not "مقاتلين من داعش هاجموا" (attackers)
        if any(strip_article(w) in fighter or w in fighter for w in before):
            context = [t.text for t in tokens[max(0, a.token_start - 6):a.token_start]]
            if any(c.isdigit() or any(v in death for v, _ in clitic_variants(c)) for c in context):
                return a
    return next((a for a in actors if a.actor.kind == "civilians"), None)


_SOURCE_BEFORE = re.compile(r"(?:اعلان|بيان|تصريح|تصريحات|لسان|سيطره|لسيطره|تسيطر\s+عليه|يسيطر\s+عليه|تسيطر\s+عليها|يسيطر\s+عليها|الخاضع|الخاضعه|الموالي|المواليه|المقرب|المقربه|المحسوب|المحسوبه|مصادر|مصدر|وسائل\s+اعلام|وسائل\s+الاعلام|اعلام|ناشطون|ناشطو|مراسل|بيان|موقع|حساب|وكاله)\s+(?:\w+\s+)?$")
_SUPPORT_BEFORE = re.compile(r"(?:بدعم|بمسانده|باسناد|باسناد|مدعومه|المدعومه|المدعوم|مدعوم|بغطاء|بمشاركه)\s+(?:جوي\s+)?(?:من\s+)?(?:قبل\s+)?$")


def _side_role(analysis: Analysis, mention: ActorMention) -> str | None:
    """'source' for "مصادر للمعارضة", 'support' for "بدعم من التحالف": such actors are
    not the sides of the event."""
    before = analysis.ntext.norm[max(0, mention.start - 30):mention.start]
    if _SOURCE_BEFORE.search(before):
        return "source"
    if _SUPPORT_BEFORE.search(before):
        return "support"
    return None


_COUNTRY_NAMES = {"الولايات المتحده", "ايران", "تركيا", "روسيا", "اسرائيل"}
_POSSESSED = re.compile(r"(?:ها|ه|هم)$")
_DOER = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:الذي|التي)?\s*(?:نفذته|نفذتها|شنته|شنتها|نفذه|شنه|اطلقته|اطلقتها)\s+$")


def _country_name(analysis: Analysis, mention: ActorMention) -> bool:
    """Whether the mention is a bare country name (its first word may carry a clitic).
    Remembered per document: every actor mention is asked about several times."""
    def bare() -> bool:
        words = [t.text for t in analysis.tokens[mention.token_start:mention.token_end]]
        return any(" ".join([v] + words[1:]) in _COUNTRY_NAMES for v, _ in clitic_variants(words[0]))

    return analysis.remember(("country_name", mention.token_start, mention.token_end), bare)


def _possessor_or_doer(analysis: Analysis, cand: Candidate, actors: list[ActorMention],
                       excluded: set[str]) -> ActorMention | None:
    """The author named through a pronoun on the trigger ("غاراتها" after "أعلنت X أن")
    or a relative clause after it ("الذي نفذته إيران")."""
    norm = analysis.ntext.norm
    trig = cand.trigger
    for a in actors:
        if a.start > trig.end and _DOER.match(norm[trig.end:a.start]) and a.actor.name not in excluded:
            return a
    last_word = analysis.tokens[trig.token_end - 1].text
    if _POSSESSED.search(last_word) and len(last_word) > 4:
        before = [a for a in actors if a.end <= trig.start and a.start >= cand.sentence.start
                  and a.actor.kind == "state" and a.actor.name not in excluded]
        if before:
            return before[-1]
    return None


def _actor_roles(analysis: Analysis, cand: Candidate) -> tuple[ActorMention | None, ActorMention | None]:
    """(agent, target) among the actor mentions of the clause (else its sentence)."""
    tokens = analysis.tokens
    trig = cand.trigger
    actors = _within(analysis, analysis.actors, cand.segment) or _within(analysis, analysis.actors, cand.sentence)
    actors = [a for a in actors if _side_role(analysis, a) is None]
    # a bare country name ("إيران", "تركيا") is a side only as the author of the act
    countries = [a for a in actors if _country_name(analysis, a)]
    actors = [a for a in actors if not _country_name(analysis, a)]
    victim = _victim_side(analysis, actors, cand)
    excluded = {victim.actor.name} if victim else set()
    agent: ActorMention | None = None
    # attached to the trigger: غارة للتحالف، غارات التحالف، سيطرت قسد، قصف قوات النظام,
    # or the trigger is part of the actor's name ("الضربات الإسرائيلية")
    for a in actors:
        if a.token_start < trig.token_end and a.token_end > trig.token_start and a.actor.name not in excluded:
            agent = a
            break
        if a.token_start >= trig.token_end and a.actor.name not in excluded:
            between = [t.text for t in tokens[trig.token_end:a.token_start]]
            if len(between) <= 3 and all(strip_article(w) in _AGENT_GLUE or w in _AGENT_GLUE for w in between):
                agent = a
                break
    # "أعلنت الولايات المتحدة أن غاراتها", "الهجوم الصاروخي الذي نفذته إيران"
    if agent is None:
        agent = _possessor_or_doer(analysis, cand, actors + countries, excluded)
    # an actor right before the trigger (subject first): "قوات النظام تقصف"
    if agent is None:
        for a in sorted(actors, key=lambda a: -a.start):
            if a.token_end <= trig.token_start and trig.token_start - a.token_end <= 3 \
                    and a.actor.name not in excluded and a.actor.kind != "civilians" \
                    and not re.search(r"[,;:.]", analysis.ntext.norm[a.end:trig.start]):
                agent = a
                break
    target = victim
    if target is None:
        for a in actors:
            if agent is not None and a.actor.name == agent.actor.name:
                continue
            before = [t.text for t in tokens[max(0, a.token_start - 3):a.token_start]]
            if any(w in _TARGET_CUES or strip_article(w) in _TARGET_CUES for w in before) or before[-1:] == ["من"]:
                target = a
                break
    if agent is None and EVENT_TYPE_OF[cand.sub_event_type] != "Explosions/Remote violence":
        # remote violence has no author unless the text names one (or a claim does)
        taken = {target.actor.name} if target else set()
        agent = next((a for a in actors if a.actor.name not in taken and a.actor.kind != "civilians"), None)
    return agent, target


@lru_cache(maxsize=65536)
def _civilian_word(word: str) -> bool:
    """A civilian word under some clitic reading (as written, article kept)."""
    return reads_as(word, number_words().civilian)


@lru_cache(maxsize=65536)
def _death_word_as_written(word: str) -> bool:
    """A death word under some clitic reading, its article kept (قتلى, not القتلى)."""
    return reads_as(word, number_words().death)


def _count_groups(analysis: Analysis, cand: Candidate) -> list[tuple[int, int | None, int | None, list[CountMention]]]:
    tokens = analysis.tokens
    counts = []
    for c in _within(analysis, analysis.counts, cand.segment):
        if c.among or c.cumulative:
            continue
        if c.role == "killed" or (c.role == "other" and c.victims and _death_in_sentence(analysis, cand.sentence)):
            counts.append(c)
    groups: list[list[CountMention]] = []
    for c in counts:
        if groups:
            last = groups[-1][-1]
            gap = tokens[last.token_end:c.token_start]
            if len(gap) <= 4 and tokens[c.token_start].text.startswith("و") or (
                    gap and gap[-1].text == "و") and len(gap) <= 4:
                groups[-1].append(c)
                continue
        groups.append([c])
    out = []
    for g in groups:
        best = sum(c.best for c in g)
        low = sum((c.low if c.low is not None else c.best) for c in g) if any(c.low is not None for c in g) else None
        high = sum((c.high if c.high is not None else c.best) for c in g) if any(c.high is not None for c in g) else None
        out.append((best, low, high, g))
    return out


def _death_in_sentence(analysis: Analysis, sentence: Segment) -> bool:
    """Whether a death word is in the sentence; asked only for a count of victims with
    no role of its own, and remembered per sentence."""
    return analysis.remember(("death_in", sentence.start, sentence.end), lambda: any(
        map(death_word, map(_TEXT, analysis.tokens_between(sentence.start, sentence.end)))))


def _people_killed(analysis: Analysis, cand: Candidate) -> list:  # type: ignore[type-arg]
    tokens = analysis.tokens_between(cand.sentence.start, cand.sentence.end)
    if not any(map(_death_word_as_written, map(_TEXT, tokens))):
        return []
    norm = analysis.ntext.norm
    people = []
    for p in _within(analysis, analysis.people, cand.segment):
        before = norm[max(cand.segment.start, p.start - 12):p.start]
        if "بينهم" in before or "منهم" in before:
            continue
        people.append(p)
    return people


_JIHADIST = {"Islamic State", "HTS", "Al-Qaeda", "Hurras al-Din"}
_MILITANT = re.compile(r"(?<!\w)[وف]?(?:متشدد|جهادي|ارهابي|تكفيري|مسلحي\s+التنظيم|عناصر\s+التنظيم)\w*")


_MILITARY_TARGET = re.compile(
    r"(?<!\w)[وفبل]?(?:مطار|قاعده|ثكنه|مقر|مقرات|مواقع|موقع|نقاط|نقطه|تجمعات|رتل|معسكر|مستودع|مخزن|منصه|كتيبه|فوج|"
    r"اللواء|الفرقه|حاجز|حواجز|تحصينات|اهداف|هدفا)\w*")


def _military_target(analysis: Analysis, cand: Candidate) -> bool:
    """The strike hit a base, positions or a convoy: its target is an armed side."""
    return bool(_MILITARY_TARGET.search(analysis.ntext.norm, cand.trigger.start, cand.segment.end))


def _nearby_air_force(analysis: Analysis, cand: Candidate) -> Actor | None:
    previous = [s for s in analysis.sentences if s.end <= cand.sentence.start][-1:]
    start = previous[0].start if previous else cand.sentence.start
    near = [a.actor for a in analysis.actors if start <= a.start < cand.sentence.end and a.actor.air
            and not _country_name(analysis, a)]
    return near[-1] if near else None


def _militant_victims(analysis: Analysis, cand: Candidate) -> bool:
    """"58 متشددا", "جهاديين": the article's jihadist group lost people."""
    return bool(_MILITANT.search(analysis.ntext.norm, cand.segment.start, cand.segment.end))


_PREPARING = {"يمهد", "تمهد", "تمهيدا", "استعدادا", "تحضيرا", "تستعد", "يستعد", "تحشد", "يحشد", "تخطط", "يخطط",
              "تعد", "يعد", "تنذر", "ينذر"}


def _purpose(analysis: Analysis, trigger: TriggerMatch) -> bool:
    """"لطرد التنظيم", "للسيطرة على", "يمهد لهجوم": the aim of an operation. "تعرضت
    لهجمات" (was subjected to attacks) is not."""
    if not (trigger.sense.weak and "ل" in trigger.clitic):
        return False
    previous = analysis.tokens[trigger.token_start - 1].text if trigger.token_start else ""
    if previous.startswith(("تعرض", "يتعرض", "تتعرض")) or previous in ("تعرضت", "تعرضوا"):
        return False
    return trigger.sense.territory or any(v in _PREPARING for v, _ in clitic_variants(previous))


_PROTESTERS = Actor("Protesters", 6, "protesters", None, False, None, None)
_RIOTERS = Actor("Rioters", 5, "rioters", None, False, None, None)


def _demonstration_sides(sub: str, force: Actor | None) -> tuple[Actor | None, Actor | None]:
    """ACLED's sides for demonstrations: protesters or rioters act; the force that
    intervenes is actor2, and the one that fires on protesters is actor1."""
    if sub == "Peaceful protest":
        return _PROTESTERS, None
    if sub == "Protest with intervention":
        return _PROTESTERS, force
    if sub == "Excessive force against protesters":
        return force, _PROTESTERS
    if sub == "Violent demonstration":
        return _RIOTERS, force
    return _RIOTERS, _CIVILIANS  # mob violence


def _agent_default(sub: str) -> str | None:
    if sub == "Air/drone strike":
        return "Unidentified Military Forces"
    if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Attack", "Grenade",
               "Abduction/forced disappearance", "Shelling/artillery/missile attack"):
        return "Unidentified Armed Group"
    if sub in ("Peaceful protest", "Protest with intervention"):
        return "Protesters"
    if sub == "Excessive force against protesters":
        return "Unidentified Military Forces"
    if sub in ("Violent demonstration", "Mob violence"):
        return "Rioters"
    return None


class _Dropped(Exception):
    """A candidate the coding rules exclude, with the rule's name for --explain."""

    def __init__(self, rule: str, detail: str = "") -> None:
        super().__init__(rule)
        self.rule, self.detail = rule, detail


@dataclass
class _When:
    match: DateMatch | None
    date: dt.date | None
    date_end: dt.date | None
    precision: int
    stated: bool  # the date is given in the candidate's own sentence


@dataclass
class _Sides:
    sub: str
    agent: Actor | None
    agent_m: ActorMention | None
    target: Actor | None
    target_m: ActorMention | None


def assemble(analysis: Analysis, gazetteer: Gazetteer, explain: list[dict] | None = None) -> list[Event]:
    """Events of one analysed document. With ``explain`` (a list), every candidate's
    rules and decisions are appended to it."""
    return _ArticleAssembler(analysis, gazetteer, explain).run()


class _ArticleAssembler:
    """One article's candidates, clause by clause, with what earlier clauses left:
    the events so far (a later clause may refer back to them), the article's focus."""

    def __init__(self, analysis: Analysis, gazetteer: Gazetteer, explain: list[dict] | None) -> None:
        self.analysis = analysis
        self.gazetteer = gazetteer
        self.explain = explain
        self.norm = analysis.ntext.norm
        self.events: list[tuple[Event, dict]] = []
        self.last_of_type: dict[str, Event] = {}
        self.picks_of: dict[int, list[PlacePick]] = {}
        self.sentence_of: dict[int, int] = {}
        self.previous_place: list[PlacePick] = []
        self._focus: list[PlacePick | None] | None = None
        self._foreign: list[str | None] | None = None  # [_foreign_country of the article], once known

    @cached_property
    def ctx(self) -> DocContext:
        """The article's actor salience, made when a candidate first needs its sides."""
        return DocContext(self.analysis)

    def run(self) -> list[Event]:
        headline_end = _headline_end(self.norm)
        for seg in _trigger_clauses(self.analysis):
            triggers = _within(self.analysis, self.analysis.triggers, seg)
            if not triggers or seg.end <= headline_end:
                continue  # a headline only repeats what the body reports
            # "لطرد", "للسيطرة على", "يمهد لهجوم": what a campaign is for, not what happened
            purposeful = [t for t in triggers if not _purpose(self.analysis, t)]
            trigger = _primary_trigger(purposeful or triggers)
            record: dict = {"rules": [f"trigger:{trigger.sense.sub_event_type}"]}
            if self.explain is not None:  # the spans only --explain shows
                record = {"segment": self.analysis.span(seg.start, seg.end).model_dump(),
                          "trigger": _ev(self.analysis, trigger.start, trigger.end)["text"], **record}
            try:
                if not purposeful:
                    raise _Dropped("purpose")
                cand = Candidate(seg, _sentence_of(self.analysis, seg.start), trigger, trigger.sense.sub_event_type)
                self._candidate(cand, record)
                record["kept"] = True
            except _Dropped as dropped:
                record["dropped"] = {"rule": dropped.rule, "detail": dropped.detail}
            if self.explain is not None:
                self.explain.append(record)
        _apply_claims(self.analysis, self.events, self.sentence_of)
        return _merge_within_article(self.events)

    # -- one candidate ---------------------------------------------------------------

    def _candidate(self, cand: Candidate, record: dict) -> None:
        if self._foreign is None:  # once per article, not per clause
            self._foreign = [_foreign_country(_country_counts(self.analysis, 0, len(self.norm)))]
        elsewhere = _outside_coverage(self.analysis, cand, self._foreign[0])
        if elsewhere:
            raise _Dropped("country_not_covered", elsewhere)
        _check_filters(self.analysis, cand)
        groups = _count_groups(self.analysis, cand)
        when = self._when(cand, bool(groups))
        if cand.trigger.sense.weak and not when.stated and not groups:
            raise _Dropped("weak_trigger_without_date_or_toll")
        if when.match is None and not groups:
            # nothing dates it and nobody died: commentary or an ongoing situation
            raise _Dropped("no_date_or_toll")
        picks = _choose_places(self.analysis, cand, self.gazetteer)
        if not cand.trigger.sense.mode and not picks and groups and self._adds_toll_to_previous(cand, groups):
            raise _Dropped("toll_of_the_previous_event", str(self.events[-1][0].fatalities))
        picks = self._where(cand, record, picks, when.stated or bool(groups))
        sides = self._sides(cand, record, groups)
        actor1 = sides.agent.name if sides.agent else _agent_default(sides.sub)
        if actor1 is None:
            raise _Dropped("no_actor")
        actor2 = sides.target.name if sides.target and sides.target.name != actor1 else None
        if sides.sub == "Armed clash" and actor2 is None:
            raise _Dropped("clash_without_second_side")
        toll = self._toll(cand, sides.sub, groups, record)
        sources = self._sources(cand)
        for pick in picks:
            self._emit(cand, when, pick, sides, actor1, actor2, toll, sources)
        self.previous_place = picks

    def _when(self, cand: Candidate, toll: bool) -> _When:
        published = self.analysis.doc.published
        match = _choose_date(self.analysis, cand)
        date, date_end, precision = _date_window(self.analysis, match)
        if match is not None and match.value.get("reported") and toll and date:
            # "أعلن الجيش، السبت، عن مقتل 45": a toll announced on a day counts deaths of
            # that day or the one before
            date, precision = date - dt.timedelta(days=1), 2
        if match is not None and match.value.get("future"):
            raise _Dropped("future_date", match.value["date"])
        if published and date_end and (published - date_end).days > BACKGROUND_DAYS:
            raise _Dropped("background_date", f"{date}..{date_end}")
        if match is not None and match.value.get("since") and date and date_end and (date_end - date).days >= 7:
            raise _Dropped("ongoing_since", f"{date}..{date_end}")
        if match is not None and match.value["category"] == "year":
            raise _Dropped("background_year", match.value["date"][:4])
        if date and date_end and (date_end - date).days > 31:
            raise _Dropped("date_too_vague", f"{date}..{date_end}")
        stated = match is not None and cand.sentence.start <= match.start < cand.sentence.end
        return _When(match, date, date_end, precision, stated)

    def _adds_toll_to_previous(self, cand: Candidate, groups: list) -> bool:  # type: ignore[type-arg]
        """"وأوردت سانا مقتل شخص": a toll with no place of its own, right after an
        event, is that event's toll."""
        if not self.events:
            return False
        last, _ = self.events[-1]
        if _sentence_index(self.analysis, cand.segment.start) - self.sentence_of.get(id(last), -9) > 1 \
                or last.fatalities != 0:
            return False
        last.fatalities = groups[0][0]
        last.evidence.extend(Evidence(field="fatalities", **_ev(self.analysis, c.start, c.end)) for c in groups[0][3])
        return True

    def _anaphoric(self, cand: Candidate) -> bool:
        """A definite event noun ("الهجوم", "القصف") refers back to an event already reported."""
        return cand.trigger.sense.mode and self.norm.startswith("ال", cand.trigger.start)

    def _where(self, cand: Candidate, record: dict, picks: list[PlacePick], dated: bool) -> list[PlacePick]:
        seg, trigger = cand.segment, cand.trigger
        if not picks and _CONTINUATION.match(self.norm[seg.start:seg.end]) and self.previous_place:
            record["rules"].append("place_from_previous_sentence")
            return self.previous_place
        earlier = self.last_of_type.get(EVENT_TYPE_OF[cand.sub_event_type])
        generic = self.norm[trigger.start:trigger.end] in _GENERIC_SHELLING
        if earlier is not None and ((earlier.sub_event_type != cand.sub_event_type and not generic)
                                    or self.sentence_of.get(id(earlier), -9) < _sentence_index(self.analysis, seg.start) - 2):
            earlier = None  # only the strike (clash ...) of the last sentences
        if not picks and self._anaphoric(cand) and earlier is not None:
            # "إن القصف أسفر عن مقتل 4 أشخاص": the strike just reported
            picks = list(self.picks_of.get(id(earlier), []))
            if picks:
                record["rules"].append("place_of_the_event_referred_back_to")
        if self._focus is None:
            self._focus = [_focus_place(self.analysis)]
        if not picks and dated and self._focus[0] is not None:
            picks = [self._focus[0]]
            record["rules"].append("place_from_document_focus")
        if not picks:
            raise _Dropped("no_place")
        return picks

    def _sides(self, cand: Candidate, record: dict, groups: list) -> _Sides:  # type: ignore[type-arg]
        analysis, ctx, trigger, seg = self.analysis, self.ctx, cand.trigger, cand.segment
        agent_m, target_m = _actor_roles(analysis, cand)
        agent = agent_m.actor if agent_m else None
        target = target_m.actor if target_m else None
        earlier = self.last_of_type.get(EVENT_TYPE_OF[cand.sub_event_type])
        if self._anaphoric(cand) and agent is None and target is None and earlier is not None:
            # "إحباط الهجوم جرى الخميس في ناحية بادوش": the attack already reported
            agent = ctx.actor_by_name.get(earlier.actor1) or agent
            target = ctx.actor_by_name.get(earlier.actor2 or "") or target
            record["rules"].append("actors_of_the_event_referred_back_to")
        sub = cand.sub_event_type
        victims = next((c.victims for g in groups for c in g[3] if c.victims), None)
        if victims is None:
            seg_tokens = [t.text for t in analysis.tokens_between(seg.start, seg.end)]
            if any(map(_civilian_word, seg_tokens)) or any(
                    trigger.start <= a < seg.end for a, _ in analysis.civilian_targets):
                victims = "civilians"
        if sub in _GENERIC_SHELLING_TYPES and self.norm[trigger.start:trigger.end] in _GENERIC_SHELLING:
            if agent and agent.name in _AIR_FIRST:
                sub = "Air/drone strike"
                record["rules"].append("generic_shelling_by_air_force")
        if sub == "Attack":
            # a killing without its own mode word
            armed_target = target and target.kind not in ("civilians",)
            if victims == "civilians" or (target and target.kind == "civilians"):
                sub = "Attack"
            elif agent and armed_target:
                sub = "Armed clash"
            elif victims == "fighters" and (agent or target):
                sub = "Armed clash"
            else:
                raise _Dropped("killing_without_mode_or_victims")
        if sub == "Air/drone strike" and agent and not agent.air:
            air_actor = next((a for a in _within(analysis, analysis.actors, cand.sentence) if a.actor.air), None)
            if air_actor:
                if target is None and agent.kind != "civilians":
                    target = agent
                agent, agent_m = air_actor.actor, air_actor
        if trigger.sense.territory and agent and agent.inter == 1:
            sub = "Government regains territory"
        # fill sides
        remote = EVENT_TYPE_OF[sub] == "Explosions/Remote violence"
        if sub in ("Attack", "Abduction/forced disappearance") or (remote and victims == "civilians") \
                or (sub == "Chemical weapon" and (target is None or target.kind not in ("state",))):
            if target is None or victims == "civilians" or sub == "Chemical weapon":
                if target is None or target.kind != "civilians":
                    target = _CIVILIANS
                    record["rules"].append("actor2_civilians_as_victims")
        if sub == "Air/drone strike" and (agent is None or not agent.air):
            # the air force named in this or the previous sentence ("وقال الجيش إن الضربة
            # الجوية ..."), or the author of the article's earlier strike
            air = _nearby_air_force(analysis, cand)
            earlier_strike = self.last_of_type.get("Explosions/Remote violence")
            if air is None and earlier_strike is not None and earlier_strike.sub_event_type == sub:
                air = ctx.actor_by_name.get(earlier_strike.actor1)
            if agent is not None and target is None and agent.kind not in ("civilians",) \
                    and (air is None or agent.name != air.name):
                target = agent  # a side without aircraft is what the strike hit
            agent, agent_m = air, None
            if air is not None:
                record["rules"].append("air_force_from_document")
        if agent is None and sub == "Chemical weapon":
            agent = next((ctx.actor_by_name[n] for n, _ in ctx.salience.most_common()
                          if ctx.actor_by_name[n].kind == "state"), None)
            if agent is not None:
                record["rules"].append("chemical_attack_by_most_named_state_force")
        if agent is None and target is not None and sub in (
                "Armed clash", "Non-state actor overtakes territory", "Air/drone strike",
                "Shelling/artillery/missile attack"):
            fallback = ctx.most_salient({target.name})
            if fallback and (sub != "Air/drone strike" or fallback.air):
                agent = fallback
                record["rules"].append("actor1_from_document_salience")
        if target is None and _militant_victims(analysis, cand):
            target = next((ctx.actor_by_name[n] for n, _ in ctx.salience.most_common()
                           if n in _JIHADIST and (agent is None or n != agent.name)), None)
            if target is not None:
                record["rules"].append("militants_are_the_jihadist_group")
        if target is None and agent is not None and (sub in (
                "Armed clash", "Non-state actor overtakes territory", "Government regains territory")
                or (remote and victims == "fighters")):
            fallback = ctx.most_salient({agent.name})
            if fallback:
                target = fallback
                record["rules"].append("actor2_from_document_salience")
        if sub == "Non-violent transfer of territory" and agent is not None:
            # "سمح لمسلحي داعش بمغادرة اليرموك": the side that leaves is actor2
            leaving = agent
            agent = target if target is not None and target.name != leaving.name else \
                ctx.most_salient({leaving.name})
            target = leaving
            record["rules"].append("leaving_side_is_actor2")
        if remote and target is None and victims != "fighters" and not _military_target(analysis, cand):
            # a strike on a town with no side named hits its people (ACLED codes Civilians)
            target = _CIVILIANS
            record["rules"].append("actor2_civilians_in_a_town")
        if EVENT_TYPE_OF[sub] == "Battles" and target is not None and target.kind == "civilians":
            target = ctx.most_salient({agent.name} if agent else set())
        if EVENT_TYPE_OF[sub] in ("Protests", "Riots"):
            forces = [a.actor for a in _within(analysis, analysis.actors, seg) if a.actor.kind in ("state", "militia", "group")
                      and not _country_name(analysis, a)]
            agent, target = _demonstration_sides(sub, forces[0] if forces else None)
        return _Sides(sub, agent, agent_m, target, target_m)

    def _toll(self, cand: Candidate, sub: str, groups: list, record: dict) -> tuple:  # type: ignore[type-arg]
        """(fatalities, low, high, evidence spans): the toll nearest the trigger, killed
        counts first; other figures only widen the range (ACLED's lowest-figure rule)."""
        norm, seg = self.norm, cand.segment
        fatalities, f_low, f_high = 0, None, None
        spans: list[tuple[int, int]] = []
        if sub in _NO_TOLL_TYPES:
            groups = [g for g in groups if any(c.role == "killed" for c in g[3])]
        if groups:
            killed = [g for g in groups if any(c.role == "killed" for c in g[3])] or groups
            best, low, high, members = min(killed, key=lambda g: abs(g[3][0].start - cand.trigger.start))
            fatalities, f_low, f_high = best, low, high
            others = [g[0] for g in killed if g[0] > best]
            if others:
                f_low, f_high = (low if low is not None else best), max(others + [high or best])
            spans = [(c.start, c.end) for c in members]
        else:
            people = _people_killed(self.analysis, cand)
            if people:
                fatalities = len(people)
                spans = [(p.start, p.end) for p in people]
        if sub == "Suicide bomb" and fatalities == 0 and _BOMBER_DIED.search(norm, seg.start, seg.end):
            fatalities = 1  # ACLED counts the attacker who blew himself up
            record["rules"].append("suicide_bomber_counted")
        if fatalities == 0 and not groups and _ONE_KILLED.search(norm, seg.start, seg.end):
            fatalities = 1  # "قُتلت في ..." with no number: one person
        if sub in ("Non-state actor overtakes territory", "Government regains territory", "Arrests",
                   "Peaceful protest", "Agreement", "Non-violent transfer of territory") and not groups:
            fatalities = 0
        return fatalities, f_low, f_high, spans

    def _sources(self, cand: Candidate) -> list[str]:
        """Who the sentence attributes it to; else the source named earlier in the
        paragraph, or the one "وأضافت الشبكة" points back to."""
        analysis, sentence = self.analysis, cand.sentence

        def name(s: SourceMention) -> str:
            return _ev(analysis, s.start, s.end)["text"] if s.verbatim else s.name

        sources = [name(s) for s in _within(analysis, analysis.sources, sentence)]
        if not sources:
            referring = _REFERRING_SOURCE.search(self.norm, sentence.start, sentence.end)
            earlier = [s for s in analysis.sources if s.end <= sentence.start
                       and (referring or "\n" not in self.norm[s.end:sentence.start])]
            sources = [name(earlier[-1])] if earlier else []
        return list(dict.fromkeys(sources))

    def _emit(self, cand: Candidate, when: _When, pick: PlacePick, sides: _Sides, actor1: str,
              actor2: str | None, toll: tuple, sources: list[str]) -> None:  # type: ignore[type-arg]
        analysis, trigger, seg = self.analysis, cand.trigger, cand.segment
        fatalities, f_low, f_high, fatality_spans = toll
        place = pick.place
        evidence = [Evidence(field="trigger", **_ev(analysis, trigger.start, trigger.end))]
        if sides.agent_m and sides.agent and sides.agent_m.actor.name == actor1:
            evidence.append(Evidence(field="actor1", **_ev(analysis, sides.agent_m.start, sides.agent_m.end)))
        if sides.target_m and actor2 == sides.target_m.actor.name:
            evidence.append(Evidence(field="actor2", **_ev(analysis, sides.target_m.start, sides.target_m.end)))
        evidence.append(Evidence(field="location", **_ev(analysis, pick.start, pick.end)))
        if when.match:
            evidence.append(Evidence(field="date", **_ev(analysis, when.match.start, when.match.end)))
        evidence.extend(Evidence(field="fatalities", **_ev(analysis, a, b)) for a, b in fatality_spans)
        evidence.append(Evidence(field="quote", **_ev(analysis, seg.start, seg.end)))
        location_ar = _ev(analysis, pick.start, pick.end)["text"]
        if pick.resolved is not None and pick.start != pick.resolved.mention.start:
            location_ar = _ev(analysis, pick.resolved.mention.start, pick.resolved.mention.end)["text"]
        location_ar = location_ar.lstrip("#")
        confidence = trigger.sense.strength * (
            0.55 + 0.1 * bool(sides.agent) + 0.1 * bool(actor2) + 0.1 * bool(when.match)
            + 0.15 * (pick.resolved is not None and not pick.resolved.ambiguous))
        sub = sides.sub
        event = Event(
            event_type=EVENT_TYPE_OF[sub], sub_event_type=sub,
            date=when.date, date_end=when.date_end, time_precision=when.precision,
            actor1=actor1, actor2=actor2,
            country=place.country if place else pick.country,
            admin1=place.admin1 if place else None,
            admin2=(place.admin2 or None) if place else None,
            location=place.display_name if place else location_ar,
            location_ar=location_ar,
            latitude=place.lat if place else None, longitude=place.lon if place else None,
            geo_precision=pick.geo_precision, gazetteer_id=place.id if place else None,
            fatalities=fatalities, fatalities_low=f_low, fatalities_high=f_high,
            reported_by=sources, evidence=evidence,
            notes=_note(sub, actor1, actor2, place, fatalities),
            confidence=round(min(confidence, 1.0), 3), doc_id=analysis.doc.id,
        )
        weak_date = when.match is None or bool(when.match.value.get("reported"))
        resolved_here = pick.resolved is not None and pick.resolved.place is not None
        place_key = event.gazetteer_id if resolved_here or pick.resolved is None else f"name:{pick.name_norm}"
        self.events.append((event, {"anaphoric": self._anaphoric(cand), "specificity": _specificity(pick),
                                    "weak_date": weak_date, "place_key": place_key, "segment": seg.start}))
        self.last_of_type[event.event_type] = event
        self.picks_of[id(event)] = [pick]
        self.sentence_of[id(event)] = _sentence_index(analysis, seg.start)


_UNCLAIMED = ("Unidentified Armed Group", "Unidentified Military Forces")  # the authors a claim replaces
_CLAIM = re.compile(r"(?<!\w)[وف]?(?:تبني|تبنت|يتبني|تتبني|تبنيه|اعلن\w*|اعلنت)(?:\s+\S+){0,5}?\s+(?:مسؤوليته|مسؤوليتها|المسؤوليه)"
                    r"|(?<!\w)[وف]?(?:تبني|تبنت)(?!\w)")


def _apply_claims(analysis: Analysis, events: list[tuple[Event, dict]], event_sentence: dict[int, int]) -> None:
    """"تبنى تنظيم الدولة الهجوم": a claim names the author of the attack it claims
    (event-schema.md §3); it is not an event of its own."""
    norm = analysis.ntext.norm
    if not any(e.actor1 in _UNCLAIMED for e, _ in events):
        return  # no event whose author a claim could name
    if "تبن" not in norm and ("اعلن" not in norm or "مسؤولي" not in norm):
        return  # the words every claim is made with (a cheap test before the regex)
    for claim in _CLAIM.finditer(norm):
        sentence = _sentence_index(analysis, claim.start())
        claimer = next((a for a in analysis.actors if claim.start() <= a.start <= claim.end() + 40
                        and a.actor.kind in ("group", "militia", "state")), None)
        if claimer is None:
            continue
        candidates = [e for e, _ in events if event_sentence.get(id(e), 99) <= sentence
                      and e.actor1 in _UNCLAIMED]
        if candidates:
            event = candidates[-1]
            event.actor1 = claimer.actor.name
            event.evidence.append(Evidence(field="actor1", **_ev(analysis, claimer.start, claimer.end)))


_BOMBER_DIED = re.compile(r"(?<!\w)(?:فجر|فجرت)\s+(?:نفسه|نفسها)(?!\w)")
_ONE_KILLED = re.compile(r"(?<!\w)[وف]?(?:قتلت|لقي\s+حتفه|لقيت\s+حتفها|لقي\s+مصرعه|لقيت\s+مصرعها)(?!\w)")
_NO_TOLL_TYPES = {"Abduction/forced disappearance", "Arrests", "Peaceful protest", "Agreement",
                  "Non-violent transfer of territory", "Change to group/activity", "Other",
                  "Headquarters or base established", "Disrupted weapons use"}
_GENERIC_SHELLING_TYPES = {"Shelling/artillery/missile attack"}
_CIVILIANS = Actor("Civilians", 7, "civilians", None, False, None, None)


def _ev(analysis: Analysis, start: int, end: int) -> dict:
    """``analysis.span(start, end)`` as a dict, without building the ``Span`` model."""
    a, b = analysis.ntext.original_span(start, end)
    return {"start": a, "end": b, "text": analysis.doc.text[a:b]}


def _note(sub: str, actor1: str, actor2: str | None, place: Place | None, fatalities: int) -> str:
    where = f" in {place.display_name}" if place else ""
    against = f" against {actor2}" if actor2 else ""
    toll = f"; {fatalities} killed" if fatalities else ""
    return f"{sub}: {actor1}{against}{where}{toll}."


def _specificity(pick: PlacePick) -> int:
    """How precisely a pick places an event: the named village beats "near the city",
    which beats the governorate; a name the gazetteer lacks still beats the governorate."""
    if pick.resolved is not None and pick.resolved.place is None:
        return 3
    return {1: 4, 2: 2, 3: 1}[pick.geo_precision]


def _merge_within_article(events: list[tuple[Event, dict]]) -> list[Event]:
    """One event per real event. The article repeats an event (same type, place and
    dates), or comes back to it with a definite noun ("الهجوم وقع ... في منطقة
    السعدونية"): the second mention then adds what it knows better (place, day, toll)."""
    merged: list[tuple[Event, dict]] = []
    for event, meta in events:
        twin = next((m for m, mm in merged if m.sub_event_type == event.sub_event_type
                     and mm["place_key"] == meta["place_key"]
                     and (_overlap(m, event) or meta["weak_date"] or mm["weak_date"])), None)
        if twin is None:
            # undated in one place ("... قتل خلاله 26"), the same sides in the same
            # governorate: the event the article dates in the other
            twin = next((m for m, mm in merged if (meta["weak_date"] or mm["weak_date"])
                         and m.sub_event_type == event.sub_event_type and m.admin1 == event.admin1
                         and {m.actor1, m.actor2} == {event.actor1, event.actor2}), None)
        if twin is None and meta["anaphoric"]:
            twin = next((m for m, mm in reversed(merged) if mm["segment"] != meta["segment"]
                         and m.event_type == event.event_type
                         and m.admin1 == event.admin1 and m.country == event.country and _overlap(m, event)), None)
        if twin is None:
            merged.append((event, meta))
            continue
        twin_meta = next(tm for m, tm in merged if m is twin)
        if meta["specificity"] > twin_meta["specificity"]:
            for name in ("location", "location_ar", "latitude", "longitude", "geo_precision", "gazetteer_id",
                         "admin1", "admin2", "country"):
                setattr(twin, name, getattr(event, name))
            twin_meta["specificity"] = meta["specificity"]
        if (event.time_precision < twin.time_precision or twin_meta["weak_date"]) and not meta["weak_date"]:
            twin.date, twin.date_end, twin.time_precision = event.date, event.date_end, event.time_precision
            twin_meta["weak_date"] = False
        if twin.actor2 is None and event.actor2 and event.actor2 != twin.actor1:
            twin.actor2 = event.actor2
        if twin.fatalities == 0 and event.fatalities:
            twin.fatalities, twin.fatalities_low, twin.fatalities_high = (
                event.fatalities, event.fatalities_low, event.fatalities_high)
        elif event.fatalities > twin.fatalities:
            twin.fatalities_high = max(event.fatalities, twin.fatalities_high or 0)
        twin.evidence.extend(e for e in event.evidence if e.field != "quote")
        twin.reported_by = list(dict.fromkeys(twin.reported_by + event.reported_by))
    return [m for m, _ in merged]


def _overlap(a: Event, b: Event) -> bool:
    return bool(a.date and b.date and a.date_end and b.date_end and a.date <= b.date_end and b.date <= a.date_end)
