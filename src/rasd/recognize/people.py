"""Named people: real names, kunyas (أبو X with a nisba read as origin), the role and
organization the text gives them, and a real name linked to its kunya as one person.

ACLED counts a named leader killed as a fatality even when no number is given, and
reports who was hit; names in these articles come in a few fixed shapes:

* a kunya: ``أبو حمزة التدمري`` (the nisba التدمري says "from Palmyra");
* a name in brackets or quotes linked to its kunya: ``(هارتا دها) الملقب (أبو روميسة
  البريطاني)``;
* a name after a role or a title: ``المتحدث باسم التحالف، العقيد تركي المالكي``;
* a name before a role: ``(أنور شودري) الذي يشغل الناطق باسم التنظيم``;
* members of a group named before: ``قادة التنظيم الذين قتلوا ... وأبرزهم (X)``.

Every language fact (role words, nisbas, linking words, places that look like
kunyas) is in ``data/people.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from rasd.data import load_yaml
from rasd.recognize import VocabularyItem
from rasd.recognize.actors import ActorMention, load_pack
from rasd.text.normalize import normalize_key
from rasd.text.segment import Segment
from rasd.text.segment import sentences as split_sentences
from rasd.text.tokens import TOKEN_RE, PhraseMatch, PhraseMatcher, Token, WordTest, clitic_variants, reads_as, strip_article

if TYPE_CHECKING:
    from rasd.analysis import Analysis

_WORD_CACHE = 262144  # distinct words whose per-word facts are kept
_START = itemgetter(1)  # Token.start, to bisect the tokens by offset


@dataclass(frozen=True)
class PersonMention:
    """A named person; when a real name and a kunya are linked (الملقب، المكنى) they are
    one mention spanning both."""

    start: int  # normalized offsets of the whole mention (name + kunya when linked)
    end: int
    name: str  # as written (normalized): the real name, or the kunya when no real name
    nisba: str | None  # e.g. "البريطاني"
    kunya: str | None = None  # "ابو روميسه البريطاني"
    origin: str | None = None  # English: "British", "Palmyra"
    role: str | None = None  # English: "commander", "spokesman", "media spokesman", ...
    organization: str | None = None  # canonical actor name, e.g. "Islamic State"
    role_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Role:
    english: str | None
    kind: str  # "role", "group" (plural: introduces a list) or "title"
    key: str
    pronoun: bool = False  # قائدها، باسمه: the organization is the actor named before


@dataclass(frozen=True)
class _RoleInfo:
    english: str | None
    organization: str | None
    span: tuple[int, int]
    rank: int  # which evidence wins: role before 3, role after 2, title 1, group list 0


@dataclass(frozen=True)
class _Kunya:
    start: int
    end: int
    token_end: int
    nisba: str | None
    origin: str | None


@dataclass
class _Cand:
    t0: int  # tokens of the real name (or of the kunya when there is no real name)
    t1: int
    start: int
    end: int
    kunya: _Kunya | None = None
    t_last: int = 0  # one past the last token of the whole mention
    role: _RoleInfo | None = None

    def __post_init__(self) -> None:
        self.t_last = self.t_last or self.t1

    def give(self, info: _RoleInfo) -> None:
        if self.role is None or info.rank > self.role.rank:
            self.role = info


class _Lexicon:
    """people.yaml, normalized once."""

    def __init__(self, raw: dict[str, Any]) -> None:
        def words(key: str) -> frozenset[str]:
            return frozenset(normalize_key(str(w)) for w in raw.get(key) or [])

        self.kunya, self.kunya_weak = words("kunya_words"), words("kunya_words_weak")
        self.particles, self.not_alone = words("name_particles"), words("not_alone")
        self.glued, self.not_glued = words("glued_kunya_words"), words("not_glued_kunyas")
        self.nisbas = {normalize_key(k): v for k, v in raw["nisbas"].items()}
        self.not_nisbas = words("not_nisbas")
        self.modifiers = {normalize_key(k): v for k, v in raw["modifiers"].items()}
        self.unqualified = words("unqualified_roles")
        self.connectors, self.fillers = words("role_connectors"), words("link_fillers")
        self.role_after, self.speech = words("role_after"), words("speech_before")
        # one matcher for every phrase, so that a text is scanned once
        self.phrases: PhraseMatcher[_Role] = PhraseMatcher()
        for kind, key in (("link", "links"), ("list", "list_cues"), ("place", "not_people")):
            for phrase in raw[key]:
                self.phrases.add(str(phrase), _Role(None, kind, normalize_key(str(phrase))))
        for kind, key in (("role", "roles"), ("group", "group_roles"), ("title", "titles")):
            for phrase, english in raw[key].items():
                norm = normalize_key(str(phrase))
                self.phrases.add(norm, _Role(english, kind, norm))
                if kind != "title" and not norm.split()[-1].startswith("ال"):
                    # قائدها، باسمه، قاداته; but قائده is also قائدة (a woman commander)
                    both = norm.endswith("باسم") or kind == "group"
                    for suffix in ("ه", "ها", "هم") if both else ("ها", "هم"):
                        self.phrases.add(norm + suffix, _Role(english, kind, norm, True))
        numbers = load_yaml("numbers.yaml") or {}
        cues = load_yaml("place_cues.yaml") or {}
        self.prepositions = frozenset(normalize_key(str(w)) for w in cues.get("prepositions") or [])
        self.place_cues = frozenset(normalize_key(str(w)) for k in ("settlement", "governorate", "facility",
                                                                    "near") for w in cues.get(k) or [])
        self.named_after, self.building_staff = words("named_after_nouns"), words("building_staff")
        self.not_names = words("not_names") | self.place_cues | {
            normalize_key(str(w)) for key in ("roles", "group_roles", "titles") for w in raw[key]
            for w in str(w).split()} | {  # a nationality is not a name: سوري، سوريا، سوريين
            n[2:] + s for n in self.nisbas if n.endswith("ي") for s in ("ا", "ه", "ين", "ون")} | {
            normalize_key(str(w)) for key in ("units", "vague", "at_least") for w in numbers.get(key) or {}
            if " " not in str(w)} | {  # سبع سنوات، عشرات، قرابة
            normalize_key(str(w)) + "ا" for key in ("roles", "titles") for w in raw[key]
            if " " not in str(w) and not str(w).startswith("ال")}  # تعيينه وزيرا
        self.patterns = tuple(re.compile(p) for p in raw.get("not_name_patterns") or [])
        # Facts about a word by itself are asked for again and again (the same words come
        # back in every article): cached, a known word is answered without Python code.
        self.kunya_word = lru_cache(maxsize=_WORD_CACHE)(self._kunya_word)
        self.name_word = lru_cache(maxsize=_WORD_CACHE)(self._name_word)
        self.place_cue_word = lru_cache(maxsize=_WORD_CACHE)(self._place_cue_word)
        self.may_start_kunya = lru_cache(maxsize=_WORD_CACHE)(self._may_start_kunya)
        self.kunya_starters = WordTest(self.may_start_kunya)  # answered by the shared vocabulary pass

    def _kunya_word(self, word: str) -> tuple[str, int] | None:
        """The kunya word (أبو، أبي) in a word, with the clitic length before it."""
        for variant, removed in clitic_variants(word):
            if variant in self.kunya or variant in self.kunya_weak:
                return variant, removed
        return None

    def _name_word(self, w: str) -> bool:
        """Whether a word can be in a name, wherever it stands."""
        if len(w) < 2 or _CLITIC_ARTICLE.match(w) and not w.startswith("ال"):
            return False  # والمنطقة، بالتنظيم، للإعلام: a clitic on the article is never in a name
        if any(v in self.not_names or strip_article(v) in self.not_names for v, _ in clitic_variants(w)):
            return False
        return not any(p.search(w) for p in self.patterns)

    def _place_cue_word(self, word: str) -> bool:
        """Whether a word is a place cue (مدينة، قرب), clitics removed."""
        return any(v in self.place_cues for v, _ in clitic_variants(word))

    def named_after_word(self, word: str) -> bool:
        """Whether a word is a building or street named after someone (مسجد، شارع), clitics
        removed: a name after it is the building's ("مسجد أبي أيوب الأنصاري", "مستشفى الشيخ
        زايد")."""
        return reads_as(word, self.named_after)

    def _may_start_kunya(self, w: str) -> bool:
        """Whether a kunya can start at this word: أبو، أبي (maybe after a clitic) or a
        glued kunya (ابومحسن). Most words cannot, and are skipped before any context is read."""
        return bool(("اب" in w or "ام" in w) and (self.kunya_word(w) or w[:3] in self.glued))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(load_yaml("people.yaml"))


_PLAIN = re.compile(r"\s*")
_COMMA_ONLY = re.compile(r"\s*,\s*")
_LAM_LAM = re.compile(r"^[وف]?لل")
_CLITIC_ARTICLE = re.compile(r"^[وفبلك]?ال|^[وف]?لل")
_COMMA = re.compile(r"\s*,\s*[\"(]*\s*")
_OPENING = re.compile(r"\s*,?\s*[\"(]*\s*")  # role → name: "المتحدث باسمه، أبو حمزة"
_CLOSING = re.compile(r"[\s)\"]*,?\s*")  # name → what follows: "(أنور شودري) الذي يشغل"
_AROUND = re.compile(r"[\s)\"(]*,?[\s\"(]*")  # name → link word → kunya
_ENCLOSED = re.compile(r"\(([^()\n]{2,60})\)|\"([^\"\n]{2,60})\"")  # (name) or "name"


class _Finder:
    """One text's people. Candidates are keyed by their first token; passes add kunyas,
    names after roles, linked kunyas, list members and roles after names, and the longest
    candidates win where they overlap."""

    def __init__(self, norm: str, tokens: list[Token], actors: list[ActorMention]) -> None:
        self.lex = lex = _lexicon()
        self.norm, self.tokens, self.n = norm, tokens, len(tokens)
        self.actor_at = {a.token_start: a for a in actors}
        self.actor_tokens = {i for a in actors for i in range(a.token_start, a.token_end)}
        self.actors = sorted(actors, key=lambda a: a.start)
        self.actor_starts = [a.start for a in self.actors]
        found = lex.phrases.find(tokens)
        self.roles = {m.token_start: m for m in found if m.payload.kind in ("role", "group", "title")}
        self.links = {m.token_start: m for m in found if m.payload.kind == "link"}
        self.lists = [m for m in found if m.payload.kind == "list"]
        self.blocked = {i for m in found if m.payload.kind == "place"
                        for i in range(m.token_start, m.token_end)}
        self.covered = {i for ms in (self.roles.values(), self.links.values(), self.lists)
                        for m in ms for i in range(m.token_start, m.token_end)}
        self.cue_ends = {m.token_end for ms in (self.roles.values(), self.links.values(), self.lists)
                         for m in ms}
        self.unnamed = self.actor_tokens | self.covered | self.blocked  # no name word here
        self.cands: dict[int, _Cand] = {}
        self.absorbed: set[int] = set()  # titles read as the organization of a role

    @cached_property
    def sentences(self) -> list[Segment]:
        """Computed when first needed: most texts name no role that asks for it."""
        return split_sentences(self.norm)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # -- small reads of the text ---------------------------------------------------
    def gap(self, j: int, pattern: re.Pattern[str] = _PLAIN) -> bool:
        """Whether the text between token j-1 and token j is only ``pattern``."""
        if j <= 0 or j >= self.n:
            return False
        return pattern.fullmatch(self.norm, self.tokens[j - 1].end, self.tokens[j].start) is not None

    def word(self, j: int) -> str:
        return self.tokens[j].text

    def is_name_word(self, j: int) -> bool:
        if j >= self.n or j in self.unnamed:
            return False
        return self.lex.name_word(self.tokens[j].text)

    def kunya_word(self, j: int) -> tuple[str, int] | None:
        """The kunya word (أبو، أبي) in token j, with the clitic length before it."""
        return self.lex.kunya_word(self.tokens[j].text)

    def after_place_cue(self, j: int) -> bool:
        return j > 0 and self.lex.place_cue_word(self.tokens[j - 1].text)

    def after_named_building(self, j: int, staff: bool = False) -> bool:
        """Whether the name at token j follows a building named after someone ("مستشفى الشيخ
        زايد"); with ``staff``, not when the building follows one of its staff, whose name it
        then is ("إمام مسجد الشيخ محمد العلي")."""
        if j < 1 or not self.lex.named_after_word(self.tokens[j - 1].text):
            return False
        return not (staff and j > 1 and reads_as(self.tokens[j - 2].text, self.lex.building_staff))

    def antecedent(self, offset: int) -> str | None:
        """The actor a pronoun (باسمه، قائدها) refers to: the last one named before it
        in the sentence."""
        if not self.sentences:
            return None
        sentence = self.sentences[max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)]
        first = bisect.bisect_left(self.actor_starts, sentence.start)
        for k in range(bisect.bisect_left(self.actor_starts, offset) - 1, first - 1, -1):
            if self.actors[k].end <= offset:
                return self.actors[k].actor.name
        return None

    # -- pieces of a person --------------------------------------------------------
    def kunya(self, i: int) -> _Kunya | None:
        """أبو X [عبد Y] [nisba] [nisba] starting at token i; أم only after a cue."""
        if i in self.blocked or self.after_place_cue(i) or self.after_named_building(i):
            return None
        lex, found = self.lex, self.kunya_word(i)
        tok = self.tokens[i]
        if found:
            word, removed = found
            weak_ok = i in self.cue_ends or self.norm[max(0, tok.start - 3):tok.start].rstrip()[-1:] in '("'
            if word in lex.kunya_weak and not weak_ok:
                return None
            j = i + 1
            if not (self.gap(j) and (self.is_name_word(j) or self.word(j).startswith("ال")
                                     and j not in self.actor_tokens and j not in self.covered)):
                return None  # أبو المثنى: the name after أبو may have the article
            if self.word(j) == "عبد" and self.gap(j + 1) and self.is_name_word(j + 1):
                j += 1  # أبو عبد الله، أبو عبد الرحمن
            end = j + 1
        else:
            glued = next((v for v, _ in clitic_variants(tok.text) if v[:3] in lex.glued
                          and len(v) >= 6 and v not in lex.not_glued), None)
            if glued is None:
                return None  # ابومحسن، بأبوزيد: glued kunyas of 3+ letters after أبو
            removed, end = len(tok.text) - len(glued), i + 1
        nisba = origin = None
        while end < self.n and end - i < 6 and self.gap(end) and end not in self.actor_tokens:
            w = self.word(end)
            if not (w in lex.nisbas or w.startswith("ال") and w.endswith("ي") and len(w) >= 5
                    and w not in lex.not_nisbas and end not in self.covered):
                break
            if nisba is None or origin is None and w in lex.nisbas:
                nisba, origin = w, lex.nisbas.get(w)
            end += 1
        return _Kunya(tok.start + removed, self.tokens[end - 1].end, end, nisba, origin)

    def plain_name(self, j: int, limit: int = 4) -> int | None:
        """One past the last token of a name starting at j: up to ``limit`` words, not
        counting particles (بن، عبد، آل), since a name that runs on has usually run into
        the verb after it."""
        first = self.word(j)
        if not self.is_name_word(j) or first.startswith("ال") or self.kunya_word(j):
            return None
        construct = j + 1 < self.n and self.gap(j + 1) and self.word(j + 1).startswith("ال")
        if len(first) >= 5 and (first[0] == "و" or first[0] in "لب" and construct):
            return None  # وعضو المجلس، لحقوق الإنسان، بوزارة الداخلية: و، ل، ب + a noun
        k, words = j + 1, 1
        while k < self.n and words < limit and self.gap(k):
            if self.kunya_word(k) == (self.word(k), 0) and self.gap(k + 1) and self.is_name_word(k + 1):
                k += 2  # a family name: ناصر أبو زقول
            elif self.is_name_word(k):
                k += 1
            else:
                break
            words += self.word(k - 1) not in self.lex.particles
        return None if k == j + 1 and first in self.lex.not_alone else k

    def enclosed(self) -> dict[int, int]:
        """Name-like groups in brackets or quotes: first token → one past the last."""
        out: dict[int, int] = {}
        for m in _ENCLOSED.finditer(self.norm):
            a, b = m.span(1) if m.group(1) is not None else m.span(2)
            t0 = bisect.bisect_left(self.tokens, a, key=_START)
            t1 = bisect.bisect_left(self.tokens, b, key=_START)
            if t0 < t1 <= t0 + 5 and (self.kunya_word(t0) or self.plain_name(t0) == t1):
                out[t0] = t1
        return out

    def person_at(self, j: int, encl: dict[int, int]) -> _Cand | None:
        """The person starting at token j: a kunya, a bracketed name or a plain name."""
        if j in self.cands:
            return self.cands[j]
        k = self.kunya(j) if j < self.n else None
        if k:
            cand = _Cand(j, k.token_end, k.start, k.end, k)
        else:
            end = encl.get(j) or (self.plain_name(j) if j < self.n else None)
            if end is None:
                return None
            cand = self.named(j, end)
        self.cands[j] = cand
        return cand

    def named(self, t0: int, t1: int) -> _Cand:
        """A candidate for the plain name in tokens t0..t1. A first word و + four letters
        or more is "and" + name ("ومجاهد حسين النقعي"); وليد، وائل keep their و."""
        word = self.word(t0)
        conj = word.startswith("و") and len(word) >= 5 and t0 > 0 and \
            "," in self.norm[self.tokens[t0 - 1].end:self.tokens[t0].start]
        start = self.tokens[t0].start + (1 if conj else 0)
        return _Cand(t0, t1, start, self.tokens[t1 - 1].end)

    def phrase(self, m: PhraseMatch[_Role], rank: int) -> tuple[int | None, _RoleInfo]:
        """Read a role phrase: the role words, the organization after them, and where a
        name may start (None when the role cannot introduce one, e.g. "قياديا سوريا")."""
        lex, roles = self.lex, [(m.token_start, m.token_end, m.payload)]
        mods: list[tuple[int, str]] = []  # qualifiers read as ال-words: (token, English)
        org = self.antecedent(m.start) if m.payload.pronoun else None
        j, last = m.token_end, m.end
        definite = m.payload.pronoun or m.payload.kind == "title" or self.norm.startswith("ال", m.start)
        # after باسم or في comes the organization's noun, whatever it is ("باسم وزارة الخارجية");
        # when that noun ends the phrase, a name must be set off by a comma or a title
        wants_object, loose = m.payload.key.endswith("باسم"), False
        while m.payload.kind != "title" and j < self.n and j < m.token_end + 8 and self.gap(j):
            first = j == m.token_end  # "أمير التنظيم" is definite by what follows; "أمير في" is not
            w, actor, role = self.word(j), self.actor_at.get(j), self.roles.get(j)
            if actor:
                org, j, last, loose = org or actor.actor.name, actor.token_end, actor.end, False
            elif role and role.payload.kind == "title" and (not definite or wants_object):
                self.absorbed.add(j)  # مؤسس اللواء: the brigade, not the rank
                j, last = role.token_end, role.end
            elif wants_object and j not in self.links and not self.kunya_word(j):
                loose = not w.startswith("ال")
                j, last = j + 1, self.tokens[j].end
            elif role and role.payload.kind == "role" and not role.clitic:  # والقيادي: another
                roles.append((role.token_start, role.token_end, role.payload))
                if role.payload.pronoun:
                    org = org or self.antecedent(role.start)
                j, last = role.token_end, role.end
                wants_object = role.payload.key.endswith("باسم")
                continue
            elif w in lex.connectors and j + 1 < self.n and self.gap(j + 1):
                j, wants_object = j + 1, True
                continue
            elif (w.startswith("ال") or _LAM_LAM.match(w)) and w not in lex.role_after and \
                    j not in self.links and j not in self.covered and j not in self.blocked:
                mods += [(j, lex.modifiers[w])] if w in lex.modifiers else []
                j, last, loose = j + 1, self.tokens[j].end, False
            else:
                break
            definite, wants_object = definite or first, False
        info = _RoleInfo(self.english(roles, mods), org, (m.start, last), rank)
        if m.payload.kind == "group" or not definite:
            return None, info
        title = self.roles.get(j)
        if loose and not self.gap(j, _COMMA) and not (title and title.payload.kind == "title"):
            return None, info
        while j < self.n and self.gap(j, _OPENING):  # titles and linking words before the name
            role, link = self.roles.get(j), self.links.get(j)
            if role and role.payload.kind == "title":
                j = role.token_end
            elif link:
                j = link.token_end
                while j < self.n and self.word(j) in lex.fillers:
                    j += 1
            elif self.gap(j, _COMMA) and self.word(j).endswith("ا") and \
                    self.norm[self.tokens[j].start - 1] == " ":
                return None, info  # "القائد العام للجيش، هجوما حادا": an object, not a name
            else:
                return j, info
        return None, info

    def english(self, roles: list[tuple[int, int, _Role]], mods: list[tuple[int, str]]) -> str | None:
        """The role in English, with a qualifier found before the role ("الإعلامي الأول
        المتحدث باسمه" → media spokesman) or right after it ("القيادي الميداني" → field
        commander), not further on: "الرئيس اليمني الشرعي" is the legitimate president."""
        modifiers = self.lex.modifiers
        heads = [r for r in roles if r[2].kind != "title" and r[2].key not in modifiers] or roles
        h0, h1, head = heads[-1]
        quals = mods + [(r0, modifiers[r.key]) for r0, _, r in roles if r.key in modifiers]
        near = [q for i, q in sorted(quals) if i < h0 or i == h1]
        if head.english and near and head.key not in modifiers and head.key not in self.lex.unqualified \
                and near[0] not in head.english:
            return f"{near[0]} {head.english}"
        return head.english

    # -- the passes ----------------------------------------------------------------
    def find(self) -> list[PersonMention]:
        encl = self.enclosed()
        self.kunyas()
        for m in sorted(self.roles.values(), key=lambda m: m.start):  # names after roles
            if m.token_start in self.blocked or m.token_start in self.absorbed or \
                    self.after_place_cue(m.token_start) or self.after_named_building(m.token_start, staff=True):
                continue
            # a title that says nothing of the job (المدعو) gives way to a group's role
            rank = 3 if m.payload.kind != "title" else 1 if m.payload.english else -1
            at, info = self.phrase(m, rank)
            cand = self.person_at(at, encl) if at is not None else None
            if cand:
                cand.give(info)
            elif m.payload.kind == "role" and self.gap(m.token_start, _COMMA_ONLY):
                self.name_before(m, info)
        self.link(encl)
        self.lists_and_roles_after(encl)
        return self.mentions()

    def kunyas(self) -> None:
        """Kunyas stand on their own, read left to right (a kunya's words start no other)."""
        after = 0
        for i in self.kunya_starts():
            if i < after:
                continue
            k = self.kunya(i)
            if k:
                self.cands[i] = _Cand(i, k.token_end, k.start, k.end, k)
                after = k.token_end

    def kunya_starts(self) -> list[int]:
        """Tokens a kunya may start at, in order, from the document's shared vocabulary
        pass: a Python test of every token was most of the time spent here."""
        return self.lex.kunya_starters.positions(self.tokens)

    def name_before(self, m: PhraseMatch[_Role], info: _RoleInfo) -> None:
        """"وقال ميك أحمد خان، المتحدث باسم الحكومة": words between a speech verb and
        the comma before a role are a name."""
        k = m.token_start - 1
        while k >= 0 and m.token_start - k <= 5 and self.is_name_word(k) and (
                k == m.token_start - 1 or self.gap(k + 1)):
            k -= 1
        first = k + 1
        if first == m.token_start or k < 0 or not self.gap(first) or self.word(first).startswith("ال"):
            return
        if any(v in self.lex.speech for v, _ in clitic_variants(self.word(k))):
            cand = self.named(first, m.token_start)
            cand.give(_RoleInfo(info.english, info.organization, info.span, 2))
            self.cands.setdefault(first, cand)

    def link(self, encl: dict[int, int]) -> None:
        """X الملقب (أبو Y): one person, the real name X with the kunya."""
        ends = {c.t_last: c for c in self.cands.values()}
        encl_ends = {t1: t0 for t0, t1 in encl.items()}
        for lk in sorted(self.links.values(), key=lambda m: m.start):
            j = lk.token_end
            while j < self.n and self.word(j) in self.lex.fillers:
                j += 1
            existed = j in self.cands
            right = self.cands.get(j) or (self.person_at(j, encl) if j in encl else None)
            if right is None or not self.gap(lk.token_start, _AROUND):
                continue
            s = lk.token_start
            left = ends.get(s)
            if left is None and s in encl_ends:
                left = self.person_at(encl_ends[s], encl)
            if left is None and right.kunya:  # "X Y المكنى أبو Z": the words before are a name
                k = s - 1
                while k >= 0 and s - k <= 4 and self.is_name_word(k) and (k == s - 1 or self.gap(k + 1)):
                    k -= 1
                if k + 1 < s and not self.word(k + 1).startswith("ال") and not (
                        k >= 0 and self.word(k) in self.lex.prepositions):  # "في سيناء، ويكنى"
                    left = self.cands.setdefault(k + 1, self.named(k + 1, s))
            if left is None or left is right:
                if not existed and right.kunya is None:
                    del self.cands[j]  # an alias alone ("المعروف باسم "مقلاع داود"") is no one
                continue
            self.cands.pop(j, None)
            left.kunya, left.t_last = right.kunya or left.kunya, right.t_last
            if right.role:
                left.give(right.role)
            ends = {c.t_last: c for c in self.cands.values()}

    def lists_and_roles_after(self, encl: dict[int, int]) -> None:
        """Bracketed names after a list word or in a list ("و(أنور شودري)"), roles after
        a name, and the group role of the list a name is in."""
        groups = [m for m in self.roles.values() if m.payload.kind == "group"]
        list_ends = {m.token_end for m in self.lists}
        previous_end = -1
        for j in sorted(set(self.cands) | set(encl)):
            cand = self.cands.get(j)
            if cand is None:
                listed = j in list_ends and self.gap(j, _OPENING)
                continued = j >= 2 and self.word(j - 1) == "و" and previous_end == j - 1 and \
                    self.gap(j - 1, _CLOSING)
                if not (listed or continued or self.role_after(encl[j]) is not None):
                    continue
                cand = self.person_at(j, encl)
                if cand is None:
                    continue
            info = self.role_after(cand.t_last)
            if info:
                cand.give(info)
            group = [g for g in groups if g.token_end <= j and self.same_sentence(g.start, cand.start)
                     and any(g.token_end <= c.token_start and c.token_end <= j for c in self.lists)]
            if group:
                cand.give(self.phrase(group[-1], 0)[1])
            previous_end = cand.t_last

    def role_after(self, t: int) -> _RoleInfo | None:
        """"X، القيادي في ..." or "(X) الذي يشغل الناطق باسم التنظيم": a role right after
        a name that does not introduce another name."""
        if t >= self.n or not self.gap(t, _CLOSING):
            return None
        k = t
        while k < t + 3 and k < self.n and self.word(k) in self.lex.role_after and self.gap(k + 1):
            k += 1
        m = self.roles.get(k)
        if m is None or m.payload.kind != "role":
            return None
        at, info = self.phrase(m, 2)
        if at is not None and (at in self.cands or self.kunya(at) or self.plain_name(at)):
            return None
        return info

    def same_sentence(self, a: int, b: int) -> bool:
        return bisect.bisect_right(self.sentence_starts, a) == bisect.bisect_right(self.sentence_starts, b)

    def mentions(self) -> list[PersonMention]:
        out: list[PersonMention] = []
        taken: set[int] = set()
        for c in sorted(self.cands.values(), key=lambda c: (-(c.t_last - c.t0), c.start)):
            span = set(range(c.t0, c.t_last))
            if span & taken:
                continue
            taken |= span
            out.append(self.mention(c))
        return sorted(out, key=lambda p: p.start)

    def mention(self, c: _Cand) -> PersonMention:
        k, norm = c.kunya, self.norm
        kunya = norm[k.start:k.end] if k else None
        name = norm[k.start:k.end] if k and c.start == k.start else norm[c.start:c.end]
        last = name.split()[-1] if name else ""
        nisba = k.nisba if k else (last if last in self.lex.nisbas else None)
        origin = k.origin if k else self.lex.nisbas.get(last)
        start, end = _balanced(norm, c.start, max(c.end, k.end if k else c.end))
        role = c.role
        return PersonMention(start, end, name, nisba, kunya, origin, role.english if role else None,
                             role.organization if role else None, role.span if role else None)


def _balanced(norm: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span over the brackets and quotes it leaves open, so that
    "(هارتا دها) الملقب (أبو روميسة البريطاني)" is reported whole."""
    depth = missing_open = 0
    for ch in norm[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth, missing_open = (depth - 1, missing_open) if depth else (0, missing_open + 1)
    while missing_open and start > 0 and norm[start - 1] == "(":
        start, missing_open = start - 1, missing_open - 1
    while depth and end < len(norm) and norm[end] == ")":
        end, depth = end + 1, depth - 1
    if 0 < start and end < len(norm) and norm[start - 1] + norm[end] in ('()', '""'):
        start, end = start - 1, end + 1  # the whole name was in brackets or quotes
    elif norm.count('"', start, end) % 2:
        if end < len(norm) and norm[end] == '"':
            end += 1
        elif start > 0 and norm[start - 1] == '"':
            start -= 1
    return start, end


def find_people(norm: str, tokens: list[Token] | None = None,
                actors: list[ActorMention] | None = None) -> list[PersonMention]:
    """Named people in normalized text, without overlaps. ``tokens`` and ``actors`` are
    computed when not given (actors without a date: only those valid today)."""
    if tokens is None:
        tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]
    if actors is None:
        actors = load_pack().find(tokens, None)
    return _Finder(norm, tokens, actors).find()


class PeopleRecognizer:
    """Named people, their kunya, nisba, role and organization; runs after the actors
    (a name that is an actor is not a person)."""

    name = "people"

    def vocabulary_items(self) -> tuple[VocabularyItem, ...]:
        lexicon = _lexicon()
        return (lexicon.phrases, lexicon.kunya_starters)

    def __call__(self, analysis: Analysis) -> None:
        analysis.people = find_people(analysis.ntext.norm, analysis.tokens, analysis.actors)
