"""The data model shared by every stage: documents in, mentions between, events out.

Everything that points into an article does so with ``start``/``end`` indices into the
ORIGINAL ``Document.text`` (Python string indices), never into a normalized copy, so a
reviewer can always highlight the exact characters a field came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

EVENT_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    ),
    "Violence against civilians": (
        "Attack",
        "Abduction/forced disappearance",
        "Sexual violence",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Arrests",
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Disrupted weapons use",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {s: t for t, subs in EVENT_TAXONOMY.items() for s in subs}


def _event_type(value: str) -> str:
    if value not in EVENT_TAXONOMY:
        raise ValueError(f"unknown event type {value!r}")
    return value


def _sub_event_type(value: str) -> str:
    if value not in EVENT_TYPE_OF:
        raise ValueError(f"unknown sub-event type {value!r}")
    return value


# Plain strings in Python (code compares and indexes them as such), validated against the
# taxonomy, and enums in the JSON Schema.
EventType = Annotated[str, AfterValidator(_event_type),
                      WithJsonSchema({"type": "string", "enum": list(EVENT_TAXONOMY)})]
SubEventType = Annotated[str, AfterValidator(_sub_event_type),
                         WithJsonSchema({"type": "string", "enum": list(EVENT_TYPE_OF)})]
TimePrecision = Literal[1, 2, 3]
GeoPrecision = Literal[1, 2, 3]


class Document(BaseModel):
    """One article (event-schema.md §1)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _date_part(cls, value: Any) -> Any:
        # Corpus timestamps carry a time and zone ("2018-02-17T16:53:08+04:00"); the
        # anchor for relative dates is the local calendar day the outlet printed.
        if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
            return value[:10]
        return value


class Span(BaseModel):
    """Characters ``text[start:end]`` of the original document."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


MentionKind = Literal[
    "date", "place", "actor", "person", "number", "source", "trigger", "cue", "reference"
]


class Mention(BaseModel):
    """Something recognized in the text: its kind, where it is, and what it means."""

    kind: MentionKind
    span: Span
    value: dict[str, Any] = Field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


class Evidence(BaseModel):
    """The span of the document that supports one field of an event."""

    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Event(BaseModel):
    """One real-world event an article reports (event-schema.md §2)."""

    event_type: EventType
    sub_event_type: SubEventType
    date: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: TimePrecision = 3
    actor1: str
    actor2: str | None = None
    assoc_actor1: list[str] = Field(default_factory=list)
    assoc_actor2: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: GeoPrecision = 3
    gazetteer_id: str | None = None
    fatalities: int = Field(default=0, ge=0)
    fatalities_low: int | None = Field(default=None, ge=0)
    fatalities_high: int | None = Field(default=None, ge=0)
    reported_by: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: str = ""
    confidence: float = Field(default=0.5, ge=0, le=1)
    doc_id: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if EVENT_TYPE_OF[self.sub_event_type] != self.event_type:
            raise ValueError(
                f"sub_event_type {self.sub_event_type!r} does not belong to {self.event_type!r}"
            )
        if self.date and self.date_end and self.date_end < self.date:
            raise ValueError(f"date_end {self.date_end} before date {self.date}")
        if self.date and self.date_end is None:
            self.date_end = self.date
        return self


def event_json_schema() -> dict[str, Any]:
    """JSON Schema of the event record, for users validating rasd output."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "rasd event"
    return schema
