"""Counts of people: digits, number words, vague words, dual and singular nouns; each
classified as killed, injured, captured, displaced, present (residents) or other from
the words nearest to it, and marked when it is a running total rather than one event's.

Injured are never read as dead: a count is a death toll only when a death word is
closer to it than any injury word. Likewise "وتشريد 11 مليون" next to "مقتل" counts
the displaced, not the dead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from rasd.data import load_yaml
from rasd.recognize import VocabularyItem
from rasd.text.normalize import alternation, normalize_key
from rasd.text.tokens import PhraseMatcher, Token, WordTest, reads_as, strip_article

if TYPE_CHECKING:
    from rasd.analysis import Analysis


@dataclass(frozen=True)
class CountMention:
    start: int  # normalized offsets
    end: int
    token_start: int
    token_end: int
    best: int
    low: int | None
    high: int | None
    role: str  # 'killed' | 'injured' | 'captured' | 'displaced' | 'present' | 'other'
    victims: str | None  # 'civilians' | 'fighters' | None
    among: bool  # "بينهم 4 أطفال": part of a total given before
    at_least: bool
    cumulative: bool = False  # a running total of a war or campaign ("منذ بدء الهجوم", 350 ألف)
    # a vague count read as people only for the death word before it ("مقتل العشرات"): how
    # many died, not a sign that the clause tells news (references say it of past attacks)
    after_a_death_word: bool = False
    vague: bool = False  # read from a word without a number ("العشرات", "عدد من"), not from digits


@dataclass(frozen=True)
class NumberWords:
    matcher: PhraseMatcher[tuple[str, int, int | None, int | None]]
    death: frozenset[str]
    injury: frozenset[str]
    capture: frozenset[str]
    civilian: frozenset[str]
    fighter: frozenset[str]
    at_least: tuple[tuple[str, ...], ...]
    displaced: frozenset[str] = frozenset()
    present: frozenset[str] = frozenset()
    cumulative_marker: re.Pattern[str] = re.compile(r"(?!)")  # matches nothing
    cumulative_at_least: int = 1000
    cumulative_window: tuple[int, int] = (16, 4)  # words before, after
    day_words: frozenset[str] = frozenset()
    not_people: frozenset[str] = frozenset()
    multipliers: dict[str, int] = field(default_factory=dict)  # "71 ألفا": word after digits → factor
    one_before_tens: frozenset[str] = frozenset()  # "واحد وعشرين": one more than the tens after it
    units: frozenset[str] = frozenset()  # the unit words ("ثلاثة", "خمسة")
    of_them: frozenset[str] = frozenset()  # "العشرات منهم": a vague count of people named before
    numbered_units: frozenset[str] = frozenset()  # "الفرقة 30": the number names the unit
    clause_openers: frozenset[str] = frozenset()  # "إن 13 مدنيا": no role word is read before these
    part_of_a_total: frozenset[str] = frozenset()  # "بينهم 4 أطفال": part of a total given before
    counted_nouns: frozenset[str] = frozenset()  # "2000 مواطن": a number before them is no year
    year_words: frozenset[str] = frozenset()  # "عام 2014": a number after them is a year
    falling: frozenset[str] = frozenset()  # "سقوط 30 جريحا": the noun after the count says who fell
    others: frozenset[str] = frozenset()  # "وخمسة عناصر آخرين": others besides the one named before
    others_with: frozenset[str] = frozenset()  # "قتل مع ثلاثة عناصر آخرين": the one named goes with them
    # "ارتفعت حصيلة القتلى ... إلى 52": the toll said to have risen (group "killed" or "injured")
    risen_toll: re.Pattern[str] = re.compile(r"(?!)")
    risen_to: frozenset[str] = frozenset()  # "إلى" before the count
    at_least_words: frozenset[str] = frozenset()  # the words of the at-least phrases ("أكثر من")
    one_of: frozenset[str] = frozenset()  # "أحد"، "إحدى"
    denials: frozenset[str] = frozenset()  # "دون مقتل أحد": nobody
    denied_results: frozenset[str] = frozenset()  # "لم" before a verb of result
    result_verbs: frozenset[str] = frozenset()  # "يسفر", "يؤد"
    days_apart: frozenset[str] = frozenset()  # weekdays, أمس, اليوم
    not_nouns_after_one_of: frozenset[str] = frozenset()
    animals: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = load_yaml("numbers.yaml")
    triggers = load_yaml("triggers.yaml")
    matcher: PhraseMatcher[tuple[str, int, int | None, int | None]] = PhraseMatcher()
    for word, value in data["units"].items():
        matcher.add(word, ("unit", int(value), None, None))
    for word, (best, low, high) in data["vague"].items():
        matcher.add(word, ("vague", best, low, high))
    for word in data["dual_nouns"]:
        matcher.add(word, ("dual", 2, None, None))
    for word in data["singular_nouns"]:
        matcher.add(word, ("singular", 1, None, None))
    for word in data["singular_after_death_word"]:
        matcher.add(word, ("singular_after_death_word", 1, None, None))
    for noun in data["singular_after_death_word"] + data["one_nouns"]:
        for one in data["one"]:  # "متظاهر واحد", "امرأة واحدة": a person counted one
            matcher.add(f"{noun} {one}", ("singular", 1, None, None))

    def words(values: list[str]) -> frozenset[str]:
        return frozenset(normalize_key(w) for w in values)

    cumulative = data["cumulative"]
    return NumberWords(
        matcher, words(triggers["death_words"]), words(triggers["injury_words"]),
        words(triggers["capture_words"]), words(triggers["victim_civilian_words"]),
        words(triggers["victim_fighter_words"]),
        tuple(tuple(normalize_key(w).split()) for w in data["at_least"]),
        words(data["displaced_words"]), words(data["present_words"]),
        _cumulative_marker(cumulative), int(cumulative["at_least"]),
        (int(cumulative["before"]), int(cumulative["after"])), words(cumulative["day_words"]),
        words(data["not_people"]), {normalize_key(w): int(v) for w, v in data["multipliers"].items()},
        words(data["one_before_tens"]), words(list(data["units"])), words(data["of_them"]),
        words(data["numbered_units"]), words(data["clause_openers"]), words(data["part_of_a_total"]),
        words(data["counted_nouns"]), words(data["year_words"]), words(data["falling"]),
        words(data["others"]), words(data["others_with"]),
        _risen_toll(data["risen_toll"]), words(data["risen_toll"]["to"]),
        frozenset(w for phrase in data["at_least"] for w in normalize_key(phrase).split()),
        words(data["one_of"]), words(data["denials"]), words(data["denied_results"]), words(data["result_verbs"]),
        words(data["days_apart"]), words(data["not_nouns_after_one_of"]),
        words(data["animals"]), words(data["relative_pronouns"]),
    )


def counts_not_a_year(previous: str, following: str) -> bool:
    """Whether a four-digit number between the words ``previous`` and ``following`` is how
    many ("أكثر من 2000 مواطن", "2000 شخصا"), not a year: a noun that numbers count comes
    right after it, and no year word ("عام", "سنة") right before it. The date finder and
    the count reader both ask, so that the two never read one number both ways."""
    words = number_words()
    return following in words.counted_nouns and not reads_as(previous, words.year_words)


def _risen_toll(data: dict) -> re.Pattern[str]:
    """One regex for "a toll of the dead (injured) rose" (numbers.yaml ``risen_toll``)."""
    return re.compile(
        rf"(?<!\w)[وفل]?(?:{alternation(data['verbs'])})\s+(?:(?:{alternation(data['totals'])})\s+)?"
        rf"(?:(?P<killed>{alternation(data['killed'])})(?P<and_injured>(?:\s+\S+){{0,2}}?\s+و(?:{alternation(data['injured'])}))?"
        rf"|(?P<injured>{alternation(data['injured'])}))(?!\w)")


def _cumulative_marker(data: dict) -> re.Pattern[str]:
    """One regex for the words that make a toll a running total (numbers.yaml)."""
    return re.compile(
        rf"(?<!\w)[وف]?(?:{alternation(data['phrases'])}"
        rf"|{re.escape(normalize_key(data['since']))}(?!\s+(?:{alternation(data['since_not_before'])})(?!\w))"
        rf"|{re.escape(normalize_key(data['during']))}\s+(?:ال)?(?:\d+\s+)?(?:{alternation(data['periods'])})"
        rf"|{re.escape(normalize_key(data['in']))}\s+(?:{alternation(data['plural_periods'])}))(?!\w)")


_DIGITS = re.compile(r"^\d{1,6}$")
_TEXT = attrgetter("text")
def _digits_of(word: str) -> str | None:
    """The digits of a word that is a number, or one with و or ف glued to it ("و18": "and
    18", as in "قتل 28 عنصرا و18 مقاتلا"), else None."""
    if word.isdigit():
        return word
    return word[1:] if word[:1] in "وف" and word[1:].isdigit() else None


def _is_digit_word(word: str) -> bool:
    return _digits_of(word) is not None


# where the digit words are: answered by the document's shared vocabulary pass (one
# lookup per distinct word) instead of a test of every token of every article
_DIGIT_WORDS = WordTest(_is_digit_word)


def _in(word: str, table: frozenset[str]) -> bool:
    return reads_as(word, table, without_article=True)


@lru_cache(maxsize=65536)
def _counts_no_people(word: str) -> bool:
    """The noun after a number counts things, distances, durations or ages, not people."""
    return reads_as(word, number_words().not_people)


@lru_cache(maxsize=65536)
def _role_of_word(word: str) -> str | None:
    """The role a word gives a count near it (the first of injured, killed, captured,
    displaced, present whose words it is), or None. Cached: the window scan asks for
    the same words often."""
    words = number_words()
    for role, table in (("injured", words.injury), ("killed", words.death), ("captured", words.capture),
                        ("displaced", words.displaced), ("present", words.present)):
        if _in(word, table):
            return role
    return None


def _role(tokens: list[Token], start: int, end: int, noun_included: bool = False) -> str:
    """The role of the count at tokens[start:end]: the nearest death, injury, capture,
    displacement or presence word wins; at equal distance the word before, but for a word
    of falling ("سقوط 30 جريحا"), which takes the role of the noun right after the count.
    A word after the count that opens a new predicate with و ("قتل 40 شخصا وأصيب 100", and
    right after a count that is its own noun: "قتل فيها متظاهر واحد وأصيب 25") belongs to
    the next count: the word before wins over it. Words before a complementizer ("إن 13
    مدنيا") are another clause's."""
    size = len(tokens)
    before: tuple[int, str] | None = None
    fell = False  # the word before is one of falling, which takes the role of the noun after
    after: tuple[int, str, bool] | None = None
    openers = number_words().clause_openers
    floor = next((start - 1 - d for d in range(0, 7) if start - 1 - d >= 0 and tokens[start - 1 - d].text in openers), -1)
    for distance in range(0, 7):
        j = start - 1 - distance
        if before is None and j > floor:
            role = _role_of_word(tokens[j].text)
            if role:
                before = (distance, role)
                fell = _in(tokens[j].text, number_words().falling)
        j = end + distance
        if after is None and j < size:
            role = _role_of_word(tokens[j].text)
            if role:
                after = (distance, role, (distance > 0 or noun_included) and tokens[j].text.startswith("و"))
        if before is not None and after is not None:
            break
    # "ثلاثة شهداء وعشرة جرحى": a count joined by و takes the noun right after it, not the
    # word of the count before it
    own_noun = after is not None and after[0] == 0 and (tokens[start].text.startswith("و") or fell)
    word = tokens[start].text
    if before is not None and before[0] == 0 and not fell and word.startswith("و") \
            and (word[1:].isdigit() or word[1:] in number_words().units):  # (not "واحد")
        # "أن طفلا توفي و13 شخصا على الأقل واجهوا صعوبات في التنفس": a verb right before a count
        # joined by و ends the clause before it; the count opens its own
        before = None
    if before is not None and not own_noun and (after is None or after[2] or before[0] <= after[0]):
        return before[1]
    return after[1] if after is not None else "other"


@lru_cache(maxsize=65536)
def _victims_of_word(word: str) -> str | None:
    """'civilians' or 'fighters' when the word names such victims (civilian words
    first), else None. Cached, like ``_role_of_word``."""
    words = number_words()
    if _in(word, words.civilian):
        return "civilians"
    if _in(word, words.fighter):
        return "fighters"
    return None


@lru_cache(maxsize=65536)
def death_word(word: str) -> bool:
    """A death word under some clitic reading, with or without its article (cached)."""
    return _in(word, number_words().death)


@lru_cache(maxsize=65536)
def death_or_injury_word(word: str) -> bool:
    """A word of death or injury under some clitic reading ("وقتل", "أصيب"), the article
    not taken off (cached)."""
    numbers = number_words()
    return reads_as(word, numbers.death) or reads_as(word, numbers.injury)


def _victims(tokens: list[Token], end: int) -> str | None:
    """Who the count's people are, from its last word and the three after it."""
    for j in range(end - 1, min(end + 3, len(tokens))):
        victims = _victims_of_word(tokens[j].text)
        if victims:
            return victims
    return None


@dataclass(frozen=True)
class _PhraseIndex:
    """Phrases of words indexed for the test next to a count: their first and last
    words (most counts have neither beside them) and the phrases by number of words."""

    first: frozenset[str]
    last: frozenset[str]
    by_length: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]
    has_empty: bool  # an empty phrase is next to every count


@lru_cache(maxsize=4)
def _phrase_index(phrases: tuple[tuple[str, ...], ...]) -> _PhraseIndex:
    lengths = sorted({len(p) for p in phrases if p})
    return _PhraseIndex(frozenset(p[0] for p in phrases if p), frozenset(p[-1] for p in phrases if p),
                        tuple((n, frozenset(p for p in phrases if len(p) == n)) for n in lengths),
                        () in phrases)


def _at_least(tokens: list[Token], ts: int, te: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of ``phrases`` ("على الأقل", "نحو", "أكثر من") ends right before the
    count at tokens[ts:te] or starts right after it."""
    index = _phrase_index(phrases)
    before = ts > 0 and tokens[ts - 1].text in index.last
    after = te < len(tokens) and tokens[te].text in index.first
    if not (before or after):
        return index.has_empty
    for n, table in index.by_length:
        if before and ts >= n and tuple(map(_TEXT, tokens[ts - n:ts])) in table:
            return True
        if after and te + n <= len(tokens) and tuple(map(_TEXT, tokens[te:te + n])) in table:
            return True
    return index.has_empty


_TENS = frozenset(range(20, 100, 10))
#: The word before the first number of a range ("بين مئة ومئتي").
_RANGE_OPENERS = frozenset({"بين"})
_Span = tuple[int, int, str, int, int | None, int | None]  # token start, end, kind, best, low, high


def _compound_numbers(tokens: list[Token], spans: list[_Span]) -> list[_Span]:
    """"خمسة وعشرين", "واحد وعشرين": a unit joined by و to the tens after it is one number
    (Arabic says the units first), not two counts."""
    tens = [sp for sp in spans if sp[2] == "unit" and sp[3] in _TENS and tokens[sp[0]].text.startswith("و")]
    if not tens:
        return _hundreds_and_units(tokens, spans)
    by_end = {sp[1]: sp for sp in spans if sp[2] == "unit" and 1 <= sp[3] <= 9}
    merged: list[_Span] = []
    gone: set[_Span] = set()
    for t in tens:
        unit = by_end.get(t[0])
        if unit is not None:
            merged.append((unit[0], t[1], "unit", unit[3] + t[3], None, None))
            gone.update({unit, t})
        elif t[0] > 0 and tokens[t[0] - 1].text in number_words().one_before_tens:
            merged.append((t[0] - 1, t[1], "unit", 1 + t[3], None, None))
            gone.add(t)
    spans = sorted([sp for sp in spans if sp not in gone] + merged) if merged else spans
    return _hundreds_and_units(tokens, spans)


def _below_its_order(round_number: int, rest: int) -> bool:
    """"ألف وسبعمئة", "مئة وعشرون": ``rest`` is below the order of ``round_number``."""
    return (round_number % 1000 == 0 and rest < 1000) or (round_number % 100 == 0 and rest < 100)


def _hundreds_and_units(tokens: list[Token], spans: list[_Span]) -> list[_Span]:
    """"مئة وعشرون", "ثلاثمئة وخمسة وعشرين", "ألف وسبعمئة": hundreds or thousands joined
    by و to a smaller number right after them are one number; "بين مئة ومئتي قتيل" is a range, from the first to
    the second (its lowest figure the count, ACLED's rule)."""
    out: list[_Span] = []
    for sp in sorted(spans):  # (the digits are found after the number words)
        last = out[-1] if out else None
        joined = last is not None and last[1] == sp[0] and tokens[sp[0]].text.startswith("و") \
            and last[2] in ("unit", "digits") and sp[2] in ("unit", "digits")
        if joined and last is not None and last[2] == sp[2] == "unit" and _below_its_order(last[3], sp[3]):
            out[-1] = (last[0], sp[1], "unit", last[3] + sp[3], None, None)
        elif joined and last is not None and last[0] > 0 and tokens[last[0] - 1].text in _RANGE_OPENERS \
                and sp[3] > last[3]:
            out[-1] = (last[0], sp[1], last[2], last[3], last[3], sp[3])
        else:
            out.append(sp)
    return out


def find_counts(norm: str, tokens: list[Token]) -> list[CountMention]:
    words = number_words()
    spans: list[_Span] = []
    for m in words.matcher.find(tokens):
        kind, best, low, high = m.payload
        spans.append((m.token_start, m.token_end, kind, best, low, high))
    taken = {i for s in spans for i in range(s[0], s[1])}
    consumed: set[int] = set()  # multiplier words read with the digits before them
    for i in _DIGIT_WORDS.positions(tokens):
        tok = tokens[i]
        digits = _digits_of(tok.text)
        if i not in taken and digits is not None and _DIGITS.match(digits):
            after = norm[tok.end:tok.end + 2]
            if after.startswith(("%", "/", ".", "-", ":")) and not after.startswith((". ", "- ")):
                continue  # percentages, dates, decimals, times
            value = int(digits)
            following = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if 1900 <= value <= 2100 and not counts_not_a_year(tokens[i - 1].text if i else "", following):
                continue  # a year ("2000 مواطن" is a number of citizens)
            if i > 0 and _in(tokens[i - 1].text, words.numbered_units):
                continue  # "من الفرقة 30", "اللواء 47": the unit's name, not a count
            end = i + 1
            if following in words.multipliers:
                consumed.add(i + 1)
                value, end = value * words.multipliers[following], i + 2
                rest = tokens[i + 2].text if i + 2 < len(tokens) else ""
                then = tokens[i + 3].text if i + 3 < len(tokens) else ""
                # "71 ألفا و781": one number; "بين 270 ألفا و330 ألف": two
                if rest.startswith("و") and _DIGITS.match(rest[1:]) and then not in words.multipliers:
                    value, end = value + int(rest[1:]), i + 3
                    taken.add(i + 2)  # (not a count of its own)
            spans.append((i, end, "digits", value, None, None))
    if consumed:  # "3 آلاف": one count of 3000, not 3000 and "آلاف"
        spans = [sp for sp in spans if sp[2] == "digits" or sp[0] not in consumed]
    spans = _compound_numbers(tokens, spans)
    counts: list[CountMention] = []
    taken_numbers = {i for s in spans if s[2] in ("unit", "digits", "vague") for i in range(s[0], s[1])}
    nouns_of_numbers: set[int] = set()
    for ts, te, kind, best, low, high in sorted(spans):
        if kind == "vague" and te < len(tokens) and strip_article(tokens[te].text) in words.multipliers:
            # "مقتل مئات الآلاف من المدنيين": hundreds of thousands, a running total
            factor = words.multipliers[strip_article(tokens[te].text)]
            best, low, high, te = best * factor, None if low is None else low * factor, \
                None if high is None else high * factor, te + 1
        if kind in ("unit", "digits") and te < len(tokens) and _counts_no_people(tokens[te].text):
            continue  # "25 كيلومترا", "خلال 24 ساعة", "300 قذيفة": not people
        # "أربعة عشر": unit followed by عشر handled by the lexicon; "خمسة وعشرين"
        prev = tokens[ts - 1].text if ts else ""
        among = prev in words.part_of_a_total \
            or _listed_after_a_part(norm, tokens, ts, counts)
        # "شخص واحد": the noun of a phrase count names its people, not the "one" after it
        victims = (_victims_of_word(tokens[ts].text) if te - ts > 1 else None) or _victims(tokens, te)
        if kind == "singular_after_death_word":
            if not death_word(prev) or ts in taken_numbers:
                continue  # "قصف حي مدني": an adjective, not a person; "مقتل أحد وعشرين": 21
            if tokens[ts].text in words.one_of and not _one_of_them(norm, tokens, ts, words):
                continue  # "ولم يسفر القصف عن مقتل أحد": nobody
            kind = "singular"
        if kind == "dual" and ts and len(prev) > 4 and prev.endswith("ان") and not prev.startswith("و"):
            continue  # "مصدران عسكريان", "ناشطان مدنيان": the adjective of a dual noun, no count
        if kind in ("dual", "singular"):
            victims = victims or "fighters"
        following = tokens[te].text if te < len(tokens) else ""
        after_a_death_word = kind == "vague" and victims is None and not death_word(following) \
            and following not in words.of_them
        if after_a_death_word and not _counts_the_dead_before(tokens, ts, te, words):
            continue  # "قذائف عدة": several shells, not several people
        if kind == "singular" and (ts - 1 in taken_numbers or prev.isdigit()
                                   or (ts - 1 in nouns_of_numbers and not tokens[ts].text.startswith("و"))):
            nouns_of_numbers.add(ts)
            # "45 عنصرا": the noun of a number, not one more person; "30 قتيلا مدنيا": its
            # adjective (not "12 مدنيا وجنديا": a soldier more, joined by و)
            continue
        role = _role(tokens, ts, te, kind in ("singular", "dual"))
        if role == "other":
            role = _role_of_a_risen_toll(norm, tokens, ts, counts, words) \
                or _role_of_a_subject_count(norm, tokens, ts, te, words) or role
        if kind == "singular" and not (prev.startswith("و") or role == "killed"):
            continue  # a lone noun counts one person only after و or near a death word
        if role == "killed" and not among and _besides_one_named_before(norm, tokens, ts, te, counts, words):
            best, low, high = best + 1, None if low is None else low + 1, None if high is None else high + 1
        counts.append(CountMention(tokens[ts].start, tokens[te - 1].end, ts, te, best, low, high,
                                   role, victims, among, _at_least(tokens, ts, te, words.at_least),
                                   _cumulative(norm, tokens, ts, te, best, words), after_a_death_word,
                                   kind == "vague"))
    return counts


_SENTENCE_ENDS = ".!?؟\n"


def _counts_the_dead_before(tokens: list[Token], ts: int, te: int, words: NumberWords) -> bool:
    """"أسفر عن مقتل العشرات", "أودى بحياة العشرات": a vague count right after a word of
    death counts the dead. Not after a word of falling, whose noun after the count says who
    fell ("وسقط العشرات ... بين قتيل وجريح", "سقوط مئات القذائف"); nor before a noun that
    counts things or animals, right after it or after "من" ("مقتل العشرات من رؤوس الماشية").
    (Thousands after it are read into the count before: "مقتل مئات الآلاف" is a running
    total.)"""
    previous = tokens[ts - 1].text if ts else ""
    if not death_word(previous) or _in(previous, words.falling):
        return False
    following = tokens[te].text if te < len(tokens) else ""
    if following == "من" and te + 1 < len(tokens):
        following = tokens[te + 1].text
    return not (_in(following, words.not_people) or _in(following, words.animals))


def _one_of_them(norm: str, tokens: list[Token], ts: int, words: NumberWords) -> bool:
    """"مقتل أحد قادته", "وقتل أحد المحتجين": "one of" before the noun it counts one of; not
    "ولم يسفر القصف عن مقتل أحد" nor "دون مقتل أحد" (nobody), which end with it or deny it."""
    if ts + 1 >= len(tokens) or _CLAUSE_BREAK.search(norm, tokens[ts].end, tokens[ts + 1].start) \
            or tokens[ts + 1].text in words.not_nouns_after_one_of:
        return False
    death = ts - 1  # the death word ("مقتل")
    if death > 0 and tokens[death - 1].text in words.denials:
        return False  # "دون مقتل أحد"
    for j in range(death - 1, max(0, death - _DENIED_RESULT_WITHIN) - 1, -1):
        if _CLAUSE_BREAK.search(norm, tokens[j].end, tokens[j + 1].start):
            break
        if j > 0 and tokens[j].text in words.result_verbs and tokens[j - 1].text in words.denied_results:
            return False  # "ولم يسفر القصف الجوي على البلدة عن مقتل أحد"
    return True


#: How far before the death word "لم" and a verb of result may deny it (``_one_of_them``).
_DENIED_RESULT_WITHIN = 9


#: How far back (in characters) a sentence may have said that a toll rose
#: (``_role_of_a_risen_toll``).
_RISEN_TOLL_WITHIN = 300


#: The longest "at least" phrase ("ما لا يقل عن"), in words.
_AT_LEAST_WORDS = 4


def _role_of_a_risen_toll(norm: str, tokens: list[Token], ts: int, counts: list[CountMention],
                          words: NumberWords) -> str | None:
    """"ارتفعت حصيلة القتلى المدنيين في غوطة دمشق الشرقية، يوم الأحد، إلى 52": a count with no
    role word near it, right after "إلى" (at most an "at least" phrase between), is the toll
    the sentence said rose before it: "killed" or "injured" by the nearest such toll, or None.
    Not when another count stands between them (that toll had its own), nor for a toll of
    the dead and the injured together ("حصيلة القتلى والجرحى": no one is known dead, §3.3)."""
    j = ts - 1
    while j >= 0 and ts - j <= _AT_LEAST_WORDS and tokens[j].text in words.at_least_words:
        j -= 1  # "إلى أكثر من 50", "إلى ما لا يقل عن 50"
    if j < 0 or tokens[j].text not in words.risen_to:
        return None
    end = tokens[j].start
    start = max(max(norm.rfind(mark, 0, end) for mark in _SENTENCE_ENDS) + 1, end - _RISEN_TOLL_WITHIN)
    said = next(reversed(list(words.risen_toll.finditer(norm, start, end))), None)  # the nearest
    if said is None or said.group("and_injured") or any(said.end() <= c.start < end for c in counts):
        return None  # "وارتفع عدد القتلى المدنيين إلى 32 ...، كذلك ارتفع إلى 29 عدد مقاتلي": its own
    return "killed" if said.group("killed") else "injured"


#: How far after a count that opens a clause its verb may come (``_role_of_a_subject_count``).
_SUBJECT_VERB_WITHIN = 12
_CLAUSE_BREAK = re.compile(r"[.,،؛;:!?؟\n]")


def _role_of_a_subject_count(norm: str, tokens: list[Token], ts: int, te: int, words: NumberWords) -> str | None:
    """"إن 21 على الأقل من المقاتلين الموالين للحكومة السورية قتلوا": a count right after
    "إن" (an "at least" phrase between) is the subject of its clause, and the verb that
    gives its role may come after a long noun phrase: the first role word after it before
    the clause breaks off, or None. Inside a relative clause only a plural verb is the
    subject's ("إن 21 مقاتلا من الفصائل التي تسيطر على البلدة قتلوا"); its other death words are
    someone else's ("إن 50 عنصرا ... الذي تعرض لهجوم أسفر عن مقتل قائده انسحبوا")."""
    j = ts - 1
    while j >= 0 and ts - j <= _AT_LEAST_WORDS and tokens[j].text in words.at_least_words:
        j -= 1
    if j < 0 or tokens[j].text not in words.clause_openers:
        return None
    relative = False
    for k in range(te, min(te + _SUBJECT_VERB_WITHIN, len(tokens))):
        if tokens[k].text in words.relative_pronouns:
            relative = True  # from here on, only a plural verb agrees with the counted subject
            continue
        role = _role_of_word(tokens[k].text)
        if role and relative and not tokens[k].text.endswith("وا"):
            role = None
        broken = _CLAUSE_BREAK.search(norm, tokens[k - 1].end, tokens[k].start)
        # a comma may set the verb off its long subject ("و18 مقاتلا من تنظيم الدولة، قتلوا"),
        # but not a verb that opens a clause of its own with و
        if broken and not (role and broken.group() in ",،" and not tokens[k].text.startswith("و")):
            return None
        if role:
            return role
    return None


def _besides_one_named_before(norm: str, tokens: list[Token], ts: int, te: int, counts: list[CountMention],
                              words: NumberWords) -> bool:
    """"إن قياديا في تنظيم داعش وخمسة متطرفين أجانب آخرين قتلوا", "إن العجلاني قتل مع ثلاثة
    عناصر آخرين", "قتل أبو قتادة المغربي و21 مسلحا آخرين": a count of *others* joined by و or
    "مع" to one person named right before it (no punctuation between) counts that person too
    (6, 4, 22); not when a count of the dead earlier in its clause already did ("قتل قيادي
    وخمسة عناصر آخرين": 1 and 5, summed), nor after punctuation ("لقي ثلاثة جنود مصرعهم ...،
    وأربعة آخرون لقوا مصرعهم في رفح": 3 and 4)."""
    if not any(_in(tokens[j].text, words.others) for j in range(te, min(te + 3, len(tokens)))):
        return False
    with_ = ts > 0 and tokens[ts - 1].text in words.others_with
    joined = tokens[ts].text.startswith("و") or with_
    first = ts - 1 if with_ else ts  # the word the و or "مع" is, or is glued to
    if not joined or first < 1 or _CLAUSE_BREAK.search(norm, tokens[first - 1].end, tokens[first].start):
        return False
    return not any(c.role == "killed" and not _CLAUSE_BREAK.search(norm, c.end, tokens[ts].start) for c in counts)


def _victims_of_a_count_word(word: str) -> str | None:
    """Whom a count's own word names, read through و and the nominative dual ("وعنصران":
    عنصرين, عنصر; "وامرأتان": امرأة)."""
    word = word[1:] if word.startswith("و") else word
    forms = [word]
    if word.endswith("تان"):
        forms.append(word[:-3] + "ه")
    if word.endswith("ان"):
        forms += [word[:-2] + "ين", word[:-2]]
    return next((v for v in map(_victims_of_word, forms) if v is not None), None)


def _listed_after_a_part(norm: str, tokens: list[Token], ts: int, counts: list[CountMention]) -> bool:
    """"13 مدنيا بينهم 4 أطفال وامرأتان": a count joined by و to a part of a total given
    before (its noun between them, no punctuation) is one more part of that total; not one
    that names other people ("بينهم 4 أطفال وعنصران من الشرطة": police are no civilians)."""
    if not counts or not counts[-1].among or ts - counts[-1].token_end > 1:
        return False
    if any(c in norm[counts[-1].end:tokens[ts].start] for c in _SENTENCE_ENDS + ",،"):
        return False
    part_of = _victims_of_word(tokens[counts[-1].token_end].text) if counts[-1].token_end < ts else counts[-1].victims
    these = _victims_of_a_count_word(tokens[ts].text)
    if part_of is not None and these is not None and part_of != these:
        return False
    return tokens[ts].text.startswith("و") or tokens[ts - 1].text == "و"


def _cumulative(norm: str, tokens: list[Token], ts: int, te: int, best: int, words: NumberWords) -> bool:
    """Is the count at tokens[ts:te] a running total? Too large for one event, or a
    total-marking word (منذ، حتى الآن، خلال شهرين، الحرب) near it in its sentence."""
    if best >= words.cumulative_at_least:
        return True
    before, after = words.cumulative_window
    first = max(0, ts - before)
    for j in range(ts - 1, first - 1, -1):
        if tokens[j].text in words.day_words or tokens[j].text[1:] in words.day_words:
            first = j + 1  # a day named after the marker: that day's toll
            break
    start, end = tokens[first].start, tokens[min(len(tokens), te + after) - 1].end
    start = max([start] + [norm.rfind(c, start, tokens[ts].start) + 1 for c in _SENTENCE_ENDS])
    end = min(end, _sentence_end(norm, tokens[te - 1].end))
    marker = words.cumulative_marker
    for m in marker.finditer(norm, start, end):
        # a marker that closes the window is read again with the words after it: "منذ" that
        # ends the window of "... منذ صباح أمس" is a since of the same day
        if norm[m.end():end].strip() or marker.match(norm, m.start(), _sentence_end(norm, end)):
            return True
    return False


def _sentence_end(norm: str, pos: int) -> int:
    """Where the sentence that holds ``pos`` ends (the text's end for its last one)."""
    return min((i for i in (norm.find(c, pos) for c in _SENTENCE_ENDS) if i != -1), default=len(norm))


class CountRecognizer:
    """Counts of people, with their role; not the numbers inside a date ("15 مارس" is a
    day, not fifteen people): runs after the dates."""

    name = "counts"

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        return (number_words().matcher, _DIGIT_WORDS)

    def __call__(self, analysis: Analysis) -> None:
        dates = analysis.dates  # in text order, not overlapping
        starts = [d.start for d in dates]

        def in_a_date(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and pos < dates[i].end

        analysis.counts = [c for c in find_counts(analysis.ntext.norm, analysis.tokens) if not in_a_date(c.start)]
