"""Recognizers: the pipeline components that find mentions in an analysed document.

Each one (like a spaCy component) has one job: it reads the ``Analysis`` (text, tokens,
what earlier components found) and adds its own mentions to it. It also lists the
phrase matchers and word tests it runs, so that the ``Pipeline`` can attach them to its
``Vocabulary`` and answer all of them from one lookup per word of each document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol, Union

if TYPE_CHECKING:
    from rasd.analysis import Analysis
    from rasd.text.tokens import PhraseMatcher, WordTest

    VocabularyItem = Union[PhraseMatcher, WordTest]  # type: ignore[type-arg]


class Recognizer(Protocol):
    """A pipeline component that adds mentions to an analysed document."""

    name: str

    def vocabulary_items(self) -> Iterable[VocabularyItem]:
        """The phrase matchers and word tests this component runs over the tokens."""
        ...

    def __call__(self, analysis: Analysis) -> None:
        """Find this component's mentions in ``analysis`` and add them to it."""
        ...
