"""An analysed document: the text, its tokens and sentences, and every mention the
recognizers found in it (like a spaCy ``Doc``). The event stage reads only this.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from rasd.model import Document, Mention, MentionKind, Span
from rasd.recognize.abroad import Abroad
from rasd.recognize.actors import ActorMention
from rasd.recognize.dates import DateMatch
from rasd.recognize.numbers import CountMention
from rasd.recognize.people import PersonMention
from rasd.recognize.sources import SourceMention
from rasd.recognize.triggers import FilterMatch, TriggerMatch
from rasd.resolve.places import ResolvedPlace
from rasd.text.normalize import NormalizedText
from rasd.text.segment import Segment
from rasd.text.tokens import PhraseMatch, Token

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
    countries: list[PhraseMatch[str]] = field(default_factory=list)  # every country word, overlaps included
    abroad: list[PhraseMatch[Abroad]] = field(default_factory=list)  # locations outside the covered countries
    dateline: Segment | None = None  # where the story was filed (recognize.datelines)
    # Set only when the pipeline stopped after the country words (``Pipeline.analyze``,
    # ``stop_outside_coverage``): the uncovered country the article is wholly about; the
    # recognizers after them did not run, so their lists are empty. None in a whole
    # analysis, whatever the article is about (``events.document.wholly_foreign_country``
    # tells that).
    outside_coverage: str | None = None
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

    def mention_rows(self) -> list[tuple[MentionKind, int, int, str, dict[str, object]]]:
        """``mentions`` as plain (kind, start, end, text, value) rows, offsets and text in
        the original: the ingest path stores these as they are, without building and
        validating a model per mention."""
        original, to_original = self.doc.text, self.ntext.original_span
        rows: list[tuple[MentionKind, int, int, str, dict[str, object]]] = []

        def add(kind: MentionKind, start: int, end: int, value: dict[str, object]) -> str:
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
