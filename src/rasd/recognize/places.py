"""Place mentions: gazetteer names found with their clitics and cue words.

A name is accepted as a place when a cue word marks it (``قرية``، ``بريف``، ``على أطراف
مدينة``), or when the gazetteer knows it as a town, city or admin unit. Village names
without a cue are too often ordinary words to trust. A cue followed by a name the
gazetteer does not know still yields a place mention, unresolved, never dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.data import load_yaml
from rasd.resolve.gazetteer import Gazetteer, Place
from rasd.text.normalize import normalize_key
from rasd.text.tokens import Token, WordTest, clitic_variants, strip_article

PROMINENT_FEATURES = {"city", "governorate", "district", "region", "site"}


@dataclass(frozen=True)
class PlaceCues:
    settlement: frozenset[str]
    governorate: frozenset[str]
    facility: frozenset[str]
    near_single: frozenset[str]
    near_phrases: tuple[tuple[str, ...], ...]
    prepositions: frozenset[str]
    not_places: frozenset[str]
    needs_cue: frozenset[str]
    strong: frozenset[str]
    political: frozenset[str]


@lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    data = load_yaml("place_cues.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize_key(w) for w in data[key])

    near = [tuple(normalize_key(w).split()) for w in data["near"]]
    return PlaceCues(
        settlement=words("settlement"), governorate=words("governorate"),
        facility=words("facility"),
        near_single=frozenset(n[0] for n in near if len(n) == 1),
        near_phrases=tuple(sorted((n for n in near if len(n) > 1), key=len, reverse=True)),
        prepositions=words("prepositions"),
        not_places=frozenset(strip_article(w) for w in words("not_places")),
        needs_cue=frozenset(strip_article(w) for w in words("needs_cue")),
        strong=words("strong"),
        political=words("political"),
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


def _cue_variants(word: str) -> list[tuple[str, int]]:
    """Clitic variants, also of short cue words (وحي، بحي)."""
    variants = list(clitic_variants(word))
    if len(word) == 3 and word[0] in "وفبل":
        variants.append((word[1:], 1))
    return variants


@lru_cache(maxsize=65536)
def _cue_kind(word: str) -> str | None:
    """The kind of place a cue word announces. With the article (المنطقة، المدينة) the
    word refers back or describes ("المنطقة الجنوبية"): no cue."""
    cues = place_cues()
    for variant, _ in _cue_variants(word):
        if variant.startswith("ال") and variant not in cues.settlement | cues.governorate | cues.facility:
            continue
        base = strip_article(variant)
        for kind, table in (("settlement", cues.settlement), ("governorate", cues.governorate),
                            ("facility", cues.facility)):
            if variant in table or base in table:
                return kind
    return None


@lru_cache(maxsize=65536)
def _is_near(word: str) -> bool:
    near = place_cues().near_single
    return any(variant in near or strip_article(variant) in near for variant, _ in clitic_variants(word))


@lru_cache(maxsize=65536)
def _not_a_place_alone(word: str) -> bool:
    """A word the gazetteer knows that, alone, is a cue or a common word, not a place."""
    return strip_article(word) in place_cues().not_places or bool(_cue_kind(word)) or _is_near(word)


def _context_before(norm: str, tokens: list[Token], index: int, cues: PlaceCues) -> tuple[str | None, bool, bool, int | None]:
    """Cue kind, near flag, countryside flag, and where the cue phrase starts, from
    up to four tokens before ``index``."""
    cue: str | None = None
    near = countryside = False
    cue_start: int | None = None
    j = index - 1
    steps = 0
    while j >= 0 and steps < 4:
        if norm[tokens[j].end:tokens[j + 1].start].strip(" "):
            break  # punctuation between: the cue belongs to another phrase
        word = tokens[j].text
        kind = _cue_kind(word)
        if kind and cue is None and steps <= 1:
            cue, cue_start = kind, tokens[j].start
        elif _is_near(word):
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


def _gazetteer_spans(tokens: list[Token], gazetteer: Gazetteer) -> dict[int, tuple[int, int, int, list[int]]]:
    """Non-overlapping gazetteer matches, longest first: token start → (token end,
    normalized start, normalized end, candidate places)."""
    by_span: dict[tuple[int, int], tuple[int, int, list[int]]] = {}
    for m in gazetteer.matcher.find_all(tokens):
        key = (m.token_start, m.token_end)
        if key not in by_span:
            by_span[key] = (m.start, m.end, [])
        by_span[key][2].append(m.payload)
    chosen: dict[int, tuple[int, int, int, list[int]]] = {}
    taken = bytearray(len(tokens))  # 1 where a chosen name lies
    for (ts, te) in sorted(by_span, key=lambda k: (-(k[1] - k[0]), k[0])):
        if taken.find(1, ts, te) != -1:
            continue
        start, end, candidates = by_span[(ts, te)]
        chosen[ts] = (te, start, end, list(dict.fromkeys(candidates)))
        taken[ts:te] = b"\x01" * (te - ts)
    return chosen


def _unknown_name_ok(word: str, cues: PlaceCues) -> bool:
    base = strip_article(word)
    return not (word.isdigit() or len(word) < 3 or base in cues.not_places or base in cues.needs_cue
                or _cue_kind(word) or _is_near(word))


@lru_cache(maxsize=65536)
def _is_strong_cue(word: str) -> bool:
    """A cue strong enough to report the unknown name after it (مدينة، قرية، مناطق)."""
    if word.startswith(("ال", "وال", "بال", "فال")):
        return False  # "المدينة X" refers back or describes
    strong = place_cues().strong
    return any(v in strong for v, _ in _cue_variants(word))


_STRONG_CUES = WordTest(_is_strong_cue)


def _after_strong_cue(tokens: list[Token]) -> list[int]:
    """Positions right after a strong cue word: where an unknown name may be a place."""
    return [i + 1 for i in _STRONG_CUES.positions(tokens)]


def find_places(norm: str, tokens: list[Token], gazetteer: Gazetteer) -> list[PlaceMention]:
    cues = place_cues()
    spans = _gazetteer_spans(tokens, gazetteer)
    mentions: list[PlaceMention] = []
    list_cue: str | None = None  # the cue of "مناطق X وY وZ" carries along the list
    list_end = -1  # token index right after the last accepted place
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
        in_list = i == list_end and tok.text.startswith("و") and list_cue is not None \
            and not norm[tokens[i - 1].end:tok.start].strip(" ")
        if i in spans:
            te, start, end, candidates = spans[i]
            name = " ".join(strip_article(t.text) for t in tokens[i:te])
            single = te - i == 1
            if single and _not_a_place_alone(tok.text):
                i += 1  # a cue word or a common word, not a place
                continue
            if i > 0 and tokens[i - 1].text in ("ابو", "ابن", "بن", "ام", "بنت", "عبد"):
                i = te  # part of a person's name (أبو حمزة)
                continue
            if i > 0 and any(v in cues.political for v, _ in clitic_variants(tokens[i - 1].text)):
                i = te  # "مؤيدين لدمشق": a government, not a location
                continue
            cue, near, countryside, cue_start = _context_before(norm, tokens, i, cues)
            if cue is None and in_list:
                cue = list_cue
            if cue is None and not single:
                cue = _cue_kind(tok.text)  # the name begins with its cue: "مدينة الصدر"
            if single and not cue and name in cues.needs_cue:
                i += 1
                continue
            if not cue and not near:
                places = [gazetteer.places[c] for c in candidates]
                candidates = [c for c, p in zip(candidates, places) if _prominent(p, te - i)]
                if not candidates:
                    i += 1
                    continue
            near = near or _is_near_after(tokens, te)
            mentions.append(PlaceMention(start, end, normalize_key(" ".join(t.text for t in tokens[i:te])),
                                         candidates, cue, near, cue_start, countryside))
            list_cue, list_end = cue or "settlement", te
            i = te
            continue
        # a name the gazetteer does not know, after a strong cue word or inside a list
        prev = tokens[i - 1] if i else None
        after_cue = prev is not None and _is_strong_cue(prev.text) and not norm[prev.end:tok.start].strip(" ")
        listed = in_list and list_cue in ("settlement", "governorate")  # not "مطار X ووسائط ..."
        if (after_cue or listed) and _unknown_name_ok(tok.text, cues) and not (listed and not _unknown_name_ok(tok.text[1:], cues)):
            skip = 1 if listed and not after_cue else 0
            kind = _cue_kind(prev.text) if after_cue else list_cue
            mentions.append(PlaceMention(tok.start + skip, tok.end, normalize_key(tok.text[skip:]), [], kind,
                                         False, prev.start if after_cue else None))
            list_cue, list_end = kind, i + 1
        i += 1
    return mentions
