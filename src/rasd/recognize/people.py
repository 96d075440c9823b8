"""Named people: kunyas (أبو X) with their nisba (التدمري → from Palmyra, اليمني →
Yemeni), and names in parentheses after a title. A first version: enough to count a
named person killed when the text gives no number."""

from __future__ import annotations

import re
from dataclasses import dataclass

_KUNYA = re.compile(r"(?<![\w])(?:ابو|ام)\s+[\u0621-\u064a]{2,}(?:\s+ال[\u0621-\u064a]{2,}ي)?(?![\w])")


@dataclass(frozen=True)
class PersonMention:
    start: int  # normalized offsets
    end: int
    name: str
    nisba: str | None


def find_people(norm: str) -> list[PersonMention]:
    people = []
    for m in _KUNYA.finditer(norm):
        words = m.group().split()
        nisba = words[2] if len(words) > 2 else None
        people.append(PersonMention(m.start(), m.end(), m.group(), nisba))
    return people
