"""Sentence and clause segmentation for Arabic news prose.

News sentences run long, chained by و and ف and commas; an event's arguments usually
sit in one sentence, so assembly works sentence by sentence and uses clauses to keep
two events of one sentence apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])[\"')\]]*\s*$")
_CLAUSE_END = re.compile(r"[,;:]\s+|\s+-\s+")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # normalized offsets
    end: int


def _split(norm: str, start: int, end: int, boundary: re.Pattern[str]) -> list[Segment]:
    pieces: list[Segment] = []
    cursor = start
    for m in boundary.finditer(norm, start, end):
        if m.start() > cursor and norm[cursor:m.start()].strip():
            pieces.append(Segment(cursor, m.start()))
        cursor = m.end()
    if cursor < end and norm[cursor:end].strip():
        pieces.append(Segment(cursor, end))
    return pieces


def sentences(norm: str) -> list[Segment]:
    """Sentences of normalized text; a decimal point or an abbreviation dot ("م. ح")
    followed by a space is rare enough in news bodies to accept the split."""
    return _split(norm, 0, len(norm), _SENTENCE_END)


def clauses(norm: str, sentence: Segment) -> list[Segment]:
    return _split(norm, sentence.start, sentence.end, _CLAUSE_END)
