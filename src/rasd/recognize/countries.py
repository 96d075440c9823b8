"""Country words (``data/countries.yaml``): which country a sentence or an article is
about, so that assembly can tell a Yemeni village from a Syrian one of the same name."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from rasd.data import load_yaml
from rasd.recognize.datelines import outside_dateline
from rasd.text.tokens import PhraseMatcher

if TYPE_CHECKING:
    from rasd.analysis import Analysis


@lru_cache(maxsize=1)
def country_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for code, words in load_yaml("countries.yaml").items():
        for word in words:
            matcher.add(word, code)
    return matcher


class CountryRecognizer:
    """Every country word of the article, overlapping ones included (assembly chooses
    among them per stretch of text: ``events.document.country_counts``)."""

    name = "countries"

    def vocabulary_items(self) -> Iterable[PhraseMatcher[str]]:
        return (country_matcher(),)

    def __call__(self, analysis: Analysis) -> None:
        analysis.countries = outside_dateline(analysis, country_matcher().find_all(analysis.tokens))
