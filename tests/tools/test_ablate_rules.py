"""The rule ablation (tools/ablate_rules.py) on a slice of the tuned gold and the shared
corpus: its baseline is the project's own evaluation, switching a rule off changes what
that rule decides, and the registries are whole again afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.evaluate.runner import evaluate
from rasd.events import filters, side_rules, when
from rasd.pipeline import Pipeline
from tests.conftest import SHARED_DATA, needs_shared
from tests.tools import load_tool

ROOT = Path(__file__).resolve().parents[2]


def gold_slice(tmp_path: Path, n: int) -> Path:
    """The first ``n`` lines of the tuned gold, as a gold file of its own."""
    lines = (ROOT / "gold" / "tune.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "tune-slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@needs_shared
def test_the_baseline_is_the_evaluation_and_a_rule_off_changes_what_it_decides(tmp_path: Path) -> None:
    tool = load_tool("ablate_rules")
    gold = gold_slice(tmp_path, 60)
    corpora = sorted((SHARED_DATA / "corpus").glob("*.jsonl.gz"))
    registries = (side_rules.SIDE_RULES, dict(filters.FILTER_RULES), when.DATE_RULES)
    rows = tool.ablate([gold], corpora, SHARED_DATA / "gazetteer", ["killing_mode", "background_date", "took_part"])
    assert [r["rule"] for r in rows] == [tool.BASELINE, "killing_mode", "background_date", "took_part"]
    # the baseline is what `rasd evaluate` reports for the same gold
    pipeline = Pipeline(gazetteer_path=SHARED_DATA / "gazetteer")
    result, missing = evaluate(gold, corpora, pipeline.extract)
    assert not missing
    base = rows[0][gold.name]
    assert (base["n_matched"], base["n_pred"], base["n_gold"]) == tuple(
        result.figures[k] for k in ("n_matched", "n_pred", "n_gold"))
    # without the rule that drops background dates, background events come back
    assert rows[2][gold.name]["n_pred"] > base["n_pred"]
    # each change comes with its interval over paired resamples of the articles
    assert "f1_change" not in base
    for row in rows[1:]:
        change, low, high = row[gold.name]["f1_change"]
        assert change == pytest.approx(row[gold.name]["event_f1"] - base["event_f1"]) and low <= high
    change, low, high = rows[2][gold.name]["f1_change"]
    assert low < high  # the articles of the background dates differ from one resample to the next
    assert "95% interval" in tool.table(rows, [gold.name]) and f"[{low:+.4f}, {high:+.4f}]" in tool.table(rows, [gold.name])
    # and the registries are as they were
    assert (side_rules.SIDE_RULES, dict(filters.FILTER_RULES), when.DATE_RULES) == registries


def test_an_unknown_rule_is_named_in_the_error(tmp_path: Path) -> None:
    tool = load_tool("ablate_rules")
    with pytest.raises(SystemExit, match="unknown rule\\(s\\) no_such_rule"):
        tool.ablate([tmp_path / "gold.jsonl"], [], None, ["no_such_rule"])


def test_each_kind_of_rule_is_switched_off_and_back_even_on_an_error() -> None:
    tool = load_tool("ablate_rules")
    registries = (side_rules.SIDE_RULES, dict(filters.FILTER_RULES), when.DATE_RULES)
    for rule in ("killing_mode", "took_part", "background_date"):
        with pytest.raises(RuntimeError), tool.switched_off(rule):
            assert rule not in [r.__name__ for r in side_rules.SIDE_RULES] + [r.__name__ for r in when.DATE_RULES]
            assert all(f is not getattr(filters, rule, None) for f in filters.FILTER_RULES.values())
            raise RuntimeError("inside the block")
        assert (side_rules.SIDE_RULES, dict(filters.FILTER_RULES), when.DATE_RULES) == registries
    # the filter is replaced by one that lets everything through, in the dict the filters read
    with tool.switched_off("took_part"):
        assert filters.FILTER_RULES["took_part"] is not filters.took_part
    assert filters.FILTER_RULES["took_part"] is filters.took_part
