"""The shortcuts find_dates takes must never lose a date: each pattern's gate occurs in
every match of the pattern, and the candidate words cover every word _windows needs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.recognize.dates import calendar_words
from rasd.recognize.dates.calendar import trie_alt as _trie_alt
from rasd.recognize.dates.find import _DATE_WORDS, _candidate_words, _windows
from rasd.text.normalize import NormalizedText, normalize
from rasd.text.tokens import Vocabulary, tokenize
from tests.recognize.date_table import rows

PHRASES = [
    "بين 5 و 7 مايو 2019", "من 3 الى 9 شهر كانون الثاني الماضي", "في 12 ربيع الاول 1440 هـ",
    "5/9/1444 ه", "2021-03-04", "12.5.2020", "السابع من الشهر الجاري", "3 من شهر تشرين الاول",
    "اواخر شهر مايو", "منتصف هذا العام", "5مايو2020", "وفي شهر اب الماضي", "يوم الجمعة المقبل",
    "صباح امس", "اول امس", "الليلة الماضية", "منذ 3 ايام", "قبل اسبوعين", "خلال الايام الخمسة الماضية",
    "الساعات الاخيرة", "هذا الاسبوع", "عام 1998", "في 2020", "مساء الثلاثاء والاربعاء",
]


def _texts() -> list[str]:
    return [normalize(t).norm for t in PHRASES + [r.expression for r in rows()]]


@pytest.mark.parametrize("kind", sorted(calendar_words().patterns))
def test_every_match_contains_its_gate(kind: str) -> None:
    words = calendar_words()
    for text in _texts():
        for m in words.patterns[kind].finditer(text):
            assert words.gates[kind].search(text, m.start(), m.end()), (kind, m.group())


def test_trie_alternation_matches_exactly_its_words() -> None:
    words = ["اب", "ابريل", "اول", "الاول", "x.y", "ا"]
    rx = re.compile(_trie_alt(words))
    for w in words:
        assert rx.fullmatch(w)
    for w in ["ابر", "الا", "", "xy", "ابريلل"]:
        assert not rx.fullmatch(w)


_PIECES = ["و", "ف", "ب", "ال", "x", "_", "²", "٣", "5", "2020", " ", "-", "/", "\n", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(calendar_words().anchors) + _PIECES), max_size=30))
def test_candidate_words_cover_the_words_windows_needs(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = calendar_words()
    anchors = words.anchors
    candidates = _candidate_words(text, words)
    for start, end in candidates:  # whole words, in order
        assert re.fullmatch(r"\w+", text[start:end])
        assert (start == 0 or not re.match(r"\w", text[start - 1])) and not re.match(r"\w", text[end:end + 1])
    assert candidates == sorted(set(candidates))
    for m in re.finditer(r"\w+", text):
        w = m.group()
        if w[0].isdigit() or anchors.get(w) or anchors.get(w[1:]) or anchors.get(w[2:]):
            assert m.span() in candidates


_YEAR_PIECES = ["و", "ف", "ب", "ل", "عام", "العام", "سنه", "مطلع", "منذ", "في", "يوم", "حتي", "2014", "1999",
                "2050", "20", "1", "x", " ", "  ", "-", "\n", "_", "٣", "ال"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=25))
def test_the_year_pattern_lookahead_loses_no_match(pieces: list[str]) -> None:
    """The year pattern opens with a lookahead on the letters a match can start with, to
    spare its lookbehinds; without it the pattern finds the same."""
    text = "".join(pieces)
    year = calendar_words().patterns["year"]
    assert year.pattern.startswith("(?=[")
    plain = re.compile(year.pattern[year.pattern.index("]") + 2:])
    assert [m.span() for m in year.finditer(text)] == [m.span() for m in plain.finditer(text)]


_RUN_PIECES = ["و", "ف", "ب", "ال", "x", "_", "²", "٣", "\u0670", "5", "2020", " ", "-", "/", "\n", "é", "مقتل"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(calendar_words().anchors) + _RUN_PIECES), max_size=30))
def test_windows_read_off_the_tokens_are_those_of_the_text_scan(pieces: list[str]) -> None:
    """Where a text's tokens are its \\w+ runs, its date words are read off the document's
    vocabulary pass instead of a scan of the text: the same windows either way (and a text
    whose tokens are not its runs, "x_y", "مقتل20", is scanned)."""
    text = "".join(pieces)
    vocabulary = Vocabulary()
    vocabulary.attach(_DATE_WORDS)
    tokens = tokenize(NormalizedText(text, text, list(range(len(text) + 1))), vocabulary)
    words = calendar_words()
    assert _windows(text, words, tokens) == _windows(text, words)


@pytest.mark.parametrize("text", ["قتل x امس\u0670", "قتل_امس", "قتل 3 امس", "مقتل20 امس", "٣ امس"])
def test_windows_of_texts_whose_tokens_are_not_their_runs(text: str) -> None:
    """A mark that is a token character and no word character (U+0670), a word character
    that is no token character ("_", "٣"), a word glued to a number: the text is scanned."""
    vocabulary = Vocabulary()
    vocabulary.attach(_DATE_WORDS)
    tokens = tokenize(NormalizedText(text, text, list(range(len(text) + 1))), vocabulary)
    words = calendar_words()
    assert _windows(text, words, tokens) == _windows(text, words)
