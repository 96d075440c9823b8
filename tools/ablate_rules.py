"""What each named rule of event assembly is worth: the gold scored with the rule switched
off, against all rules on, on each gold file given (the part rasd is tuned on and the
held-back part, side by side).

    python tools/ablate_rules.py gold/tune.jsonl gold/held.jsonl \\
        --corpus ../shared/data/corpus/*.jsonl.gz --gazetteer ../shared/data/gazetteer

A rule that helps the tuned part and costs the held-back one is fitted to the articles it
was found on (issue 16); one that costs both is wrong. The rules are those of the three
registries that name them: ``side_rules.SIDE_RULES`` (sides and sub-event type), the
filters of ``filters.FILTER_RULES`` (one per filter word family of triggers.yaml) and
``when.DATE_RULES``; rules called by name elsewhere in assembly (the date rules
``running_total`` and ``waged_campaign``, the filter of rejected allegations, which also
drops as "denial") stay on. Each article is analysed once; only assembly runs again per rule.
Reading the held-back figures is allowed, fitting to them is not: a rule is kept or cut
on the tuned part's figures, the held part's are reported beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasd.analysis import Analysis  # noqa: E402
from rasd.evaluate.bootstrap import DEFAULT_LEVEL, Bootstrap  # noqa: E402
from rasd.evaluate.runner import gold_documents, load_gold  # noqa: E402
from rasd.evaluate.scorer import EvaluationResult, score  # noqa: E402
from rasd.events import filters, side_rules, when  # noqa: E402
from rasd.events.assemble import assemble  # noqa: E402
from rasd.events.candidate import Candidate  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.recognize.triggers import FilterMatch  # noqa: E402
from rasd.resolve.gazetteer import Gazetteer  # noqa: E402

BASELINE = "(all rules)"

#: Paired resamples of the articles for each F1 change's interval: enough to tell a change
#: of a few events from none, at a quarter of a second per rule and part.
SAMPLES = 500


def rule_names() -> list[str]:
    """Every rule this tool can switch off, registry by registry."""
    return [r.__name__ for r in side_rules.SIDE_RULES] + list(filters.FILTER_RULES) \
        + [r.__name__ for r in when.DATE_RULES]


def _let_pass(analysis: Analysis, cand: Candidate, f: FilterMatch) -> None:
    """A filter that lets every candidate through."""


@contextmanager
def switched_off(rule: str | None) -> Iterator[None]:
    """The registries without ``rule`` (None: unchanged) for the time of the block."""
    sides, filter_rules, dates = side_rules.SIDE_RULES, dict(filters.FILTER_RULES), when.DATE_RULES
    try:
        if rule is not None:
            side_rules.SIDE_RULES = tuple(r for r in sides if r.__name__ != rule)
            if rule in filter_rules:
                filters.FILTER_RULES[rule] = _let_pass
            when.DATE_RULES = tuple(r for r in dates if r.__name__ != rule)
        yield
    finally:
        side_rules.SIDE_RULES, when.DATE_RULES = sides, dates
        filters.FILTER_RULES.clear()
        filters.FILTER_RULES.update(filter_rules)


def scored(gold: list[dict], analyses: dict[str, Analysis], gazetteer: Gazetteer) -> EvaluationResult:
    """One gold file scored with the registries as they are."""
    predictions = {g["id"]: [e.model_dump(mode="json") for e in assemble(analyses[g["id"]], gazetteer)]
                   for g in gold if g["id"] in analyses}
    return score([g for g in gold if g["id"] in predictions], predictions)


def figures(result: EvaluationResult) -> dict[str, Any]:
    """Matched, predicted and gold events, event F1 and actor1 accuracy of one gold file."""
    return {key: result.figures[key] for key in ("n_matched", "n_pred", "n_gold", "event_f1", "actor1_accuracy")}


def ablate(gold_paths: list[Path], corpora: list[Path], gazetteer_path: Path | None,
           rules: list[str] | None = None, progress: Callable[[str], None] | None = None,
           samples: int = SAMPLES) -> list[dict[str, Any]]:
    """One row per configuration, the baseline first: ``{"rule": name, <gold file>: figures}``.
    With ``samples``, a rule's figures also hold ``f1_change``: its F1 minus the baseline's,
    and the 95% interval of that difference over as many paired resamples of the articles
    (rasd.evaluate.bootstrap): a change whose interval holds 0 is within what another sample
    of articles could undo."""
    known = rule_names()
    unknown = sorted(set(rules or []) - set(known))
    if unknown:
        raise SystemExit(f"unknown rule(s) {', '.join(unknown)}; known: {', '.join(known)}")
    pipeline = Pipeline(gazetteer_path=gazetteer_path) if gazetteer_path else Pipeline()
    parts = {path.name: load_gold(path) for path in gold_paths}
    analyses = {g["id"]: pipeline.analyze(doc)
                for gold in parts.values() for g, doc in gold_documents(gold, corpora)}
    for name, gold in parts.items():
        missing = [g["id"] for g in gold if g["id"] not in analyses]
        if missing and progress is not None:
            progress(f"{name}: {len(missing)} article(s) not in the corpora, not scored: {', '.join(missing[:5])}")
    resampling = Bootstrap(samples, DEFAULT_LEVEL, 0) if samples else None
    rows: list[dict[str, Any]] = []
    baseline: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}  # its figures and resampled figures
    for rule in [None, *(rules or known)]:
        row: dict[str, Any] = {"rule": rule or BASELINE}
        for name, gold in parts.items():
            with switched_off(rule):
                result = scored(gold, analyses, pipeline.gazetteer)
            row[name] = figures(result)
            if resampling is None:
                continue
            if rule is None:
                baseline[name] = result.figures, resampling.resampled(result.tallies)
                continue
            base_figures, base_draws = baseline[name]
            change = resampling.difference_of(resampling.resampled(result.tallies), base_draws,
                                              result.figures, base_figures)["event_f1"]
            row[name]["f1_change"] = None if change is None else [change.value, change.low, change.high]
        rows.append(row)
        if progress is not None:
            progress(row["rule"])
    return rows


def table(rows: list[dict[str, Any]], parts: list[str]) -> str:
    """The rows as text: each rule's F1 change against the baseline (with its interval, when
    resampled), actor1 change and matched/predicted events, per part."""
    base = rows[0]
    head = f"{'rule switched off':<50}" + "".join(
        f"{p + ' ΔF1':>16}{f'{DEFAULT_LEVEL:.0%} interval':>22}{'Δactor1':>10}{'m/p':>11}" for p in parts)
    lines = [head]
    for row in rows:
        cells = ""
        for p in parts:
            f, b = row[p], base[p]
            change = f.get("f1_change")
            interval = f"[{change[1]:+.4f}, {change[2]:+.4f}]" if change else ""
            cells += f"{f['event_f1'] - b['event_f1']:>+16.4f}{interval:>22}" \
                     f"{f['actor1_accuracy'] - b['actor1_accuracy']:>+10.4f}" \
                     f"{str(f['n_matched']) + '/' + str(f['n_pred']):>11}"
        lines.append(f"{row['rule']:<50}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold files (the tuned part, the held-back part)")
    parser.add_argument("--corpus", nargs="+", type=Path, required=True, help="corpus files holding the articles")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer file or folder (default: the built-in one)")
    parser.add_argument("--rule", action="append", dest="rules", help="only this rule (repeatable)")
    parser.add_argument("--json", action="store_true", help="one JSON line per configuration")
    parser.add_argument("--bootstrap", type=int, default=SAMPLES, metavar="N",
                        help=f"paired resamples of the articles for each F1 change's interval (default {SAMPLES}; 0: none)")
    args = parser.parse_args(argv)
    if args.bootstrap < 0:
        parser.error(f"--bootstrap: a number of resamples, not {args.bootstrap}")
    rows = ablate(args.gold, args.corpus, args.gazetteer, args.rules,
                  progress=lambda name: print(f"  {name}", file=sys.stderr), samples=args.bootstrap)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(table(rows, [p.name for p in args.gold]))


if __name__ == "__main__":
    main()
