"""The shortcuts find_dates takes must never lose a date: each pattern's gate occurs in
every match of the pattern, and the candidate words cover every word _windows needs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.recognize.dates import calendar_words
from rasd.recognize.dates.calendar import trie_alt as _trie_alt
from rasd.recognize.dates.find import _DATE_WORDS, _OWN_KINDS, _candidate_words, _windows, find_dates
from rasd.text.normalize import NormalizedText, normalize
from rasd.text.tokens import Vocabulary, tokenize, tokens_are_word_runs
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
    assert _every_window(_windows(text, words, tokens)) == _every_window(_windows(text, words))


def _every_window(found: tuple[dict[str, list[tuple[int, int]]], set[str]]) -> tuple[list[tuple[int, int]], set[str]]:
    """The stretches around every date word, and the kinds of date word seen."""
    spans, seen = found
    return spans.get("", []), seen


@pytest.mark.parametrize("text", ["قتل x امس\u0670", "قتل_امس", "قتل 3 امس", "مقتل20 امس", "٣ امس"])
def test_windows_of_texts_whose_tokens_are_not_their_runs(text: str) -> None:
    """A mark that is a token character and no word character (U+0670), a word character
    that is no token character ("_", "٣"), a word glued to a number: the text is scanned."""
    vocabulary = Vocabulary()
    vocabulary.attach(_DATE_WORDS)
    tokens = tokenize(NormalizedText(text, text, list(range(len(text) + 1))), vocabulary)
    words = calendar_words()
    assert _every_window(_windows(text, words, tokens)) == _every_window(_windows(text, words))
    if not tokens_are_word_runs(text):  # every pattern runs in every stretch
        spans, seen = _windows(text, words, tokens)
        assert seen & _OWN_KINDS <= spans.keys() and all(spans[kind] == spans[""] for kind in seen & _OWN_KINDS)


def _dates(text: str, tokens: list | None) -> list[tuple[int, int, dict]]:
    ntext = NormalizedText(text, text, list(range(len(text) + 1)))
    return [(d.start, d.end, d.value) for d in find_dates(ntext, dt.date(2018, 3, 20), tokens)]


@pytest.mark.parametrize("text", [normalize(t).norm for t in [
    "وفي مساء يوم الجمعة الماضي قصفت الطائرات بلدة كفرنبل بعد 3 ايام من الهدنة",
    "قتل 12 شخصا منذ مطلع شهر مارس الماضي وحتى منتصف ابريل 2018",
    "اول ايام عيد الفطر، وبعد 48 ساعه من الغارات في 5 حزيران 2017",
]] + [t for t in _texts() if tokens_are_word_runs(t)])
def test_a_pattern_run_only_around_its_own_words_finds_what_it_finds_everywhere(text: str) -> None:
    """Where a text's tokens are its \\w+ runs, the patterns that need a word of one
    kind (a weekday, a month, ...) run only around the words of that kind: they find
    the same dates as when every pattern runs around every date word (no tokens)."""
    vocabulary = Vocabulary()
    vocabulary.attach(_DATE_WORDS)
    tokens = tokenize(NormalizedText(text, text, list(range(len(text) + 1))), vocabulary)
    assert tokens_are_word_runs(text)
    assert _dates(text, tokens) == _dates(text, None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(calendar_words().anchors) + ["5", "2018", "12", " ", " ", "، ", "من", "في",
                                                                   "الماضي", "عام", "شهر", "يوم"]), max_size=30))
def test_own_word_windows_find_the_dates_of_every_window(pieces: list[str]) -> None:
    text = " ".join(pieces)
    vocabulary = Vocabulary()
    vocabulary.attach(_DATE_WORDS)
    tokens = tokenize(NormalizedText(text, text, list(range(len(text) + 1))), vocabulary)
    assert _dates(text, tokens) == _dates(text, None)
