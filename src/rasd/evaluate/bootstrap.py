"""How much a figure of ``rasd evaluate`` would move on other articles of the same kind:
percentile intervals from a bootstrap over documents, and the paired difference between
two sets of predictions scored on the same gold.

The unit resampled is the document, not the event: the events of one article share its
outlet, its style and most of its errors, so resampling events would make the intervals
too narrow. Each resample draws as many documents as were scored, with replacement, and
recomputes every figure from the documents' tallies (``scorer.DocTally``); a figure whose
denominator is zero in a resample (no negative document drawn, say) is left out of that
resample. The generator is seeded, so the same inputs give the same intervals.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from operator import itemgetter

from rasd.evaluate.scorer import COUNT_KEYS, FIGURE_KEYS, DocTally, EvaluationResult, by_event_type, figures_from_sums, figures_of

Figures = dict[str, float | int | None]

#: The figures intervals are given for: the ratios (counts of a resample are not estimates).
RATIO_KEYS: tuple[str, ...] = tuple(k for k in FIGURE_KEYS if not k.startswith("n_"))

DEFAULT_SAMPLES = 1000
DEFAULT_LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    """A figure's percentile interval at ``level`` (of the resamples it is defined in)."""

    low: float
    high: float


@dataclass(frozen=True)
class Difference:
    """A figure of predictions A minus the same figure of predictions B, on the same gold
    documents: the difference measured, its interval, and the share of resamples in which
    A's figure is the higher (ties count half)."""

    value: float
    low: float
    high: float
    share_a_higher: float


@dataclass(frozen=True)
class Bootstrap:
    """``samples`` resamples of the scored documents, intervals at ``level`` (0.95: from
    the 2.5th to the 97.5th percentile), drawn by a generator seeded with ``seed``."""

    samples: int
    level: float
    seed: int

    def __post_init__(self) -> None:
        if self.samples < 1:
            raise ValueError(f"a bootstrap needs at least one resample, not {self.samples}")
        if not 0 < self.level < 1:
            raise ValueError(f"an interval's level is between 0 and 1, not {self.level}")

    def intervals(self, tallies: list[DocTally]) -> dict[str, Interval | None]:
        """Each ratio figure's interval; None where fewer than half the resamples define
        it (too few documents of the kind it is a share of)."""
        draws = self.resampled(tallies)
        return {k: self._interval([float(f[k]) for f in draws if f[k] is not None]) for k in RATIO_KEYS}  # type: ignore[arg-type]

    def differences(self, tallies_a: list[DocTally], tallies_b: list[DocTally]) -> dict[str, Difference | None]:
        """A minus B for each ratio figure, both resampled with the same documents (a paired
        bootstrap: the documents both got right or wrong cancel out). The two lists must
        tally the same gold documents in the same order."""
        if [t.doc_id for t in tallies_a] != [t.doc_id for t in tallies_b]:
            raise ValueError("the two sets of predictions were not scored on the same gold documents")
        return self.difference_of(self.resampled(tallies_a), self.resampled(tallies_b),
                                  figures_of(tallies_a), figures_of(tallies_b))

    def difference_of(self, draws_a: list[Figures], draws_b: list[Figures], measured_a: Figures,
                      measured_b: Figures) -> dict[str, Difference | None]:
        """``differences`` from each side's ``resampled`` figures (the same draws of
        documents: one seed, one number of documents) and the figures measured: a caller
        that compares many runs with one keeps that one's draws."""
        out: dict[str, Difference | None] = {}
        for k in RATIO_KEYS:
            values = [float(a[k]) - float(b[k]) for a, b in zip(draws_a, draws_b, strict=True)  # type: ignore[arg-type]
                      if a[k] is not None and b[k] is not None]
            a_value, b_value = measured_a[k], measured_b[k]
            interval = self._interval(values)
            if interval is None or a_value is None or b_value is None:
                out[k] = None
                continue
            higher = (sum(v > 0 for v in values) + 0.5 * sum(v == 0 for v in values)) / len(values)
            out[k] = Difference(float(a_value) - float(b_value), interval.low, interval.high, higher)
        return out

    def resampled(self, tallies: list[DocTally]) -> list[Figures]:
        """The figures of each resample of the documents. The draws depend only on the
        seed and the number of documents, so two lists of the same documents are resampled
        alike (paired)."""
        n = len(tallies)
        if n == 0:
            return []
        columns = list(zip(*(t.counts() for t in tallies)))
        rng = random.Random(self.seed)
        positions = range(n)
        out = []
        for _ in range(self.samples):
            pick = itemgetter(*rng.choices(positions, k=n))
            # itemgetter of one position returns the item, not a 1-tuple
            sums = [sum(pick(c)) if n > 1 else pick(c) for c in columns]
            out.append(figures_from_sums(dict(zip(COUNT_KEYS, sums))))
        return out

    def _interval(self, values: list[float]) -> Interval | None:
        if len(values) < self.samples / 2:
            return None
        values.sort()
        tail = (1 - self.level) / 2
        return Interval(_percentile(values, tail), _percentile(values, 1 - tail))


def _percentile(ordered: list[float], q: float) -> float:
    """The ``q`` quantile of sorted values, interpolated between neighbours."""
    position = q * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def format_differences(differences: dict[str, Difference | None], other: str, resampling: Bootstrap,
                       ignored: int = 0) -> str:
    """The report's section on ``evaluate --compare`` (``ignored``: articles of the other file
    outside those scored)."""
    title = f"Against {other} (this minus that, on the same gold documents)"
    lines = [title, "-" * len(title)]
    width = max(len(k) for k in differences)
    for k, d in differences.items():
        if d is None:
            lines.append(f"  {k.ljust(width)}  n/a")
        else:
            lines.append(f"  {k.ljust(width)}  {d.value:+.3f}  [{d.low:+.3f}, {d.high:+.3f}]  "
                         f"higher in {d.share_a_higher:.0%} of resamples")
    lines.append(f"  ([low, high]: {resampling.level:.0%} interval of the difference over {resampling.samples} "
                 f"paired resamples of the documents, seed {resampling.seed})")
    if ignored:
        lines.append(f"  (the events of {ignored} other article(s) of {other} were ignored)")
    return "\n".join(lines) + "\n"


#: The figures ``format_groups`` shows for each group, and their column heads.
_GROUP_FIGURES = {"event_precision": "precision", "event_recall": "recall", "event_f1": "F1",
                  "actor1_accuracy": "actor1", "date_accuracy": "exact date", "location_resolution_accuracy": "location"}


def by_group(tallies: list[DocTally], group_of: dict[str, str], resampling: Bootstrap | None) -> dict[str, dict]:
    """The figures of each group of the scored articles (``evaluate --by``), each with its
    intervals when ``resampling`` is given (each group resampled on its own), largest
    group first."""
    members: dict[str, list[DocTally]] = {}
    for t in tallies:
        members.setdefault(group_of.get(t.doc_id, "?"), []).append(t)
    return _figures_of_groups(dict(sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))), resampling)


#: Figures of a whole run that mean nothing for one event type's events: an article with
#: none of its gold events is "negative" for it whatever else it reports.
_NOT_BY_TYPE = ("n_negative_docs", "negative_docs_clean")


def by_type(result: EvaluationResult, resampling: Bootstrap | None) -> dict[str, dict]:
    """The figures of each event type's events alone (``evaluate --by type``,
    ``scorer.by_event_type``), each with its intervals when ``resampling`` is given."""
    groups = _figures_of_groups(by_event_type(result), resampling)
    for entry in groups.values():
        for key in _NOT_BY_TYPE:
            entry["figures"][key] = None
            entry.get("intervals", {}).pop(key, None)
    return groups


def _figures_of_groups(groups: dict[str, list[DocTally]], resampling: Bootstrap | None) -> dict[str, dict]:
    """Each group's figures, in the order given, with its intervals when resampled (each
    group resampled on its own)."""
    out: dict[str, dict] = {}
    for name, tallies in groups.items():
        entry: dict = {"figures": figures_of(tallies)}
        if resampling is not None:
            entry["intervals"] = resampling.intervals(tallies)
        out[name] = entry
    return out


def format_groups(groups: dict[str, dict], by: str) -> str:
    """The report's section on ``evaluate --by``: articles, gold, predicted and matched events
    and the main figures of each group (with their intervals when resampled)."""
    title = f"By {by}"
    head = f"  {by:<28}{'articles':>9}{'gold':>6}{'pred':>6}{'match':>7}" + "".join(f"{h:>22}" for h in _GROUP_FIGURES.values())
    lines = [title, "-" * len(title), head]
    for name, entry in groups.items():
        f, intervals = entry["figures"], entry.get("intervals") or {}
        cells = ""
        for k in _GROUP_FIGURES:
            value, interval = f[k], intervals.get(k)
            text = "n/a" if value is None else f"{value:.3f}"
            if interval is not None:
                text += f" [{interval.low:.2f}, {interval.high:.2f}]"
            cells += f"{text:>22}"
        lines.append(f"  {name[:28]:<28}{f['n_docs']:>9}{f['n_gold']:>6}{f['n_pred']:>6}{f['n_matched']:>7}{cells}")
    return "\n".join(lines) + "\n"
