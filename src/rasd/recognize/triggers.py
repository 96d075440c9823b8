"""Event triggers and filter cues from the trigger lexicon (``data/triggers.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from rasd.data import load_yaml
from rasd.errors import DataError
from rasd.model import EVENT_TYPE_OF
from rasd.recognize import VocabularyItem
from rasd.recognize.numbers import number_words
from rasd.text.normalize import normalize_key
from rasd.text.tokens import PhraseMatch, PhraseMatcher, Token

if TYPE_CHECKING:
    from rasd.analysis import Analysis


@dataclass(frozen=True)
class TriggerSense:
    sub_event_type: str
    strength: float
    mode: bool  # says how the event happened (strike, clash...), not only that people died
    territory: bool
    weak: bool  # a noun or loose verb: needs a stated date or a toll to make an event
    crowd: bool = False  # what a crowd does when it riots: a trigger only where protesters are named
    campaign: bool = False  # a campaign noun that is an event only as the campaign's dated start
    dated_only: bool = False  # weak, and an event only with a stated date or toll, never for reading as a report
    leads: bool = False  # opening its clause's event words, the act the clause is coded by, whatever follows
    yields: bool = False  # codes its clause only when no other event word does


@dataclass(frozen=True)
class TriggerMatch:
    start: int  # normalized offsets
    end: int
    token_start: int
    token_end: int
    sense: TriggerSense
    clitic: str


@dataclass(frozen=True)
class FilterMatch:
    start: int
    end: int
    token_start: int
    rule: str


@dataclass(frozen=True)
class TriggerLexicon:
    triggers: PhraseMatcher[TriggerSense]
    filters: PhraseMatcher[str]
    priority: dict[str, int]
    non_triggers: PhraseMatcher[str]
    non_filters: PhraseMatcher[str]
    civilian_targets: PhraseMatcher[str]
    reflexive: ReflexiveDetonation | None = None
    departure: Departure | None = None


@dataclass(frozen=True)
class ReflexiveDetonation:
    """``triggers.yaml`` ``reflexive_detonation``: a verb and, within ``reach`` words of
    the same sentence, its reflexive object."""

    verbs: frozenset[str]
    objects: frozenset[str]
    reach: int
    sense: TriggerSense
    prepositions: frozenset[str]  # no reflexive object after these: "في المدينة نفسها"


@dataclass(frozen=True)
class Departure:
    """``triggers.yaml`` ``departure``: a verb of going out and, within ``reach`` words after
    it in its sentence, those who go out under a deal (fighters, buses, a batch of evacuees)."""

    verbs: PhraseMatcher[str]
    movers: frozenset[str]
    between: frozenset[str]  # what may stand before them: how many, when ("بموجبه", "مئات", "الجمعة")
    reach: int
    sense: TriggerSense


def inflections(noun: str) -> list[str]:
    """Dual and pronoun-suffixed forms of a (normalized, one-word) noun: "غاره" →
    "غارتين", "غارتان", "الغارتين", "غارته", "غارتها"...; plurals in ات take only the
    suffixes ("غاراتها")."""
    forms = suffixed(noun)
    if not noun.endswith("ات"):
        stem = _stem(noun)
        duals = [stem + "ين", stem + "ان"]
        forms += duals + ["ال" + d for d in duals if not d.startswith("ال")]
    return forms


def _stem(noun: str) -> str:
    """The noun before a suffix: a final ta marbuta (normalized ه) is written ت."""
    return noun[:-1] + "ت" if noun.endswith("ه") else noun


def suffixed(noun: str) -> list[str]:
    """A (normalized, one-word, indefinite) noun with a possessive pronoun: "غارته", "غارتها"."""
    stem = _stem(noun)
    return [stem + s for s in ("ه", "ها", "هم", "هما")]


def with_suffixed_head(phrase: str) -> list[str]:
    """A definite noun and its adjective (normalized: "الضربات الجويه") with a pronoun on the
    noun, which then drops its article while the adjective keeps its own: "ضرباتها الجويه",
    "قصفه الجوي" ("its air strikes", "his air bombardment")."""
    head, adjective = phrase.split()
    return [f"{form} {adjective}" for form in suffixed(head[2:])]


def _phrases(phrases: list[str]) -> PhraseMatcher[str]:
    """A matcher of the pack's phrases, each its own value."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for phrase in phrases:
        matcher.add(phrase, phrase)
    return matcher


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    data = load_yaml("triggers.yaml")
    triggers: PhraseMatcher[TriggerSense] = PhraseMatcher()
    sense_of: dict[str, TriggerSense] = {}
    for entry in data["triggers"]:
        sub = entry["sub_event_type"]
        if sub not in EVENT_TYPE_OF:
            raise DataError(f"triggers.yaml: unknown sub_event_type {sub!r}")
        if entry.get("dated_only") and not entry.get("weak"):
            raise DataError(f"triggers.yaml: dated_only without weak for {sub!r}: only a weak trigger waits for a date")
        if entry.get("yields") and (not entry.get("weak") or entry.get("leads")):
            raise DataError(f"triggers.yaml: yields for {sub!r} needs weak and no leads: a word that gives way to any other"
                            " is a loose one and never leads its clause")
        sense = TriggerSense(sub, float(entry.get("strength", 0.7)), bool(entry.get("mode", True)),
                             bool(entry.get("territory", False)), bool(entry.get("weak", False)),
                             bool(entry.get("crowd", False)), bool(entry.get("campaign", False)),
                             bool(entry.get("dated_only", False)), bool(entry.get("leads", False)),
                             bool(entry.get("yields", False)))
        for word in entry["words"]:
            triggers.add(word, sense)
            sense_of.setdefault(normalize_key(word), sense)
    for noun in data.get("inflect", []):
        base = normalize_key(noun)
        if base not in sense_of or " " in base:
            raise DataError(f"triggers.yaml: inflect: {noun!r} is not a one-word trigger")
        for form in inflections(base):
            triggers.add(form, sense_of[base])
    for phrase in data.get("inflect_head", []):
        base = normalize_key(phrase)
        if base not in sense_of or len(base.split()) != 2 or not all(w.startswith("ال") for w in base.split()):
            raise DataError(f"triggers.yaml: inflect_head: {phrase!r} is not a two-word definite trigger")
        for form in with_suffixed_head(base):
            triggers.add(form, sense_of[base])
    filters: PhraseMatcher[str] = PhraseMatcher()
    for rule, words in data["filters"].items():
        for word in words:
            filters.add(normalize_key(word), rule)
    priority = {name: rank for rank, name in enumerate(data["priority"])}
    non_triggers, non_filters, civilian_targets = (_phrases(data.get(key, []))
                                                    for key in ("non_triggers", "non_filters", "civilian_targets"))
    reflexive = data.get("reflexive_detonation")
    detonation = None
    if reflexive:
        its_sense = sense_of.get(normalize_key(reflexive["sense_of"]))
        if its_sense is None:
            raise DataError(f"triggers.yaml: reflexive_detonation: {reflexive['sense_of']!r} is no trigger")
        detonation = ReflexiveDetonation(frozenset(normalize_key(w) for w in reflexive["verbs"]),
                                         frozenset(normalize_key(w) for w in reflexive["objects"]),
                                         int(reflexive["reach"]), its_sense,
                                         frozenset(normalize_key(w) for w in reflexive["prepositions"]))
    departure = None
    if data.get("departure"):
        rule = data["departure"]
        its_sense = sense_of.get(normalize_key(rule["sense_of"]))
        if its_sense is None:
            raise DataError(f"triggers.yaml: departure: {rule['sense_of']!r} is no trigger")
        departure = Departure(_phrases(rule["verbs"]), frozenset(normalize_key(w) for w in rule["movers"]),
                              frozenset(normalize_key(w) for w in rule["between"]), int(rule["reach"]), its_sense)
    return TriggerLexicon(triggers, filters, priority, non_triggers, non_filters, civilian_targets, detonation,
                          departure)


def find_triggers(tokens: list[Token]) -> list[TriggerMatch]:
    """Triggers, except those inside a phrase that describes a state ("الخاضعة لسيطرة")."""
    lexicon = trigger_lexicon()
    return [TriggerMatch(m.start, m.end, m.token_start, m.token_end, m.payload, m.clitic)
            for m in _outside(lexicon.triggers, lexicon.non_triggers, tokens)]


T = TypeVar("T")


def _outside(matcher: PhraseMatcher[T], hiding: PhraseMatcher[str], tokens: list[Token]) -> list[PhraseMatch[T]]:
    """The matches of ``matcher`` that do not start inside a match of ``hiding``."""
    hidden = {i for m in hiding.find(tokens) for i in range(m.token_start, m.token_end)}
    return [m for m in matcher.find(tokens) if m.token_start not in hidden]


_SENTENCE_BREAK = re.compile(r"[.!?؟:;؛\n]")


def reflexive_detonations(norm: str, tokens: list[Token], found: list[TriggerMatch]) -> list[TriggerMatch]:
    """"فجر أحد مسلحي (داعش) أمس نفسه", "وفجروا أنفسهم": a verb of blowing up whose
    reflexive object follows with at most ``reach`` words between, in its sentence, as a
    trigger on the verb; not where a trigger already covers the verb or the object ("فجر
    انتحاري نفسه"). فجر is also dawn and نفسه also "the same": not a verb followed by a
    word of time ("فجر اليوم نفسه", "فجر الأحد"), nor an object after a preposition or after
    a definite noun other than the verb's subject ("في المدينة نفسها", "فجرت القوات الجسر
    نفسه": the same town, the same bridge)."""
    rule = trigger_lexicon().reflexive
    if rule is None or not any(word in norm for word in rule.objects):
        return []  # (most articles: no reflexive object, no token to look at)
    covered = {i for m in found for i in range(m.token_start, m.token_end)}
    times = number_words().day_words  # "فجر اليوم", "فجر الأحد": dawn
    out = []
    for i, token in enumerate(tokens):
        word = token.text
        verb = word if word in rule.verbs else word[1:] if word[:1] in "وف" and word[1:] in rule.verbs else None
        if verb is None or i in covered or (i + 1 < len(tokens) and tokens[i + 1].text in times):
            continue
        for k in range(i + 1, min(len(tokens), i + 2 + rule.reach)):
            if _SENTENCE_BREAK.search(norm, token.end, tokens[k].start) or tokens[k].text in rule.prepositions:
                break
            if tokens[k].text in rule.objects:
                before = tokens[k - 1].text
                emphatic = k - 1 > i + 1 and before.startswith("ال")
                if not emphatic and not any(j in covered for j in range(i, k + 1)):
                    out.append(TriggerMatch(token.start + len(word) - len(verb), token.end, i, i + 1, rule.sense,
                                            word[:len(word) - len(verb)]))
                break
    return out


def departures(norm: str, tokens: list[Token], found: list[TriggerMatch]) -> list[TriggerMatch]:
    """"وخرج الجمعة مئات المقاتلين والمدنيين على متن أكثر من 50 حافلة من محافظة القنيطرة",
    "خرج أكثر من مئة مقاتل من هيئة تحرير الشام": a verb of going out whose subject is
    fighters, buses or a batch of evacuees (at most ``reach`` words after it, with only words
    of how many and when, numbers and the civilians who go with them before it), as a
    trigger on the verb, with the sense of the noun of leaving ("خروج": a departure under a
    deal). Going out of anyone else is no departure ("خرج المتظاهرون", "خرج الاجتماع بقرارات
    تخص المقاتلين"); nor is a verb a trigger already covers."""
    rule = trigger_lexicon().departure
    if rule is None:
        return []
    verbs = rule.verbs.find(tokens)
    if not verbs:  # (most articles)
        return []
    covered = {i for m in found for i in range(m.token_start, m.token_end)}
    when = number_words().day_words
    out = []
    for verb in verbs:
        if verb.token_start in covered:
            continue
        for k in range(verb.token_end, min(len(tokens), verb.token_end + rule.reach)):
            if _SENTENCE_BREAK.search(norm, tokens[verb.token_start].end, tokens[k].start):
                break
            word = tokens[k].text
            bare = word[1:] if word[:1] == "و" else word  # "والمقاتلين", "والسبت"
            if word in rule.movers or bare in rule.movers:
                out.append(TriggerMatch(verb.start, verb.end, verb.token_start, verb.token_end, rule.sense, verb.clitic))
                break
            if not (word in rule.between or bare in rule.between or word in when or bare in when or word[:1].isdigit()):
                break  # another subject: "خرج الاجتماع"
    return out


def find_civilian_targets(tokens: list[Token]) -> list[tuple[int, int]]:
    """Normalized spans of civilian places and people named as targets."""
    return [(m.start, m.end) for m in trigger_lexicon().civilian_targets.find(tokens)]


def find_filters(tokens: list[Token]) -> list[FilterMatch]:
    """Filter cues, except those inside a phrase that is no plan or denial ("هدوء حذر")."""
    lexicon = trigger_lexicon()
    return [FilterMatch(m.start, m.end, m.token_start, m.payload)
            for m in _outside(lexicon.filters, lexicon.non_filters, tokens)]


class TriggerRecognizer:
    """Event triggers, filter cues (denials, plans, history, statistics) and civilian
    targets named in the text."""

    name = "triggers"

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        lexicon = trigger_lexicon()
        departure = (lexicon.departure.verbs,) if lexicon.departure else ()
        return (lexicon.triggers, lexicon.filters, lexicon.non_triggers, lexicon.non_filters, lexicon.civilian_targets,
                *departure)

    def __call__(self, analysis: Analysis) -> None:
        tokens = analysis.tokens
        found = find_triggers(tokens)
        norm = analysis.ntext.norm
        extra = reflexive_detonations(norm, tokens, found) + departures(norm, tokens, found)
        analysis.triggers = sorted(found + extra, key=lambda m: (m.start, m.end)) if extra else found
        analysis.filters = find_filters(tokens)
        analysis.civilian_targets = find_civilian_targets(tokens)
