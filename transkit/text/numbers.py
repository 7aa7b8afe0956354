"""Numbers in message text, compared by value: ``1,000``, ``1.000``, ``1 000`` and
``١٬٠٠٠`` are one number, and a translation may group digits its own way.

Any script's decimal digits count (every character Unicode calls decimal, ``Nd``:
Arabic-Indic, Devanagari, Thai, full-width…, read by
:func:`transkit.terms.values.ascii_digits`, as the term checks read them); numbers inside placeholders, markup, URLs and e-mail
addresses are not numbers of the text (:func:`transkit.text.spans.mask`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from transkit.terms.values import ascii_digits, phone_numbers
from transkit.text.spans import plain_text

# Characters that separate the digit groups of one number: spaces (French, Swedish),
# no-break and narrow no-break spaces, full stops and commas (German, English), the
# apostrophe (Swiss), the Arabic decimal and thousands separators.
_GROUP = " \u00a0\u202f\u2009\u2007.,'\u2019\u066b\u066c"
# "\d\d*" is "\d+", spelt so that the pattern starts with a character set, which the
# regex engine looks for alone before it tries a match: a third faster over prose.
_NUMBER = re.compile(rf"\d\d*(?:[{_GROUP}]\d+)*")
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_MAX_GROUPS = 8
"""Longest run of digit groups read as one number besides the whole (a phone number has
at most five or six)."""


@dataclass(frozen=True, slots=True)  # slots: many are kept in the caches of text analyses
class Number:
    """A number as written, with the digit groups it is made of (as ASCII digits)."""

    text: str
    groups: tuple[str, ...]

    @property
    def value(self) -> str:
        """Its identity: the digits without separators or leading zeros."""
        return _key(self.groups)

    def readings(self) -> set[str]:
        """Every number the text may be read as: the whole, and each run of its groups.

        ``24 7`` may be one number or two; ``078 055 800`` may be a phone number or three
        numbers.  The translation side is read every way, so that no grouping a language
        uses makes a number look missing.
        """
        groups, count = self.groups, len(self.groups)
        found = {_key(groups)}
        if count == 1:
            return found  # its only run is the whole: most numbers
        for i in range(count):
            found.update(_key(groups[i:j]) for j in range(i + 1, min(count, i + _MAX_GROUPS) + 1))
        return found


def _key(groups: tuple[str, ...]) -> str:
    return "".join(groups).lstrip("0") or "0"


def _alphabetic(char: str) -> bool:
    """A letter of an alphabet written with spaces; "7月30日" glues digits to ideographs
    as a matter of course."""
    return char.isalpha() and unicodedata.name(char, "").startswith(("LATIN", "GREEK", "CYRILLIC"))


@lru_cache(maxsize=65536)  # M101 reads a source once per language, and twice in a plural
def numbers(text: str) -> tuple[Number, ...]:
    """The numbers of a text, outside placeholders, markup, URLs and e-mail addresses.

    Any script's decimal digits count (``٠٧٨`` is 078); digits glued to a word on one
    side still count (``30th``, ``SOCKSv5``), since a changed digit there is as wrong, but
    not digits inside a word (``l10n``, ``H2O``), which translators rightly rewrite.
    """
    if not _ANY_DIGIT.search(text):
        return ()  # no digit, no number: most messages, decided before masking
    plain = plain_text(text)
    found = []
    for match in _NUMBER.finditer(plain):
        start, end = match.span()
        if start and end < len(plain) and _alphabetic(plain[start - 1]) and _alphabetic(plain[end]):
            continue  # inside a word: "l10n", "i18n", "H2O"
        raw = match.group()  # digits at both ends: nothing of _GROUP to strip
        runs = (raw,) if raw.isdigit() else _DIGIT_RUN.findall(raw)  # isdigit: no separator
        groups = tuple(runs) if raw.isascii() else tuple(ascii_digits(group) for group in runs)
        found.append(Number(raw, groups))
    return tuple(found)


def number_readings(text: str) -> set[str]:
    """Every value the numbers of a text can be read as (see :meth:`Number.readings`)."""
    return set(_readings(text))


@lru_cache(maxsize=4096)
def _readings(text: str) -> frozenset[str]:
    readings: set[str] = set()
    for number in numbers(text):
        readings |= number.readings()
    return frozenset(readings)


def number_found(number: Number, readings: Set[str]) -> bool:
    """Whether a source number is in a translation read as ``readings``.

    Either the whole number is there in any grouping, or each of its groups is: ``24/7``
    written ``24 … 7`` keeps both numbers.
    """
    if number.value in readings:
        return True
    return len(number.groups) > 1 and all(_key((group,)) in readings for group in number.groups)


def missing_numbers(
    source: str,
    translation: str,
    *,
    optional: frozenset[str] = frozenset(),
    owned: frozenset[str] = frozenset(),
    region: str = "ZZ",
    year_offsets: tuple[int, ...] = (),
    source_numbers: tuple[Number, ...] | None = None,
) -> list[Number]:
    """Numbers of the source that the translation does not have, by value.

    ``optional`` values may be absent (the ``1`` of a plural's singular, replaced by a
    placeholder); ``owned`` values are left to the term checks.  A phone number written
    in another national or international form (``+32 78 05 58 00``) counts as present,
    and so does a year converted to the language's calendar (``year_offsets``).
    ``source_numbers`` are :func:`numbers` of ``source`` when the caller has them: a
    check remembers a source's for every language, which this module's cache cannot.
    """
    if source_numbers is None:
        source_numbers = numbers(source)
    if not source_numbers:
        return []
    readings = _readings(translation)
    missing = []
    phones: dict[str, str] | None = None
    for number in source_numbers:
        value = number.value
        if value in owned or value in optional or number_found(number, readings):
            continue
        if len(number.groups) == 1 and len(value) == 4 and 1000 <= int(value) <= 2999:
            if any(str(int(value) + offset) in readings for offset in year_offsets):
                continue
        if phones is None:
            phones = _kept_phones(source, translation, region)
        if value in phones:
            continue
        missing.append(number)
    return missing


def _kept_phones(source: str, translation: str, region: str) -> dict[str, str]:
    """The source's phone numbers that the translation has in any form, by their digits.

    The source is read first: most have no phone number, and then the translation's,
    which takes the phonenumbers library's matcher, need not be read at all.
    """
    in_source = phone_numbers(source, region)
    if not in_source:
        return {}
    target = {p.value for p in phone_numbers(translation, region)}
    return {
        "".join(g for n in numbers(p.raw) for g in n.groups).lstrip("0"): p.value
        for p in in_source
        if p.value in target
    }


# Years a language may write in its own calendar: Thai and Lao count the Buddhist era
# (2023 is 2566), Persian the solar hijri one (2023 is 1401 or 1402).
YEAR_OFFSETS: dict[str, tuple[int, ...]] = {"th": (543,), "lo": (543,), "fa": (-621, -622)}


# ---------------------------------------------------------------------------------------
# How sure a missing number is a wrong translation
# ---------------------------------------------------------------------------------------

# A time of the 12-hour clock: "6 p.m.", "6:30pm", "11 AM".
_TWELVE_HOUR = re.compile(r"(?<!\d)(\d{1,2})(?::(\d\d))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
# A time of the 24-hour clock: "18:00", "08:30".
_TWENTY_FOUR_HOUR = re.compile(r"(?<!\d)(\d{1,2}):(\d\d)(?!\d)")
SPELLED_OUT_MAX = 24
"""Up to here a number is often written as a word or carried by an idiom ("a dozen",
"around the clock", the "one" implicit in Russian "час"): a missing one is worth a look,
not a blocked release."""


def clock_equivalents(source: str) -> dict[str, frozenset[str]]:
    """Values of the source's times, each with the values that write the same time in the
    other clock (``6 p.m.`` is ``18:00``, ``18 Uhr``; ``18:00`` is ``6 p.m.``), and the
    minutes ``00`` that a translation may leave out (``18 h``)."""
    if ":" not in source and "m" not in source.casefold():
        return {}
    equivalent: dict[str, set[str]] = {}
    for match in _TWELVE_HOUR.finditer(source):
        hour = int(match[1])
        if 1 <= hour <= 12:
            other = (hour % 12) + (12 if match[3].lower() == "p" else 0)
            equivalent.setdefault(str(hour), set()).update({str(other), str(other or 24)})
            if match[2] == "00":
                equivalent.setdefault("0", set()).add("")
    for match in _TWENTY_FOUR_HOUR.finditer(source):
        hour = int(match[1])
        if 13 <= hour <= 23:
            equivalent.setdefault(str(hour), set()).add(str(hour - 12))
        if match[2] == "00":
            equivalent.setdefault("0", set()).add("")
    return {value: frozenset(others) for value, others in equivalent.items()}


@lru_cache(maxsize=1024)
def number_words(value: int, language: str) -> tuple[str, ...]:
    """The cardinal and ordinal words of ``value`` in ``language`` (a BCP 47 tag), as
    num2words writes them, lower case; () for a language num2words does not know."""
    from num2words import num2words  # imported on first use: most runs never need it

    words: list[str] = []
    for code in (language.replace("-", "_"), language.split("-")[0]):
        for kind in ("cardinal", "ordinal"):
            try:
                words.append(str(num2words(value, lang=code, to=kind)).casefold())
            except Exception:  # noqa: BLE001 - num2words fails in its own ways (uk ordinal 0: IndexError)
                continue  # a number it cannot spell is one no translation spells for us to find
        if words:
            break
    return tuple(dict.fromkeys(words))


def written_as_word(value: str, translation: str, language: str) -> bool:
    """Whether the translation writes the number ``value`` in words (``7`` as
    « sept », « sieben », « семи »: an inflected form shares the word's stem)."""
    if not value.isdigit() or len(value) > 6:
        return False
    words = number_words(int(value), language)
    if not words:
        return False
    text = translation.casefold()
    tokens = re.findall(r"\w+", text)
    for word in words:
        if " " in word or "-" in word:
            if word in text:
                return True
            continue
        stem = word[: max(3, len(word) - 2)] if len(word) >= 5 else word
        if any(token == word or (len(stem) > 3 and token.startswith(stem)) for token in tokens):
            return True
    return False
