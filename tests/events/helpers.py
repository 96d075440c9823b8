"""Running the assembly on a sentence, for the rule tests of this package."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.events.assemble import assemble
from rasd.model import Document, Event


def events_of(pipeline: Any, text: str, published: str, trace: list | None = None) -> list[Event]:
    """The events rasd codes in ``text`` published on ``published`` (``trace`` collects
    the ``--explain`` records)."""
    doc = Document(id="t", text=text, published=dt.date.fromisoformat(published))
    return assemble(pipeline.analyze(doc), pipeline.gazetteer, trace)


def drops_of(pipeline: Any, text: str, published: str) -> tuple[list[Event], list[str]]:
    """The events coded in ``text`` and the rule that dropped each dropped candidate."""
    trace: list[dict] = []
    events = events_of(pipeline, text, published, trace)
    return events, [r["dropped"]["rule"] for r in trace if "dropped" in r]
