"""What the event rules look up in an analysed article: the items of a clause or a
sentence, which sentence holds an offset, the country words of a stretch, how often
each side is named. Computed once per article (``Analysis.remember``), asked many times.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter
from typing import Any, Sequence, TypeVar

from rasd.analysis import Analysis
from rasd.events.lexicon import assembly_words
from rasd.recognize.actors import Actor, ActorMention
from rasd.recognize.datelines import dateline_end
from rasd.recognize.numbers import death_or_injury_word, number_words
from rasd.text.segment import Segment, clauses
from rasd.text.tokens import PhraseMatcher, clitic_variants, is_definite, reads_as

TEXT = attrgetter("text")
COVERED = ("SY", "IQ")  # the countries the gazetteer and actor pack cover
#: Marks that end a phrase: a place, a day or a list does not reach across them.
PUNCTUATION = re.compile(r"[.,،؛:()\"]")
_PAREN = re.compile(r"\([^()]{0,120}\)")
_HEADLINE = re.compile(r"(?:[^\n.!?]{1,160}\n+){1,3}")

Item = TypeVar("Item")


def evidence_span(analysis: Analysis, start: int, end: int) -> dict[str, Any]:
    """``analysis.span(start, end)`` as a dict, without building the ``Span`` model."""
    a, b = analysis.ntext.original_span(start, end)
    return {"start": a, "end": b, "text": analysis.doc.text[a:b]}


def headline_end(norm: str) -> int:
    """End of the headline lines a body may start with: short lines without a full stop."""
    m = _HEADLINE.match(norm)
    if not m:
        return 0
    lines = [line for line in m.group().split("\n") if line.strip()]
    return m.end() if all(len(line.split()) <= 20 for line in lines) else 0


_TEASER_HEADLINES = 5  # a list of related stories is short
#: The longest line that may be a heading or another story's headline, in words.
_HEADING_WORDS = 12


def _narrates(line: str) -> bool:
    """A line that goes on with the story, not a headline: it opens with و or tells
    what happened in the past tense ("قصفت الطائرات ... أمس")."""
    words = line.split()
    return words[0].startswith("و") or any(reads_as(w, assembly_words().occurrence_verbs) for w in words)


def crossheads(norm: str) -> list[Segment]:
    """Crossheads run into the paragraph they head ("... منازل أخرى. معارك اللاذقية وفي ريف
    اللاذقية تواصلت الاشتباكات"): their words name what the paragraph reports, which its
    own words code; a trigger in one is no act of its own."""
    crosshead = assembly_words().crosshead
    starts = chain((0,), (m.end() for m in _SENTENCE_START.finditer(norm)))
    return [Segment(m.start(1), m.end(1)) for m in map(crosshead.match, repeat(norm), starts)
            if m is not None and _a_heading(m.group(1).split())]


#: Where a sentence (or a line) starts: after a full stop, "!" or "?" and a space, or a line break.
_SENTENCE_START = re.compile(r"[.!?]\s+|\n")


def _a_heading(words: list[str]) -> bool:
    """Words that can head a paragraph: a noun phrase, so no verb first (a past tense in ت or
    وا, "انفجرت سيارة مفخخة وقالت الشرطة", or one of ``occurrence_verbs``) and no toll (a
    number, "قتل 5 وقال المرصد", or a word of death or injury, "قتل جنديان وقال الجيش")."""
    first = words[0]
    if (first.endswith("ت") and not first.endswith("ات")) or first.endswith("وا") \
            or reads_as(first, assembly_words().occurrence_verbs):
        return False
    units = number_words().units
    return not any(w[:1].isdigit() or death_or_injury_word(w) or reads_as(w, units) for w in words)


def teaser_lines(norm: str) -> list[Segment]:
    """Lines that point to other stories, not part of the article (event-schema.md §3.2
    "Not part of the article"): a line opened by a teaser word ("اقرأ أيضا:", "شاهد:",
    "رابط الخبر بصحيفة ..."), and after a teaser word alone on its line, up to five short
    headline lines (twelve words at most, no full stop) that follow it."""
    words = assembly_words()
    spans: list[Segment] = []
    for m in words.teaser_line.finditer(norm):
        start, end = m.start(), norm.find("\n", m.end())
        end = len(norm) if end < 0 else end
        spans.append(Segment(start, end))
        if norm[m.end():end].strip(" :.…\u00a0"):
            continue  # the headline is on the marker's own line
        for _ in range(_TEASER_HEADLINES):  # "اقرأ أيضا:" then one short headline per line
            if end >= len(norm):
                break
            nxt = norm.find("\n", end + 1)
            nxt = len(norm) if nxt < 0 else nxt
            line = norm[end + 1:nxt].strip()
            if not line or len(line.split()) > _HEADING_WORDS or line.endswith(".") or _narrates(line):
                break
            spans.append(Segment(end + 1, nxt))
            end = nxt
    return spans


#: A line that ends a sentence or a quote, or opens a list item or a dated entry, is text
#: (the normalizer writes « » as '"' and dashes as "-").
_ENDS_A_SENTENCE = re.compile(r"[.!?:\"')]\s*$")
_OPENS_AN_ENTRY = re.compile(r"^\s*(?:[-•*]|\d)")
#: A headline's label before a colon ("سوريا: إسرائيل قصفت ..."): the line is a headline even
#: where it tells what happened.
_LABELLED = re.compile(r"^(?:\S+\s+){0,2}?\S+:")


def headline_lines(norm: str) -> list[Segment]:
    """Lines in the body that are headings or other stories' headlines (event-schema.md
    §3.2 "Not part of the article"): a line of at most twelve words that ends no sentence,
    between the lines of the body ("سوريا: إسرائيل قصفت قاعدة التيفور ..." under a BBC
    paragraph, a link to that story). Not a list item or a dated entry of a timeline
    ("- 7 نيسان: هجوم ..."), nor a line that goes on with the story ("وقتل 5 مدنيين",
    "قصفت الطائرات الحربية مدينة الرقة أمس") unless a label and a colon open it, which the
    article tells."""
    out = []
    continues = assembly_words().story_continues
    for m in _PARAGRAPH.finditer(norm, headline_end(norm)):
        line = m.group().strip()
        if m.start() == 0 or not line or len(line.split()) > _HEADING_WORDS:
            continue
        if not (_ENDS_A_SENTENCE.search(line) or _OPENS_AN_ENTRY.match(line) or continues.match(line)
                or (_narrates(line) and not _LABELLED.match(line))):
            out.append(Segment(m.start(), m.end()))
    return out


_LEDE_CHARS = (60, 400)
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_GOES_ON = re.compile(r"[.!?](?=\s+\S)")  # (the normalizer writes ؟ as ?)


def related_stories(norm: str) -> list[Segment]:
    """The box of other stories' ledes that ends some outlets' pages (event-schema.md §3.2
    "Not part of the article", ``related_stories`` in data/assembly.yaml): where the first
    paragraph opens with such an outlet's dateline (a dash after it) and enough of the last
    paragraphs read as ledes, those of them the box can hold; never the first two paragraphs,
    which are the article's. A box is told by its shape, not its topics: one of its stories
    may be on the article's own subject."""
    words = assembly_words()
    paragraphs = (m for m in _PARAGRAPH.finditer(norm, headline_end(norm)) if m.group().strip())
    first = next(paragraphs, None)  # (most pages carry no such dateline: the rest is not read)
    size = next((n for mark, n in words.related_boxes if first and dateline_end(first.group(), mark) is not None), 0)
    if not size:
        return []
    body = list(paragraphs)
    ledes: list[re.Match[str]] = []
    for m in reversed(body[1:]):
        if len(ledes) == size or not _reads_as_a_lede(m.group(), words.story_continues):
            break
        ledes.append(m)
    if len(ledes) < words.lede_min:
        return []
    return [Segment(m.start(), m.end()) for m in reversed(ledes)]


def article_end(analysis: Analysis) -> int:
    """Where the article's own text ends: at the box of other stories under it
    (``related_stories``), else at the end. The sides and places the box names do not
    tell what the article is about."""
    def end() -> int:
        box = related_stories(analysis.ntext.norm)
        return box[0].start if box else len(analysis.ntext.norm)
    return analysis.remember(article_end, end)


def _reads_as_a_lede(paragraph: str, story_continues: re.Pattern[str]) -> bool:
    text = paragraph.strip()
    return _LEDE_CHARS[0] <= len(text) <= _LEDE_CHARS[1] and not story_continues.match(text) \
        and not _SENTENCE_GOES_ON.search(text)


def clause_segments(analysis: Analysis) -> list[Segment]:
    """The article's clauses, sentence by sentence (rasd.text.segment.clauses)."""
    return [c for sentence in analysis.sentences for c in clauses(analysis.ntext.norm, sentence)]


def trigger_clauses(analysis: Analysis) -> list[Segment]:
    """The clauses of the sentences that hold a trigger, in text order: only those can
    make a candidate, so the other sentences (most of an article) are not split."""
    norm = analysis.ntext.norm
    holding = {sentence_index(analysis, t.start) for t in analysis.triggers}
    return [piece for i, sentence in enumerate(analysis.sentences) if i in holding
            for c in clauses(norm, sentence) for piece in _acts_apart(analysis, c)]


_COMMA_AND = re.compile(r",\s*(?=[وف]\w)(?!في\s+(?:اطار|ظل|سياق)(?!\w))")
_COMMA = re.compile(r",\s*")
_ACT_NEAR_THE_COMMA = 8  # tokens: the act opens the new clause, it is not deep inside it


def _acts_apart(analysis: Analysis, clause: Segment) -> list[Segment]:
    """"قتل طفلان في غارة على مدينة معرة النعمان، وامرأة وطفلها في قصف جوي على قرية
    جوزف": after a comma and و (or ف), an act word of its own (a strike, a clash: one that says
    how) with a place after it starts another event, when the act before the comma (a loose
    one too: "فيما تمكنت القوات من تحرير ... الرمادي، تظاهر المئات بمحافظة ذي قار") has a
    place of its own too, another one; the clause is cut at the comma. After a bare comma the
    act must open the new clause. "، في إطار" (في ظل, في سياق: the frame of the act before)
    is no و, while "، في وقت ..." opens another clause as "، و" does. An opening "بعد ...،"
    is never cut off: its event is the one before the clause's (``after_the_opening``). Not an act named
    again by a definite noun ("، وأدى القصف إلى"), nor an act at the place already named
    ("غارات على مدينة سراقب، وقتل خمسة في قصف على مدينة سراقب": its toll), nor a toll or a
    place alone ("، وقتل 5", "، وفي بلدة"), which belong to the act before."""
    told = [t for t in within(analysis, analysis.triggers, clause) if t.sense.mode and not (t.sense.campaign or t.sense.yields)]
    acts = [t for t in told if not t.sense.weak]
    if len(told) < 2 or not acts:
        return [clause]
    norm, tokens = analysis.ntext.norm, analysis.tokens
    places = analysis.remember(_acts_apart, lambda: sorted(analysis.places, key=lambda r: r.mention.start))
    place_starts = analysis.remember((_acts_apart, "starts"), lambda: [r.mention.start for r in places])

    def named(start: int, end: int) -> set[str]:
        """The places named in [start, end): gazetteer ids, else names as written."""
        return {r.place.id if r.place else r.mention.name_norm
                for r in places[bisect_left(place_starts, start):bisect_left(place_starts, end)]}

    pieces, start = [], clause.start
    opening = assembly_words().after_opening.match(norm, clause.start, clause.end)
    for comma in _COMMA.finditer(norm, clause.start, clause.end):
        if opening is not None and comma.start() < opening.end():
            continue  # "وبعد غارات على دوما، سيطرت القوات على حرستا": the event before the one told
        act = next((t for t in acts if t.start > comma.start()), None)
        if act is None:
            break
        gap = act.token_start - bisect_left(analysis.token_starts, comma.end())
        # after "، و" the act may come a few words on; after a bare comma it opens the clause
        if not (gap <= _ACT_NEAR_THE_COMMA if _COMMA_AND.match(norm, comma.start()) else gap == 0):
            continue
        before = set().union(*(named(t.end, comma.start()) for t in told if start <= t.start < comma.start()))
        if not before:
            continue
        nxt = _COMMA_AND.search(norm, act.end, clause.end)
        after = named(act.end, nxt.start() if nxt else clause.end)
        if not is_definite(tokens[act.token_start].text) and after and not after <= before:
            pieces.append(Segment(start, comma.start()))
            start = comma.end()
    pieces.append(Segment(start, clause.end))
    return pieces


def _starts(analysis: Analysis, items: Sequence[Any]) -> list[int] | None:
    """The start offsets of ``items`` (a list of the analysis, not modified while
    assembling), found once per document; None when the list is not in text order."""
    key = ("starts", id(items))
    entry = analysis.memo.get(key)
    if entry is None or entry[0] is not items:  # type: ignore[index]
        starts = [x.start for x in items]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        # the list is kept in the entry: its id cannot be reused while the entry lives
        entry = analysis.memo[key] = (items, starts if ordered else None)
    return entry[1]  # type: ignore[index]


def within(analysis: Analysis, items: list[Item], seg: Segment) -> list[Item]:
    """The items that start in ``seg``, in their order: a bisect over their starts when
    the list is in text order (it is called many times per article), else a scan."""
    starts = _starts(analysis, items)
    if starts is None:
        return [x for x in items if seg.start <= x.start < seg.end]  # type: ignore[attr-defined]
    return items[bisect_left(starts, seg.start):bisect_left(starts, seg.end)]


def last_word_before(analysis: Analysis, segment: Segment, token: int, words: frozenset[str], reach: int) -> int | None:
    """The index of the last token of ``segment`` that reads as one of ``words``, at most
    ``reach`` tokens before token ``token``: the verb that launches or begins an act named
    after it ("وشنت الولايات المتحدة ... سلسلة ضربات", "بدأت قوات النظام ... هجوما")."""
    tokens = analysis.tokens
    first = max(bisect_left(analysis.token_starts, segment.start), token - reach)
    return next((i for i in range(token - 1, first - 1, -1) if reads_as(tokens[i].text, words)), None)


def sentence_index(analysis: Analysis, pos: int) -> int:
    """Index of the sentence holding ``pos``, -1 if none: sentences are in text order and
    do not overlap, so the last one starting at or before ``pos`` is the only candidate."""
    starts = analysis.remember(sentence_index, lambda: [s.start for s in analysis.sentences])
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < analysis.sentences[i].end else -1


def sentence_of(analysis: Analysis, pos: int) -> Segment:
    i = sentence_index(analysis, pos)
    return analysis.sentences[i] if i >= 0 else Segment(pos, pos + 1)


def inside_parens(norm: str, pos: int, seg_start: int) -> bool:
    for m in _PAREN.finditer(norm, max(0, seg_start - 1)):
        if m.start() < pos < m.end():
            return True
        if m.start() > pos:
            break
    return False


def country_counts(analysis: Analysis, start: int, end: int) -> Counter[str]:
    """Country words in [start, end): the article's matches (found once) that lie there,
    without overlaps, as ``PhraseMatcher.find`` would choose them in that stretch alone."""
    def count() -> Counter[str]:
        found = analysis.countries
        first = bisect_left(analysis.token_starts, start)
        last = bisect_left(analysis.token_starts, end)
        inside = [m for m in found if first <= m.token_start and m.token_end <= last]
        return Counter(m.payload for m in PhraseMatcher.non_overlapping(inside)) if inside else Counter()

    return analysis.remember(("country_counts", start, end), count)  # asked again for each clause


def foreign_country(doc: Counter[str]) -> str | None:
    """The country an article is about when rasd does not cover it (Yemen, Libya...):
    its place names would be misread as Syrian or Iraqi villages. ``doc`` holds the
    article's country counts."""
    if not doc:
        return None
    top, n = doc.most_common(1)[0]
    if top in COVERED or n <= 2 * sum(doc[c] for c in COVERED):
        return None  # not clearly about another country
    return top


def wholly_foreign_country(analysis: Analysis) -> str | None:
    """The uncovered country the article is about (``foreign_country``) when it names Syria
    or Iraq nowhere, else None. Such an article has no event or reference to code: each
    candidate falls to ``filters.outside_coverage``, which keeps only a sentence naming a
    covered country. Reads nothing but the country words (``analysis.countries``), so
    that the pipeline can tell it before the costly recognizers run; the raw matches are
    read, overlaps included, so that no stretch's own count (``country_counts``) can name a
    covered country they lack."""
    foreign = foreign_country(country_counts(analysis, 0, len(analysis.ntext.norm)))
    if foreign is None or any(m.payload in COVERED for m in analysis.countries):
        return None
    return foreign


def is_country_name(analysis: Analysis, mention: ActorMention) -> bool:
    """Whether the mention is a bare country name ("إيران"; its first word may carry a
    clitic). Remembered per document: every actor mention is asked about several times."""
    names = assembly_words().country_names

    def bare() -> bool:
        words = [t.text for t in analysis.tokens[mention.token_start:mention.token_end]]
        return any(" ".join([v] + words[1:]) in names for v, _ in clitic_variants(words[0]))

    return analysis.remember(("country_name", mention.token_start, mention.token_end), bare)


#: Characters before a side that may hold a belief word, its أن and a word ("للاعتقاد" بأنها ضربة ").
_BELIEF_REACH = 32


def named_as_a_belief(analysis: Analysis, mention: ActorMention) -> bool:
    """"لديها أسباب تدفعها للاعتقاد بأن إسرائيل هي التي شنت غارة", "للاعتقاد بأنها ضربة
    إسرائيلية": a side believed to be an author is not named as one (event-schema.md §3.2
    "Hedged authors"), so it is not lent to the article's acts that name no author: it is
    not the side the article is about (``ActorSalience``), nor the air force named near a
    strike (``roles.air_force_nearby``)."""
    return assembly_words().believed.search(analysis.ntext.norm, max(0, mention.start - _BELIEF_REACH),
                                            mention.start) is not None


@dataclass
class ActorSalience:
    """How often the article names each side (not civilians, protesters, rioters, a
    bare country name, a side that fights only outside Syria and Iraq, or a side named
    as a belief): the side an article is about fills a side the clause leaves open."""

    analysis: Analysis
    counts: Counter[str] = field(default_factory=Counter)
    actor_by_name: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        end = article_end(self.analysis)
        for mention in self.analysis.actors:
            if mention.actor.kind in ("civilians", "protesters", "rioters") or is_country_name(self.analysis, mention) \
                    or mention.actor.acts_only_outside(COVERED) or mention.start >= end \
                    or named_as_a_belief(self.analysis, mention):
                continue
            self.counts[mention.actor.name] += 1
            self.actor_by_name.setdefault(mention.actor.name, mention.actor)

    def most_salient(self, exclude: set[str]) -> Actor | None:
        for name, _ in self.counts.most_common():
            if name not in exclude and self.actor_by_name[name].kind != "unidentified":
                return self.actor_by_name[name]
        return None

    def ranked(self) -> list[Actor]:
        """The named sides, most named first."""
        return [self.actor_by_name[name] for name, _ in self.counts.most_common()]
