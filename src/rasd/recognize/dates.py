"""Temporal expressions: recognized in normalized text, resolved against publication.

Each expression becomes a ``date`` mention whose value holds ``date``/``date_end`` (ISO),
``precision`` (ACLED time precision 1/2/3), ``category`` and flags the event stage uses:
``background`` (a year or an old date), ``future``, ``unresolved`` (needs a publication
date the document does not have; the year is never invented).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.data import load_yaml
from rasd.text.normalize import NormalizedText, normalize_key
from rasd.text.tokens import clitic_variants

_WORD = re.compile(r"\w+")
_C = "(?<![\\w])"  # left word boundary (clitics are matched explicitly)
_E = "(?![\\w])"


def _alt(words: list[str]) -> str:
    forms = sorted({normalize_key(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f).replace("\\ ", "\\s+") for f in forms)


def _trie_alt(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored by shared prefixes. A flat ``a|b|c`` makes
    the regex engine try every word at every position; the factored form tests one
    character per letter, which keeps a scan for hundreds of words fast."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_branch(trie)


def _trie_branch(node: dict[str, dict]) -> str:
    """The alternation of the words below ``node``, without their common prefix."""
    branches = [re.escape(ch) + _trie_branch(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class CalendarWords:
    month_of: dict[str, int]
    hijri_month_of: dict[str, int]
    weekday_of: dict[str, int]
    part_days: dict[str, tuple[int, int]]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    number_of: dict[str, int]
    patterns: dict[str, re.Pattern[str]]
    blockers: frozenset[str]
    anchors: dict[str, frozenset[str]]
    ordinal_of: dict[str, int]
    ambiguous_months: frozenset[str]
    # Every match of ``patterns[kind]`` contains a match of ``gates[kind]``, a short
    # expression the engine finds (or rules out) much faster than the pattern.
    gates: dict[str, re.Pattern[str]]
    # What ``_windows`` looks for: a word's tail that is an anchor word, and a word's
    # tail from a character that may be a digit. Neither begins with a look-behind, so
    # the engine skips quickly along the text to the next possible start.
    word_tails: tuple[re.Pattern[str], ...]


def _index(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalize_key(w): int(k) for k, words in table.items() for w in words}


@lru_cache(maxsize=1)
def calendar_words() -> CalendarWords:
    data = load_yaml("calendar.yaml")
    month_of = _index(data["gregorian_months"])
    hijri_of = _index(data["hijri_months"])
    weekday_of = _index(data["weekdays"])
    part_days: dict[str, tuple[int, int]] = {}
    for part in data["month_parts"].values():
        for w in part["words"]:
            part_days[normalize_key(w)] = (part["first_day"], part["last_day"])
    past = frozenset(normalize_key(w) for w in data["past"])
    future = frozenset(normalize_key(w) for w in data["future"])
    current = frozenset(normalize_key(w) for w in data["current"])
    numbers = {normalize_key(k): int(v) for k, v in data["number_words"].items()}

    month = f"(?:{_alt(list(month_of))})"
    paired = (
        rf"(?P<m1>{month})(?:\s*(?:/|\\|-|\(|,)\s*(?P<m2>{month})\s*\)?)?"
    )
    year = r"(?:\s*(?:,\s*)?(?:من\s+)?(?:عام|سنه|العام)?\s*(?P<year>(?:19|20)\d\d)\s*(?:م(?![\w]))?)"
    mods = _alt(list(data["past"]) + list(data["future"]) + list(data["current"]))
    modifier = (
        rf"(?P<mod>\s+(?:{mods}|(?:من\s+)?(?:هذا\s+العام|العام\s+(?:الجاري|الحالي|الماضي)"
        r"|السنه\s+(?:الجاريه|الحاليه|الماضيه))))"
    )
    day = r"(?P<day>[0-3]?\d)"
    part = f"(?P<part>{_alt(list(part_days))})"
    weekday = f"(?P<wd>{_alt(list(weekday_of))})"
    day_part = f"(?P<dp>{_alt(data['day_parts'])})"
    rel_mod = f"(?P<rel>{_alt(list(data['past']) + list(data['future']))})"
    hijri_month = f"(?P<hm>{_alt(list(hijri_of))})"
    num = rf"(?P<n>\d+|{_alt(list(numbers))})"
    ordinal_of = {normalize_key(k): int(v) for k, v in data["ordinal_days"].items()}
    ordinal = f"(?P<ord>{_alt(list(ordinal_of))})"

    per = (
        r"(?:الاسبوع|الشهر|العام|السنه)\s+(?:الماضي|الماضيه|الفائت|المنصرم|الجاري|الحالي|الجاريه|الحاليه)"
        r"|هذا\s+(?:الاسبوع|الشهر|العام)|(?:الايام|الاسابيع|الاشهر|الشهور)\s+(?:القليله\s+)?(?:الماضيه|الاخيره|المنصرمه)"
        rf"|(?:اليومين|الساعات)\s+(?:الماضيين|الماضيه|الاخيرين|الاخيره)|(?:الايام|الاسابيع|الاشهر)\s+(?:ال)?{num}\s+(?:الماضيه|الاخيره)"
    )
    patterns = {
        "range": re.compile(
            rf"{_C}(?:بين|من)\s+(?P<d1>[0-3]?\d)\s+(?:و|الي|حتي|-)\s*(?P<d2>[0-3]?\d)\s+(?:من\s+)?(?:شهر\s+)?{paired}{year}?{modifier}?{_E}"
        ),
        "hijri": re.compile(
            rf"{_C}{day}\s+(?:من\s+)?(?:شهر\s+)?{hijri_month}\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<year>1[34]\d\d)\s*(?:ه|هـ|للهجره)?{_E}"
        ),
        "hijri_numeric": re.compile(
            r"(?<![\d/.-])(?P<day>[0-3]?\d)\s*[-/]\s*(?P<hmn>[01]?\d)\s*[-/]\s*(?P<year>1[34]\d\d)\s*(?:ه|هـ)(?![\w])"
        ),
        "ordinal_day": re.compile(
            rf"{_C}(?:{ordinal}|(?P<day>[0-3]?\d))\s+من\s+(?:(?P<this>الشهر\s+(?:الجاري|الحالي|الماضي|الفائت|المنصرم|المقبل|القادم)|هذا\s+الشهر)|(?:شهر\s+)?{paired}{year}?{modifier}?){_E}"
        ),
        "day_month": re.compile(
            rf"{_C}{day}\s*(?:من\s+)?(?:شهر\s+)?{paired}{year}?{modifier}?{_E}"
        ),
        "month_part": re.compile(
            rf"{_C}[وفب]?(?:في\s+)?{part}\s+(?:شهر\s+)?(?:(?:{paired}{year}?{modifier}?)|(?P<this>الشهر\s+(?:الجاري|الحالي|الماضي|الفائت|المنصرم|المقبل|القادم)|هذا\s+الشهر|العام\s+(?:الجاري|الحالي|الماضي)|هذا\s+العام))(?:{_E})"
        ),
        "month_only": re.compile(
            rf"{_C}(?P<lead>[وفبل]?(?:شهر|في|منذ|خلال)\s+)?{paired}(?:{year}|{modifier})?{_E}"
        ),
        "numeric": re.compile(
            r"(?<![\d/.-])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<mo1>[01]?\d)[-/.](?P<d1>[0-3]?\d)"
            r"|(?P<d2>[0-3]?\d)[/.-](?P<mo2>[01]?\d)[/.-](?P<y2>(?:19|20)\d\d))(?![\d/.-])"
        ),
        "weekday": re.compile(
            rf"{_C}(?:{day_part}\s+)?(?:[وف]?(?:يوم\s+)?)?(?:[وفب]?){weekday}"
            rf"(?:\s*(?:-|/|و)\s*(?P<wd2>{_alt(list(weekday_of))}))?(?:\s+{rel_mod})?{_E}"
        ),
        "relative_day": re.compile(
            rf"{_C}(?:{day_part}\s+)?(?P<rd>اول\s+امس|امس\s+الاول|[وف]?امس|البارحه|اليوم|الليله\s+الماضيه){_E}"
        ),
        "days_ago": re.compile(
            rf"{_C}(?:قبل|منذ)\s+(?:{num}\s+)?(?P<unit>يومين|ايام|يوم|اسبوع|اسبوعين|اسابيع|شهرين|اشهر|شهور|شهر|عامين|اعوام|عام|سنتين|سنوات|سنه|سنين|عقدين|عقود|عقد){_E}(?!\s*(?:19|20)\d\d)"
        ),
        "period": re.compile(
            rf"{_C}(?:خلال\s+|في\s+|منذ\s+)?(?P<per>{per})(?:{_E})"
        ),
        "year": re.compile(
            rf"{_C}(?:[وفبل]?(?:عام|العام|سنه|السنه|مطلع|منذ|في)\s+)?(?P<year>(?:19[5-9]|20[0-4])\d){_E}"
        ),
    }
    blockers = frozenset(normalize_key(w) for w in data["weekday_blockers"])
    anchor_sets: dict[str, set[str]] = {}
    for category, names in (("_month", month_of), ("_hijri", hijri_of), ("_weekday", weekday_of),
                            ("_part", part_days), ("_ordinal", ordinal_of),
                            ("_relative", ("امس", "اليوم", "البارحه", "الليله")), ("_ago", ("قبل", "منذ")),
                            ("_period", ("الاسبوع", "الشهر", "العام", "السنه", "الايام", "الاسابيع", "الاشهر",
                                         "الشهور", "اليومين", "الساعات", "شهر"))):
        for name in names:
            for w in name.split():
                if w not in ("من", "و"):
                    anchor_sets.setdefault(w, set()).add(category)
    anchor_words = {w: frozenset(c) for w, c in anchor_sets.items()}
    # A gate is a piece of text every match of its pattern must contain, read off the
    # pattern above (keep the two in step): find_dates skips the windows without it.
    months_after = rf"(?:من\s+)?(?:شهر\s+)?(?:{month})"
    gates = {
        "hijri_numeric": r"1[34]\d\d\s*ه",
        "numeric": r"\d[-/.]\d",
        "range": rf"\d\s+{months_after}",
        "hijri": rf"\d\s+(?:من\s+)?(?:شهر\s+)?(?:{_alt(list(hijri_of))})",
        "ordinal_day": rf"\sمن\s+(?:الشهر|هذا|شهر|{month})",
        "month_part": rf"(?:{_alt(list(part_days))})\s+(?:شهر|الشهر|هذا|العام|{month})",
        "day_month": rf"\d\s*{months_after}",
        "month_only": rf"(?<![\w]){month}",  # after the lead's space or at the start
        "weekday": _alt(list(weekday_of)),
        "relative_day": r"امس|البارحه|اليوم|الليله\s+الماضيه",
        "days_ago": r"(?:قبل|منذ)\s",
        "period": per,
        "year": r"(?:19[5-9]|20[0-4])\d",
    }
    anchor_trie = _trie_alt(w for w in anchor_words if _WORD.fullmatch(w))  # others never match
    word_tails = (
        re.compile(rf"{anchor_trie}(?![\w])"),
        # str.isdigit() holds for more than \d ("²"): take every word character but
        # the common letters, and let _windows decide.
        re.compile(r"[^\W_a-zA-Z\u0621-\u064a]\w*"),
    )
    return CalendarWords(month_of, hijri_of, weekday_of, part_days, past, future, current,
                         numbers, patterns, blockers, anchor_words, ordinal_of,
                         frozenset(normalize_key(w) for w in data["ambiguous_months"]),
                         {kind: re.compile(gate) for kind, gate in gates.items()}, word_tails)


def _month_of(name: str, words: CalendarWords) -> int:
    return words.month_of[" ".join(name.split())]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _resolve_year(month: int, year: str | None, mod: str | None,
                  published: dt.date | None, words: CalendarWords) -> tuple[int | None, bool]:
    """The year of a month mention, and whether it lies after publication."""
    if year:
        y = int(year)
        return y, bool(published and (y, month) > (published.year, published.month))
    if published is None:
        return None, False
    mod_words = " ".join(mod.split()) if mod else ""
    last = mod_words.split()[-1] if mod_words else ""
    if "الماضي" in mod_words and "العام" in mod_words:
        return published.year - 1, False
    if last in words.future:
        y = published.year if month > published.month else published.year + 1
        return y, True
    if last in words.past:
        y = published.year if month < published.month else published.year - 1
        return y, False
    # no modifier, or "this year/current": the latest such month not after publication
    y = published.year if month <= published.month else published.year - 1
    if "هذا" in mod_words or "الجاري" in mod_words or "الحالي" in mod_words:
        y = published.year
    return y, (y, month) > (published.year, published.month)


def _window(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 10 else 3


def _val(start: dt.date | None, end: dt.date | None, precision: int, category: str,
         **flags: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "date": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "precision": precision,
        "category": category,
    }
    value.update({k: v for k, v in flags.items() if v})
    return value


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateMatch:
    start: int  # normalized offsets
    end: int
    value: dict[str, Any]


def _resolve(kind: str, m: re.Match[str], published: dt.date | None,
             words: CalendarWords, norm: str) -> dict[str, Any] | None:
    g = m.groupdict()
    unresolved = {"unresolved": True}
    if kind in ("day_month", "range"):
        month = _month_of(g["m1"], words)
        year, future = _resolve_year(month, g.get("year"), g.get("mod"), published, words)
        if year is None:
            return _val(None, None, 1, kind, **unresolved)
        if kind == "range":
            start = _safe_date(year, month, int(g["d1"]))
            end = _safe_date(year, month, int(g["d2"]))
            if not start or not end or end < start:
                return None
            return _val(start, end, _window(start, end), kind, future=future)
        day = _safe_date(year, month, int(g["day"]))
        if day is None:
            return None
        return _val(day, day, 1, kind, future=future, year_explicit=bool(g.get("year")))
    if kind == "hijri":
        from hijridate import Hijri

        try:
            day = Hijri(int(g["year"]), words.hijri_month_of[" ".join(g["hm"].split())],
                        int(g["day"])).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return _val(day, day, 1, kind)
    if kind == "hijri_numeric":
        from hijridate import Hijri

        try:
            day = Hijri(int(g["year"]), int(g["hmn"]), int(g["day"])).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return _val(day, day, 1, "hijri")
    if kind == "ordinal_day":
        if g.get("ord") and norm[max(0, m.start() - 12):m.start()].rstrip().endswith(("الاسبوع", "الاسابيع", "اليوم", "الشهر", "العام")):
            return None  # "الأسبوع الثاني من شباط" is a week, not the 2nd
        number = words.ordinal_of[" ".join(g["ord"].split())] if g.get("ord") else int(g["day"])
        if g.get("this"):
            if published is None:
                return _val(None, None, 1, kind, **unresolved)
            this = " ".join(g["this"].split())
            first = published.replace(day=1)
            if any(w in this for w in ("الماضي", "الفائت", "المنصرم")):
                first = (first - dt.timedelta(days=1)).replace(day=1)
            elif any(w in this for w in ("المقبل", "القادم")):
                first = (first + dt.timedelta(days=32)).replace(day=1)
            y, mo = first.year, first.month
            future = (y, mo) > (published.year, published.month)
        else:
            mo = _month_of(g["m1"], words)
            y_opt, future = _resolve_year(mo, g.get("year"), g.get("mod"), published, words)
            if y_opt is None:
                return _val(None, None, 1, kind, **unresolved)
            y = y_opt
        day = _safe_date(y, mo, number)
        if day is None:
            return None
        return _val(day, day, 1, "day_month", future=future or bool(published and day > published))
    if kind == "month_part":
        first, last = words.part_days[g["part"]]
        if g.get("this"):
            if published is None:
                return _val(None, None, 2, kind, **unresolved)
            this = " ".join(g["this"].split())
            if "العام" in this:
                y = published.year - 1 if "الماضي" in this else published.year
                # early/mid/late year: first/middle/last third as months
                months = {1: (1, 4), 11: (5, 8), 21: (9, 12)}[first]
                start = dt.date(y, months[0], 1)
                end = dt.date(y, months[1], _last_day(y, months[1]))
                return _val(start, end, 3, kind)
            month_date = published.replace(day=1)
            if any(w in this for w in ("الماضي", "الفائت", "المنصرم")):
                month_date = (month_date - dt.timedelta(days=1)).replace(day=1)
            elif any(w in this for w in ("المقبل", "القادم")):
                month_date = (month_date + dt.timedelta(days=32)).replace(day=1)
            y, mo = month_date.year, month_date.month
            future = (y, mo) > (published.year, published.month)
        else:
            mo = _month_of(g["m1"], words)
            y_opt, future = _resolve_year(mo, g.get("year"), g.get("mod"), published, words)
            if y_opt is None:
                return _val(None, None, 2, kind, **unresolved)
            y = y_opt
        start = dt.date(y, mo, first)
        end = dt.date(y, mo, min(last, _last_day(y, mo)))
        return _val(start, end, 2, kind, future=future, year_explicit=bool(g.get("year")))
    if kind == "month_only":
        bare = not (g.get("lead") or g.get("year") or g.get("mod") or g.get("m2"))
        if bare and " ".join(g["m1"].split()) in words.ambiguous_months:
            return None  # مارس "he practised", آب ...
        month = _month_of(g["m1"], words)
        year, future = _resolve_year(month, g.get("year"), g.get("mod"), published, words)
        if year is None:
            return _val(None, None, 3, kind, **unresolved)
        start = dt.date(year, month, 1)
        return _val(start, dt.date(year, month, _last_day(year, month)), 3, kind, future=future,
                    year_explicit=bool(g.get("year")))
    if kind == "numeric":
        y, mo, d = (g["y1"], g["mo1"], g["d1"]) if g.get("y1") else (g["y2"], g["mo2"], g["d2"])
        day = _safe_date(int(y), int(mo), int(d))
        if day is None:
            return None
        return _val(day, day, 1, kind, future=bool(published and day > published))
    if kind == "year":
        y = int(g["year"])
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        return _val(start, end, 3, kind, background=True)
    if published is None:
        return _val(None, None, 1, kind, **unresolved)
    if kind == "weekday":
        wd = words.weekday_of[g["wd"]]
        if not g.get("dp"):
            before = norm[max(0, m.start() - 12):m.start()].split()
            if before and any(v in words.blockers for v, _ in clitic_variants(before[-1])):
                return None
        offset = (published.weekday() - wd) % 7
        rel = g.get("rel")
        if rel in words.future:
            offset = -((wd - published.weekday()) % 7 or 7)
        elif rel and offset == 0:
            offset = 7
        start = published - dt.timedelta(days=offset)
        end = start
        if g.get("wd2"):
            end = start + dt.timedelta(days=(words.weekday_of[g["wd2"]] - wd) % 7)
        return _val(start, end, _window(start, end), kind, future=offset < 0)
    if kind == "relative_day":
        rd = " ".join(g["rd"].split())
        back = 2 if rd in ("اول امس", "امس الاول") else 1 if "امس" in rd or rd in (
            "البارحه", "الليله الماضيه") else 0
        day = published - dt.timedelta(days=back)
        return _val(day, day, 1, kind)
    if kind == "days_ago":
        unit = g["unit"]
        n_text = g.get("n")
        n = int(n_text) if n_text and n_text.isdigit() else words.number_of.get(n_text or "", 1)
        if unit in ("يومين",):
            n = 2
        if unit.startswith("اسبوع") or unit == "اسابيع":
            n = n * 7 if unit != "اسبوعين" else 14
        elif unit.startswith("شهر") or unit in ("اشهر", "شهور"):
            n = n * 30 if unit != "شهرين" else 60
        elif unit in ("عام", "اعوام", "سنه", "سنوات", "سنين", "عامين", "سنتين"):
            n = 730 if unit in ("عامين", "سنتين") else n * 365 if n_text else 3 * 365
        elif unit.startswith("عق"):
            n = 7300 if unit == "عقدين" else n * 3650 if n_text else 3 * 3650
        since = norm[m.start():m.start() + 3] == "منذ"
        if n_text is None and unit in ("ايام", "اسابيع", "اشهر", "شهور") and not since:
            # "قبل أيام": a few days (weeks, months) ago, not one
            span = {"ايام": 7, "اسابيع": 30, "اشهر": 90, "شهور": 90}[unit]
            start = published - dt.timedelta(days=span)
            end = published if since else published - dt.timedelta(days=2 if unit == "ايام" else 7)
            return _val(start, end, 2 if span <= 7 else 3, kind, since=since)
        day = published - dt.timedelta(days=n)
        if n <= 6 and not since:
            return _val(day, day, 1, kind)
        return _val(day, published, _window(day, published), kind, since=since)
    if kind == "period":
        per = " ".join(g["per"].split())
        if per.startswith(("اليومين", "الساعات")):
            back = 2 if per.startswith("اليومين") else 1
            return _val(published - dt.timedelta(days=back), published, 2, "duration")
        n_text = g.get("n")
        if n_text:
            n = int(n_text) if n_text.isdigit() else words.number_of.get(n_text, 3)
            unit = {"الايام": 1, "الاسابيع": 7, "الاشهر": 30}[per.split()[0]]
            start = published - dt.timedelta(days=n * unit)
            return _val(start, published, 2 if n * unit <= 7 else 3, "duration")
        if per.startswith(("الايام", "الاسابيع", "الاشهر", "الشهور")):
            span = {"الايام": 10, "الاسابيع": 30, "الاشهر": 90, "الشهور": 90}[per.split()[0]]
            start = published - dt.timedelta(days=span)
            return _val(start, published, _window(start, published), "duration")
        if "الاسبوع" in per:
            if any(w in per for w in ("الماضي", "الفائت", "المنصرم")):
                return _val(published - dt.timedelta(days=7), published - dt.timedelta(days=1), 2,
                            "week_relative")
            return _val(published - dt.timedelta(days=6), published, 2, "week_relative")
        if "الشهر" in per:
            first = published.replace(day=1)
            if any(w in per for w in ("الماضي", "الفائت", "المنصرم")):
                last = first - dt.timedelta(days=1)
                return _val(last.replace(day=1), last, 3, "month_relative")
            return _val(first, published, 3, "month_relative")
        y = published.year - 1 if any(w in per for w in ("الماضي", "الماضيه", "الفائت", "المنصرم")) else published.year
        end = dt.date(y, 12, 31) if y < published.year else published
        return _val(dt.date(y, 1, 1), end, 3, "year", background=y < published.year)
    return None


# Order matters: the more specific pattern claims its characters first.
_ORDER = ("hijri_numeric", "numeric", "range", "hijri", "ordinal_day", "month_part", "day_month",
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


def _windows(norm: str, words: CalendarWords) -> tuple[list[tuple[int, int]], set[str]]:
    """Stretches of text around the words every date expression contains, and which
    kinds of such words the text has.

    A word (a \\w+ run) counts if it begins with a digit or is an anchor word after at
    most two clitic letters."""
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    anchors = words.anchors
    for word_start, word_end in _candidate_words(norm, words):
        w = norm[word_start:word_end]
        if w[0].isdigit():
            seen.add("_digit")
        else:
            kinds = anchors.get(w) or anchors.get(w[1:]) or anchors.get(w[2:])
            if not kinds:
                continue
            seen |= kinds
        start = max(0, word_start - _ANCHOR_SPAN_BEFORE)
        end = min(len(norm), word_end + _ANCHOR_SPAN_AFTER)
        while start > 0 and not norm[start - 1].isspace():
            start -= 1
        while end < len(norm) and not norm[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans, seen


_SINCE = re.compile(r"(?:^|\s)منذ(?:\s+تاريخ)?\s*$")
_FROM = re.compile(r"(?:^|\s)(?:من|بين)\s*$")
_TO = re.compile(r"^\s*(?:و|الي|حتي|-)?\s*$")


def _range_precision(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _combine_ranges(found: list[DateMatch], norm: str, published: dt.date | None) -> list[DateMatch]:
    """"منذ X" runs from X to publication; "من X إلى Y" / "بين X و Y" from X to Y."""
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        d = found[i]
        v = d.value
        nxt = found[i + 1] if i + 1 < len(found) else None
        before = norm[max(0, d.start - 12):d.start]
        gap = norm[d.end:nxt.start] if nxt else ""
        joined = bool(_TO.match(gap)) and (gap.strip() != "" or norm[nxt.start] == "و") if nxt else False
        if nxt and v.get("date") and nxt.value.get("date") and _FROM.search(before) and joined:
            start, end = dt.date.fromisoformat(v["date"]), dt.date.fromisoformat(nxt.value["date_end"])
            if not v.get("year_explicit") and nxt.value.get("year_explicit"):
                start = _safe_date(end.year, start.month, start.day) or start
            if start > end and not v.get("year_explicit"):
                start = _safe_date(start.year - 1, start.month, start.day) or start
            if start <= end:
                head = _FROM.search(before)
                begin = d.start - (len(before) - head.start()) if head else d.start
                while norm[begin] == " ":
                    begin += 1
                out.append(DateMatch(begin, nxt.end, _val(start, end, _range_precision(start, end), "range")))
                i += 2
                continue
        since = _SINCE.search(before)
        if since is None and norm.startswith("منذ", d.start):
            since = re.search(r"$", before)  # the match itself begins with منذ
        if since and published and v.get("date") and v["category"] not in ("days_ago", "duration"):
            start = dt.date.fromisoformat(v["date"])
            if start <= published:
                begin = d.start - (len(before) - since.start())
                while norm[begin] == " ":
                    begin += 1
                out.append(DateMatch(begin, d.end, _val(start, published, _range_precision(start, published), "range",
                                                        since=True)))
                i += 1
                continue
        out.append(d)
        i += 1
    return out


def find_dates(ntext: NormalizedText, published: dt.date | None) -> list[DateMatch]:
    """All temporal expressions of a text, resolved; spans in normalized offsets."""
    words = calendar_words()
    norm = ntext.norm
    taken = bytearray(len(norm) + 1)
    found: list[DateMatch] = []
    # Each pattern needs some literal; checking for it first skips most patterns on
    # most text, and the patterns only run in windows around anchor words.
    windows, seen = _windows(norm, words)
    has = {name: name in seen for name in
           ("_digit", "_month", "_hijri", "_weekday", "_relative", "_ago", "_period", "_part", "_ordinal")}
    needs = {
        "hijri_numeric": has["_digit"], "numeric": has["_digit"],
        "range": has["_digit"] and has["_month"], "hijri": has["_digit"] and has["_hijri"],
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
        for ws, we in windows:
            if gate.search(norm, ws, we):  # else the pattern cannot match in this window
                matches.extend([(kind, m) for m in pattern.finditer(norm, ws, we)])
    for kind, m in matches:  # in _ORDER: the more specific pattern claims its text first
        start, end = m.span()
        while start < end and norm[start] in " ":
            start += 1
        if taken.find(1, start, end) >= 0:
            continue
        try:
            value = _resolve(kind, m, published, words, norm)
        except (ValueError, OverflowError):
            continue  # "منذ 5000 عام": nothing a calendar can hold
        if value is None:
            continue
        found.append(DateMatch(start, end, value))
        taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda d: d.start)
    return _combine_ranges(found, norm, published)
