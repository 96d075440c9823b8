"""Reading reference files: both ACLED taxonomies, UCDP GED, date formats, bad rows and
files that are neither."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from rasd.compare.names import acled_type, admin1_key, country_code, loose_key
from rasd.compare.reference import (
    ACLED,
    UCDP,
    ReferenceError,
    parse_date,
    read_reference,
)
from tests.compare import (
    ACLED_HEADER,
    BAGHDAD,
    OLD_ACLED_HEADER,
    RAQQA,
    UCDP_HEADER,
    four_cases,
    old_acled,
    write_csv,
)


@pytest.mark.parametrize("text", ["2018-01-05", "05 January 2018", "5 January 2018", "05-Jan-18", "5-Jan-2018",
                                  "2018-01-05T00:00:00", "2018-01-05 00:00:00.000", "2018-01-05T00:00:00Z",
                                  "January 5, 2018", "05 Jan 2018", "2018/01/05"])
def test_dates_in_the_forms_exports_use(text: str) -> None:
    assert parse_date(text) == dt.date(2018, 1, 5)


@pytest.mark.parametrize("text", ["01/05/2018", "2018-13-01", "yesterday", "", "31 February 2018"])
def test_dates_that_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date|out of range|must be in"):
        parse_date(text)


def test_current_acled_export(tmp_path: Path) -> None:
    ref = read_reference(write_csv(tmp_path / "acled.csv", ACLED_HEADER, four_cases()))
    assert ref.format == ACLED and ref.rows == 4 and not ref.skipped
    first = ref.events[0]
    assert (first.id, first.date, first.line) == ("SYR1001", dt.date(2018, 3, 9), 2)
    assert first.mapped.types == {"Explosions/Remote violence"} and first.mapped.sub_event_type == "Air/drone strike"
    assert (first.country, first.admin1, first.admin1_raw) == ("SY", "Raqqa", "Ar-Raqqa")
    assert (first.lat, first.lon, first.geo_precision, first.fatalities) == (*RAQQA, 1, 6)
    assert ref.events[1].admin1 == "Deir ez-Zor"
    assert ref.span == (dt.date(2018, 3, 3), dt.date(2018, 3, 9))


def test_acled_2018_taxonomy_and_date_formats(tmp_path: Path) -> None:
    rows = [old_acled("1", "28-Feb-18", "Remote violence", RAQQA, "Raqqa", "Ar-Raqqa", 4),
            old_acled("2", "05 March 2018", "Battle-Government regains territory", RAQQA, "Raqqa", "Ar-Raqqa"),
            old_acled("3", "2018-03-06T00:00:00", "Riots/Protests", BAGHDAD, "Baghdad", "Baghdad"),
            old_acled("4", "2018-03-07", "Battle-No change of territory", RAQQA, "Raqqa", "Ar-Raqqa"),
            old_acled("5", "2018-03-08", "Non-violent transfer of territory", RAQQA, "Raqqa", "Ar-Raqqa"),
            old_acled("6", "2018-03-08", "Strategic development", RAQQA, "Raqqa", "Ar-Raqqa")]
    ref = read_reference(write_csv(tmp_path / "old.csv", OLD_ACLED_HEADER, rows))
    assert not ref.skipped, ref.skipped
    by_id = {e.id: e for e in ref.events}
    assert by_id["1"].date == dt.date(2018, 2, 28)  # data_id stands in for the missing event_id_cnty
    assert by_id["1"].mapped.types == {"Explosions/Remote violence"} and by_id["1"].mapped.sub_event_type is None
    assert by_id["2"].mapped.sub_event_type == "Government regains territory" and by_id["2"].date.day == 5
    assert by_id["3"].mapped.types == {"Protests", "Riots"} and by_id["3"].country == "SY"  # numeric iso 760 too
    assert by_id["4"].mapped.sub_event_type == "Armed clash"
    assert by_id["5"].mapped.types == {"Strategic developments"}
    assert by_id["5"].mapped.sub_event_type == "Non-violent transfer of territory"
    assert by_id["6"].mapped.label == "Strategic developments" and by_id["1"].original_type == "Remote violence"


def test_ucdp_ged(tmp_path: Path) -> None:
    rows = [
        {"id": "700001", "year": 2018, "type_of_violence": 1, "side_a": "Government of Syria", "side_b": "Syrian insurgents",
         "where_prec": 1, "where_coordinates": "Ar Raqqah town", "adm_1": "Ar Raqqah governorate",
         "latitude": RAQQA[0], "longitude": RAQQA[1], "country": "Syria", "country_id": 652, "date_prec": 1,
         "date_start": "2018-03-09 00:00:00.000", "date_end": "2018-03-09 00:00:00.000", "best": 7, "low": 5, "high": 9,
         "source_headline": "Invented headline"},
        {"id": "700002", "year": 2018, "type_of_violence": 3, "where_prec": 4, "adm_1": "Baghdad province",
         "latitude": BAGHDAD[0], "longitude": BAGHDAD[1], "country": "Iraq", "date_prec": 1,
         "date_start": "2018-03-10", "date_end": "2018-03-10", "best": 2},
        {"id": "700003", "year": 2018, "type_of_violence": 2, "where_prec": 6, "country": "Syria", "date_prec": 4,
         "date_start": "2018-03-01", "date_end": "2018-03-31", "best": 30},
    ]
    ref = read_reference(write_csv(tmp_path / "ged.csv", UCDP_HEADER, rows))
    assert ref.format == UCDP and not ref.skipped
    strike, one_sided, vague = ref.events
    assert strike.mapped.types == {"Battles", "Explosions/Remote violence"}
    assert (strike.fatalities, strike.fatalities_low, strike.fatalities_high) == (7, 5, 9)
    assert (strike.admin1, strike.country, strike.geo_precision, strike.time_precision) == ("Raqqa", "SY", 1, 1)
    assert one_sided.mapped.types == {"Violence against civilians", "Explosions/Remote violence"}
    assert one_sided.geo_precision == 3 and one_sided.admin1 == "Baghdad" and one_sided.comparable
    assert vague.geo_precision is None and vague.time_precision == 3 and not vague.comparable
    assert "One-sided violence" in one_sided.original_type


def test_bad_rows_are_skipped_counted_and_located(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    rows = four_cases()
    rows[1] = dict(rows[1], event_date="31/02/2018")
    rows[2] = dict(rows[2], event_type="Looting spree")
    rows[3] = dict(rows[3], latitude="north")
    write_csv(path, ACLED_HEADER, rows)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('SYR9,2018-03-10,2018,1,,Protests,Peaceful protest,A,,760,ME,Syria,Raqqa,,"multi\nline",'
                     '35.9,39.0,1,S,n,0,EXTRA\n')
        handle.write("SYR10,2018-03-11,2018,1,,Protests,Peaceful protest,A,,760,ME,Syria,Raqqa,,Raqqa,35.9,39.0,1,"
                     "S,n,two\n")
    ref = read_reference(path)
    assert ref.rows == 6 and [e.id for e in ref.events] == ["SYR1001"]
    problems = {p.line: p.problem for p in ref.skipped}
    assert "'31/02/2018' is not a date" in problems[3]
    assert "unknown event_type 'Looting spree'" in problems[4]
    assert "latitude 'north' is not a number" in problems[5]
    assert "22 fields, the header has 21" in problems[6]  # the row starts on line 6, its quoted field spans two
    assert "fatalities 'two' is not a number" in problems[8]
    assert str(ref.skipped[0]).startswith(f"{path}:3: ")


def test_files_that_are_not_reference_files(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match="no such file"):
        read_reference(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(ReferenceError, match=f"{empty}: empty file"):
        read_reference(empty)
    other = tmp_path / "gold.csv"
    other.write_text("id,text,published\n1,نص,2018-03-01\n", encoding="utf-8")
    with pytest.raises(ReferenceError, match=f"{other}: neither an ACLED export .* its header is: id, text, published"):
        read_reference(other)
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    with pytest.raises(ReferenceError, match=f"{binary}: "):
        read_reference(binary)
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_csv(folder / "a.csv", ACLED_HEADER, four_cases())
    write_csv(folder / "b.csv", UCDP_HEADER, [])
    with pytest.raises(ReferenceError, match="both ACLED and UCDP"):
        read_reference(folder)


def test_a_folder_and_a_gzipped_file(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", ACLED_HEADER, four_cases()[:2])
    plain = write_csv(tmp_path / "b.csv.tmp", ACLED_HEADER, four_cases()[2:])
    (tmp_path / "b.csv.gz").write_bytes(gzip.compress(plain.read_bytes()))
    ref = read_reference(tmp_path)
    assert ref.format == ACLED and ref.rows == 4 and len(ref.events) == 4


def test_names() -> None:
    assert {admin1_key(n) for n in ("Idleb", "Idlib", "Idlib governorate", "IDLEB")} == {"Idlib"}
    assert {admin1_key(n) for n in ("Rural Damascus", "Rif Dimashq")} == {"Rif Dimashq"}
    assert {admin1_key(n) for n in ("Al-Hasakeh", "Al?Hasakeh", "Al-Hasakah")} == {"Al-Hasakah"}
    assert {admin1_key(n) for n in ("Sala al-Din", "Salah ad Din province")} == {"Sala ad-Din"}
    assert admin1_key("Nowhere Land") == "nowhereland" and admin1_key("") is None
    assert loose_key("Aleppo") == "aleppo"  # a leading "al" is an article only as a word of its own
    assert [country_code(v) for v in ("Syria", "760", "SYR", "iq", "Atlantis")] == ["SY", "SY", "SY", "IQ", None]
    assert acled_type("Battles", "Armed clash").sub_event_type == "Armed clash"  # type: ignore[union-attr]
    assert acled_type("explosions / remote violence").types == {"Explosions/Remote violence"}  # type: ignore[union-attr]
    assert acled_type("Looting spree") is None
