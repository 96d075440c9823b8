"""Choosing the gazetteer row a place mention means.

Names repeat (البحرة، الإصلاح، حيان). The article's own context decides: governorates it
names, the places it names without ambiguity, its country; then the kind of place the
cue word asks for, and size. Unsettled ambiguity lowers confidence instead of guessing.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from rasd.geo import km_between, within_km_of_any
from rasd.recognize.places import PlaceMention, called_a_district, called_a_neighbourhood, is_destination
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.text.segment import Segment, sentences

_SETTLEMENT_SCORE = {"region": 4.6, "site": 4.6, "city": 5.0, "town": 4.2, "village": 3.0, "neighbourhood": 2.6,
                     "district": 1.8, "subdistrict": 1.2, "governorate": 1.4,
                     "abandoned": 0.3, "destroyed": 0.2, "historical": 0.1}


@dataclass
class ResolvedPlace:
    mention: PlaceMention
    place: Place | None
    geo_precision: int
    confidence: float
    ambiguous: bool = False


def _context(mentions: list[PlaceMention], gazetteer: Gazetteer) \
        -> tuple[Counter[tuple[str, str]], Counter[str], Counter[str]]:
    """The governorates and countries the article's unambiguous names are in, and the
    countries of the names that can only be a town, city, district or governorate there
    (not a village or a neighbourhood): the countries the article is about. A name that is
    a city or governorate in one country only counts for that country, whatever other
    places of the name lie elsewhere ("البصرة" is a Syrian village too)."""
    governorates: Counter[tuple[str, str]] = Counter()
    countries: Counter[str] = Counter()
    towns: Counter[str] = Counter()
    for m in mentions:
        places = [gazetteer.places[i] for i in m.candidates]
        if not places:
            continue
        admin1s = {(p.country, p.admin1) for p in places}
        prominent = [p for p in places if p.feature in ("city", "governorate")]
        if len(admin1s) == 1:
            governorates[next(iter(admin1s))] += 2
        elif len({(p.country, p.admin1) for p in prominent}) == 1:
            governorates[(prominent[0].country, prominent[0].admin1)] += 1
        codes = {p.country for p in places}
        if len(codes) > 1 and len({p.country for p in prominent}) == 1:
            codes = {prominent[0].country}
        if len(codes) == 1:
            countries[next(iter(codes))] += 1
            if any(p.feature not in _MINOR_FEATURES for p in places):
                towns[next(iter(codes))] += 1
    return governorates, countries, towns


def _score(place: Place, mention: PlaceMention, governorates: Counter[tuple[str, str]],
           countries: Counter[str]) -> float:
    if mention.cue == "governorate" or (mention.countryside and place.feature == "governorate"):
        base = 6.0 if place.feature == "governorate" else 1.0
    else:
        base = _SETTLEMENT_SCORE.get(place.feature, 2.0)
    score = base
    if governorates[(place.country, place.admin1)]:
        score += 3.0 + min(governorates[(place.country, place.admin1)], 4) * 0.25
    total = sum(countries.values())
    if total:
        score += 1.5 * countries[place.country] / total
    if place.population:
        score += math.log10(place.population + 1) / 3
    return score


def _governorates_named(mentions: list[PlaceMention], gazetteer: Gazetteer) -> set[int]:
    """Governorates the article names with محافظة: elsewhere, their bare name (which is
    also the capital's) means the governorate too."""
    return {i for m in mentions if m.cue == "governorate" for i in m.candidates
            if gazetteer.places[i].feature == "governorate"}


#: A direction that is part of a name ("حصيبة الشرقية"), normalized.
DIRECTION_IN_NAME = r"ال(?:شرقي|غربي|شمالي|جنوبي)ه?"

#: What may stand between a name and the governorate that qualifies it: "X في ريف درعا",
#: "X بريف حماة", "X، في محافظة إدلب", and a direction that is part of the name the gazetteer
#: may know without it ("بلدة الكرك الشرقي بريف درعا").
_QUALIFIER_GAP = re.compile(rf"[\s,،]*(?:{DIRECTION_IN_NAME}[\s,،]+)?(?:في\s+|ب)?(?:ريف\s*|محافظه\s*)?")


_DAMASCUS = frozenset({"Damascus", "Rif Dimashq"})

#: What says a name belongs to the place after it: "منطقة الجعارة التابعة لقضاء المدائن",
#: "قرية X التابعة إلى ناحية Y", "مدينة هجين التابعة لمحافظة دير الزور".
_BELONGING_GAP = re.compile(r"[\s,،]*(?:ال)?تابع(?:ه|ين|تين|ان|تان)?\s+(?:اداريا\s+)?(?:ل\s*|الي\s+)?"
                            r"(?:(?:قضاء|ناحيه|محافظه|مدينه|منطقه|بلده|ريف)\s*)?")


def _qualifying_governorate(mention: PlaceMention, following: PlaceMention | None, norm: str,
                            gazetteer: Gazetteer) -> set[str]:
    """The admin1 names of the governorate written right after a name ("سد كوكب في ريف
    درعا الغربي", "قرية X بريف حماة", "X في محافظة إدلب"): the article says where the
    name lies, so only that governorate's places of the name are read."""
    if following is None or not (following.countryside or following.cue == "governorate"):
        return set()
    if following.start < mention.end or not _QUALIFIER_GAP.fullmatch(norm, mention.end, following.start):
        return set()
    places = [gazetteer.places[i] for i in following.candidates]
    return _with_damascus({p.admin1 for p in places if p.feature == "governorate" and p.admin1})


def _governorates_it_belongs_to(mention: PlaceMention, following: PlaceMention | None, norm: str,
                                gazetteer: Gazetteer) -> set[str]:
    """The admin1 names of the place a name is said to belong to ("الجعارة التابعة لقضاء
    المدائن"): the name lies in that place's governorate, so only its places there are read.
    Every row of the place the name belongs to counts (which of them is meant is not settled
    yet)."""
    if following is None or following.start < mention.end \
            or not _BELONGING_GAP.fullmatch(norm, mention.end, following.start):
        return set()
    return _with_damascus({gazetteer.places[i].admin1 for i in following.candidates if gazetteer.places[i].admin1})


def _with_damascus(named: set[str]) -> set[str]:
    """Governorates named, Damascus and Rif Dimashq together: "في محافظة دمشق" and "التابعة
    لدمشق" are said of Rif Dimashq's towns too."""
    return named | _DAMASCUS if named & _DAMASCUS else named


def _named_around(place: Place, governorates: Counter[tuple[str, str]]) -> bool:
    """Whether the article names the governorate of ``place``, or for Damascus, the
    countryside around it (an article on Darayya and Jobar is about both)."""
    around = _DAMASCUS if place.admin1 in _DAMASCUS else {place.admin1}
    return any(governorates[(place.country, admin1)] for admin1 in around)


#: Places too small for the article to name without saying which country they are in.
_MINOR_FEATURES = frozenset({"village", "neighbourhood", "abandoned", "destroyed", "historical"})


def _homonym_abroad(places: list[Place], countries: Counter[str], towns: Counter[str]) -> bool:
    """"تفجير عبوات ناسفة في منطقة العناز" in an article on Anbar: a village (or a
    neighbourhood) known only in a country where the article names no town, city or
    governorate, while it names places of another country again and again, is a name
    the gazetteer lacks there, not that far-off village (nor are two such villages,
    "العناز" and "السيدة زينب" of an Iraqi round-up, each other's evidence)."""
    if not places or any(p.feature not in _MINOR_FEATURES for p in places):
        return False
    codes = {p.country for p in places}
    elsewhere = sum(n for c, n in countries.items() if c not in codes)
    return not any(towns[c] for c in codes) and elsewhere >= 3



#: How far from the town that locates it ("حصيبة غرب الرمادي") a place of the name may lie.
_LOCATED_WITHIN_KM = 100.0


#: What may stand between a name and the near or compass phrase that locates it: a
#: direction that is part of the name ("حصيبة الشرقية شرق الرمادي"), and up to three more
#: members of its list that the gazetteer lacks ("البستان، والشومرية شرقي درعا").
_COMPASS_GAP = re.compile(rf"[\s,،(]*(?:{DIRECTION_IN_NAME}[\s,،(]+)?(?:و[^\s,،(]+[\s,،(]+){{0,3}}")


#: Between two names of a list that one near or compass phrase after its last name
#: locates ("حصيبة الشرقية وجزيرة الخالدية شمال وشرق الرمادي"): a direction that is part
#: of the name before, and و (with the next name's cue word).
_LIST_GAP = re.compile(rf"[\s,،]*(?:{DIRECTION_IN_NAME}[\s,،]+)?(?:و\S*[\s,،]+)?و?")


def _locating_towns(mentions: list[PlaceMention], k: int, norm: str, gazetteer: Gazetteer) -> list[Place]:
    """"منطقة حصيبة غرب الرمادي", "قرية كوبجليل (شرق الموصل)": the towns a near or compass
    phrase right after a name (or after the last name of the list it heads) names; the
    name lies near one of them."""
    j = k + 1
    while j + 1 < len(mentions) and (not mentions[j].near or _located_by_the_next(mentions, j, norm)) \
            and _LIST_GAP.fullmatch(norm, mentions[j - 1].end, mentions[j].start):
        j += 1  # another name of the list
    if j >= len(mentions):
        return []
    following, last_end = mentions[j], mentions[j - 1].end
    if not following.near or following.countryside or following.cue_start is None \
            or following.cue_start < last_end:
        return []
    if not _COMPASS_GAP.fullmatch(norm, last_end, following.cue_start):
        return []
    # (a district's centre stands for its town where the gazetteer lacks the town: "شرقي درعا")
    return [p for p in (gazetteer.places[i] for i in following.candidates)
            if p.feature in ("city", "town", "district") and p.lat is not None and p.lon is not None]


def _located_by_the_next(mentions: list[PlaceMention], j: int, norm: str) -> bool:
    """Whether the name at ``j`` (near by a direction word after it) is followed by the
    near or compass phrase of the next place, which then locates the whole list ("قرى
    البستان، والشومرية شرقي درعا": the last name of the list, before "شرقي درعا")."""
    following = mentions[j + 1]
    return following.near and following.cue_start is not None and following.cue_start >= mentions[j].end \
        and bool(_COMPASS_GAP.fullmatch(norm, mentions[j].end, following.cue_start))


def _named_a_governorate(mention: PlaceMention, norm: str) -> bool:
    """The name follows "محافظة" ("بمحافظة البرز"): it names a governorate. (Not "ولاية", which
    also names the Islamic State's provinces.)"""
    if mention.cue != "governorate" or mention.cue_start is None:
        return False
    cue = norm[mention.cue_start:mention.start].split()
    return bool(cue) and cue[0].lstrip("وبل").startswith("محافظ")


def _near_the_towns(places: list[Place], towns: list[Place]) -> list[Place]:
    """The places of a name that lie near a town the article locates the name by: a row far
    from there is another place of that name (none: a place the gazetteer lacks)."""
    return [p for p in places if within_km_of_any(p, (t for t in towns if t.id != p.id), _LOCATED_WITHIN_KM)]


_SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood"})


def _spelled_otherwise(mention: PlaceMention, norm: str, gazetteer: Gazetteer,
                       governorates: Counter[tuple[str, str]], within: set[str]) -> list[Place]:
    """"قرية الشيفونية" the gazetteer writes "شفونية": a name a cue word marks as a place but
    the gazetteer lacks is looked for written with a long vowel more or less, else by the
    consonants of its romanized names ("بصر الحرير", "Busra al Hariri"), among the
    settlements of the governorates the article names (of the one it names right after the
    name, if it does): elsewhere such a look-alike is another place. (The near-town and
    "محافظة" checks of exact names are not applied to a look-alike.)"""
    name = norm[mention.start:mention.end]
    for look_up in (gazetteer.spelled_otherwise, gazetteer.romanized_alike):
        found = [p for p in (gazetteer.places[i] for i in look_up(name)) if p.feature in _SETTLEMENTS
                 and (p.admin1 in within if within else governorates[(p.country, p.admin1)] > 0)]
        if found:
            # a look-alike is trusted only where it is one place (rows of one village lie
            # together); two villages that both look like the name are neither known to be it
            return found if _one_place(found) else []
    return []


#: How far apart rows may lie and still be one place.
_ONE_PLACE_KM = 5.0


def _one_place(places: list[Place]) -> bool:
    first = places[0]
    return all(p.lat is not None and p.lon is not None and first.lat is not None and first.lon is not None
               and km_between(first.lat, first.lon, p.lat, p.lon) <= _ONE_PLACE_KM for p in places[1:])


def resolve_places(mentions: list[PlaceMention], gazetteer: Gazetteer, norm: str = "",
                   text_sentences: list[Segment] | None = None) -> list[ResolvedPlace]:
    """The gazetteer row each mention means, in the article's context (``text_sentences``:
    the sentences of ``norm``, if already found)."""
    governorates, countries, towns_in = _context(mentions, gazetteer)
    named_governorates = _governorates_named(mentions, gazetteer)
    resolved: list[ResolvedPlace] = []
    for k, mention in enumerate(mentions):
        places = [gazetteer.places[i] for i in mention.candidates]
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        within = _qualifying_governorate(mention, following, norm, gazetteer) \
            or _governorates_it_belongs_to(mention, following, norm, gazetteer)
        if within and places:
            inside = [p for p in places if p.admin1 in within]
            # none there: a name the gazetteer lacks in that governorate, unless the name
            # is one town's alone (طوز خورماتو "جنوبي محافظة كركوك": borders disagree)
            unique_town = len(places) == 1 and places[0].feature in ("city", "town")
            places = inside or (places if unique_town else [])
        if places and called_a_neighbourhood(mention, norm):
            # "حي جوبر" in an article on Damascus: the quarter, not the village Jawbar near
            # Homs; a quarter of a governorate the article does not name is another place
            # ("حي العامرية" in Aleppo is no quarter of Baghdad)
            places = [p for p in places if p.feature == "neighbourhood" and _named_around(p, governorates)] or places
        if places and called_a_district(mention, norm):
            # "بقضاء أبو غريب": the district, not Baghdad's quarter nor a village of that name
            # (a town that is the district's seat stays: "قضاء الحويجة" is coded at Hawija)
            places = [p for p in places if p.feature not in ("neighbourhood", "village")] or places
        if places and _named_a_governorate(mention, norm) and not any(p.feature == "governorate" for p in places):
            places = []  # "مدينة كرج بمحافظة البرز": a governorate of Syria and Iraq would be in the gazetteer
        towns = _locating_towns(mentions, k, norm, gazetteer)
        if towns and places:
            near = _near_the_towns(places, towns)
            # a village far from there is a name the gazetteer lacks; of a name with a
            # town and a village ("حصيبة"), the row near there is the one meant
            places = near if near or all(p.feature in _MINOR_FEATURES for p in places) else places
        if mention.cue is None and not mention.near:
            as_governorate = [i for i in mention.candidates if i in named_governorates]
            if as_governorate:
                resolved.append(ResolvedPlace(mention, gazetteer.places[as_governorate[0]], 3, 0.7))
                continue
        spelled_otherwise = not mention.candidates and mention.cue == "settlement"
        if spelled_otherwise:
            places = _spelled_otherwise(mention, norm, gazetteer, governorates, within)
        if not places or (not within and _homonym_abroad(places, countries, towns_in)):
            resolved.append(ResolvedPlace(mention, None, 3, 0.2))
            continue
        ranked = sorted(places, key=lambda p: (-_score(p, mention, governorates, countries), p.id))
        best = ranked[0]
        ambiguous = False
        confidence = 0.6 if spelled_otherwise else 0.9  # a look-alike, not the name as written
        if len(ranked) > 1:
            second = ranked[1]
            gap = _score(best, mention, governorates, countries) - _score(second, mention, governorates, countries)
            if second.admin1 != best.admin1 and gap < 1.0:
                ambiguous, confidence = True, 0.45
        if best.feature == "governorate":
            precision = 3
        elif best.feature in ("district", "subdistrict", "region") or mention.near or mention.countryside:
            precision = 2
        else:
            precision = 1
        resolved.append(ResolvedPlace(mention, best, precision, confidence, ambiguous))
    return _quarters_of_the_sentences_city(resolved, norm, gazetteer, text_sentences)


#: How far from every other place of its sentence a quarter's reading must lie to be
#: another place of the name (the city's quarters lie within it).
_STRANDED_KM = 100.0

#: What a reading of a quarter's name may be for the name to be a quarter the gazetteer
#: lacks: not a quarter, city, town or district of its own ("حي القابون", "أحياء حمص").
_NOT_A_QUARTER = frozenset({"village", "region", "site", "abandoned", "destroyed", "historical"})


def _quarters_of_the_sentences_city(resolved: list[ResolvedPlace], norm: str, gazetteer: Gazetteer,
                                    text_sentences: list[Segment] | None) -> list[ResolvedPlace]:
    """"تحرير جامعة الأنبار وحي التأميم": a name called a quarter ("حي") whose readings are
    all villages or regions (no quarter, city or town of the name: one the gazetteer lacks),
    lying in another governorate than the places of its sentence (all of one governorate)
    and more than ``_STRANDED_KM`` from each (not counting a place people went or were sent
    to, "ونقلوا إلى مدينة جرابلس"), is a quarter of the city the sentence names
    (Salim Karam in Diyala is not Ramadi's al-Ta'mim): it is coded at that city, as a named
    quarter is (event-schema.md §3.2), and so is the quarter's name wherever the article
    names it again. With no one city in the sentence, the name is a place the gazetteer
    lacks."""
    quarters = [k for k, r in enumerate(resolved)
                if r.place is not None and r.place.feature in _NOT_A_QUARTER and called_a_neighbourhood(r.mention, norm)]
    if not quarters or len(resolved) < 2:
        return resolved
    segments = text_sentences if text_sentences is not None else sentences(norm)
    if not segments:
        return resolved
    bounds = [seg.end for seg in segments]
    sentence_of = [bisect_left(bounds, r.mention.start + 1) for r in resolved]
    out = list(resolved)
    found: dict[str, Place | None] = {}  # a quarter's name → the city it is a quarter of
    for k in quarters:
        quarter = resolved[k]
        others = [r.place for j, r in enumerate(resolved) if j != k and sentence_of[j] == sentence_of[k]
                  and r.place is not None and r.place.lat is not None and r.place.lon is not None
                  and not is_destination(norm, r.mention.start, segments[min(sentence_of[k], len(segments) - 1)].start)]
        governorates = {p.admin1 for p in others}
        readings = [gazetteer.places[i] for i in quarter.mention.candidates]
        # (a reading without coordinates cannot be told to lie far off)
        if len(governorates) != 1 or any(p.feature not in _NOT_A_QUARTER or p.admin1 in governorates
                                         or p.lat is None or p.lon is None
                                         or within_km_of_any(p, others, _STRANDED_KM) for p in readings):
            continue
        cities = {p.id: p for p in others if p.feature in ("city", "town")}
        found[quarter.mention.name_norm] = next(iter(cities.values())) if len(cities) == 1 else None
    for k in quarters:
        name = resolved[k].mention.name_norm
        if name in found:
            city = found[name]
            out[k] = ResolvedPlace(resolved[k].mention, city, 1, 0.6) if city is not None \
                else ResolvedPlace(resolved[k].mention, None, 3, 0.2)
    return out
