"""Event rows in ACLED's export column names, so existing ACLED workflows load rasd
output; rasd's own fields (``date_end``, ``location_ar``, ranges, confidence, the
document id) follow ACLED's columns."""

from __future__ import annotations

import csv
import io
from typing import Callable, Iterable, TextIO

from rasd.model import Event

COUNTRIES = {"SY": ("Syria", 760, "Middle East"), "IQ": ("Iraq", 368, "Middle East"),
             "TR": ("Turkey", 792, "Middle East"), "LB": ("Lebanon", 422, "Middle East"),
             "JO": ("Jordan", 400, "Middle East"), "YE": ("Yemen", 887, "Middle East"),
             "LY": ("Libya", 434, "Northern Africa")}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
RASD_COLUMNS = ["date_end", "location_ar", "gazetteer_id", "fatalities_low", "fatalities_high",
                "confidence", "doc_id"]

_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Riots": "Demonstrations",
             "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_row(event: Event, number: int, inter_of: Callable[[str | None], int | None]) -> dict[str, object]:
    country, iso, region = COUNTRIES.get(event.country or "", (event.country or "", "", ""))
    inter1, inter2 = inter_of(event.actor1), inter_of(event.actor2)
    return {
        "event_id_cnty": f"{event.country or 'XX'}RASD{number}",
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": event.time_precision,
        "disorder_type": _DISORDER.get(event.event_type, ""),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "assoc_actor_1": "; ".join(event.assoc_actor1),
        "inter1": inter1 or "", "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor2), "inter2": inter2 or "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if event.actor2 == "Civilians" else "",
        "iso": iso, "region": region, "country": country,
        "admin1": event.admin1 or "", "admin2": event.admin2 or "", "admin3": "",
        "location": event.location or "", "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "",
        "geo_precision": event.geo_precision, "source": "; ".join(event.reported_by),
        "source_scale": "", "notes": event.notes, "fatalities": event.fatalities, "tags": "",
        "timestamp": "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "location_ar": event.location_ar or "", "gazetteer_id": event.gazetteer_id or "",
        "fatalities_low": "" if event.fatalities_low is None else event.fatalities_low,
        "fatalities_high": "" if event.fatalities_high is None else event.fatalities_high,
        "confidence": event.confidence, "doc_id": event.doc_id or "",
    }


class CsvWriter:
    """ACLED-column CSV rows written as they come (a corpus run streams)."""

    def __init__(self, stream: TextIO, inter_of: Callable[[str | None], int | None]) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS + RASD_COLUMNS, lineterminator="\n")
        self._writer.writeheader()
        self._inter_of = inter_of
        self._count = 0

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            self._count += 1
            self._writer.writerow(acled_row(event, self._count, self._inter_of))


def to_csv(events: Iterable[Event], inter_of: Callable[[str | None], int | None]) -> str:
    buffer = io.StringIO()
    CsvWriter(buffer, inter_of).write(events)
    return buffer.getvalue()
