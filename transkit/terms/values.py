"""Values in text that must survive translation exactly: phone numbers, digits, domains.

Phone numbers are compared by value (phonenumbers parses every spelling, native digits
included); short numbers by their digits; websites by domain.  Right-to-left display is
decided by running the Unicode Bidirectional Algorithm (python-bidi), not by guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from bidi import get_display

from transkit.terms.match import strip_bidi

_MIN_PHONE_DIGITS = 8
# Digit groups joined by the separators people use in phone numbers; catches spellings
# phonenumbers' own text matcher passes over (it takes ``078/05/58/00`` for a date).
_PHONE_CANDIDATE = re.compile(r"(?:\+|\b00)?\d[\d \u00a0./()-]{6,}\d")
# What a phone number match can hold: digits, any character that is not a letter or
# digit, and the letters of the extension words phonenumbers' matcher reads ("ext",
# "extensión", "anexo", "int", "x", "доб", their fullwidth forms, with every letter its
# IGNORECASE pattern takes for them: ſ, ı, İ, ᲁ, ᲂ).  A stretch is a run of them with a
# digit; tests/terms/test_speed_terms.py proves them against the installed phonenumbers (listed,
# not sought with IGNORECASE: a third faster).
_PHONE_LETTERS = (
    "AEINOSTXaeinostx\u00d3\u00f3\u0130\u0131\u017f\u0411\u0414\u041e\u0431\u0434\u043e\u1c81\u1c82"
    "\u30fc\uff25\uff29\uff2e\uff34\uff38\uff45\uff49\uff4e\uff54\uff58"
)
_PHONE_CHAR = rf"[\W\d{_PHONE_LETTERS}]"
_PHONE_STRETCH = re.compile(rf"(?<!{_PHONE_CHAR}){_PHONE_CHAR}*\d{_PHONE_CHAR}*")
# Where a kept match may start: not glued to a letter, digit, hyphen, slash or underscore.
_UNGLUED = re.compile(r"(?<![\w/-])")
# A digit run: ASCII or any script's decimal digits.
_DIGITS = re.compile(r"\d+")
_DOMAIN = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:www\.)?"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})"
    r"(?![\w@-])(?:/[^\s\"'<>)]*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)  # slots: many are kept in the caches of text analyses
class PhoneMatch:
    raw: str
    """The number as written (bidi controls removed)."""
    value: str
    """E.164 form: the number's identity."""
    start: int
    end: int


def ascii_digits(text: str) -> str:
    """Native digits (Arabic-Indic, Persian, Devanagari, …) written as ASCII digits."""
    if text.isascii():
        return text  # nothing to convert
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


@lru_cache(maxsize=65536)  # the term checks and M101 read a translation's, and a source's per language
def phone_numbers(text: str, region: str = "BE") -> tuple[PhoneMatch, ...]:
    """Phone numbers in a text, by value.

    A reference code such as ``BH-2023-0415`` is not a phone number: a match glued to a
    letter, hyphen or slash on either side is ignored, as are runs of fewer than eight
    digits (years, counts, 112).
    """
    if _digit_count(text) < _MIN_PHONE_DIGITS:
        return ()  # _keep would refuse every match: most texts, decided without parsing
    plain = strip_bidi(text)
    if not _may_hold_phone(plain):
        return ()  # the same, for digits that no kept match can gather (BH-2023-0415)
    found: list[PhoneMatch] = []
    for match in phonenumbers.PhoneNumberMatcher(plain, region, leniency=phonenumbers.Leniency.POSSIBLE):
        value = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        _keep(found, plain, PhoneMatch(match.raw_string, value, match.start, match.end))
    for candidate in _PHONE_CANDIDATE.finditer(plain):
        if any(p.start < candidate.end() and candidate.start() < p.end for p in found):
            continue
        parsed = phone_value(candidate.group(), region)
        if parsed is not None:
            _keep(found, plain, PhoneMatch(candidate.group(), parsed, candidate.start(), candidate.end()))
    return tuple(sorted(found, key=lambda p: p.start))


def may_hold_phone(text: str) -> bool:
    """False when :func:`phone_numbers` finds nothing in a text for want of digits: fewer
    than eight (most texts), told without reading it further."""
    return _digit_count(text) >= _MIN_PHONE_DIGITS


def _may_hold_phone(plain: str) -> bool:
    """Whether a text has room for a match :func:`_keep` keeps: eight digits after an
    unglued start, within one stretch of the characters a match can hold.

    Any such match is one of those stretches' substrings (both matchers' patterns hold
    nothing else), starts where _keep finds nothing glued before it, and has eight
    digits; so a text where no stretch has eight digits from its first unglued position
    on has no phone number, decided without the phonenumbers matcher (a reference code
    in a long translation took a parse per text).
    """
    for stretch in _PHONE_STRETCH.finditer(plain):
        start, end = stretch.span()
        first = _UNGLUED.search(plain, start, end)
        if first is not None and _digit_count(plain[first.start() : end]) >= _MIN_PHONE_DIGITS:
            return True
    return False


def _digit_count(text: str) -> int:
    """How many decimal digits (``\\d``) a text has.

    _keep counts ``str.isdigit`` characters, which are more (superscripts, circled
    digits); but those are word characters that no match can hold, so a match's digits
    are decimal digits, counted three times faster.
    """
    if text.isascii():
        return sum(map(text.count, "0123456789"))
    return sum(map(len, _DIGITS.findall(text)))


def _keep(found: list[PhoneMatch], plain: str, match: PhoneMatch) -> None:
    before = plain[match.start - 1] if match.start > 0 else " "
    after = plain[match.end] if match.end < len(plain) else " "
    if before.isalnum() or before in "-/_" or after.isalnum() or after in "_":
        return
    if sum(c.isdigit() for c in match.raw) < _MIN_PHONE_DIGITS:
        return
    found.append(match)


@lru_cache(maxsize=4096)
def phone_value(text: str, region: str | None) -> str | None:
    """The E.164 value of a phone number written alone, or None when it is not one."""
    try:
        number = phonenumbers.parse(strip_bidi(text), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=65536)  # a source and each term's digits are asked for per language
def digit_runs(text: str) -> tuple[str, ...]:
    """Every run of digits, as ASCII: ``"۱۱۲"`` gives ``"112"``."""
    return tuple(ascii_digits(run) for run in _DIGITS.findall(strip_bidi(text)))


@lru_cache(maxsize=65536)  # a source is asked about once per language
def domains(text: str) -> tuple[str, ...]:
    """Website domains in a text, lower case, without scheme, ``www.`` or path."""
    if "." not in text:
        return ()  # a domain has a dot
    plain = strip_bidi(text)
    found = []
    for match in _DOMAIN.finditer(plain):
        domain = match.group(1).lower()
        # "%(filename)s.pdf" or "e.g" are not websites: need a letter-only top-level domain
        # and something before it.
        if domain.count(".") >= 1 and not domain.split(".")[-1].isdigit():
            found.append(domain)
    return tuple(found)


@lru_cache(maxsize=4096)  # the termbase's url forms, normalised for every message
def normalize_domain(url: str) -> str:
    text = url.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(r"^www\.", "", text)
    return text.split("/", 1)[0]


def displays_reversed(text: str, raw_number: str) -> bool:
    """Whether a number written in ``text`` is shown with its digit groups reversed.

    The Unicode Bidirectional Algorithm decides: in right-to-left text, digit groups
    separated by spaces or hyphens form separate runs laid out right to left, so
    ``078 055 800`` is displayed ``800 055 078`` unless the number is isolated
    (U+2066 … U+2069) or held together.  The number displays correctly when the visual
    line contains it as written.
    """
    plain_number = strip_bidi(raw_number)
    if len(re.findall(r"\d+", ascii_digits(plain_number))) < 2:
        return False  # a single digit run is never reordered
    visual = strip_bidi(get_display(text, base_dir="R"))
    return plain_number not in visual
