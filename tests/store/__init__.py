"""Tests of the corpus store. ``STRIKE_DOCS`` are four short articles written for these
tests: ``a`` and ``b`` report the same Coalition strike on Raqqa (Friday 9 March 2018)
with different tolls (5 and 8), ``c`` a strike on Hasakah the same day, ``d`` a strike
on Raqqa three days earlier."""

from __future__ import annotations

import json
from pathlib import Path

STRIKE_DOCS = [
    {"id": "a", "outlet": "Enab Baladi", "published": "2018-03-10",
     "text": "قُتل خمسة مدنيين في غارة جوية لطيران التحالف الدولي استهدفت مدينة الرقة، يوم الجمعة، "
             "بحسب ما أفادت مصادر محلية."},
    {"id": "b", "outlet": "Al-Hal Net", "published": "2018-03-10",
     "text": "أفاد المرصد السوري لحقوق الإنسان بمقتل ثمانية مدنيين، بينهم أطفال، جراء غارة نفذتها طائرات "
             "التحالف الدولي على مدينة الرقة يوم الجمعة."},
    {"id": "c", "outlet": "Al-Hal Net", "published": "2018-03-10",
     "text": "قُتل ثلاثة مدنيين في غارة جوية لطيران التحالف الدولي على مدينة الحسكة يوم الجمعة."},
    {"id": "d", "outlet": "Enab Baladi", "published": "2018-03-10",
     "text": "قُتل ثلاثة مدنيين في غارة جوية لطيران التحالف الدولي استهدفت مدينة الرقة، يوم الثلاثاء الماضي."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
