"""Finding date expressions in normalized text: where to look (windows around anchor
words and digits), which patterns can match there (gates), and joining "من X إلى Y" and
"منذ X" into ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rasd.recognize.datelines import outlet_names, outside_dateline
from rasd.recognize.dates.calendar import CalendarWords, calendar_words
from rasd.recognize.dates.resolve import resolve, safe_date, val
from rasd.recognize.numbers import counts_not_a_year
from rasd.text.normalize import NormalizedText
from rasd.text.tokens import TOKEN_RE, Token, WordTest, clitic_variants, tokens_are_word_runs

if TYPE_CHECKING:
    from rasd.analysis import Analysis
    from rasd.recognize import VocabularyItem


@dataclass(frozen=True)
class DateMatch:
    start: int  # normalized offsets
    end: int
    value: dict[str, Any]


# Order matters: the more specific pattern claims its characters first.
_ORDER = ("hijri_numeric", "numeric", "range", "hijri", "feast", "ordinal_day", "month_part", "day_month",
          "month_only", "weekday", "relative_day", "days_ago", "period", "year")

_ANCHOR_SPAN_BEFORE = 40
_ANCHOR_SPAN_AFTER = 80


def _candidate_words(norm: str, words: CalendarWords) -> list[tuple[int, int]]:
    """The spans, in text order, of the words ``_windows`` has to look at: each word
    that ends in an anchor word or holds a possible digit, and a few more.

    Every such word contains a match of one of ``words.word_tails``, which runs to the
    end of the word; walking back to its start is cheap. Looping over every word of the
    text in Python instead was the slowest part of ``find_dates``."""
    ends: dict[int, int] = {}
    for tail in words.word_tails:
        for m in tail.finditer(norm):
            start = m.start()
            while start > 0 and _is_word_char(norm[start - 1]):
                start -= 1
            ends[start] = m.end()
    return sorted(ends.items())


def _is_word_char(ch: str) -> bool:
    """What \\w matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def _kinds_of_word(w: str, words: CalendarWords) -> frozenset[str]:
    """The kinds of date word ``w`` (a \\w+ run) is: "_digit" if it begins with a digit
    ("الـ20 من يناير", "منذ19 حزيران" too), else those of the anchor word it is after at
    most two clitic letters; none for any other word."""
    if w[0].isdigit() or (w.startswith("ال") and w[2:3].isdigit()) or words.glued_day_lead.match(w):
        return _DIGIT
    anchors = words.anchors
    return anchors.get(w) or anchors.get(w[1:]) or anchors.get(w[2:]) or _NO_KINDS


_DIGIT: frozenset[str] = frozenset({"_digit"})
_NO_KINDS: frozenset[str] = frozenset()


def _is_date_word(word: str) -> bool:
    return bool(_kinds_of_word(word, calendar_words()))


#: The date words of a text, from the document's shared vocabulary pass: one lookup per
#: distinct word instead of a scan of the whole text for the tails of anchor words.
_DATE_WORDS = WordTest(_is_date_word)


#: The patterns every match of which holds a word of one kind (its gate says so too):
#: they run only in the windows around the words of that kind, not around every number.
_OWN_ANCHOR = {"feast": "_feast", "month_part": "_part", "month_only": "_month", "weekday": "_weekday",
               "relative_day": "_relative", "days_ago": "_ago", "period": "_period"}
_OWN_KINDS = frozenset(_OWN_ANCHOR.values())
_EVERY_WINDOW = ("",)


@lru_cache(maxsize=None)
def _windows_opened(kinds: frozenset[str]) -> tuple[str, ...]:
    """The keys of ``_windows`` under which a word of these kinds opens a window."""
    return ("", *sorted(kinds & _OWN_KINDS))


def _windows(norm: str, words: CalendarWords, tokens: list[Token] | None = None) \
        -> tuple[dict[str, list[tuple[int, int]]], set[str]]:
    """Stretches of text around the words every date expression contains, and which
    kinds of such words the text has (``_kinds_of_word``): under "" the stretches around
    every such word, under each kind of ``_OWN_ANCHOR`` those its patterns run in. With
    the text's ``tokens``, when they are its \\w+ runs, its date words are read off them,
    and a kind's stretches are those around its own words. In other texts they are all
    the stretches: where a word is glued to a number ("في شهر نوفمبر2016"), a month can
    hide inside a word that is no anchor."""
    spans: dict[str, list[tuple[int, int]]] = {}
    seen: set[str] = set()
    if tokens is not None and tokens_are_word_runs(norm):
        candidates = [(tokens[i].start, tokens[i].end) for i in _DATE_WORDS.positions(tokens)]
        by_kind = True
    else:
        candidates = _candidate_words(norm, words)
        by_kind = False
    for word_start, word_end in candidates:
        kinds = _kinds_of_word(norm[word_start:word_end], words)
        if not kinds:
            continue
        seen |= kinds
        start = max(0, word_start - _ANCHOR_SPAN_BEFORE)
        end = min(len(norm), word_end + _ANCHOR_SPAN_AFTER)
        while start > 0 and not norm[start - 1].isspace():
            start -= 1
        while end < len(norm) and not norm[end].isspace():
            end += 1
        for key in _windows_opened(kinds) if by_kind else _EVERY_WINDOW:
            stretches = spans.get(key)
            if stretches is None:
                spans[key] = [(start, end)]
            elif start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
            else:
                stretches.append((start, end))
    if not by_kind and spans:
        spans.update(dict.fromkeys(seen & _OWN_KINDS, spans[""]))
    return spans, seen


def _range_precision(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _combine_ranges(found: list[DateMatch], norm: str, published: dt.date | None,
                    words: CalendarWords) -> list[DateMatch]:
    """"منذ X" runs from X to publication; "من X إلى Y" / "بين X و Y" from X to Y."""
    since_before, from_before, to_between, conjunction = words.range_glue
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        d = found[i]
        v = d.value
        nxt = found[i + 1] if i + 1 < len(found) else None
        before = norm[max(0, d.start - 12):d.start]
        gap = norm[d.end:nxt.start] if nxt else ""
        joined = bool(to_between.match(gap)) and (gap.strip() != "" or norm[nxt.start] == conjunction) if nxt else False
        if nxt and v.get("date") and nxt.value.get("date") and from_before.search(before) and joined:
            start, end = dt.date.fromisoformat(v["date"]), dt.date.fromisoformat(nxt.value["date_end"])
            if not v.get("year_explicit") and nxt.value.get("year_explicit"):
                start = safe_date(end.year, start.month, start.day) or start
            if start > end and not v.get("year_explicit"):
                start = safe_date(start.year - 1, start.month, start.day) or start
            if start <= end:
                head = from_before.search(before)
                begin = d.start - (len(before) - head.start()) if head else d.start
                while norm[begin] == " ":
                    begin += 1
                out.append(DateMatch(begin, nxt.end, val(start, end, _range_precision(start, end), "range")))
                i += 2
                continue
        since = since_before.search(before)
        if since is None and norm.startswith(words.since, d.start):
            since = re.search(r"$", before)  # the match itself begins with منذ
        if since and published and v.get("date") and v["category"] not in ("days_ago", "duration"):
            start = dt.date.fromisoformat(v["date"])
            if start <= published:
                begin = d.start - (len(before) - since.start())
                while norm[begin] == " ":
                    begin += 1
                out.append(DateMatch(begin, d.end, val(start, published, _range_precision(start, published), "range",
                                                        since=True)))
                i += 1
                continue
        out.append(d)
        i += 1
    return out


def _after_name_cue(norm: str, start: int, words: CalendarWords) -> bool:
    """"حي واحد حزيران", "ساحة 7 نيسان": the word before the date (or before its day
    number) names a place."""
    before = norm[max(0, start - 24):start].split()
    if len(before) > 1 and (before[-1].isdigit() or before[-1] in words.number_of):
        before.pop()  # "واحد حزيران": the month pattern read only the month
    return bool(before) and any(v in words.name_cues for v, _ in clitic_variants(before[-1]))


_WORD_BEFORE = re.compile(rf"({TOKEN_RE.pattern})\s*$")  # the word right before the digits
_WORD_AFTER = re.compile(rf" *({TOKEN_RE.pattern})")  # the word right after them, as a token


def _counts_a_noun(norm: str, start: int, end: int) -> bool:
    """"أعدم التنظيم أكثر من 2000 مواطن"، "ينشر 2000 جندي": the year's digits
    (``start``-``end``) count the noun right after them (``counts_not_a_year``)."""
    previous = _WORD_BEFORE.search(norm, max(0, start - 24), start)
    following = _WORD_AFTER.match(norm, end)
    return following is not None and counts_not_a_year(previous.group(1) if previous else "", following.group(1))


def _measures_a_record(norm: str, start: int, words: CalendarWords) -> bool:
    """"غارات هي الأعنف منذ شهر", "الأكثر دموية منذ عام", "للمرة الأولى منذ ست سنوات": a
    منذ phrase whose superlative or first is one of the two words before it tells how long
    the record stood, not when the act was."""
    since = words.since[0]  # منذ (not خلال: "على الأكثر خلال أسبوع")
    if not norm.startswith(since, start):
        lead = norm[max(0, start - 12):start].rstrip()
        if not lead.endswith(since):  # "منذ عام 2014": the year's pattern starts after منذ
            return False
        start = max(0, start - 12) + len(lead) - len(since)
    before = [w.strip(",.;:،\"'«»()") for w in norm[max(0, start - 40):start].split()[-2:]]
    return any(v in words.record_words for word in before for v, _ in clitic_variants(word))


def find_dates(ntext: NormalizedText, published: dt.date | None, tokens: list[Token] | None = None) -> list[DateMatch]:
    """All temporal expressions of a text, resolved; spans in normalized offsets. The
    text's ``tokens`` (``tokenize``), if given, spare a scan for its date words."""
    words = calendar_words()
    norm = ntext.norm
    taken = bytearray(len(norm) + 1)
    found: list[DateMatch] = []
    # Each pattern needs some literal; checking for it first skips most patterns on
    # most text, and the patterns only run in windows around anchor words.
    windows, seen = _windows(norm, words, tokens)
    has = {name: name in seen for name in
           ("_digit", "_month", "_hijri", "_weekday", "_relative", "_ago", "_period", "_part", "_ordinal", "_feast")}
    needs = {
        "hijri_numeric": has["_digit"], "numeric": has["_digit"],
        "range": has["_digit"] and has["_month"], "hijri": has["_digit"] and has["_hijri"],
        "feast": has["_feast"],
        "ordinal_day": (has["_digit"] or has["_ordinal"]) and (has["_month"] or has["_period"]),
        "month_part": has["_part"] and (has["_month"] or has["_period"]),
        "day_month": has["_digit"] and has["_month"], "month_only": has["_month"],
        "weekday": has["_weekday"], "relative_day": has["_relative"], "days_ago": has["_ago"],
        "period": has["_period"], "year": has["_digit"],
    }
    matches = []
    for kind in _ORDER:
        if not needs[kind]:
            continue
        pattern, gate = words.patterns[kind], words.gates[kind]
        # (no stretch of a kind: the text has no word of it, and the pattern cannot match)
        for ws, we in windows.get(_OWN_ANCHOR.get(kind, ""), ()):
            if gate.search(norm, ws, we):  # else the pattern cannot match in this window
                matches.extend([(kind, m) for m in pattern.finditer(norm, ws, we)])
    for kind, m in matches:  # in _ORDER: the more specific pattern claims its text first
        start, end = m.span()
        while start < end and norm[start] in " ":
            start += 1
        if taken.find(1, start, end) >= 0:
            continue
        if kind == "year" and _counts_a_noun(norm, m.start("year"), m.end("year")):
            continue  # a number of people or things; the count readers take it
        if _after_name_cue(norm, start, words) or _measures_a_record(norm, start, words):
            taken[start:end] = b"\x01" * (end - start)  # nor may a shorter pattern read its month
            continue
        try:
            value = resolve(kind, m, published, words, norm)
        except (ValueError, OverflowError):
            continue  # "منذ 5000 عام": nothing a calendar can hold
        if value is None:
            continue
        found.append(DateMatch(start, end, value))
        taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda d: d.start)
    return _combine_ranges(_relative_days_named(found, norm), norm, published, words)


#: What may stand between a relative day and the weekday that names it: "أمس الثلاثاء",
#: "أمس (الجمعة)", "اليوم، الأحد".
_NAMING_GAP = re.compile(r"[\s(،,]{1,4}")

#: "ظهر اليوم (أمس)": a newspaper's gloss, in parentheses, on a relative day it quotes.
_GLOSS_OPEN = re.compile(r"\s*\(\s*")


def _relative_days_named(found: list[DateMatch], norm: str) -> list[DateMatch]:
    """"خطفت جبهة النصرة يوم أمس الثلاثاء" in an article published on Thursday: the weekday
    names the day, since the article was written the day before it went out; and every other
    "أمس" or "اليوم" of that article counts from the day it was written. A relative day is
    read from publication only where the article never names it otherwise (or names it two
    ways)."""
    out: list[DateMatch] = []
    shifts = set()
    i = 0
    while i < len(found):
        d = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and d.value.get("category") == nxt.value.get("category") == "relative_day" \
                and _GLOSS_OPEN.fullmatch(norm, d.end, nxt.start) and norm[nxt.end:nxt.end + 1] == ")":
            # "أعدم التنظيم 44 شابا ظهر اليوم (أمس)": the quote's day as the paper dates it
            out.append(DateMatch(d.start, nxt.end + 1, dict(nxt.value, glossed=True)))
            i += 2
            continue
        if nxt is not None and d.value.get("category") == "relative_day" and nxt.value.get("category") == "weekday" \
                and nxt.value.get("precision") == 1 and not nxt.value.get("future") \
                and _NAMING_GAP.fullmatch(norm, d.end, nxt.start) and d.value.get("date") and nxt.value.get("date"):
            shift = (dt.date.fromisoformat(nxt.value["date"]) - dt.date.fromisoformat(d.value["date"])).days
            if -3 <= shift <= 0:
                shifts.add(shift)
                out.append(DateMatch(d.start, nxt.end, dict(nxt.value, named_day=True)))
                i += 2
                continue
        out.append(d)
        i += 1
    if len(shifts) != 1 or 0 in shifts:
        return out
    written = dt.timedelta(days=shifts.pop())
    return [_shifted(d, written) if d.value.get("category") == "relative_day" else d for d in out]


def _shifted(d: DateMatch, shift: dt.timedelta) -> DateMatch:
    day = dt.date.fromisoformat(d.value["date"]) + shift
    return DateMatch(d.start, d.end, dict(d.value, date=day.isoformat(), date_end=day.isoformat()))


class DateRecognizer:
    """Date expressions, resolved against the document's publication date."""

    name = "dates"

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        return (_DATE_WORDS,)  # the patterns run in windows around these words

    def __call__(self, analysis: Analysis) -> None:
        # (not in the dateline, nor in an outlet's name: the اليوم of "عين اليوم" is no day)
        names = outlet_names(analysis.ntext.norm)
        analysis.dates = [d for d in outside_dateline(analysis, find_dates(analysis.ntext, analysis.doc.published,
                                                                             analysis.tokens))
                          if not any(n.start < d.end and d.start < n.end for n in names)]
