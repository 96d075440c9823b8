"""`rasd compare` as a real subprocess: a store built by `rasd ingest` from the four test
articles, invented reference files of each kind, every output read back."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compare import (
    ACLED_HEADER,
    DEIR_EZ_ZOR,
    HASAKAH,
    OLD_ACLED_HEADER,
    RAQQA,
    UCDP_HEADER,
    acled,
    four_cases,
    old_acled,
    span_rows,
    write_csv,
)
from tests.store import STRIKE_DOCS, write_jsonl

HOMS = (34.73, 36.71)
# An article that is not in the store: the recall check finds it in the corpus only.
HOMS_DOC = {"id": "e", "outlet": "Al-Hal Net", "published": "2018-03-21",
            "text": "قُتل عشرة أشخاص في اشتباكات عنيفة في مدينة حمص يوم الثلاثاء، بحسب مصادر محلية."}


def rasd(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, env=dict(os.environ),
                          timeout=180, check=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    here = tmp_path_factory.mktemp("compare")
    corpus = write_jsonl(here / "docs.jsonl", STRIKE_DOCS)
    result = rasd("ingest", str(corpus), "--db", str(here / "s.sqlite"), "--workers", "1")
    assert result.returncode == 0, result.stderr.decode()
    write_jsonl(here / "corpus.jsonl", [*STRIKE_DOCS, HOMS_DOC])
    write_csv(here / "acled.csv", ACLED_HEADER, four_cases() + span_rows())
    return here


def compare(folder: Path, reference: str, *args: str) -> dict:
    result = rasd("compare", "--reference", str(folder / reference), "--db", str(folder / "s.sqlite"), "--json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_current_taxonomy(folder: Path) -> None:
    """Of the store's three events only the Raqqa strike of 9 March is in the file: the
    Hasakah one faces a strike 130 km away, the 6 March one a strike three days earlier
    and a protest. Shifted a week back, the 9 March strike finds the 3 March one: chance
    1/12, lift 4."""
    out = compare(folder, "acled.csv")
    assert out["reference"]["format"] == "ACLED" and out["reference"]["rows"] == 6
    assert out["window"] == {"since": "2018-02-01", "until": "2018-04-30"}
    for name in ("default", "strict"):
        confirmed = out["settings"][name]["rasd_confirmed"]
        assert (confirmed["n"], confirmed["matched"]) == (3, 1)
        found = out["settings"][name]["reference_found"]
        assert (found["n"], found["matched"]) == (4, 1)  # the Baghdad rows lie outside the articles' days
    default = out["settings"]["default"]["rasd_confirmed"]
    assert default["chance_by_shift"] == {"-14": 0.0, "-7": 0.3333, "7": 0.0, "14": 0.0}
    assert (default["chance"], default["lift"], default["excess"]) == (0.0833, 4.0, 0.25)
    assert out["settings"]["strict"]["rasd_confirmed"]["chance"] == 0.0  # no same-day match a week off
    assert out["settings"]["strict"]["thresholds"]["description"].startswith("same event type, same day, 10 km")
    types = {g["group"]: (g["n"], g["matched"]) for g in out["breakdowns"]["rasd"]["event_type"]}
    assert types == {"Explosions/Remote violence": (3, 1)}
    outlets = {g["group"]: (g["n"], g["matched"]) for g in out["breakdowns"]["rasd"]["outlet"]}
    assert outlets == {"Enab Baladi": (2, 1), "Al-Hal Net": (2, 1)}
    assert {g["group"] for g in out["breakdowns"]["reference"]["admin1"]} == {"Raqqa", "Deir ez-Zor"}
    left = out["unmatched"]
    assert (left["rasd_total"], left["reference_total"]) == (2, 3)
    hasakah = next(e for e in left["rasd"] if e["admin1"] == "Al-Hasakah")
    assert "الحسكة" in hasakah["quote"] and hasakah["outlets"] == ["Al-Hal Net"]
    assert left["reference"][0]["id"] == "SYR1002" and "Invented test event" in left["reference"][0]["notes"]


def test_thresholds_are_options(folder: Path) -> None:
    def confirmed(*args: str) -> int:
        return int(compare(folder, "acled.csv", *args)["settings"]["default"]["rasd_confirmed"]["matched"])

    assert confirmed("--days", "3") == 2  # the 6 March strike reaches the 3 March one
    assert confirmed("--type", "any") == 2  # ... or the protest of its day
    assert confirmed("--km", "150") == 2  # Hasakah and Deir ez-Zor, 131 km apart
    assert confirmed("--since", "2018-03-07") == 1
    out = compare(folder, "acled.csv", "--since", "2018-03-07", "--country", "Syria")
    assert out["counts"]["rasd_in_window"] == 2 and out["country"] == "SY"


def test_old_taxonomy_gives_the_same_answer(folder: Path) -> None:
    rows = [old_acled("1001", "09 March 2018", "Remote violence", RAQQA, "Raqqa", "Ar-Raqqa", 6),
            old_acled("1002", "2018-03-09T00:00:00", "Remote violence", DEIR_EZ_ZOR, "Deir-ez-Zor", "Deir-ez-Zor", 2),
            old_acled("1003", "03-Mar-18", "Remote violence", RAQQA, "Raqqa", "Ar-Raqqa", 1),
            old_acled("1004", "6 March 2018", "Riots/Protests", RAQQA, "Raqqa", "Ar-Raqqa"), *span_rows("old")]
    write_csv(folder / "old.csv", OLD_ACLED_HEADER, rows)
    out = compare(folder, "old.csv")
    assert out["settings"]["default"]["rasd_confirmed"]["matched"] == 1
    assert out["settings"]["default"]["reference_found"]["n"] == 4
    assert {g["group"] for g in out["breakdowns"]["reference"]["event_type"]} == \
        {"Explosions/Remote violence", "Protests or Riots"}


def test_ucdp_file(folder: Path) -> None:
    rows = [{"id": "1", "type_of_violence": 1, "where_prec": 1, "adm_1": "Ar Raqqah governorate", "latitude": RAQQA[0],
             "longitude": RAQQA[1], "country": "Syria", "date_prec": 1, "date_start": "2018-03-09 00:00:00.000",
             "date_end": "2018-03-09 00:00:00.000", "best": 6, "low": 5, "high": 8, "source_headline": "Invented"},
            {"id": "2", "type_of_violence": 3, "where_prec": 4, "adm_1": "Dayr az Zawr governorate",
             "latitude": DEIR_EZ_ZOR[0], "longitude": DEIR_EZ_ZOR[1], "country": "Syria", "date_prec": 1,
             "date_start": "2018-03-09", "date_end": "2018-03-09", "best": 2},
            {"id": "3", "type_of_violence": 2, "where_prec": 6, "country": "Syria", "date_prec": 1,
             "date_start": "2018-02-01", "date_end": "2018-02-01", "best": 1},
            {"id": "4", "type_of_violence": 2, "where_prec": 1, "adm_1": "Baghdad", "latitude": 33.3,
             "longitude": 44.4, "country": "Iraq", "date_prec": 1, "date_start": "2018-04-30", "date_end": "2018-04-30",
             "best": 1}]
    write_csv(folder / "ged.csv", UCDP_HEADER, rows)
    out = compare(folder, "ged.csv")
    assert out["reference"]["format"] == "UCDP GED"
    assert out["counts"]["reference_not_comparable"] == 1  # only the country is known
    confirmed = out["settings"]["default"]["rasd_confirmed"]
    assert (confirmed["n"], confirmed["matched"]) == (3, 1)  # every test event is a deadly strike: in scope
    assert out["unmatched"]["reference"][0]["id"] == "2"


def test_files_of_pairs_unmatched_and_geojson(folder: Path, tmp_path: Path) -> None:
    pairs, unmatched, layers = tmp_path / "pairs.csv", tmp_path / "unmatched.csv", tmp_path / "cmp.geojson"
    result = rasd("compare", "--reference", str(folder / "acled.csv"), "--db", str(folder / "s.sqlite"),
                  "--pairs-csv", str(pairs), "--unmatched-csv", str(unmatched), "--geojson", str(layers))
    assert result.returncode == 0, result.stderr.decode()
    (pair,) = list(csv.DictReader(pairs.open(encoding="utf-8")))
    assert (pair["reference_id"], pair["rasd_date"], pair["days_apart"], pair["place_rule"]) == \
        ("SYR1001", "2018-03-09", "0", "distance")
    assert float(pair["km_apart"]) < 0.1 and "الرقة" in pair["rasd_quote"] and pair["reference_fatalities"] == "6"
    rows = list(csv.DictReader(unmatched.open(encoding="utf-8")))
    assert sorted((r["side"], r["id"]) for r in rows) == [("rasd", "3"), ("rasd", "4"), ("reference", "SYR1002"),
                                                          ("reference", "SYR1003"), ("reference", "SYR1004")]
    collection = json.loads(layers.read_text(encoding="utf-8"))
    by_layer: dict[str, int] = {}
    for feature in collection["features"]:
        by_layer[feature["properties"]["layer"]] = by_layer.get(feature["properties"]["layer"], 0) + 1
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 42 and 34 < lat < 37
    assert by_layer == {"matched": 1, "rasd-only": 2, "reference-only": 3}
    matched = next(f for f in collection["features"] if f["properties"]["layer"] == "matched")
    assert matched["properties"]["reference_id"] == "SYR1001" and matched["properties"]["rasd_id"] == 1


def test_terminal_summary(folder: Path) -> None:
    result = rasd("compare", "--reference", str(folder / "acled.csv"), "--db", str(folder / "s.sqlite"))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "rasd events confirmed by ACLED" in out and "ACLED events found by rasd" in out
    default = next(line for line in out.splitlines() if "│ default" in line)
    assert "1 / 3" in default and "33.3%" in default and "8.3%" in default and "4.00×" in default
    assert "Invented test event SYR1002" in out and "الحسكة" in out


def test_bad_input(folder: Path, tmp_path: Path) -> None:
    missing = rasd("compare", "--reference", str(tmp_path / "none.csv"), "--db", str(folder / "s.sqlite"))
    assert missing.returncode == 2 and f"{tmp_path / 'none.csv'}: no such file" in missing.stderr.decode()
    gold = tmp_path / "gold.csv"
    gold.write_text("id,text\n1,x\n", encoding="utf-8")
    wrong = rasd("compare", "--reference", str(gold), "--db", str(folder / "s.sqlite"))
    assert wrong.returncode == 2 and f"{gold}: neither an ACLED export" in wrong.stderr.decode()
    rows = four_cases() + span_rows()
    rows[2] = dict(rows[2], event_date="March the 3rd")
    write_csv(tmp_path / "bad.csv", ACLED_HEADER, rows)
    bad = rasd("compare", "--reference", str(tmp_path / "bad.csv"), "--db", str(folder / "s.sqlite"), "--json")
    assert bad.returncode == 0
    assert f"skipped: {tmp_path / 'bad.csv'}:4: 'March the 3rd' is not a date" in bad.stderr.decode()
    assert json.loads(bad.stdout)["reference"]["skipped"] == 1
    no_db = rasd("compare", "--reference", str(folder / "acled.csv"), "--db", str(tmp_path / "none.sqlite"))
    assert no_db.returncode == 2 and "no such database" in no_db.stderr.decode()
    no_corpus = rasd("compare", "--reference", str(folder / "acled.csv"), "--db", str(folder / "s.sqlite"),
                     "--recall-check")
    assert no_corpus.returncode == 2 and "--corpus" in no_corpus.stderr.decode()


def test_recall_check(folder: Path) -> None:
    """Five deadly reference events: Raqqa and Hasakah (9 March) are named by articles in
    the store, which coded them; Homs (20 March) by an article that is not in the store;
    Deir ez-Zor by none; the invented village has no Arabic name in the gazetteer."""
    rows = [acled("SYR2001", "2018-03-09", "Explosions/Remote violence", "Air/drone strike", RAQQA, "Ar-Raqqa",
                  "Ar-Raqqa", 12),
            acled("SYR2002", "2018-03-09", "Explosions/Remote violence", "Air/drone strike", HASAKAH, "Al-Hasakeh",
                  "Al-Hasakeh", 12),
            acled("SYR2003", "2018-03-09", "Battles", "Armed clash", DEIR_EZ_ZOR, "Deir-ez-Zor", "Deir-ez-Zor", 15),
            acled("SYR2004", "2018-03-09", "Battles", "Armed clash", (35.6, 38.2), "Kafr Invented", "Ar-Raqqa", 11),
            acled("SYR2005", "2018-03-20", "Battles", "Armed clash", HOMS, "Homs", "Homs", 12),
            acled("SYR2006", "2018-03-09", "Battles", "Armed clash", RAQQA, "Ar-Raqqa", "Ar-Raqqa", 9),
            *span_rows()]
    write_csv(folder / "deadly.csv", ACLED_HEADER, rows)
    out = compare(folder, "deadly.csv", "--recall-check", "--corpus", str(folder / "corpus.jsonl"))
    recall = out["recall_check"]
    assert recall["figures"] == {"reference_events": 5, "named": 4, "carried": 3, "articles": 5,
                                 "articles_in_store": 4, "coded": 2, "coded_same_type": 2}
    (missed,) = recall["missed"]
    assert (missed["id"], missed["name_ar"], missed["articles"]) == ("SYR2005", "حمص", ["e"])
    assert "اشتباكات عنيفة في مدينة حمص" in missed["sentence"]
    terminal = rasd("compare", "--reference", str(folder / "deadly.csv"), "--db", str(folder / "s.sqlite"),
                    "--recall-check", "--corpus", str(folder / "corpus.jsonl"))
    assert "recall on the events rasd's own sources carried: 66.7% (2 of 3)" in terminal.stdout.decode()
