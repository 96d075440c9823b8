"""rasd (رصد): Arabic conflict reporting → structured, geolocated, dated, source-attributed
event data in the ACLED taxonomy.

    >>> import rasd
    >>> events = rasd.extract("قتل 3 مدنيين في قصف لقوات النظام على مدينة دوما يوم الجمعة",
    ...                       published="2018-03-10")
    >>> events[0].sub_event_type, events[0].actor1, events[0].location, events[0].fatalities
    ('Shelling/artillery/missile attack', 'Syrian Government Forces', 'Douma', 3)

``extract`` keeps one pipeline per gazetteer for the process; for many documents, or
for your own components, make a ``Pipeline`` and call its ``extract``/``analyze``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasd.errors import DataError, InputError, RasdError, StoreError
from rasd.model import Document, Event, Evidence, Mention, Span

if TYPE_CHECKING:
    from rasd.analysis import Analysis
    from rasd.pipeline import Pipeline

try:
    __version__ = version("rasd")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["DataError", "Document", "Event", "Evidence", "InputError", "Mention", "Pipeline", "RasdError",
           "Span", "StoreError", "__version__", "analyze", "extract"]


@lru_cache(maxsize=4)
def _pipeline(gazetteer: Path | None) -> Pipeline:
    from rasd.pipeline import Pipeline

    return Pipeline(gazetteer_path=gazetteer)


def _document(text: str, published: dt.date | str | None, doc_id: str, **fields: Any) -> Document:
    from pydantic import ValidationError

    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{doc_id}: text is empty or not a string")
    try:
        return Document.model_validate({"id": doc_id, "text": text, "published": published, **fields})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{doc_id}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def extract(text: str, published: dt.date | str | None = None, *, outlet: str | None = None,
            title: str | None = None, doc_id: str = "text", gazetteer: str | Path | None = None) -> list[Event]:
    """The events an Arabic article reports, each with the spans of ``text`` it was read from.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates ("أمس", "الجمعة");
    without it they stay unresolved rather than invented. ``gazetteer`` is a gazetteer
    file or folder (default: the installed one, else the embedded governorates).
    Raises ``InputError`` for an empty text or a bad date, ``DataError`` for an
    unreadable gazetteer.
    """
    doc = _document(text, published, doc_id, outlet=outlet, title=title)
    return _pipeline(Path(gazetteer) if gazetteer else None).extract(doc)


def analyze(text: str, published: dt.date | str | None = None, *, doc_id: str = "text",
            gazetteer: str | Path | None = None) -> Analysis:
    """Everything the recognizers found in ``text`` (dates, places, actors, counts,
    people, sources, triggers), without assembling events."""
    doc = _document(text, published, doc_id)
    return _pipeline(Path(gazetteer) if gazetteer else None).analyze(doc)


def __getattr__(name: str) -> Any:
    # The pipeline pulls in the recognizers; load it only when asked for.
    if name == "Pipeline":
        from rasd.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
