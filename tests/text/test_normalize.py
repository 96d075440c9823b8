import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rasd.text.normalize import _DETACHED_WA, KeptIndexes, _normalize_char, loose_key, normalize, normalize_key
from rasd.text.segment import clauses, sentences
from rasd.text.tokens import tokenize

ARABIC_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩۰۱۲،؛؟«»“”#_ .\n()\u200b\u200f\u202bﻻﷲabc123")
)
ARABIC_TEXT = st.lists(ARABIC_ALPHABET, max_size=200).map("".join)


def test_variants_are_unified_and_offsets_point_at_original() -> None:
    text = "قُتِلَ «٥» مدنيين في #ديرالزور، يوم الأحد"
    n = normalize(text)
    assert "قتل" in n.norm and '"5"' in n.norm and " ديرالزور," in n.norm and "الاحد" in n.norm
    i = n.norm.index("5")
    a, b = n.original_span(i, i + 1)
    assert text[a:b] == "٥"
    i = n.norm.index("قتل")
    a, b = n.original_span(i, i + 3)
    assert text[a:b] == "قُتِلَ"


def test_zero_width_bidi_and_tatweel_are_ignored() -> None:
    assert normalize("دير\u200f الزو\u0640\u0640ر\u202b").norm == "دير الزور"
    assert normalize_key("إدلب") == normalize_key("ادلب") == "ادلب"
    assert normalize_key("حماة") == normalize_key("حماه")
    assert normalize_key("ذيبان ۱۲") == "ذيبان 12"


def test_loose_key_joins_glued_and_spaced_names() -> None:
    assert loose_key("دير الزور") == "ديرزور"
    assert loose_key("كفر نبودة") == loose_key("كفرنبودة")
    assert loose_key("الشحيل") == loose_key("شحيل")


def test_ligature_expands_and_maps_back() -> None:
    text = "ﻻ شيء"
    n = normalize(text)
    assert n.norm.startswith("لا")
    assert n.original_span(0, 2) == (0, 1)


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_any_span_maps_back_inside_the_original(text: str) -> None:
    n = normalize(text)
    assert len(n.offsets) == len(n.norm) + 1
    assert list(n.offsets) == sorted(n.offsets)
    for token in tokenize(n):
        a, b = n.original_span(token.start, token.end)
        assert 0 <= a < b <= len(text)
        # the original characters normalize back to the token (plus removed marks only)
        assert normalize(text[a:b]).norm == token.text


@settings(max_examples=200, deadline=None)
@given(ARABIC_TEXT)
def test_segmentation_covers_text_without_overlap(text: str) -> None:
    n = normalize(text)
    last = 0
    for s in sentences(n.norm):
        assert last <= s.start < s.end <= len(n.norm)
        for c in clauses(n.norm, s):
            assert s.start <= c.start < c.end <= s.end
        last = s.end


def test_sentences_split_on_stops_and_lines() -> None:
    n = normalize("قتل شخص. وأصيب آخر!\nسطر جديد؟ نهاية")
    parts = [n.norm[s.start:s.end] for s in sentences(n.norm)]
    assert parts == ["قتل شخص.", "واصيب اخر!", "سطر جديد?", "نهايه"]


def test_clauses_split_before_connectors_that_chain_events() -> None:
    # seed article: one sentence, two events
    n = normalize("قتلوا في غارة للتحالف على بلدة السوسة، إضافة إلى قياديين آخرين خلال المعارك على أطراف مدينة هجين")
    (s,) = sentences(n.norm)
    parts = [n.norm[c.start:c.end] for c in clauses(n.norm, s)]
    assert len(parts) == 2 and parts[1].startswith("اضافه الي")
    n = normalize("سيطرت قسد، يوم الثلاثاء، على مدينة هجين")
    (s,) = sentences(n.norm)
    assert len(clauses(n.norm, s)) == 1  # commas around the date do not split


def test_invisible_characters_inside_words_are_removed_with_offsets_kept() -> None:
    # word joiner, invisible separator, variation selectors, control characters
    for mark in ("\u2060", "\u2063", "\ufe0f", "\U000e0100", "\x1a", "\x02", "\x7f"):
        text = f"غا{mark}رة على دو{mark}ما"
        n = normalize(text)
        assert n.norm == "غاره علي دوما", repr(mark)
        i = n.norm.index("دوما")
        a, b = n.original_span(i, i + 4)
        assert text[a:b] == f"دو{mark}ما"


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_fast_path_is_the_character_table(text: str) -> None:
    """The regex-split fast path gives what mapping every character alone gives, and
    its offsets are the indexes of the characters kept (a range or ``KeptIndexes``); a
    detached و is tested on its own below."""
    assume(_DETACHED_WA.search("".join(map(_normalize_char, text))) is None)
    n = normalize(text)
    kept = [i for i, ch in enumerate(text) for _ in _normalize_char(ch)]
    assert n.norm == "".join(map(_normalize_char, text))
    assert list(n.offsets) == kept + [len(text)]
    assert [n.offsets[i] for i in range(-len(n.offsets), 0)] == list(n.offsets)


def test_kept_indexes_skip_the_cuts() -> None:
    offsets = KeptIndexes(6, [1, 2, 5])
    assert len(offsets) == 4
    assert list(offsets) == [0, 3, 4, 6]
    assert offsets[1:3] == [3, 4] and offsets[-1] == 6
    with pytest.raises(IndexError):
        offsets[4]
    n = normalize("قُتِلَ")  # marks removed: offsets from the cuts
    assert isinstance(n.offsets, KeptIndexes) and n.original_span(0, 3) == (0, 6)
    assert isinstance(normalize("قتل").offsets, range)
    assert normalize("قُتِلَ") == normalize("قُتِلَ") != normalize("قتل")


@pytest.mark.parametrize("text,joined", [
    ("على أطراف بلدة الباغوز و السوسة", "الباغوز والسوسه"),  # the range path
    ("على أطراف بلدة الباغوز و  السُّوسة", "الباغوز والسوسه"),  # marks removed: KeptIndexes, two spaces
    ("ﻻ قتال بين داعش و قوات سوريا", "داعش وقوات"),  # the slow path (a ligature)
])
def test_a_detached_wa_is_read_joined_to_its_word(text: str, joined: str) -> None:
    n = normalize(text)
    assert joined in n.norm
    i = n.norm.index(joined) + joined.index(" و") + 2  # the word after و
    word = joined[joined.index(" و") + 2:]
    a, b = n.original_span(i, i + len(word))
    assert normalize(text[a:b]).norm == word and text[a - 1] == " "
    assert normalize("وقال: و").norm == "وقال: و"  # no word after it: kept
    assert normalize("جو وب").norm == "جو وب" and normalize("قصفو ا").norm == "قصفو ا"  # و in a word: kept
    assert normalize_key("شرق و غرب") == "شرق و غرب"  # a key keeps its entry's spelling (a village)

