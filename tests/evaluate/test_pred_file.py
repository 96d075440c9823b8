"""``rasd evaluate --pred FILE``: scoring a file of events (another coder's gold, or rasd's
own JSONL output) instead of extracting them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.evaluate.runner import GoldError, score_file
from tests.conftest import SHARED_DATA, needs_shared

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
          "date": "2018-06-01", "date_end": "2018-06-01", "time_precision": 1,
          "actor1": "Russian Forces", "actor2": "Civilians", "country": "SY", "admin1": "Idlib",
          "location": "Ariha", "location_ar": "أريحا", "geo_precision": 1, "fatalities": 4,
          "latitude": 35.81, "longitude": 36.61, "quote": "غارات على أريحا"}


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_gold_against_another_coding(tmp_path: Path) -> None:
    gold = _write(tmp_path / "a.jsonl", [{"id": "d1", "events": [STRIKE]}, {"id": "d2", "events": []}])
    other = dict(STRIKE, fatalities=5, date="2018-06-04", date_end="2018-06-04")  # a date three days off
    second = _write(tmp_path / "b.jsonl", [{"id": "d1", "events": [dict(STRIKE, fatalities=5)]},
                                           {"id": "d2", "events": [other]}])
    figures = score_file(gold, second).figures
    assert figures["n_matched"] == 1 and figures["n_pred"] == 2
    assert figures["event_precision"] == 0.5 and figures["event_recall"] == 1.0
    assert figures["fatalities_exact"] == 0.0 and figures["negative_docs_clean"] == 0.0


def test_rasd_event_lines_are_grouped_by_document(tmp_path: Path) -> None:
    gold = _write(tmp_path / "g.jsonl", [{"id": "d1", "events": [STRIKE]}, {"id": "d2", "events": []}])
    pred = _write(tmp_path / "p.jsonl", [dict(STRIKE, doc_id="d1")])  # d2: no line, nothing predicted
    figures = score_file(gold, pred).figures
    assert figures["event_f1"] == 1.0 and figures["negative_docs_clean"] == 1.0


def test_a_line_that_is_neither_is_an_error_naming_it(tmp_path: Path) -> None:
    gold = _write(tmp_path / "g.jsonl", [{"id": "d1", "events": [STRIKE]}])
    pred = _write(tmp_path / "p.jsonl", [{"id": "d1", "events": [STRIKE]}, {"what": 1}])
    with pytest.raises(GoldError, match=r"p\.jsonl:2"):
        score_file(gold, pred)


def test_cli_pred_needs_no_corpus(tmp_path: Path) -> None:
    gold = _write(tmp_path / "g.jsonl", [{"id": "d1", "events": [STRIKE]}])
    result = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(gold), "--json"],
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["event_f1"] == 1.0


@needs_shared
def test_saved_events_score_as_the_extraction_did(tmp_path: Path) -> None:
    gold_lines = [json.loads(line) for line in (SHARED_DATA / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:6]]
    gold = _write(tmp_path / "gold.jsonl", gold_lines)
    corpora = [str(p) for p in sorted((SHARED_DATA / "corpus").glob("*.jsonl.gz"))]
    saved = tmp_path / "events.jsonl"

    def evaluate(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), *args, "--json"],
                              capture_output=True, check=False, env={**os.environ, "COLUMNS": "400"})

    extracted = evaluate("--corpus", *corpora, "--gazetteer", str(SHARED_DATA / "gazetteer"), "--save-pred", str(saved))
    assert extracted.returncode == 0, extracted.stderr.decode()
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert lines and {e["doc_id"] for e in lines} <= {g["id"] for g in gold_lines}
    assert json.loads(evaluate("--pred", str(saved)).stdout) == json.loads(extracted.stdout)
    assert not list(tmp_path.glob("*.partial"))

    both = evaluate("--pred", str(saved), "--save-pred", str(tmp_path / "again.jsonl"))
    assert both.returncode == 2 and b"--save-pred" in both.stderr and not (tmp_path / "again.jsonl").exists()
    nowhere = evaluate("--corpus", *corpora, "--save-pred", str(tmp_path / "missing-folder" / "events.jsonl"))
    assert nowhere.returncode == 2 and b"missing-folder" in nowhere.stderr and b"cannot write" in nowhere.stderr
    folder = evaluate("--corpus", *corpora, "--save-pred", str(tmp_path))
    assert folder.returncode == 2 and b"it is a folder" in folder.stderr
