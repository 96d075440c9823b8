"""Arabic normalization for matching, with a map back to the original characters.

Every recognizer matches against ``NormalizedText.norm`` and reports spans through
``NormalizedText.original_span`` so that offsets always point into the original article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

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


@dataclass(frozen=True)
class NormalizedText:
    """``norm`` is the matching form of ``original``; ``offsets[i]`` is the index in
    ``original`` of the character that produced ``norm[i]`` (with a final sentinel)."""

    original: str
    norm: str
    offsets: tuple[int, ...]

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
    table = _fast_table()[0]
    outside, removed = _fast_patterns()
    if outside.search(text) is None:
        norm = text.translate(table)
        if len(norm) == len(text):
            offsets = tuple(range(len(text) + 1))
        else:  # the kept characters' indexes: the runs between removed ones (marks, tatweel)
            cuts = [m.start() for m in removed.finditer(text)]
            runs = zip([-1, *cuts], [*cuts, len(text) + 1])
            offsets = tuple(chain.from_iterable(range(a + 1, b) for a, b in runs))
        return NormalizedText(text, norm, offsets)
    return _normalize_slow(text)


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
def _fast_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A character outside the fast table (its text takes the slow path), and a removed
    character. Regex classes scan a text in C, faster than set operations per char."""
    _, removed, simple = _fast_table()
    return re.compile(f"[^{_char_class(simple)}]"), re.compile(f"[{_char_class(removed)}]")


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
    return " ".join(normalize(text).norm.split())


_ARTICLE_RE = re.compile(r"^ال(?=\w{2,})")


def loose_key(text: str) -> str:
    """A looser key: each word without its leading ال, and no spaces, so that
    ``ديرالزور``, ``دير الزور`` and ``الدير الزور`` meet."""
    words = normalize_key(text).replace("-", " ").split()
    return "".join(_ARTICLE_RE.sub("", w) if len(w) > 3 else w for w in words)
