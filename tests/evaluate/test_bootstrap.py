"""Intervals of ``rasd evaluate`` figures from resampling gold documents, and the paired
difference between two sets of predictions (``--bootstrap``, ``--compare``)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.evaluate.bootstrap import Bootstrap, by_group, by_type
from rasd.evaluate.runner import GoldError, groups_of, load_gold, load_predictions, score_against, score_file
from rasd.evaluate.scorer import figures_of, score
from tests.conftest import SHARED_DATA, needs_shared

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
          "date": "2018-06-01", "date_end": "2018-06-01", "time_precision": 1,
          "actor1": "Russian Forces", "actor2": "Civilians", "country": "SY", "admin1": "Idlib",
          "location": "Ariha", "location_ar": "أريحا", "geo_precision": 1, "fatalities": 4,
          "latitude": 35.81, "longitude": 36.61}


def _strikes(n: int, **fields: object) -> list[dict]:
    """``n`` strikes four days apart (each matches only its own copy)."""
    days = [(dt.date(2018, 6, 1) + dt.timedelta(days=4 * k)).isoformat() for k in range(n)]
    return [dict(STRIKE, date=day, date_end=day, **fields) for day in days]


#: Where none of ``_strikes`` happened.
ELSEWHERE = {"admin1": "Ar-Raqqa", "location": "Raqqa", "location_ar": "الرقة", "latitude": 35.95, "longitude": 39.01}


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


@needs_shared
def test_the_figures_of_some_documents_tallies_are_those_of_scoring_them_alone() -> None:
    """What resampling relies on: every figure adds up over documents."""
    gold = load_gold(SHARED_DATA / "gold" / "dev.jsonl")
    # predictions: each document's gold events with every other one left out and the actors of the rest swapped
    pred = {g["id"]: [dict(e, actor1=e.get("actor2") or "x", actor2=e["actor1"]) for e in g["events"][::2]] for g in gold}
    result = score(gold, pred)
    assert [t.doc_id for t in result.tallies] == [g["id"] for g in gold]
    for part in (slice(None, None, 2), slice(1, None, 3), slice(5, 6)):
        alone = score(gold[part], pred).figures
        assert figures_of(result.tallies[part]) == alone
    assert 0 < result.figures["event_recall"] < 1 and result.figures["actor1_accuracy"] < 1  # type: ignore[operator]


def test_documents_are_resampled_not_events() -> None:
    """One article with ten strikes found and one with ten missed: resampling events would
    put recall near 0.5 every time; resampling articles draws both, either or neither."""
    gold = [{"id": "found", "events": _strikes(10)}, {"id": "missed", "events": _strikes(10)}]
    result = score(gold, {"found": _strikes(10)})
    assert result.figures["event_recall"] == 0.5
    interval = Bootstrap(400, 0.95, 0).intervals(result.tallies)["event_recall"]
    assert interval is not None and interval.low == 0.0 and interval.high == 1.0


def test_more_documents_of_the_same_kind_narrow_the_interval() -> None:
    gold = [{"id": f"d{k}", "events": _strikes(1 + k % 3)} for k in range(12)]
    pred = {f"d{k}": _strikes(1 + k % 3)[: 1 if k % 2 else None] for k in range(12)}
    few = score(gold, pred)
    many = score([dict(g, id=f"{g['id']}-{copy}") for copy in range(9) for g in gold],
                 {f"{k}-{copy}": v for copy in range(9) for k, v in pred.items()})
    assert few.figures["event_recall"] == many.figures["event_recall"]
    narrow, wide = (Bootstrap(500, 0.95, 1).intervals(r.tallies)["event_recall"] for r in (many, few))
    assert narrow is not None and wide is not None
    assert wide.low <= narrow.low <= many.figures["event_recall"] <= narrow.high <= wide.high  # type: ignore[operator]
    # nine times the documents: about a third of the width
    assert (narrow.high - narrow.low) < 0.5 * (wide.high - wide.low)


def test_a_figure_of_no_such_documents_has_no_interval() -> None:
    gold = [{"id": f"d{k}", "events": _strikes(1)} for k in range(5)]  # no negative document
    intervals = Bootstrap(100, 0.95, 0).intervals(score(gold, {"d0": _strikes(1)}).tallies)
    assert intervals["negative_docs_clean"] is None
    assert intervals["event_recall"] is not None


def test_the_same_seed_gives_the_same_intervals() -> None:
    gold = [{"id": f"d{k}", "events": _strikes(1 + k % 4)} for k in range(30)]
    tallies = score(gold, {f"d{k}": _strikes(1 + k % 3) for k in range(0, 30, 2)}).tallies
    first, again, other = (Bootstrap(300, 0.9, s).intervals(tallies) for s in (7, 7, 8))
    assert first == again
    assert first != other


def test_paired_difference_of_a_better_run() -> None:
    gold = [{"id": f"d{k}", "events": _strikes(2)} for k in range(20)]
    better = {f"d{k}": _strikes(2) for k in range(20)}
    worse = {f"d{k}": _strikes(2) if k % 4 else _strikes(1, **ELSEWHERE) for k in range(20)}  # a quarter: elsewhere
    a, b = score(gold, better), score(gold, worse)
    resampling = Bootstrap(500, 0.95, 0)
    recall = resampling.differences(a.tallies, b.tallies)["event_recall"]
    assert recall is not None
    assert recall.value == pytest.approx(a.figures["event_recall"] - b.figures["event_recall"]) == 0.25  # type: ignore[operator]
    assert 0 < recall.low <= recall.value <= recall.high and recall.share_a_higher == 1.0
    same = resampling.differences(a.tallies, a.tallies)["event_f1"]
    assert same is not None and (same.value, same.low, same.high, same.share_a_higher) == (0.0, 0.0, 0.0, 0.5)


def test_paired_runs_must_be_scored_on_the_same_documents() -> None:
    gold = [{"id": f"d{k}", "events": _strikes(1)} for k in range(3)]
    with pytest.raises(ValueError, match="same gold documents"):
        Bootstrap(10, 0.95, 0).differences(score(gold, {}).tallies, score(gold[::-1], {}).tallies)


@pytest.mark.parametrize(("samples", "level"), [(0, 0.95), (-3, 0.95), (100, 1.0), (100, 0.0)])
def test_a_bootstrap_of_no_resample_or_no_level_is_refused(samples: int, level: float) -> None:
    with pytest.raises(ValueError):
        Bootstrap(samples, level, 0)


def test_compared_file_is_scored_on_the_documents_of_the_run(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "d1", "events": _strikes(1)}, {"id": "d2", "events": []},
                                            {"id": "d3", "events": _strikes(2)}])
    other = _write(tmp_path / "other.jsonl", [dict(STRIKE, doc_id="d3"), dict(STRIKE, doc_id="elsewhere")])
    result = score(load_gold(gold)[::-1][:2], {})  # a run that scored d3 and d2 only, in that order
    against = score_against(load_predictions(other), result)
    assert [t.doc_id for t in against.tallies] == ["d3", "d2"]
    assert against.figures["n_gold"] == 2 and against.figures["n_matched"] == 1


@needs_shared
def test_cli_reports_intervals_and_the_difference(tmp_path: Path) -> None:
    gold = [g for g in load_gold(SHARED_DATA / "gold" / "dev.jsonl")]
    gold_file = _write(tmp_path / "gold.jsonl", gold)
    everything = _write(tmp_path / "all.jsonl", [dict(e, doc_id=g["id"]) for g in gold for e in g["events"]])
    half = _write(tmp_path / "half.jsonl", [dict(e, doc_id=g["id"]) for g in gold[::2] for e in g["events"]])

    def evaluate(*args: str) -> subprocess.CompletedProcess[bytes]:
        run = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold_file), *args],
                             capture_output=True, check=False)
        assert run.returncode == 0, run.stderr.decode()
        return run

    figures = json.loads(evaluate("--pred", str(half), "--bootstrap", "200", "--compare", str(everything), "--json").stdout)
    assert figures["bootstrap"] == {"samples": 200, "level": 0.95, "seed": 0, "unit": "document"}
    low, high = figures["intervals"]["event_recall"]
    assert low <= figures["event_recall"] <= high and low < high
    recall = figures["compared_with"]["differences"]["event_recall"]
    assert recall["value"] == pytest.approx(figures["event_recall"] - figures["compared_with"]["figures"]["event_recall"])
    assert recall["high"] < 0 and recall["share_higher"] == 0.0
    assert figures["compared_with"]["differences"]["event_precision"]["value"] == 0.0  # what half predicts is all right

    text = evaluate("--pred", str(half), "--compare", str(everything)).stdout.decode()
    assert f"Against {everything}" in text and "paired resamples" in text
    assert "event_recall" in text.split("Against")[1]
    assert "[" not in text.split("Against")[0].split("Missed")[0]  # intervals of the figures only with --bootstrap
    plain = score_file(gold_file, half).figures
    assert json.loads(evaluate("--pred", str(half), "--json").stdout).keys() == plain.keys() | {"calibration"}

    # a file of other documents: compared as predicting nothing on these, and said so
    elsewhere = _write(tmp_path / "elsewhere.jsonl", [dict(STRIKE, doc_id="not-in-the-gold")])
    run = evaluate("--pred", str(half), "--compare", str(elsewhere), "--json")
    assert b"has events of none of the" in run.stderr
    assert json.loads(run.stdout)["compared_with"]["figures"]["n_pred"] == 0
    assert json.loads(run.stdout)["compared_with"]["ignored_articles"] == 1
    # a file for this gold and more (another part's articles): no warning, and the report counts the others
    more = _write(tmp_path / "more.jsonl", [*(json.loads(line) for line in everything.read_text(encoding="utf-8").splitlines()),
                                            dict(STRIKE, doc_id="another-part")])
    run = evaluate("--pred", str(half), "--compare", str(more))
    assert b"warning" not in run.stderr
    assert f"the events of 1 other article(s) of {more} were ignored" in run.stdout.decode()


def test_a_compare_file_that_cannot_be_read_is_refused_before_any_extraction(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "d1", "events": _strikes(1)}])
    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n", encoding="utf-8")
    saved = tmp_path / "saved.jsonl"
    for other in (broken, tmp_path / "absent.jsonl"):
        # the corpus does not exist either: reading it would fail later, and differently
        run = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--corpus", str(tmp_path / "no-corpus.jsonl"),
                              "--compare", str(other), "--save-pred", str(saved)], capture_output=True, check=False)
        assert run.returncode == 2 and str(other).encode() in run.stderr, run.stderr.decode()
        assert not saved.exists()


def test_figures_by_year_are_those_of_each_years_articles_scored_alone(tmp_path: Path) -> None:
    gold_lines = [{"id": f"d{k}", "published": f"{2015 + k % 3}-06-01", "events": _strikes(1 + k % 2)} for k in range(9)]
    gold = _write(tmp_path / "gold.jsonl", gold_lines)
    pred = {f"d{k}": _strikes(1) for k in range(0, 9, 2)}
    result = score(gold_lines, pred)
    group_of = groups_of(gold, [], "year")
    assert group_of == {f"d{k}": str(2015 + k % 3) for k in range(9)}
    groups = by_group(result.tallies, group_of, Bootstrap(200, 0.95, 0))
    assert list(groups) == ["2015", "2016", "2017"]  # three articles each: in name order
    for year, entry in groups.items():
        alone = score([g for g in gold_lines if g["published"].startswith(year)], pred).figures
        assert entry["figures"] == alone
        assert entry["intervals"]["event_recall"] is not None
    assert sum(entry["figures"]["n_gold"] for entry in groups.values()) == result.figures["n_gold"]


def test_outlets_are_read_from_the_corpus_and_needed(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "a", "events": []}, {"id": "b", "events": []}, {"id": "c", "events": []}])
    corpus = _write(tmp_path / "corpus.jsonl", [{"id": "a", "outlet": "Wire A", "text": "نص"},
                                                {"id": "b", "outlet": "Wire B", "text": "نص", "published": "2018-01-02"}])
    assert groups_of(gold, [corpus], "outlet") == {"a": "Wire A", "b": "Wire B", "c": "?"}
    assert groups_of(gold, [corpus], "year") == {"a": "?", "b": "2018", "c": "?"}
    with pytest.raises(GoldError, match="--corpus"):
        groups_of(gold, [], "outlet")
    run = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(gold), "--by", "outlet"],
                         capture_output=True, check=False)
    assert run.returncode == 2 and b"--corpus" in run.stderr


def test_cli_by_year(tmp_path: Path) -> None:
    gold_lines = [{"id": f"d{k}", "published": f"{2015 + k % 2}-06-01", "events": _strikes(1)} for k in range(6)]
    gold = _write(tmp_path / "gold.jsonl", gold_lines)
    pred = _write(tmp_path / "pred.jsonl", [dict(e, doc_id=g["id"]) for g in gold_lines[:4] for e in g["events"]])
    run = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(pred), "--by", "year",
                          "--bootstrap", "100", "--json"], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode()
    by = json.loads(run.stdout)["by"]
    assert by["key"] == "year" and set(by["groups"]) == {"2015", "2016"}
    assert by["groups"]["2015"]["figures"]["n_matched"] == 2 and by["groups"]["2016"]["figures"]["n_matched"] == 2
    assert by["groups"]["2015"]["figures"]["event_recall"] == 2 / 3
    low, high = by["groups"]["2015"]["intervals"]["event_recall"]
    assert low <= 2 / 3 <= high
    text = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(pred), "--by", "year"],
                          capture_output=True, check=False).stdout.decode()
    assert "By year" in text and "0.667" in text.split("By year")[1]


CLASH = dict(STRIKE, event_type="Battles", sub_event_type="Armed clash", actor2="Syrian Opposition Factions")


def test_figures_by_type_are_those_of_each_types_events_alone() -> None:
    """Per event type: its gold and predicted events, on the articles that have one; a
    strike predicted as a clash at the same place and day counts against both types."""
    gold = [{"id": "a", "events": _strikes(2) + [dict(CLASH, date="2018-07-01", date_end="2018-07-01")]},
            {"id": "b", "events": _strikes(1)},
            {"id": "c", "events": []}]
    pred = {"a": _strikes(1) + [dict(CLASH, date="2018-07-01", date_end="2018-07-01")],
            "b": [dict(e, **{k: CLASH[k] for k in ("event_type", "sub_event_type")}) for e in _strikes(1)],
            "c": [dict(CLASH, **ELSEWHERE)]}
    result = score(gold, pred)
    groups = by_type(result, Bootstrap(200, 0.95, 0))
    assert list(groups) == ["Explosions/Remote violence", "Battles"]  # most gold events first
    strikes, clashes = groups["Explosions/Remote violence"]["figures"], groups["Battles"]["figures"]
    assert (strikes["n_docs"], strikes["n_gold"], strikes["n_pred"], strikes["n_matched"]) == (2, 3, 1, 1)
    assert (clashes["n_docs"], clashes["n_gold"], clashes["n_pred"], clashes["n_matched"]) == (3, 1, 3, 1)
    assert strikes["event_recall"] == 1 / 3 and clashes["event_precision"] == 1 / 3
    for key in ("n_gold", "n_pred", "n_matched"):  # the types' events add up to the run's
        assert sum(g["figures"][key] for g in groups.values()) == result.figures[key]
    assert groups["Explosions/Remote violence"]["intervals"]["event_recall"] is not None
    assert "intervals" not in by_type(result, None)["Battles"]
    # an article with none of a type's gold events is no negative article of it
    assert clashes["negative_docs_clean"] is None and "negative_docs_clean" not in groups["Battles"]["intervals"]


def test_types_written_in_another_case_are_one_type() -> None:
    """The matching compares event types case-blind: so do the groups."""
    gold = [{"id": "a", "events": [CLASH]}]
    result = score(gold, {"a": [dict(CLASH, event_type="battles")]})
    assert result.figures["n_matched"] == 1
    groups = by_type(result, None)
    assert list(groups) == ["Battles"] and groups["Battles"]["figures"]["n_matched"] == 1


def test_cli_by_type(tmp_path: Path) -> None:
    gold_lines = [{"id": f"d{k}", "events": _strikes(1) + [CLASH]} for k in range(4)]
    gold = _write(tmp_path / "gold.jsonl", gold_lines)
    pred = _write(tmp_path / "pred.jsonl", [dict(e, doc_id=g["id"]) for g in gold_lines for e in g["events"][:1]])
    run = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(pred), "--by", "type",
                          "--json"], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode()
    by = json.loads(run.stdout)["by"]
    assert by["key"] == "type" and list(by["groups"]) == ["Battles", "Explosions/Remote violence"]  # ties: by name
    assert by["groups"]["Explosions/Remote violence"]["figures"]["event_recall"] == 1.0
    assert by["groups"]["Battles"]["figures"]["event_recall"] == 0.0
    text = subprocess.run([sys.executable, "-m", "rasd.cli", "evaluate", str(gold), "--pred", str(pred), "--by", "type"],
                          capture_output=True, check=False).stdout.decode()
    assert "By type" in text and "Explosions/Remote violence" in text.split("By type")[1]
