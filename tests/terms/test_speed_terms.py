"""The shortcuts of critical-term verification give what the full work gives.

Each fast path of :mod:`transkit.terms` (the phone-number pre-test, normalisation by
``str.replace`` and ``str.split``, splitting words on letters and digits first) is
compared with the work it replaces, on generated text: digits of several scripts,
phone-like digit groups, plus signs, parentheses, slashes, the extension words of
phonenumbers, spaces of many kinds, bidirectional controls and combining marks.  Where a
shortcut rests on a property of every character, the property is checked for every code
point.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from re import _constants as sre_constants
from re import _parser as sre_parser
from unittest import mock

import phonenumbers.phonenumbermatcher
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from transkit.terms import match, values
from transkit.terms.match import BIDI_CONTROLS, normalize, split_words, word_split
from transkit.terms.values import phone_numbers

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९²①"
_GROUPS = [
    "078",
    "055",
    "800",
    "0032",
    "+32",
    "+",
    "00",
    "78",
    "05",
    "58",
    "2023",
    "0415",
    "112",
    "1234567890",
    "(078)",
    "078/05/58/00",
    "۰۷۸",
    "٠٧٨",
    "2024-06-10",
    "12:30",
    ":45",
    "1/2/2024",
]
_JOINS = [
    " ",
    "  ",
    "-",
    ".",
    "/",
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u2009",
    "\u3000",
    "\t",
    "\n",
    "(",
    ")",
    "+",
    ", ",
    ": ",
    "_",
    "–",
    "−",
    "～",
    "#",
    ";ext=",
    " ext. ",
    " x",
    " int ",
    " anexo ",
    " доб ",
    "ｅｘｔ",
    "EXT",
    "\u0130nt",
    "\u017f",
    "BH-",
    "-BH",
    "a",
    "e",
    "b",
    "Tel",
    "é",
    "\u0301",
    "%",
]
_WORDS = [
    "Appelez",
    "le",
    "call",
    "the",
    "helpline",
    "Référence",
    "BH",
    "ligne",
    "été",
    "e\u0301te",
    "İnsan",
    "ﬁle",
    "Straße",
    "اتصل",
    "हेल्पलाइन",
    "你好",
    "de_recha",
    "x",
    "ext",
    "int",
    "anexo",
    "«",
    "»",
    "’",
    "“",
    "…",
    "\u00ad",
    "\ufeff",
    "\u200c",
    "\u200d",
]
_PIECE = st.one_of(
    st.sampled_from(_GROUPS),
    st.sampled_from(_JOINS),
    st.sampled_from(_WORDS),
    st.sampled_from(BIDI_CONTROLS),
    st.text(alphabet=_DIGITS, min_size=1, max_size=12),
    st.text(max_size=3),
)
TEXT = st.one_of(st.text(max_size=40), st.lists(_PIECE, max_size=24).map("".join))


def _every_character() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


# ---------------------------------------------------------------------------------------
# Phone numbers: the pre-test that skips phonenumbers' matcher
# ---------------------------------------------------------------------------------------


def _single_characters(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """A pattern for each single-character element of ``pattern`` (literal, class,
    category), compiled with its flags; any other element fails the test, so that a new
    construct in a new phonenumbers is looked at, not passed over."""
    found = []

    def walk(items) -> None:
        for op, av in items:
            if op in (sre_constants.LITERAL, sre_constants.IN, sre_constants.NOT_LITERAL, sre_constants.ANY):
                found.append(re.compile(sre_parser_to_text(op, av), pattern.flags))
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is sre_constants.SUBPATTERN:
                walk(av[-1])
            elif op is sre_constants.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op is sre_constants.AT and av is sre_constants.AT_BOUNDARY:
                pass  # \b: matches no character
            else:
                raise AssertionError(f"unexpected element {op} {av} in {pattern.pattern!r}")

    walk(sre_parser.parse(pattern.pattern, pattern.flags))
    return found


def sre_parser_to_text(op, av) -> str:
    """One parsed element back as pattern text."""
    if op is sre_constants.LITERAL:
        return re.escape(chr(av))
    if op is sre_constants.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    if op is sre_constants.ANY:
        return "."
    parts = []
    for kind, value in av:
        if kind is sre_constants.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is sre_constants.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind is sre_constants.CATEGORY:
            parts.append(
                {
                    sre_constants.CATEGORY_DIGIT: r"\d",
                    sre_constants.CATEGORY_SPACE: r"\s",
                    sre_constants.CATEGORY_WORD: r"\w",
                    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
                    sre_constants.CATEGORY_NOT_SPACE: r"\S",
                    sre_constants.CATEGORY_NOT_WORD: r"\W",
                }[value]
            )
        elif kind is sre_constants.NEGATE:
            parts.append("^")
        else:
            raise AssertionError(f"unexpected class item {kind} {value}")
    return "[" + "".join(parts) + "]"


def test_a_phone_match_holds_only_characters_of_the_stretches() -> None:
    """Every character that phonenumbers' matcher pattern or our candidate pattern can
    match, in any case, is one the pre-test's stretches hold: a match never leaves one."""
    stretch = re.compile(values._PHONE_CHAR)
    everything = _every_character()
    for pattern in (phonenumbers.phonenumbermatcher._PATTERN, values._PHONE_CANDIDATE):
        for element in _single_characters(pattern):
            outside = [c for c in element.findall(everything) if not stretch.fullmatch(c)]
            assert not outside, (pattern.pattern, element.pattern, outside[:20])


def test_isdigit_in_a_stretch_is_a_decimal_digit() -> None:
    """The digits _keep counts (``str.isdigit``) that a stretch holds are decimal digits
    (``\\d``): superscripts and circled digits are word characters, no stretch's."""
    stretch = re.compile(values._PHONE_CHAR)
    for char in _every_character():
        if char.isdigit() and stretch.fullmatch(char):
            assert re.fullmatch(r"\d", char), hex(ord(char))


def _slow_phone_numbers(text: str, region: str) -> tuple[values.PhoneMatch, ...]:
    """phone_numbers without the pre-test, its gate counting what _keep counts."""
    with (
        mock.patch.object(values, "_may_hold_phone", lambda plain: True),
        mock.patch.object(values, "_digit_count", lambda text: sum(map(str.isdigit, text))),
    ):
        return phone_numbers.__wrapped__(text, region)


@_SETTINGS
@given(text=TEXT, region=st.sampled_from(["BE", "ZZ", "US", "IR"]))
@example(text="Merci. Référence\u00a0: BH-2023-0415", region="BE")
@example(text="Appelez le 078 055 800, 24 heures sur 24.", region="BE")
@example(text="Bel \u2066۰۷۸ ۰۵۵ ۸۰۰\u2069 nu", region="BE")
@example(text="+32 78 05 58 00 or 0032 78 05 58 00", region="ZZ")
@example(text="078/05/58/00", region="BE")
@example(text="(078) 055-800 ext. 12", region="BE")
@example(text="call 12345 ext 678", region="US")
@example(text="Tel:0780558000", region="BE")
@example(text="a 078 055 800b", region="BE")
@example(text="_078 055 800", region="BE")
@example(text="x078 055 800", region="BE")
@example(text="2024-06-10 12:30:45", region="BE")
@example(text="²³ 078 055 800", region="BE")
@example(text="٠٧٨ ٠٥٥ ٨٠٠", region="BE")
def test_phone_pre_test_gives_what_the_matcher_gives(text: str, region: str) -> None:
    assert phone_numbers.__wrapped__(text, region) == _slow_phone_numbers(text, region)


@_SETTINGS
@given(text=TEXT)
@example(text="BH-2023-0415")
@example(text="ref. 2023-0415 ")
def test_phone_pre_test_says_no_only_where_no_number_is_found(text: str) -> None:
    plain = match.strip_bidi(text)
    if not values._may_hold_phone(plain):
        assert _slow_phone_numbers(text, "BE") == ()
        assert _slow_phone_numbers(text, "ZZ") == ()


# ---------------------------------------------------------------------------------------
# normalize(): str.replace for translate(), str.split for the _SPACES regex
# ---------------------------------------------------------------------------------------


def _slow_normalize(text: str, fold_case: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.translate(match._TRANSLATE)
    text = match._SPACES.sub(" ", text).strip()
    return text.casefold() if fold_case else text


def test_spaces_are_what_isspace_accepts_and_zero_width_space() -> None:
    """What lets " ".join(text.split()) stand for _SPACES: the regex's characters are
    exactly str.isspace()'s and U+200B, for every code point."""
    for char in _every_character():
        assert bool(match._SPACES.fullmatch(char)) == (char.isspace() or char == "\u200b"), hex(ord(char))


def test_replacements_hold_no_character_they_replace() -> None:
    """Replacing one character after another gives translate()'s one pass."""
    for by in match._REPLACEMENTS.values():
        assert not any(c in match._REPLACEMENTS for c in by)
    assert all(not char.isascii() for char in match._REPLACEMENTS)


@_SETTINGS
@given(text=TEXT, fold_case=st.booleans())
@example(text=" a\u200b b\u00a0\u202f c\u2028 ", fold_case=True)
@example(text="\u200b", fold_case=False)
@example(text="l\u2019\u00ab\u00a0traite\u00a0\u00bb \u2013 \u0130nsan\u00ad\u200c\u200d\ufeff", fold_case=True)
@example(text="\x1c a \x85 b \u1680", fold_case=True)
def test_normalize_gives_what_translate_and_the_regex_give(text: str, fold_case: bool) -> None:
    assert normalize.__wrapped__(text, fold_case=fold_case) == _slow_normalize(text, fold_case)


# ---------------------------------------------------------------------------------------
# Words: split on letters and digits first
# ---------------------------------------------------------------------------------------


@_SETTINGS
@given(text=TEXT)
@example(text="e\u0301te ete")
@example(text="\u0301ab ab\u0301 de_recha")
@example(text="हेल्पलाइन أحدًا")
@example(text="a\U0001d167b \U000e0100x")
def test_split_words_gives_what_word_split_gives(text: str) -> None:
    for plain in (text, normalize(text)):
        assert split_words(plain) == word_split().split(plain)
