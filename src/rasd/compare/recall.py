"""The recall check: of the deadly reference events rasd's own sources carried, how many
did rasd code?

A reference dataset codes events from hundreds of local sources; a corpus of pan-Arab
outlets reports a fraction of them, so "reference events rasd found" mostly measures the
corpus, not rasd. This check narrows it to the events the corpus did carry: a reference
event with at least ``min_deaths`` deaths counts as carried when an article published
on its day or up to ``days_after`` days later names its place, in Arabic, in a sentence
with a conflict word (a trigger of the lexicon or a death word). It counts as coded when
the store holds an event from one of those articles near that place and date (the
thresholds of the comparison; any type, the type agreement is counted apart).

The reference gives English place names; the Arabic ones come from the gazetteer: the
nearest place to the reference coordinates whose English name is similar (a consonant
skeleton, so Douma/Duma and Kafr Nabudah/Kafr Nbouda agree).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from rasd.compare.match import Thresholds, days_apart, place_ok, type_ok
from rasd.compare.names import admin1_key, fold
from rasd.compare.reference import RefEvent
from rasd.data import load_yaml
from rasd.resolve.gazetteer import Gazetteer, Place

_ARTICLE_WORDS = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "ez", "es", "ed", "er", "en"})
CELL = 0.25  # degrees per grid cell of the place index
_NOT_CONFLICT = frozenset({"حياة", "بحياة"})  # "أودى بحياة" has أودى; "حياة سعيدة" is no death
_TITLES = frozenset({"شيخ", "الشيخ", "سيد", "السيد", "حاج", "الحاج"})  # names of people too


@dataclass(frozen=True)
class RecallOptions:
    min_deaths: int = 10
    days_after: int = 3
    name_km: float = 25.0  # how far from the reference point a place of the same name may be
    fuzzy_km: float = 10.0  # how far a place of a similar name may be
    similarity: float = 0.8  # of the English consonant skeletons


def skeleton(name: str) -> str:
    """A transliteration-tolerant key of an English place name: articles, vowels and
    doubled letters dropped ("Deir ez-Zor" and "Dayr az Zawr" both give "drzr")."""
    parts = []
    for word in re.split(r"[^a-z]+", re.sub("['`\u2019\u02bf\u02be]", "", fold(name))):
        if not word or word in _ARTICLE_WORDS:
            continue
        word = re.sub(r"(?<=[aeiou])h$", "", word).replace("q", "k").replace("c", "k")
        head = "a" if word[0] in "aeiou" else word[0]
        parts.append(head + re.sub(r"[aeiouyw]", "", word[1:]))
    return re.sub(r"(.)\1+", r"\1", "".join(parts))


class PlaceIndex:
    """Gazetteer places with coordinates in a grid, for "places near this point"."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.cells: dict[tuple[int, int], list[Place]] = defaultdict(list)
        for place in gazetteer.places:
            if place.lat is not None and place.lon is not None and place.names_ar:
                self.cells[(math.floor(place.lat / CELL), math.floor(place.lon / CELL))].append(place)

    def near(self, lat: float, lon: float, km: float) -> Iterable[tuple[float, Place]]:
        from rasd.geo import km_between

        reach = int(km / (111.0 * CELL * max(0.2, math.cos(math.radians(lat))))) + 1
        row, col = math.floor(lat / CELL), math.floor(lon / CELL)
        for r in range(row - reach, row + reach + 1):
            for c in range(col - reach, col + reach + 1):
                for place in self.cells.get((r, c), ()):
                    d = km_between(lat, lon, place.lat, place.lon)  # type: ignore[arg-type]
                    if d <= km:
                        yield d, place


def _parts(location: str) -> list[str]:
    """ACLED writes a neighbourhood as "City - Quarter": the quarter first, then the city."""
    parts = [p.strip() for p in location.split(" - ") if p.strip()]
    return [*reversed(parts), location] if len(parts) > 1 else parts


def arabic_place(ref: RefEvent, index: PlaceIndex, options: RecallOptions) -> Place | None:
    """The gazetteer place a reference location names: among the places within
    ``name_km`` of its point, one whose English name has the same consonant skeleton
    (the nearest), else, within ``fuzzy_km``, the nearest with a similar skeleton of at
    least four letters. Short skeletons only match exactly: "hm" is too many villages."""
    if not ref.has_point or not ref.location:
        return None
    near = list(index.near(ref.lat, ref.lon, options.name_km))  # type: ignore[arg-type]
    for part in _parts(ref.location):
        wanted = skeleton(part)
        if len(wanted) < 2:
            continue
        found = []
        for d, place in near:
            other = skeleton(place.name_en or "")
            if other == wanted:
                found.append((0, d, -place.population, place.id, place))
            elif d <= options.fuzzy_km and min(len(other), len(wanted)) >= 4 and \
                    SequenceMatcher(None, wanted, other).ratio() >= options.similarity:
                found.append((1, d, -place.population, place.id, place))
        if found:
            return min(found)[4]
    return None


@dataclass
class Sighting:
    """A corpus article that names a place in a sentence with a conflict word."""

    doc_id: str
    published: dt.date
    sentence: str


def _conflict_matchers() -> list[Any]:
    from rasd.recognize.triggers import trigger_lexicon
    from rasd.text.tokens import PhraseMatcher

    deaths: PhraseMatcher[str] = PhraseMatcher()
    for word in load_yaml("triggers.yaml")["death_words"]:
        if word not in _NOT_CONFLICT:
            deaths.add(word, word)
    return [trigger_lexicon().triggers, deaths]


@dataclass(frozen=True)
class _PlaceWords:
    """From the place cue pack: words that announce a place (مدينة، قرب، في) and names
    that are common words (زيارة، الطبقة), so that "3 مرات" (three times) is not the
    village مرات."""

    cues: frozenset[str]
    not_names: frozenset[str]


def _place_words() -> _PlaceWords:
    from rasd.text.normalize import normalize_key
    from rasd.text.tokens import strip_article

    pack = load_yaml("place_cues.yaml")
    cues = {normalize_key(w).split()[-1] for key in ("settlement", "governorate", "facility", "near", "strong",
                                                      "prepositions") for w in pack.get(key, [])}
    cues |= {"قرب", "محيط", "اطراف", "ضواحي", "باتجاه", "نحو", "قصف", "استهدف", "استهدفت"}
    words = [normalize_key(w) for key in ("not_places", "needs_cue") for w in pack.get(key, [])]
    return _PlaceWords(frozenset(cues), frozenset(words) | {strip_article(w) for w in words})


def strip_clitic(word: str, clitic: str) -> str:
    return word[len(clitic):] if clitic and word.startswith(clitic) else word


def _named_here(m: Any, tokens: list[Any], words: _PlaceWords, previous_end: int) -> bool:
    """Whether a one-word name match reads as a place: after a cue or preposition word, with
    a preposition attached (بدوما), or continuing a list of places (والشيفونية)."""
    from rasd.text.tokens import reads_as, strip_article

    if m.token_end - m.token_start > 1 and strip_clitic(tokens[m.token_start].text, m.clitic) not in _TITLES:
        return True
    word = strip_clitic(tokens[m.token_start].text, m.clitic)
    if m.token_end - m.token_start == 1 and word in words.not_names or strip_article(word) in words.not_names:
        return False
    if "ب" in m.clitic or "ل" in m.clitic:
        return True
    if m.clitic.startswith("و") and previous_end == m.token_start:
        return True
    return m.token_start > 0 and reads_as(tokens[m.token_start - 1].text, words.cues)


def scan_corpus(paths: list[Path], places: dict[str, Place], first: dt.date, last: dt.date,
                errors: list[str]) -> dict[str, list[Sighting]]:
    """Articles published between ``first`` and ``last`` that name one of ``places`` in a
    sentence with a conflict word, by place id. Unreadable inputs are added to ``errors``."""
    from rasd.ingest.files import BadInput, read_path
    from rasd.text.normalize import normalize
    from rasd.text.segment import sentences
    from rasd.text.tokens import PhraseMatcher, Vocabulary, tokenize

    names: PhraseMatcher[str] = PhraseMatcher(article_insensitive=True)
    for place_id, place in places.items():
        for name in dict.fromkeys(place.names_ar):
            if len(name.replace(" ", "")) >= 3:
                names.add(name, place_id)
    conflict = _conflict_matchers()
    vocabulary = Vocabulary()  # one lookup per word for all three matchers
    for matcher in [names, *conflict]:
        vocabulary.attach(matcher)
    words = _place_words()
    seen: dict[str, list[Sighting]] = defaultdict(list)
    for path in paths:
        for doc in read_path(str(path), None):
            if isinstance(doc, BadInput):
                if not str(doc.problem).startswith("skipped"):
                    errors.append(str(doc))
                continue
            if doc.published is None or not first <= doc.published <= last:
                continue
            text = f"{doc.title}\n{doc.text}" if doc.title else doc.text
            ntext = normalize(text)
            tokens = tokenize(ntext, vocabulary)
            spans = sentences(ntext.norm)
            starts = [s.start for s in spans]
            hot = {bisect.bisect_right(starts, m.start) - 1 for matcher in conflict for m in matcher.find_all(tokens)}
            previous_end = -1
            for m in names.find(tokens):
                if not _named_here(m, tokens, words, previous_end):
                    continue
                previous_end = m.token_end
                k = bisect.bisect_right(starts, m.start) - 1
                if k in hot and k >= 0 and not any(s.doc_id == doc.id for s in seen[m.payload]):
                    start, end = ntext.original_span(spans[k].start, spans[k].end)
                    seen[m.payload].append(Sighting(doc.id, doc.published, " ".join(text[start:end].split())))
    return seen


class _Near:
    """A per-document event as ``place_ok`` and ``days_apart`` read it."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        self.date_end = dt.date.fromisoformat(record["date_end"]) if record.get("date_end") else self.date
        self.lat, self.lon = record.get("latitude"), record.get("longitude")
        self.country, self.admin1 = record.get("country"), admin1_key(record.get("admin1"))
        self.geo_precision = int(record.get("geo_precision") or 3)
        self.event_type, self.sub_event_type = record["event_type"], record["sub_event_type"]


def _store_events(conn: sqlite3.Connection, doc_ids: set[str]) -> dict[str, list[_Near]]:
    out: dict[str, list[_Near]] = defaultdict(list)
    ids = sorted(doc_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for doc_id, record in conn.execute(f"SELECT doc_id, record FROM events WHERE doc_id IN ({marks})", chunk):
            out[doc_id].append(_Near(json.loads(record)))
    return out


def _stored_documents(conn: sqlite3.Connection, doc_ids: set[str]) -> set[str]:
    ids = sorted(doc_ids)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found |= {d for (d,) in conn.execute(f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                                             chunk)}
    return found


def recall_check(refs: list[RefEvent], corpus: list[Path], gazetteer: Gazetteer, conn: sqlite3.Connection,
                 th: Thresholds, show: int = 10, options: RecallOptions = RecallOptions()) -> dict[str, Any]:
    """The recall check over ``refs`` (the reference events of the window); a JSON-ready dict."""
    deadly = [r for r in refs if r.fatalities >= options.min_deaths and r.comparable]
    index = PlaceIndex(gazetteer)
    named = {r.id: arabic_place(r, index, options) for r in deadly}
    places = {p.id: p for p in named.values() if p is not None}
    errors: list[str] = []
    sightings: dict[str, list[Sighting]] = {}
    if deadly and places:
        first = min(r.date for r in deadly)
        last = max(r.date_end for r in deadly) + dt.timedelta(days=options.days_after)
        sightings = scan_corpus(corpus, places, first, last, errors)
    carried: dict[str, list[Sighting]] = {}
    for r in deadly:
        place = named[r.id]
        if place is None:
            continue
        days = [s for s in sightings.get(place.id, [])
                if r.date <= s.published <= r.date_end + dt.timedelta(days=options.days_after)]
        if days:
            carried[r.id] = days
    articles = {s.doc_id for found in carried.values() for s in found}
    stored = _store_events(conn, articles)
    in_store = _stored_documents(conn, articles)
    coded = same_type = 0
    missed: list[dict[str, Any]] = []
    for r in deadly:
        if r.id not in carried:
            continue
        near = [e for s in carried[r.id] for e in stored.get(s.doc_id, [])
                if e.date is not None and days_apart(e, r) <= th.days
                and place_ok(e, e.geo_precision, r, r.geo_precision, th) is not None]
        if near:
            coded += 1
            same_type += any(type_ok(e.event_type, e.sub_event_type, r.mapped.types, r.mapped.sub_event_type,
                                     th.type_rule) for e in near)
        elif len(missed) < show:
            place = named[r.id]
            missed.append({"id": r.id, "date": str(r.date), "location": r.location, "fatalities": r.fatalities,
                           "name_ar": place.name_ar if place else "", "articles": [s.doc_id for s in carried[r.id]],
                           "sentence": carried[r.id][0].sentence})
    return {
        "min_deaths": options.min_deaths, "days_after": options.days_after, "corpus": [str(p) for p in corpus],
        "gazetteer": gazetteer.sources,
        "figures": {"reference_events": len(deadly), "named": sum(p is not None for p in named.values()),
                    "carried": len(carried), "articles": len(articles), "articles_in_store": len(in_store),
                    "coded": coded, "coded_same_type": same_type},
        "missed": missed, "corpus_errors": errors[:20],
    }
