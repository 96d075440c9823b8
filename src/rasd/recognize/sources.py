"""Sources of information: monitors, agencies, officials, anonymous locals."""

from __future__ import annotations

from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache

from rasd.data import load_yaml
from rasd.text.tokens import PhraseMatcher, Token

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasd.analysis import Analysis


@dataclass(frozen=True)
class SourceMention:
    start: int  # normalized offsets
    end: int
    name: str
    verbatim: bool = False  # not in the pack: the words as the article writes them


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for name, aliases in load_yaml("sources.yaml")["sources"].items():
        for alias in aliases:
            matcher.add(alias, name)
    return matcher


@lru_cache(maxsize=1)
def _cues() -> tuple[PhraseMatcher[str], frozenset[str]]:
    data = load_yaml("sources.yaml")
    cues: PhraseMatcher[str] = PhraseMatcher()
    for cue in data["cues"]:
        cues.add(cue, cue)
    return cues, frozenset(data.get("anonymous", []))


def find_sources(tokens: list[Token], norm: str = "") -> list[SourceMention]:
    """Sources that the text attributes something to: an attribution cue (بحسب، أفادت،
    قال ...) within a few words before, or an anonymous source (residents, activists),
    which is only ever named as a source. After "بحسب / وفق / نقلا عن" a source the
    pack does not know is kept as written (``name`` is then the Arabic words)."""
    cues, anonymous = _cues()
    cue_matches = cues.find(tokens)
    cue_ends = [m.token_end for m in cue_matches]
    found = []
    known: set[int] = set()  # token indexes of the sources the pack knows
    for m in _matcher().find(tokens):
        k = bisect_left(cue_ends, m.token_start - CUE_WINDOW)  # cue ends are in text order
        cued = k < len(cue_ends) and cue_ends[k] <= m.token_start
        if cued or m.payload in anonymous:
            found.append(SourceMention(m.start, m.end, m.payload))
            known.update(range(m.token_start, m.token_end))
    for m in cue_matches:
        if m.payload not in VERBATIM_CUES or any(i in known for i in range(m.token_end, m.token_end + 3)):
            continue
        words = []
        for t in tokens[m.token_end:m.token_end + 3]:
            if t.text in _STOP or (words and norm and norm[words[-1].end:t.start].strip(" ")):
                break  # punctuation or "أن": the source's name has ended
            words.append(t)
        if words and not words[0].text.isdigit():
            found.append(SourceMention(words[0].start, words[-1].end, " ".join(w.text for w in words), True))
    found.sort(key=lambda s: s.start)
    return found


CUE_WINDOW = 6
# Cues followed by the source's name ("بحسب صحيفة الوطن"), not by a verb's subject.
VERBATIM_CUES = {"بحسب", "حسب", "وفق", "وفقا", "وفقا ل", "نقلا عن"}
_STOP = {"ما", "ان", "انه", "انها", "الذي", "التي", "في", "من", "على", "عن", "مصادر", "مصدر"}


class SourceRecognizer:
    """Who the text attributes information to (monitors, agencies, officials, residents)."""

    name = "sources"

    def vocabulary_items(self) -> tuple[object, ...]:
        return (_matcher(), _cues()[0])

    def __call__(self, analysis: Analysis) -> None:
        analysis.sources = find_sources(analysis.tokens, analysis.ntext.norm)
