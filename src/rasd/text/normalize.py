"""Arabic normalization for matching, with a map back to the original characters.

Every recognizer matches against ``NormalizedText.norm`` and reports spans through
``NormalizedText.original_span`` so that offsets always point into the original article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload

_REMOVED = {chr(c) for c in range(0x064B, 0x0660)}  # harakat, shadda, sukun, ...
_REMOVED |= {chr(c) for c in range(0x0610, 0x061B)}  # Quranic honorifics
_REMOVED |= {chr(c) for c in range(0x06D6, 0x06EE)}  # Quranic annotation marks
_REMOVED |= {"\u0670", "\u0640"}  # superscript alef, tatweel
_REMOVED |= {chr(c) for c in range(0x200B, 0x2010)}  # zero-width and LRM/RLM
_REMOVED |= {chr(c) for c in range(0x202A, 0x202F)}  # bidi embeddings
_REMOVED |= {chr(c) for c in range(0x2066, 0x206A)}  # bidi isolates
_REMOVED |= {"\ufeff", "\u061c", "\u00ad"}
_REMOVED |= {chr(c) for c in range(0x2060, 0x2070)}  # word joiner, invisible operators, deprecated formats
_REMOVED |= {chr(c) for c in range(0xFE00, 0xFE10)}  # variation selectors
_REMOVED |= {chr(c) for c in range(0xE0100, 0xE01F0)}  # variation selectors supplement

_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"}

_REPLACED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "#": " ", "_": " ", "–": "-", "—": "-", "ـ": "",
}
_REPLACED.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_REPLACED.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits


@lru_cache(maxsize=4096)
def _normalize_char(ch: str) -> str:
    if ch in _REMOVED:
        return ""
    if ch in _REPLACED:
        return _REPLACED[ch]
    if ch in "\n\r\u2028\u2029":
        return "\n"  # line breaks end sentences and headlines
    if ch.isspace():
        return " "
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return ""  # controls and invisible formatting inside a word must not split it
    if ch.isascii():
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch:
        return "".join(_normalize_char(c) for c in folded)
    return ch


class KeptIndexes(Sequence[int]):
    """The indexes ``0 .. size`` (``size`` the sentinel past the end) less ``cuts``: the
    ``offsets`` of a text that only lost characters (harakat, tatweel). Each is computed
    when asked, from the sorted cuts: an article asks for a few per mention, and building
    a tuple of every character's index was a quarter of normalizing it."""

    __slots__ = ("_kept_before", "_size")

    def __init__(self, size: int, cuts: list[int]) -> None:
        self._size = size + 1 - len(cuts)
        # how many kept indexes come before each cut: index i is i plus the cuts at or below it
        self._kept_before = [cut - k for k, cut in enumerate(cuts)]

    def __len__(self) -> int:
        return self._size

    def cuts(self) -> list[int]:
        """The removed indexes, in order."""
        return [kept + k for k, kept in enumerate(self._kept_before)]

    def __eq__(self, other: object) -> bool:  # by value: two ``NormalizedText`` of one text are equal
        return isinstance(other, KeptIndexes) and (self._size, self._kept_before) == (other._size, other._kept_before)

    def __hash__(self) -> int:
        return hash((self._size, tuple(self._kept_before)))

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError("offset index out of range")
        return i + bisect_right(self._kept_before, i)


@dataclass(frozen=True)
class NormalizedText:
    """``norm`` is the matching form of ``original``; ``offsets[i]`` is the index in
    ``original`` of the character that produced ``norm[i]`` (with a final sentinel)."""

    original: str
    norm: str
    offsets: Sequence[int]  # a range, a ``KeptIndexes`` or (text that grew) a tuple

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``norm[start:end]`` to the smallest original span covering it."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        stop = self.offsets[end - 1] + 1
        # marks written on the last letter belong to it
        while stop < len(self.original) and self.original[stop] in _MARKS:
            stop += 1
        return self.offsets[start], stop


@lru_cache(maxsize=1)
def _fast_table() -> tuple[dict[int, str | None], frozenset[str], frozenset[str]]:
    """A ``str.translate`` table for the characters of Arabic news text that map to at
    most one character, the set of removed characters, and the set of characters the
    table covers (text with anything else takes the slow path)."""
    table: dict[int, str | None] = {}
    removed: set[str] = set()
    simple: set[str] = set()
    for first, last in _FAST_RANGES:
        for cp in range(first, last + 1):
            ch = chr(cp)
            mapped = _normalize_char(ch)
            if len(mapped) > 1:
                continue
            simple.add(ch)
            if mapped == "":
                table[cp] = None
                removed.add(ch)
            elif mapped != ch:
                table[cp] = mapped
    return table, frozenset(removed), frozenset(simple)


_FAST_RANGES = ((0x0000, 0x024F), (0x0600, 0x06FF), (0x2000, 0x206F), (0x20A0, 0x20BF), (0xFEFF, 0xFEFF))


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching and keep the way back to each original char."""
    return _joined_conjunctions(_normalize_chars(text))


def _normalize_chars(text: str) -> NormalizedText:
    """``normalize`` character by character: what lexicon and gazetteer keys are made of."""
    outside, changed, removed, replacement = _fast_patterns()
    if outside.search(text) is None:
        # ``text.translate(table)``, four times faster: ``str.translate`` looks every
        # character up in a dict, while a regex finds the few that change (one in
        # fifteen) in C, and the pieces between them are kept as they are.
        pieces = changed.split(text)
        pieces[1::2] = map(replacement.__getitem__, pieces[1::2])
        norm = "".join(pieces)
        if len(norm) == len(text):
            return NormalizedText(text, norm, range(len(text) + 1))
        cuts = [m.start() for m in removed.finditer(text)]  # removed characters (marks, tatweel)
        return NormalizedText(text, norm, KeptIndexes(len(text), cuts))
    return _normalize_slow(text)


# "بلدة الباغوز و السوسة", "داعش و قوات": و typed apart from its word is read joined to it
# ("والسوسة"), as the lexicons, the place lists and the clitic rules expect it. Article text
# only: a key keeps the spelling of its entry ("شرق و غرب", a village, is no "شرق وغرب").
_DETACHED_WA = re.compile(r"(?<![^\s\"(,;:])و( +)(?=[\u0621-\u064a])")


def _joined_conjunctions(text: NormalizedText) -> NormalizedText:
    """``text`` without the spaces after a detached و, its offsets still pointing into the original."""
    norm = text.norm
    if "و " not in norm:
        return text
    gaps = [m.span(1) for m in _DETACHED_WA.finditer(norm)]
    if not gaps:
        return text
    kept, cursor = [], 0
    for start, end in gaps:
        kept.append(norm[cursor:start])
        cursor = end
    kept.append(norm[cursor:])
    spaces = [i for start, end in gaps for i in range(start, end)]
    offsets = text.offsets
    if isinstance(offsets, tuple):
        gone = set(spaces)
        return NormalizedText(text.original, "".join(kept), tuple(o for i, o in enumerate(offsets) if i not in gone))
    earlier = offsets.cuts() if isinstance(offsets, KeptIndexes) else []
    cuts = sorted(earlier + [offsets[i] for i in spaces])
    return NormalizedText(text.original, "".join(kept), KeptIndexes(len(text.original), cuts))


def _char_class(chars: frozenset[str]) -> str:
    """A regex character class body for ``chars``, as ranges of consecutive code points."""
    points = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for cp in points:
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


@lru_cache(maxsize=1)
def _fast_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """A character outside the fast table (its text takes the slow path), a character the
    table changes (a capturing group, for ``split``), a removed character, and what each
    changed character becomes. Regex classes scan a text in C, faster than set operations
    per char."""
    table, removed, simple = _fast_table()
    replacement = {chr(cp): mapped or "" for cp, mapped in table.items()}
    return (re.compile(f"[^{_char_class(simple)}]"), re.compile(f"([{_char_class(frozenset(replacement))}])"),
            re.compile(f"[{_char_class(removed)}]"), replacement)


def _normalize_slow(text: str) -> NormalizedText:
    out: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        mapped = _normalize_char(ch)
        for piece in mapped:
            out.append(piece)
            offsets.append(index)
    offsets.append(len(text))
    return NormalizedText(text, "".join(out), tuple(offsets))


def normalize_key(text: str) -> str:
    """The normalized form of a lexicon entry: same rules, spaces collapsed."""
    return " ".join(_normalize_chars(text).norm.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of lexicon ``words``, normalized and escaped, longest first so
    that no word is cut short by another it begins with (then in code-point order, so that
    the pattern is the same in every process); a space matches any run of spaces."""
    forms = sorted({normalize_key(w) for w in words}, key=lambda form: (-len(form), form))
    return "|".join(re.escape(f).replace("\\ ", "\\s+") for f in forms)


_ARTICLE_RE = re.compile(r"^ال(?=\w{2,})")


def loose_key(text: str) -> str:
    """A looser key: each word without its leading ال, and no spaces, so that
    ``ديرالزور``, ``دير الزور`` and ``الدير الزور`` meet."""
    words = normalize_key(text).replace("-", " ").split()
    return "".join(_ARTICLE_RE.sub("", w) if len(w) > 3 else w for w in words)
