"""The extraction chain: normalize → segment → recognize → resolve → assemble.

``Pipeline.analyze`` returns an ``Analysis`` (the document with every mention found in
it, like a spaCy ``Doc``); ``Pipeline.extract`` turns it into events.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rasd.analysis import Analysis
from rasd.model import Document, Event
from rasd.recognize.actors import ActorLexicon, load_pack
from rasd.recognize.dates import find_dates
from rasd.recognize.numbers import find_counts
from rasd.recognize.people import find_people
from rasd.recognize.places import find_places
from rasd.recognize.sources import find_sources
from rasd.recognize.triggers import find_civilian_targets, find_filters, find_triggers
from rasd.resolve import gazetteer as gazetteer_mod
from rasd.resolve.gazetteer import Gazetteer
from rasd.resolve.places import resolve_places
from rasd.text.normalize import normalize
from rasd.text.segment import sentences
from rasd.text.tokens import tokenize


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
