"""Tokens, clitic-aware variants, and a phrase matcher over normalized text.

Arabic attaches conjunctions, prepositions and the article to the next word
(``وبالقرب``، ``للتحالف``، ``بريف``). A lexicon entry must be found inside such words
without breaking names that really begin with those letters (``بريهة``، ``البوكمال``):
the token itself is always tried first, then its clitic-stripped variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

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


def tokenize(ntext: NormalizedText) -> list[Token]:
    return [Token(m.group(), *m.span()) for m in TOKEN_RE.finditer(ntext.norm)]


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


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[P]):
    start: int  # normalized offsets, clitic excluded
    end: int
    token_start: int  # index of first token
    token_end: int  # one past the last token
    payload: P
    clitic: str  # the proclitic letters stripped from the first token, '' if none


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

    def _key(self, word: str) -> str:
        return strip_article(word) if self.article_insensitive else word

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_hit_cache"] = {}  # a cache, not part of the index
        return state

    def add(self, phrase: str, payload: P) -> None:
        words = [w for w in TOKEN_RE.findall(normalize_key(phrase))]
        if not words:
            return
        keys = tuple(self._key(w) for w in words)
        has_article = self.article_insensitive and keys[0] != words[0]
        self._slot(keys[0], keys[1] if len(keys) > 1 else "").append((keys[1:], payload, has_article))
        if len(words) > 1:
            self._slot(self._key("".join(words)), "").append(((), payload, has_article))
        self.max_tokens = max(self.max_tokens, len(words))
        self._hit_cache.clear()

    def _slot(self, first: str, following: str) -> list[tuple[tuple[str, ...], P, bool]]:
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

    def find_all(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Every match at every position (overlapping), longest first per position."""
        found: list[PhraseMatch[P]] = []
        key = self._key
        # Most words start no entry and are in the cache as (): the scan for the others
        # runs in C (map/compress), and only candidate positions reach the Python loop.
        texts = list(map(_TEXT, tokens))
        looked = list(map(self._hit_cache.get, texts, repeat(_UNSEEN)))
        size = len(texts)
        for i in compress(range(size), looked):
            token = tokens[i]
            hits = looked[i]
            if hits is _UNSEEN:
                hits = self._hits(token.text)
            following: str | None = _UNSEEN_KEY
            for variant, removed, variant_has_article, by_next in hits:
                matched = False
                candidates = by_next.get("", _NONE)
                if len(by_next) > (1 if candidates else 0):  # entries of 2+ words start here
                    if following is _UNSEEN_KEY:
                        following = key(texts[i + 1]) if i + 1 < size else None
                    longer = by_next.get(following) if following is not None else None
                    if longer:
                        candidates = [*candidates, *longer]
                for rest, payload, has_article in candidates:
                    n = len(rest)
                    if has_article and not variant_has_article:
                        continue
                    if n and (i + n >= len(tokens)
                              or tuple(key(t.text) for t in tokens[i + 1 : i + 1 + n]) != rest):
                        continue
                    last = tokens[i + n]
                    matched = True
                    found.append(
                        PhraseMatch(token.start + removed, last.end, i, i + 1 + n, payload,
                                    token.text[:removed])
                    )
                if removed == 0 and matched:
                    break  # the word as written is a name: do not also read it as clitic+name
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def find(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Non-overlapping matches, preferring the longest (then the earliest)."""
        chosen: list[PhraseMatch[P]] = []
        taken: set[int] = set()
        for m in sorted(self.find_all(tokens), key=lambda m: (-(m.token_end - m.token_start), m.start)):
            span = set(range(m.token_start, m.token_end))
            if span & taken:
                continue
            taken |= span
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen
