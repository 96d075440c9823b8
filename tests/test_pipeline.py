"""The pipeline contract: components add mentions to the analysis; the pipeline owns the
vocabulary its components' matchers share, so matchers made elsewhere cannot disturb it."""

from __future__ import annotations

import datetime as dt

from rasd.analysis import Analysis
from rasd.model import Document
from rasd.pipeline import Pipeline, default_components
from rasd.text.tokens import PhraseMatcher, WordTest

TEXT = ("قتل 3 مدنيين بينهم طفل في قصف لقوات النظام على مدينة دوما في ريف دمشق يوم الجمعة، "
        "بحسب المرصد السوري لحقوق الإنسان.")
DOC = Document(id="t", text=TEXT, published=dt.date(2018, 3, 10))


class Weapons:
    """A component of a user's own: finds weapon words with a phrase matcher."""

    name = "weapons"

    def __init__(self) -> None:
        self.matcher: PhraseMatcher[str] = PhraseMatcher()
        self.matcher.add("قصف", "bombardment")
        self.found: list[str] = []

    def vocabulary_items(self) -> tuple[PhraseMatcher[str]]:
        return (self.matcher,)

    def __call__(self, analysis: Analysis) -> None:
        self.found = [m.payload for m in self.matcher.find(analysis.tokens)]


def test_a_component_of_ones_own_runs_and_shares_the_vocabulary(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    weapons = Weapons()
    components = default_components(embedded_pipeline.gazetteer, embedded_pipeline.actors) + [weapons]
    pipeline = Pipeline(embedded_pipeline.gazetteer, embedded_pipeline.actors, components=components)
    analysis = pipeline.analyze(DOC)
    assert weapons.found == ["bombardment"]
    assert weapons.matcher.slot_in(pipeline.vocabulary) is not None
    assert weapons.matcher.slot_in(embedded_pipeline.vocabulary) is None
    # the default components found what they find without it
    assert [e.model_dump() for e in pipeline.extract(DOC)] == [e.model_dump() for e in embedded_pipeline.extract(DOC)]
    assert analysis.tokens.vocabulary is pipeline.vocabulary


def test_matchers_made_later_do_not_reset_a_pipelines_lookups(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    before = [e.model_dump() for e in embedded_pipeline.extract(DOC)]
    generation = embedded_pipeline.vocabulary.generation
    late = PhraseMatcher()  # made after the pipeline: attached to nothing
    late.add("دوما", "x")
    WordTest(str.isdigit)
    assert embedded_pipeline.vocabulary.generation == generation
    assert [e.model_dump() for e in embedded_pipeline.extract(DOC)] == before
    # a detached matcher still finds its phrases, by a scan of its own
    assert [m.payload for m in late.find(embedded_pipeline.analyze(DOC).tokens)] == ["x"]


def test_each_component_adds_its_mentions(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = embedded_pipeline.analyze(DOC)
    assert analysis.dates and analysis.places and analysis.actors and analysis.counts
    assert analysis.sources and analysis.triggers
    syria = embedded_pipeline.analyze(Document(id="c", text="قصف في سوريا والعراق", published=DOC.published))
    assert sorted(m.payload for m in syria.countries) == ["IQ", "SY"]
    names = [c.name for c in embedded_pipeline.components]
    assert names.index("dates") < names.index("counts") and names.index("actors") < names.index("people")
