"""How long a translation is expected to be, by script: Chinese needs about a third of
the English characters, Thai a little less than English, Latin letters a little more.

Ratios were measured on the shipped translations; a source under thirty characters is
not measured at all, since its length says little.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat
from typing import Any

from transkit.model.languages import Language, base_language
from transkit.text.spans import MASK, plain_text

# Characters of a script per English character, measured on the 23 shipped translations
# (median translation/source length per catalog, sources of 15 characters or more);
# kana, hangul and Khmer from published averages.  Japanese mixes kanji and kana and
# needs about half the English characters: its kanji count as Japanese, not Chinese.
SCRIPT_RATIOS: tuple[tuple[int, int, float, str], ...] = (
    (0x2E80, 0x9FFF, 0.36, "Chinese characters"),
    (0xF900, 0xFAFF, 0.36, "Chinese characters"),
    (0x20000, 0x3FFFF, 0.36, "Chinese characters"),
    (0x3040, 0x30FF, 0.6, "kana"),
    (0xAC00, 0xD7AF, 0.55, "hangul"),
    (0x1100, 0x11FF, 0.55, "hangul"),
    (0x0E00, 0x0EFF, 0.83, "Thai/Lao"),
    (0x1780, 0x17FF, 0.9, "Khmer"),
    (0x1200, 0x139F, 0.67, "Ethiopic"),
    (0x2D80, 0x2DDF, 0.67, "Ethiopic"),
    (0x0600, 0x08FF, 0.93, "Arabic script"),
    (0xFB50, 0xFEFF, 0.93, "Arabic script"),
    (0x0590, 0x05FF, 0.85, "Hebrew"),
)
JAPANESE_RATIO = 0.5
LATIN_RATIO = 1.12
"""Latin, Cyrillic, Greek and the other alphabets: 1.0–1.25 per language."""
MIN_SOURCE = 30


@lru_cache(maxsize=65536)
def _ratio(char: str, japanese: bool = False) -> float:
    code = ord(char)
    for start, end, ratio, _ in SCRIPT_RATIOS:
        if start <= code <= end:
            if japanese and (0x2E80 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF):
                return JAPANESE_RATIO
            return ratio
    return LATIN_RATIO


class _CharTable(dict):
    """A value per character, computed on first use: at most one entry per code point,
    and a dictionary look-up per character instead of Unicode database calls."""

    def __init__(self, function: Callable[[str], Any]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, char: str) -> Any:
        value = self[char] = self._function(char)
        return value


def _counted(c: str) -> bool:
    return c != MASK and (unicodedata.category(c)[0] in "LNPS" or unicodedata.category(c) == "Mc")


_COUNTED = _CharTable(_counted)


# 1 / ratio per character (Japanese or not), the weights length_ratio adds up; 0.0 for a
# character that is not counted, so that one pass over the text adds exactly the same sum.
def _weigher(japanese: bool) -> Callable[[str], float]:
    def weight(c: str) -> float:
        return 1 / _ratio(c, japanese) if _COUNTED[c] else 0.0

    return weight


_WEIGHTS = {japanese: _CharTable(_weigher(japanese)) for japanese in (False, True)}
_LATIN_WEIGHT = 1 / LATIN_RATIO


def counted_characters(text: str) -> list[str]:
    """Visible characters that carry text: letters, digits, punctuation, symbols and
    spacing vowel signs (Tamil, Devanagari); not the marks written above or below a letter
    (Thai vowels, Arabic vowel signs), spaces, or masked values."""
    counted = _COUNTED
    return [c for c in plain_text(text) if counted[c]]


# Latin letters, modifiers, general punctuation and currency signs: each printable one
# but the space is counted and weighs as Latin (the tests go through every code point).
_NOT_LATIN = re.compile("[^\x00-\u02ff\u2000-\u20cf]")


def _latin_count(plain: str) -> int | None:
    """The counted characters of a masked text in Latin letters (most texts): all but its
    spaces, every one of them weighing as Latin.  None for other texts, whose characters
    are looked up one by one."""
    for blank in (MASK, "\u00a0", "\u202f"):  # not counted either (French spaces before "?")
        if blank in plain:
            plain = plain.replace(blank, " ")
    if plain.isprintable() and not _NOT_LATIN.search(plain):
        return len(plain) - plain.count(" ")
    return None


def _counted_length(text: str) -> int:
    plain = plain_text(text)
    count = _latin_count(plain)
    return count if count is not None else sum(map(_COUNTED.__getitem__, plain))


def _english_length(plain: str, japanese: bool) -> float:
    """The sum of the weights of a masked text's characters, added one by one in order:
    ratios near the thresholds must come out the same to the last bit."""
    count = _latin_count(plain) if plain else None
    if count is not None:
        # The same additions in the same order (adding the 0.0 of a space changes nothing).
        return sum(repeat(_LATIN_WEIGHT, count), 0.0)
    return sum(map(_WEIGHTS[japanese].__getitem__, plain))


def source_length(source: str, language: Language | None = None) -> int | None:
    """The characters a source counts, or None under thirty: the lengths of short sources
    say little ("Fang (Equatorial Guinea)" may rightly become "Fang").

    A source in another language than English (``language``) is measured as translations
    are, in English characters, each weighted by its script: a Chinese source of ten
    characters is as long as an English one of about thirty."""
    if len(source) < MIN_SOURCE:
        return None  # fewer characters still are counted
    length = _counted_length(source)
    if length < MIN_SOURCE:
        return None
    if language is None or base_language(language) == "en":
        return length
    return max(1, round(_english_length(plain_text(source), base_language(language) == "ja")))


# Marks that end a sentence, in the scripts that have one: Latin, Greek and Cyrillic
# ". ! ?", Arabic "؟", Devanagari "। ॥", Ethiopic "። ፧", Armenian "։ ՞ ՜", Myanmar "။",
# Georgian "჻", and the full-width marks of Chinese and Japanese.
_SENTENCE_MARKS = ".!?\u061f\u06d4\u0964\u0965\u1362\u1367\u0589\u055e\u055c\u104b\u10fb\u3002\uff01\uff1f"
# A run of them that ends a sentence: before a space, the end of the text, or anything
# when the mark is full-width (Chinese and Japanese put no space after "。").
_SENTENCE_END = re.compile(rf"[{_SENTENCE_MARKS}]+(?=\s|$)|[\u3002\uff01\uff1f]+")


def sentences(text: str) -> int:
    """How many sentences a text has: the runs of final marks that end one (``...``
    counts once, ``1.5`` and ``e.g.x`` not at all), and the unfinished last one; 0 for a
    text with no counted character (only placeholders or markup)."""
    plain = plain_text(text).strip()
    if not any(_COUNTED[c] for c in plain):
        return 0
    ends = _SENTENCE_END.findall(plain)
    finished = bool(_SENTENCE_END.search(plain[-1:]) or re.search(rf"[{_SENTENCE_MARKS}]$", plain))
    return len(ends) + (0 if finished else 1)


@lru_cache(maxsize=1024)  # too-short and too-long ask for the same message in turn
def ratio_to(length: int, translation: str, language: Language | None = None) -> tuple[int, float, float]:
    """``(length, translation length in English characters, ratio)`` for a source of
    ``length`` counted characters (:func:`source_length`).

    Each translation character is weighted by its script's expected ratio, so a Chinese
    translation with a Latin name in it is measured fairly.
    """
    english = _english_length(plain_text(translation), base_language(language) == "ja")
    return length, english, english / length


def length_ratio(source: str, translation: str, language: Language | None = None) -> tuple[int, float, float] | None:
    """``(source length, translation length in English characters, ratio)``, or None for
    sources under thirty characters: :func:`source_length`, then :func:`ratio_to`."""
    length = source_length(source)
    return None if length is None else ratio_to(length, translation, language)


def expected_length(translation: str, length: int, language: Language | None = None) -> int:
    """The characters a translation of a ``length``-character source is expected to have,
    for the script most of the translation is written in."""
    japanese = base_language(language) == "ja"
    ratios = Counter(_ratio(c, japanese) for c in counted_characters(translation))
    ratio = ratios.most_common(1)[0][0] if ratios else LATIN_RATIO
    return round(length * ratio)
