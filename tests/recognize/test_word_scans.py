"""The text scans that pick the few tokens the actor and people passes read (cue words,
kunya starts) find exactly the tokens a test of every token would find."""

from __future__ import annotations

import datetime as dt

from rasd.recognize import actors as actors_mod
from rasd.recognize.actors import load_pack
from rasd.recognize.people import _Finder, _lexicon, find_people
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize

TEXTS = [
    "أعلن تنظيم داعش مسؤوليته، وقال التنظيم إن مقاتليه قتلوا جنديين وللتنظيم خلايا في البلدة",
    "اشتبكت قوات الجيش مع هيئة تحرير الشام وقتل عناصر من الطرفين، وأطلقتها الأخيرة بين الطرفان",
    ("قتل القيادي أبو حمزة التدمري وابو محمد العدناني وأبومحسن مع أم أحمد (أبي بكر) "
     "في أبواب المدينة، وأمام الإمام أباها"),
    "التنظيمات والتنظيمين والأخيرتين والطرف والأطراف وبالطرفين _التنظيم أبو_عمر",
    "",
]


def test_cue_positions_are_the_cue_words() -> None:
    for text in TEXTS:
        tokens = tokenize(normalize(text))
        expected = [i for i, t in enumerate(tokens) if actors_mod._is_cue(t.text)]
        assert actors_mod._cue_positions(tokens) == expected, text


def test_kunya_starts_are_the_words_a_kunya_may_start() -> None:
    lex = _lexicon()
    for text in TEXTS:
        ntext = normalize(text)
        tokens = tokenize(ntext)
        finder = _Finder(ntext.norm, tokens, load_pack().find(tokens, dt.date(2018, 1, 1)))
        expected = [i for i, t in enumerate(tokens) if lex.may_start_kunya(t.text)]
        assert finder.kunya_starts() == expected, text


def test_anaphors_and_kunyas_after_clitics() -> None:
    ntext = normalize(TEXTS[0] + ". " + TEXTS[2])
    tokens = tokenize(ntext)
    found = load_pack().find(tokens, dt.date(2018, 1, 1))
    assert [m.actor.name for m in found if m.anaphoric] == ["Islamic State", "Islamic State"]
    kunyas = [p.kunya for p in find_people(ntext.norm, tokens, found)]
    assert "ابو حمزه التدمري" in kunyas and "ابو محمد العدناني" in kunyas
