"""Resolving a date expression to a window of days, one rule per kind of expression.

Each resolver turns a pattern's match into a value: ``date``/``date_end`` (ISO),
``precision`` (ACLED time precision 1/2/3), ``category`` and the flags the event stage
reads (``future``, ``background``, ``since``, ``unresolved``: a relative expression in a
document without a publication date; the year is never invented). None: not a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from rasd.recognize.dates.calendar import CalendarWords
from rasd.text.tokens import clitic_variants

Value = dict[str, Any]


@dataclass(frozen=True)
class Expression:
    """A pattern's match and what resolving it needs."""

    kind: str
    match: re.Match[str]
    published: dt.date | None
    words: CalendarWords
    norm: str

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)

    def phrase(self, name: str) -> str:
        """A group's words, spaces collapsed (``"تشرين  الأول"`` → ``"تشرين الأول"``)."""
        return " ".join((self.group(name) or "").split())


def val(start: dt.date | None, end: dt.date | None, precision: int, category: str, **flags: Any) -> Value:
    value: Value = {
        "date": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "precision": precision,
        "category": category,
    }
    value.update({k: v for k, v in flags.items() if v})
    return value


def _unresolved(precision: int, kind: str) -> Value:
    return val(None, None, precision, kind, unresolved=True)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def window_precision(start: dt.date, end: dt.date) -> int:
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 10 else 3


def _shift_month(published: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` (-1, 0, 1) from the publication's."""
    first = published.replace(day=1)
    if months < 0:
        return (first - dt.timedelta(days=1)).replace(day=1)
    if months > 0:
        return (first + dt.timedelta(days=32)).replace(day=1)
    return first


def month_year(month: int, year: str | None, mod: str | None, published: dt.date | None,
               words: CalendarWords, day: int | None = None) -> tuple[int | None, bool]:
    """The year of a month mention, and whether it lies after publication: stated, or
    the month of the year a modifier names ("آذار الماضي", "آذار من العام الماضي"), or
    the latest such month not after publication. A day of the month of publication that
    has already passed is this year's, "الماضي" or not ("السابع من أبريل الماضي" written
    on 16 April: a week before; a day a year back would have its year written)."""
    if year:
        y = int(year)
        return y, bool(published and (y, month) > (published.year, published.month))
    if published is None:
        return None, False
    mod_words = " ".join(mod.split()) if mod else ""
    relative_year = words.relative_years.get(mod_words.removeprefix(words.of + " "))
    if relative_year == -1:
        return published.year - 1, False
    last = mod_words.split()[-1] if mod_words else ""
    if last in words.future:
        y = published.year if month > published.month else published.year + 1
        return y, True
    if last in words.past:
        this_year = month < published.month or (month == published.month and day is not None and day < published.day)
        return (published.year if this_year else published.year - 1), False
    # no modifier, or "this year/current": the latest such month not after publication
    y = published.year if month <= published.month else published.year - 1
    if relative_year == 0 or last in words.current:
        y = published.year
    return y, (y, month) > (published.year, published.month)


def _month(x: Expression) -> int:
    return x.words.month_of[x.phrase("m1") or x.phrase("m1s")]


# -- one resolver per kind ---------------------------------------------------------------

def day_month(x: Expression) -> Value | None:
    """"15 آذار", "15 من شهر آذار 2018", "15 آذار الماضي"."""
    month, number = _month(x), int(x.group("day") or 0)
    year, future = month_year(month, x.group("year"), x.group("mod"), x.published, x.words, number)
    if year is None:
        return _unresolved(1, x.kind)
    day = safe_date(year, month, number)
    if day is None:
        return None
    return val(day, day, 1, x.kind, future=future, year_explicit=bool(x.group("year")))


def day_range(x: Expression) -> Value | None:
    """"بين 3 و5 آذار", "من 3 إلى 9 شهر كانون الثاني"."""
    month = _month(x)
    year, future = month_year(month, x.group("year"), x.group("mod"), x.published, x.words)
    if year is None:
        return _unresolved(1, x.kind)
    start = safe_date(year, month, int(x.group("d1") or 0))
    end = safe_date(year, month, int(x.group("d2") or 0))
    if not start or not end or end < start:
        return None
    return val(start, end, window_precision(start, end), x.kind, future=future)


def _hijri(year: int, month: int, day: int) -> dt.date | None:
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri(x: Expression) -> Value | None:
    """"12 ربيع الأول 1440 هـ"."""
    day = _hijri(int(x.group("year") or 0), x.words.hijri_month_of[x.phrase("hm")], int(x.group("day") or 0))
    return val(day, day, 1, x.kind) if day else None


def hijri_numeric(x: Expression) -> Value | None:
    """"5/9/1444 هـ"."""
    day = _hijri(int(x.group("year") or 0), int(x.group("hmn") or 0), int(x.group("day") or 0))
    return val(day, day, 1, "hijri") if day else None


def feast(x: Expression, published: dt.date) -> Value | None:
    """"أول أيام عيد الفطر", "يوم عيد الفطر", "عشية عيد الأضحى": a day of the feast whose
    first day lies nearest publication (the news tells of the one just past or the one
    coming); the last one before publication after a past word or منذ ("عيد الأضحى
    الماضي"), the next after a future word, the one of the year named after it ("من العام
    الماضي", "من عام 2017"). A bare name is no date: "احتفالات عيد الفطر" names the feast,
    and "خلال أيام عيد الفطر" mostly sums up a toll over it."""
    from hijridate import Gregorian

    words = x.words
    spec = words.feasts[x.phrase("feast")]
    year = Gregorian.fromdate(published).to_hijri().year
    firsts = [d for d in (_hijri(y, spec.month, spec.day) for y in range(year - 3, year + 2)) if d is not None]
    mod, named_year = x.phrase("fmod"), x.group("fyear")
    first: dt.date | None
    if named_year or x.group("fyrel"):
        wanted = int(named_year) if named_year else published.year - 1
        first = max((d for d in firsts if d.year == wanted), default=None)
    elif mod in words.future:
        first = min((d for d in firsts if d > published), default=None)
    elif mod in words.past or _after_since(x):
        first = max((d for d in firsts if d <= published), default=None)
    else:
        first = min(firsts, key=lambda d: abs((d - published).days), default=None)
    if first is None:
        return None
    nth = words.feast_ordinal_of.get(x.phrase("ford")) or words.feast_definite_of.get(x.phrase("fdef"))
    if nth is not None:
        if nth > spec.days:
            return None
        start = first + dt.timedelta(days=nth - 1)
    elif x.group("eve"):
        start = first - dt.timedelta(days=1)
    else:
        start = first
    return val(start, start, 1, x.kind, future=start > published, year_explicit=bool(named_year))


def _after_since(x: Expression) -> bool:
    """The expression follows منذ ("منذ أول أيام عيد الفطر"): a day already past."""
    return x.norm[max(0, x.match.start() - 12):x.match.start()].rstrip().endswith(x.words.since[0])


def ordinal_day(x: Expression) -> Value | None:
    """"السابع من الشهر الجاري", "3 من تشرين الأول"; not "الأسبوع الثاني من شباط". Two
    ordinals joined by و are the days from one to the other ("ليل السادس والسابع من
    أبريل"), unless together they are one ordinal ("الثاني والعشرين من آذار": the 22nd)."""
    published, words = x.published, x.words
    if x.norm[max(0, x.match.start() - 12):x.match.start()].rstrip().endswith(words.ordinal_not_day) \
            and (x.group("ord") or x.group("ord0")):
        return None  # "الأسبوع الثاني من شباط" is a week, not the 2nd
    number = words.ordinal_of[x.phrase("ord")] if x.group("ord") else int(x.group("day") or 0)
    first = number
    if x.group("ord0"):
        whole = words.ordinal_of.get(f"{x.phrase('ord0')} و{x.phrase('ord')}") if x.group("ord") else None
        first = number = whole or number
        if whole is None:
            first = words.ordinal_of[x.phrase("ord0")]
            if first >= number:
                return None
    which = _month_of(x, number)
    if which is None:
        return _unresolved(1, x.kind)
    y, mo, future = which
    start, day = safe_date(y, mo, first), safe_date(y, mo, number)
    if start is None or day is None:
        return None
    return val(start, day, window_precision(start, day), "day_month",
               future=future or bool(published and start > published))


def _month_of(x: Expression, day: int | None = None) -> tuple[int, int, bool] | None:
    """(year, month, whether it lies after publication) of the expression's month: counted
    from the publication ("الشهر الماضي") or named, with its year stated or inferred; None
    when the year cannot be known (no publication date)."""
    published = x.published
    if x.group("this"):
        if published is None:
            return None
        month = _shift_month(published, x.words.relative_months[x.phrase("this")])
        return month.year, month.month, (month.year, month.month) > (published.year, published.month)
    mo = _month(x)
    y, future = month_year(mo, x.group("year"), x.group("mod"), published, x.words, day)
    return None if y is None else (y, mo, future)


def month_part(x: Expression) -> Value | None:
    """"أواخر آذار", "منتصف الشهر الماضي" (precision 2); "منتصف هذا العام" (a third of
    the year, precision 3)."""
    published, words = x.published, x.words
    first, last = words.part_days[x.group("part") or ""]
    if x.group("this") and published is not None and x.phrase("this") in words.part_of_year:
        y = published.year + words.part_of_year[x.phrase("this")]
        months = {1: (1, 4), 11: (5, 8), 21: (9, 12)}[first]  # early/mid/late: a third of the year
        start = dt.date(y, months[0], 1)
        return val(start, dt.date(y, months[1], _last_day(y, months[1])), 3, x.kind)
    which = _month_of(x)
    if which is None:
        return _unresolved(2, x.kind)
    y, mo, future = which
    start = dt.date(y, mo, first)
    end = dt.date(y, mo, min(last, _last_day(y, mo)))
    return val(start, end, 2, x.kind, future=future, year_explicit=bool(x.group("year")))


def month_only(x: Expression) -> Value | None:
    """"في آب", "آذار 2018"; a bare ambiguous name ("مارس": he practised) is not a month."""
    words = x.words
    bare = not (x.group("lead") or x.group("year") or x.group("mod") or x.group("m2") or x.group("m2s"))
    if bare and x.phrase("m1") in words.ambiguous_months:
        return None
    month = _month(x)
    year, future = month_year(month, x.group("year"), x.group("mod"), x.published, words)
    if year is None:
        return _unresolved(3, x.kind)
    start = dt.date(year, month, 1)
    return val(start, dt.date(year, month, _last_day(year, month)), 3, x.kind, future=future,
               year_explicit=bool(x.group("year")))


def numeric(x: Expression) -> Value | None:
    """"2018-03-04", "4/3/2018"."""
    if x.group("y1"):
        y, mo, d = x.group("y1"), x.group("mo1"), x.group("d1")
    else:
        y, mo, d = x.group("y2"), x.group("mo2"), x.group("d2")
    day = safe_date(int(y or 0), int(mo or 0), int(d or 0))
    if day is None:
        return None
    return val(day, day, 1, x.kind, future=bool(x.published and day > x.published))


def year(x: Expression) -> Value | None:
    """"في عام 2014": a bare year is background."""
    y = int(x.group("year") or 0)
    return val(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, x.kind, background=True)


def weekday(x: Expression, published: dt.date) -> Value | None:
    """"الجمعة" is the latest Friday on or before publication, "الجمعة المقبل" the next;
    "مساء الثلاثاء والأربعاء" two days; not a name ("محمد الجمعة")."""
    words = x.words
    wd = words.weekday_of[x.group("wd") or ""]
    if not x.group("dp"):
        before = x.norm[max(0, x.match.start() - 12):x.match.start()].split()
        if before and any(v in words.blockers for v, _ in clitic_variants(before[-1])):
            return None
    offset = (published.weekday() - wd) % 7
    rel = x.group("rel")
    if rel in words.future:
        offset = -((wd - published.weekday()) % 7 or 7)
    elif rel and offset == 0:
        offset = 7
    start = published - dt.timedelta(days=offset)
    end = start
    if x.group("wd2"):
        end = start + dt.timedelta(days=(words.weekday_of[x.group("wd2") or ""] - wd) % 7)
    return val(start, end, window_precision(start, end), x.kind, future=offset < 0)


_TODAY = "اليوم"
#: The word right after an expression, with no punctuation between (a mark glued after it is left).
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _today_is_a_day(x: Expression) -> bool:
    """"اليوم" names the day of publication, but not in "هذا اليوم", "في اليوم الواحد" (a
    day), "في اليوم التالي" (the day after another) or "في اليوم نفسه" / "في نفس اليوم" (the
    day of what was told before)."""
    before = x.norm[max(0, x.match.start() - 12):x.match.start()].split()
    after = _NEXT_WORD.match(x.norm, x.match.end())  # "في اليوم ذاته." (not "اليوم، الثاني من نوعه")
    return not ((before and before[-1] in x.words.today_not_after)
                or (after is not None and after.group(1) in x.words.today_not_before))


def relative_day(x: Expression, published: dt.date) -> Value | None:
    """"أمس", "أول أمس", "الليلة الماضية", "اليوم"."""
    rd = x.phrase("rd")
    if rd == _TODAY and not _today_is_a_day(x):
        return None
    back = x.words.relative_days.get(rd)
    if back is None:  # "وأمس": a clitic on a word that may take one
        back = next(x.words.relative_days[v] for v, _ in clitic_variants(rd) if v in x.words.relative_days)
    day = published - dt.timedelta(days=back)
    return val(day, day, 1, x.kind)


def _count(x: Expression, default: int) -> int:
    n_text = x.group("n")
    if n_text and n_text.isdigit():
        return int(n_text)
    return x.words.number_of.get(n_text or "", default)


def days_ago(x: Expression, published: dt.date) -> Value | None:
    """"قبل 3 أيام" (that day); "منذ أسبوع", "قبل أسبوعين" (about then: a window of a
    day or so either side, event-schema.md §3.2); "منذ يومين", "خلال تسعة أشهر" (from
    then to publication); "قبل أيام" (a few days ago: a window)."""
    words = x.words
    unit = words.ago_units[x.group("unit") or ""]
    n_text = x.group("n")
    at = x.match.start()
    if x.norm.startswith(words.counted_back, at) and words.counted_from.match(x.norm, x.match.end()):
        return None  # "قبل شهر من بدء العملية": a month before something else, not before today
    duration = x.norm.startswith(words.durations, at)
    since = duration or x.norm.startswith(words.since, at)
    count = unit.count or (_count(x, 1) if n_text else unit.bare)
    n = count * unit.days
    if n_text is None and unit.few is not None:
        span, until = unit.few
        if since:  # "منذ أيام": for some days, up to publication; a start no one can date
            first = published - dt.timedelta(days=span)
            return val(first, published, window_precision(first, published), x.kind, since=True, vague=True)
        return val(published - dt.timedelta(days=span), published - dt.timedelta(days=until),
                   2 if span <= 7 else 3, x.kind)
    day = published - dt.timedelta(days=n)
    if n >= 7 and not duration:
        about = max(1, round(n / 10))  # "منذ أسبوع" = 8 to 6 days before publication
        first, last = day - dt.timedelta(days=about), day + dt.timedelta(days=about)
        return val(first, last, 2 if (last - first).days <= 10 else 3, x.kind)
    if n <= 6 and not since:
        return val(day, day, 1, x.kind)
    return val(day, published, window_precision(day, published), x.kind, since=since)


def period(x: Expression, published: dt.date) -> Value | None:
    """"الأسبوع الماضي" = [published−7, published−1]; "هذا الأسبوع", "الشهر الماضي",
    "العام الجاري"; "خلال الأيام الخمسة الماضية", "الساعات الأخيرة": up to publication."""
    words = x.words
    per = x.phrase("per")
    head, tail = per.split()[0], per.split()[-1]
    days = words.period_days.get(head)
    hours = x.group("h1") or x.group("h2")
    if hours:  # "الساعات ال24 الماضية", "الـ48 ساعة الماضية": a day back per 24 hours
        back = max(1, -(-int(hours) // 24))
        return val(published - dt.timedelta(days=back), published, 2, "duration")
    if days is not None and "back" in days:  # "اليومين الماضيين", "الأسبوعين الماضيين", "الساعات الأخيرة"
        start = published - dt.timedelta(days=days["back"])
        return val(start, published, 2 if days["back"] <= 7 else window_precision(start, published), "duration")
    if x.group("n"):  # "الأيام الخمسة الماضية"
        n = _count(x, 3) * days["unit"]  # type: ignore[index]
        return val(published - dt.timedelta(days=n), published, 2 if n <= 7 else 3, "duration")
    if days is not None:  # "الأيام الماضية": marked recent, a report of more than a week (when.over_a_week)
        start = published - dt.timedelta(days=days["recent"])
        return val(start, published, window_precision(start, published), "duration", recent=True)
    past = tail in words.past
    unit = words.period_kinds[per.split()[-1] if head in words.period_this else head]
    if unit == "week":
        if past:
            return val(published - dt.timedelta(days=7), published - dt.timedelta(days=1), 2, "week_relative")
        return val(published - dt.timedelta(days=6), published, 2, "week_relative")
    if unit == "month":
        first = published.replace(day=1)
        if past:
            last = first - dt.timedelta(days=1)
            return val(last.replace(day=1), last, 3, "month_relative")
        return val(first, published, 3, "month_relative")
    y = published.year - 1 if past else published.year
    end = dt.date(y, 12, 31) if y < published.year else published
    return val(dt.date(y, 1, 1), end, 3, "year", background=y < published.year)


#: Resolvers of expressions that stand on their own.
ABSOLUTE: dict[str, Callable[[Expression], Value | None]] = {
    "day_month": day_month, "range": day_range, "hijri": hijri, "hijri_numeric": hijri_numeric,
    "ordinal_day": ordinal_day, "month_part": month_part, "month_only": month_only,
    "numeric": numeric, "year": year,
}
#: Resolvers of expressions counted from publication (unresolved without one).
RELATIVE: dict[str, Callable[[Expression, dt.date], Value | None]] = {
    "weekday": weekday, "relative_day": relative_day, "days_ago": days_ago, "period": period, "feast": feast,
}


def resolve(kind: str, m: re.Match[str], published: dt.date | None, words: CalendarWords, norm: str) -> Value | None:
    x = Expression(kind, m, published, words, norm)
    if kind in ABSOLUTE:
        return ABSOLUTE[kind](x)
    if published is None:
        return _unresolved(1, kind)
    return RELATIVE[kind](x, published)
