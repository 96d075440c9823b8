"""Where an event happened: the places of a candidate's clause, and the rules that find
a place the clause does not name (the city or the two towns it points back to, the
previous sentence's place, "the same area", the event it refers to, the settlement the
article is about).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from rasd.analysis import Analysis
from rasd.events.article import ArticleState
from rasd.events.candidate import Candidate, Decision, Dropped
from rasd.events.document import (
    COVERED,
    PUNCTUATION,
    TEXT,
    country_counts,
    inside_parens,
    last_word_before,
    sentence_index,
    sentence_of,
    within,
)
from rasd.events.lexicon import assembly_words
from rasd.geo import km_between
from rasd.model import EVENT_TYPE_OF
from rasd.recognize.actors import load_pack
from rasd.recognize.numbers import number_words
from rasd.recognize.places import called_a_neighbourhood, is_destination, is_near, place_cues
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.resolve.places import ResolvedPlace
from rasd.text.normalize import alternation, normalize_key
from rasd.text.segment import Segment
from rasd.text.tokens import clitic_variants, reads_as, reads_as_with_and


@dataclass
class PlacePick:
    resolved: ResolvedPlace | None
    place: Place | None
    start: int
    end: int
    geo_precision: int
    name_norm: str
    country: str | None = None  # when no gazetteer place is known


def specificity(pick: PlacePick) -> int:
    """How precisely a pick places an event: the named village beats "near the city",
    which beats the governorate; a name the gazetteer lacks still beats the governorate."""
    if pick.resolved is not None and pick.resolved.place is None:
        return 3
    return {1: 4, 2: 2, 3: 1}[pick.geo_precision]


def pick_of(r: ResolvedPlace) -> PlacePick:
    return PlacePick(r, r.place, r.mention.start, r.mention.end, r.geo_precision, r.mention.name_norm)


@dataclass
class _PlaceView:
    r: ResolvedPlace

    @property
    def start(self) -> int:
        return self.r.mention.cue_start if self.r.mention.cue_start is not None else self.r.mention.start


def _place_views(analysis: Analysis) -> list[_PlaceView]:
    """The article's places as ``_PlaceView``s, made once per document."""
    return analysis.remember(_place_views, lambda: [_PlaceView(p) for p in analysis.places])


@lru_cache(maxsize=65536)
def _anaphoric_word(word: str) -> tuple[tuple[str, ...], int, bool] | None:
    """(features, chars removed, whether it names a pair) of the first clitic reading of
    ``word`` that is an anaphoric place noun ("المدينة", "البلدتين"), else None. Cached:
    most words are none."""
    words = assembly_words()
    for variant, removed in clitic_variants(word):
        if variant in words.anaphoric_places:
            return words.anaphoric_places[variant], removed, False
        if variant in words.anaphoric_place_pairs:
            return words.anaphoric_place_pairs[variant], removed, True
    return None


def _pair_before(analysis: Analysis, before: int, kinds: tuple[str, ...]) -> list[ResolvedPlace]:
    """The two settlements last named together before ``before`` ("بلدتي الفوعة وكفريا",
    "نبل والزهراء"), else none: a dual noun with no such pair is not resolved. A place
    named since only to say where the pair lies does not break it ("في قريتي تل أعور
    والفريكة جنوب مدينة جسر الشغور، أسفرت عن سيطرة قوات الأسد على القريتين"); any other
    place named since does."""
    places, norm, views = analysis.places, analysis.ntext.norm, _place_views(analysis)
    known = [k for k in range(bisect_left(_place_starts(analysis), before))
             if (r := places[k]).place is not None and r.mention.end <= before and r.place.feature in kinds]
    while len(known) > 2 and _locates_the_place_before(norm, views, known[-1]):
        known.pop()
    if len(known) < 2:
        return []
    first, second = places[known[-2]], places[known[-1]]
    same = first.place == second.place  # "بلدتي X وX": one town written twice is no pair
    if same or not assembly_words().list_gap.fullmatch(norm, first.mention.end, second.mention.start):
        return []
    return [first, second]


def _outside_the_clauses_governorate(analysis: Analysis, cand: Candidate, pair: list[ResolvedPlace]) -> bool:
    """The clause names a governorate ("وفي ريف حمص الشرقي، سيطر تنظيم داعش على القريتين")
    and the pair lies outside it: its dual is not that pair."""
    named = {r.place.admin1 for r in places_in(analysis, cand.segment)
             if r.place is not None and r.place.feature == "governorate"}
    return bool(named) and any(r.place is not None and r.place.admin1 not in named for r in pair)


def anaphoric_place(analysis: Analysis, cand: Candidate) -> list[PlacePick]:
    """"مدخل المدينة" after the trigger → the city (town, village...) last named before
    it; "قصف البلدتين", "سيطرة على القريتين" → the two settlements last named together.
    A word the recognizer read as a place's own name ("مدينة القريتين", the town
    al-Qaryatayn) refers back to nothing."""
    first = bisect_left(analysis.token_starts, cand.trigger.start)
    readings = list(map(_anaphoric_word, map(TEXT, analysis.tokens_between(cand.trigger.start, cand.segment.end))))
    k = next(compress(range(len(readings)), readings), None)  # the first anaphoric noun
    return [] if k is None else _referred_back_to(analysis, cand, first + k)


def anaphoric_place_before(analysis: Analysis, cand: Candidate) -> list[PlacePick]:
    """"تتقدم باتجاه المدينة من جهة الشرق تحت غطاء من قصف مكثف": in a clause that names
    no place, an anaphoric place noun before the trigger that a preposition or a direction
    word places (the last such) points back as one after it does."""
    tokens = analysis.tokens
    first = bisect_left(analysis.token_starts, cand.segment.start)
    for i in range(cand.trigger.token_start - 1, first - 1, -1):
        reading = _anaphoric_word(tokens[i].text)
        if reading is not None and (_glued_preposition(tokens[i].text[:reading[1]])
                                    or (i > first and _places(tokens[i - 1].text))):
            return _referred_back_to(analysis, cand, i)
    return []


@lru_cache(maxsize=4096)
def _places(word: str) -> bool:
    """A preposition ("في", "وفي", "باتجاه") or a direction word ("قرب", "شرقي"): what
    may stand before a noun to say it is where something happened."""
    cues = place_cues()
    placing = cues.prepositions | cues.sent_to_prepositions
    return reads_as_with_and(word, placing) or is_near(word)


def _glued_preposition(clitics: str) -> bool:
    """The proclitics of a word hold a preposition ("بالمدينة", "للبلدة")."""
    return "ب" in clitics or "ل" in clitics


#: Between an anaphoric noun and a place after it: at most one word (an adjective: "الحي
#: الصناعي"), then في or a ب glued to the place or its cue ("بقضاء أبوغريب", "في مدينة الموصل").
_LOCATED_AFTER = re.compile(r"(?:\s+([^\s,.;:()]+))?\s+(?:[وف]?في\s+|ب)?")


def _located_by_the_place_after(analysis: Analysis, end: int, k: int) -> bool:
    """Whether place ``k`` comes right after an anaphoric noun ending at ``end``, joined to it
    by في or a glued ب (``_LOCATED_AFTER``; an adjective between that only describes, "المدينة
    الواقعة في", does not join them)."""
    mention, norm = analysis.places[k].mention, analysis.ntext.norm
    stop = mention.cue_start if mention.cue_start is not None else mention.start
    m = _LOCATED_AFTER.fullmatch(norm, end, stop)
    if m is None or (m.group(1) and reads_as(m.group(1), place_cues().describing)):
        return False
    # a ب glued to a cue is inside the cue's span ("بقضاء"); one glued to a bare name is before it
    return norm.endswith(("في ", "ب"), end, stop) or (mention.cue_start is not None and norm.startswith("ب", stop))


def _around(wide: ResolvedPlace, town: ResolvedPlace) -> bool:
    """Whether ``wide`` is an area that holds ``town`` (its countryside, governorate or
    district): naming it after a noun that refers back to the town only describes the town."""
    area, place = wide.place, town.place
    if area is None or place is None or area.admin1 != place.admin1:
        return False
    return wide.mention.countryside or area.feature == "governorate" or (area.feature in _WIDE_FEATURES and area.admin2 == place.admin2)


def _referred_back_to(analysis: Analysis, cand: Candidate, i: int) -> list[PlacePick]:
    """The places the anaphoric noun at token ``i`` refers back to (``anaphoric_place``)."""
    tokens = analysis.tokens
    tok = tokens[i]
    named = bisect_left(_place_starts(analysis), tok.end) - 1  # the last place starting in or before it
    if named >= 0 and analysis.places[named].mention.end > tok.start:
        return []
    after = analysis.places[named + 1] if named + 1 < len(analysis.places) else None
    located = after is not None and _located_by_the_place_after(analysis, tok.end, named + 1)
    features, removed, pair = _anaphoric_word(tok.text)  # type: ignore[misc]
    near = i > 0 and is_near(tokens[i - 1].text)
    if pair:
        two = _pair_before(analysis, tok.start, features)
        if _outside_the_clauses_governorate(analysis, cand, two):
            return []
        if located and after is not None and not all(_around(after, r) for r in two):
            return []  # as for one town (below): a place after that is not around them says where
        return [PlacePick(r, r.place, tok.start + removed, tok.end, 2 if near else r.geo_precision, r.mention.name_norm)
                for r in two]
    kinds = features + ("city", "town")
    places, starts = analysis.places, _place_starts(analysis)
    antecedent = next((places[j] for j in range(bisect_left(starts, tok.start) - 1, -1, -1)
                       if places[j].place and places[j].mention.end <= tok.start
                       and places[j].place.feature in kinds), None)  # type: ignore[union-attr]
    if antecedent is None:
        return []
    if located and after is not None and not _around(after, antecedent):
        # "بانفجار في الحي الصناعي بقضاء أبوغريب" after "وفي بغداد": the place after it says
        # where it is; "على المدينة بريف دير الزور" after "مدينة البوكمال" only describes the town
        return []
    return [PlacePick(antecedent, antecedent.place, tok.start + removed, tok.end,
                      2 if near else antecedent.geo_precision, antecedent.mention.name_norm)]


#: Gazetteer features that are settlements: a name of one needs no cue word to be one, and
#: one wins a tie for the article's focus.
_SETTLEMENTS = frozenset({"city", "town", "village"})


def focus_place(analysis: Analysis) -> PlacePick | None:
    """The settlement an article is about: named at least twice, more than any other, and
    more often than any country rasd does not cover whose forces are no side of the war
    there (else the article is about that country)."""
    counts: Counter[str] = Counter()
    first: dict[str, ResolvedPlace] = {}
    for p in analysis.places:
        if p.place is not None and p.place.feature != "governorate":
            counts[p.place.id] += 1
            first.setdefault(p.place.id, p)
    if not counts:
        return None
    # twice the count, and one more for a settlement: a settlement wins a tie with a district
    settled = Counter({k: 2 * v + (1 if first[k].place.feature in _SETTLEMENTS else 0)  # type: ignore[union-attr]
                       for k, v in counts.items()})
    ranked = settled.most_common(2)
    if counts[ranked[0][0]] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    # "الكويت تضبط شبكة إرهابية", naming Kuwait five times and Mosul twice, is about Kuwait
    # (not an article that names Turkey or Russia often: their forces are sides of the war)
    named = country_counts(analysis, 0, len(analysis.ntext.norm))
    warring = load_pack().warring_countries
    if any(n > counts[ranked[0][0]] for c, n in named.items() if c not in COVERED and c not in warring):
        return None
    return pick_of(first[ranked[0][0]])


def places_in(analysis: Analysis, seg: Segment) -> list[ResolvedPlace]:
    """The article's places whose names start in ``seg``, in text order."""
    starts = _place_starts(analysis)
    return analysis.places[bisect_left(starts, seg.start):bisect_left(starts, seg.end)]


def _place_starts(analysis: Analysis) -> list[int]:
    """Where the article's places start, in their order (text order: ``find_places``
    walks the tokens), for bisecting."""
    return analysis.remember(_place_starts, lambda: [p.mention.start for p in analysis.places])


def _most_common_governorate(pool: list[ResolvedPlace]) -> ResolvedPlace | None:
    """The first place of the governorate most places of ``pool`` lie in."""
    pool = [p for p in pool if p.place is not None]
    if not pool:
        return None
    counts = Counter((p.place.country, p.place.admin1) for p in pool)  # type: ignore[union-attr]
    (country, admin1), _ = counts.most_common(1)[0]
    return next(p for p in pool if (p.place.country, p.place.admin1) == (country, admin1))  # type: ignore[union-attr]


def context_governorate(analysis: Analysis, cand: Candidate) -> ResolvedPlace | None:
    """The governorate the article places things in, for a place the gazetteer does not
    know: this sentence's, else the sentence before's (a paragraph goes on where the one
    before it was: "سيطر الثوار على تلة في جبل التركمان بريف اللاذقية ... وذكر أن قوات
    الأسد حاولت التقدم نحو قرى بيت فارس"), else the article's."""
    in_sentence = places_in(analysis, cand.sentence)
    index = sentence_index(analysis, cand.sentence.start)
    before = places_in(analysis, analysis.sentences[index - 1]) if index > 0 else []
    return _most_common_governorate(in_sentence) or _most_common_governorate(before) or analysis.remember(
        _most_common_governorate, lambda: _most_common_governorate(analysis.places))


def country_of(analysis: Analysis, cand: Candidate) -> str | None:
    """The covered country the sentence (else the article) is about, from its country words."""
    for start, end in ((cand.sentence.start, cand.sentence.end), (0, len(analysis.ntext.norm))):
        counts = country_counts(analysis, start, end)
        covered = [(counts[c], c) for c in COVERED if counts[c]]
        if covered:
            best = max(covered)
            if [n for n, _ in covered].count(best[0]) == 1:
                return best[1]
    return None


_WIDE_FEATURES = frozenset({"governorate", "region", "district", "subdistrict"})


def _is_wide(r: ResolvedPlace) -> bool:
    """A place that holds settlements: a governorate, region or district, a place known only
    to its governorate, or a countryside ("ريف حلب")."""
    return r.place is not None and (r.place.feature in _WIDE_FEATURES or r.geo_precision == 3 or r.mention.countryside)


def _gap_to(norm: str, before: ResolvedPlace, r: ResolvedPlace) -> str:
    """The text between place ``before`` and place ``r`` (up to ``r``'s cue, if it has one)."""
    return norm[before.mention.end:r.mention.cue_start if r.mention.cue_start is not None else r.mention.start]


def _settlement_within(norm: str, places: list[_PlaceView], first: _PlaceView) -> _PlaceView:
    """"في ريف حلب قريتي نبل والزهراء", "بمحافظة درعا بلدة الحراك": a wider place (a
    governorate, a region, a countryside) followed at once by settlements it holds: the
    settlements are where it happened (event-schema.md §3.3, the most specific place)."""
    i = places.index(first)
    if i + 1 >= len(places):
        return first
    nxt, r = places[i + 1], first.r
    if _is_wide(r) and nxt.r.mention.cue == "settlement" and nxt.start - r.mention.end <= 3 \
            and not norm[r.mention.end:nxt.start].strip(" ،,"):
        return nxt
    return first


def _town_of_the_governorate(places: list[_PlaceView], first: _PlaceView) -> _PlaceView:
    """"تظاهر مئات أمام مبنى مجلس محافظة بابل وسط مدينة الحلة", "وفي مدينة الناصرية، كبرى
    مدن محافظة ذي قار، ... اندلعت مواجهات": a governorate picked in a clause that names a
    town of it with its cue ("مدينة", "بلدة"), or a settlement of it as a front or a place
    near which ("في ريف اللاذقية ... التقدم على محور بيت عوان"), the first after it, else
    the only one before it: the town is where it happened (event-schema.md §3.3, the most
    specific place: near a town beats a governorate's countryside). Another governorate
    makes a list, not one place made precise."""
    gov = first.r.place
    if gov is None or gov.feature != "governorate":
        return first

    def is_town(p: _PlaceView) -> bool:
        place, m = p.r.place, p.r.mention
        named = (m.cue == "settlement" and p.r.geo_precision == 1) \
            or (m.near and not m.countryside and place is not None and place.feature in ("city", "town", "village"))
        return place is not None and named and (place.country, place.admin1) == (gov.country, gov.admin1)

    def is_governorate(p: _PlaceView) -> bool:
        return p is not first and p.r.place is not None and p.r.place.feature == "governorate"

    i = places.index(first)
    for p in places[i + 1:]:
        if is_governorate(p):
            break
        if is_town(p):
            return p
    before = [p for p in places[:i] if is_town(p)]
    if len(before) == 1 and not any(is_governorate(p) for p in places):
        return before[0]
    return first


#: What stands between a settlement and the wider place that locates it: "دوما بالغوطة",
#: "تلبيسة بريف حمص", "جورين في سهل الغاب".
_LOCATOR_GAP = re.compile(r"\s*(?:[وف]?(?:في|ب)\s*)?(?:ريف\s*)?")


def _locates_the_place_before(norm: str, places: list[_PlaceView], i: int) -> bool:
    """Place ``i`` is a near or compass phrase right after place ``i - 1`` ("دوما قرب
    دمشق", "كوبجليل (شرق الموصل)"), or closes an apposition set off by commas that
    describes it ("مدينة دوما، آخر معقل للمعارضة المسلحة قرب دمشق،"): it says where that
    place is."""
    m = places[i].r.mention
    if not (i > 0 and m.near and m.cue_start is not None):
        return False
    gap = norm[places[i - 1].r.mention.end:m.cue_start]
    return not gap.strip(" ,،(") or _describes(gap) and _APPOSITION_END.match(norm, m.end) is not None


#: ", a description of at most six words, " between a place and a near phrase that
#: locates it: a noun phrase (no و or ف opening a new clause, no punctuation inside).
_APPOSITION = re.compile(r"\s*[،,]\s*(?![وف])[^\s،,.؛:()]+(?:\s+[^\s،,.؛:()]+){0,5}\s+")
_APPOSITION_END = re.compile(r"\s*[،,]")


def _describes(gap: str) -> bool:
    """Whether ``gap`` is an apposition that describes a place ("، آخر معقل للمعارضة ",
    "، الخاضعة لسيطرة المعارضة "), not a clause of its own ("، إن ثلاثة مدنيين قتلوا "): no
    clause opener first, no word of death."""
    if _APPOSITION.fullmatch(gap) is None:
        return False
    words = gap.strip(" ,،").split()
    return words[0] not in assembly_words().clause_openers \
        and not any(reads_as(w, number_words().death) for w in words)


#: Between a place and the one it belongs to: "منطقة العناز التابعة لقرى زوبع", "منطقة السيدة
#: زينب وسط قضاء سنجار" (normalized; the cue word of the second place follows).
_BELONGS_TO = re.compile(r"\s*[،,]?\s*(?:(?:ال)?(?:تابعه|تابع|واقعه|واقع)\s+(?:(?:الي|في)\s+|ل)?|وسط\s+|داخل\s+|ضمن\s+)")


#: How many words may stand between a name and the compass phrase that closes its list
#: (the list's other names: "الأول والطاش الثانية ").
_LIST_WORDS = 6
#: The rest of such a list after its first name: a word of that name ("الأول"), then members
#: joined by و, each with at most one word of its own ("، والخضيرات الثانية").
_LIST_TAIL = re.compile(r"(?:\s+[^\s,،]+)?(?:\s*[,،]?\s*و[^\s,،]+(?:\s+[^\s,،]+)?)*\s*")


def _known_locator(norm: str, places: list[_PlaceView], view: _PlaceView) -> ResolvedPlace | None:
    """The settlement a near or compass phrase right after a place the gazetteer lacks
    names ("منطقة معسكر الكرين قرب مدينة الطبقة", "قرية X شرق الموصل"), or the one the
    place is said to belong to ("منطقة السيدة زينب وسط قضاء سنجار"), through a place the
    gazetteer lacks too ("منطقة العناز التابعة لقرى زوبع جنوب شرق الفلوجة"); or None."""
    i = places.index(view) + 1
    if i >= len(places):
        return None
    r = places[i].r
    if not _BELONGS_TO.match(norm, view.r.mention.end):
        # "منطقتي الطاش الأول والطاش الثانية جنوب غربي مدينة الرمادي": the compass phrase after
        # a list of names the gazetteer lacks locates them all (each member joined by و, with
        # at most a word of its name after it: "التي نزح أهلها إلى مخيم قرب الرمادي" is no list)
        j = i
        while j + 1 < len(places) and places[j].r.place is None:
            j += 1
        gap = norm[view.r.mention.end:places[j].start]
        m = places[j].r.mention
        if m.near and m.cue_start is not None and len(gap.split()) <= _LIST_WORDS and _LIST_TAIL.fullmatch(gap):
            r = places[j].r
            return r if r.place is not None and r.place.feature not in _WIDE_FEATURES and r.geo_precision < 3 else None
    if not _locates_the_place_before(norm, places, i):
        if not _BELONGS_TO.fullmatch(norm, view.r.mention.end, places[i].start):
            return None
        if r.place is None:
            return _known_locator(norm, places, places[i])
        if r.place.feature == "district":  # "وسط قضاء سنجار": the district's town
            return r if r.place.lat is not None else None
    return r if r.place is not None and r.place.feature not in _WIDE_FEATURES and r.geo_precision < 3 else None


def _head_of_the_list(norm: str, places: list[_PlaceView], i: int,
                      joins: Callable[[ResolvedPlace, ResolvedPlace, str], bool] | None = None) -> int:
    """"تعرضت مدن وبلدات نوى وكحيل ... وتل السمن لعشرات الغارات": the last place before
    the trigger closes a list; its first place heads it (its index is returned), and the
    places coordinated with that one are the list, one event each. ``joins`` (a member, the
    next, the gap between) may ask more of each link than the list's gap."""
    words = assembly_words()
    j = i
    while j > 0:
        before, after = places[j - 1].r, places[j].r
        gap = norm[before.mention.end:after.mention.start]
        if not words.list_gap.fullmatch(gap) or (joins is not None and not joins(before, after, gap)):
            break
        j -= 1
    return j


def _joined_in_the_located_governorate(before: ResolvedPlace, after: ResolvedPlace, gap: str) -> bool:
    """"قريتا كفريا والفوعة شمال إدلب لقصف": the places joined by و to the one a locator
    locates, in its governorate, are the list the locator closes. A comma alone makes no
    list ("وفي حماة، قرية كفرنبودة شمال حماة"), nor does a place of another governorate
    ("أهالي حلب وقرية زاركلي قرب جبال قنديل"). (``after`` is in the located place's
    governorate: the walk starts at that place and stops at the first member that is not.)"""
    if before.place is None or after.place is None:
        same_governorate = before.place is None and after.place is None
    else:
        same_governorate = before.place.admin1 == after.place.admin1
    return same_governorate and _JOINED.search(gap) is not None


#: A member of a list joined by و ("كفريا والفوعة", "قرى A، وB").
_JOINED = re.compile(r"(?<!\S)و")


def _settlements_before(norm: str, places: list[_PlaceView], last: _PlaceView) -> _PlaceView:
    """"في محيط قرى تل واسط والزيارة وجورين في سهل الغاب بقذائف": when the trigger
    comes after the places, the last place before it may be the wider area that holds
    the settlements named just before it: the first of those settlements is where it
    happened (event-schema.md §3.3, the most specific place). A settlement there closes
    a list, headed by its first place (``_head_of_the_list``)."""
    i = located = places.index(last)
    while _locates_the_place_before(norm, places, located):
        located -= 1  # "قرية زاركلي قرب جبال قنديل شمال أربيل إن طائرات تركية شنت"
    if located != i:  # the place the locators locate, and the list it closes
        # a wide one may itself hold settlements named before it: "في قريتي الحلوة والروضة
        # في ناحية ربيعة، بريف اللاذقية الشمالي، لقصف جوي"
        held = _settlements_held_by(norm, places, located, _joined_in_the_located_governorate) \
            if _is_wide(places[located].r) else None
        return held or places[_head_of_the_list(norm, places, located, _joined_in_the_located_governorate)]
    r = last.r
    prev = places[i - 1] if i > 0 else None
    gap = _gap_to(norm, prev.r, r) if prev is not None else ""
    # "بلدة خان شيخون في إدلب": a settlement its cue names, then "في" or "ب" and a city
    located_in_a_city = prev is not None and prev.r.mention.cue == "settlement" and r.mention.cue is None \
        and r.place is not None and r.place.feature == "city" and bool(gap.strip()) and _LOCATOR_GAP.fullmatch(gap)
    if not _is_wide(r) and not located_in_a_city:
        return places[_head_of_the_list(norm, places, i)]
    return _settlements_held_by(norm, places, i) or last


def _settlements_held_by(norm: str, places: list[_PlaceView], i: int,
                         joins: Callable[[ResolvedPlace, ResolvedPlace, str], bool] | None = None) -> _PlaceView | None:
    """The head of the settlements named just before the wider place ``i``, joined to it by
    "في", "ب" or "بريف" ("دوما وحرستا وعربين بالغوطة الشرقية"); None if there are none.
    ``joins`` may ask more of each link of their list (``_head_of_the_list``)."""
    if i == 0 or not _LOCATOR_GAP.fullmatch(_gap_to(norm, places[i - 1].r, places[i].r)):
        return None
    j = _head_of_the_list(norm, places, i - 1, joins)
    # "مدن وبلدات دوما وحرستا وعربين بالغوطة الشرقية": the cue may stand before the list's head;
    # "في دوما بغوطة دمشق الشرقية": a town the gazetteer knows needs none
    # "مطار الضبعة العسكري في محافظة حمص": a base or airport of the region list, too
    if not any(p.r.mention.cue == "settlement" or _known_settlement(p) or _known_site(p) for p in places[j:i]):
        return None
    return places[j]


def _known_settlement(view: _PlaceView) -> bool:
    """A place the gazetteer resolves to a city, town or village."""
    return view.r.place is not None and view.r.place.feature in _SETTLEMENTS


def _known_site(view: _PlaceView) -> bool:
    """A base or an airport the project's region list knows."""
    return view.r.place is not None and view.r.place.feature == "site"


def _city_of_neighbourhood(norm: str, places: list[_PlaceView], view: _PlaceView) -> ResolvedPlace | None:
    """"حي اليرموك الثانية غربي بعقوبة", "حيي اليرموك والاملاك في بعقوبة": the city or
    town named right after a neighbourhood (and the neighbourhoods listed with it), or None."""
    if not called_a_neighbourhood(view.r.mention, norm):
        return None
    end = view.r.mention.end
    for nxt in places[places.index(view) + 1:]:
        if nxt.start - end > 40 or PUNCTUATION.search(norm, end, nxt.start):
            return None
        if called_a_neighbourhood(nxt.r.mention, norm) or (nxt.r.mention.cue == "settlement" and nxt.r.place is None):
            end = nxt.r.mention.end  # another neighbourhood of the list
            continue
        place = nxt.r.place
        return nxt.r if place is not None and place.feature in ("city", "town") else None
    return None



def _coordinated(norm: str, places: list[_PlaceView], first: _PlaceView) -> list[_PlaceView]:
    """"مناطق هاكورك وجارا ومتينا": the places coordinated with ``first`` are one event
    each; but "بين بلدتي ذيبان والشحيل" is one place between two."""
    words = assembly_words()
    picks = [first]
    if words.between_before.search(norm[max(0, first.start - 20):first.start]):
        return picks
    end = first.r.mention.end  # where the last listed place, or the phrase locating it, ends
    located = False
    for i in range(places.index(first) + 1, len(places)):
        p = places[i]
        gap = norm[end:p.r.mention.start]
        if not located and _locates_the_listed_place(norm, places, i, gap):
            end, located = p.r.mention.end, True  # "ديرلوك وحفطنين شمال دهوك وخواكورك"
            continue
        if words.list_gap.fullmatch(gap) and (not located or "و" in gap) and \
                (p.r.place is None or picks[-1].r.place is None or p.r.place.id != picks[-1].r.place.id):
            picks.append(p)
            end, located = p.r.mention.end, False
        else:
            break
    return picks


def _locates_the_listed_place(norm: str, places: list[_PlaceView], i: int, gap: str) -> bool:
    """Place ``i`` says where the place listed before it lies, by a near or compass phrase
    ("حفطنين شمال دهوك") or as the wider place holding it ("ساقية الكرت بجبل الأكراد"): a
    list may go on after it."""
    if gap.lstrip(" ,،").startswith("و"):
        return False  # "ومحيط بلدة عقرب": coordinated, one more place of the list
    if _locates_the_place_before(norm, places, i):
        return True
    r = places[i].r
    return _is_wide(r) and bool(gap.strip()) and _LOCATOR_GAP.fullmatch(_gap_to(norm, places[i - 1].r, r)) is not None


def _antecedent_place(analysis: Analysis, places: list[_PlaceView], trig: int) -> _PlaceView | None:
    """"مدينة تدمر الأثرية التي سيطر عليها في 21 مايو": the place right before a
    relative pronoun that opens the trigger's clause is the event's place, not a place
    named after the trigger ("بمناطق سيطرته في القلمون")."""
    norm = analysis.ntext.norm
    before = [p for p in places if p.r.mention.end <= trig]
    if not before or not assembly_words().place_relative.fullmatch(norm, before[-1].r.mention.end, trig):
        return None
    last = before[-1]
    if len(before) > 1 and before[-2].r.geo_precision == 1 and last.r.geo_precision > 1 \
            and _LOCATOR_GAP.fullmatch(norm, before[-2].r.mention.end, last.r.mention.start):
        return before[-2]  # "بلدة دوما بالغوطة التي", "مدينة تلبيسة بريف حمص التي": the town
    return last


#: How many words before the trigger a plural of settlements its clause describes may stand
#: (a cheap bound: the description itself allows a pronoun and three words).
_DESCRIBED_WITHIN = 7


def describes_a_place(analysis: Analysis, cand: Candidate) -> bool:
    """The trigger opens a clause that describes the place named right before it
    ("مدينة البصرة التي شهدت مؤخرا احتجاجات", "بلدة عفرين الخاضعة لقصف تركي", "مدينة
    منبج التي سيطر عليها الأكراد"), with no place of its own, or settlements named by their
    plural ("إعادة إعمار المناطق التي استعادت الدولة السيطرة عليها", "المدن الرئيسية التي
    سيطروا عليها": places the clause names are part of the description): what the places
    have been going through, which, with no toll, no hurt and no day of its own (the
    caller's checks), is no event of the day. Not what is concluded or declared once ("المناطق
    التي تم التوصل لاتفاق بشأنها": the agreement is news)."""
    norm, trigger = analysis.ntext.norm, cand.trigger.start
    places = within(analysis, _place_views(analysis), cand.sentence)
    description = assembly_words().place_description
    # (not a clause that names its own places: "حيث تركز القصف على بلدات الجيزة وكحيل")
    if not any(trigger < p.r.mention.start < cand.segment.end for p in places) \
            and any(p.r.mention.end <= trigger and trigger - p.r.mention.end < 80
                    and description.fullmatch(norm, p.r.mention.end, trigger) for p in places):
        return True
    if cand.sub_event_type in DECLARED_ONCE:
        return False
    # the plural right before the description, or before an adjective of it ("المدن الرئيسية")
    k = last_word_before(analysis, cand.sentence, cand.trigger.token_start, place_cues().settlement_plurals,
                         _DESCRIBED_WITHIN)
    if k is None:
        return False
    end = analysis.tokens[k].end
    adjective = _NEXT_WORD.match(norm, end)
    return bool(description.fullmatch(norm, end, trigger)
                or (adjective is not None and description.fullmatch(norm, adjective.end(), trigger)))


def describes_a_side(analysis: Analysis, cand: Candidate) -> bool:
    """Ground taken, told as the verb of a relative clause right after a side's name ("تنظيم
    داعش الذي سيطر على الموصل والرمادي", "الميليشيات الإيرانية التي سيطرت على جنوب
    العاصمة"): the side's story, which, with no toll and no day of its own, is no event of
    the day. Not an act told after a relative clause that only describes the side ("الطائرات
    الروسية التي أقلعت من حميميم قصفت خان شيخون")."""
    if not cand.trigger.sense.territory:
        return False
    norm, trigger = analysis.ntext.norm, cand.trigger.start
    description = assembly_words().side_description
    return any(a.end <= trigger and description.fullmatch(norm, a.end, trigger)
               for a in within(analysis, analysis.actors, cand.sentence))


@lru_cache(maxsize=1)
def _launched_from() -> re.Pattern[str]:
    verbs = alternation(place_cues().launched_from)
    # the verb, من or عبر ("أطلق عبر مرتفعات الجولان"), then at most three words (a cue,
    # "مواقع تمركزها") before the name, with no comma between: "انطلقت من مطار الشعيرات،
    # بلدة خان شيخون" names the target after the launch site
    return re.compile(rf"(?:^|\s)[وفب]?(?:{verbs})\S*\s+(?:من|عبر)\s+(?:[^\s,.;:]+\s+){{0,3}}[وبلف]?$")


def _is_launch_site(norm: str, place_start: int, seg_start: int) -> bool:
    """A place the fire was launched from ("قذيفة أطلقت من منطقة الغوطة الشرقية على
    ضاحية جرمانا"): not where the event happened."""
    return _launched_from().search(norm, max(seg_start, place_start - 80), place_start) is not None


def _city_of_a_neighbourhood(place: Place | None, gazetteer: Gazetteer) -> Place | None:
    """The city a neighbourhood of the gazetteer lies in, where it is coded (event-schema.md
    §3.2); None for a place that is no neighbourhood."""
    return gazetteer.city_of(place) if place is not None and place.feature == "neighbourhood" else None


def _at_its_city(pick: PlacePick, gazetteer: Gazetteer) -> PlacePick:
    """"حيث يتعرض الحي لهجمات": a neighbourhood referred back to is coded at its city, as
    one named is."""
    town = _city_of_a_neighbourhood(pick.place, gazetteer)
    return pick if town is None else replace(pick, place=town)


def _of_a_protest(analysis: Analysis, cand: Candidate) -> bool:
    """A protest's clause, or one whose sides are protesters (their clash is a riot)."""
    return EVENT_TYPE_OF[cand.sub_event_type] in ("Protests", "Riots") \
        or any(m.actor.kind == "protesters" for m in within(analysis, analysis.actors, cand.segment))


def _in_a_protested_act(norm: str, cand: Candidate, place_start: int) -> bool:
    """A place after the trigger named in the act a protest is against ("احتجاجات غاضبة ضد
    العملية العسكرية التركية في منطقة عفرين"): where that act happened, not the protest."""
    return _named_after(assembly_words().protested_act, norm, cand, place_start)


def _in_a_demand(norm: str, cand: Candidate, place_start: int) -> bool:
    """A place after the trigger named in what a protest demands ("تظاهرت ... مطالبة بحماية
    سكان الفوعة وكفريا"): whom it speaks for, unless the clause names no other place
    ("تظاهر المئات مطالبين بإسقاط النظام في مدينة درعا": there it was held)."""
    return _named_after(assembly_words().protest_demand, norm, cand, place_start)


def _named_after(pattern: re.Pattern[str], norm: str, cand: Candidate, place_start: int) -> bool:
    """Whether ``pattern`` matches after the trigger and before ``place_start``, with no
    mark of the clause between its last match and the place."""
    if place_start < cand.trigger.end:
        return False
    last = max(pattern.finditer(norm, cand.trigger.end, place_start), key=lambda m: m.start(), default=None)
    return last is not None and PUNCTUATION.search(norm, last.end(), place_start) is None


def places_of_clause(analysis: Analysis, cand: Candidate, gazetteer: Gazetteer) -> list[PlacePick]:
    """The places the clause names for its event: the first after the trigger (else
    the last before it) and those coordinated with it, or the city a definite noun
    points back to when it comes first. A name the gazetteer lacks is kept as written,
    placed in the governorate the sentence (or the article) is about."""
    norm = analysis.ntext.norm
    seg = cand.segment
    places = within(analysis, _place_views(analysis), seg)
    # a place inside parentheses is a person's origin or a nickname unless a cue marks it
    places = [p for p in places if p.r.mention.cue or not inside_parens(norm, p.r.mention.start, seg.start)]
    places = [p for p in places if not _is_launch_site(norm, p.r.mention.start, seg.start)
              and not (p.r.mention.start > cand.trigger.start and is_destination(norm, p.r.mention.start, seg.start))]
    # "أطلقت 105 صواريخ ... ردا على هجوم بغاز سام في دوما": the place of the act responded to
    response = assembly_words().response.search(norm, cand.trigger.end, seg.end)
    if response is not None:
        places = [p for p in places if p.r.mention.start < response.start()]
    # "هجوم كيماوي في دوما ... وأدى إلى توجيه ... ضربات صاروخية": the place of what led to the
    # act, named after that cause (not a place that opens the sentence: "وفي درعا، أدت
    # الاشتباكات إلى شن الطيران غارات")
    led_to = assembly_words().led_to.search(norm, seg.start, cand.trigger.start)
    if led_to is not None:
        causes = within(analysis, analysis.triggers, Segment(seg.start, led_to.start()))
        if causes:
            places = [p for p in places if not causes[0].start < p.r.mention.start < led_to.start()]
    if _of_a_protest(analysis, cand):
        places = [p for p in places if not _in_a_protested_act(norm, cand, p.r.mention.start)]
        places = [p for p in places if not _in_a_demand(norm, cand, p.r.mention.start)] or places
    # "على كامل محافظة درعا، ما عدا مدينة نوى وبلدة الشيخ سعد": the places excepted
    excepted = assembly_words().exception.search(norm, cand.trigger.end, seg.end)
    if excepted is not None:
        places = [p for p in places if p.r.mention.start < excepted.start()]
    anaphor = [_at_its_city(pick, gazetteer) for pick in anaphoric_place(analysis, cand)]
    if not places:
        return anaphor or [_at_its_city(pick, gazetteer) for pick in anaphoric_place_before(analysis, cand)]
    trig = cand.trigger.start
    after = [p for p in places if p.start >= trig]
    first = after[0] if after else _settlements_before(norm, places, places[-1])
    antecedent = _antecedent_place(analysis, places, trig)
    if antecedent is not None:
        first = antecedent
    if anaphor and (not after or (anaphor[0].start < first.start and len(anaphor) == 1)):
        return anaphor  # "غارات على المنطقة المحيطة بالبلدتين، استهدفت بنش": the towns named
    out = []
    located_up_to = -1  # where the place a name was said to belong to ends: the names up to it are one place
    for p in _coordinated(norm, places, _settlement_within(norm, places, _town_of_the_governorate(places, first))):
        r = p.r
        if r.mention.start < located_up_to:
            continue  # "منطقة العناز التابعة لقرى زوبع جنوب شرق الفلوجة": one place, coded at the town
        city = _city_of_neighbourhood(norm, places, p)
        if city is not None:  # event-schema.md §3.2: a neighbourhood is coded at its city
            out.append(PlacePick(r, city.place, r.mention.start, r.mention.end, 1, r.mention.name_norm))
            # "في حي نزال وسط مدينة الفلوجة": the city that locates it is the same place, not
            # another of a list (whose toll would be divided)
            located_up_to = max(located_up_to, city.mention.end)
            continue
        town = _city_of_a_neighbourhood(r.place, gazetteer)
        if town is not None:  # "بغداد الجديدة", a neighbourhood of the gazetteer, is coded at Baghdad
            out.append(PlacePick(r, town, r.mention.start, r.mention.end, r.geo_precision, r.mention.name_norm))
            continue
        if r.place is not None:
            out.append(pick_of(r))
            continue
        locator = _known_locator(norm, places, p)
        if locator is not None and locator.place is not None:  # "منطقة معسكر الكرين قرب مدينة الطبقة": at the town (§3.1)
            # ("حي أبودشير التابع لمنطقة الدورة جنوبي بغداد": a neighbourhood's, at its city)
            found = locator.place
            its_city = _city_of_a_neighbourhood(found, gazetteer)
            # (a neighbourhood of a city, coded at the city, is as precise as the city: §3.2)
            out.append(PlacePick(r, its_city or found, r.mention.start, r.mention.end, 1 if its_city else 2,
                                 r.mention.name_norm))
            if _BELONGS_TO.match(norm, r.mention.end):  # (not a list: each of its names is a place)
                located_up_to = locator.mention.end
            continue
        # a name the gazetteer does not know: keep it as written, placed in the governorate
        context = context_governorate(analysis, cand)
        gov_place = gazetteer.governorate_of(context.place) if context and context.place else None
        if gov_place is not None:
            out.append(PlacePick(r, gov_place, r.mention.start, r.mention.end, 3, r.mention.name_norm))
            continue
        country = country_of(analysis, cand)
        if country is not None:  # only the country is known: the name stays as written
            out.append(PlacePick(r, None, r.mention.start, r.mention.end, 3, r.mention.name_norm, country))
    return out


def _of_an_earlier_event(analysis: Analysis, cand: Candidate, start: int) -> bool:
    """Whether a phrase at ``start`` follows "بعد" after the trigger ("بعد دقائق على التفجير
    في تركيا"): it tells where the earlier event happened."""
    trigger_end = cand.trigger.end
    return trigger_end <= start and bool(assembly_words().after_word.search(analysis.ntext.norm, trigger_end, start))


#: A clause whose places span this many governorates sums a country up (event-schema.md
#: §3.3): "غارات استهدفت عدة مناطق في محافظات دمشق، ريف دمشق، حلب، إدلب، ...".
SUMMARY_GOVERNORATES = 4


def country_summary(analysis: Analysis, picks: list[PlacePick], day: bool, sub_event_type: str) -> None:
    """A clause that lists places in four governorates or more, and no day of its own,
    tells a statistic or a round-up of a whole country, not an incident:
    ``Dropped("country_summary")``. With a day ("قتل الجمعة 4 متظاهرين في ...", "ستا من
    هذه الغارات التي نفذت أمس الخميس كانت قرب مدن الحسكة ...") each place had its event,
    and so has each city of a wave of protests ("خرجت تظاهرات مماثلة في البصرة وذي قار
    والحلة والنجف"), and each town of a strike report's list of targets "near" towns
    ("وجرت الضربات الأخرى قرب كركوك والفلوجة وتلعفر ومخمور": a statistic says "in the
    governorates of", a report of the day's strikes says near which towns they fell)."""
    if day or EVENT_TYPE_OF[sub_event_type] in ("Protests", "Riots"):
        return
    if EVENT_TYPE_OF[sub_event_type] == "Explosions/Remote violence" and _listed_near(analysis, picks):
        return
    governorates = {p.place.admin1 or p.place.id for p in picks if p.place is not None}
    if len(governorates) >= SUMMARY_GOVERNORATES:
        raise Dropped("country_summary", str(len(governorates)))


def _listed_near(analysis: Analysis, picks: list[PlacePick]) -> bool:
    """The clause's places are towns listed after "قرب" or "بالقرب من" ("وجرت الضربات الأخرى
    قرب كركوك والفلوجة", "قرب مدن الحسكة وحلب"): none a governorate, the first right after
    the near word (and at most a settlement cue)."""
    first = min(picks, key=lambda p: p.start, default=None)
    if first is None or first.resolved is None or first.resolved.mention.cue_start is None:
        return False
    if any(p.resolved is not None and (p.resolved.mention.cue == "governorate"
                                       or (p.resolved.place is not None and p.resolved.place.feature == "governorate"))
           for p in picks):
        return False
    mention = first.resolved.mention
    words = analysis.ntext.norm[mention.cue_start:mention.start].split()
    for near in assembly_words().strikes_near:
        n = len(near.split())
        if len(words) in (n, n + 1) and reads_as(" ".join(words[:n]), (near,)) \
                and (len(words) == n or reads_as(words[n], place_cues().settlement)):
            return True
    return False


def without_places_abroad(analysis: Analysis, cand: Candidate, picks: list[PlacePick]) -> list[PlacePick]:
    """The clause's places that are not abroad. A name that is also a place abroad
    ("سروج", "أضنة") is read abroad, and so is a name the gazetteer does not know in a
    clause that places things abroad ("منطقة اكتشاي في ولاية شرناق"). A clause whose
    places are all abroad, that names a place abroad and none of its own, or whose first
    place after the trigger is abroad, reports an event rasd does not code
    (event-schema.md §3.1): ``Dropped("place_abroad")``. A place abroad after "بعد"
    following the trigger is the earlier event's ("فجر انتحاري نفسه بعد دقائق على
    التفجير في تركيا")."""
    abroad = [m for m in within(analysis, analysis.abroad, cand.segment) if not _of_an_earlier_event(analysis, cand, m.start)]
    if not abroad:
        return picks

    def is_abroad(pick: PlacePick) -> bool:
        if pick.resolved is not None and pick.resolved.place is None:
            return True  # a name the gazetteer does not know, in a clause about a place abroad
        return any(m.start < pick.end and pick.start < m.end for m in abroad)

    kept = [p for p in picks if not is_abroad(p)]
    trigger = cand.trigger.start
    if kept and any(trigger < m.start < kept[0].start for m in abroad):
        kept = []  # "تفجير في بلدة سروج ... لصالح العائلات في بلدة كوباني": the first place named is abroad
    if not kept:
        first = abroad[0]
        raise Dropped("place_abroad", f"{analysis.ntext.norm[first.start:first.end]} ({first.payload.country})")
    return kept


# -- rules for a clause that names no place ----------------------------------------------

def is_anaphoric(article: ArticleState, cand: Candidate) -> bool:
    """A definite event noun ("الهجوم", "القصف") refers back to an event already reported;
    the aircraft that act ("نفذ الطيران الحربي اربع غارات") are no such noun, and nor is
    one followed by "other" ("وجرت الضربات الأخرى قرب كركوك": strikes not told yet)."""
    trigger = cand.trigger
    if not (trigger.sense.mode and article.norm.startswith("ال", trigger.start)):
        return False
    words = assembly_words()
    first = article.norm[trigger.start:trigger.end].split(" ", 1)[0]
    return not reads_as(first, words.aircraft_nouns, without_article=True) and not _followed_by_other(article.norm, trigger.end)


_NEXT_WORD = re.compile(r"\s+(\w+)")
_NEXT_TWO_WORDS = re.compile(r"\s+(\w+)(?:\s+(\w+))?")


def _followed_by_other(norm: str, end: int) -> bool:
    """"وجرت الضربات الأخرى قرب كركوك": the word right after ``end`` is "other" with the article."""
    after = _NEXT_WORD.match(norm, end)
    return after is not None and after.group(1) in assembly_words().other_ones


def tells_another(article: ArticleState, cand: Candidate) -> bool:
    """"سبعة آخرون قتلوا في تفجير آخر شرقي المدينة", "الضربات الأخرى": the trigger is followed
    by "another" (or "the other"), so its event is not one the article told before. "آخر"
    before a noun is "the last" ("غارات آخر الليل", "قصف آخر جيب"): another only before a
    preposition, a direction or the end of the phrase."""
    if _followed_by_other(article.norm, cand.trigger.end):
        return True
    words = assembly_words()
    after = _NEXT_TWO_WORDS.match(article.norm, cand.trigger.end)
    if after is None or after.group(1) not in words.another_words:
        return False
    following = after.group(2)
    return after.group(1) not in words.last_before_a_noun or following is None \
        or following in place_cues().prepositions or is_near(following)


def place_from_previous_sentence(article: ArticleState, cand: Candidate) -> list[PlacePick]:
    """"وأسفر القصف عن مقتل 4": a clause that starts with a consequence happened where
    the previous candidate did."""
    seg = cand.segment
    if assembly_words().consequence.match(article.norm[seg.start:seg.end]):
        return article.previous_place
    return []


def place_said_to_be_the_same(article: ArticleState, cand: Candidate) -> list[PlacePick]:
    """"وهاجمت جبهة النصرة مقرا للفرقة 30 في المنطقة نفسها": a clause that sets its event in
    "the same area" happened where the event told last did."""
    seg = cand.segment
    if assembly_words().same_place.search(article.norm, seg.start, seg.end):
        return article.previous_place
    return []


def place_before_where(article: ArticleState, cand: Candidate) -> list[PlacePick]:
    """"... مدينة كوباني السورية حيث فجر انتحاري نفسه": a clause that opens with حيث
    ("where") and reports an act with a strong trigger happened at the place named right
    before it."""
    seg, norm = cand.segment, article.norm
    if cand.trigger.sense.weak or not _WHERE.match(norm, seg.start):
        return []  # "حيث تساند ... في التصدي لهجوم": a bare noun there is commentary
    places = article.analysis.places
    before = [r for r in places if r.mention.end <= seg.start and seg.start - r.mention.end <= 30
              and not PUNCTUATION.search(norm[r.mention.end:seg.start].rstrip(" ,"))]
    if not before:
        before = _fronted_place(article, seg.start)
    if not before or (before[-1].place is None and not before[-1].mention.cue):
        return []
    # "الغوطة الشرقية قرب دمشق حيث ...": the place "قرب دمشق" locates
    views = _place_views(article.analysis)
    i = next(k for k, v in enumerate(views) if v.r is before[-1])
    while _locates_the_place_before(norm, views, i):
        i -= 1
    return [_at_its_city(pick_of(views[i].r), article.gazetteer)]


_WHERE = re.compile(r"\s*[وف]?حيث\s")

#: A sentence that opens on its place: "وفي كربلاء، تجمع متظاهرون ...".
_FRONTED = re.compile(r"\s*[وف]?(?:في|ب)\s*")


def _fronted_place(article: ArticleState, pos: int) -> list[ResolvedPlace]:
    """"وفي كربلاء، تجمع متظاهرون ليلا أمام مجلس المحافظة، حيث اندلعت مواجهات": the place
    a sentence opens on ("وفي X،") is where all it tells happened."""
    sentence = sentence_of(article.analysis, pos)
    first = next((r for r in article.analysis.places if sentence.start <= r.mention.start < pos), None)
    if first is None or not _FRONTED.fullmatch(article.norm, sentence.start, first.mention.start) \
            or article.norm[first.mention.end:first.mention.end + 1] not in ("،", ","):
        return []
    return [first]


def place_of_the_event_referred_back_to(article: ArticleState, cand: Candidate) -> list[PlacePick]:
    """"إن القصف أسفر عن مقتل 4 أشخاص": the strike of the same kind just reported (in
    the last two sentences). A bare "قصف" may refer back to any kind of strike."""
    if not is_anaphoric(article, cand):
        return []
    earlier = article.last_of_type.get(EVENT_TYPE_OF[cand.sub_event_type])
    if earlier is None:
        return []
    trigger, seg = cand.trigger, cand.segment
    generic = article.norm[trigger.start:trigger.end] in assembly_words().generic_shelling
    if (earlier.event.sub_event_type != cand.sub_event_type and not generic) \
            or earlier.sentence < sentence_index(article.analysis, seg.start) - 2:
        return []
    return list(earlier.picks)


#: The senses of the nouns that name any violent act ("الهجوم", "الانفجار"): a suicide
#: bombing told next as "the attack", a car bomb as "the explosion".
_ANY_ATTACK = frozenset({"Armed clash", "Remote explosive/landmine/IED"})
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def place_the_next_sentence_gives(article: ArticleState, cand: Candidate, country: str) -> list[PlacePick]:
    """"قتل 12 شخصا عندما هاجم انتحاريان حمام سباحة في شمال العراق. وأسفر الهجوم الذي وقع في
    بلدة طوز خورماتو عن إصابة 45": a lede that sets its act only in Syria or Iraq, then a
    sentence right after it that refers back by a definite noun of the act and says where,
    with "في" (or "على", "وسط", a direction) before the next place of that country: the act
    happened there. Not a noun a reaction or an answer governs ("وندد بالهجوم رئيس الوزراء
    في بغداد", "ردا على الهجوم الذي وقع في دوما": another act, or where the statement was
    made), nor "the other strikes", nor a sentence with a date of its own after the noun.
    (Many outlets set each sentence apart as a paragraph, so the next sentence is enough.)"""
    analysis, norm = article.analysis, article.norm
    i = sentence_index(analysis, cand.sentence.start)
    if i + 1 >= len(analysis.sentences):
        return []
    following = analysis.sentences[i + 1]
    words = assembly_words()
    violent = EVENT_TYPE_OF[cand.sub_event_type] in _VIOLENT_TYPES
    triggers = within(analysis, analysis.triggers, following)
    k = next((k for k, t in enumerate(triggers) if t.sense.mode and norm.startswith("ال", t.start)
              and (t.sense.sub_event_type == cand.sub_event_type or (violent and t.sense.sub_event_type in _ANY_ATTACK))),
             None)
    if k is None:
        return []
    back = triggers[k]
    first = norm[back.start:back.end].split(" ", 1)[0]
    if reads_as(first, words.aircraft_nouns, without_article=True) or _followed_by_other(norm, back.end) \
            or words.reference_cue.search(norm, following.start, back.start) or words.answering.search(norm, following.start, back.start) \
            or any(back.end <= d.start < following.end for d in analysis.dates):
        return []
    # the place must follow the noun before any other act is named ("الضربة ... ردا على
    # الهجوم الكيماوي في دوما": Douma is where the other act happened)
    end = triggers[k + 1].start if k + 1 < len(triggers) else following.end
    named = next((r for r in analysis.places if back.end <= r.mention.start < end), None)
    if named is None or named.place is None or named.place.country != country or not _said_where(norm, named):
        return []
    return [_at_its_city(pick_of(named), article.gazetteer)]


def _said_where(norm: str, r: ResolvedPlace) -> bool:
    """The place is told as where something is: "في", "على", "داخل" or "وسط" before it (or
    its cue), a ب glued to it, or a direction word; not a title's ("محافظ نينوى")."""
    start = r.mention.cue_start if r.mention.cue_start is not None else r.mention.start
    if r.mention.near or norm[start - 1:start] == "ب":
        return True
    before = norm[max(0, start - 20):start].split()
    cues = place_cues()
    return bool(before) and (before[-1] in cues.prepositions - cues.sent_to_prepositions - {"من"} or is_near(before[-1]))


def place_from_document_focus(article: ArticleState, cand: Candidate) -> list[PlacePick]:
    """The settlement the article is about (``focus_place``)."""
    return [article.focus] if article.focus is not None else []


def happens_abroad(article: ArticleState, cand: Candidate) -> str | None:
    """"هجوم إرهابي في شمال غرب تونس": a clause with no place of its own that sets its
    event in a country rasd does not cover (the country after في, ب or a direction word)
    happened there: the uncovered country, or None."""
    analysis, seg = article.analysis, cand.segment
    counts = country_counts(analysis, seg.start, seg.end)
    if not counts or any(counts[c] for c in COVERED):
        return None
    return _country_set_in(article, cand, covered=False)


def set_only_in_a_covered_country(article: ArticleState, cand: Candidate) -> str | None:
    """"أطلقت 105 صواريخ على منشآت في سوريا": a clause with no place of its own that sets its
    event in Syria or Iraq as a whole is too vague to place (event-schema.md §3.2); the
    article's focus is not its place. The country, or None."""
    return _country_set_in(article, cand, covered=True)


#: The words before a country that set an event in it: "في سوريا"; and, for Syria and Iraq
#: only, "على سوريا" of the strikes made on it ("شن ضربات على سوريا فجر السبت"), not "ردا على
#: تركيا" sending a clause abroad.
_SETTING_A_COUNTRY = frozenset({"في"})
_SETTING_A_COVERED_COUNTRY = _SETTING_A_COUNTRY | {normalize_key("على")}


def _country_set_in(article: ArticleState, cand: Candidate, covered: bool) -> str | None:
    analysis, seg = article.analysis, cand.segment
    tokens = analysis.tokens
    first = bisect_left(analysis.token_starts, seg.start)
    setting = _SETTING_A_COVERED_COUNTRY if covered else _SETTING_A_COUNTRY
    for m in analysis.countries:
        if m.token_start < first or tokens[m.token_start].start >= seg.end or (m.payload in COVERED) != covered:
            continue
        before = tokens[m.token_start - 1].text if m.token_start > 0 else ""
        if (m.clitic.endswith("ب") or before in setting or is_near(before)) \
                and not _of_an_earlier_event(analysis, cand, tokens[m.token_start].start):
            return str(m.payload)
    return None


#: What is concluded or declared once, not done at each place it names (event-schema.md
#: §3.3 "Several places"): an agreement, a campaign start, a base, an announcement.
DECLARED_ONCE = frozenset({"Agreement", "Change to group/activity", "Headquarters or base established", "Other"})


def one_place_for_what_is_declared_once(sub_event_type: str, picks: list[PlacePick],
                                        decision: Decision, several: bool = False) -> list[PlacePick]:
    """"اتفاق يشمل بلدات بصرى الشام وطفس وداعل": one event, at the first place named. Not
    what the clause tells as ``several`` ("خمسة اتفاقات مصالحة في بلدات المسيفرة وكحيل ...":
    an agreement at each place)."""
    if len(picks) > 1 and sub_event_type in DECLARED_ONCE and not several:
        decision.fired("one_event_at_the_first_place")
        return picks[:1]
    return picks


#: How far from the city the area a clause puts near it may lie.
_HELD_AREA_KM = 40.0


def held_area_near_a_city(article: ArticleState, picks: list[PlacePick]) -> list[PlacePick]:
    """"القصف على آخر معقل رئيسي للمعارضة قرب دمشق", "جيب محاصر جنوبي دمشق": a clause that
    names its place only as an area a side holds near a city tells of that area, not of the
    city; the area is the one the article is about (its focus: Eastern Ghouta), when that
    lies near the city. The article's focus, or nothing."""
    if len(picks) != 1 or picks[0].resolved is None or picks[0].place is None:
        return []
    mention = picks[0].resolved.mention
    focus = article.focus
    # (near the city, not in its countryside: "معاقل المعارضة في ريف حلب" names where they are)
    if not mention.near or mention.countryside or mention.cue_start is None or focus is None or focus.place is None \
            or focus.place.id == picks[0].place.id:
        return []
    norm = article.analysis.ntext.norm
    if not assembly_words().held_area_before.search(norm, max(0, mention.cue_start - 60), mention.cue_start):
        return []
    area, city = focus.place, picks[0].place
    if area.lat is None or area.lon is None or city.lat is None or city.lon is None:
        return []
    return [focus] if km_between(area.lat, area.lon, city.lat, city.lon) <= _HELD_AREA_KM else []


def where(article: ArticleState, cand: Candidate, decision: Decision, picks: list[PlacePick],
          dated: bool) -> list[PlacePick]:
    """The candidate's places: the clause's own (an area held near a city: the article's
    area, ``held_area_near_a_city``), else the first rule that finds one (the focus only
    for a candidate with a day or a toll of its own); raises ``Dropped`` when none does."""
    if picks:
        held = held_area_near_a_city(article, picks)
        if held:
            decision.fired("held_area_near_a_city_is_the_articles_area")
            return held
        return picks
    found = place_from_previous_sentence(article, cand)
    if found:
        decision.fired("place_from_previous_sentence")
        return found
    found = place_said_to_be_the_same(article, cand)
    if found:
        decision.fired("place_said_to_be_the_same")
        return found
    found = place_before_where(article, cand)
    if found:
        decision.fired("place_before_where")
        return found
    found = place_of_the_event_referred_back_to(article, cand)
    if found:
        decision.fired("place_of_the_event_referred_back_to")
        return found
    abroad = happens_abroad(article, cand)
    if abroad is not None:
        raise Dropped("event_abroad", abroad)
    if dated:
        vague = set_only_in_a_covered_country(article, cand)
        if vague is not None:
            found = place_the_next_sentence_gives(article, cand, vague)
            if not found:
                raise Dropped("place_too_vague", vague)
            decision.fired("place_the_next_sentence_gives")
            return found
        found = place_from_document_focus(article, cand)
        if found:
            decision.fired("place_from_document_focus")
            return found
    raise Dropped("no_place")
