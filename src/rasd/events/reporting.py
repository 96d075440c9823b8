"""Whether a sentence reads as the report of an incident: a learned model over its words.

Two of assembly's rules drop a candidate for what its clause lacks: a weak trigger
("تواصلت الاشتباكات") with no date and no toll, and any trigger with nothing that dates
it and nobody dead. Both are right for commentary and background, and wrong for the
plain news sentence that happens to omit the day ("قتل مدنيان بقصف على بلدة ..."). Which
is which shows in the sentence's wording as a whole (reporting verbs, sources, counts,
places, the words of analysis and diplomacy) more than in any one cue a rule can name.

The model is a logistic regression over a sentence's words and their forms without
proclitics and article, fitted by ``tools/train_reporting.py`` to whether each sentence
of the gold the team tunes on holds a hand-coded event's quote (never the held-back
part). Its weights are ``data/reporting.json``; reading them needs no learning library.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.analysis import Analysis
from rasd.data import data_path
from rasd.errors import DataError
from rasd.text.segment import Segment
from rasd.text.tokens import clitic_variants, strip_article

__all__ = ["ReportingModel", "reads_as_a_report", "report_probability", "reporting_model", "sentence_features"]

_DIGITS = re.compile(r"\d+")


def sentence_features(words: list[str]) -> dict[str, float]:
    """The model's inputs for one sentence's (normalized) words: each word as written and
    its bare form (``وبالقصف`` → ``قصف``), numbers as one shape, scaled to unit length so
    that a long sentence weighs no more than a short one."""
    names: set[str] = set()
    for word in words:
        if not word[:1].isalnum():
            continue
        word = _DIGITS.sub("0", word)
        names.add("w:" + word)
        names.add("s:" + strip_article(min((v for v, _ in clitic_variants(word)), key=len)))
    if not names:
        return {}
    scale = 1.0 / math.sqrt(len(names))
    return dict.fromkeys(names, scale)


@dataclass(frozen=True)
class ReportingModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # the probability at or above which a sentence reads as a report

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def reporting_model() -> ReportingModel:
    name = "reporting.json"
    try:
        with data_path(name).open("r", encoding="utf-8") as handle:
            data = json.load(handle)
        return ReportingModel({str(k): float(v) for k, v in data["weights"].items()},
                              float(data["bias"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise DataError(f"{name}: not a reporting model ({err})") from err


def report_probability(analysis: Analysis, sentence: Segment) -> float:
    """How likely the model finds it that ``sentence`` (of ``analysis``) holds a codable
    event (once per sentence: its candidates may ask for both drop rules)."""
    def read() -> float:
        words = [t.text for t in analysis.tokens_between(sentence.start, sentence.end)]
        return reporting_model().probability(sentence_features(words))

    return analysis.remember((report_probability, sentence.start, sentence.end), read)


def reads_as_a_report(analysis: Analysis, sentence: Segment) -> bool:
    """Whether the model reads ``sentence`` (of ``analysis``) as the report of an incident."""
    return report_probability(analysis, sentence) >= reporting_model().threshold
