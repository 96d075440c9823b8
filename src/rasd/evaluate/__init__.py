"""Evaluation of extracted events against gold annotations (schema section 7)."""

from rasd.evaluate.scorer import (
    FIGURE_KEYS,
    EvaluationResult,
    MatchedPair,
    events_match,
    format_report,
    score,
)

__all__ = [
    "FIGURE_KEYS",
    "EvaluationResult",
    "MatchedPair",
    "events_match",
    "format_report",
    "score",
]
