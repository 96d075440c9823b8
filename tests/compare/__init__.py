"""Tests of `rasd compare`. Every reference file here is invented for the tests (made-up
ids, notes and tolls at real places): the ACLED file in ../shared is for internal checks
only and nothing of it is copied here. The rasd side is the store of ``tests.store``'s
four articles: a Coalition strike on Raqqa on Friday 9 March 2018 (two articles), one
on Hasakah the same day, and one on Raqqa on Tuesday 6 March."""

from __future__ import annotations

import csv
from pathlib import Path

RAQQA = (35.95, 39.009)
HASAKAH = (36.502, 40.747)
DEIR_EZ_ZOR = (35.336, 40.141)
BAGHDAD = (33.315, 44.366)

ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "actor2", "iso", "region", "country", "admin1", "admin2", "location",
                "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
OLD_ACLED_HEADER = ["data_id", "iso", "event_id_cnty", "event_date", "year", "time_precision", "event_type", "actor1",
                    "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                    "source", "notes", "fatalities"]
UCDP_HEADER = ["id", "year", "type_of_violence", "conflict_name", "side_a", "side_b", "source_office",
               "source_headline", "where_prec", "where_coordinates", "adm_1", "latitude", "longitude", "country",
               "country_id", "date_prec", "date_start", "date_end", "deaths_civilians", "best", "high", "low"]


def write_csv(path: Path, header: list[str], rows: list[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in header})
    return path


def acled(ident: str, date: str, event_type: str, sub: str, place: tuple[float, float], location: str,
          admin1: str, deaths: int = 0, country: str = "Syria", precision: int = 1) -> dict[str, object]:
    """An invented row of ACLED's current export."""
    return {"event_id_cnty": ident, "event_date": date, "year": date[-4:] if " " in date else date[:4],
            "time_precision": 1, "event_type": event_type, "sub_event_type": sub, "actor1": "Invented Actor",
            "iso": 760 if country == "Syria" else 368, "region": "Middle East", "country": country, "admin1": admin1,
            "location": location, "latitude": place[0], "longitude": place[1], "geo_precision": precision,
            "source": "Invented Monitor", "notes": f"Invented test event {ident} at {location}.", "fatalities": deaths}


def old_acled(ident: str, date: str, event_type: str, place: tuple[float, float], location: str, admin1: str,
              deaths: int = 0, precision: int = 1) -> dict[str, object]:
    """An invented row in ACLED's pre-2019 layout (no sub-event type, numeric iso)."""
    return {"data_id": ident, "iso": 760, "event_id_cnty": "", "event_date": date, "year": 2018, "time_precision": 1,
            "event_type": event_type, "actor1": "Invented Actor", "country": "Syria", "admin1": admin1,
            "location": location, "latitude": place[0], "longitude": place[1], "geo_precision": precision,
            "source": "Invented Monitor", "notes": f"Invented old-taxonomy event {ident}.", "fatalities": deaths}


def span_rows(make: str = "acled") -> list[dict[str, object]]:
    """Two far-off invented events (Baghdad, 1 February and 30 April 2018) that give a
    small reference file the span of a real one, so the shifted dates stay inside it."""
    if make == "old":
        return [old_acled("90001", "01-Feb-18", "Riots/Protests", BAGHDAD, "Baghdad", "Baghdad"),
                old_acled("90002", "30-Apr-18", "Riots/Protests", BAGHDAD, "Baghdad", "Baghdad")]
    return [acled("IRQ90001", "2018-02-01", "Protests", "Peaceful protest", BAGHDAD, "Baghdad", "Baghdad", country="Iraq"),
            acled("IRQ90002", "2018-04-30", "Protests", "Peaceful protest", BAGHDAD, "Baghdad", "Baghdad", country="Iraq")]


def four_cases() -> list[dict[str, object]]:
    """Current-taxonomy rows against the test store: a perfect match (Raqqa, 9 March), a
    far place (Deir ez-Zor, 9 March, where the store has Hasakah), a shifted date (Raqqa,
    3 March: three days before the store's 6 March strike) and a type mismatch (a protest
    in Raqqa on 6 March)."""
    return [
        acled("SYR1001", "2018-03-09", "Explosions/Remote violence", "Air/drone strike", RAQQA, "Ar-Raqqa", "Ar-Raqqa", 6),
        acled("SYR1002", "2018-03-09", "Explosions/Remote violence", "Air/drone strike", DEIR_EZ_ZOR, "Deir-ez-Zor",
              "Deir-ez-Zor", 2),
        acled("SYR1003", "2018-03-03", "Explosions/Remote violence", "Air/drone strike", RAQQA, "Ar-Raqqa", "Ar-Raqqa", 1),
        acled("SYR1004", "2018-03-06", "Protests", "Peaceful protest", RAQQA, "Ar-Raqqa", "Ar-Raqqa"),
    ]


def serve_with_reference(folder: Path):  # type: ignore[no-untyped-def]
    """A running ``rasd serve`` over the test store with the invented ACLED file (all
    four cases and the date spans) as its reference layer; stop it with ``stop_server``."""
    from tests.serve.conftest import build_store, start_server

    reference = write_csv(folder / "acled.csv", ACLED_HEADER, four_cases() + span_rows())
    return start_server(build_store(folder), "--reference", str(reference))
