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


# ant-multisource:AL-internationalNews-1319-20180525 (dev pool, not gold): Yemen news, no word of Syria or Iraq
YEMEN = ("شنَّ طيران تحالف دعم الشرعية في اليمن، فجر اليوم الجمعة، غارات على تعزيزات للميليشيات الحوثية في "
         "مديرية التحيتا في محافظة #الحديدة.\nوبحسب مصدر محلي، فإن طائرات من طراز \"أباتشي\" أطلقت أكثر من 13 "
         "صاروخاً على 12 عربة عسكرية للحوثيين.")


def test_an_article_wholly_about_an_uncovered_country_stops_after_its_country_words(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = Document(id="y", text=YEMEN, published=dt.date(2018, 5, 25))
    full = embedded_pipeline.analyze(doc)
    assert full.outside_coverage is None and full.dates and full.triggers and full.abroad  # the whole analysis by default
    stopped = embedded_pipeline.analyze(doc, stop_outside_coverage=True)
    assert stopped.outside_coverage == "YE" and {m.payload for m in stopped.countries} == {"YE"}
    assert not (stopped.dates or stopped.places or stopped.actors or stopped.counts or stopped.triggers or stopped.abroad)
    assert embedded_pipeline.extract(doc) == [] and embedded_pipeline.extract(doc, explain=[]) == []
    # one sentence on Syria, and the article is analysed whole
    syria = Document(id="s", text=YEMEN + "\nوفي سوريا، قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب يوم الجمعة.",
                     published=doc.published)
    kept = embedded_pipeline.analyze(syria, stop_outside_coverage=True)
    assert kept.outside_coverage is None and kept.triggers and kept.dates
    assert [e.location for e in embedded_pipeline.extract(syria)] == ["Idlib"]


def test_a_pipeline_stops_once_the_country_words_it_has_are_found(embedded_pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = Document(id="y", text=YEMEN, published=dt.date(2018, 5, 25))
    default = default_components(embedded_pipeline.gazetteer, embedded_pipeline.actors)

    def analyzed(components: list) -> Analysis:
        pipeline = Pipeline(embedded_pipeline.gazetteer, embedded_pipeline.actors, components=components)
        return pipeline.analyze(doc, stop_outside_coverage=True)

    # the country words found late: what ran before them is kept, nothing after them runs
    late = [c for c in default if c.name not in ("countries", "abroad")] + \
        [c for c in default if c.name == "countries"] + [c for c in default if c.name == "abroad"]
    stopped = analyzed(late)
    assert stopped.outside_coverage == "YE" and stopped.triggers and stopped.dates and not stopped.abroad
    # without a dateline reader it stops after the country words all the same
    assert analyzed([c for c in default if c.name != "dateline"]).outside_coverage == "YE"
    # without the country words it never stops
    whole = analyzed([c for c in default if c.name != "countries"])
    assert whole.outside_coverage is None and whole.triggers and whole.abroad
