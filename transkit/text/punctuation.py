"""Punctuation by function, in every script: brackets that pair up, quotation marks
that pair up in some language's way, and what a final mark does.

Languages write punctuation differently: Arabic ends a question with ``؟``, Chinese with
``？``, Thai often with nothing; Greek asks with ``;``; Germans open quotes with ``„`` and
close them with ``“``; right-to-left text typed in visual order shows brackets reversed.
Everything is read in typed order, with placeholders, markup and URLs masked out.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from transkit.model.languages import Language, base_language
from transkit.terms.match import strip_bidi
from transkit.text.spans import MASK, mask, plain_text

# --- brackets ---------------------------------------------------------------------------

_BRACKETS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "（": "）",
    "［": "］",
    "｛": "｝",
    "【": "】",
    "〔": "〕",
    "〖": "〗",
    "〘": "〙",
    "〚": "〛",
    "〈": "〉",
    "《": "》",
    "⟨": "⟩",
    "⦅": "⦆",
    "｟": "｠",
    "\ufd3f": "\ufd3e",
    "\ufd3e": "\ufd3f",  # Arabic ornate parentheses, used either way round
}
CLOSERS = {close: open_ for open_, close in _BRACKETS.items()}
"""Each closing bracket's opener."""
CANONICAL = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "\ufd3f": "(", "\ufd3e": ")"}
"""Full-width and ornate brackets as the ASCII ones they stand for."""


def bracket_problems(text: str) -> Counter:
    """Unclosed openers and stray closers, counted by ``(bracket, "unclosed"|"stray")``
    with full-width brackets written as ASCII ones; placeholders, markup and URLs are
    masked first."""
    return Counter((CANONICAL.get(char, char), kind) for char, kind, _ in bracket_scan(text))


# A list or example label at the start of a line: "1)", "a)", Korean "예)".
_LABEL = re.compile(r"[ \t]*[^\W_]{1,3}")


def _any_of(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any one of ``chars``: it finds them in a text faster than a set looks
    up every character of it."""
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_BRACKET_CHAR = _any_of(set(_BRACKETS) | set(CLOSERS))


def bracket_scan(text: str) -> list[tuple[str, str, int]]:
    """``(bracket as written, "stray"|"unclosed", position)`` for each bracket that pairs
    with none, in the order the text is typed; labels (``1)``, ``a)``) are no brackets."""
    # Most texts have no bracket at all: masking only removes characters, so none can pair wrongly.
    if not _BRACKET_CHAR.search(text):
        return []
    return list(_bracket_scan(text))


@lru_cache(maxsize=16384)  # a source is scanned once per language, a translation by S111 twice
def _bracket_scan(text: str) -> tuple[tuple[str, str, int], ...]:
    plain = plain_text(text)
    stack: list[tuple[str, int]] = []
    problems = []
    # Only brackets change the stack or are problems: the other characters are skipped.
    for match in _BRACKET_CHAR.finditer(plain):
        position, char = match.start(), match.group()
        if stack and _BRACKETS.get(stack[-1][0]) == char:
            stack.pop()
        elif char in _BRACKETS:
            stack.append((char, position))
        elif char in ")）" and _LABEL.fullmatch(plain[plain.rfind("\n", 0, position) + 1 : position]):
            continue
        elif char in CLOSERS:
            problems.append((char, "stray", position))
    problems.extend((char, "unclosed", position) for char, position in stack)
    return tuple(problems)


# --- quotation marks --------------------------------------------------------------------

_DOUBLE_QUOTE_PAIRS = {
    ("«", "»"),
    ("»", "»"),
    ("‹", "›"),
    ("›", "›"),
    ("“", "”"),
    ("„", "“"),
    ("„", "”"),
    ("”", "”"),
    ('"', '"'),
    ("＂", "＂"),
    ("‘", "’"),
    ("‚", "‘"),
    ("‚", "’"),
    ("’", "’"),
    ("'", "'"),
    ("「", "」"),
    ("『", "』"),
    ("｢", "｣"),
    ("〝", "〞"),
    ("〝", "〟"),
}
# German and Danish »…« is right to left's visual-order mistake; Arabic's ”…“ (CLDR's own
# quotation marks for Arabic) is left to right's.
_LTR_PAIRS = frozenset(_DOUBLE_QUOTE_PAIRS | {("»", "«"), ("›", "‹")})
_RTL_PAIRS = frozenset(_DOUBLE_QUOTE_PAIRS | {("”", "“"), ("’", "‘")})
_QUOTES = frozenset(c for pair in _LTR_PAIRS | _RTL_PAIRS for c in pair)
_QUOTE = _any_of(_QUOTES)
QUOTE_CHARACTERS = _QUOTES
"""Every character :func:`quote_marks` may report (apostrophes among them): a text with
none of them has no quotation mark to pair."""
_APOSTROPHES = frozenset("’'ʼ")
_MAX_QUOTES = 16


def _in_word(char: str) -> bool:
    """A letter or a combining mark: Sinhala "එන්‘කෝ" has a virama before its apostrophe."""
    return unicodedata.category(char)[0] in "LM"


def _hebrew(char: str) -> bool:
    """A Hebrew letter: after one, ``'`` is a geresh and ``"`` a gershayim (the marks of
    abbreviations and numerals, ``ט"ב``, ``ג'``), as Hebrew keyboards type them."""
    return "\u05d0" <= char <= "\u05ea"


def quote_marks(text: str) -> list[str]:
    """The quotation marks of a text in order, leaving out apostrophes inside words
    (``d’aide``, ``o‘zbek``) and everything inside placeholders, markup and URLs."""
    if not _QUOTE.search(text):
        return []  # the common case, decided without masking: masking adds no mark
    plain = plain_text(text)
    marks = []
    for match in _QUOTE.finditer(plain):
        position, char = match.start(), match.group()
        before = plain[position - 1] if position else " "
        after = plain[position + 1] if position + 1 < len(plain) else " "
        if char in "’'‘ʼ" and _in_word(before) and _in_word(after):
            continue
        if char in "\"'" and _hebrew(before) and (_hebrew(after) or char == "'"):
            continue  # a geresh or gershayim typed as ' or ": ט"ב, צ'ק, ג'
        if before in _QUOTES and after in _QUOTES:
            continue  # a quotation mark quoted: '"'
        marks.append(char)
    return marks


def quotes_balanced(text: str, rtl: bool = False) -> bool:
    """Whether the quotation marks of a text pair up in some language's way.

    A mark may open or close depending on the language (``“`` opens in English and
    closes in German), so every reading is tried; ``’`` and ``'`` may also be
    apostrophes.  Texts with more than sixteen marks are not judged.
    """
    marks = tuple(quote_marks(text))
    if not marks:
        return True  # what _balanced() says of no marks, without asking it
    if len(marks) > _MAX_QUOTES:
        return True
    return _balanced(marks, rtl)


@lru_cache(maxsize=4096)  # the answer depends on the marks alone, and a few sequences are most texts'
def _balanced(marks: tuple[str, ...], rtl: bool) -> bool:
    pairs = _RTL_PAIRS if rtl else _LTR_PAIRS
    openers = frozenset(open_ for open_, _ in pairs)

    @cache
    def parse(position: int, stack: tuple[str, ...]) -> bool:
        if position == len(marks):
            return not stack
        char = marks[position]
        if stack and (stack[-1], char) in pairs and parse(position + 1, stack[:-1]):
            return True
        if char in openers and len(stack) < 8 and parse(position + 1, stack + (char,)):
            return True
        return char in _APOSTROPHES and parse(position + 1, stack)

    return parse(0, ())


# --- final punctuation ------------------------------------------------------------------


class Mark(enum.Enum):
    """What a final punctuation mark does, whatever the script writes it as."""

    STOP = "full stop"
    QUESTION = "question mark"
    EXCLAMATION = "exclamation mark"
    COLON = "colon"
    SEMICOLON = "semicolon"
    COMMA = "comma"
    ELLIPSIS = "ellipsis"
    NONE = "no punctuation"


_MARKS: dict[str, Mark] = {}
for _chars, _mark in (
    (".。．｡։።।॥۔။។།܂᙮", Mark.STOP),
    ("?？؟፧՞⸮", Mark.QUESTION),
    ("!！՜߹", Mark.EXCLAMATION),
    (":：፦፥︓", Mark.COLON),
    (";；؛፤⁏", Mark.SEMICOLON),
    (",，、،፣၊߸､", Mark.COMMA),
    ("…⋯‥", Mark.ELLIPSIS),
):
    _MARKS.update(dict.fromkeys(_chars, _mark))

# Where a language reads a mark otherwise: the Greek question mark is ";" and its
# semicolon the raised dot; Armenian text often types its full stop "։" as ":".
_LANGUAGE_MARKS: dict[str, dict[str, frozenset[Mark]]] = {
    "el": {
        ";": frozenset({Mark.QUESTION}),
        "\u037e": frozenset({Mark.QUESTION}),
        "\u0387": frozenset({Mark.SEMICOLON}),
        "·": frozenset({Mark.SEMICOLON}),
    },
    "hy": {":": frozenset({Mark.STOP, Mark.COLON})},
}
# Closing quotation marks are looked through ("exit".  «sortie».); brackets are not: the
# full stop of "(eldri stafs.)" is an abbreviation's, not the sentence's.
_CLOSING = "」』»«›‹”“’‘\"'"


_TAGS = frozenset({"tag", "entity"})
"""Looked through at the end of a text: markup, and character references (the ``;`` of
``&gt;`` is no semicolon of the sentence)."""
_ONLY = {mark: frozenset({mark}) for mark in Mark}
"""One set per mark, shared by every answer final_marks keeps in its cache."""
_ACCELERATOR_SUFFIX = re.compile(r"\s*[(（][_&][^\W_][)）]\s*$")


# A mark that every language reads the same way, by the character it is written as.
_READ_ALIKE = {
    char: _ONLY[mark] for char, mark in _MARKS.items() if not any(char in marks for marks in _LANGUAGE_MARKS.values())
}


def may_end_with_mark(text: str) -> bool:
    """False when :func:`final_marks` says ``text`` ends with no punctuation because its
    last character, trailing whitespace aside, is a letter or a digit (most texts)."""
    return not text.rstrip()[-1:].isalnum()


def final_marks(text: str, language: Language | None = None) -> frozenset[Mark]:
    """What the final punctuation of a text can be read as.

    Trailing whitespace, bidirectional controls, tags, closing quotation marks and an
    appended access key (``デバイス:(_D)``, the GNOME and KDE way for scripts without
    Latin letters) are looked through: ``« Sortie rapide ».`` and ``"Quick exit."`` end
    with a full stop, ``(optional)`` with no punctuation.
    """
    # Most texts end with a letter or digit, or with one mark after one: nothing is left
    # to look through (a tag ends with ">", an access key with ")", a bidirectional
    # control or a quotation mark is neither), and no ellipsis is there to recognise.
    if not may_end_with_mark(text):
        return _ONLY[Mark.NONE]
    end = text.rstrip()[-2:]
    if end[:1].isalnum() and end[1] in _READ_ALIKE:
        return _READ_ALIKE[end[1]]
    return _final_marks(text, language)


@lru_cache(maxsize=65536)  # a source serves each form of a plural, and several messages
def _final_marks(text: str, language: Language | None) -> frozenset[Mark]:
    plain = mask(strip_bidi(text), _TAGS)
    if "_" in plain or "&" in plain:  # an access key has one; most texts do not
        plain = _ACCELERATOR_SUFFIX.sub("", plain)
    while True:
        stripped = plain.rstrip().rstrip(MASK).rstrip()
        if stripped[-1:] and stripped[-1] in _CLOSING:
            stripped = stripped[:-1]
        if stripped == plain:
            break
        plain = stripped
    if plain.endswith("...") or plain.endswith("。。。"):
        return _ONLY[Mark.ELLIPSIS]
    last = plain[-1:]
    special = _LANGUAGE_MARKS.get(base_language(language), {})
    if last in special:
        return special[last]
    return _ONLY[_MARKS.get(last, Mark.NONE)] if last else _ONLY[Mark.NONE]


@lru_cache(maxsize=1024)  # a few marks times a few languages, asked for every message
def accepted_marks(source: Mark, language: Language | None) -> frozenset[Mark]:
    """The final marks a translation may end with for a source ending with ``source``.

    Any language may soften ``!`` to a full stop.  Thai and Lao end sentences without a
    mark; Japanese may end a question with ``か。``; Armenian puts its question and
    exclamation marks on a vowel of the word (``՞``, ``՜``) and ends with ``։``; Tibetan
    and Dzongkha close phrases and names with the shad ``།``.
    """
    marks = {source}
    base = base_language(language)
    if source is Mark.EXCLAMATION:
        marks.add(Mark.STOP)
    if base in ("th", "lo") and source is not Mark.NONE:
        marks.add(Mark.NONE)
    if base == "ja" and source is Mark.QUESTION:
        marks.add(Mark.STOP)
    if base == "hy" and source in (Mark.QUESTION, Mark.EXCLAMATION):
        marks.add(Mark.STOP)
    if base in ("bo", "dz") and source in (Mark.NONE, Mark.STOP):
        marks |= {Mark.NONE, Mark.STOP}  # the shad "།" closes names and phrases too
    return frozenset(marks)


def abbreviation(source: str, translation: str, want: frozenset[Mark], have: frozenset[Mark]) -> bool:
    """A full stop that belongs to an abbreviation, on either side: a one-word source
    ("Nov", "Tue") translated by an abbreviation ("nov.", "อ."), or a source whose last
    word is one ("until 6 p.m.", "Sept.", "etc.") translated without it ("jusqu’à 18 h")."""
    plain = strip_bidi(translation).strip()
    if Mark.STOP in want and Mark.NONE in have:
        return _ends_with_abbreviation(strip_bidi(source))
    return (
        Mark.NONE in want
        and Mark.STOP in have
        and plain.endswith(".")
        and (
            (len(source.split()) == 1 and len(plain.split()) == 1 and len(plain) <= 8)
            or _NUMBER_AND_ABBREVIATION.search(plain) is not None
        )
    )


_NUMBER_AND_ABBREVIATION = re.compile(r"\d\s+[^\W\d_]{1,4}\.$")
"""A number and a short word with its full stop, ending the text: the year's « 2023 г. »
(Bulgarian, Russian), « 2023 r. » (Polish), « 5 min. », « 10 ul. »: the stop belongs to the
abbreviation, not to a sentence the source does not end."""


_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun etc inc ltd co corp vs approx min max no nos dr mr mrs ms st ave fig vol ed eds pp""".split()
)
_LAST_WORD = re.compile(r"(\S+)\.\s*$")


def _ends_with_abbreviation(text: str) -> bool:
    """Whether the final full stop of a text ends an abbreviation: a word with a stop
    inside (``p.m.``, ``e.g.``, ``U.S.``) or a common English one (``Sept.``, ``etc.``)."""
    match = _LAST_WORD.search(text)
    if match is None:
        return False
    word = match[1].lstrip("([\"'“‘")
    return "." in word.strip(".") or word.casefold() in _ABBREVIATIONS


def last_mark(text: str) -> str:
    """The final punctuation mark of a text as written, or "" when it ends with none."""
    plain = mask(strip_bidi(text), _TAGS).rstrip().rstrip(MASK).rstrip().rstrip(_CLOSING).rstrip()
    return plain[-1] if plain and (plain[-1] in _MARKS or plain[-1] in ";·\u037e\u0387") else ""
