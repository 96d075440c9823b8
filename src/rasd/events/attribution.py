"""According to whom, and who claimed it: the sources an event is attributed to, and
claims of responsibility that name the author of an attack coded without one.
"""

from __future__ import annotations

from bisect import bisect_right

from rasd.analysis import Analysis
from rasd.events.article import Emitted
from rasd.events.candidate import Candidate
from rasd.events.document import evidence_span, sentence_index, within
from rasd.events.lexicon import assembly_words
from rasd.model import Evidence
from rasd.recognize.sources import SourceMention
from rasd.text.segment import Segment

UNCLAIMED = ("Unidentified Armed Group", "Unidentified Military Forces")  # the authors a claim replaces
CLAIMERS = ("group", "militia", "state")  # the kinds of side that claim an attack


def sources_of(analysis: Analysis, cand: Candidate) -> list[str]:
    """Who the sentence attributes it to; else the source named earlier in the
    paragraph, or the one "وأضافت الشبكة" points back to."""
    sentence, norm = cand.sentence, analysis.ntext.norm

    def name(s: SourceMention) -> str:
        return str(evidence_span(analysis, s.start, s.end)["text"]) if s.verbatim else s.name

    sources = [name(s) for s in within(analysis, analysis.sources, sentence)]
    if not sources:
        referring = bool(assembly_words().referring_source.search(norm, sentence.start, sentence.end))
        earlier = _last_source_before(analysis, sentence.start, referring)
        sources = [name(earlier)] if earlier else []
    return list(dict.fromkeys(sources))


_LONGEST_SOURCE = 500  # characters: far longer than any source name


def _last_source_before(analysis: Analysis, pos: int, referring: bool) -> SourceMention | None:
    """The last source (in the article's order) that ends before ``pos`` and, unless the
    sentence refers back ("وأضافت الشبكة"), in the same paragraph. Walks back from
    ``pos`` over the sources in text order: a source that starts a whole source length
    before the paragraph began cannot end inside it."""
    norm, sources = analysis.ntext.norm, analysis.sources
    paragraph = norm.rfind("\n", 0, pos)  # the text after it up to pos has no line break
    for s in reversed(within(analysis, sources, Segment(0, pos))):
        if s.end <= pos and (referring or s.end > paragraph):
            return s
        if not referring and s.start + _LONGEST_SOURCE < paragraph:
            break
    return None


def apply_claims(analysis: Analysis, events: list[Emitted]) -> None:
    """"تبنى تنظيم الدولة الهجوم": a claim names the author of the attack it claims
    (event-schema.md §3): the unclaimed events up to the claim's sentence at the places it
    names, else the last unclaimed one; it is not an event of its own. The claimer stands
    after the verb, right before it, or earlier in its sentence ("وفي بيان للتنظيم ...،
    أعلن مسؤوليته")."""
    norm = analysis.ntext.norm
    if not any(e.event.actor1 in UNCLAIMED for e in events):
        return  # no event whose author a claim could name
    words = assembly_words()
    if not any(all(stem in norm for stem in group) for group in words.claim_stems):
        return  # none of the stems every claim is made with (a cheap test before the regex)
    sentences = [e.sentence for e in events]  # in text order
    for claim in words.claim.finditer(norm):
        sentence = sentence_index(analysis, claim.start())
        # the claimer after the verb ("تبنى تنظيم الدولة"), else right before it ("وكان تنظيم
        # داعش أعلن في بيان ... المسؤولية عن التفجير")
        claimer = next((a for a in within(analysis, analysis.actors, Segment(claim.start(), claim.end() + 41))
                        if a.actor.kind in CLAIMERS), None)
        if claimer is None:
            before = [a for a in within(analysis, analysis.actors, Segment(max(0, claim.start() - 25), claim.start()))
                      if not norm[a.end:claim.start()].strip(" \"'«»")]
            claimer = before[-1] if before and before[-1].actor.kind in CLAIMERS else None
        if claimer is None:  # "وفي بيان للتنظيم تداولته حسابات مؤيدة له ...، أعلن مسؤوليته"
            opening = analysis.sentences[sentence].start
            before = [a for a in within(analysis, analysis.actors, Segment(opening, claim.start()))
                      if a.actor.kind in CLAIMERS]
            claimer = before[-1] if before else None
        if claimer is None:
            continue
        # "أعلن مسؤوليته عن تفجير سيارة مفخخة في منطقة الزعفرانية، وأخرى في منطقة بغداد
        # الجديدة": a claim that names the places of its attacks claims the events there
        end = analysis.sentences[sentence].end
        named = {p.place.id for p in analysis.places if p.place is not None and claim.end() <= p.mention.start < end}
        # (a toll told alone is no attack to claim: the claim names the act it merges with)
        claimed = [events[k].event for k in range(bisect_right(sentences, sentence))
                   if events[k].event.actor1 in UNCLAIMED and not events[k].toll_alone
                   and events[k].event.gazetteer_id in named]
        if not claimed:
            last = next((events[k].event for k in range(bisect_right(sentences, sentence) - 1, -1, -1)
                         if events[k].event.actor1 in UNCLAIMED and not events[k].toll_alone), None)  # the last unclaimed one up to here
            claimed = [last] if last is not None else []
        for event in claimed:
            event.actor1 = claimer.actor.name
            event.evidence.append(Evidence(field="actor1", **evidence_span(analysis, claimer.start, claimer.end)))
