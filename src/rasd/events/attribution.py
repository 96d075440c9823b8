"""According to whom, and who claimed it: the sources an event is attributed to, and
claims of responsibility that name the author of an attack coded without one.
"""

from __future__ import annotations

from rasd.analysis import Analysis
from rasd.events.article import Emitted
from rasd.events.candidate import Candidate
from rasd.events.document import evidence_span, sentence_index, within
from rasd.events.lexicon import assembly_words
from rasd.model import Evidence
from rasd.recognize.sources import SourceMention

UNCLAIMED = ("Unidentified Armed Group", "Unidentified Military Forces")  # the authors a claim replaces


def sources_of(analysis: Analysis, cand: Candidate) -> list[str]:
    """Who the sentence attributes it to; else the source named earlier in the
    paragraph, or the one "وأضافت الشبكة" points back to."""
    sentence, norm = cand.sentence, analysis.ntext.norm

    def name(s: SourceMention) -> str:
        return str(evidence_span(analysis, s.start, s.end)["text"]) if s.verbatim else s.name

    sources = [name(s) for s in within(analysis, analysis.sources, sentence)]
    if not sources:
        referring = assembly_words().referring_source.search(norm, sentence.start, sentence.end)
        earlier = [s for s in analysis.sources if s.end <= sentence.start
                   and (referring or "\n" not in norm[s.end:sentence.start])]
        sources = [name(earlier[-1])] if earlier else []
    return list(dict.fromkeys(sources))


def apply_claims(analysis: Analysis, events: list[Emitted]) -> None:
    """"تبنى تنظيم الدولة الهجوم": a claim names the author of the attack it claims
    (event-schema.md §3), the last unclaimed event up to the claim's sentence; it is
    not an event of its own."""
    norm = analysis.ntext.norm
    if not any(e.event.actor1 in UNCLAIMED for e in events):
        return  # no event whose author a claim could name
    if "تبن" not in norm and ("اعلن" not in norm or "مسؤولي" not in norm):
        return  # the stems every claim is made with (a cheap test before the regex)
    for claim in assembly_words().claim.finditer(norm):
        sentence = sentence_index(analysis, claim.start())
        claimer = next((a for a in analysis.actors if claim.start() <= a.start <= claim.end() + 40
                        and a.actor.kind in ("group", "militia", "state")), None)
        if claimer is None:
            continue
        candidates = [e.event for e in events if e.sentence <= sentence and e.event.actor1 in UNCLAIMED]
        if candidates:
            event = candidates[-1]
            event.actor1 = claimer.actor.name
            event.evidence.append(Evidence(field="actor1", **evidence_span(analysis, claimer.start, claimer.end)))
