"""Temporal expressions: recognized in normalized text, resolved against publication.

Each expression becomes a ``date`` mention whose value holds ``date``/``date_end`` (ISO),
``precision`` (ACLED time precision 1/2/3), ``category`` and flags the event stage uses:
``background`` (a year or an old date), ``future``, ``unresolved`` (needs a publication
date the document does not have; the year is never invented).

``calendar`` builds the patterns from the words of ``data/calendar.yaml``, ``find``
locates expressions, ``resolve`` turns each kind into a window of days.
"""

from rasd.recognize.dates.calendar import CalendarWords, calendar_words
from rasd.recognize.dates.find import DateMatch, find_dates

__all__ = ["CalendarWords", "DateMatch", "calendar_words", "find_dates"]
