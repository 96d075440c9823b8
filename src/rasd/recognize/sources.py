"""Sources of information: monitors, agencies, officials, anonymous locals."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.data import load_yaml
from rasd.text.tokens import PhraseMatcher, Token


@dataclass(frozen=True)
class SourceMention:
    start: int  # normalized offsets
    end: int
    name: str


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


def find_sources(tokens: list[Token]) -> list[SourceMention]:
    """Sources that the text attributes something to: an attribution cue (بحسب، أفادت،
    قال ...) within a few words before, or an anonymous source (residents, activists),
    which is only ever named as a source."""
    cues, anonymous = _cues()
    cue_ends = [m.token_end for m in cues.find(tokens)]
    found = []
    for m in _matcher().find(tokens):
        cued = any(0 <= m.token_start - end <= CUE_WINDOW for end in cue_ends)
        if cued or m.payload in anonymous:
            found.append(SourceMention(m.start, m.end, m.payload))
    return found


CUE_WINDOW = 6
