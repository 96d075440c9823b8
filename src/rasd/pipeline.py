"""The extraction chain: normalize → segment → recognize → resolve → assemble.

``Pipeline.analyze`` returns an ``Analysis`` (the document with every mention found in
it, like a spaCy ``Doc``); ``Pipeline.extract`` turns it into events.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from rasd.model import Document, Event, Mention, Span
from rasd.recognize.actors import ActorLexicon, ActorMention, load_pack
from rasd.recognize.dates import DateMatch, find_dates
from rasd.recognize.numbers import CountMention, find_counts
from rasd.recognize.people import PersonMention, find_people
from rasd.recognize.places import find_places
from rasd.recognize.sources import SourceMention, find_sources
from rasd.recognize.triggers import FilterMatch, TriggerMatch, find_civilian_targets, find_filters, find_triggers
from rasd.resolve import gazetteer as gazetteer_mod
from rasd.resolve.gazetteer import Gazetteer
from rasd.resolve.places import ResolvedPlace, resolve_places
from rasd.text.normalize import NormalizedText, normalize
from rasd.text.segment import Segment, sentences
from rasd.text.tokens import Token, tokenize


T = TypeVar("T")


@dataclass
class Analysis:
    """A document and everything recognized in it. Offsets of the recognizers are in
    normalized text; ``span`` maps them to the original."""

    doc: Document
    ntext: NormalizedText
    tokens: list[Token]
    sentences: list[Segment]
    dates: list[DateMatch] = field(default_factory=list)
    places: list[ResolvedPlace] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
    triggers: list[TriggerMatch] = field(default_factory=list)
    filters: list[FilterMatch] = field(default_factory=list)
    civilian_targets: list[tuple[int, int]] = field(default_factory=list)
    token_starts: list[int] = field(init=False, repr=False)  # for bisecting ``tokens`` by offset
    memo: dict[object, object] = field(init=False, repr=False)  # per-document results computed once on demand

    def __post_init__(self) -> None:
        self.token_starts = [t.start for t in self.tokens]
        self.memo = {}

    def remember(self, key: object, make: Callable[[], T]) -> T:
        """``make()``, computed once per document and kept under ``key`` in ``memo``."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]  # type: ignore[return-value]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that begin in [start, end) of the normalized text."""
        starts = self.token_starts
        return self.tokens[bisect_left(starts, start):bisect_left(starts, end)]

    def span(self, start: int, end: int) -> Span:
        a, b = self.ntext.original_span(start, end)
        return Span.of(self.doc.text, a, b)

    def mentions(self) -> list[Mention]:
        """Every recognized item as a ``Mention`` with an original-text span."""
        return [Mention(kind=kind, span=Span(start=a, end=b, text=text), value=value)
                for kind, a, b, text, value in self.mention_rows()]

    def mention_rows(self) -> list[tuple[str, int, int, str, dict[str, object]]]:
        """``mentions`` as plain (kind, start, end, text, value) rows, offsets and text in
        the original: the ingest path stores these as they are, without building and
        validating a model per mention."""
        original, to_original = self.doc.text, self.ntext.original_span
        rows: list[tuple[str, int, int, str, dict[str, object]]] = []

        def add(kind: str, start: int, end: int, value: dict[str, object]) -> str:
            a, b = to_original(start, end)
            rows.append((kind, a, b, original[a:b], value))
            return original[a:b]

        for d in self.dates:
            add("date", d.start, d.end, d.value)
        for p in self.places:
            place = p.place
            add("place", p.mention.start, p.mention.end, {
                "gazetteer_id": place.id if place else None,
                "name": place.display_name if place else None,
                "admin1": place.admin1 if place else None,
                "geo_precision": p.geo_precision, "ambiguous": p.ambiguous,
            })
        for a in self.actors:
            add("actor", a.start, a.end, {"name": a.actor.name, "inter": a.actor.inter, "anaphoric": a.anaphoric})
        for c in self.counts:
            add("number", c.start, c.end, {"value": c.best, "low": c.low, "high": c.high, "role": c.role,
                                           "cumulative": c.cumulative})
        for person in self.people:
            add("person", person.start, person.end, {
                "name": person.name, "kunya": person.kunya, "nisba": person.nisba, "origin": person.origin,
                "role": person.role, "organization": person.organization})
        for s in self.sources:
            value: dict[str, object] = {"name": s.name, "verbatim": s.verbatim}
            text = add("source", s.start, s.end, value)
            if s.verbatim:
                value["name"] = text  # kept as written
        for t in self.triggers:
            add("trigger", t.start, t.end, {"sub_event_type": t.sense.sub_event_type})
        rows.sort(key=lambda row: (row[1], row[0]))
        return rows


# One short report run when a pipeline is made: every lexicon loaded on first use is
# built then, so no article pays for it and the vocabulary the phrase matchers share
# (rasd.text.tokens) is not reset in the middle of a run by a new matcher.
_WARM_UP = Document(id="rasd:warm-up", text="قتل 3 مدنيين بينهم طفل وأصيب 5 آخرون في قصف لقوات النظام "
                    "على مدينة دوما في ريف دمشق يوم الجمعة، بحسب المرصد السوري لحقوق الإنسان.",
                    published=dt.date(2018, 3, 10))


class Pipeline:
    """Holds the loaded resources (gazetteer, actor pack) so that many documents can be
    processed without reloading them."""

    def __init__(self, gazetteer: Gazetteer | None = None, actors: ActorLexicon | None = None,
                 gazetteer_path: Path | None = None) -> None:
        if gazetteer is None:
            from rasd.config import gazetteer_paths

            gazetteer = gazetteer_mod.load(gazetteer_paths(gazetteer_path))
        self.gazetteer = gazetteer
        self.actors = actors or load_pack()
        self.extract(_WARM_UP)  # builds every lexicon loaded on first use, see _WARM_UP

    def analyze(self, doc: Document) -> Analysis:
        ntext = normalize(doc.text)
        tokens = tokenize(ntext)
        analysis = Analysis(doc, ntext, tokens, sentences(ntext.norm))
        analysis.dates = find_dates(ntext, doc.published)
        analysis.places = resolve_places(find_places(ntext.norm, tokens, self.gazetteer), self.gazetteer)
        analysis.actors = self.actors.find(tokens, doc.published)
        # "15 مارس" is a day, not fifteen people
        date_spans = [(d.start, d.end) for d in analysis.dates]
        analysis.counts = [c for c in find_counts(ntext.norm, tokens)
                           if not any(a <= c.start < b for a, b in date_spans)]
        analysis.people = find_people(ntext.norm, tokens, analysis.actors)
        analysis.sources = find_sources(tokens, ntext.norm)
        analysis.triggers = find_triggers(tokens)
        analysis.filters = find_filters(tokens)
        analysis.civilian_targets = find_civilian_targets(tokens)
        return analysis

    def extract(self, doc: Document) -> list[Event]:
        from rasd.events.assemble import assemble

        return assemble(self.analyze(doc), self.gazetteer)
