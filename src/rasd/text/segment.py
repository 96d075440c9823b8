"""Sentence and clause segmentation for Arabic news prose.

News sentences run long, chained by و and ف and commas; an event's arguments usually
sit in one sentence, so assembly works sentence by sentence and uses clauses to keep
two events of one sentence apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# (scraped text often drops the space after a full stop: "في محافظة كركوك شمالي العراق.واستهدفت
# الغارات"; a stop between two words of three letters or more ends a sentence too, but not
# a site's name, "العربية.نت" (two letters after the stop), "مصراوي.كوم", nor an abbreviation,
# "إم.كيو", "إتش.إتش-60"; a glued stop before a word of two letters, "العراق.في", is missed;
# the one-character look behind for the stop comes first, as it fails at almost every position)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s+|[\"')\]]*\s*$)|\n+|(?<=\.)(?<=[\u0621-\u064a]{3}\.)"
                           r"(?=[\u0621-\u064a]{3,}(?![-\u0621-\u064a]))(?!كوم(?![\u0621-\u064a]))")
# Connectors that start a new clause, often a new event, inside one long sentence:
# "..., إضافة إلى ...", "كما", "في حين", "بالتزامن مع", "ترافقت مع", "وسط قصف" (a bombardment
# that goes with a battle is an event of its own), ", أيضا", ", كذلك" (likewise; without the
# comma it is mostly "also" inside a clause: "قصفت قوات النظام وكذلك الميليشيات بلدة سرمين"),
# ", فيما" (not the "فيما" of "in what" before one of ``_FIMA_IN_WHAT``: "فيما يتعلق", "فيما
# وصفه", "فيما يشتبه"; without the comma, see below) and "ردا على" (the event an act answers
# is another event); and semicolons. Commas alone do not: the date and place of an event
# are often set off by commas around its verb.
# Without a comma, فيما opens a clause only before a verb news chains a second act or
# statement with ("فيما قتل ثلاثة"، "فيما قالت موسكو"); before anything else it is mostly
# "in what" ("فيما بدا أنه قصف روسي"، "فيما يعتبر"، "فيما أطلق عليه"). Normalized spelling.
_FIMA_CLAUSE_VERBS = (
    "قتل", "قتلت", "قتلوا", "تم", "قال", "قالت", "اعلن", "اعلنت", "اكد", "اكدت", "ذكر", "ذكرت",
    "افاد", "افادت", "اشار", "اشارت", r"اطلق(?:ت|وا)?(?!\s+علي)", "امطر", "امطرت", "شن", "شنت", "شنوا",
    "قصف", "قصفت", "قصفوا", "استهدف", "استهدفت", "سيطر", "سيطرت", "سيطروا", "سقط", "سقطت", "لقي",
    "لقيت", "لقوا", "دارت", "اندلعت", "تواصل", "تواصلت", "واصل", "واصلت", "نفذ", "نفذت", "تمكن",
    "تمكنت", "هاجم", "هاجمت", "تعرض", "تعرضت", "خرج", "خرجت", "تظاهر", "تظاهرت",
)
_FIMA_IN_WHAT = (
    "يتعلق", "يخص", "بعد", "يبدو", "بين", "بينها", "بينهم", "بينهما", "يلي", "قد", "لا", "لم", "لن", "جرح",
    "اصيب", "يعتقد", "اذا", "لو", "يتصل", r"وصف\w*", "يسمي", "سمي", "يعرف", "عرف", "عدا", "يشبه", "يعد",
    "يمثل", "يخدم", "يدعم", "سبق", "مضي", "يشتبه", r"اعتبر\w*", "يعتبر", "بدا", "قيل", r"يصف\w*", r"تصف\w*",
    r"زعم\w*", "يرجح", "يحدث", "حدث", "حصل", "يجري", "جري",
)
# ", مشيرا إلى أن ...", ", مضيفة أن ...": after a comma, a participle of saying opens the next
# thing the source said, often another act ("قتل خمسة في غارة على سراقب، مشيرا إلى أن
# الطيران قصف أيضا بلدة سرمين"). Normalized spelling.
_SPEECH_PARTICIPLES = (
    "مشيرا", "مشيره", "مضيفا", "مضيفه", "موضحا", "موضحه", "لافتا", "لافته", "مؤكدا", "مؤكده", "منوها", "منوهه",
)
_CLAUSE_START = re.compile(
    r"(?:,\s*|\s)(?=(?:[وف]?(?:اضافه\s+الي|بالاضافه\s+الي|فضلا\s+عن|في\s+حين|بينما|كما|حيث|"
    r"بالتزامن\s+مع|تزامنا\s+مع|(?:ي|ت)?ترافق(?:ت|ا)?\s+مع|علاوه\s+علي))\s)|,?\s+(?=وسط\s+(?:قصف|غارات|ضربات|اشتباكات|معارك)(?!\w))|,\s*(?=[وف]?(?:ايضا|كذلك)\s)"
    rf"|,\s*(?=فيما\s+(?!(?:{'|'.join(_FIMA_IN_WHAT)})(?!\w)))"
    rf"|\s+(?=فيما\s+(?:{'|'.join(_FIMA_CLAUSE_VERBS)})(?!\w))"
    r"|,?\s+(?=(?:ردا|رد|انتقاما)\s+(?:علي(?!\w)|ل\w))|;\s*"
    rf"|,\s*(?=(?:{'|'.join(_SPEECH_PARTICIPLES)})\s+(?:الي\s+)?ان(?:ه|ها|هم|هما)?\s)")

# What every match of ``_CLAUSE_START`` needs in its sentence (keep the two in step): ";",
# or a part of the connector its lookahead reads (a lookahead sees no further than the
# sentence's end). Most sentences have none, and this one scan is faster than the
# lookaheads ``_CLAUSE_START`` tries at each of their spaces.
_CLAUSE_CONNECTOR = re.compile("|".join([
    ";", "اضافه", "فضلا", "حين", "بينما", "كما", "حيث", "تزامن", "ترافق", "علاوه", "وسط", "ايضا", "كذلك", "فيما",
    "رد", "انتقاما", *sorted({w[:-1] for w in _SPEECH_PARTICIPLES})]))


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # normalized offsets
    end: int


# Every sentence end starts right after a stop mark or at a line break: ``_sentence_ends``
# tries ``_SENTENCE_END`` only there. Its lookbehinds make the regex engine try each of its
# branches at every character of a text; these characters are found by one fast scan.
_SENTENCE_END_AT = re.compile(r"[.!?\n]")


def _sentence_ends(norm: str) -> Iterator[re.Match[str]]:
    """The matches ``_SENTENCE_END.finditer(norm)`` gives, in order: each candidate
    position is tried once, none before the end of the previous match. After an empty
    match the next try is one character on: ``finditer`` would also try a non-empty match
    at the same place, but ``_SENTENCE_END`` matches empty only before an Arabic letter
    (a glued stop) or at the text's end, where none of its other branches can match."""
    allowed = 0  # the first position a match may start at
    for mark in _SENTENCE_END_AT.finditer(norm):
        at = mark.start()
        if norm[at] != "\n":
            at += 1
        if at < allowed:
            continue
        m = _SENTENCE_END.match(norm, at)
        allowed = m.end() if m is not None and m.end() > at else at + 1
        if m is not None:
            yield m


def sentences(norm: str) -> list[Segment]:
    """Sentences of normalized text: after a full stop (and a space, or glued to the next
    word of three letters or more), "!" or "?", or a line break. A decimal point or an
    abbreviation dot ("م. ح") followed by a space is rare enough in news bodies to accept
    the split."""
    pieces: list[Segment] = []
    cursor = 0
    for m in _sentence_ends(norm):
        if m.start() > cursor and norm[cursor:m.start()].strip():
            pieces.append(Segment(cursor, m.start()))
        cursor = m.end()
    if cursor < len(norm) and norm[cursor:].strip():
        pieces.append(Segment(cursor, len(norm)))
    return pieces


def clauses(norm: str, sentence: Segment) -> list[Segment]:
    """Clauses of a sentence, split before the connectors that chain events."""
    if not _CLAUSE_CONNECTOR.search(norm, sentence.start, sentence.end):
        return [sentence] if sentence.start < sentence.end else []  # (most sentences)
    out: list[Segment] = []
    cursor = sentence.start
    for m in _CLAUSE_START.finditer(norm, sentence.start, sentence.end):
        if m.start() > cursor:
            out.append(Segment(cursor, m.start()))
        cursor = m.end()
    if cursor < sentence.end:
        out.append(Segment(cursor, sentence.end))
    return out
