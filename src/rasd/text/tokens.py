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
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, contains, is_not
from typing import Callable, Collection, Generic, Iterable, NamedTuple, TypeVar

from rasd.text.normalize import NormalizedText, normalize_key

_TEXT = attrgetter("text")
_UNSEEN: tuple[int, ...] = (-1,)  # "not looked up yet"; truthy: a word missing from the cache is a candidate
_NONE: tuple = ()
TOKEN_RE = re.compile(r"[0-9a-z\u0621-\u064a\u066e-\u06d3]+")
_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")  # text between words, word, text between, ...
# A word glued to a number is two tokens ("مقتل20", "أن26"), but a clitic glued to one stays
# with it ("و21", "ال48"), as the number readers expect. Rare: only a text that has one
# ("_GLUED") is split the slower way.
_GLUED = re.compile(r"[a-z\u0621-\u064a\u066e-\u06d3]{2}[0-9]")
_TOKEN_SPLIT_GLUED = re.compile(r"((?![وفبلك]{0,2}(?:ال|لل)?[0-9])[a-z\u0621-\u064a\u066e-\u06d3]++(?=[0-9])"
                                r"|[0-9a-z\u0621-\u064a\u066e-\u06d3]+)")

# Proclitic sequences (normalized): conjunction, preposition, or both.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_PROCLITIC_LETTERS = frozenset("وفبلك")  # the first letter of each of them, and of لل
_LAM_LAM = re.compile(r"^[وف]?لل(?=\w{2,})")
_ARTICLE = re.compile(r"^ال(?=\w{2,})")


class Token(NamedTuple):
    """A word of the normalized text (a tuple: thousands per article are made)."""

    text: str
    start: int  # in normalized text
    end: int


class Tokens(list):
    """The tokens of one text, as ``tokenize`` made them (not to be modified), and the
    ``Vocabulary`` of the pipeline that made them. Also remembers at which positions
    each phrase matcher of that vocabulary has a candidate entry, so that one vocabulary
    lookup per word serves every matcher run over the document (see
    ``PhraseMatcher.find_all``). Slices are plain lists, scanned on their own."""

    __slots__ = ("candidates", "vocabulary")

    def __init__(self, tokens: Iterable[Token] = (), vocabulary: Vocabulary | None = None) -> None:
        super().__init__(tokens)
        self.vocabulary = vocabulary
        self.candidates: tuple[int, list[list[int]]] | None = None  # (vocabulary generation, positions per matcher)


_new_tuple = tuple.__new__
# A character that is a word character (\w) and no token character, or the other way round
# (U+0670, a mark): where a text has none and no word glued to a number, its tokens are
# exactly its \w+ runs.
_NOT_A_WORD_RUN = re.compile(r"[^\W0-9a-z\u0621-\u064a\u066e-\u06d3]|\u0670")


def tokens_are_word_runs(norm: str) -> bool:
    r"""True only if ``tokenize`` splits ``norm`` into exactly its ``\w+`` runs (most
    texts; a text with a clitic glued to a number, "ال48", is refused though its tokens are
    its runs): a reader written for those runs may then take the tokens, and what the
    document's vocabulary pass found in them."""
    return _NOT_A_WORD_RUN.search(norm) is None and _GLUED.search(norm) is None


def tokenize(ntext: NormalizedText, vocabulary: Vocabulary | None = None) -> Tokens:
    """The words of a normalized text; with a ``vocabulary``, the phrase matchers and
    word tests attached to it answer from one lookup per word (``Vocabulary``).

    ``split`` makes no match object per word, and the words' offsets are the running
    sums of the pieces' lengths, all in C: faster than ``finditer``, and hundreds fewer
    objects per article for the cycle collector to count."""
    pieces = (_TOKEN_SPLIT_GLUED if _GLUED.search(ntext.norm) else _TOKEN_SPLIT).split(ntext.norm)
    bounds = list(accumulate(map(len, pieces), initial=0))  # where each piece starts
    fields = zip(pieces[1::2], bounds[1::2], bounds[2::2])
    return Tokens(map(_new_tuple, repeat(Token), fields), vocabulary)


@lru_cache(maxsize=262144)
def strip_article(word: str) -> str:
    return _ARTICLE.sub("", word) if len(word) > 3 else word


def is_definite(word: str) -> bool:
    """Whether a word carries the article, after a proclitic ("والهجوم", "للهجوم")."""
    return any(variant.startswith("ال") for variant, _ in clitic_variants(word))


@lru_cache(maxsize=262144)
def clitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    """``(variant, chars_removed)`` pairs: the word itself first, then forms without
    proclitics. ``للتنظيم`` yields ``التنظيم`` (the article the ``لل`` swallowed).
    Cached: every matcher asks for the same words; most words read only as written,
    which their first letter tells (every new word of an article comes here first)."""
    if word[:1] not in _PROCLITIC_LETTERS:
        return ((word, 0),)
    variants = [(word, 0)]
    lam = _LAM_LAM.match(word)
    if lam:
        variants.append(("ال" + word[lam.end():], lam.end() - 1))
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            variants.append((word[len(prefix):], len(prefix)))
    return tuple(variants)


@lru_cache(maxsize=65536)
def short_head_variants(word: str) -> tuple[tuple[str, int], ...]:
    """The readings of ``word`` with a proclitic before a two-letter word ("وتل", "بتل",
    "وأم"): too short to stand alone (``clitic_variants`` leaves them out: "وهو" is not
    و + "هو"), but the first word of a longer name ("وتل واسط", "بتل أبيض", "وأم قصر")
    that the words after it confirm."""
    if word[:1] not in _PROCLITIC_LETTERS:
        return ()
    return tuple((word[len(p):], len(p)) for p in _PROCLITICS if word.startswith(p) and len(word) - len(p) == 2)


def reads_as_with_and(word: str, table: Collection[str]) -> bool:
    """Whether ``word`` is in ``table``, or is with a و or ف glued to it ("وأن", "وفي"):
    ``reads_as`` keeps a clitic that would leave two letters, as these short words have."""
    return word in table or (word[:1] in ("و", "ف") and word[1:] in table)


def reads_as(word: str, table: Collection[str], *, without_article: bool = False) -> bool:
    """Whether some clitic reading of ``word`` is in ``table`` (with ``without_article``,
    also that reading with its ال removed: ``والقتلى`` reads as ``قتلى``)."""
    for variant, _ in clitic_variants(word):  # (a loop: called for most words of most clauses)
        if variant in table or (without_article and strip_article(variant) in table):
            return True
    return False


P = TypeVar("P")


class PhraseMatch(NamedTuple, Generic[P]):
    start: int  # normalized offsets, clitic excluded
    end: int
    token_start: int  # index of first token
    token_end: int  # one past the last token
    payload: P
    clitic: str  # the proclitic letters stripped from the first token, '' if none


class _WordReading(NamedTuple):
    """What a word can start in a phrase matcher (see ``PhraseMatcher._reading``)."""

    singles: tuple  # (clitic letters removed, payload) of its one-word matches, in order
    longer: tuple  # (clitic letters removed, reading has ال, next word's key → entries) to try, in order
    next_words: frozenset[str]  # the next words as written any of those entries may go on with (a superset)


_NOTHING = _WordReading((), (), frozenset())  # the reading of a word that starts nothing
_SINGLES = attrgetter("singles")
_LONGER = attrgetter("longer")
_NEXT_WORDS = attrgetter("next_words")


@lru_cache(maxsize=4096)
def _slots_of(mask: int) -> tuple[int, ...]:
    """The slots whose bits ``mask`` sets, in order (a few dozen masks come back for every
    new word of every article)."""
    return tuple(slot for slot in range(mask.bit_length()) if mask >> slot & 1)


class Vocabulary:
    """Which of its attached phrase matchers a word can start an entry of, under any of
    its clitic readings, and which of its word tests it passes. A pipeline owns one and
    attaches every matcher and test its recognizers run: a document's words are then
    looked up once for all of them (a dozen run over every article) instead of once
    each. Matchers and tests may be attached to several vocabularies (several
    pipelines in one process); one that is attached to none scans on its own."""

    def __init__(self) -> None:
        self.slots: list[object] = []  # slot → the attached matcher or test
        self.slot_of: dict[object, int] = {}  # attached matcher or test → slot (a plain dict: asked once per matcher per article)
        self.plain: dict[str, int] = {}  # first-word key → bit mask of the matchers keyed on words as written
        self.stripped: dict[str, int] = {}  # the same for article-insensitive matchers
        self.tests: dict[int, Callable[[str], bool]] = {}  # slot → test of a ``WordTest``
        self.words: dict[str, tuple[int, ...]] = {}  # word → slots of the matchers it starts entries of
        self.generation = 0  # changes whenever any of the above is invalidated

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def attach(self, item: PhraseMatcher | WordTest) -> int:
        """Give ``item`` a slot here (once): its entries (or its test) join the
        per-word lookup. Returns the slot."""
        slot = self.slot_of.get(item)
        if slot is not None:
            return slot
        slot = self.slot_of[item] = len(self.slots)
        self.slots.append(item)
        item.attached(self, slot)
        self.changed()
        return slot

    def index(self, slot: int, key: str, article_insensitive: bool) -> None:
        table = self.stripped if article_insensitive else self.plain
        table[key] = table.get(key, 0) | (1 << slot)
        self.changed()

    def add_test(self, slot: int, test: Callable[[str], bool]) -> None:
        self.tests[slot] = test
        self.changed()

    def changed(self) -> None:
        self.words.clear()
        self.generation += 1

    def matchers_of(self, word: str) -> tuple[int, ...]:
        mask = 0
        plain, stripped = self.plain, self.stripped
        for variant, _ in clitic_variants(word) + short_head_variants(word):
            mask |= plain.get(variant, 0) | stripped.get(strip_article(variant), 0)
        for slot, test in self.tests.items():
            if test(word):
                mask |= 1 << slot
        slots = _slots_of(mask)
        if len(self.words) > 400_000:
            self.words.clear()
        self.words[word] = slots
        return slots

    def candidates(self, tokens: Tokens) -> list[list[int]]:
        """Per slot, the token positions where that matcher (test) may find an entry."""
        if tokens.candidates is not None and tokens.candidates[0] == self.generation:
            return tokens.candidates[1]
        per_slot: list[list[int]] = [[] for _ in self.slots]
        texts = list(map(_TEXT, tokens))
        known = list(map(self.words.get, texts, repeat(_UNSEEN)))
        for i in compress(range(len(texts)), known):
            slots: tuple[int, ...] = known[i]
            if slots is _UNSEEN:
                slots = self.matchers_of(texts[i])
            for slot in slots:
                per_slot[slot].append(i)
        tokens.candidates = (self.generation, per_slot)
        return per_slot


class _Attachable:
    """A matcher or word test that vocabularies can attach (``Vocabulary.attach``)."""

    def __init__(self) -> None:
        # where this item is attached (its slot there is in the vocabulary's ``slot_of``)
        self._vocabularies: weakref.WeakSet[Vocabulary] = weakref.WeakSet()

    def slot_in(self, vocabulary: Vocabulary) -> int | None:
        return vocabulary.slot_of.get(self)

    def attached(self, vocabulary: Vocabulary, slot: int) -> None:
        self._vocabularies.add(vocabulary)

    def _shared_positions(self, tokens: list[Token]) -> list[int] | None:
        """The positions the document's vocabulary pass found for this item, or None
        when the tokens come from no vocabulary this item is attached to."""
        vocabulary = tokens.vocabulary if isinstance(tokens, Tokens) else None
        if vocabulary is None:
            return None
        slot = vocabulary.slot_of.get(self)
        return None if slot is None else vocabulary.candidates(tokens)[slot]  # type: ignore[arg-type]

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["_vocabularies"]  # this process's attachments
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._vocabularies = weakref.WeakSet()


class WordTest(_Attachable):
    """The positions of the words that pass ``test``, a pure function of the word,
    answered from the document's shared vocabulary pass when the test is attached to
    the pipeline's vocabulary: each distinct word is tested once per process, not once
    per occurrence."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self.test = test

    def attached(self, vocabulary: Vocabulary, slot: int) -> None:
        super().attached(vocabulary, slot)
        vocabulary.add_test(slot, self.test)

    def positions(self, tokens: list[Token]) -> list[int]:
        shared = self._shared_positions(tokens)
        if shared is not None:
            return shared
        return [i for i, token in enumerate(tokens) if self.test(token.text)]


class PhraseMatcher(_Attachable, Generic[P]):
    """Finds lexicon phrases in token sequences.

    With ``article_insensitive`` a leading ال may be added in the text to a name that
    lacks it (``الشحيل`` for the gazetteer's ``شحيل``), but a name written with ال is
    not found in a word without it: ``ورقة`` (a paper) is not ``و`` + ``الرقة``.
    Entries also match in glued form (``ديرالزور`` for ``دير الزور``).
    """

    def __init__(self, article_insensitive: bool = False) -> None:
        super().__init__()
        self.article_insensitive = article_insensitive
        # first word's key → next word's key ('' for one-word entries) →
        # (keys of the other words, payload, first word has ال)
        self._entries: dict[str, dict[str, list[tuple[tuple[str, ...], P, bool]]]] = {}
        self._hit_cache: dict[str, _WordReading] = {}
        self.max_tokens = 1

    def _key(self, word: str) -> str:
        return strip_article(word) if self.article_insensitive else word

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state["_hit_cache"] = {}  # a cache, not part of the index
        return state

    def attached(self, vocabulary: Vocabulary, slot: int) -> None:
        super().attached(vocabulary, slot)
        for key in self._entries:
            vocabulary.index(slot, key, self.article_insensitive)

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
            for vocabulary in self._vocabularies:
                vocabulary.index(vocabulary.slot_of[self], first, self.article_insensitive)
        return self._entries.setdefault(first, {}).setdefault(following, [])

    def __len__(self) -> int:
        return sum(len(entries) for by_next in self._entries.values() for entries in by_next.values())

    def _reading(self, word: str) -> _WordReading:
        """What ``word`` can start, under each clitic reading in turn. Cached per word:
        most words start nothing, and the same words come back in every article.

        The word as written comes first; once it is a one-word name, its clitic
        readings are not tried (``بريهة`` is not ``ب`` + ``ريهة``). Whether a longer
        entry matches depends on the next words, so that part is left to ``_longer_at``."""
        cached = self._hit_cache.get(word)
        if cached is not None:
            return cached
        singles: list[tuple[int, P]] = []
        longer: list[tuple[int, bool, dict[str, list[tuple[tuple[str, ...], P, bool]]]]] = []
        for variant, removed in clitic_variants(word):
            key = self._key(variant)
            by_next = self._entries.get(key)
            if not by_next:
                continue
            variant_has_article = key != variant
            own = [(removed, payload) for _, payload, has_article in by_next.get("", _NONE)
                   if variant_has_article or not has_article]
            singles.extend(own)
            if len(by_next) > (1 if "" in by_next else 0):  # entries of 2+ words start here
                longer.append((removed, variant_has_article, by_next))
            if removed == 0 and own:
                break  # the word as written is a name: do not also read it as clitic+name
        else:
            for variant, removed in short_head_variants(word):  # longer entries only
                key = self._key(variant)
                by_next = self._entries.get(key)
                if by_next and len(by_next) > (1 if "" in by_next else 0):
                    longer.append((removed, key != variant, by_next))
        result = _WordReading(tuple(singles), tuple(longer), self._next_words(longer)) if singles or longer else _NOTHING
        if len(self._hit_cache) > 200_000:
            self._hit_cache.clear()
        self._hit_cache[word] = result
        return result

    def _next_words(self, longer: tuple | list) -> frozenset[str]:
        """The words that, next in the text, may go on with one of the ``longer`` entries:
        their keys, and for an article-insensitive matcher the keys with ال too (the key
        of ``الزور`` is ``زور``). Testing the word as written spares computing its key."""
        keys = {following for _, _, by_next in longer for following in by_next if following}
        if self.article_insensitive:
            keys |= {"ال" + key for key in keys}
        return frozenset(keys)

    def one_word_matches(self, word: str) -> tuple[tuple[int, P], ...]:
        """``(clitic letters removed, payload)`` of the one-word entries ``word`` reads
        as, in ``find_all``'s order for one position, where ``find_split`` lists it."""
        return self._reading(word).singles

    def _positions(self, tokens: list[Token]) -> Iterable[int]:
        """Where an entry may start: from the document's shared vocabulary pass, or for
        tokens of no vocabulary this matcher is attached to (a slice, a test), by a scan
        of this matcher's own hit cache."""
        shared = self._shared_positions(tokens)
        if shared is not None:
            return shared
        looked = list(map(self._hit_cache.get, map(_TEXT, tokens), repeat(_UNSEEN)))
        return compress(range(len(looked)), map(is_not, looked, repeat(_NOTHING)))

    def _longer_at(self, tokens: list[Token], i: int,
                   longer: tuple[tuple[int, bool, dict[str, list[tuple[tuple[str, ...], P, bool]]]], ...]
                   ) -> list[PhraseMatch[P]]:
        """The entries of two or more words that match at ``i``, reading by reading;
        once the word as written begins one, its clitic readings are not tried."""
        found: list[PhraseMatch[P]] = []
        if i + 1 >= len(tokens):
            return found
        key = self._key
        size = len(tokens)
        token = tokens[i]
        ahead = [key(tokens[i + 1].text)]  # keys of the next words, as far as an entry needed them
        for removed, variant_has_article, by_next in longer:
            for rest, payload, has_article in by_next.get(ahead[0], _NONE):
                n = len(rest)
                if has_article and not variant_has_article:
                    continue
                if i + n >= size:
                    continue
                if n > 1:  # (entries are filed under the next word's key: ``rest[0]`` matches)
                    while len(ahead) < n:
                        ahead.append(key(tokens[i + 1 + len(ahead)].text))
                    if tuple(ahead[:n]) != rest:
                        continue
                found.append(PhraseMatch(token.start + removed, tokens[i + n].end, i, i + 1 + n, payload,
                                         token.text[:removed]))
            if removed == 0 and found:
                break
        return found

    def find_split(self, tokens: list[Token]) -> tuple[list[int], list[PhraseMatch[P]]]:
        """``find_all``'s matches in two parts, so that a caller can judge one-word names
        once per word instead of once per match: the positions whose word's
        ``one_word_matches`` all match there, and the matches of two or more words (in
        text order, not sorted by length).

        Most positions are settled by ``map`` and ``compress``, without a Python step
        each: many words begin longer entries (``تل``، ``دير``), but the next word
        rarely goes on with one, which a set lookup tells (``_next_words``)."""
        positions = list(self._positions(tokens))
        if not positions:  # most matchers, in most articles
            return [], []
        words = list(map(_TEXT, map(tokens.__getitem__, positions)))
        readings: list[_WordReading] = list(map(self._hit_cache.get, words))  # type: ignore[arg-type]
        if None in readings:
            readings = list(map(self._reading, words))
        at = list(compress(positions, map(_SINGLES, readings)))
        longer_at = list(compress(positions, map(_LONGER, readings)))
        longer_readings = list(filter(_LONGER, readings))
        if longer_at and longer_at[-1] == len(tokens) - 1:
            longer_at.pop()  # the last word: no next word to go on with
            longer_readings.pop()
        following = map(_TEXT, map(tokens.__getitem__, map(add, longer_at, repeat(1))))
        may_go_on = map(contains, map(_NEXT_WORDS, longer_readings), following)
        longer_found: list[PhraseMatch[P]] = []
        clitic_only: set[int] = set()  # positions where only the word as written is read
        for k in compress(range(len(longer_at)), may_go_on):
            i, (singles, longer, _) = longer_at[k], longer_readings[k]
            found = self._longer_at(tokens, i, longer)
            if found:
                longer_found.extend(found)
                if singles and singles[0][0] and found[0].start == tokens[i].start:
                    clitic_only.add(i)  # the word as written begins a longer name: no clitic reading
        if clitic_only:
            at = [i for i in at if i not in clitic_only]
        return at, longer_found

    def find_all(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Every match at every position (overlapping), longest first per position."""
        at, found = self.find_split(tokens)
        for i in at:
            token = tokens[i]
            for removed, payload in self.one_word_matches(token.text):
                found.append(PhraseMatch(token.start + removed, token.end, i, i + 1, payload, token.text[:removed]))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def find(self, tokens: list[Token]) -> list[PhraseMatch[P]]:
        """Non-overlapping matches, preferring the longest (then the earliest)."""
        return self.non_overlapping(self.find_all(tokens))

    @staticmethod
    def non_overlapping(matches: list[PhraseMatch[P]]) -> list[PhraseMatch[P]]:
        """The longest (then the earliest) of ``matches`` that do not overlap, in text order."""
        if len(matches) < 2:  # most calls: nothing to choose between
            return list(matches)
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
