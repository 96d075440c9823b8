"""An outlet's dateline: "دبي، الإمارات العربية المتحدة (CNN)--" opening one of the first
paragraphs (a short headline line may stand before it) says where the story was filed. The city and country in it are neither where
anything happened nor a side that acted ("أتلانتا، الولايات المتحدة الأمريكية" is no
US strike), so the recognizers set aside what they find inside it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Protocol, Sequence, TypeVar

from rasd.data import load_yaml
from rasd.text.normalize import normalize_key
from rasd.text.segment import Segment

if TYPE_CHECKING:
    from rasd.analysis import Analysis
    from rasd.recognize import VocabularyItem

#: How far into its paragraph an outlet's mark may stand, the city and country before it.
DATELINE_WITHIN = 80
#: The opening paragraphs searched: a page may put a short headline line before it.
_OPENING_PARAGRAPHS = 3
_PARAGRAPH = re.compile(r"[^\n]+")
_DASHES = re.compile(r"\s*-+")


class _Mention(Protocol):
    @property
    def start(self) -> int: ...


M = TypeVar("M", bound=_Mention)


@lru_cache(maxsize=1)
def dateline_marks() -> tuple[str, ...]:
    """The outlets' marks that close a dateline (``datelines`` in data/sources.yaml), normalized."""
    return tuple(normalize_key(mark) for mark in load_yaml("sources.yaml")["datelines"])


def dateline_end(paragraph: str, mark: str) -> int | None:
    """Where the dateline ends in ``paragraph`` (its dashes included) when the paragraph
    opens with one closed by ``mark``: the mark within its first words, a dash after it."""
    at = paragraph.find(mark)
    if not 0 <= at <= DATELINE_WITHIN:
        return None
    dashes = _DASHES.match(paragraph, at + len(mark))
    return dashes.end() if dashes else None


@lru_cache(maxsize=1)
def dateline_line_outlets() -> tuple[str, ...]:
    """The outlets whose name on a short first line makes it a dateline (``dateline_lines``
    in data/sources.yaml), normalized."""
    return tuple(normalize_key(name) for name in load_yaml("sources.yaml")["dateline_lines"])


#: The most words of a first line that is an outlet's dateline ("عين اليوم – متابعات"), and
#: of one that has no separator left (normalization drops the tatweel of "عين اليوم ـ بغداد").
_LINE_WORDS, _BARE_LINE_WORDS = 7, 4
#: What stands between the outlet's name and the city or writer on its line.
_SEPARATOR = r"\s*[-/:]\s*"


def _is_dateline_line(line: str) -> bool:
    """A short line that opens with an outlet of ``dateline_lines`` and a separator, or ends
    with a separator and the outlet ("إبراهيم – عين اليوم"); a line of a few words with no
    separator left, if it opens or ends with the outlet's name."""
    line = line.strip()
    words = len(line.split())
    for name in dateline_line_outlets():
        if words <= _LINE_WORDS and (re.match(re.escape(name) + _SEPARATOR, line)
                                     or re.search(_SEPARATOR + re.escape(name) + "$", line)):
            return True
        if words <= _BARE_LINE_WORDS and (line.startswith(name) or line.endswith(name)):
            return True
    return False


@lru_cache(maxsize=1)
def _outlet_name_pattern() -> re.Pattern[str]:
    """One pattern for the names of ``dateline_lines``, compiled once per process."""
    return re.compile("|".join(map(re.escape, dateline_line_outlets())) or r"(?!)")


def outlet_names(norm: str) -> list[Segment]:
    """Where the names of ``dateline_lines`` outlets stand in the normalized text, wherever
    they do ("وقال مصدر أمني لعين اليوم"): a date recognizer reads no day in them."""
    return [Segment(m.start(), m.end()) for m in _outlet_name_pattern().finditer(norm)]


def find_dateline(norm: str) -> Segment | None:
    """The dateline that opens one of the first paragraphs of the normalized text (or is
    its first line), if any."""
    for n, paragraph in enumerate(_PARAGRAPH.finditer(norm)):
        if n == _OPENING_PARAGRAPHS:
            break
        if n == 0 and _is_dateline_line(paragraph.group()):
            return Segment(paragraph.start(), paragraph.end())
        for mark in dateline_marks():
            end = dateline_end(paragraph.group(), mark)
            if end is not None:
                return Segment(paragraph.start(), paragraph.start() + end)
    return None


def outside_dateline(analysis: Analysis, mentions: Sequence[M]) -> list[M]:
    """``mentions`` (anything with a normalized ``start``) without those that begin inside
    the document's dateline."""
    line = analysis.dateline
    if line is None:
        return list(mentions)
    return [m for m in mentions if not line.start <= m.start < line.end]


class DatelineRecognizer:
    """Finds the dateline first, so that the place, actor and country recognizers leave
    out what it names."""

    name = "dateline"

    def vocabulary_items(self) -> Iterable[VocabularyItem]:
        return ()

    def __call__(self, analysis: Analysis) -> None:
        analysis.dateline = find_dateline(analysis.ntext.norm)
