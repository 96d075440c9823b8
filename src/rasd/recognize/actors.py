"""Actor mentions from the actor dictionary (``data/actors.yaml``), resolved to canonical
names with the validity period the article's date falls in.

``التنظيم`` alone refers to the organization last named (in these texts usually the
Islamic State), so it resolves to the latest group actor mentioned before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import yaml

from rasd.data import data_path, load_yaml, safe_load
from rasd.errors import DataError
from rasd.recognize import VocabularyItem
from rasd.recognize.datelines import outside_dateline
from rasd.text.normalize import normalize_key
from rasd.text.segment import Segment
from rasd.text.tokens import PhraseMatcher, Token, WordTest, clitic_variants, reads_as

if TYPE_CHECKING:
    from rasd.analysis import Analysis

KINDS = {"state", "group", "militia", "civilians", "protesters", "rioters", "unidentified"}
# Words that refer back to an actor named before, with what they refer to: "التنظيم" an
# organization, the one last named as one; "قواتنا", "جيشنا" (our forces, our army, in a
# statement quoted: "وحدات من قواتنا المسلحة تتمكن من تحرير أربع قرى", "تمكنت قواتنا
# الأمنية من استعادة") the speaker's forces when they are a government's at home (ACLED
# inter 1). The speaker is the actor the sentence names last as one, within three words
# after a verb of saying or "باسم" ("وقال المتحدث باسم الجيش التركي إن قواتنا"); if it
# names none, the government forces named last before the word. A foreign force or a
# rebel group that speaks speaks of its own forces, which the words leave unnamed.
ANAPHORS = {"التنظيم": "organization", "قواتنا": "speaker", "جيشنا": "speaker"}
#: How far back (characters) the government forces "قواتنا" or "جيشنا" refers to may have
#: been named, when its own sentence names no actor before it.
_SPEAKER_REACH = 600
#: How many words before a speaker its verb of saying may stand.
_SPEAKER_AFTER = 3
# "أطلقتها الأخيرة" (the latter launched it): an actor, after a verb; "المعارك الأخيرة"
# (the recent battles) is an adjective.
LATTER = {"الاخيره", "الاخير"}
BOTH_SIDES = {"الطرفين", "الطرفان"}
_VERB_ENDINGS = ("تها", "ته", "تهم")
_VERBS = {"فقد", "خسر", "قال", "اعلن", "اكد", "شن", "نفذ", "سيطر", "تمكن", "بدأ", "بدا", "حاول", "اطلق", "قامت", "قام",
          "تسيطر", "يسيطر", "تشن", "يشن", "اتهمت", "اتهم", "ردت", "رد"}
# Actors the bare word التنظيم ("the organization") refers back to in these texts.
ORGANIZATIONS = {"Islamic State", "Al-Qaeda", "HTS", "Hurras al-Din"}


class ActorPackError(DataError):
    """The actor dictionary is not valid: names the file, the actor and the problem."""


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int
    kind: str
    country: str | None
    air: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    assoc: tuple[str, ...] = ()  # actors acting beside it ("غارات روسية وسورية": the government, with Russia)
    theatre: tuple[str, ...] = ()  # the only countries it fights in (the Houthis: Yemen); empty: anywhere

    def acts_only_outside(self, covered: tuple[str, ...]) -> bool:
        """An actor that fights only outside ``covered`` (Yemen's, Libya's, Lebanon's
        forces) cannot be a side of an event rasd codes in Syria or Iraq."""
        return bool(self.theatre) and not any(c in covered for c in self.theatre)

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class ActorMention:
    start: int  # normalized offsets
    end: int
    actor: Actor
    token_start: int
    token_end: int
    anaphoric: bool = False


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def check_pack(raw: Any, source: str) -> list[str]:
    """Problems of an actor pack, one readable line each (empty when valid)."""
    problems: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("actors"), list):
        return [f"{source}: expected a mapping with an 'actors' list"]
    inter_codes = {int(k) for k in (raw.get("inter_codes") or {})} or set(range(1, 9))
    seen: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    for index, entry in enumerate(raw["actors"]):
        label = f"{source}: actor #{index + 1} ({entry.get('name', '?') if isinstance(entry, dict) else '?'})"
        if not isinstance(entry, dict) or not entry.get("name"):
            problems.append(f"{label}: missing name")
            continue
        if entry.get("inter") not in inter_codes:
            problems.append(f"{label}: unknown inter code {entry.get('inter')!r}")
        if entry.get("kind") not in KINDS:
            problems.append(f"{label}: unknown kind {entry.get('kind')!r}")
        theatre = entry.get("theatre") or []
        if not isinstance(theatre, list) or not all(isinstance(c, str) and len(c) == 2 and c.isupper() for c in theatre):
            problems.append(f"{label}: theatre must be a list of two-letter country codes, got {theatre!r}")
        aliases = entry.get("aliases_ar") or []
        if not aliases:
            problems.append(f"{label}: no Arabic aliases")
        try:
            start, end = _date(entry.get("valid_from")), _date(entry.get("valid_to"))
        except ValueError as exc:
            problems.append(f"{label}: bad validity date ({exc})")
            continue
        for alias in aliases:
            key = normalize_key(str(alias))
            for other, o_start, o_end in seen.get(key, []):
                overlap = (start is None or o_end is None or start <= o_end) and (
                    end is None or o_start is None or o_start <= end)
                if overlap and other != entry["name"]:
                    problems.append(f"{label}: alias {alias!r} also belongs to {other!r} in an overlapping period")
                elif other == entry["name"]:
                    problems.append(f"{label}: alias {alias!r} listed twice")
            seen.setdefault(key, []).append((entry["name"], start, end))
    return problems


class ActorLexicon:
    def __init__(self, raw: dict[str, Any], source: str = "actors.yaml") -> None:
        problems = check_pack(raw, source)
        if problems:
            raise ActorPackError("\n".join(problems))
        self.actors: list[Actor] = []
        self.matcher: PhraseMatcher[int] = PhraseMatcher()
        self.by_name: dict[str, Actor] = {}
        for entry in raw["actors"]:
            actor = Actor(entry["name"], int(entry["inter"]), entry["kind"], entry.get("country"),
                          bool(entry.get("air")), _date(entry.get("valid_from")),
                          _date(entry.get("valid_to")), theatre=tuple(entry.get("theatre") or ()))
            index = len(self.actors)
            self.actors.append(actor)
            self.by_name.setdefault(actor.name, actor)
            for alias in entry["aliases_ar"]:
                self.matcher.add(str(alias), index)
        adjectives = load_yaml("actor_adjectives.yaml")
        self._add_adjective_phrases(adjectives)
        # "صواريخ إيرانية الصنع": where a weapon was made, not who used it
        self.made_in = frozenset(normalize_key(w) for w in adjectives.get("made_in", ()))

    @cached_property
    def warring_countries(self) -> frozenset[str]:
        """The countries whose state forces fight anywhere, Syria and Iraq included (no
        ``theatre`` limit): an article that names one often names a side, not where it is."""
        return frozenset(a.country for a in self.actors if a.kind == "state" and a.country and not a.theatre)

    def _add_adjective_phrases(self, data: dict[str, Any]) -> None:
        """"طائرات حربية روسية", "الضربات الجوية الإسرائيلية", "غارات روسية وسورية": a
        weapon or force with an adjective of nationality names its author
        (``data/actor_adjectives.yaml``); each phrase becomes an alias of that actor."""
        nouns, modified, modifiers = data["nouns"], set(data["modified_nouns"]), [""] + list(data["modifiers"])
        forces = set(data["force_nouns"])  # they take the modifiers and the words of their arm
        force_modifiers = modifiers + list(data["force_modifiers"])
        people = data["people_nouns"]  # they also take the plural, dual and accusative forms
        duals = data.get("dual_nouns", [])  # "صاروخين إسرائيليين": the masculine dual form
        accusatives = data.get("accusative_nouns", [])  # "قصفا إسرائيليا": the accusative form

        def definite(word: str) -> str:
            # a model name or a phrase ("إف-16", "بدون طيار") takes no article
            return word if " " in word or "-" in word or any(c.isdigit() for c in word) else "ال" + word

        def definite_phrase(phrase: str) -> str:
            # "روسي وسوري" → "الروسي والسوري": the conjunction stands before the article
            first, *rest = phrase.split()
            return " ".join([definite(first)] + ["و" + definite(w[1:]) if w.startswith("و") else definite(w)
                                                 for w in rest])

        def phrases(adjective: str, nouns: list[str]) -> list[str]:
            out = []
            for noun in nouns:
                if noun in forces:
                    choices = force_modifiers
                elif noun in modified:
                    # a noun listed among the modified nouns and not among the nouns takes the
                    # adjective only after a modifier: "الدفاع الجوي الروسي", never "وزير الدفاع الروسي"
                    choices = modifiers if noun in bare else modifiers[1:]
                else:
                    choices = [""]
                for modifier in choices:
                    words = [noun] + ([modifier] if modifier else []) + [adjective]
                    out.append(" ".join(words))
                    out.append(" ".join([definite(w) for w in words[:-1]] + [definite_phrase(adjective)]))
            return out

        bare = set(nouns)
        everyone = list(dict.fromkeys(nouns + [n for n in data["modified_nouns"] if n not in bare] + people))
        for table, with_nouns in ((data["adjectives"], everyone), (data["people_adjectives"], people + duals)):
            for name, adjectives in table.items():
                index = self._index_of(name)
                for adjective in adjectives:
                    for phrase in phrases(adjective, with_nouns):
                        self.matcher.add(phrase, index)
        feminine_duals = data.get("feminine_dual_nouns", [])  # "مدمرتان أمريكيتان"
        dual_modifiers = [""] + list(data.get("feminine_dual_modifiers", []))  # "طائرتان حربيتان روسيتان"
        for name, adjectives in data["adjectives"].items():
            index = self._index_of(name)
            for adjective in (a for a in adjectives if a.endswith("ية")):
                for dual in (adjective[:-1] + "تان", adjective[:-1] + "تين"):
                    for noun, modifier in ((n, m) for n in feminine_duals for m in dual_modifiers):
                        words = [noun] + ([modifier] if modifier else []) + [dual]
                        self.matcher.add(" ".join(words), index)
                        self.matcher.add(" ".join(definite(w) for w in words), index)
        for name, adjectives in data["people_adjectives"].items():
            index = self._index_of(name)
            for adjective in (a for a in adjectives if a.endswith("ا")):
                for noun in accusatives:
                    self.matcher.add(f"{noun} {adjective}", index)
        for joint in data["joint"]:
            actor = self.by_name[joint["actor"]]
            index = len(self.actors)
            self.actors.append(dataclasses.replace(actor, assoc=(joint["with"],)))
            for adjective in joint["adjectives"]:
                for phrase in phrases(adjective, nouns):
                    self.matcher.add(phrase, index)

    def _index_of(self, name: str) -> int:
        for i, actor in enumerate(self.actors):
            if actor.name == name and not actor.assoc:
                return i
        raise ActorPackError(f"actor_adjectives.yaml: no actor {name!r} in the actor pack")

    @staticmethod
    def _is_organization(mention: ActorMention, tokens: list[Token]) -> bool:
        """Whether ``التنظيم`` can refer back to this mention: named as a تنظيم, or an
        actor the pack marks as a jihadist organization."""
        words = [t.text for t in tokens[mention.token_start:mention.token_end]]
        return mention.actor.name in ORGANIZATIONS or any("تنظيم" in w for w in words)

    def find(self, tokens: list[Token], published: dt.date | None,
             sentences: Sequence[Segment] = ()) -> list[ActorMention]:
        """The actors of ``tokens`` (whose ``sentences`` bound the speaker of "قواتنا";
        without them the text is one sentence)."""
        found, taken = self._named(tokens, published)
        cues = _cue_positions(tokens)
        found.extend(self._anaphora(tokens, found, taken, cues, sentences))
        found.extend(self._latter_and_both(tokens, found, cues))
        found.sort(key=lambda m: m.start)
        return found

    def _named(self, tokens: list[Token], published: dt.date | None) -> tuple[list[ActorMention], set[int]]:
        """Actors named in the text, longest names first, valid on ``published``; and the
        tokens they take."""
        found: list[ActorMention] = []
        by_span: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for m in self.matcher.find_all(tokens):
            by_span.setdefault((m.token_start, m.token_end), []).append((m.start, m.end, m.payload))
        taken: set[int] = set()
        for (ts, te) in sorted(by_span, key=lambda k: (-(k[1] - k[0]), k[0])):
            if not taken.isdisjoint(range(ts, te)):
                continue
            valid = [a for a in (self.actors[p] for _, _, p in by_span[(ts, te)]) if a.valid_on(published)]
            if not valid:
                continue  # a name that meant this actor only in another period
            if te < len(tokens) and tokens[te].text in self.made_in:
                continue  # "الدفاع الجوي الروسية الصنع": the maker's nationality names no side
            start, end, _ = by_span[(ts, te)][0]
            taken.update(range(ts, te))
            found.append(ActorMention(start, end, valid[0], ts, te))
        # "مسلحين من حزب العمال": the generic word only introduces the group named after it
        starts = {m.token_start for m in found if m.actor.kind != "unidentified"}
        found = [m for m in found if not (m.actor.kind == "unidentified" and any(
            tokens[j].text == "من" and j + 1 in starts
            for j in range(m.token_end, min(m.token_end + 4, len(tokens)))))]
        return found, taken

    def _anaphora(self, tokens: list[Token], found: list[ActorMention], taken: set[int],
                  cues: list[int], sentences: Sequence[Segment]) -> list[ActorMention]:
        """التنظيم → the organization last named as a تنظيم (usually the Islamic State);
        قواتنا, جيشنا → the speaker's government forces (``ANAPHORS``)."""
        extra: list[ActorMention] = []
        named = sorted((m for m in found if m.actor.kind != "civilians"), key=lambda m: m.start)
        named_starts = [m.start for m in named]
        organizations = [m for m in named if self._is_organization(m, tokens)]
        starts = [m.start for m in organizations]
        governments = [m for m in named if m.actor.inter == 1]
        government_starts = [m.start for m in governments]
        sentence_starts = [s.start for s in sentences]
        for i in cues:
            anaphor = _anaphor(tokens[i].text)
            if anaphor is None or i in taken:
                continue
            variant, removed = anaphor
            tok = tokens[i]
            antecedent: Actor | None
            if ANAPHORS[variant] == "speaker":
                k = bisect_right(sentence_starts, tok.start)
                sentence_start = sentence_starts[k - 1] if k else 0
                speakers = [m for m in named[:bisect_left(named_starts, tok.start)]
                            if m.start >= sentence_start and _named_as_speaker(tokens, m.token_start)]
                if speakers:
                    antecedent = speakers[-1].actor if speakers[-1].actor.inter == 1 else None
                else:
                    g = bisect_left(government_starts, tok.start)
                    antecedent = governments[g - 1].actor \
                        if g and tok.start - governments[g - 1].end <= _SPEAKER_REACH else None
            else:
                k = bisect_left(starts, tok.start)  # the organizations named before it
                antecedent = organizations[k - 1].actor if k else None
            if antecedent is None and variant == "التنظيم":
                antecedent = self.by_name.get("Islamic State")
            if antecedent is not None:
                extra.append(ActorMention(tok.start + removed, tok.end, antecedent, i, i + 1, True))
        return extra

    @staticmethod
    def _latter_and_both(tokens: list[Token], found: list[ActorMention], cues: list[int]) -> list[ActorMention]:
        """"الأخيرة" after a verb: the actor named last; "الطرفين": the last two sides.
        Only the ``cues`` positions can be either."""
        extra: list[ActorMention] = []
        named = sorted((m for m in found if m.actor.kind not in ("civilians",)), key=lambda m: m.start)
        starts = [m.start for m in named]
        for i in cues:
            tok = tokens[i]
            latter = tok.text in LATTER and i > 0
            both = _names_both_sides(tok.text)
            if not (latter or both):
                continue
            k = bisect_left(starts, tok.start)  # named[:k] are named before it
            if latter and k:
                prev = tokens[i - 1].text
                verb = prev.endswith(_VERB_ENDINGS) or any(v in _VERBS for v, _ in clitic_variants(prev))
                if verb and not prev.startswith("ال"):
                    extra.append(ActorMention(tok.start, tok.end, named[k - 1].actor, i, i + 1, True))
            elif both:
                sides: list[Actor] = []
                for m in (named[j] for j in range(k - 1, -1, -1)):
                    if m.actor.name not in [a.name for a in sides]:
                        sides.append(m.actor)
                    if len(sides) == 2:
                        break
                extra.extend(ActorMention(tok.start, tok.end, a, i, i + 1, True) for a in reversed(sides))
        return extra


@lru_cache(maxsize=1)
def _speaker_cues() -> frozenset[str]:
    """The words that name a speaker after them (``sources.yaml`` speaker_cues), normalized."""
    return frozenset(normalize_key(w) for w in load_yaml("sources.yaml")["speaker_cues"])


def _named_as_speaker(tokens: list[Token], start: int) -> bool:
    """Whether a verb of saying or "باسم" stands within three words before token ``start``."""
    cues = _speaker_cues()
    return any(reads_as(t.text, cues) for t in tokens[max(0, start - _SPEAKER_AFTER):start])


@lru_cache(maxsize=262144)
def _anaphor(word: str) -> tuple[str, int] | None:
    """The anaphor a word is once its clitics are removed (``وللتنظيم`` → ``التنظيم``),
    with the number of letters removed; the word as written is tried first."""
    return next(((v, removed) for v, removed in clitic_variants(word) if v in ANAPHORS), None)


@lru_cache(maxsize=262144)
def _is_cue(word: str) -> bool:
    """Whether a word is read by the passes after the dictionary: an anaphor, "the
    latter" or "both sides"."""
    return _anaphor(word) is not None or word in LATTER or _names_both_sides(word)


_CUES = WordTest(_is_cue)


def _cue_positions(tokens: list[Token]) -> list[int]:
    """Indices of the few tokens that are cues (التنظيم، الأخيرة، الطرفين), from the
    document's shared vocabulary pass: a Python test of every token was most of the
    time spent in ``find``."""
    return _CUES.positions(tokens)


@lru_cache(maxsize=65536)
def _names_both_sides(word: str) -> bool:
    return any(v in BOTH_SIDES for v, _ in clitic_variants(word))


def load_pack(path: Path | None = None) -> ActorLexicon:
    """The actor lexicon from ``path`` or the packaged ``actors.yaml``."""
    if path is None:
        return _packaged()
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ActorPackError(f"{path}: cannot read actor pack ({exc})") from exc
    return ActorLexicon(raw, str(path))


@lru_cache(maxsize=1)
def _packaged() -> ActorLexicon:
    return ActorLexicon(load_yaml("actors.yaml"), str(data_path("actors.yaml")))


class ActorRecognizer:
    """Actors of the actor dictionary valid on the publication date, and the anaphors
    that refer back to them (التنظيم، الأخيرة، الطرفين)."""

    name = "actors"

    def __init__(self, lexicon: ActorLexicon) -> None:
        self.lexicon = lexicon

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        return (self.lexicon.matcher, _CUES)

    def __call__(self, analysis: Analysis) -> None:
        analysis.actors = outside_dateline(
            analysis, self.lexicon.find(analysis.tokens, analysis.doc.published, analysis.sentences))
