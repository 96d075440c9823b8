"""Places outside the covered countries (``data/places_abroad.yaml``) named as
locations: cities and bases abroad after a locative word ("في سروج", "قاعدة إنجرليك"),
place nouns with a foreign nationality ("بلدة تركية") and directions in a foreign
country ("جنوب تركيا"). An event placed there is not coded (event-schema.md §3.1), and
a name found here is not read as a Syrian or Iraqi village of the same spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rasd.data import load_yaml
from rasd.recognize import VocabularyItem
from rasd.recognize.datelines import outside_dateline
from rasd.text.normalize import normalize_key
from rasd.text.tokens import PhraseMatch, PhraseMatcher, Token, reads_as

if TYPE_CHECKING:
    from rasd.analysis import Analysis


class Abroad(NamedTuple):
    country: str  # ISO code
    capital: bool  # may stand for its government ("بقيادة واشنطن"): a location only after a locative word


@lru_cache(maxsize=1)
def abroad_matcher() -> PhraseMatcher[Abroad]:
    """Phrases that name a place abroad."""
    data = load_yaml("places_abroad.yaml")
    matcher: PhraseMatcher[Abroad] = PhraseMatcher()
    capitals = {normalize_key(w) for w in data["capitals"]}
    for code, names in data["places"].items():
        for name in names:
            matcher.add(name, Abroad(code, normalize_key(name) in capitals))
    for code, adjectives in data["adjectives"].items():
        for noun in dict.fromkeys(data["place_nouns"]):
            for adjective in adjectives:
                matcher.add(f"{noun} {adjective}", Abroad(code, False))
    for code, countries in data["countries"].items():
        for direction in data["directions"]:
            for country in countries:
                matcher.add(f"{direction} {country}", Abroad(code, False))
    return matcher


@lru_cache(maxsize=1)
def _named_place_words() -> tuple[dict[str, str], frozenset[str]]:
    """The foreign nationality adjectives (to their country) and the place nouns that
    name a place with them ("بلدة مريوان الإيرانية")."""
    data = load_yaml("places_abroad.yaml")
    adjectives = {normalize_key(a): code for code, words in data["adjectives"].items() for a in words}
    return adjectives, frozenset(normalize_key(w) for w in data["named_place_nouns"])


def named_places_abroad(norm: str, tokens: list[Token]) -> list[PhraseMatch[Abroad]]:
    """"بلدة مريوان الإيرانية", "مدينة سالزبري البريطانية": a place noun, a name of one or
    two words and a foreign nationality adjective, with nothing but spaces between (in
    ``norm``, the normalized text); the match spans the name and the adjective."""
    adjectives, nouns = _named_place_words()
    found = []
    for j, token in enumerate(tokens):
        code = adjectives.get(token.text)
        if code is None:
            continue
        for i in (j - 2, j - 3):
            if i >= 0 and reads_as(tokens[i].text, nouns) \
                    and all(c.isalpha() or c.isspace() for c in norm[tokens[i].end:token.start]):
                found.append(PhraseMatch(tokens[i + 1].start, token.end, i + 1, j + 1, Abroad(code, False), ""))
                break
    return found


@lru_cache(maxsize=1)
def _locative_before() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in load_yaml("places_abroad.yaml")["locative_before"])


@lru_cache(maxsize=1)
def _seat_words() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in load_yaml("places_abroad.yaml")["seat_words"])


def is_location(tokens: list[Token], match: PhraseMatch[Abroad]) -> bool:
    """Whether a name abroad stands as a location: not a source's seat ("ومقره في
    بريطانيا"), any but a capital, and a capital after a locative word or with the
    clitic بـ ("بأنقرة")."""
    if any(reads_as(t.text, _seat_words()) for t in tokens[max(0, match.token_start - 2):match.token_start]):
        return False
    if not match.payload.capital or "ب" in match.clitic:
        return True
    previous = tokens[match.token_start - 1].text if match.token_start else ""
    return reads_as(previous, _locative_before())


#: What joins the names of a list: "نوى وكحيل والسهوة", "درعا، بصرى".
_LIST_GAP = re.compile(r"[\s,،]*و?\s*")

#: Places at home a name must be listed with to be read at home too.
_LISTED_AT_HOME = 2


def _home_place_of(analysis: Analysis, match: PhraseMatch[Abroad]) -> int | None:
    """The index of the place at home the gazetteer read in the words of ``match``, if any."""
    return next((i for i, p in enumerate(analysis.places) if p.place is not None
                 and p.mention.start <= match.start and match.end <= p.mention.end), None)


def listed_at_home(analysis: Analysis, match: PhraseMatch[Abroad]) -> bool:
    """"تعرضت مدن وبلدات نوى وكحيل ... والجيزة وصيدا والمسيفرة والطيبة لغارات": a name
    that is a place abroad (Sidon) and a village at home, in a list with two or more places
    at home, is the village."""
    places = analysis.places
    at = _home_place_of(analysis, match)
    if at is None:
        return False
    norm = analysis.ntext.norm
    listed = 0
    for step in (-1, 1):
        i = at
        while 0 <= i + step < len(places):
            a, b = (places[i + step], places[i]) if step < 0 else (places[i], places[i + step])
            if a.mention.end > b.mention.start or not _LIST_GAP.fullmatch(norm, a.mention.end, b.mention.start) \
                    or places[i + step].place is None:
                break
            listed += 1
            i += step
    return listed >= _LISTED_AT_HOME


@lru_cache(maxsize=1)
def _located_by() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in load_yaml("places_abroad.yaml")["located_by"])


def located_at_home(analysis: Analysis, match: PhraseMatch[Abroad]) -> bool:
    """"بلدة صيدا الواقعة شرق درعا": a name that is a place abroad (Sidon) and a village at
    home, which the next words locate (``located_by`` in data/places_abroad.yaml) in a place
    at home of the village's governorate, is the village."""
    places, norm = analysis.places, analysis.ntext.norm
    at = _home_place_of(analysis, match)
    if at is None:
        return False
    home = places[at]
    after = next((p for p in places[at + 1:] if p.mention.start >= home.mention.end), None)
    if home.place is None or after is None or after.place is None or after.place.admin1 != home.place.admin1:
        return False
    words = norm[home.mention.end:after.mention.start].replace("،", " ").replace(",", " ").split()
    return 0 < len(words) <= 4 and all(w in _located_by() for w in words)


class AbroadRecognizer:
    """Every place abroad the article names, without overlaps, in text order; a place
    the gazetteer read in the same words is no longer one of the article's places ("سروج"
    in Turkey is not the village of Aleppo, nor the town "البلدة" refers back to). Runs
    after the places."""

    name = "abroad"

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        return (abroad_matcher(),)

    def __call__(self, analysis: Analysis) -> None:
        abroad = [m for m in abroad_matcher().find(analysis.tokens) if is_location(analysis.tokens, m)]
        named = [m for m in named_places_abroad(analysis.ntext.norm, analysis.tokens)
                 if not any(a.start < m.end and m.start < a.end for a in abroad)]
        if named:
            abroad = sorted(abroad + named, key=lambda m: m.start)
        abroad = [m for m in abroad if not listed_at_home(analysis, m) and not located_at_home(analysis, m)]
        analysis.abroad = abroad = outside_dateline(analysis, abroad)
        if abroad:
            analysis.places = [p for p in analysis.places
                               if not any(m.start < p.mention.end and p.mention.start < m.end for m in abroad)]
