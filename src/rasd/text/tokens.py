"""Tokens, clitic-aware variants, and a phrase matcher over normalized text.

Arabic attaches conjunctions, prepositions and the article to the next word
(``وبالقرب``، ``للتحالف``، ``بريف``). A lexicon entry must be found inside such words
without breaking names that really begin with those letters (``بريهة``، ``البوكمال``):
the token itself is always tried first, then its clitic-stripped variants.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter
from typing import Callable, Generic, Iterable, NamedTuple, TypeVar

from rasd.text.normalize import NormalizedText, normalize_key

_TEXT = attrgetter("text")
_UNSEEN = ("not looked up yet",)  # truthy: a word missing from the hit cache is a candidate
_UNSEEN_KEY = "\x00"  # the next word's key, not computed yet
_NONE: tuple = ()
TOKEN_RE = re.compile(r"[0-9a-z\u0621-\u064a\u066e-\u06d3]+")

# Proclitic sequences (normalized): conjunction, preposition, or both.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_LAM_LAM = re.compile(r"^[وف]?لل(?=\w{2,})")
_ARTICLE = re.compile(r"^ال(?=\w{2,})")


class Token(NamedTuple):
    """A word of the normalized text (a tuple: thousands per article are made)."""

    text: str
    start: int  # in normalized text
    end: int


class Tokens(list):
    """The tokens of one text, as ``tokenize`` made them (not to be modified). Also
    remembers at which positions each phrase matcher has a candidate entry, so that one
    vocabulary lookup per word serves every matcher run over the document (see
    ``PhraseMatcher.find_all``). Slices are plain lists, scanned on their own."""

    __slots__ = ("candidates",)

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        super().__init__(tokens)
        self.candidates: tuple[int, list[list[int]]] | None = None  # (vocabulary generation, positions per matcher)


_new_tuple = tuple.__new__


def tokenize(ntext: NormalizedText) -> Tokens:
    found = list(TOKEN_RE.finditer(ntext.norm))
    fields = zip(map(re.Match.group, found), map(re.Match.start, found), map(re.Match.end, found))
    return Tokens(map(_new_tuple, repeat(Token), fields))


@lru_cache(maxsize=262144)
def strip_article(word: str) -> str:
    return _ARTICLE.sub("", word) if len(word) > 3 else word


@lru_cache(maxsize=262144)
def clitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    """``(variant, chars_removed)`` pairs: the word itself first, then forms without
    proclitics. ``للتنظيم`` yields ``التنظيم`` (the article the ``لل`` swallowed).
    Cached: every matcher asks for the same words."""
    variants = [(word, 0)]
    lam = _LAM_LAM.match(word)
    if lam:
        variants.append(("ال" + word[lam.end():], lam.end() - 1))
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            variants.append((word[len(prefix):], len(prefix)))
    return tuple(variants)


P = TypeVar("P")


class PhraseMatch(NamedTuple, Generic[P]):
    start: int  # normalized offsets, clitic excluded
    end: int
    token_start: int  # index of first token
    token_end: int  # one past the last token
    payload: P
    clitic: str  # the proclitic letters stripped from the first token, '' if none


class _Vocabulary:
    """Which of the live phrase matchers a word can start an entry of, under any of its
    clitic readings, and which word tests it passes. A document's words are looked up
    here once for all of them (a dozen run over every article) instead of once each."""

    def __init__(self) -> None:
        self.slots: list[bool] = []  # slot → in use
        self.plain: dict[str, int] = {}  # first-word key → bit mask of the matchers keyed on words as written
        self.stripped: dict[str, int] = {}  # the same for article-insensitive matchers
        self.tests: dict[int, Callable[[str], bool]] = {}  # slot → test of a ``WordTest``
        self.words: dict[str, tuple[int, ...]] = {}  # word → slots of the matchers it starts entries of
        self.generation = 0  # changes whenever any of the above is invalidated

    def register(self, owner: object, test: Callable[[str], bool] | None = None) -> int:
        slot = self.slots.index(False) if False in self.slots else len(self.slots)
        if slot == len(self.slots):
            self.slots.append(True)
        self.slots[slot] = True
        if test is not None:
            self.tests[slot] = test
        weakref.finalize(owner, self.release, slot)
        self.changed()
        return slot

    def release(self, slot: int) -> None:
        bit = 1 << slot
        for index in (self.plain, self.stripped):
            for key in [k for k, mask in index.items() if mask & bit]:
                if index[key] == bit:
                    del index[key]
                else:
                    index[key] &= ~bit
        self.tests.pop(slot, None)
        self.slots[slot] = False
        self.changed()

    def index(self, slot: int, key: str, article_insensitive: bool) -> None:
        table = self.stripped if article_insensitive else self.plain
        table[key] = table.get(key, 0) | (1 << slot)
        self.changed()

    def changed(self) -> None:
        self.words.clear()
        self.generation += 1

    def matchers_of(self, word: str) -> tuple[int, ...]:
        mask = 0
        plain, stripped = self.plain, self.stripped
        for variant, _ in clitic_variants(word):
            mask |= plain.get(variant, 0) | stripped.get(strip_article(variant), 0)
        for slot, test in self.tests.items():
            if test(word):
                mask |= 1 << slot
        slots = tuple(slot for slot in range(mask.bit_length()) if mask >> slot & 1)
        if len(self.words) > 400_000:
            self.words.clear()
        self.words[word] = slots
        return slots

    def candidates(self, tokens: Tokens) -> list[list[int]]:
        """Per matcher slot, the token positions where that matcher may find an entry."""
        if tokens.candidates is not None and tokens.candidates[0] == self.generation:
            return tokens.candidates[1]
        per_slot: list[list[int]] = [[] for _ in self.slots]
        texts = list(map(_TEXT, tokens))
        known = list(map(self.words.get, texts, repeat(_UNSEEN)))
        for i in compress(range(len(texts)), known):
            slots = known[i]
            if slots is _UNSEEN:
                slots = self.matchers_of(texts[i])
            for slot in slots:
                per_slot[slot].append(i)
        tokens.candidates = (self.generation, per_slot)
        return per_slot


_VOCABULARY = _Vocabulary()


class WordTest:
    """The positions of the words that pass ``test``, a pure function of the word,
    answered from the document's shared vocabulary pass: each distinct word is tested
    once per process, not once per occurrence."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self._slot = _VOCABULARY.register(self, test)

    def positions(self, tokens: list[Token]) -> list[int]:
        if isinstance(tokens, Tokens):
            return _VOCABULARY.candidates(tokens)[self._slot]
        return [i for i, token in enumerate(tokens) if self.test(token.text)]


class PhraseMatcher(Generic[P]):
    """Finds lexicon phrases in token sequences.

    With ``article_insensitive`` a leading ال may be added in the text to a name that
    lacks it (``الشحيل`` for the gazetteer's ``شحيل``), but a name written with ال is
    not found in a word without it: ``ورقة`` (a paper) is not ``و`` + ``الرقة``.
    Entries also match in glued form (``ديرالزور`` for ``دير الزور``).
    """

    def __init__(self, article_insensitive: bool = False) -> None:
        self.article_insensitive = article_insensitive
        # first word's key → next word's key ('' for one-word entries) →
        # (keys of the other words, payload, first word has ال)
        self._entries: dict[str, dict[str, list[tuple[tuple[str, ...], P, bool]]]] = {}
        self._hit_cache: dict[str, tuple] = {}
        self.max_tokens = 1
        self._slot = _VOCABULARY.register(self)

    def _key(self, word: str) -> str:
        return strip_article(word) if self.article_insensitive else word

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_hit_cache"] = {}  # a cache, not part of the index
        del state["_slot"]  # this process's registration
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._slot = _VOCABULARY.register(self)
        for key in self._entries:
            _VOCABULARY.index(self._slot, key, self.article_insensitive)

    def add(self, phrase: str, payload: P) -> None:
        words = [w for w in TOKEN_RE.findall(normalize_key(phrase))]
        if not words:
            return
        keys = tuple(self._key(w) for w in words)
        has_article = self.article_insensitive and keys[0] != words[0]
        self._entry_list(keys[0], keys[1] if len(keys) > 1 else "").append((keys[1:], payload, has_article))
        if len(words) > 1:
            self._entry_list(self._key("".join(words)), "").append(((), payload, has_article))
        self.max_tokens = max(self.max_tokens, len(words))
        self._hit_cache.clear()

    def _entry_list(self, first: str, following: str) -> list[tuple[tuple[str, ...], P, bool]]:
        if first not in self._entries:
            _VOCABULARY.index(self._slot, first, self.article_insensitive)
        return self._entries.setdefault(first, {}).setdefault(following, [])

    def __len__(self) -> int:
        return sum(len(entries) for by_next in self._entries.values() for entries in by_next.values())

    def _hits(self, word: str) -> tuple[tuple[str, int, bool, dict[str, list[tuple[tuple[str, ...], P, bool]]]], ...]:
        """The entries a word can start, per clitic reading: (variant, chars removed,
        variant has ال, entries). Cached per word: most words start nothing, and the
        same words come back in every article."""
        cached = self._hit_cache.get(word)
        if cached is not None:
            return cached
        hits = []
        for variant, removed in clitic_variants(word):
            key = self._key(variant)
            candidates = self._entries.get(key)
            if candidates:
                hits.append((variant, removed, key != variant, candidates))
        result = tuple(hits)
        if len(self._hit_cache) > 200_000:
            self._hit_cache.clear()
        self._hit_cache[word] = result
        return result

    def _positions(self, tokens: list[Token]) -> Iterable[int]:
        """Where an entry may start: from the document's shared vocabulary pass, or for
        a plain list (a slice), by a scan of this matcher's own hit cache."""
        if isinstance(tokens, Tokens):
            return _VOCABULARY.candidates(tokens)[self._slot]
        looked = list(map(self._hit_cache.get, map(_TEXT, tokens), repeat(_UNSEEN)))
        return compress(range(len(looked)), looked)

    def find_all(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Every match at every position (overlapping), longest first per position."""
        found: list[PhraseMatch[P]] = []
        key = self._key
        size = len(tokens)
        for i in self._positions(tokens):
            token = tokens[i]
            hits = self._hit_cache.get(token.text) or self._hits(token.text)
            following: str | None = _UNSEEN_KEY
            for variant, removed, variant_has_article, by_next in hits:
                matched = False
                candidates = by_next.get("", _NONE)
                if len(by_next) > (1 if candidates else 0):  # entries of 2+ words start here
                    if following is _UNSEEN_KEY:
                        following = key(tokens[i + 1].text) if i + 1 < size else None
                    longer = by_next.get(following) if following is not None else None
                    if longer:
                        candidates = [*candidates, *longer]
                for rest, payload, has_article in candidates:
                    n = len(rest)
                    if has_article and not variant_has_article:
                        continue
                    if n and (i + n >= size
                              or tuple(key(t.text) for t in tokens[i + 1 : i + 1 + n]) != rest):
                        continue
                    matched = True
                    found.append(PhraseMatch(token.start + removed, tokens[i + n].end, i, i + 1 + n, payload,
                                             token.text[:removed]))
                if removed == 0 and matched:
                    break  # the word as written is a name: do not also read it as clitic+name
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def find(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Non-overlapping matches, preferring the longest (then the earliest)."""
        return self.non_overlapping(self.find_all(tokens))

    @staticmethod
    def non_overlapping(matches: list[PhraseMatch[P]]) -> list[PhraseMatch[P]]:
        """The longest (then the earliest) of ``matches`` that do not overlap, in text order."""
        chosen: list[PhraseMatch[P]] = []
        taken: set[int] = set()
        for m in sorted(matches, key=lambda m: (-(m.token_end - m.token_start), m.start)):
            span = set(range(m.token_start, m.token_end))
            if span & taken:
                continue
            taken |= span
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen
