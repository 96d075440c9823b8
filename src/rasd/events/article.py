"""What assembly knows about an article while it walks its clauses: the events coded so
far (a later clause may refer back to them), the place of the last candidate, and the
article-wide facts computed the first time a rule needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from rasd.analysis import Analysis
from rasd.events.document import ActorSalience, country_counts, foreign_country, wholly_foreign_country
from rasd.model import Event
from rasd.resolve.gazetteer import Gazetteer

if TYPE_CHECKING:
    from rasd.events.where import PlacePick


@dataclass
class Emitted:
    """An event coded from one clause, with what merging it within the article needs."""

    event: Event
    anaphoric: bool  # its trigger is a definite noun that may refer back ("الهجوم")
    specificity: int  # how precisely its place is known (``where.specificity``)
    weak_date: bool  # dated only by the no-date default or the day of a statement
    place_key: str | None
    segment: int  # start of its clause
    sentence: int  # index of its sentence
    picks: list[PlacePick]
    features: dict[str, float] = field(default_factory=dict)  # the confidence model's inputs
    absorbed_from: set[int] = field(default_factory=set)  # the clauses of the events merged into it
    place_borrowed: bool = False  # its place is the article's focus, not one its clause names
    clause_places: frozenset[str] = frozenset()  # the gazetteer places its clause names
    toll_alone: bool = False  # an attack told by a death word alone: a toll, kept only in an act
    another: bool = False  # its trigger is followed by "another" ("تفجير آخر", "الضربات الأخرى"): no repeat
    unnumbered_toll: bool = False  # its toll is read from words, not a number ("سقوط قتلى", "مقتل العشرات")
    announced_on_its_day: bool = False  # dated by the day it was announced (when.When), which may follow the act by a day


@dataclass
class Reference:
    """A mention of an event reported before ("ندد بالهجوم الكيميائي على دوما"): not a new
    event, but a report that names one; the store links it to that event."""

    sub_event_type: str
    location: str | None
    location_ar: str | None
    gazetteer_id: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    published: str | None
    doc_id: str
    evidence: dict[str, object]  # the clause, as original-text offsets and text


@dataclass
class ArticleState:
    analysis: Analysis
    gazetteer: Gazetteer
    events: list[Emitted] = field(default_factory=list)
    last_of_type: dict[str, Emitted] = field(default_factory=dict)  # event type → its last event
    sub_types: set[str] = field(default_factory=set)  # the sub-event types coded so far
    previous_place: list[PlacePick] = field(default_factory=list)  # the last candidate's places
    references: list[Reference] = field(default_factory=list)  # earlier events the article speaks of

    @property
    def norm(self) -> str:
        return self.analysis.ntext.norm

    @cached_property
    def salience(self) -> ActorSalience:
        """The article's actor salience, made when a candidate first needs its sides."""
        return ActorSalience(self.analysis)

    @cached_property
    def focus(self) -> PlacePick | None:
        """The settlement the article is about (``where.focus_place``)."""
        from rasd.events.where import focus_place

        return focus_place(self.analysis)

    @cached_property
    def foreign(self) -> str | None:
        """The uncovered country the article is clearly about (``document.foreign_country``)."""
        return foreign_country(country_counts(self.analysis, 0, len(self.norm)))

    @property
    def wholly_foreign(self) -> bool:
        """About an uncovered country and naming Syria or Iraq nowhere
        (``document.wholly_foreign_country``): no event or reference to code."""
        return wholly_foreign_country(self.analysis) is not None
