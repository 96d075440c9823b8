"""The calendar words of Arabic news (``data/calendar.yaml``) and the date patterns
built from them. The patterns' shape is code; every word in them is data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasd.data import load_yaml
from rasd.text.normalize import alternation, normalize_key

_WORD = re.compile(r"\w+")
C = "(?<![\\w])"  # left word boundary (clitics are matched explicitly)
E = "(?![\\w])"


def _names_by_month(month_of: dict[str, int]) -> dict[int, list[str]]:
    """Each month's names (of both calendars), by its number."""
    names: dict[int, list[str]] = {}
    for name, number in month_of.items():
        names.setdefault(number, []).append(name)
    return names


def trie_alt(words: Iterable[str]) -> str:
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
class AgoUnit:
    """A unit of "قبل N <unit>": days per unit, the count a dual fixes, the count a bare
    unit means, and for a bare plural ("قبل أيام") the window it stands for."""

    days: int
    count: int | None
    bare: int
    few: tuple[int, int] | None  # (days back the window starts, days back it ends)


@dataclass(frozen=True)
class Feast:
    """A feast of the Hijri year: the month and day of its first day, and its length."""

    month: int
    day: int
    days: int


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
    # What ``find._windows`` looks for: a word's tail that is an anchor word, and a
    # word's tail from a character that may be a digit. Neither begins with a
    # look-behind, so the engine skips quickly along the text to the next possible start.
    word_tails: tuple[re.Pattern[str], ...]
    of: str  # the preposition of "15 من آذار"
    ago_units: dict[str, AgoUnit]
    since: tuple[str, ...]  # "منذ": a window that runs on to publication
    durations: tuple[str, ...]  # "خلال": always a window that runs on to publication
    relative_days: dict[str, int]  # "أمس" → 1 day back
    relative_months: dict[str, int]  # "الشهر الماضي" → -1
    relative_years: dict[str, int]  # "العام الماضي" → -1 (after a month name)
    part_of_year: dict[str, int]  # "منتصف العام الجاري" → 0
    period_days: dict[str, dict[str, int]]  # "الأيام" → {unit: 1, recent: 10}
    period_kinds: dict[str, str]  # "الأسبوع" → week
    period_this: tuple[str, ...]  # "هذا" of "هذا الأسبوع"
    ordinal_not_day: tuple[str, ...]  # "الأسبوع الثاني" is a week
    range_glue: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str]  # since / from / to / the conjunction
    name_cues: frozenset[str] = frozenset()  # "حي واحد حزيران": a date after them is a name
    counted_back: tuple[str, ...] = ()  # "قبل": "قبل يومين من الهجوم" counts back from the attack
    counted_from: re.Pattern[str] = re.compile(r"(?!)")  # " من الهجوم" after it (not " من الآن")
    today_not_after: frozenset[str] = frozenset()  # "هذا اليوم", "حتى اليوم": no day
    today_not_before: frozenset[str] = frozenset()  # "في اليوم الواحد", "اليوم التالي": no day
    record_words: frozenset[str] = frozenset()  # "الأعنف منذ شهر": the since-phrase measures a record
    feasts: dict[str, Feast] = field(default_factory=dict)  # "عيد الفطر" → 1 Shawwal, 4 days
    feast_ordinal_of: dict[str, int] = field(default_factory=dict)  # "ثاني" (أيام) → its 2nd day
    feast_definite_of: dict[str, int] = field(default_factory=dict)  # "(اليوم) الثاني من" → its 2nd day
    glued_day_lead: re.Pattern[str] = re.compile(r"(?!)")  # "منذ19 حزيران": a preposition glued to digits


def _index(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalize_key(w): int(k) for k, words in table.items() for w in words}


def _keys(table: dict[str, Any]) -> dict[str, Any]:
    return {normalize_key(k): v for k, v in table.items()}


def _ago_units(table: dict[str, dict[str, Any]]) -> dict[str, AgoUnit]:
    units = {}
    for word, spec in table.items():
        few = spec.get("few")
        units[normalize_key(word)] = AgoUnit(int(spec["days"]), spec.get("count"), int(spec.get("bare", 1)),
                                             (int(few["span"]), int(few["until"])) if few else None)
    return units


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
    relative_days = _keys(data["relative_days"])
    relative_months = _keys(data["relative_months"])
    relative_years = _keys(data["relative_years"])
    part_of_year = _keys(data["part_of_year"])
    ago_units = _ago_units(data["ago_units"])

    def slot(name: str) -> str:
        return alternation(data[name])

    of = normalize_key(data["of"][0])
    month = f"(?:{alternation(month_of)})"
    # "تموز/يوليو", "يوليو (تموز)"; and, without a mark between them, the two names of one
    # month ("20 يوليو تموز", as some agencies print it): ``m1s``/``m2s``, so that "يوليو"
    # before another month's name is still read alone
    same_month = "|".join(rf"(?:{alternation(names)})\s+(?:{alternation(names)})" for names in _names_by_month(month_of).values())
    paired = (rf"(?:(?=(?:{same_month}){E})(?P<m1s>{month})\s+(?P<m2s>{month})"
              rf"|(?P<m1>{month})(?:\s*(?:/|\\|-|\(|,)\s*(?P<m2>{month})\s*\)?)?)")
    year = rf"(?:\s*(?:,\s*)?(?:{of}\s+)?(?:{slot('year_in_date')})?\s*(?P<year>(?:19|20)\d\d)\s*(?:{slot('ad_suffix')}(?![\w]))?)"
    mods = alternation(list(data["past"]) + list(data["future"]) + list(data["current"]))
    modifier = rf"(?P<mod>\s+(?:{mods}|(?:{of}\s+)?(?:{alternation(relative_years)})))"
    day = r"(?P<day>[0-3]?\d)"
    # a day's number (or a year) may come right after a glued preposition ("منذ19 حزيران",
    # "في2011"): each is a lookbehind of its own, as a lookbehind takes one width
    glued = sorted({clitic + normalize_key(w) for w in data["glued_before_a_day"] for clitic in ("", "و", "ف")},
                   key=len, reverse=True)
    day_start = "(?:" + "|".join([C] + [rf"(?<={C}{w})" for w in glued]) + ")"
    part = f"(?P<part>{alternation(part_days)})"
    weekday = f"(?P<wd>{alternation(weekday_of)})"
    day_part = f"(?P<dp>{slot('day_parts')})"
    rel_mod = f"(?P<rel>{alternation(list(data['past']) + list(data['future']))})"
    hijri_month = f"(?P<hm>{alternation(hijri_of)})"
    num = rf"(?P<n>\d+|{alternation(numbers)})"
    ordinal_of = {normalize_key(k): int(v) for k, v in data["ordinal_days"].items()}
    ordinal = f"(?P<ord>{alternation(ordinal_of)})"
    feasts = {normalize_key(k): Feast(int(v["month"]), int(v["day"]), int(v["days"])) for k, v in data["feasts"].items()}
    feast_ordinal_of = _keys(data["feast_ordinals"])
    feast_definite_of = _keys(data["feast_ordinals_definite"])
    month_word = slot("month_word")
    this_month = f"(?P<this>{alternation(relative_months)})"
    clitic_days = {normalize_key(w) for w in data["relative_days_with_clitic"]}
    relative_day = "|".join(f"[وف]?(?:{alternation([w])})" if w in clitic_days else alternation([w])
                            for w in sorted(relative_days, key=len, reverse=True))

    per = (
        rf"(?:{slot('period_units')})\s+(?:{slot('period_when')})"
        rf"|(?:{slot('period_this')})\s+(?:{slot('period_this_units')})"
        rf"|(?:{slot('period_plurals')})\s+(?:(?:{slot('period_few')})\s+)?(?:{slot('period_recent')})"
        rf"|(?:{slot('period_short')})\s+(?:(?:ال)?(?P<h1>\d+)\s+)?(?:{slot('period_short_recent')})"
        rf"|(?:ال)?(?P<h2>\d+)\s+(?:{slot('period_hours')})\s+(?:{slot('period_short_recent')})"
        rf"|(?:{slot('period_counted')})\s+(?:ال)?{num}\s+(?:{slot('period_counted_recent')})"
    )
    patterns = {
        "range": re.compile(
            rf"{day_start}(?:(?:{slot('range_starts')})\s+)?(?P<d1>[0-3]?\d)\s*(?:{slot('range_joins')})\s*(?P<d2>[0-3]?\d)\s+"
            rf"(?:{of}\s+)?(?:{month_word}\s+)?{paired}{year}?{modifier}?{E}"
        ),
        "hijri": re.compile(
            rf"{C}{day}\s+(?:{of}\s+)?(?:{month_word}\s+)?{hijri_month}\s*(?:(?:{of}\s+)?(?:{slot('year_in_hijri_date')})\s+)?"
            rf"(?P<year>1[34]\d\d)\s*(?:{slot('hijri_suffix')})?{E}"
        ),
        "hijri_numeric": re.compile(
            r"(?<![\d/.-])(?P<day>[0-3]?\d)\s*[-/]\s*(?P<hmn>[01]?\d)\s*[-/]\s*(?P<year>1[34]\d\d)\s*"
            rf"(?:{slot('hijri_suffix')})(?![\w])"
        ),
        "feast": re.compile(
            rf"{C}[وفب]?(?:(?P<ford>{alternation(feast_ordinal_of)})\s+(?:{slot('feast_days_word')})\s+"
            rf"|(?:(?:{slot('feast_day_word')})\s+)?(?P<fdef>{alternation(feast_definite_of)})\s+(?:{of}\s+|ل)"
            rf"|(?P<first>{slot('feast_first_day')})\s+|(?P<eve>{slot('feast_eve')})\s+)"
            rf"[وفبل]?(?P<feast>{alternation(feasts)})"
            rf"(?:\s+(?:{slot('feast_epithets')}))?(?:\s+(?P<fmod>{mods})|\s+(?:{of}\s+)?(?:{slot('year_in_date')})\s+"
            rf"(?:(?P<fyear>(?:19|20)\d\d)|(?P<fyrel>{alternation(data['past'])})))?{E}"
        ),
        "ordinal_day": re.compile(
            # (no first ordinal that ends a month's name: "31 تشرين الأول والثاني من تشرين الثاني")
            rf"{C}(?:(?<!تشرين )(?<!كانون )(?<!ربيع )(?<!جمادي )(?P<ord0>{alternation(ordinal_of)})\s+و\s*)?"
            # "الـ20 من يناير": a day's number may take the article
            rf"(?:{ordinal}|(?:ال\s?)?(?P<day>[0-3]?\d))\s+{of}\s+"
            rf"(?:{this_month}|(?:{month_word}\s+)?{paired}{year}?{modifier}?){E}"
        ),
        "day_month": re.compile(
            rf"{day_start}{day}\s*(?:{of}\s+)?(?:{month_word}\s+)?{paired}{year}?{modifier}?{E}"
        ),
        "month_part": re.compile(
            rf"{C}[وفب]?(?:(?:{slot('in_part')})\s+)?{part}\s+(?:{month_word}\s+)?"
            rf"(?:(?:{paired}{year}?{modifier}?)|(?P<this>{alternation(list(relative_months) + list(part_of_year))}))(?:{E})"
        ),
        "month_only": re.compile(
            rf"{C}(?P<lead>[وفبل]?(?:{slot('in_month')})\s+)?{paired}(?:{year}|{modifier})?{E}"
        ),
        "numeric": re.compile(
            r"(?<![\d/.-])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<mo1>[01]?\d)[-/.](?P<d1>[0-3]?\d)"
            r"|(?P<d2>[0-3]?\d)[/.-](?P<mo2>[01]?\d)[/.-](?P<y2>(?:19|20)\d\d))(?![\d/.-])"
        ),
        "weekday": re.compile(
            rf"{C}(?:{day_part}\s+)?(?:[وف]?(?:(?:{slot('day_word')})\s+)?)?(?:[وفب]?){weekday}"
            rf"(?:(?:\s*(?:-|/|و)\s*|(?(dp)\s+(?:(?:{slot('night_joiners')})\s+)?|(?!)))"
            rf"(?P<wd2>{alternation(weekday_of)}))?(?:\s+{rel_mod})?{E}"
        ),
        "relative_day": re.compile(rf"{C}(?:{day_part}\s+)?(?P<rd>{relative_day}){E}"),
        "days_ago": re.compile(
            rf"{C}(?:{slot('ago')})\s+(?:(?:{slot('approximately')})\s+)?(?:{num}\s+)?(?P<unit>{alternation(ago_units)}){E}"
            r"(?!\s*(?:19|20)\d\d)"
        ),
        "period": re.compile(rf"{C}(?:(?:{slot('during')})\s+)?(?P<per>{per})(?:{E})"),
        "year": re.compile(
            # (the lookahead names the letters a match can start with: one test, where most
            # positions would fail each lookbehind of ``day_start`` in turn)
            rf"(?=[وفبل{''.join(sorted({normalize_key(w)[0] for w in data['bare_year_leads']}))}12]){day_start}"
            rf"(?:[وفبل]?(?:{slot('bare_year_leads')})\s+)?(?P<year>(?:19[5-9]|20[0-4])\d){E}"
        ),
    }
    blockers = frozenset(normalize_key(w) for w in data["weekday_blockers"])
    anchor_sets: dict[str, set[str]] = {}
    anchors = data["anchors"]
    for category, names in (("_month", month_of), ("_hijri", hijri_of), ("_weekday", weekday_of),
                            ("_part", part_days), ("_ordinal", ordinal_of),
                            ("_feast", [name.split()[-1] for name in feasts]),
                            ("_relative", [normalize_key(w) for w in anchors["relative"]]),
                            ("_ago", [normalize_key(w) for w in anchors["ago"]]),
                            ("_period", [normalize_key(w) for w in anchors["period"]])):
        for name in names:
            for w in name.split():
                if w not in (of, "و"):
                    anchor_sets.setdefault(w, set()).add(category)
    anchor_words = {w: frozenset(c) for w, c in anchor_sets.items()}
    # A gate is a piece of text every match of its pattern must contain, read off the
    # pattern above (keep the two in step): find_dates skips the windows without it.
    months_after = rf"(?:{of}\s+)?(?:{month_word}\s+)?(?:{month})"
    month_starts = {w.split()[0] for w in list(relative_months) + list(part_of_year)}
    gates = {
        "hijri_numeric": rf"1[34]\d\d\s*(?:{slot('hijri_suffix')})",
        "numeric": r"\d[-/.]\d",
        "range": rf"\d\s+{months_after}",
        "hijri": rf"\d\s+(?:{of}\s+)?(?:{month_word}\s+)?(?:{alternation(hijri_of)})",
        "feast": alternation(feasts),
        "ordinal_day": rf"\s{of}\s+(?:{alternation({w.split()[0] for w in relative_months})}|{month_word}|{month})",
        "month_part": rf"(?:{alternation(part_days)})\s+(?:{month_word}|{alternation(month_starts)}|{month})",
        "day_month": rf"\d\s*{months_after}",
        "month_only": rf"(?<![\w]){month}",  # after the lead's space or at the start
        "weekday": alternation(weekday_of),
        "relative_day": alternation(relative_days),
        "days_ago": rf"(?:{slot('ago')})\s",
        "period": per,
        "year": r"(?:19[5-9]|20[0-4])\d",
    }
    anchor_trie = trie_alt(w for w in anchor_words if _WORD.fullmatch(w))  # others never match
    word_tails = (
        re.compile(rf"{anchor_trie}(?![\w])"),
        # str.isdigit() holds for more than \d ("²"): take every word character but
        # the common letters, and let find._windows decide.
        re.compile(r"[^\W_a-zA-Z\u0621-\u064a]\w*"),
    )
    since = tuple(normalize_key(w) for w in data["since"])
    range_glue = (
        re.compile(rf"(?:^|\s)(?:{alternation(since)})(?:\s+(?:{slot('since_filler')}))?\s*$"),
        re.compile(rf"(?:^|\s)(?:{slot('range_starts')})\s*$"),
        re.compile(rf"^\s*(?:{slot('range_joins')})?\s*$"),
        normalize_key(data["range_joins"][0]),
    )
    return CalendarWords(month_of, hijri_of, weekday_of, part_days, past, future, current,
                         numbers, patterns, blockers, anchor_words, ordinal_of,
                         frozenset(normalize_key(w) for w in data["ambiguous_months"]),
                         {kind: re.compile(gate) for kind, gate in gates.items()}, word_tails,
                         of, ago_units, since, tuple(normalize_key(w) for w in data["durations"]),
                         relative_days, relative_months, relative_years, part_of_year,
                         {normalize_key(k): v for k, v in data["period_days"].items()},
                         _keys(data["period_kinds"]), tuple(normalize_key(w) for w in data["period_this"]),
                         tuple(normalize_key(w) for w in data["ordinal_not_day"]), range_glue,
                         frozenset(normalize_key(w) for w in data["name_cues"]),
                         tuple(normalize_key(w) for w in data["counted_back"]),
                         re.compile(rf"\s+{of}\s+(?!(?:{slot('now_words')})(?!\w))\w"),
                         today_not_after=frozenset(normalize_key(w) for w in data["today_not_after"]),
                         today_not_before=frozenset(normalize_key(w) for w in data["today_not_before"]),
                         record_words=frozenset(normalize_key(w) for w in data["record_words"]),
                         feasts=feasts, feast_ordinal_of=feast_ordinal_of, feast_definite_of=feast_definite_of,
                         glued_day_lead=re.compile(rf"(?:{'|'.join(glued)})\d"))
