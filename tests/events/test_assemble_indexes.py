"""The per-document indexes of assembly answer as the linear scans they replace."""

from __future__ import annotations

import datetime as dt

from rasd.events.document import clause_segments
from rasd.events.document import sentence_index as _sentence_index
from rasd.events.document import trigger_clauses as _trigger_clauses
from rasd.events.document import within as _within
from rasd.model import Document
from rasd.text.segment import Segment, clauses

TEXT = ("قتل 3 مدنيين بينهم طفل وأصيب 5 آخرون في قصف لقوات النظام على مدينة دوما في ريف دمشق "
        "يوم الجمعة، بحسب المرصد السوري لحقوق الإنسان. وفي حين سيطرت قوات سوريا الديمقراطية على قرية، "
        "قالت مصادر إن الاشتباكات مستمرة.\nالطقس معتدل اليوم. كما شنت طائرات التحالف غارات على الرقة.")


def test_indexes_match_the_scans(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = shared_pipeline.analyze(Document(id="t", text=TEXT, published=dt.date(2018, 3, 10)))
    norm = analysis.ntext.norm
    for pos in range(len(norm) + 1):
        expected = next((i for i, s in enumerate(analysis.sentences) if s.start <= pos < s.end), -1)
        assert _sentence_index(analysis, pos) == expected
    segments = clause_segments(analysis) + analysis.sentences + [Segment(0, len(norm)), Segment(5, 5)]
    for items in (analysis.triggers, analysis.actors, analysis.dates, analysis.counts):
        for seg in segments:
            assert _within(analysis, items, seg) == [x for x in items if seg.start <= x.start < seg.end]
    triggers = analysis.triggers
    holding = [c for s in analysis.sentences if any(s.start <= t.start < s.end for t in triggers)
               for c in clauses(norm, s)]
    assert _trigger_clauses(analysis) == holding
    # every clause that can make a candidate is among them
    assert [c for c in clause_segments(analysis) if _within(analysis, triggers, c)] == \
        [c for c in holding if _within(analysis, triggers, c)]
