"""The extraction chain: normalize → segment → recognize (and resolve) → assemble.

``Pipeline.analyze`` runs its components over a document and returns the ``Analysis``
(the document with every mention found in it, like a spaCy ``Doc``); ``Pipeline.extract``
turns that into events. The pipeline owns the ``Vocabulary`` its components' phrase
matchers share: every matcher is attached when the pipeline is made, so nothing built
later can reset the per-word lookups in the middle of a run.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Sequence

from rasd.analysis import Analysis
from rasd.events.document import wholly_foreign_country
from rasd.model import Document, Event
from rasd.recognize import Recognizer
from rasd.recognize.abroad import AbroadRecognizer
from rasd.recognize.actors import ActorLexicon, ActorRecognizer, load_pack
from rasd.recognize.countries import CountryRecognizer
from rasd.recognize.datelines import DatelineRecognizer
from rasd.recognize.dates.find import DateRecognizer
from rasd.recognize.numbers import CountRecognizer
from rasd.recognize.people import PeopleRecognizer
from rasd.recognize.places import PlaceRecognizer
from rasd.recognize.sources import SourceRecognizer
from rasd.recognize.triggers import TriggerRecognizer
from rasd.resolve import gazetteer as gazetteer_mod
from rasd.resolve.gazetteer import Gazetteer
from rasd.text.normalize import normalize
from rasd.text.segment import sentences
from rasd.text.tokens import Vocabulary, tokenize

log = logging.getLogger(__name__)


def default_components(gazetteer: Gazetteer, actors: ActorLexicon) -> list[Recognizer]:
    """rasd's recognizers, in the order they run: the dateline first (what it names is
    set aside), then the country words (an article wholly about an uncovered country may
    stop there: ``Pipeline.analyze``), counts need the dates (a day is not a count), people
    need the actors (an actor's name is not a person's)."""
    return [DatelineRecognizer(), CountryRecognizer(), DateRecognizer(), PlaceRecognizer(gazetteer),
            ActorRecognizer(actors), CountRecognizer(), PeopleRecognizer(), SourceRecognizer(), TriggerRecognizer(),
            AbroadRecognizer()]


#: The components whose mentions tell whether an article is wholly about an uncovered
#: country (``wholly_foreign_country`` reads the country words, found outside the dateline):
#: a pipeline stops, if asked, once those of them it has have run; one without the country
#: words never stops.
COVERAGE_INPUTS = frozenset({"dateline", "countries"})


class Pipeline:
    """Holds the loaded resources (gazetteer, actor pack) and the components, so that
    many documents can be processed without reloading them."""

    def __init__(self, gazetteer: Gazetteer | None = None, actors: ActorLexicon | None = None,
                 gazetteer_path: Path | None = None, components: Sequence[Recognizer] | None = None) -> None:
        if gazetteer is None:
            from rasd.config import gazetteer_paths

            gazetteer = gazetteer_mod.load(gazetteer_paths(gazetteer_path))
        self.gazetteer = gazetteer
        self.actors = actors or load_pack()
        self.components = list(components) if components is not None else default_components(gazetteer, self.actors)
        self.vocabulary = Vocabulary()
        for component in self.components:
            for item in component.vocabulary_items():
                self.vocabulary.attach(item)
        log.info("pipeline: %s; %d phrase matchers and word tests share one vocabulary",
                 ", ".join(c.name for c in self.components), len(self.vocabulary.slots))

    def analyze(self, doc: Document, *, stop_outside_coverage: bool = False) -> Analysis:
        """Every mention of ``doc``. With ``stop_outside_coverage``, for event extraction
        alone: once the article is known to be wholly about a country rasd does not cover
        (``wholly_foreign_country``: nearly half of a regional news feed), the recognizers
        after the country words are not run, since assembly codes nothing from it; the
        country is kept as ``outside_coverage``."""
        log.debug("analysing %s (%d characters)", doc.id, len(doc.text))
        ntext = normalize(doc.text)
        analysis = Analysis(doc, ntext, tokenize(ntext, self.vocabulary), sentences(ntext.norm))
        present = {component.name for component in self.components}
        waiting = set(COVERAGE_INPUTS & present) if stop_outside_coverage and "countries" in present else set()
        for component in self.components:
            component(analysis)
            if waiting:
                waiting.discard(component.name)
                if not waiting:
                    analysis.outside_coverage = wholly_foreign_country(analysis)
                    if analysis.outside_coverage is not None:
                        break
        return analysis

    def extract(self, doc: Document, explain: list[dict[str, Any]] | None = None) -> list[Event]:
        """The events of ``doc``; with ``explain`` (a list), each candidate's rules and
        decision are appended to it (``rasd extract --explain``)."""
        from rasd.events.assemble import assemble

        return assemble(self.analyze(doc, stop_outside_coverage=explain is None), self.gazetteer, explain)
