"""Event triggers and filter cues from the trigger lexicon (``data/triggers.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.data import load_yaml
from rasd.model import EVENT_TYPE_OF
from rasd.text.normalize import normalize_key
from rasd.text.tokens import PhraseMatcher, Token


@dataclass(frozen=True)
class TriggerSense:
    sub_event_type: str
    strength: float
    mode: bool  # says how the event happened (strike, clash...), not only that people died
    territory: bool
    weak: bool  # a noun or loose verb: needs a stated date or a toll to make an event


@dataclass(frozen=True)
class TriggerMatch:
    start: int  # normalized offsets
    end: int
    token_start: int
    token_end: int
    sense: TriggerSense
    clitic: str


@dataclass(frozen=True)
class FilterMatch:
    start: int
    end: int
    token_start: int
    rule: str


@dataclass(frozen=True)
class TriggerLexicon:
    triggers: PhraseMatcher[TriggerSense]
    filters: PhraseMatcher[str]
    priority: dict[str, int]


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    data = load_yaml("triggers.yaml")
    triggers: PhraseMatcher[TriggerSense] = PhraseMatcher()
    for entry in data["triggers"]:
        sub = entry["sub_event_type"]
        if sub not in EVENT_TYPE_OF:
            raise ValueError(f"triggers.yaml: unknown sub_event_type {sub!r}")
        sense = TriggerSense(sub, float(entry.get("strength", 0.7)), bool(entry.get("mode", True)),
                             bool(entry.get("territory", False)), bool(entry.get("weak", False)))
        for word in entry["words"]:
            triggers.add(word, sense)
    filters: PhraseMatcher[str] = PhraseMatcher()
    for rule, words in data["filters"].items():
        for word in words:
            filters.add(normalize_key(word), rule)
    priority = {name: rank for rank, name in enumerate(data["priority"])}
    return TriggerLexicon(triggers, filters, priority)


def find_triggers(tokens: list[Token]) -> list[TriggerMatch]:
    lexicon = trigger_lexicon()
    return [TriggerMatch(m.start, m.end, m.token_start, m.token_end, m.payload, m.clitic)
            for m in lexicon.triggers.find(tokens)]


def find_filters(tokens: list[Token]) -> list[FilterMatch]:
    lexicon = trigger_lexicon()
    return [FilterMatch(m.start, m.end, m.token_start, m.payload)
            for m in lexicon.filters.find(tokens)]
