"""The shortcuts of the typography and punctuation checks give what the full work gives.

Each cheap test that lets a check skip work (a pre-filter, a fast path for the common
case) is compared with the work it skips, on generated text in many scripts: Latin with
and without diacritics, Greek, Turkish dotted capitals, Arabic with its vowel marks,
Hebrew, Devanagari, Chinese, ligatures, digits, punctuation, quotation marks, brackets,
bidirectional controls, placeholders and markup.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from transkit.model.languages import language
from transkit.terms.match import BIDI_CONTROLS, may_normalize_alike, normalize, strip_bidi, word_pattern
from transkit.text import punctuation
from transkit.text.lengths import (
    _COUNTED,
    _LATIN_WEIGHT,
    _NOT_LATIN,
    _WEIGHTS,
    _counted_length,
    _english_length,
    counted_characters,
)
from transkit.text.punctuation import (
    _BRACKETS,
    _MARKS,
    _QUOTE,
    _QUOTES,
    CLOSERS,
    Mark,
    _bracket_scan,
    _final_marks,
    _in_word,
    accepted_marks,
    bracket_scan,
    final_marks,
    quote_marks,
)
from transkit.text.spacing import _edges, edges, inner_line_breaks
from transkit.text.spans import MASK, plain_text
from transkit.text.words import (
    ALLOWED_REPEATS,
    _capitalised_words,
    _opens_sentence,
    _repeated_words,
    repeated_words,
)

# Words that meet their own kind once case is folded: ß and SS, Turkish İ, final sigma,
# ligatures, the Kelvin sign; with combining marks, digits and accelerators.
_WORDS = [
    "the",
    "The",
    "THE",
    "la",
    "La",
    "LA",
    "vous",
    "sie",
    "Sie",
    "Straße",
    "STRASSE",
    "strasse",
    "İnsan",
    "insan",
    "INSAN",
    "ΣΑΣ",
    "σας",
    "σασ",
    "ﬁle",
    "file",
    "FILE",
    "\u212aelvin",
    "kelvin",
    "أحدًا",
    "احدا",
    "धीरे",
    "שלום",
    "你好",
    "你好你好",
    "e\u0301te",
    "été",
    "\u0301ab",
    "ab\u0301",
    "a",
    "A",
    "ab",
    "AB",
    "a1",
    "12",
    "١٢",
    "Tod_as",
    "as",
    "de_recha",
    "de",
    "Brussels",
    "PAG",
    "ASA",
]
_GAPS = [
    " ",
    " ",
    " ",
    "\u00a0",
    "\u202f",
    "\u3000",
    "\t",
    "\n",
    "  ",
    ", ",
    ". ",
    "? ",
    "! ",
    ": ",
    "; ",
    ".\n",
    "(",
    ")",
    "（",
    "）",
    "[",
    "]",
    "_",
    "&",
    "-",
    "’",
    "'",
    '"',
    "«",
    "»",
    "„",
    "“",
    "”",
    "「",
    "」",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2069",
    "\u200b",
    "%s",
    "%(n)d",
    "{x}",
    "<b>",
    "</b>",
    "http://a.be/x ",
    MASK,
    "。",
    "…",
    "...",
    "؟",
    "?",
    "!",
    ";",
    "·",
    "\u037e",
    "(_D)",
    "&amp;",
    "1)",
    "\n1)",
    "﴿",
    "﴾",
    "\u0301",
]
_REPEAT = st.tuples(st.sampled_from(_WORDS), st.sampled_from(" \u00a0\t\n\u3000"), st.sampled_from(_WORDS))
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.sampled_from(_GAPS), _REPEAT.map("".join), st.text(max_size=3)),
        max_size=16,
    ).map("".join),
)
CODES = [None, "en", "fr", "de", "el", "hy", "ar", "fa", "he", "ja", "zh_Hans", "th", "bo", "tr"]
_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _every_character() -> str:
    return "".join(map(chr, range(sys.maxunicode + 1)))


# ---------------------------------------------------------------------------------------
# Repeated words (S122)
# ---------------------------------------------------------------------------------------


def test_case_folding_keeps_tokens_and_word_characters() -> None:
    """What the pre-filter of repeated words relies on, for every code point: folding
    keeps whitespace as it is, makes no whitespace of anything else, never drops a
    character, and keeps a word character a word character (and no other one)."""
    word = word_pattern()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = char.casefold()
        if folded == char:
            continue
        assert folded and not char.isspace() and not any(c.isspace() for c in folded), hex(code)
        is_word = word.fullmatch(char) is not None
        assert all((word.fullmatch(c) is not None) == is_word for c in folded), hex(code)


@_SETTINGS
@given(text=TEXT, allowed=st.sampled_from([frozenset(), *ALLOWED_REPEATS.values()]))
@example(text="Appelez la LA ligne", allowed=frozenset())
@example(text="(the the)", allowed=frozenset())
@example(text="Straße strasse", allowed=frozenset())
@example(text="ΣΑΣ σας", allowed=frozenset())
@example(text="İnsan insan", allowed=frozenset())
@example(text="ﬁle file", allowed=frozenset())
@example(text="e\u0301te été", allowed=frozenset())
@example(text="ab\u0301 ab\u0301.", allowed=frozenset())
def test_repeated_words_pre_filter_misses_no_repeat(text: str, allowed: frozenset[str]) -> None:
    assert repeated_words(text, allowed) == list(_repeated_words.__wrapped__(text, allowed))


# ---------------------------------------------------------------------------------------
# Proper nouns (S141)
# ---------------------------------------------------------------------------------------

_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")
"""The rule as a regular expression, read over everything before the word."""
_NEAR_A_SENTENCE_START = st.text(
    alphabet=st.one_of(st.sampled_from(".!?:;\n\r\t \u00a0\u3000\u2029_aZ9é\u0301«»()\u200e" + MASK), st.characters()),
    max_size=12,
)


@_SETTINGS
@given(before=_NEAR_A_SENTENCE_START, after=_NEAR_A_SENTENCE_START)
@example(before="a\n", after="B")
@example(before="a. _", after="B")
def test_a_sentence_start_is_read_backwards_as_the_rule_says(before: str, after: str) -> None:
    expected = _SENTENCE_START.search(before) is not None
    assert _opens_sentence(before + after, len(before)) == expected


@_SETTINGS
@given(text=st.one_of(TEXT, st.text(alphabet="aZ09 _-.’(" + MASK, max_size=30)))
@example(text="iPhone and PAG-ASA in Brussels")
@example(text="%s Brussels")
@example(text="Évora, Brussels")
def test_capitalised_words_are_those_word_pattern_finds(text: str) -> None:
    plain = plain_text(text)
    expected = [(m.start(), m.group()) for m in word_pattern().finditer(plain) if m.group()[:1].isupper()]
    assert [(m.start(), m.group()) for m in _capitalised_words(plain)] == expected


# Ways a translation may differ from its source and still normalise to it.
_ALIKE = [
    str.lower,
    str.upper,
    str.swapcase,
    str.title,
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: unicodedata.normalize("NFC", t),
    lambda t: t.replace(" ", "\u00a0"),
    lambda t: t.replace(" ", "  "),
    lambda t: t.replace(" ", "\u200b"),
    lambda t: f" {t}\n",
    lambda t: f"\u200e{t}\u200f",
    lambda t: f"\u00ad{t}",
    lambda t: t.replace("e", "e\u200d"),
    lambda t: t.replace("'", "’"),
    lambda t: t.replace('"', "«"),
    lambda t: t.replace("-", "–"),
    lambda t: t.replace("K", "\u212a"),
    lambda t: t.replace("fi", "ﬁ"),
    lambda t: t.replace("i", "ı"),
    lambda t: t.replace("I", "İ"),
    lambda t: t.replace("ss", "ß"),
]
_ENGLISH = st.lists(
    st.sampled_from(
        [
            "Send",
            "the",
            "file",
            "FILE",
            "Kelvin",
            "don't",
            "e-mail",
            '"Quick"',
            "Issue",
            "class",
            "ae\u0301",
            "u\u0344",
            "é",
            "PAG-ASA",
            "%s",
            "<b>",
            "1.",
            "(x)",
            "a",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@_SETTINGS
@given(source=st.one_of(_ENGLISH, TEXT), changes=st.lists(st.sampled_from(_ALIKE), max_size=4), other=TEXT)
@example(source="Don't", changes=[lambda t: t.replace("'", "’")], other="")
def test_texts_said_not_to_normalise_alike_do_not(source: str, changes: list, other: str) -> None:
    translation = source
    for change in changes:
        translation = change(translation)
    for first, second in ((source, translation), (translation, source), (source, other)):
        assert may_normalize_alike(first, second) or normalize(first) != normalize(second)
        assert may_normalize_alike(first, second) or normalize(first, fold_case=False) != normalize(
            second, fold_case=False
        )


def test_the_word_characters_normalize_keeps_beyond_ascii_are_those_the_table_says() -> None:
    """Every word character beyond ASCII: normalize() (folding case or not) leaves it beyond
    ASCII exactly when may_normalize_alike's table says so."""
    import re

    from transkit.terms.match import _KEPT_BEYOND_ASCII

    word = re.compile(r"\w")
    for code in range(0x80, 0x110000):
        character = chr(code)
        if 0xD800 <= code <= 0xDFFF or not word.match(character):
            continue
        kept = not normalize(character).isascii() and not normalize(character, fold_case=False).isascii()
        assert bool(_KEPT_BEYOND_ASCII.match(character)) == kept, hex(code)


@pytest.mark.parametrize(
    ("source", "translation", "alike"),
    [
        ("Send", "Envoyé", False),
        ("Passport", "Паспорт", False),
        ("office", "o\ufb03ce", True),  # the ligature folds to "ffi"
        ("Kelvin", "\u212aelvin", True),
        ("Send", "Send", True),
    ],
)
def test_a_text_beyond_ascii_is_no_copy_of_an_ascii_one(source: str, translation: str, alike: bool) -> None:
    assert may_normalize_alike(source, translation) is alike
    assert may_normalize_alike(translation, source) is alike


# ---------------------------------------------------------------------------------------
# Final punctuation (S131)
# ---------------------------------------------------------------------------------------

_BEFORE_ENDS = ["", "a", "Z", "9", "é", "ж", "你", "\u0301", ")", "»", "'", MASK, "\u200e", ".", ">", "_"]
_ENDS = [
    *_MARKS,
    *punctuation._CLOSING,
    ";",
    ":",
    "·",
    "\u037e",
    "\u0387",
    "a",
    "9",
    "…",
    "...",
    "。。。",
    ")",
    "(_D)",
    "</b>",
    "%s",
    "{x}",
    MASK,
    "\u200e",
    "\u200f",
    "\u2069",
    "\u0301",
    "\u00ad",
]
_ENDINGS = st.tuples(st.sampled_from(_BEFORE_ENDS), st.sampled_from(_ENDS)).map("".join)
_TRAILING = st.sampled_from(["", " ", "\n", "\u00a0", "\u3000", " \n", "\t"])


@_SETTINGS
@given(text=TEXT, ending=_ENDINGS, trailing=_TRAILING, code=st.sampled_from(CODES))
def test_final_marks_fast_path(text: str, ending: str, trailing: str, code: str | None) -> None:
    lang = language(code) if code else None
    for whole in (text, text + ending + trailing):
        assert final_marks(whole, lang) == _final_marks.__wrapped__(whole, lang)


@pytest.mark.parametrize("code", CODES)
def test_final_marks_fast_path_after_every_kind_of_character(code: str | None) -> None:
    lang = language(code) if code else None
    for before in _BEFORE_ENDS:
        for end in _ENDS:
            for trailing in ("", " ", "\n"):
                text = f"Quick exit {before}{end}{trailing}"
                assert final_marks(text, lang) == _final_marks.__wrapped__(text, lang), repr(text)


@pytest.mark.parametrize("code", CODES)
def test_a_mark_is_always_accepted_for_itself(code: str | None) -> None:
    """S131 skips accepted_marks() when the translation ends with the source's mark."""
    lang = language(code) if code else None
    for mark in Mark:
        assert mark in accepted_marks(mark, lang)


# ---------------------------------------------------------------------------------------
# Brackets and quotation marks (S111, S112)
# ---------------------------------------------------------------------------------------


def test_quotation_mark_and_bracket_patterns_match_exactly_their_characters() -> None:
    everything = _every_character()
    assert set(_QUOTE.findall(everything)) == _QUOTES
    assert len(_QUOTE.findall(everything)) == len(_QUOTES)
    brackets = punctuation._BRACKET_CHAR.findall(everything)
    assert set(brackets) == set(_BRACKETS) | set(CLOSERS) and len(brackets) == len(set(brackets))


def _quote_marks_character_by_character(text: str) -> list[str]:
    """quote_marks() as first written: every character of the masked text looked at."""
    plain = f" {plain_text(text)} "  # a space before the first and after the last
    return [
        char
        for before, char, after in zip(plain, plain[1:], plain[2:])
        if char in _QUOTES
        and not (char in "’'‘ʼ" and _in_word(before) and _in_word(after))
        and not (char in "\"'" and punctuation._hebrew(before) and (punctuation._hebrew(after) or char == "'"))
        and not (before in _QUOTES and after in _QUOTES)
    ]


@_SETTINGS
@given(text=TEXT)
@example(text="« l’aide » d'un '\"' „Hilfe“ 「帮助」")
@example(text="א'")  # a geresh typed as an apostrophe
def test_quote_marks_reading_marks_only_reads_as_every_character(text: str) -> None:
    assert quote_marks(text) == _quote_marks_character_by_character(text)


@_SETTINGS
@given(text=TEXT)
@example(text="1) Appelez\n 예) 1-3 (a [b) c]")
@example(text=")بروكسل( ﴿نص﴾ ﴾نص﴿ （布鲁塞尔")
def test_bracket_scan_reading_brackets_only_reads_as_every_character(text: str) -> None:
    with mock.patch.object(punctuation, "_BRACKET_CHAR", re.compile("(?s).")):
        every_character = punctuation._bracket_scan.__wrapped__(text)
    assert list(_bracket_scan.__wrapped__(text)) == list(every_character)
    assert bracket_scan(text) == list(every_character)


# ---------------------------------------------------------------------------------------
# Whitespace (S101, S102, S103) and length (S151, S152)
# ---------------------------------------------------------------------------------------


@_SETTINGS
@given(
    text=TEXT,
    before=st.sampled_from(["", " ", "\n", *BIDI_CONTROLS, "\u200e ", "\u00a0", "\u3000"]),
    after=st.sampled_from(["", " ", "\n", *BIDI_CONTROLS, " \u200f", "\t", "\u202f"]),
)
@example(text="abc", before="\u200e", after=" \u200f")
@example(text="abc", before="\u2066 ", after="\u2069")
def test_edges_fast_path(text: str, before: str, after: str) -> None:
    for whole in (text, before + text + after):
        assert edges(whole) == _edges.__wrapped__(whole)
        assert inner_line_breaks(whole) == strip_bidi(whole).strip().count("\n")


_MOSTLY_LATIN = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=0x02FF), max_size=8),
        st.text(alphabet=st.characters(min_codepoint=0x2000, max_codepoint=0x20CF), max_size=2),
        st.sampled_from(["%s", "{x}", "<b>", MASK, "\u00a0", "\u202f", "\u0301", "’", "€", "ж", "你", "\u200e"]),
    ),
    max_size=8,
).map("".join)


def test_latin_characters_are_counted_and_weigh_alike() -> None:
    """What the count of Latin text relies on, for every character it takes as Latin."""
    latin = "".join(_NOT_LATIN.split(_every_character()))
    for char in latin:
        if not char.isprintable():
            continue
        if char == " ":
            assert not _COUNTED[char]
        else:
            assert _COUNTED[char] and _WEIGHTS[False][char] == _WEIGHTS[True][char] == _LATIN_WEIGHT, hex(ord(char))
    assert not any(_COUNTED[blank] for blank in (MASK, "\u00a0", "\u202f"))


@_SETTINGS
@given(text=st.one_of(TEXT, _MOSTLY_LATIN), japanese=st.booleans())
@example(text="", japanese=False)
@example(text="   ", japanese=False)
@example(text="Nom\u202f: %s", japanese=True)
def test_lengths_of_latin_text_are_those_of_every_character(text: str, japanese: bool) -> None:
    assert _counted_length(text) == len(counted_characters(text))
    plain = plain_text(text)
    every_character = sum(map(_WEIGHTS[japanese].__getitem__, plain))
    english = _english_length(plain, japanese)
    assert english == every_character and type(english) is type(every_character)
