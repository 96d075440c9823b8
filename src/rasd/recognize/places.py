"""Place mentions: gazetteer names found with their clitics and cue words.

A name is accepted as a place when a cue word marks it (``قرية``، ``بريف``، ``على أطراف
مدينة``), or when the gazetteer knows it as a town, city or admin unit. Village names
without a cue are too often ordinary words to trust. A cue followed by a name the
gazetteer does not know still yields a place mention, unresolved, never dropped.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from rasd.data import load_yaml
from rasd.errors import DataError
from rasd.geo import within_km_of_any
from rasd.recognize import VocabularyItem
from rasd.recognize.datelines import outside_dateline
from rasd.recognize.dates.calendar import calendar_words
from rasd.recognize.triggers import trigger_lexicon
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.text.normalize import alternation, normalize_key
from rasd.text.tokens import Token, WordTest, clitic_variants, reads_as, strip_article

if TYPE_CHECKING:
    from rasd.analysis import Analysis

PROMINENT_FEATURES = {"city", "governorate", "district", "region", "site"}


@dataclass(frozen=True)
class PlaceCues:
    settlement: frozenset[str]
    settlement_kinds: frozenset[str]
    neighbourhood: frozenset[str]
    district: frozenset[str]
    governorate: frozenset[str]
    facility: frozenset[str]
    near_single: frozenset[str]
    fronts: frozenset[str]
    near_phrases: tuple[tuple[str, ...], ...]
    prepositions: frozenset[str]
    not_places: frozenset[str]
    needs_cue: frozenset[str]
    strong: frozenset[str]
    dual: frozenset[str]
    quoted_name_cues: frozenset[str]
    street: frozenset[str]
    political: frozenset[str]
    media_before: frozenset[str]
    media_after: frozenset[str]
    seat: frozenset[str]
    institution: frozenset[str]
    name_heads: frozenset[str]
    standalone_heads: frozenset[str]
    predicate_after: frozenset[str]
    describing: frozenset[str]
    compass: frozenset[str]
    launched_from: frozenset[str]
    sent_to: frozenset[str]
    sent_to_prepositions: frozenset[str]
    sent_to_moments: frozenset[str]
    adverb_homographs: dict[str, tuple[str, ...]]  # name → the places that vouch for it
    regional_homographs: dict[str, tuple[str, ...]]  # needs_cue name → the regions that vouch for it
    construct_nouns: dict[str, frozenset[str]]  # name → the words after which it is a noun
    place_object_verbs: frozenset[str]
    capitals_as_governments: frozenset[str]
    government_verbs: frozenset[str]
    apposition: frozenset[str]
    settlement_plurals: frozenset[str]
    seat_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    data = load_yaml("place_cues.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize_key(w) for w in data[key])

    near = [tuple(normalize_key(w).split()) for w in data["near"]]
    if not words("neighbourhood") <= words("settlement"):
        raise DataError("place_cues.yaml: every neighbourhood cue must also be a settlement cue")
    if not words("settlement_kinds") <= words("settlement"):
        raise DataError("place_cues.yaml: every settlement kind must also be a settlement cue")
    return PlaceCues(
        settlement=words("settlement"), settlement_kinds=words("settlement_kinds"),
        neighbourhood=words("neighbourhood"), district=words("district"),
        governorate=words("governorate"),
        facility=words("facility"),
        near_single=frozenset(n[0] for n in near if len(n) == 1),
        fronts=frozenset(normalize_key(w) for w in data["fronts"]),
        near_phrases=tuple(sorted((n for n in near if len(n) > 1), key=len, reverse=True)),
        prepositions=words("prepositions"),
        seat_prepositions=words("prepositions") - words("not_before_a_seat"),
        not_places=frozenset(strip_article(w) for w in words("not_places")),
        needs_cue=frozenset(strip_article(w) for w in words("needs_cue")),
        strong=words("strong"),
        dual=words("dual"),
        street=words("street"),
        political=words("political"),
        media_before=words("media_before"),
        media_after=words("media_after"),
        seat=words("seat_of_government"),
        institution=words("institution"),
        name_heads=words("name_heads"),
        standalone_heads=words("standalone_heads"),
        predicate_after=words("predicate_after"),
        describing=words("describing"),
        compass=words("compass"),
        launched_from=words("launched_from"),
        sent_to=words("sent_to"),
        sent_to_prepositions=words("sent_to_prepositions"),
        sent_to_moments=words("sent_to_moments"),
        adverb_homographs={normalize_key(k): tuple(normalize_key(w) for w in v)
                           for k, v in data["adverb_homographs"].items()},
        regional_homographs={normalize_key(k): tuple(normalize_key(w) for w in v)
                             for k, v in data["regional_homographs"].items()},
        construct_nouns={normalize_key(k): frozenset(normalize_key(w) for w in v)
                         for k, v in data["construct_nouns"].items()},
        place_object_verbs=words("place_object_verbs"),
        capitals_as_governments=words("capitals_as_governments"),
        government_verbs=words("government_verbs"),
        apposition=words("apposition"),
        settlement_plurals=words("settlement_plurals"),
        quoted_name_cues=words("quoted_name_cues"),
    )


@dataclass
class PlaceMention:
    start: int  # normalized offsets of the name (clitics excluded)
    end: int
    name_norm: str
    candidates: list[int]  # gazetteer indexes
    cue: str | None = None  # 'settlement' | 'governorate' | 'facility' | None
    near: bool = False  # directional/outskirts/countryside phrase before it
    cue_start: int | None = None  # normalized start of the cue phrase
    countryside: bool = False  # ريف X
    extra: dict[str, object] = field(default_factory=dict)


def cue_variants(word: str) -> list[tuple[str, int]]:
    """Clitic variants, also of short cue words (وحي، بحي)."""
    variants = list(clitic_variants(word))
    if len(word) == 3 and word[0] in "وفبل":
        variants.append((word[1:], 1))
    return variants


def called_a_neighbourhood(mention: PlaceMention, norm: str) -> bool:
    """A place its cue calls a neighbourhood ("حي اليرموك", "بحيي", "أحياء")."""
    return _called(mention, norm, place_cues().neighbourhood)


def called_a_district(mention: PlaceMention, norm: str) -> bool:
    """A place its cue calls a district ("بقضاء أبو غريب")."""
    return _called(mention, norm, place_cues().district)


def _called(mention: PlaceMention, norm: str, cues: frozenset[str]) -> bool:
    if mention.cue_start is None or mention.cue_start >= mention.start:
        return False
    return any(v in cues for w in norm[mention.cue_start:mention.start].split() for v, _ in cue_variants(w))


@lru_cache(maxsize=65536)
def _cue_kind(word: str) -> str | None:
    """The kind of place a cue word announces. With the article (المنطقة، المدينة) the
    word refers back or describes ("المنطقة الجنوبية"): no cue."""
    cues = place_cues()
    for variant, _ in cue_variants(word):
        if variant.startswith("ال") and variant not in cues.settlement | cues.governorate | cues.facility:
            continue
        base = strip_article(variant)
        for kind, table in (("settlement", cues.settlement), ("governorate", cues.governorate),
                            ("facility", cues.facility)):
            if variant in table or base in table:
                return kind
    return None


@lru_cache(maxsize=65536)
def is_near(word: str) -> bool:
    """A direction or outskirts word (``بالقرب``، ``وريف``). A compass point with the
    article is one only before من (``إلى الجنوب من حمص``, see ``_context_before``):
    ``غرب حلب`` is "west of Aleppo", ``الغرب`` alone is "the West"."""
    cues = place_cues()
    return any(v in cues.near_single or v in cues.fronts
               or (strip_article(v) in cues.near_single and strip_article(v) not in cues.compass)
               for v, _ in clitic_variants(word))


@lru_cache(maxsize=1)
def _sent_to() -> re.Pattern[str]:
    cues = place_cues()
    verbs, towards = alternation(cues.sent_to), alternation(cues.sent_to_prepositions)
    cue_words = alternation(cues.settlement | cues.governorate | cues.facility | cues.strong)
    # the verb (a whole word), at most five words with no comma ("المقاتلين الأسلحة الثقيلة"),
    # the preposition, then at most a cue word ("مدينة", "محافظة") before the name: not
    # "وعادت الطائرات إلى قصف دوما", where what comes after إلى is the act
    return re.compile(rf"(?:^|\s)[وفبل]?(?:{verbs})\s+(?:[^\s,.;:]+\s+){{0,5}}(?:{towards})\s+"
                      rf"(?:(?:{cue_words})\s+)?[وبلف]?$")


def is_destination(norm: str, place_start: int, seg_start: int) -> bool:
    """A place people went or were sent to ("المقاتلين غادروا مدينة عربين وتوجهوا إلى
    إدلب"): not where the act told before it happened."""
    going = _sent_to().search(norm, max(seg_start, place_start - 90), place_start)
    if going is None:
        return False
    before = norm[max(0, going.start() - 12):going.start()].split()
    # not a going told as the act's moment: "قتل ثلاثة مدنيين أثناء فرارهم إلى مدينة عفرين"
    return not (before and before[-1] in place_cues().sent_to_moments)


@lru_cache(maxsize=65536)
def _is_compass_with_article(word: str) -> bool:
    return any(v.startswith("ال") and strip_article(v) in place_cues().compass for v, _ in clitic_variants(word))


@lru_cache(maxsize=65536)
def _not_a_place_alone(word: str) -> bool:
    """A word the gazetteer knows that, alone, is a cue or a common word, not a place,
    read through its clitics (``وعلى``، ``للثورة``)."""
    return reads_as(word, place_cues().not_places, without_article=True) or bool(_cue_kind(word)) or is_near(word)


@lru_cache(maxsize=65536)
def _may_begin_context(word: str) -> bool:
    """Whether ``_context_before`` can look past ``word`` or take a cue from it right
    before a name. Most words before a name cannot: one cached test spares the scan."""
    cues = place_cues()
    return bool(_cue_kind(word)) or is_near(word) or word in ("من", "مدينه", "بلده") or word in cues.prepositions \
        or _is_compass_with_article(word) or word in cues.apposition


@lru_cache(maxsize=65536)
def _may_open_place(word: str) -> bool:
    """Whether a name right after ``word`` may be taken for a place on a cue or
    direction word (``_context_before``) or read as an unknown name (after a strong cue)."""
    return _may_begin_context(word) or _is_strong_cue(word)


_NO_CONTEXT: tuple[None, bool, bool, None] = (None, False, False, None)

#: Quote marks ('قرية "المشيك"', 'قرية «أم حوش»': the normalizer writes « » “ ” as '"').
_QUOTES = frozenset('"\'')
#: The longest quoted name a cue may give, in words: a longer quote says something.
_QUOTED_NAME_WORDS = 3


def _gap_after(norm: str, tokens: list[Token], k: int) -> str:
    """What stands between token ``k`` and the next (or the end of the text), spaces stripped."""
    return norm[tokens[k].end:tokens[k + 1].start if k + 1 < len(tokens) else len(norm)].strip(" ")


def _quotes_a_name(norm: str, tokens: list[Token], gap: str, step: int, name_end: int) -> bool:
    """Between a cue and the word right after it, a quote mark opens the name the cue
    gives when another closes right after the name (token ``name_end`` - 1): 'منطقة "نصيب"'.
    Any other punctuation, or a quote farther back, ends the cue's phrase ('قال "إن القصف
    طال كل قرية" حلب': the quote closes, it opens nothing)."""
    return step == 0 and gap in _QUOTES and _gap_after(norm, tokens, name_end - 1)[:1] in _QUOTES


def _context_before(norm: str, tokens: list[Token], index: int, cues: PlaceCues,
                    name_end: int) -> tuple[str | None, bool, bool, int | None]:
    """Cue kind, near flag, countryside flag, and where the cue phrase starts, from
    up to four tokens before ``index`` (the name runs to token ``name_end`` - 1)."""
    if index == 0 or not _may_begin_context(tokens[index - 1].text):
        return _NO_CONTEXT  # the scan below would stop at once
    if tokens[index - 1].text in cues.apposition:
        return _apposed(tokens, index - 1, cues)
    cue: str | None = None
    near = countryside = False
    cue_start: int | None = None
    j = index - 1
    steps = 0
    while j >= 0 and steps < 4:
        gap = norm[tokens[j].end:tokens[j + 1].start].strip(" ")
        if gap and not _quotes_a_name(norm, tokens, gap, steps, name_end):
            break  # punctuation between: the cue belongs to another phrase
        word = tokens[j].text
        kind = _cue_kind(word)
        if kind and cue is None and steps <= 1:
            cue, cue_start = kind, tokens[j].start
            if kind == "governorate" and j > 0 and _is_seat(tokens[j - 1].text) \
                    and not norm[tokens[j - 1].end:tokens[j].start].strip(" "):
                # "مبنى محافظة البصرة": the governorate's seat, a building in its capital
                cue, cue_start = "facility", tokens[j - 1].start
        elif is_near(word) or (_is_compass_with_article(word) and tokens[j + 1].text == "من"):
            near = True
            cue_start = tokens[j].start
            if any(v in ("ريف", "ارياف") for v, _ in clitic_variants(word)):
                countryside = True
        elif word in ("من", "مدينه", "بلده") or (steps == 0 and word in cues.prepositions):
            pass
        else:
            break
        j -= 1
        steps += 1
    return cue, near, countryside, cue_start


def _clitic_after_a_cue(norm: str, tokens: list[Token], i: int, start: int) -> bool:
    """"مدينة فكسيو" (Växjö), "جزيرة فعلا" (an island indeed), "مناطق وميادين" (areas and
    squares): right after a cue word, a name does not begin with a conjunction (و, ف) or the
    particle ك, so the word is no known name read through them (Siyaw, 'Ala, Mayadin); it
    may be a name the gazetteer lacks. (A preposition may: "حي بالموصل", "سجن بحماة".)"""
    if i == 0 or start <= tokens[i].start or not _cue_kind(tokens[i - 1].text):
        return False
    return set(norm[tokens[i].start:start]) <= {"و", "ف", "ك"}


@lru_cache(maxsize=65536)
def _is_political(word: str) -> bool:
    """``لدمشق`` in "مؤيدين لدمشق": the name after such a word is a government."""
    return reads_as(word, place_cues().political)


def _names_a_medium(tokens: list[Token], i: int, te: int, cues: PlaceCues) -> bool:
    """The name at tokens ``i:te`` is part of a news medium's name: "مركز حلب الإعلامي",
    "شبكة السويداء 24", "تنسيقية مدينة سراقب الإعلامية" (a cue word between), "مركز إدلب
    الإعلامي" (the gazetteer's subdistrict "مركز إدلب" taken whole)."""
    if te >= len(tokens) or tokens[te].text not in cues.media_after:
        return False
    if te - i > 1 and reads_as(tokens[i].text, cues.media_before):
        return True
    if i > 0 and reads_as(tokens[i - 1].text, cues.media_before):
        return True
    return i > 1 and _cue_kind(tokens[i - 1].text) is not None and reads_as(tokens[i - 2].text, cues.media_before)


@lru_cache(maxsize=65536)
def _is_seat(word: str) -> bool:
    return reads_as(word, place_cues().seat)


def _capital_of_seat(tokens: list[Token], i: int, te: int, governorates: list[int],
                     gazetteer: Gazetteer) -> list[int] | None:
    """"مبنى محافظة أربيل": the seat of the governorate named from token ``i`` to ``te``
    (with its cue word) is in the capital, the city of the same name in that governorate:
    its gazetteer places, or None when there is no seat word or no such city."""
    if i == 0 or not _is_seat(tokens[i - 1].text) or te - i < 2:
        return None
    admin1s = {(gazetteer.places[c].country, gazetteer.places[c].admin1) for c in governorates}
    found = [m.payload for m in gazetteer.matcher.find_all(tokens[i + 1:te])
             if m.token_start == 0 and m.token_end == te - i - 1]  # the whole name after the cue
    cities = [c for c in dict.fromkeys(found) if gazetteer.places[c].feature in ("city", "town")
              and (gazetteer.places[c].country, gazetteer.places[c].admin1) in admin1s]
    return cities or None


def _capital_of_institution(tokens: list[Token], i: int, candidates: list[int],
                            gazetteer: Gazetteer) -> list[int] | None:
    """"جامعة الأنبار": an institution named after the governorate at token ``i`` stands in
    its capital: the capital's gazetteer place, or None when the word before is no
    institution or the name no governorate's."""
    if i == 0 or not reads_as(tokens[i - 1].text, place_cues().institution) or not candidates \
            or any(gazetteer.places[c].feature != "governorate" for c in candidates):
        return None
    capitals = [c for c in dict.fromkeys(gazetteer.capital_of(g) for g in candidates) if c is not None]
    return capitals or None


@lru_cache(maxsize=65536)
def _is_name_head(word: str) -> bool:
    """The first word of a compound name (``دير``، ``بني``), under some clitic reading."""
    return reads_as(word, place_cues().name_heads)


def _heads_longer_name(tokens: list[Token], i: int, norm: str) -> bool:
    """``دير العشائر``، ``بني سعد``: a one-word gazetteer name that is the usual first
    word of compound names, followed by a word that continues it, is only the first half
    of a name (which the gazetteer does not know, or it would have matched whole)."""
    if i + 1 >= len(tokens) or not _is_name_head(tokens[i].text):
        return False
    following = tokens[i + 1].text
    return not norm[tokens[i].end:tokens[i + 1].start].strip(" ") and len(following) >= 3 \
        and not following.isdigit() and not following.startswith("و") \
        and following not in place_cues().prepositions and not _may_begin_context(following)


def _heads_a_longer_name(tokens: list[Token], i: int, span: tuple[int, int, int, list[int] | _OneWordName],
                        norm: str) -> bool:
    """The gazetteer match at ``i`` (``span`` as ``_gazetteer_spans`` gives it) is the head
    of a longer name: a one-word name (``_heads_longer_name``), or a name the gazetteer
    writes with its cue word whose second word is such a head ("منطقة تل شهاب" is no
    "منطقة التل", the Al-Tall district)."""
    te = span[0]
    if isinstance(span[3], _OneWordName):
        return _heads_longer_name(tokens, i, norm)
    return te == i + 2 and bool(_cue_kind(tokens[i].text)) and not _is_name_head(tokens[i].text) \
        and _heads_longer_name(tokens, i + 1, norm)


def _is_near_after(tokens: list[Token], index: int) -> bool:
    """``ريف حلب الشمالي`` / ``دير الزور الشرقي``: a direction after the name."""
    if index < len(tokens):
        word = strip_article(tokens[index].text)
        return word in ("شمالي", "جنوبي", "شرقي", "غربي", "اوسط", "شماليه", "جنوبيه", "شرقيه", "غربيه")
    return False


def _prominent(place: Place, n_words: int) -> bool:
    """Known well enough to be read as a place without a cue word. Subdistricts and
    villages are not: their names are too often ordinary words (زيارة، سلوك، الكرامة)."""
    if place.feature in PROMINENT_FEATURES:
        return True
    if place.feature == "subdistrict":
        return n_words > 1
    return place.feature in ("town", "village") and place.population >= 20000


class _OneWordName(NamedTuple):
    """What a word the gazetteer knows, alone, can name: the same wherever it stands."""

    removed: int  # clitic letters before the name
    candidates: tuple[int, ...]  # gazetteer places, in match order
    prominent: tuple[int, ...]  # those a name needs no cue for
    seats: tuple[int, ...]  # seats of a district: read after a preposition with no cue ("في الحويجة")
    needs_cue: bool  # a name only after a cue word
    needs_context: bool  # a place only after a cue or direction word (see ``_gazetteer_spans``)


# gazetteer → word → its one-word name, None for a word that is no place alone
_ONE_WORD_NAMES: weakref.WeakKeyDictionary[Gazetteer, dict[str, _OneWordName | None]] = weakref.WeakKeyDictionary()


def _one_word_name(word: str, gazetteer: Gazetteer) -> _OneWordName | None:
    """The one-word gazetteer name ``word`` reads as (as ``find_all`` orders its matches:
    fewest clitic letters first), or None when ``find_places`` would reject it at once
    as a cue or common word."""
    matches = gazetteer.matcher.one_word_matches(word)
    if not matches or _not_a_place_alone(word):
        return None
    ordered = sorted(matches, key=itemgetter(0))
    candidates = tuple(dict.fromkeys(payload for _, payload in ordered))
    prominent = tuple(c for c in candidates if _prominent(gazetteer.places[c], 1))
    needs_cue = reads_as(word, place_cues().needs_cue, without_article=True)
    seats = tuple(c for c in candidates if gazetteer.places[c].seat_of_a_district)
    needs_context = (needs_cue or not prominent) and not word.startswith("و")  # و: maybe the next of a list
    return _OneWordName(ordered[0][0], candidates, prominent, seats, needs_cue, needs_context)


def _gazetteer_spans(norm: str, tokens: list[Token], gazetteer: Gazetteer) \
        -> dict[int, tuple[int, int, int, list[int] | _OneWordName]]:
    """Non-overlapping gazetteer matches, longest first: token start → (token end,
    normalized start, normalized end, candidate places, or for one word its
    ``_OneWordName``).

    One-word names ``find_places`` would drop are left out, so that it does not visit
    them (most are): names that are no place alone (cue words, common words), and names
    that need a cue or direction word before them where the word before can be neither
    (nor a strong cue). Leaving a one-word name out changes no other span (names of
    several words are chosen first, and one-word names never overlap), and where
    ``find_places`` still visits the position (after a strong cue, or at the end of a
    list) it reads it as an unknown name, which those words never are: ``_unknown_name_ok``
    rejects cue and common words, and a word before that is no strong cue and no ``و``
    to continue a list leave nothing to report."""
    one_word_at, longer = gazetteer.matcher.find_split(tokens)
    longer.sort(key=lambda m: (m.start, -(m.end - m.start)))  # find_all's order
    by_span: dict[tuple[int, int], tuple[int, int, list[int]]] = {}
    for m in longer:
        key = (m.token_start, m.token_end)
        if key not in by_span:
            by_span[key] = (m.start, m.end, [])
        by_span[key][2].append(m.payload)
    chosen: dict[int, tuple[int, int, int, list[int] | _OneWordName]] = {}
    taken = bytearray(len(tokens))  # 1 where a chosen name lies
    # of two names as long, the one that does not open with a cue word: "قرية قصر البريج"
    # is the village قصر البريج, not a village named "قرية قصر" and a word after it
    for (ts, te) in sorted(by_span, key=lambda k: (-(k[1] - k[0]), _cue_kind(tokens[k[0]].text) is not None, k[0])):
        if taken.find(1, ts, te) != -1:
            continue
        start, end, candidates = by_span[(ts, te)]
        chosen[ts] = (te, start, end, list(dict.fromkeys(candidates)))
        taken[ts:te] = b"\x01" * (te - ts)
    names = _ONE_WORD_NAMES.setdefault(gazetteer, {})
    for i in one_word_at:
        if taken[i]:
            continue
        token = tokens[i]
        word = token.text
        name = names.get(word, _UNKNOWN)
        if name is _UNKNOWN:
            if len(names) > 200_000:
                names.clear()
            name = names[word] = _one_word_name(word, gazetteer)
        if name is None or (name.needs_context and (i == 0 or not _may_open_place(tokens[i - 1].text))) \
                or _heads_a_construct(norm, tokens, i, name.removed):
            continue
        chosen[i] = (i + 1, token.start + name.removed, token.end, name)
    return chosen


def _heads_a_construct(norm: str, tokens: list[Token], i: int, removed: int) -> bool:
    """"استهدفوا حماة الوطن", "حماة الديار": a name that is also a noun, followed (spaces
    only between) by a word it heads as a noun (the homeland's protectors), names no place;
    "حماة، الأمن فيها منهار" is the city."""
    nouns_after = place_cues().construct_nouns.get(tokens[i].text[removed:])
    return nouns_after is not None and i + 1 < len(tokens) and tokens[i + 1].text in nouns_after \
        and norm[tokens[i].end:tokens[i + 1].start].isspace()


_UNKNOWN = _OneWordName(0, (), (), (), False, False)  # a word not looked up yet (compared by identity)


def _room_after(tokens: list[Token], index: int, cue_start: int, in_list: bool, room: int | None,
                cues: PlaceCues) -> int | None:
    """How many more places the list may name once the place at ``index`` is read: one
    after the first of a dual cue ("بلدتي نبل والزهراء"), none after its second, and no
    limit otherwise."""
    if in_list:
        return None if room is None else room - 1
    cue = next((t.text for t in tokens[max(0, index - 4):index] if t.start == cue_start), None)
    return 1 if cue is not None and reads_as(cue, cues.dual) else None


def _street_names(norm: str, tokens: list[Token], cues: PlaceCues) -> set[int]:
    """Where the names of streets and squares begin: the word after "شارع", "ساحة"... and
    each word joined to it by و ("شارعي الثورة وبغداد")."""
    names: set[int] = set()
    for k in _STREETS.positions(tokens):
        j = k + 1
        while j < len(tokens) and not norm[tokens[j - 1].end:tokens[j].start].strip(" ") \
                and (j == k + 1 or tokens[j].text.startswith("و")):
            names.add(j)
            j += 1
    return names


def _unknown_name_ok(word: str, cues: PlaceCues) -> bool:
    """Whether a word the gazetteer does not know may be a place's name after a cue: not
    a number, a common word, a cue, a word with لل ("مخيم للنازحين": a camp for the
    displaced, "قاعدة للتحالف": a base of the coalition), one that ends like a pronoun
    suffix (ها، هم، هما: "مدينة عفرين وريفها", its countryside; a real name so spelled is
    lost, a rare price), nor a word that reports an event ("محافظة
    استهدفت", "مناطق الاشتباكات")."""
    return not (word.isdigit() or len(word) < 3 or reads_as(word, cues.not_places, without_article=True)
                or reads_as(word, cues.needs_cue, without_article=True) or _reports_an_event(word)
                or _cue_kind(word) or is_near(word) or word.startswith(("لل", "ولل", "فلل"))
                or word.endswith(("ها", "هم", "هما")))


def _spelled_with_alef(word: str, gazetteer: Gazetteer) -> list[int]:
    """"بلدة أريحة" is أريحا: a name ending in ta marbuta (ه once normalized) is also
    written with a final alef; after a cue, the gazetteer's alef spelling is the place."""
    if not word.endswith("ه") or len(word) < 4:
        return []
    matches = gazetteer.matcher.one_word_matches(word[:-1] + "ا")
    return list(dict.fromkeys(payload for removed, payload in sorted(matches, key=itemgetter(0)) if removed == 0))


@lru_cache(maxsize=65536)
def _reports_an_event(word: str) -> bool:
    return bool(trigger_lexicon().triggers.one_word_matches(word))


def _begins_a_trigger_phrase(tokens: list[Token], i: int) -> bool:
    """"مدينة دوما وأودى بحياة العشرات": the word begins a trigger of two or more words with
    the words after it; it goes on with the sentence, it names no place."""
    triggers = trigger_lexicon().triggers
    return any(m.token_start == 0 and m.token_end > 1 for m in triggers.find(tokens[i:i + triggers.max_tokens]))


@lru_cache(maxsize=65536)
def _is_strong_cue(word: str) -> bool:
    """A cue strong enough to report the unknown name after it (مدينة، قرية، مناطق)."""
    if word.startswith(("ال", "وال", "بال", "فال")):
        return False  # "المدينة X" refers back or describes
    strong = place_cues().strong
    return any(v in strong for v, _ in cue_variants(word))


_STRONG_CUES = WordTest(_is_strong_cue)


def _is_street(word: str) -> bool:
    return reads_as(word, place_cues().street)


_STREETS = WordTest(_is_street)


def _after_strong_cue(tokens: list[Token]) -> list[int]:
    """Positions right after a strong cue word: where an unknown name may be a place."""
    return [i + 1 for i in _STRONG_CUES.positions(tokens)]


#: How many words before "هي" the plural of settlements it stands for may be.
_APPOSED_WITHIN = 7


def _apposed(tokens: list[Token], pronoun: int, cues: PlaceCues) -> tuple[str | None, bool, bool, int | None]:
    """"أربع قرى شرق نهر الفرات، وهي الجنينة": the pronoun stands for a plural of
    settlements named at most seven words before it; the name after it is a settlement."""
    first = max(0, pronoun - _APPOSED_WITHIN)
    if any(tokens[j].text in cues.settlement_plurals for j in range(first, pronoun)):
        return "settlement", False, False, tokens[pronoun].start
    return _NO_CONTEXT


#: Words that begin a person's name ("أبو حمزة"): a place name after one is part of it.
_PERSONAL_NAME_HEADS = frozenset({"ابو", "ابن", "بن", "ام", "بنت", "عبد"})


def find_places(norm: str, tokens: list[Token], gazetteer: Gazetteer) -> list[PlaceMention]:
    cues = place_cues()
    spans = _gazetteer_spans(norm, tokens, gazetteer)
    mentions: list[PlaceMention] = []
    list_cue: str | None = None  # the cue of "مناطق X وY وZ" carries along the list
    list_named = False  # the list's cue is written ("بلدات X وY"), not assumed ("دوما وحرستا")
    list_end = -1  # token index right after the last accepted place
    list_room: int | None = None  # how many more places the list may name (a dual cue: one)
    list_plural = False  # the list's cue is a plural or dual ("قرى", "بلدتي", "وهي" after one)
    list_near = False  # "قرب كركوك وبيجي وتلعفر": every place of a list after a near word is near
    introduced: set[str] = set()  # names the article has given as places with a cue word
    streets = _street_names(norm, tokens, cues)
    pairs: _Pairs | None = None  # read on the first "القريتين" (_refers_back_to_a_pair)
    # Only three kinds of position can hold a place: a gazetteer name, a word after a
    # strong cue, and the word after an accepted place (the next item of a list).
    starts = sorted(set(spans).union(_after_strong_cue(tokens)))
    i = 0
    while True:
        if i != list_end:
            at = bisect_left(starts, i)
            if at == len(starts):
                break
            i = starts[at]
        if i >= len(tokens):
            break
        tok = tokens[i]
        gap = norm[tokens[i - 1].end:tok.start].strip(" ") if i else ""
        in_list = i == list_end and tok.text.startswith("و") and list_cue is not None and list_room != 0 \
            and _list_gap(gap, list_plural)
        if in_list and gap and not _ends_an_item(norm, tokens, spans[i][0] if i in spans else i + 1, cues):
            in_list = False  # "بلدات التمانعة وكفرسجنة، وأفاد ناشطون": after a comma, a new clause
        if i + 1 < len(tokens) and tokens[i + 1].text in cues.predicate_after and not norm[tok.end:tokens[i + 1].start].strip(" "):
            i += 1  # "منطقة خاضعة لسيطرة ...": the word describes the place, it does not name it
            continue
        if i in spans and not _heads_a_longer_name(tokens, i, spans[i], norm) \
                and not _clitic_after_a_cue(norm, tokens, i, spans[i][1]):
            te, start, end, candidates = spans[i]
            if i > 0 and tokens[i - 1].text in _PERSONAL_NAME_HEADS:
                i = te  # part of a person's name (أبو حمزة)
                continue
            if i > 0 and _is_political(tokens[i - 1].text):
                i = te  # "مؤيدين لدمشق": a government, not a location
                continue
            if _names_a_medium(tokens, i, te, cues):
                i = te  # "مركز الغوطة الإعلامي": a source's name, not where the event was
                continue
            if i in streets:
                i = te  # "شارع بغداد" in Damascus: a street's name, not the city
                continue
            cue, near, countryside, cue_start = _context_before(norm, tokens, i, cues, te)
            if cue is None and not near and not in_list and te == i + 1 and reads_as(tok.text, cues.settlement_plurals):
                pairs = pairs or _pairs_of(tokens, cues)  # read once per text, on the first such word
                if _refers_back_to_a_pair(tokens, i, pairs):
                    i = te  # "قريتي الفوعة وكفريا ... إجلاء السكان من القريتين": the two villages
                    continue
            written_cue = cue is not None or (in_list and list_named)  # not a list's assumed one
            if cue is None and in_list:
                cue = list_cue
            # "قصف استهدف مدينة نوى ... أسباب القصف العنيف على نوى": a name the article gave as a
            # place with its cue word is that place again where it comes back bare (where a
            # bare name may stand at all: after a preposition, see _gazetteer_spans), unless
            # the name is a common word that needs its cue each time ("الباب", a door)
            again = cue is None and not near and norm[start:end] in introduced \
                and not (isinstance(candidates, _OneWordName) and candidates.needs_cue)
            if isinstance(candidates, _OneWordName):  # (cue words and common words left out already)
                # a common-word town with no cue, kept where its region is named (``_homographs_in_their_region``)
                regional = not cue and candidates.needs_cue and norm[start:end] in cues.regional_homographs \
                    and not _takes_an_adjective(norm, tokens, te, cues)
                if not cue and candidates.needs_cue and not regional:
                    i += 1
                    continue
                # the seat of a district that is not prominent (the gazetteer may lack its
                # population) after a preposition of place: "ضربة دمرت مصنعا في الحويجة"
                if regional:  # the town: "الناصرية" also names its governorate in the gazetteer
                    candidates = [c for c in candidates.candidates if gazetteer.places[c].feature != "governorate"]
                else:
                    candidates = list(candidates.candidates if cue or near or again else candidates.prominent
                                      or (candidates.seats if i > 0 and tokens[i - 1].text in cues.seat_prepositions else ()))
            else:
                if cue is None:
                    cue = _cue_kind(tok.text)  # the name begins with its cue: "مدينة الصدر"
                    capital = _capital_of_seat(tokens, i, te, candidates, gazetteer) if cue == "governorate" else None
                    if capital is not None:
                        cue, cue_start, candidates = "facility", tokens[i - 1].start, capital
                        start = tokens[i + 1].start
                if not cue and not near and not again:
                    # (one such village only: "عين التينة" names six, which a cue or region must choose from)
                    villages = [c for c in candidates if gazetteer.places[c].feature in ("town", "village")] \
                        if te - i > 1 and reads_as(tok.text, cues.standalone_heads) else []
                    compound = len(villages) == 1
                    candidates = [c for c in candidates if _prominent(gazetteer.places[c], te - i)
                                  or (compound and c in villages)]
            capital = _capital_of_institution(tokens, i, candidates, gazetteer) if cue is None else None
            if capital is not None:
                cue, cue_start, candidates = "facility", tokens[i - 1].start, capital
            if not candidates and not cue and not near:
                i += 1
                continue
            near = near or _is_near_after(tokens, te) or (in_list and list_near)
            if written_cue and cue in ("settlement", "governorate"):
                introduced.add(norm[start:end])
            mentions.append(PlaceMention(start, end, normalize_key(" ".join(t.text for t in tokens[i:te])),
                                         candidates, cue, near, cue_start, countryside))
            list_named = cue is not None and (list_named or not in_list)
            list_near = near
            list_cue, list_end = cue or "settlement", te
            list_room = _room_after(tokens, i, start if cue_start is None else cue_start, in_list, list_room, cues)
            list_plural = list_plural if in_list else _plural_cue(tokens, i, cue_start, cues)
            i = te
            continue
        # a name the gazetteer does not know, after a strong cue word or inside a list
        prev = tokens[i - 1] if i else None
        # (not a word joined to a plural cue by و: "استهدفت مناطق وجسورا ونقاط تفتيش", areas and
        # bridges; "قرية وردانة" is a village's name)
        # a quoted name the gazetteer lacks only after a cue of one settlement ('قرية "أم حوش"';
        # not 'مناطق «داعش»', the areas of a group)
        quoted = prev is not None and norm[prev.end:tok.start].strip(" ") in _QUOTES \
            and reads_as(prev.text, cues.quoted_name_cues)
        quote_end = _quoted_name_end(norm, tokens, i) if quoted else None
        after_cue = prev is not None and _is_strong_cue(prev.text) \
            and (quote_end is not None or not norm[prev.end:tok.start].strip(" ")) \
            and not (tok.text.startswith("و") and reads_as(prev.text, cues.settlement_plurals))
        # a word the gazetteer does not know joins only a list its cue named: "بلدات X وY",
        # not "إلى دوما وجمع عينات" (and collected samples)
        # (not "مطار X ووسائط ..."; after a comma, only a list of villages goes on: "قرى فافراتين،
        # وبارجكا"; not "أحياء في ريف دمشق، وشملت", "مدن الغوطة الشرقية، والمرصد")
        listed = in_list and list_named and list_cue in ("settlement", "governorate") \
            and (not gap or _names_a_village(mentions[-1], gazetteer))
        # ("وبيت سوى": a common word that heads compound names, with the word that continues it)
        name_ok = (_unknown_name_ok(tok.text, cues) and not (listed and not _unknown_name_ok(tok.text[1:], cues))
                   and not _begins_a_trigger_phrase(tokens, i)) \
            or _heads_longer_name(tokens, i, norm)
        settlements = (after_cue and prev is not None and _cue_kind(prev.text) == "settlement") or listed
        if (after_cue or listed) and name_ok:
            skip = 1 if listed and not after_cue else 0
            kind = _cue_kind(prev.text) if after_cue and prev else list_cue
            # "ناحية بني سعد", "قرية أم الخير": a compound name's first word takes the next,
            # and a second head the one after it ("خان بني سعد", "تل أبو ظاهر")
            if quote_end is None and _cue_kind(tok.text) and _heads_longer_name(tokens, i, norm) \
                    and i + 1 in spans and spans[i + 1][0] - i > 2:
                i += 1  # "منطقة تل جورة الماء": a head word that is a cue, then a name the gazetteer knows
                continue
            last = i if quote_end is None else quote_end
            while last - i < 2 and _heads_longer_name(tokens, last, norm):
                last += 1
            if last == i and settlements and _continues_a_listed_name(norm, tokens, i, cues, i + 2 in spans):
                last += 1  # "قرى الجنينة والجيعة وشمرة الحصان وحويقة المعيشية"
            name = normalize_key(norm[tok.start + skip:tokens[last].end])
            mentions.append(PlaceMention(tok.start + skip, tokens[last].end, name,
                                         _spelled_with_alef(tok.text[skip:], gazetteer) if last == i else [],
                                         kind, False, prev.start if after_cue and prev else None))
            list_named = after_cue or list_named
            list_cue, list_end = kind, last + 1
            list_room = _room_after(tokens, i, prev.start if after_cue and prev else tok.start, listed, list_room, cues)
            list_plural = list_plural if listed and not after_cue else _plural_cue(tokens, i, prev.start if after_cue and prev else None, cues)
            i = last
        i += 1
    return _with_first_items_of_lists(norm, tokens, gazetteer, mentions)


#: How far the first names of a list may lie from the named place they are joined to (km).
_LIST_NEIGHBOURS_KM = 40.0


def _with_first_items_of_lists(norm: str, tokens: list[Token], gazetteer: Gazetteer,
                               mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"غادرت آخر مجموعة من المقاتلين جوبر وزملكا وعربين وعين ترما": a list read as places
    from its first accepted item on (a town that needs no cue, "وعربين") leaves the village
    names before it, which alone would need a cue word. A name the gazetteer knows, joined by
    و right before a place the text names (with nothing but spaces between), is an earlier
    item of the same list, and so is a name joined to it by و in turn. A list names
    neighbours: only the readings of the name within ``_LIST_NEIGHBOURS_KM`` of a reading of
    the named place are kept, and a name with none is no item. Not a common word or a
    cue word (``_one_word_name`` rejects them), nor a name that needs its cue each time
    ("الباب"), nor a part of a person's name or a government ("لدمشق")."""
    # (only a mention that begins after a clitic can be such an item: most articles have none)
    if not any(m.candidates and m.start > 0 and norm[m.start - 1].isalpha() for m in mentions):
        return mentions
    starts = [t.start for t in tokens]
    taken = {bisect_left(starts, m.end) - 1 for m in mentions}  # the last token of each mention
    added: list[PlaceMention] = []
    for mention in mentions:
        k = bisect_left(starts, mention.start + 1) - 1  # the token the mention begins in
        if not mention.candidates or k < 1 or mention.start == tokens[k].start or not tokens[k].text.startswith("و"):
            continue
        anchors = [gazetteer.places[c] for c in mention.candidates]
        while k >= 1:
            token = tokens[k - 1]
            if k - 1 in taken or norm[token.end:tokens[k].start].strip(" "):
                break
            name = _one_word_name(token.text, gazetteer)
            if name is None or name.needs_cue:
                break
            if k >= 2 and (tokens[k - 2].text in _PERSONAL_NAME_HEADS or _is_political(tokens[k - 2].text)):
                break
            near = [c for c in name.candidates if within_km_of_any(gazetteer.places[c], anchors, _LIST_NEIGHBOURS_KM)]
            if not near:
                break
            added.append(PlaceMention(token.start + name.removed, token.end, normalize_key(token.text), near,
                                      None, False, None))
            taken.add(k - 1)
            if not token.text.startswith("و"):
                break
            k -= 1
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


@dataclass(frozen=True)
class _Pairs:
    """What "القريتين" is read against in one text: where its first dual of settlements is,
    and the names it gives a settlement cue."""

    first_dual: int
    cued: frozenset[str]


def _pairs_of(tokens: list[Token], cues: PlaceCues) -> _Pairs:
    return _Pairs(next((k for k, t in enumerate(tokens) if reads_as(t.text, cues.dual)), len(tokens)),
                  frozenset(form for k in range(1, len(tokens)) if _cue_kind(tokens[k - 1].text) == "settlement"
                            for form in _bare_forms(tokens[k].text)))


def _refers_back_to_a_pair(tokens: list[Token], i: int, pairs: _Pairs) -> bool:
    """"القريتين" (a word of ``settlement_plurals`` that is also a town's name) is the town
    al-Qaryatayn and "the two villages": without a cue, not an item of a list a dual opened
    ("بلدتي مهين والقريتين"), after a dual of settlements earlier in the text ("قريتي الفوعة
    وكفريا", "بلدتين محاصرتين"), the word is the two places named there, unless the article
    gives it a cue of its own somewhere ("مدينة القريتين": then it is the town throughout)."""
    return pairs.first_dual < i and not (_bare_forms(tokens[i].text) & pairs.cued)


def _bare_forms(word: str) -> frozenset[str]:
    """The word without its clitics and article, under each reading ("بالقريتين", "والقريتين",
    "القريتين" and "قريتين" share "قريتين")."""
    return frozenset(strip_article(v) for v, _ in clitic_variants(word))


def _quoted_name_end(norm: str, tokens: list[Token], i: int) -> int | None:
    """The last token of a quoted name opened right before token ``i`` ('تلة "جورة الماء"'),
    if the quote closes within ``_QUOTED_NAME_WORDS`` words, else None."""
    for last in range(i, min(i + _QUOTED_NAME_WORDS, len(tokens))):
        after = _gap_after(norm, tokens, last)
        if after:
            return last if after[:1] in _QUOTES else None  # (other punctuation inside the quote)
    return None


def _list_gap(gap: str, plural_list: bool) -> bool:
    """Whether ``gap`` (what stands between two words, spaces stripped) may stand between
    two items of a list: nothing, or, in a
    list a plural cue opened, a comma before the و ("سيطرت على قرى البستان، والشومرية";
    not "في مدينة كوي سنجق، وفقا لبيان", where the comma ends the place)."""
    return not gap or (plural_list and gap in ("،", ","))


_VILLAGES = frozenset({"town", "village", "neighbourhood"})


def _names_a_village(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """Whether a list item names a village or town (or a name the gazetteer lacks), not a
    city, region or governorate."""
    return all(gazetteer.places[c].feature in _VILLAGES for c in mention.candidates)


def _plural_cue(tokens: list[Token], index: int, cue_start: int | None, cues: PlaceCues) -> bool:
    """Whether the cue that opens a list at ``index`` (starting at ``cue_start``) names
    several places: a plural or dual of settlements, or a pronoun of apposition after one."""
    if cue_start is None:
        return False
    cue = next((t.text for t in tokens[max(0, index - 4):index] if t.start == cue_start), None)
    return cue is not None and (reads_as(cue, cues.settlement_plurals) or reads_as(cue, cues.dual)
                                or cue in cues.apposition)


def _continues_a_listed_name(norm: str, tokens: list[Token], i: int, cues: PlaceCues, named_next: bool) -> bool:
    """"وشمرة الحصان وحويقة", "بلدتي بصر الحرير ومليحة العطش": after a cue of settlements,
    an unknown name followed by a word with the article and then the next item of a list
    (a و and a name the gazetteer knows, a word that may be one, or a settlement's cue word:
    "بلدة بصر الحرير وبلدة المجيدل") is a two-word name; the list leaves no room for an
    adjective there. Not a day ("الأربعاء"), a word that describes ("الواقعة وسط"), nor a
    و that opens a clause ("وقتلت")."""
    if i + 2 >= len(tokens):
        return False
    second, after = tokens[i + 1], tokens[i + 2]
    return second.text.startswith("ال") and len(second.text) >= 4 and after.text.startswith("و") \
        and not norm[tokens[i].end:second.start].strip(" ") and not norm[second.end:after.start].strip(" ") \
        and not _may_begin_context(second.text) and not _reports_an_event(second.text) \
        and _may_end_a_name(second.text, cues) and not reads_as(second.text, cues.describing) \
        and not reads_as(second.text, _weekdays()) \
        and (named_next or _unknown_name_ok(after.text[1:], cues) or _cue_kind(after.text[1:]) == "settlement") \
        and not _begins_a_trigger_phrase(tokens, i + 2)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(calendar_words().weekday_of)


@lru_cache(maxsize=1)
def _days() -> frozenset[str]:
    """The weekdays and the definite words of a day relative to the news ("اليوم", "الليلة")."""
    return _weekdays() | frozenset(normalize_key(w) for w in ("اليوم", "الليلة", "البارحة"))


def _may_end_a_name(word: str, cues: PlaceCues) -> bool:
    """Whether a word may be the second word of a name the gazetteer lacks: a common word
    may ("شمرة الحصان"), not a cue, a word of place or direction, one that reports an event,
    nor one that ends like a pronoun ("وريفها")."""
    return not (word.isdigit() or reads_as(word, cues.not_places, without_article=True) or _cue_kind(word)
                or is_near(word) or _reports_an_event(word) or word.endswith(("ها", "هم", "هما")))


def _ends_an_item(norm: str, tokens: list[Token], end: int, cues: PlaceCues) -> bool:
    """Whether a list item that ends before token ``end`` is followed by what may follow an
    item: nothing, punctuation, the next item (و), a preposition, or a near or compass word
    ("قرى البستان، والشومرية شرقي درعا"). Not a verb or a noun ("، وأفاد ناشطون")."""
    if end >= len(tokens) or norm[tokens[end - 1].end:tokens[end].start].strip(" "):
        return True
    word = tokens[end].text
    return word.startswith("و") or word in cues.prepositions or is_near(word) or _is_near_after(tokens, end)


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _written_with_tanween(analysis: Analysis, mention: PlaceMention) -> bool:
    """"يستهدفها دوماً" (always): a word written with tanween is an adverb or a common
    noun, never a place's name (names do not take it), though normalizing drops it."""
    a, b = analysis.ntext.original_span(mention.start, mention.end)
    text = analysis.doc.text
    return any(c in _TANWEEN for c in text[a:b])


def _without_adverbs(norm: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions but bare adverb homographs ("يستهدفها دوما بغارات جوية") in an article
    that never names the place so ("في دوما", "بدوما", "مدينة دوما", "غادرت دوما") nor its
    region."""
    cues = place_cues()
    homographs = cues.adverb_homographs
    if not any(m.name_norm in homographs for m in found):
        return found

    def bare(m: PlaceMention) -> bool:
        glued = m.start > 0 and norm[m.start - 1].isalpha()  # "بدوما", "ودوما"
        before = norm[max(0, m.start - 12):m.start].split()[-1:]
        return not (glued or m.cue or m.near
                    or (before and (before[0] in cues.prepositions or reads_as(before[0], cues.place_object_verbs))))

    named = {m.name_norm for m in found if m.name_norm in homographs and not bare(m)}
    names = {m.name_norm for m in found}
    vouched = named | {name for name, regions in homographs.items() if names & set(regions)}
    return [m for m in found if m.name_norm not in homographs or m.name_norm in vouched or not bare(m)]


def _takes_an_adjective(norm: str, tokens: list[Token], te: int, cues: PlaceCues) -> bool:
    """"من الطبقة المتوسطة", "إلى الناصرية الحرارية": a definite word right after a name
    (not one that describes a place, "الواقعة", nor a day, "في الناصرية الاثنين", "اليوم")
    makes it a noun with its adjective."""
    if te >= len(tokens) or norm[tokens[te - 1].end:tokens[te].start].strip():
        return False
    word = tokens[te].text
    return word.startswith("ال") and word not in cues.describing and not reads_as(word, _days())


def _homographs_in_their_region(norm: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions but common-word town names read with no cue word ("بالقرب من الناصرية",
    ``regional_homographs`` in data/place_cues.yaml) in an article that does not name their
    region as a place."""
    homographs = place_cues().regional_homographs
    uncued = [m for m in found if m.cue is None and norm[m.start:m.end] in homographs]
    if not uncued:
        return found
    names = {norm[m.start:m.end] for m in found}
    unvouched = {id(m) for m in uncued if not names.intersection(homographs[norm[m.start:m.end]])}
    return [m for m in found if id(m) not in unvouched]


def _speaks_for_its_government(analysis: Analysis, m: PlaceMention) -> bool:
    """"قالت دمشق إن", "غارات شنتها دمشق": a capital with no cue, right after a verb of
    speech or policy, is the subject of that verb: its government, not a place."""
    cues = place_cues()
    if m.cue or m.near or m.name_norm not in cues.capitals_as_governments:
        return False
    tokens = analysis.tokens
    i = bisect_left(analysis.token_starts, m.start)
    return 0 < i < len(tokens) and tokens[i].start == m.start and reads_as(tokens[i - 1].text, cues.government_verbs)


class PlaceRecognizer:
    """Place names of the gazetteer (and names a cue marks as places), each resolved to
    the gazetteer row the article's context makes most likely."""

    name = "places"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        return (self.gazetteer.matcher, _STRONG_CUES, _STREETS)

    def __call__(self, analysis: Analysis) -> None:
        from rasd.resolve.places import resolve_places

        found = outside_dateline(analysis, find_places(analysis.ntext.norm, analysis.tokens, self.gazetteer))
        found = [m for m in found if not _written_with_tanween(analysis, m)
                 and not _speaks_for_its_government(analysis, m)]
        found = _homographs_in_their_region(analysis.ntext.norm, _without_adverbs(analysis.ntext.norm, found))
        analysis.places = resolve_places(found, self.gazetteer, analysis.ntext.norm, analysis.sentences)
